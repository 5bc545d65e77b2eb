import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// What runs after the training call (src/core/training/after-training.ts), and a generator function of the file that
// a Keras fit takes, batched as its own call asks.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const HF = (after: string) => `import torch
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

def run(merge=True):
    model = AutoModelForCausalLM.from_pretrained("some/model")
    args = TrainingArguments(output_dir="out", num_train_epochs=2, per_device_train_batch_size=4)
    trainer = Trainer(model=model, args=args)
    trainer.train()
    if merge:
        merged = AutoModelForCausalLM.from_pretrained("out", ${after})
        merged.save_pretrained("merged")

run()
`;

describe("after the training call, and generators of the file (after-training.ts, training-plan.ts)", () => {
  it("a model reloaded in float16 after trainer.train() returns does not set the run's dtype; the same load before it does", async () => {
    const after = await planOf(HF("torch_dtype=torch.float16"));
    assert.equal(after.epochs?.value, 2);
    assert.equal(after.precision, undefined);
    const before = await planOf(HF("torch_dtype=torch.float16").replace(`from_pretrained("some/model")`, `from_pretrained("some/model", torch_dtype=torch.float16)`));
    assert.equal(before.precision?.value, "fp16");
  });

  it("a scikit-learn fit before a torch loop is no training call: the autocast after it is the run's", async () => {
    const plan = await planOf(`import torch
from torch import nn
from sklearn.preprocessing import StandardScaler

def main():
    scaler = StandardScaler()
    scaler.fit([[0.0, 1.0], [1.0, 0.0]])
    model = nn.Linear(2, 2).cuda()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(3):
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = model(torch.randn(8, 2).cuda()).sum()
        loss.backward()
        opt.step()

main()
`);
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.precision?.value, "bf16");
  });

  const KERAS = (test: string) => `from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator

def pairs(path, batch_size):
    datagen = ImageDataGenerator(horizontal_flip=True)
    images = datagen.flow_from_directory(path, class_mode=None, batch_size=batch_size)
    for x in images:
        yield x, x

model = keras.Sequential([keras.layers.Input((64, 64, 3)), keras.layers.Conv2D(3, 3, padding="same")])
model.compile(optimizer="adam", loss="mse")
train_set = pairs("data/train", batch_size=6)
model.fit_generator(train_set, steps_per_epoch=100, epochs=3)
${test}
`;

  it("fit_generator's data from a generator function of the file batches as that call asks, not as a later test call does", async () => {
    const plan = await planOf(KERAS(`test_set = pairs("data/test", batch_size=1)\nfor x, y in test_set:\n    model.predict(x)`));
    assert.equal(plan.batch?.value, 6);
    assert.equal(plan.steps?.value, 300);
    const other = await planOf(KERAS("").replace("batch_size=6", "batch_size=10"));
    assert.equal(other.batch?.value, 10);
  });
});
