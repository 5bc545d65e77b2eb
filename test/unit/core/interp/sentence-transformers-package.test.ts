import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

// An embedding fine-tuning script of our own in sentence-transformers 3.x style: the trainer's run is its arguments'.
const EMBEDDING = `from datasets import Dataset
from sentence_transformers import SentenceTransformer, SentenceTransformerTrainer, SentenceTransformerTrainingArguments
from sentence_transformers.losses import CosineSimilarityLoss

pairs = Dataset.from_dict({"left": ["a", "b"], "right": ["c", "d"], "score": [0.1, 0.9]})
encoder = SentenceTransformer("some/encoder")
settings = SentenceTransformerTrainingArguments(output_dir="runs", num_train_epochs=4, per_device_train_batch_size=32, bf16=True)
trainer = SentenceTransformerTrainer(model=encoder, args=settings, train_dataset=pairs, loss=CosineSimilarityLoss(encoder))
trainer.train()
`;

describe("sentence-transformers' training arguments (built-in stand-in)", () => {
  it("reads a SentenceTransformerTrainer's epochs, batch and precision from its arguments", async () => {
    const plan = await planOf(EMBEDDING);
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision?.value], [4, 32, "bf16"]);
  });

  it("leaves transformers' defaults for what the arguments do not set", async () => {
    const plan = await planOf(EMBEDDING.replace("num_train_epochs=4, per_device_train_batch_size=32, bf16=True", "fp16=True"));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.precision?.value], [3, 8, "fp16"]);
  });

  it("reads a cross-encoder's arguments (sentence_transformers.cross_encoder, 4.x)", async () => {
    const plan = await planOf(EMBEDDING
      .replace("from sentence_transformers import SentenceTransformer, SentenceTransformerTrainer, SentenceTransformerTrainingArguments", "from sentence_transformers.cross_encoder import CrossEncoder, CrossEncoderTrainer, CrossEncoderTrainingArguments")
      .replace('SentenceTransformer("some/encoder")', 'CrossEncoder("some/encoder")')
      .replace("SentenceTransformerTrainingArguments(", "CrossEncoderTrainingArguments(")
      .replace("SentenceTransformerTrainer(", "CrossEncoderTrainer("));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [4, 32]);
  });

  it("an import the script guards finds the library absent, as where it is not installed", async () => {
    const plan = await planOf(`try:
    from sentence_transformers import SentenceTransformerTrainingArguments
    HAVE_ST = True
except ImportError:
    HAVE_ST = False

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

rounds = 9 if HAVE_ST else 2
net = nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(torch.randn(64, 8), torch.randint(0, 2, (64,))), batch_size=16)
for epoch in range(rounds):
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(x), y).backward()
        opt.step()
`);
    assert.equal(plan.epochs?.value, 2);
  });
});
