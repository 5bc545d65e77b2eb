import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A script that only prints the config Hydra composes trains nothing: the keys named as a run's figures are the
// training scripts' (src/core/training/config-shown-only.ts). Scripts written for this test.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const FILES = { "/project/conf/run.yaml": "loader:\n  batch_size: 24\nschedule:\n  max_epochs: 12\n" };

const SHOW = `import logging
import hydra
from omegaconf import OmegaConf, DictConfig

log = logging.getLogger(__name__)


@hydra.main(config_path="conf", config_name="run")
def show(cfg: DictConfig):
    log.info("composed")
    print(OmegaConf.to_yaml(cfg, resolve=True))


if __name__ == "__main__":
    show()
`;

const LAUNCH = `import hydra
from omegaconf import DictConfig
from experiments import launch


@hydra.main(config_path="conf", config_name="run")
def entry(cfg: DictConfig):
    print(cfg.loader.batch_size, cfg.schedule.max_epochs)
    launch(cfg)


if __name__ == "__main__":
    entry()
`;

describe("a script that only shows its config (src/core/training/config-shown-only.ts)", () => {
  it("prints the composed config: no run", async () => {
    const plan = await planOf(SHOW, FILES);
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
  });

  it("hands the config to a call it does not read: the keys stay the run's", async () => {
    const plan = await planOf(LAUNCH, FILES);
    assert.equal(plan.epochs?.value, 12);
    assert.equal(plan.batch?.value, 24);
  });
});
