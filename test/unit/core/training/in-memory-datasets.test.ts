import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own SFT run over a Dataset built from records the script holds; BUILD binds `records`, MAKE the dataset.
const script = (build: string, make: string) => `import json
from datasets import Dataset
from transformers import AutoModelForCausalLM, TrainingArguments
from trl import SFTTrainer

model = AutoModelForCausalLM.from_pretrained("gpt2")
${build}
rows = ${make}
args = TrainingArguments(output_dir="out", per_device_train_batch_size=5, num_train_epochs=2)
SFTTrainer(model=model, train_dataset=rows, args=args).train()
`;

const samples = async (text: string, others?: Record<string, string>) => (await analyze(text, others ? { others } : {})).training?.samples?.value;

describe("Dataset.from_list makes a row of each record it is given (src/core/training/in-memory-datasets.ts)", () => {
  it("records a comprehension builds: 35 rows", async () => {
    assert.equal(await samples(script(`records = [{"text": str(i)} for i in range(35)]`, `Dataset.from_list(records)`)), 35);
  });

  it("records json.load reads from a shipped file, through datasets.Dataset", async () => {
    const file = JSON.stringify(Array.from({ length: 12 }, (_, i) => ({ prompt: `q${i}`, completion: `a${i}` })));
    const text = script(`import datasets
with open("pairs.json", "r", encoding="utf-8") as f:
    records = json.load(f)`, `datasets.Dataset.from_list(records)`);
    assert.equal(await samples(text, { "/project/pairs.json": file }), 12);
  });

  it("Dataset.from_pandas(df): a row of each of the frame's rows", async () => {
    const text = script(`import pandas as pd
records = pd.read_csv("rows.csv")`, `Dataset.from_pandas(records)`);
    assert.equal(await samples(text, { "/project/rows.csv": "text,label\na,1\nb,0\nc,1\nd,0\n" }), 4);
  });

  it("records the analysis cannot count leave the rows unknown", async () => {
    assert.equal(await samples(script(`records = json.load(open(input()))`, `Dataset.from_list(records)`)), undefined);
  });
});
