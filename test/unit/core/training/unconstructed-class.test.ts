import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own trainer class whose training method reads its run from attributes __init__ binds; TAIL is the module's code
// after the class.
const script = (tail: string) => `from transformers import TrainingArguments
from trl import SFTTrainer

class LoraRun:
    def __init__(self, data, batch_size=6, max_steps=120, fp16=True):
        self.data = data
        self.batch_size = batch_size
        self.max_steps = max_steps
        self.fp16 = fp16

    def train(self):
        args = TrainingArguments(output_dir="out", per_device_train_batch_size=self.batch_size, max_steps=self.max_steps, fp16=self.fp16)
        trainer = SFTTrainer(model=self.model, train_dataset=self.data, args=args)
        trainer.train()
${tail}`;

const figures = async (text: string, others?: Record<string, string>) => {
  const plan = (await analyze(text, others ? { others } : {})).training;
  return [plan?.batch?.value, plan?.steps?.value, plan?.precision?.value ?? "fp32"];
};

describe("a training method of a class nothing in the file names reads __init__'s defaults (src/core/training/unconstructed-class.ts)", () => {
  it("the run of the object LoraRun's defaults make: 120 steps of 6 in fp16", async () => {
    assert.deepEqual(await figures(script("")), [6, 120, "fp16"]);
  });

  it("attributes taken from another module's class defaults are read the same way", async () => {
    const prep = `class Prep:
    def __init__(self, name, batch_size=6, max_steps=120, fp16=True):
        self.batch_size = batch_size
        self.max_steps = max_steps
        self.fp16 = fp16
`;
    const text = `from transformers import TrainingArguments
from trl import SFTTrainer
from prep import Prep

class LoraRun:
    def __init__(self, data, name):
        prep = Prep(name)
        self.data = data
        self.batch_size = prep.batch_size
        self.max_steps = prep.max_steps
        self.fp16 = prep.fp16

    def train(self):
        args = TrainingArguments(output_dir="out", per_device_train_batch_size=self.batch_size, max_steps=self.max_steps, fp16=self.fp16)
        SFTTrainer(model=self.model, train_dataset=self.data, args=args).train()
`;
    assert.deepEqual(await figures(text, { "/project/prep.py": prep }), [6, 120, "fp16"]);
  });

  it("a class the file builds is read from its construction, not from the defaults", async () => {
    assert.deepEqual(await figures(script(`LoraRun(data=None, batch_size=3, max_steps=40, fp16=False).train()`)), [3, 40, "fp32"]);
  });
});
