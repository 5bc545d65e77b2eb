import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: DeepSpeed's config given as a JSON file, by `config="..."` or by the path
// `args.deepspeed_config` holds (src/core/training/deepspeed-config-file.ts).
const script = (option: string, initialize: string) => `import argparse
import torch
from torch import nn
from torch.utils.data import TensorDataset
import deepspeed

parser = argparse.ArgumentParser()
parser.add_argument("--local_rank", type=int, default=-1)
${option}
parser.add_argument("--epochs", type=int, default=3)
args = parser.parse_args()

model = nn.Linear(32, 4)
data = TensorDataset(torch.randn(1280, 32), torch.randint(0, 4, (1280,)))
engine, optimizer, loader, _ = ${initialize}
for epoch in range(args.epochs):
    for x, y in loader:
        loss = nn.functional.cross_entropy(engine(x), y)
        engine.backward(loss)
        engine.step()
`;

const CONFIG = `{"train_micro_batch_size_per_gpu": 8, "gradient_accumulation_steps": 4, "bf16": {"enabled": true}}`;

describe("DeepSpeed's config read from a JSON file (deepspeed-config-file.ts)", () => {
  it("reads the file args.deepspeed_config names when initialize is given no config", async () => {
    const text = script(`parser.add_argument("--deepspeed_config", type=str, default="configs/ds.json")`, "deepspeed.initialize(args=args, model=model, model_parameters=model.parameters(), training_data=data)");
    const training = (await analyze(text, { others: { "/project/configs/ds.json": CONFIG } })).training ?? {};
    assert.equal(training.batch?.value, 8);
    assert.equal(training.accumulation?.value, 4);
    assert.equal(training.precision?.value, "bf16");
    assert.equal(training.samples?.value, 1280);
  });

  it("reads config= given as a path, and nothing from a file the workspace lacks", async () => {
    const given = script("", `deepspeed.initialize(model=model, model_parameters=model.parameters(), training_data=data, config="ds.json")`);
    const read = (await analyze(given, { others: { "/project/ds.json": CONFIG.replace('"bf16"', '"fp16"') } })).training ?? {};
    assert.equal(read.precision?.value, "fp16");
    assert.equal(read.batch?.value, 8);
    const missing = (await analyze(given)).training ?? {};
    assert.notEqual(missing.batch?.value, 8);
    assert.notEqual(missing.precision?.value, "fp16");
    // The notes say which file was read, or that the code names one the workspace lacks.
    assert.ok(read.notes?.some((n) => /^config read: .*ds\.json/.test(n)), String(read.notes));
    assert.ok(missing.notes?.some((n) => /^config missing: ds\.json/.test(n)), String(missing.notes));
  });

  it("says so when the file does not parse or holds no object, and reads none of its figures", async () => {
    const given = script("", `deepspeed.initialize(model=model, model_parameters=model.parameters(), training_data=data, config="ds.json")`);
    const broken = (await analyze(given, { others: { "/project/ds.json": CONFIG.replace("}}", "},}") } })).training ?? {};
    assert.notEqual(broken.batch?.value, 8);
    assert.ok(broken.notes?.some((n) => /^config unreadable: .*ds\.json does not parse as JSON: deepspeed\.initialize would raise/.test(n)), String(broken.notes));
    assert.ok(!broken.notes?.some((n) => n.startsWith("config read: ")), String(broken.notes));
    const list = (await analyze(given, { others: { "/project/ds.json": `[${CONFIG}]` } })).training ?? {};
    assert.ok(list.notes?.some((n) => /^config unreadable: .*ds\.json holds no JSON object/.test(n)), String(list.notes));
  });
});
