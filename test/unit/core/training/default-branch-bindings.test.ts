import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const runOf = async (text: string) => ({ samples: (await analyze(text)).training?.samples?.value });

describe("a binding under a branch the defaults skip binds nothing", () => {
  const branched = (flag: string) => `from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

def build(name, limit_size=${flag}):
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased")
    args = TrainingArguments(output_dir="out", per_device_train_batch_size=8, num_train_epochs=1)
    if limit_size:
        data = load_dataset(name)["train"].train_test_split(train_size=400, test_size=100)
    else:
        data = load_dataset("imdb")["train"].train_test_split(test_size=0.5)
    data = data.map(lambda rows: rows, batched=True)
    return Trainer(model=model, args=args, train_dataset=data["train"])
`;
  it("if limit_size (True by default): the if branch's split, not the else branch written after it", async () => {
    assert.equal((await runOf(branched("True"))).samples, 400);
  });
  it("limit_size=False by default: the else branch's split", async () => {
    assert.equal((await runOf(branched("False"))).samples, 12_500);
  });
});
