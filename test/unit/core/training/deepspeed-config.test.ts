import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { deepSpeedRun } from "../../../../src/core/training/deepspeed-config";
import type { Value } from "../../../../src/core/interp/values";
import { keyOf } from "../../../../src/core/interp/construct";

// Scripts written for these tests: DeepSpeed owns the step when the code hands it a config dict.
const dict = (entries: Record<string, Value>): Value => ({ kind: "dict", id: 0, entries: new Map(Object.entries(entries).map(([k, v]) => [keyOf({ kind: "str", value: k }), { key: { kind: "str", value: k }, value: v }])) });
const int = (value: number): Value => ({ kind: "int", value });
const on = (value: boolean): Value => dict({ enabled: { kind: "bool", value } });

const script = (config: string, extra = "") => `import argparse
import torch
import torchvision
import deepspeed

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--dtype", type=str, default="bf16")
parser = deepspeed.add_config_arguments(parser)
args = parser.parse_args()
${extra}

class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(3072, 10)

    def forward(self, x):
        return self.fc(x.flatten(1))


trainset = torchvision.datasets.CIFAR10("./data", train=True, download=True)
net = Net()
engine, optimizer, trainloader, _ = deepspeed.initialize(args=args, model=net, model_parameters=net.parameters(), training_data=trainset, config=${config})
target = torch.bfloat16 if engine.bfloat16_enabled() else torch.half
for epoch in range(args.epochs):
    for x, y in trainloader:
        loss = torch.nn.functional.cross_entropy(engine(x.to(target)), y)
        engine.backward(loss)
        engine.step()
`;

describe("DeepSpeed's config (deepspeed-config.ts)", () => {
  it("a config of train_batch_size alone: the loader deepspeed.initialize returns batches at it, fp16 enabled wins over the code's casts", async () => {
    const training = (await analyze(script(`{"train_batch_size": 32, "fp16": {"enabled": True}}`))).training ?? {};
    assert.equal(training.batch?.value, 32);
    assert.equal(training.samples?.value, 50000);
    assert.equal(training.epochs?.value, 3);
    assert.equal(training.precision?.value, "fp16");
  });

  it("the micro-batch and accumulation it names, and a precision worked out from the script's own options (deepspeed.add_config_arguments returns the parser)", async () => {
    const training = (await analyze(script("ds_config", `ds_config = {"train_micro_batch_size_per_gpu": 4, "gradient_accumulation_steps": 8, "bf16": {"enabled": args.dtype == "bf16"}, "fp16": {"enabled": args.dtype == "fp16"}}\nassert args.deepspeed_config is None`))).training ?? {};
    assert.equal(training.batch?.value, 4);
    assert.equal(training.accumulation?.value, 8);
    assert.equal(training.precision?.value, "bf16");
  });

  it("how the three batch figures follow from each other, and what stays unread", () => {
    assert.deepEqual(deepSpeedRun(dict({ train_batch_size: int(64), train_micro_batch_size_per_gpu: int(8) }), 2), { micro: 8, accumulation: 4, precision: "fp32", detail: { micro: "train_micro_batch_size_per_gpu: 8", accumulation: "train_batch_size 64 / (micro-batch 8 × 2 GPU)", precision: "neither fp16 nor bf16 enabled: fp32" } });
    const total = deepSpeedRun(dict({ train_batch_size: int(16), fp16: on(false), bf16: on(true) }), 1);
    assert.deepEqual([total?.micro, total?.accumulation, total?.fromTotal, total?.precision], [16, 1, true, "bf16"]);
    // "auto" (the Hugging Face integration fills it in) says nothing.
    const auto = deepSpeedRun(dict({ train_batch_size: { kind: "str", value: "auto" }, fp16: dict({ enabled: { kind: "str", value: "auto" } }) }), 1);
    assert.deepEqual([auto?.micro, auto?.precision], [undefined, undefined]);
    assert.equal(deepSpeedRun({ kind: "str", value: "ds_config.json" }, 1), undefined);
  });
});
