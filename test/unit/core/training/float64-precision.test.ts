import { strict as assert } from "node:assert";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { hardwareProfile, peakFlops } from "../../../../src/core/energy/hardware";
import { estimatePrecision } from "../../../../src/core/energy/precision";
import { analyze, modelNamed } from "../../helpers/analyze";

// Training in float64 (`.double()`, a float64 default dtype, Keras' set_floatx): the run's dtype is fp64, the model's
// weights are float64, and the energy model prices it at the part's FP64 rate. Fixtures written for these tests.

const NET = `import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 64)
        self.fc2 = nn.Linear(64, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))

`;

const LOOP = `
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(256, 8)
y = torch.randn(256, 1)
for epoch in range(10):
    for i in range(0, 256, 32):
        opt.zero_grad()
        out = model(x[i:i + 32])
        loss = ((out - y[i:i + 32]) ** 2).mean()
        loss.backward()
        opt.step()
        hits = (out.round() == y[i:i + 32]).sum()
        accuracy = hits.double() / 32
`;

describe("float64 training runs (src/core/training/float64-precision.ts, src/core/rules/keras-floatx.ts)", () => {
  it("reads a network's .double() as an fp64 run and fp64 weights", async () => {
    const result = await analyze(`${NET}model = Net().double()\n${LOOP}`);
    assert.equal(result.training?.precision?.value, "fp64");
    assert.equal(modelNamed(result, "Net").weightsPrecision, "fp64");
  });

  it("reads torch.set_default_dtype(torch.float64) before the network is built as fp64, for the run and the weights", async () => {
    const result = await analyze(`${NET}torch.set_default_dtype(torch.float64)\nmodel = Net()\n${LOOP}`);
    assert.equal(result.training?.precision?.value, "fp64");
    assert.equal(modelNamed(result, "Net").weightsPrecision, "fp64");
  });

  it("reads torch.set_default_tensor_type(torch.DoubleTensor) as fp64", async () => {
    const result = await analyze(`${NET}torch.set_default_tensor_type(torch.DoubleTensor)\nmodel = Net()\n${LOOP}`);
    assert.equal(result.training?.precision?.value, "fp64");
  });

  it("makes the weights float64 where a package the script imports sets the default dtype", async () => {
    const result = await analyze(`${NET}import settings\nmodel = Net()\n${LOOP}`, { others: { "/project/settings/__init__.py": "import torch\ntorch.set_default_dtype(torch.float64)\n" } });
    assert.equal(modelNamed(result, "Net").weightsPrecision, "fp64");
    assert.equal(estimatePrecision(modelNamed(result, "Net"), undefined), "fp64");
  });

  it("reads Keras' set_floatx('float64') as an fp64 fit", async () => {
    const result = await analyze(`import numpy as np
import tensorflow as tf

tf.keras.backend.set_floatx("float64")
x = np.random.rand(1000, 10)
y = np.random.rand(1000, 1)
model = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu", input_shape=(10,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=5, batch_size=50)
`);
    assert.equal(result.training?.precision?.value, "fp64");
    assert.equal(result.models[0].weightsPrecision, "fp64");
  });

  it("keeps fp32 for a tensor's .double() (a metric) and for a default set back to float32 before the build", async () => {
    const metric = await analyze(`${NET}model = Net()\n${LOOP}`);
    assert.notEqual(metric.training?.precision?.value, "fp64");
    assert.equal(modelNamed(metric, "Net").weightsPrecision, undefined);
    const undone = await analyze(`${NET}torch.set_default_dtype(torch.float64)\ntorch.set_default_dtype(torch.float32)\nmodel = Net()\n${LOOP}`);
    assert.equal(modelNamed(undone, "Net").weightsPrecision, undefined);
  });

  it("prices an fp64 step at the FP64 rate: slower on a GPU whose FP64 is 1/64 of its FP32", async () => {
    const model = modelNamed(await analyze(`${NET}model = Net().double()\n${LOOP}`), "Net");
    assert.equal(estimatePrecision(model, undefined), "fp64");
    const rtx = hardwareProfile("rtx-4090");
    assert.equal(peakFlops(rtx, "fp64").ran, "fp64");
    assert.ok(peakFlops(rtx, "fp64").flops * 32 < peakFlops(rtx, "fp32").flops);
    const at = (dtype: "fp32" | "fp64") => estimateModel(model, { hardware: "rtx-4090", dtype, mode: "train", batch: 4096 });
    assert.ok(at("fp64").seconds_per_iter > at("fp32").seconds_per_iter);
  });
});
