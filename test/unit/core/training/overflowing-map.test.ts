// A Hugging Face trainer whose train_dataset comes from a batched map that splits long inputs into several features
// (a tokenizer called with return_overflowing_tokens=True) trains on those features, a count only tokenizing tells:
// the loaded set's published rows are not its samples (overflowing-map.ts, hub-dataset-parts.ts, training-plan.ts).
import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const QA = `from datasets import load_dataset
from transformers import AutoModelForQuestionAnswering, AutoTokenizer, Trainer, TrainingArguments

raw = load_dataset("squad")
tok = AutoTokenizer.from_pretrained("bert-base-cased")

def to_features(batch):
    enc = tok(batch["question"], batch["context"], truncation="only_second", max_length=256, stride=64,
              return_overflowing_tokens=True, padding="max_length")
    return enc

features = raw.map(to_features, batched=True, remove_columns=raw["train"].column_names)
reader = AutoModelForQuestionAnswering.from_pretrained("bert-base-cased")
args = TrainingArguments("out", per_device_train_batch_size=12, num_train_epochs=2)
trainer = Trainer(reader, args, train_dataset=features["train"])
trainer.train()
`;

describe("a trainer on a batched map that splits inputs into features", () => {
  it("leaves the samples unknown, and says why", async () => {
    const result = await analyze(QA);
    assert.equal(result.training?.samples, undefined);
    assert.equal(result.training?.epochs?.value, 2);
    assert.ok(result.training?.notes?.some((n) => /^samples: Trainer\(train_dataset=features\["train"\]\) trains on what raw\.map\(to_features/.test(n)));
  });

  it("keeps the loaded split's rows where the map keeps one row an example", async () => {
    const kept = QA.replace("return_overflowing_tokens=True, ", "");
    assert.equal((await analyze(kept)).training?.samples?.value, 87_599);
  });

  it("keeps them where the map is not batched (one example in, one row out)", async () => {
    const single = QA.replace("batched=True, ", "");
    assert.equal((await analyze(single)).training?.samples?.value, 87_599);
  });
});

// The same trainer on a batched map whose function builds its own output lists (prep.py, another file of ours,
// reached through a lambda): BUILD is its loop over the batch.
const OWN = `from datasets import load_dataset
from transformers import AutoModelForQuestionAnswering, Trainer, TrainingArguments
import prep

raw = load_dataset("squad")
features = raw.map(lambda b: prep.to_rows(b, 256), batched=True, remove_columns=raw["train"].column_names)
reader = AutoModelForQuestionAnswering.from_pretrained("bert-base-cased")
args = TrainingArguments("out", per_device_train_batch_size=12, num_train_epochs=2)
trainer = Trainer(reader, args, train_dataset=features["train"])
trainer.train()
`;
const PREP = (build: string) => `def fits(question, limit):
    return len(question) < limit


def to_rows(batch, limit):
    out = {"question": [], "answer": []}
${build}
    return out
`;
const samplesWith = async (build: string) => (await analyze(OWN, { others: { "/project/prep.py": PREP(build) } })).training?.samples?.value;

describe("a trainer on a batched map whose function makes rows of its own (overflowing-map.ts)", () => {
  it("appending under an if with no else (a filter), or once per answer of each question: samples unknown", async () => {
    assert.equal(await samplesWith(`    for q, a in zip(batch["question"], batch["answers"]):
        if fits(q, limit):
            out["question"].append(q)
            out["answer"].append(a)`), undefined);
    assert.equal(await samplesWith(`    for q, answers in zip(batch["question"], batch["answers"]):
        for a in answers["text"]:
            out["question"].append(q)
            out["answer"].append(a)`), undefined);
  });

  it("one append a row, or a row's own list filled in an inner loop: the split's rows", async () => {
    assert.equal(await samplesWith(`    for q, a in zip(batch["question"], batch["answers"]):
        out["question"].append(q)
        out["answer"].append(a)`), 87_599);
    assert.equal(await samplesWith(`    for q, a in zip(batch["question"], batch["answers"]):
        marks = []
        for word in q.split():
            if fits(word, limit):
                marks.append(1)
        out["question"].append(marks)
        out["answer"].append(a)`), 87_599);
  });
});

describe("a loader fed a name bound to a part of such a map (training-plan.ts)", () => {
  it("train_set = features['train'], DataLoader(train_set): samples unknown, as a trainer's are", async () => {
    const loop = QA.replace(`trainer = Trainer(reader, args, train_dataset=features["train"])
trainer.train()`, `import torch
train_set = features["train"]
loader = torch.utils.data.DataLoader(train_set, batch_size=12, shuffle=True)
opt = torch.optim.AdamW(reader.parameters(), lr=3e-5)
for epoch in range(2):
    for batch in loader:
        reader(**batch).loss.backward()
        opt.step()
        opt.zero_grad()`);
    const plan = (await analyze(loop)).training;
    assert.equal(plan?.samples, undefined);
    assert.equal(plan?.batch?.value, 12);
    assert.equal((await analyze(loop.replace("return_overflowing_tokens=True, ", ""))).training?.samples?.value, 87_599);
  });
});
