import { strict as assert } from "node:assert";
import { composeHydraConfig, type ConfigStoreNodes } from "../../../../src/core/hydra/compose";
import type { YamlValue } from "../../../../src/core/hydra/yaml";
import { memoryFiles } from "../../helpers/analyze";

const FILES = {
  "/p/configs/train.yaml": `# @package _global_
defaults:
  - _self_
  - data: mnist
  - trainer: default
  - logger: null
  - optional local: default
seed: 1
trainer:
  max_epochs: 99
`,
  "/p/configs/data/mnist.yaml": "_target_: data.MNISTDataModule\nbatch_size: 128\n",
  "/p/configs/trainer/default.yaml": "defaults:\n  - base\nmax_epochs: 10\n",
  "/p/configs/trainer/base.yaml": "_target_: lightning.pytorch.trainer.Trainer\nmax_epochs: 1\ndevices: 1\n",
  "/p/configs/task/pt.yaml": "# @package _global_\noptim:\n  total_steps: 500\n",
  "/p/configs/pt.yaml": "defaults:\n  - task: pt\n  - _self_\noptim:\n  batch_size: 64\n",
};

describe("Hydra config composition", () => {
  it("applies the defaults list in order: _self_ first here, so the trainer group's max_epochs wins over the primary's", () => {
    const c = composeHydraConfig(memoryFiles(FILES), "/p/src", "../configs", "train")!;
    assert.equal((c.config.trainer as Record<string, unknown>).max_epochs, 10);
    assert.equal((c.config.trainer as Record<string, unknown>).devices, 1, "the group file's own defaults (base.yaml) come first");
    assert.equal((c.config.data as Record<string, unknown>).batch_size, 128);
    assert.equal(c.config.seed, 1);
    assert.deepEqual([...c.files].sort(), ["/p/configs/data/mnist.yaml", "/p/configs/train.yaml", "/p/configs/trainer/base.yaml", "/p/configs/trainer/default.yaml"]);
    assert.deepEqual(c.missing, [], "a null entry and a missing optional one are not missing files");
    assert.equal(c.origins.get("trainer.max_epochs"), "/p/configs/trainer/default.yaml");
  });

  it("puts a '# @package _global_' group file at the top, and _self_ last keeps the primary's keys", () => {
    const c = composeHydraConfig(memoryFiles(FILES), "/p", "configs", "pt.yaml")!;
    assert.deepEqual(c.config.optim, { total_steps: 500, batch_size: 64 });
  });

  it("reads Hydra 0.x's config_path naming the file, and names a group option that is not there", () => {
    const files = memoryFiles({ "/p/src/config.yaml": "defaults:\n  - model: big\ntrain:\n  epochs: 30\n" });
    const c = composeHydraConfig(files, "/p", "src/config.yaml", undefined)!;
    assert.deepEqual(c.config.train, { epochs: 30 });
    assert.deepEqual(c.missing, ["/p/src/model/big.yaml"]);
    assert.equal(composeHydraConfig(files, "/p", "conf", "absent"), undefined);
  });
});

describe("Hydra composition with ConfigStore nodes", () => {
  const store: ConfigStoreNodes = new Map<string, { [key: string]: YamlValue }>([
    ["config", { defaults: [{ optim: "adam" }, "_self_"], optim: "???", trainer: { max_epochs: 20 } }],
    ["optim/adam", { lr: 0.001, batch_size: 16 }],
  ]);

  it("composes a primary node and a group node its defaults list chooses, MISSING keeping the group's value", () => {
    const c = composeHydraConfig(memoryFiles({}), "/p", ".", "config", store)!;
    assert.deepEqual(c.config.optim, { lr: 0.001, batch_size: 16 }, "`optim: ???` (MISSING) merged after the group does not undo it");
    assert.deepEqual(c.config.trainer, { max_epochs: 20 });
    assert.deepEqual(c.files, ["structured://config", "structured://optim/adam"]);
    assert.equal(c.origins.get("optim.batch_size"), "structured://optim/adam");
  });

  it("prefers a YAML file of the same name, and names a group option neither a file nor a node as missing", () => {
    const files = memoryFiles({ "/p/config.yaml": "defaults:\n  - optim: sgd\nbatch_size: 8\n" });
    const c = composeHydraConfig(files, "/p", ".", "config", store)!;
    assert.equal(c.config.batch_size, 8);
    assert.deepEqual(c.files, ["/p/config.yaml"]);
    assert.deepEqual(c.missing, ["/p/optim/sgd.yaml"]);
    assert.equal(composeHydraConfig(memoryFiles({}), "/p", ".", "other", store), undefined, "no file and no node of that name");
  });

  it("leaves Hydra's own `hydra/...` group to Hydra: not read, not missing", () => {
    const files = memoryFiles({ "/p/config.yaml": "defaults:\n  - override hydra/job_logging: colorlog\n  - hydra/launcher: basic\nepochs: 3\n" });
    const c = composeHydraConfig(files, "/p", ".", "config")!;
    assert.equal(c.config.epochs, 3);
    assert.deepEqual(c.missing, []);
  });
});
