import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own SFT run over Dolly's 15,011 rows; PACKING is where (and whether) it packs them.
const script = (config: string, trainer = "") => `from datasets import load_dataset
from trl import SFTConfig, SFTTrainer

rows = load_dataset("databricks/databricks-dolly-15k", split="train")
SFTTrainer(model="some/model", train_dataset=rows, args=SFTConfig("out", num_train_epochs=2${config})${trainer}).train()
`;

describe("TRL's packing=True: the dataset's rows are not the run's samples", () => {
  it("packed rows (SFTConfig, or SFTTrainer's keyword of older TRL) leave samples and steps unknown, and say why", async () => {
    for (const [config, trainer] of [[", packing=True", ""], ["", ", packing=True"]]) {
      const plan = await planOf(script(config, trainer));
      assert.deepEqual([plan.epochs?.value, plan.samples, plan.steps], [2, undefined, undefined]);
      assert.match(plan.notes?.join(" ") ?? "", /packs the dataset's rows .*packing=True/);
    }
  });

  it("without packing, or with it off, the rows are the samples", async () => {
    assert.equal((await planOf(script(""))).samples?.value, 15_011);
    assert.equal((await planOf(script(", packing=False"))).samples?.value, 15_011);
  });
});
