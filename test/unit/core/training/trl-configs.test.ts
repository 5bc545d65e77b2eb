import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { trlDefaultPrecision } from "../../../../src/core/training/trl-configs";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own fine-tuning scripts: a TRL trainer given a config that leaves the run's fields unset, or none at all.
const sft = (config: string) => `from datasets import load_dataset
from transformers import AutoModelForCausalLM
from trl import SFTConfig, SFTTrainer

model = AutoModelForCausalLM.from_pretrained("some/model")
rows = load_dataset("imdb", split="train")
trainer = SFTTrainer(model=model, ${config}train_dataset=rows)
trainer.train()
`;

describe("TRL's trainer configs and trainers built without one", () => {
  it("an SFTConfig that sets neither bf16 nor fp16 trains in bf16, with TrainingArguments' epochs and batch", async () => {
    const plan = await planOf(sft(`args=SFTConfig(output_dir="out"), `));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision?.value], [3, 8, "bf16"]);
    assert.match(plan.precision!.detail, /TRL's default bf16/);
  });

  it("fp16=True, or bf16=False, in the config is the run's precision, not TRL's default", async () => {
    assert.equal((await planOf(sft(`args=SFTConfig(output_dir="out", fp16=True), `))).precision?.value, "fp16");
    // No 16-bit precision: the run is fp32.
    assert.equal((await planOf(sft(`args=SFTConfig(output_dir="out", bf16=False, num_train_epochs=1), `))).precision, undefined);
  });

  it("an SFTTrainer given no args builds an SFTConfig with its defaults", async () => {
    const plan = await planOf(sft(""));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision?.value], [3, 8, "bf16"]);
  });

  it("transformers' Trainer given no args builds TrainingArguments' defaults: fp32", async () => {
    const plan = await planOf(`from transformers import AutoModelForSequenceClassification, Trainer
model = AutoModelForSequenceClassification.from_pretrained("some/model")
Trainer(model, None, None, train_dataset=None).train()
Trainer(model=model).train()
`);
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision], [3, 8, undefined]);
  });

  it("a Trainer of another library (Lightning's) takes none of these defaults", async () => {
    const plan = await planOf(`import pytorch_lightning as pl
from pytorch_lightning import Trainer
trainer = Trainer(max_epochs=4)
`);
    assert.notEqual(plan.batch?.value, 8);
  });

  it("max_steps written but not read leaves the epochs unread, as max_steps > 0 would override them", async () => {
    const plan = await planOf(sft(`args=SFTConfig(output_dir="out", max_steps=unknown_steps()), `));
    assert.equal(plan.epochs, undefined);
  });

  it("TrlParser and HfArgumentParser over TRL's config parse its defaults: bf16 unless the dataclass sets fp16", async () => {
    const script = (parser: string, parse: string) => `from dataclasses import dataclass, field
from datasets import load_dataset
from transformers import AutoModelForCausalLM, HfArgumentParser
from trl import SFTConfig, SFTTrainer, TrlParser


@dataclass
class HalfConfig(SFTConfig):
    fp16: bool = field(default=True)


@dataclass
class DataArguments:
    name: str = "imdb"


parser = ${parser}
data_args, training_args = parser.${parse}()
model = AutoModelForCausalLM.from_pretrained("some/model")
SFTTrainer(model=model, args=training_args, train_dataset=load_dataset(data_args.name, split="train")).train()
`;
    for (const [parser, parse] of [["TrlParser((DataArguments, SFTConfig))", "parse_args_and_config"], ["HfArgumentParser((DataArguments, SFTConfig))", "parse_args_into_dataclasses"]]) {
      const plan = await planOf(script(parser, parse));
      assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision?.value], [3, 8, "bf16"], parser);
    }
    assert.equal((await planOf(script("TrlParser((DataArguments, HalfConfig))", "parse_args_and_config"))).precision?.value, "fp16");
  });

  it("configs whose batch counts rollouts (PPO) take none of these defaults; GRPO's keeps them, its batch in completions (generation-groups.ts)", async () => {
    const grpo = await planOf(`from trl import GRPOConfig
config = GRPOConfig(output_dir="out", learning_rate=1e-5)
print(config)
`);
    assert.deepEqual([grpo.epochs?.value, grpo.batch?.value, grpo.precision?.value], [3, 8, "bf16"]);
    for (const config of ["PPOConfig"]) {
      const plan = await planOf(`from trl import ${config}, TrlParser
from transformers import Trainer
config = ${config}(output_dir="out", learning_rate=1e-5)
parser = TrlParser((${config},))
(parsed,) = parser.parse_args_and_config()
`);
      assert.deepEqual([plan.epochs, plan.batch, plan.precision], [undefined, undefined, undefined], config);
    }
  });

  it("trlDefaultPrecision: bf16 only where bf16 is unset and fp16 is off or unset", () => {
    assert.deepEqual([trlDefaultPrecision(undefined, undefined), trlDefaultPrecision(undefined, false), trlDefaultPrecision(undefined, true), trlDefaultPrecision(false, undefined), trlDefaultPrecision(undefined, "unread")], ["bf16", "bf16", undefined, undefined, undefined]);
  });
});
