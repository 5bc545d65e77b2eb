import { strict as assert } from "node:assert";
import { analyze } from "../../../helpers/analyze";
import type { TrainingPlan } from "../../../../../src/core/training/training-plan";

// scikit-learn's train_test_split and scalers over arrays of known shape (src/core/interp/stdlib/sklearn-splits.ts):
// a toy dataset split, scaled and trained on whole gives its training part's rows as the run's batch and samples.
// Our own fixture: iris has 150 rows (scikit-learn's bundled copy), so test_size=0.3 keeps 150 - ceil(45) = 105.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (split: string, scale = "") => `import numpy as np
import torch
import torch.nn as nn
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

X, y = load_iris(return_X_y=True)
${split}
${scale}
inputs = torch.from_numpy(X_train.astype(np.float32))
targets = torch.from_numpy(y_train)
model = nn.Linear(4, 3)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(50):
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
`;

describe("train_test_split and the scalers keep arrays' shapes (sklearn-splits.ts)", () => {
  it("a float test_size: the training part is n - ceil(test_size * n) rows, the full batch of the run", async () => {
    const plan = await planOf(script("X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)"));
    assert.equal(plan.epochs?.value, 50);
    assert.equal(plan.batch?.value, 105);
    assert.equal(plan.samples?.value, 105);
  });

  it("a scaler's fit_transform keeps the training part's shape", async () => {
    const plan = await planOf(script("X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3)", "scaler = MinMaxScaler()\nX_train = scaler.fit_transform(X_train)\nX_test = scaler.transform(X_test)"));
    assert.equal(plan.batch?.value, 105);
  });

  it("an int train_size is that many rows; neither size given holds out a quarter", async () => {
    assert.equal((await planOf(script("X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=90)"))).batch?.value, 90);
    assert.equal((await planOf(script("X_train, X_test, y_train, y_test = train_test_split(X, y)"))).batch?.value, 150 - 38);
  });

  it("arrays whose first dimensions differ are not split: the rows stay unknown", async () => {
    const plan = await planOf(script("X_train, X_test, y_train, y_test = train_test_split(X, y[:100], test_size=0.3)"));
    assert.notEqual(plan.batch?.value, 105);
    assert.notEqual(plan.samples?.value, 105);
  });
});
