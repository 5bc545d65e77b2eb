import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { countRows } from "../../../../src/core/training/local-builder-rows";

// Our own causal-LM fine-tune over a file the repository ships; LOAD is the load_dataset call.
const script = (load: string) => `from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

tokenizer = AutoTokenizer.from_pretrained("gpt2")
model = AutoModelForCausalLM.from_pretrained("gpt2")
raw = ${load}
tokenized = raw.map(lambda b: tokenizer(b["text"]), batched=True)
args = TrainingArguments(output_dir="out", num_train_epochs=2, per_device_train_batch_size=2)
Trainer(model=model, args=args, train_dataset=tokenized["train"]).train()
`;

const corpus = "first line\n\nthird line\nfourth line\nfifth, no newline";

describe("datasets' packaged builders over shipped files count their rows (src/core/training/local-builder-rows.ts)", () => {
  it("the text builder makes a row of each line, empty ones included", async () => {
    const plan = (await analyze(script(`load_dataset("text", data_files={"train": "data/corpus.txt"})`), { others: { "/project/data/corpus.txt": corpus } })).training;
    assert.deepEqual([plan?.samples?.value, plan?.batch?.value, plan?.epochs?.value], [5, 2, 2]);
    assert.match(plan!.samples!.detail, /the lines of data\/corpus\.txt/);
  });

  it("a file that is not in the workspace, or an option that regroups the lines, leaves the rows unknown", async () => {
    assert.equal((await analyze(script(`load_dataset("text", data_files={"train": "data/corpus.txt"})`))).training?.samples, undefined);
    assert.equal((await analyze(script(`load_dataset("text", data_files={"train": "data/corpus.txt"}, sample_by="paragraph")`), { others: { "/project/data/corpus.txt": corpus } })).training?.samples, undefined);
  });

  it("JSON Lines, a JSON array and CSV records", () => {
    assert.equal(countRows("json", '{"a": 1}\n{"a": 2}\n\n{"a": 3}\n'), 3);
    assert.equal(countRows("json", '[{"a": 1}, {"a": 2}]'), 2);
    assert.equal(countRows("json", "not json\n"), undefined);
    assert.equal(countRows("csv", 'text,label\n"a, quoted\nline",1\nb,0\n\n'), 2);
    assert.equal(countRows("text", "a\r\nb\r\n"), 2);
  });
});
