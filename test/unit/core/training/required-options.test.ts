import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// An entry script that hands its run to a runner the config names: nothing to read without the required --config.
const SCRIPT = (options: string) => `import argparse
import yaml
from runners import make_runner


def parse():
    parser = argparse.ArgumentParser()
${options}
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with open(args.config) as f:
        config = yaml.safe_load(f)
    return args, config


if __name__ == "__main__":
    args, config = parse()
    make_runner(config).train()
`;

const note = async (options: string) => (await analyze(SCRIPT(options))).notes.find((n) => n.startsWith("no training run read"));

describe("required command-line arguments where no run is read (src/core/training/required-options.ts)", () => {
  it("names the arguments the plain run stops at: a required option and a positional", async () => {
    const text = await note(`    parser.add_argument("--config", type=str, required=True)\n    parser.add_argument("doc")`);
    assert.match(text ?? "", /stops at the command-line arguments --config, doc, which the script requires/);
  });

  it("says nothing of options with a default, optional positionals, flags, or one added only on a branch", async () => {
    const options = [
      `    parser.add_argument("--config", type=str, default="configs/base.yaml")`,
      `    parser.add_argument("extra", nargs="?")`,
      `    parser.add_argument("--fp16", action="store_true")`,
      `    if argparse.__name__ == "x":\n        parser.add_argument("--local_rank", type=int, required=True)`,
    ].join("\n");
    assert.equal(await note(options), undefined);
  });

  it("says nothing where a run is read", async () => {
    const result = await analyze(`import argparse
import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--name", required=True)
args = parser.parse_args()
model = nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(5):
    model(torch.randn(8, 4)).sum().backward()
    opt.step()
`);
    assert.equal(result.notes.find((n) => n.startsWith("no training run read")), undefined);
  });

  it("names absl flags marked required with no default, a config_flags file among them; a flag with a default is not", async () => {
    const absl = (marks: string) => `from absl import app, flags
from ml_collections import config_flags
from runners import make_runner

FLAGS = flags.FLAGS
flags.DEFINE_string("workdir", None, "where checkpoints go")
flags.DEFINE_integer("seed", 0, "random seed")
config_flags.DEFINE_config_file("config", None, "training configuration", lock_config=True)
${marks}


def main(argv):
    make_runner(FLAGS.config, FLAGS.workdir).train()


if __name__ == "__main__":
    app.run(main)
`;
    const marked = (await analyze(absl(`flags.mark_flags_as_required(["config", "workdir", "seed"])`))).notes.find((n) => n.startsWith("no training run read"));
    assert.match(marked ?? "", /stops at the command-line arguments --config, --workdir, which the script requires/);
    const unmarked = (await analyze(absl(""))).notes.find((n) => n.startsWith("no training run read"));
    assert.equal(unmarked, undefined);
  });
});
