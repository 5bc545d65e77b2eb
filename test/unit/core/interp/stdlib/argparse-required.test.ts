import assert from "node:assert/strict";
import { analyze } from "../../../helpers/analyze";

// A config file named only on the command line (argparse's required positional, or `required=True`, with no
// default: src/core/interp/stdlib/argparse.ts) is never guessed: the model stays unbuilt and the note asks for it.
const SCRIPT = (argument: string) => `import argparse
import yaml
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.fc = nn.Linear(cfg["width"], 4)

    def forward(self, x):
        return self.fc(x)

def main(path):
    cfg = yaml.safe_load(open(path))
    model = Net(cfg)
    return model

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument(${argument})
    args = parser.parse_args()
    main(args.config_path)
`;
const reasons = async (argument: string, others: Record<string, string> = {}) =>
  (await analyze(SCRIPT(argument), { others })).models.flatMap((m) => m.unresolved.map((u) => u.reason)).join("; ");

describe("argparse arguments the user must give (src/core/interp/stdlib/argparse.ts)", () => {
  it("a positional with no default leaves the file unknown and asks which one, naming the argument", async () => {
    assert.match(await reasons(`"config_path"`, { "/project/net.yaml": "width: 12\n" }), /command-line argument config_path, which the script requires and gives no default/);
  });

  it("an option with required=True asks the same; an optional positional (nargs='?') with a default reads the file", async () => {
    assert.match(await reasons(`"--config-path", dest="config_path", required=True`), /command-line argument --config-path, which the script requires/);
    const read = await analyze(SCRIPT(`"config_path", nargs="?", default="net.yaml"`), { others: { "/project/net.yaml": "width: 12\n" } });
    assert.ok(read.models.some((m) => m.params === 12 * 4 + 4), read.models.map((m) => `${m.name} ${m.params}`).join(", "));
  });
});
