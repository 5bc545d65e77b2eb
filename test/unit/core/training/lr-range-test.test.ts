import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { isRangeTestName } from "../../../../src/core/training/lr-range-test";

// A script's own learning-rate range test before the real training: its break-bounded probe is not the run's steps.
const SCRIPT = `import torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

def find_lr(model, loader, opt, num_iter=100):
    for i, (xb, yb) in enumerate(loader):
        if i >= num_iter:
            break
        opt.zero_grad()
        nn.functional.cross_entropy(model(xb), yb).backward()
        opt.step()

def train(model, loader, opt, epochs):
    for epoch in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()

X = torch.randn(6400, 20)
Y = torch.randint(0, 2, (6400,))
loader = DataLoader(TensorDataset(X, Y), batch_size=64, shuffle=True)
model = nn.Sequential(nn.Linear(20, 2))
opt = torch.optim.SGD(model.parameters(), lr=1e-7)
find_lr(model, loader, opt)
train(model, loader, opt, 5)
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("a learning-rate range test run before the training", () => {
  it("keeps the run's own figures: 5 epochs of 100 batches, not the probe's 100 steps", async () => {
    const p = await plan(SCRIPT);
    assert.equal(p.epochs?.value, 5);
    assert.equal(p.samples?.value, 6400);
    assert.notEqual(p.steps?.value, 100);
  });

  it("tells the probe by its function's name: renamed, its loop is read as before", async () => {
    const [named, renamed] = [await plan(SCRIPT), await plan(SCRIPT.replace(/find_lr/g, "warm_up"))];
    assert.notDeepEqual(named.steps?.value, renamed.steps?.value);
  });

  it("knows the names range tests go by, and not others", () => {
    for (const name of ["find_lr", "lr_find", "lr_finder", "findLR", "lr_range_test", "range_test"]) assert.ok(isRangeTestName(name), name);
    for (const name of ["train", "find_lr_and_train", "fit"]) assert.ok(!isRangeTestName(name), name);
  });
});

// A function that takes the weights, trains, and puts them back is a probe whatever its name (restoresWeights).
const KERAS = (restore: string) => `import numpy as np
from tensorflow import keras

def loss_by_rate(model, X, y, batch_size=32):
    start = model.get_weights()
    model.fit(X, y, epochs=1, batch_size=batch_size, verbose=0)
${restore}
    return model.history.history["loss"]

X = np.random.rand(5000, 16)
y = np.random.randint(0, 2, 5000)
model = keras.Sequential([keras.layers.Input(shape=(16,)), keras.layers.Dense(2, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
losses = loss_by_rate(model, X, y, batch_size=100)
model.fit(X, y, epochs=4, batch_size=100)
`;

describe("a function that puts back the weights it trained", () => {
  it("is a probe: the plan is the later fit's 4 epochs at 100 of 5,000 rows, not the probe's 1", async () => {
    const p = await plan(KERAS("    model.set_weights(start)"));
    assert.equal(p.epochs?.value, 4);
    assert.equal(p.batch?.value, 100);
    assert.equal(p.samples?.value, 5000);
  });

  it("without the weights put back, its fit is read as before", async () => {
    const p = await plan(KERAS("    pass"));
    assert.notEqual(p.epochs?.value, 4);
  });

  it("torch: a state_dict copied, steps taken, and loaded back is a probe too", async () => {
    const p = await plan(`import copy, torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

def try_rates(model, loader, opt):
    saved = copy.deepcopy(model.state_dict())
    for i, (xb, yb) in enumerate(loader):
        if i >= 30:
            break
        opt.zero_grad()
        nn.functional.cross_entropy(model(xb), yb).backward()
        opt.step()
    model.load_state_dict(saved)

X = torch.randn(6400, 20)
Y = torch.randint(0, 2, (6400,))
loader = DataLoader(TensorDataset(X, Y), batch_size=64, shuffle=True)
model = nn.Linear(20, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
try_rates(model, loader, opt)
for epoch in range(3):
    for xb, yb in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(model(xb), yb).backward()
        opt.step()
`);
    assert.equal(p.epochs?.value, 3);
    assert.equal(p.batch?.value, 64);
    assert.notEqual(p.steps?.value, 30, "the probe's 30 steps are not the run's");
  });

  it("a best state bound again as validation improves, loaded at the end, is a real run's, not a probe", async () => {
    const p = await plan(`import copy, torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

def train(model, loader, opt, epochs):
    best = copy.deepcopy(model.state_dict())
    best_loss = 1e9
    for epoch in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            opt.step()
        if loss.item() < best_loss:
            best_loss = loss.item()
            best = copy.deepcopy(model.state_dict())
    model.load_state_dict(best)
    return model

X = torch.randn(6400, 20)
Y = torch.randint(0, 2, (6400,))
loader = DataLoader(TensorDataset(X, Y), batch_size=64, shuffle=True)
model = nn.Linear(20, 2)
train(model, loader, torch.optim.SGD(model.parameters(), lr=0.1), 7)
`);
    assert.equal(p.epochs?.value, 7);
    assert.equal(p.batch?.value, 64);
  });
});
