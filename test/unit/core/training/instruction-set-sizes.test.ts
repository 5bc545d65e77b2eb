import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const samplesOf = async (load: string): Promise<number | undefined> => (await analyze(`from datasets import load_dataset
from trl import SFTConfig, SFTTrainer

chats = ${load}
trainer = SFTTrainer(model="some/model", args=SFTConfig("out", num_train_epochs=1), train_dataset=chats)
trainer.train()
`)).training?.samples?.value;

describe("instruction and chat sets of language-model fine-tuning, by their full hub id", () => {
  it("a known set's train split has its card's rows; a slice keeps its part", async () => {
    assert.equal(await samplesOf(`load_dataset("trl-lib/Capybara", split="train")`), 15_806);
    assert.equal(await samplesOf(`load_dataset("mlabonne/guanaco-llama2-1k", split="train")`), 1_000);
    assert.equal(await samplesOf(`load_dataset("tatsu-lab/alpaca", split="train[:10%]")`), 5_200);
    assert.equal(await samplesOf(`load_dataset("openai/gsm8k", "main", split="train")`), 7_473);
  });

  it("the same bare name under another owner, another split, or GSM8K without its configuration, stays unknown", async () => {
    assert.equal(await samplesOf(`load_dataset("someone/Capybara", split="train")`), undefined);
    assert.equal(await samplesOf(`load_dataset("trl-lib/Capybara", split="test")`), undefined);
    assert.equal(await samplesOf(`load_dataset("openai/gsm8k", split="train")`), undefined);
  });
});
