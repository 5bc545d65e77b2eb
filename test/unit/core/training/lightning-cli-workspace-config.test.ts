import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { WorkspaceFiles } from "../../../../src/core/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { isCliConfigShape } from "../../../../src/core/training/lightning-cli";

// A project of our own run as its README would say, `python src/run.py fit -c settings/base.yaml`: a LightningCLI
// subclass in another module, both classes chosen by the config (subclass mode), and one config file in the workspace.
const CLI_MODULE = `from lightning.pytorch.cli import LightningCLI


class QuietCLI(LightningCLI):
    def add_arguments_to_parser(self, parser):
        parser.add_argument("--tag", default="plain")
`;

const DERIVED = `from tools.quiet import QuietCLI


class TaggedCLI(QuietCLI):
    pass
`;

const SCRIPT = `import lightning as L
from tools.derived import TaggedCLI


def cli_main():
    TaggedCLI(L.LightningModule, L.LightningDataModule, subclass_mode_model=True, subclass_mode_data=True)


if __name__ == "__main__":
    cli_main()
`;

const CONFIG = `trainer:
  precision: bf16-mixed
  max_epochs: 40
model:
  class_path: Regressor
data:
  class_path: NoiseData
  init_args:
    batch_size: 96
`;

/** Files in memory, with the folder listings a workspace on disk gives. */
function workspace(files: Record<string, string>): WorkspaceFiles {
  const inside = (dir: string, p: string) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes("/");
  const folders = new Set(Object.keys(files).flatMap((p) => p.split("/").slice(1, -1).map((_, i, parts) => `/${parts.slice(0, i + 1).join("/")}`)));
  return {
    read: (p) => files[p],
    exists: (p) => p in files || folders.has(p),
    listPython: (dir) => Object.keys(files).filter((p) => inside(dir, p) && p.endsWith(".py")),
    isDirectory: (p) => folders.has(p),
    listFiles: (dir) => Object.keys(files).filter((p) => inside(dir, p)),
    listFolders: (dir) => [...folders].filter((p) => inside(dir, p)),
  };
}

const planOf = async (configs: Record<string, string>, script = SCRIPT): Promise<TrainingPlan> => {
  const files = { "/project/src/tools/__init__.py": "", "/project/src/tools/quiet.py": CLI_MODULE, "/project/src/tools/derived.py": DERIVED, ...configs };
  return (await analyze(script, { file: "/project/src/run.py", root: "/project", files: workspace({ ...files, "/project/src/run.py": script }) })).training ?? {};
};

// run=False: the CLI builds its objects only; this script tunes the learning rate and never fits.
const TUNING = `import lightning as L
from lightning.pytorch.tuner import Tuner
from tools.derived import TaggedCLI


def tune():
    cli = TaggedCLI(L.LightningModule, L.LightningDataModule, subclass_mode_model=True, subclass_mode_data=True, run=False)
    finder = Tuner(cli.trainer).lr_find(cli.model, datamodule=cli.datamodule)
    print(finder.suggestion())


if __name__ == "__main__":
    tune()
`;

describe("a LightningCLI run whose config the command line gives", () => {
  it("reads the workspace's one LightningCLI config file, for a subclass of LightningCLI in another module", async () => {
    const plan = await planOf({ "/project/settings/base.yaml": CONFIG, "/project/settings/notes.yaml": "owner: someone\n" });
    assert.deepEqual([plan.epochs?.value, plan.precision?.value], [40, "bf16"]);
    assert.match(plan.epochs!.detail, /one LightningCLI config file, settings\/base\.yaml/);
  });

  it("reads none where the workspace holds several: the command line picks one", async () => {
    const plan = await planOf({ "/project/settings/base.yaml": CONFIG, "/project/settings/long.yaml": CONFIG.replace("max_epochs: 40", "max_epochs: 400") });
    assert.notEqual(plan.epochs?.value, 40);
    assert.notEqual(plan.epochs?.value, 400);
    assert.equal(plan.precision, undefined);
  });

  it("with run=False the run is the script's cli.trainer.fit: one that only tunes trains nothing", async () => {
    const tuning = await planOf({ "/project/settings/base.yaml": CONFIG }, TUNING);
    assert.equal(tuning.epochs, undefined);
    const fitting = await planOf({ "/project/settings/base.yaml": CONFIG }, TUNING.replace("    finder = Tuner(cli.trainer).lr_find(cli.model, datamodule=cli.datamodule)\n    print(finder.suggestion())", "    cli.trainer.fit(cli.model, datamodule=cli.datamodule)"));
    assert.equal(fitting.epochs?.value, 40);
  });

  it("tells a LightningCLI config from a Hydra config or plain settings", () => {
    assert.equal(isCliConfigShape(CONFIG), true);
    assert.equal(isCliConfigShape("trainer:\n  _target_: lightning.pytorch.Trainer\n  max_epochs: 3\nmodel:\n  _target_: nets.Regressor\n"), false);
    assert.equal(isCliConfigShape("trainer:\n  max_epochs: 3\nbatch_size: 8\n"), false);
  });
});
