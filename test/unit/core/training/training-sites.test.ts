import * as assert from "assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { trainedModel } from "../../../../src/core/training/training-sites";
import { analyze } from "../../helpers/analyze";

const TWO_MODELS = [
  "import torch",
  "import torch.nn as nn",
  "",
  "class Small(nn.Module):",
  "    def __init__(self):",
  "        super().__init__()",
  "        self.fc = nn.Linear(8, 2)",
  "    def forward(self, x):",
  "        return self.fc(x)",
  "",
  "class Big(nn.Module):",
  "    def __init__(self):",
  "        super().__init__()",
  "        self.fc = nn.Linear(512, 512)",
  "    def forward(self, x):",
  "        return self.fc(x)",
  "",
  "def fit_small(steps=10):",
  "    model = Small()",
  "    opt = torch.optim.Adam(model.parameters())",
  "    for step in range(steps):",
  "        loss = model(torch.randn(4, 8)).sum()",
  "        loss.backward()",
  "        opt.step()",
  "",
  "scaler = torch.amp.GradScaler()",
  "for i in range(3):",
  "    scaler.scale(Big()(torch.randn(2, 512)).sum()).backward()",
].join("\n");

describe("where a file trains (src/core/training/training-sites.ts)", () => {
  it("a function calling .backward() is one site at its def; module-level training at its first call", async () => {
    const result = await analyze(TWO_MODELS);
    const sites = result.trainingSites ?? [];
    assert.deepStrictEqual(sites.map((s) => [s.line, s.kind, s.function?.name]), [[18, "backward", "fit_small"], [28, "backward", undefined]]);
    const models = result.models;
    assert.strictEqual(trainedModel(models, sites[0], TWO_MODELS)?.name, "Small", "the model named in the training function");
    assert.strictEqual(trainedModel(models, sites[1], TWO_MODELS)?.name, "Big", "else the largest");
  });

  it("Keras fit(...) is a site; model code without training has none", async () => {
    const keras = await analyze(["from tensorflow import keras", "model = keras.Sequential([keras.layers.Dense(10)])", "model.compile(loss='mse')", "model.fit(x, y, epochs=20, batch_size=64)"].join("\n"));
    assert.deepStrictEqual((keras.trainingSites ?? []).map((s) => [s.line, s.kind]), [[4, "fit"]]);
    const tinyGpt = readFileSync(join(__dirname, "../../../../examples/tiny_gpt.py"), "utf8");
    assert.deepStrictEqual((await analyze(tinyGpt)).trainingSites, []);
  });

  it("a trainer object's train() is a site (Hugging Face's Trainer); a module's train() mode switch is not", async () => {
    const text = [
      "import torch.nn as nn",
      "from transformers import Seq2SeqTrainer",
      "class Head(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(16, 4)",
      "    def forward(self, x):",
      "        return self.fc(x)",
      "def main(args, data):",
      "    runner = Seq2SeqTrainer(model=Head(), args=args, train_dataset=data)",
      "    runner.train()",
      "def to_train_mode(model):",
      "    model.train()",
      "    return model",
      "def other(model, args):",
      "    runner = model",
      "    runner.train()",
    ].join("\n");
    const result = await analyze(text);
    assert.deepStrictEqual((result.trainingSites ?? []).map((s) => [s.line, s.kind, s.function?.name]), [[9, "train", "main"]]);
    const inline = await analyze(["from transformers import Trainer", "Trainer(model=m, args=a).train()"].join("\n"));
    assert.deepStrictEqual((inline.trainingSites ?? []).map((s) => [s.line, s.kind]), [[2, "train"]]);
  });
});
