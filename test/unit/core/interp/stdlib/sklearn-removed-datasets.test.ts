import { strict as assert } from "node:assert";
import { analyze } from "../../../helpers/analyze";

// load_boston, which scikit-learn bundled until 1.2 (sklearn-removed-datasets.json): code of that era trains on its
// 506 rows of 13 features.
describe("a dataset an older scikit-learn bundled", () => {
  it("load_boston's 506 rows are a full-batch run's batch and samples", async () => {
    const plan = (await analyze(`import numpy as np
import torch
from sklearn.datasets import load_boston
houses = load_boston()
x = torch.from_numpy(np.array(houses.data)).float()
y = torch.from_numpy(np.array(houses.target)).float()
reg = torch.nn.Linear(13, 1)
opt = torch.optim.Adam(reg.parameters(), lr=0.01)
for epoch in range(300):
    opt.zero_grad()
    torch.nn.functional.mse_loss(reg(x), y).backward()
    opt.step()
`)).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value, plan.epochs?.value], [506, 506, 300]);
  });

  it("return_X_y gives the pair a Keras fit trains on", async () => {
    const plan = (await analyze(`import tensorflow as tf
from sklearn.datasets import load_boston
X, y = load_boston(return_X_y=True)
net = tf.keras.Sequential([tf.keras.layers.Dense(8, activation="relu", input_shape=(13,)), tf.keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(X, y, epochs=5, batch_size=46)
`)).training ?? {};
    assert.equal(plan.samples?.value, 506);
  });
});
