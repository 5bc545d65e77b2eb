import { strict as assert } from "node:assert";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { analyze, modelNamed } from "../../helpers/analyze";

// A script or notebook that trains several models in turn: each model's run is the one its own statements make
// (src/core/training/models-in-turn.ts), with the settings as bound where that loop runs.
describe("models trained in turn", () => {
  it("gives each model the loop that calls it, with the epochs bound before that loop, and the whole tensor it steps on", async () => {
    const result = await analyze(`import torch
from torch import nn

X_train = torch.randn(800, 2)
y_train = torch.randn(800, 1)
X_test = torch.randn(200, 2)
model_0 = nn.Linear(2, 1)
opt = torch.optim.SGD(model_0.parameters(), lr=0.1)
epochs = 100
for epoch in range(epochs):
    loss = ((model_0(X_train) - y_train) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    with torch.no_grad():
        test_pred = model_0(X_test)

model_1 = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1))
opt = torch.optim.SGD(model_1.parameters(), lr=0.1)
epochs = 1000
for epoch in range(epochs):
    loss = ((model_1(X_train) - y_train) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`);
    const first = trainingPlanOf(result, modelNamed(result, "model_0"));
    const second = trainingPlanOf(result, modelNamed(result, "model_1"));
    assert.deepEqual([first?.epochs?.value, first?.steps?.value, first?.epochs?.line], [100, 100, 10]);
    assert.deepEqual([second?.epochs?.value, second?.steps?.value, second?.epochs?.line], [1000, 1000, 21]);
    // Full batch: each pass is one step on all 800 rows (the test tensor's 200 are an evaluation's).
    assert.deepEqual([first?.samples?.value, first?.batch?.value], [800, 800]);
    assert.deepEqual([second?.samples?.value, second?.batch?.value], [800, 800]);
  });

  it("reads one name bound to a new Keras model before each fit as several models, the fits of one adding up", async () => {
    const result = await analyze(`import keras

(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(), keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=5, batch_size=64)

model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(), keras.layers.Dense(32), keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=50, batch_size=64)
model.fit(x_train, y_train, epochs=10, batch_size=64)
`);
    const [first, second] = result.models.map((m) => trainingPlanOf(result, m));
    assert.equal(result.models.length, 2);
    assert.deepEqual([first?.epochs?.value, first?.epochs?.line], [5, 6]);
    assert.deepEqual([second?.epochs?.value, second?.epochs?.line], [60, 10], "the second model's two fits in turn");
    // The file's own plan (for tools that read one per file) is the first model's, not the six fits summed.
    assert.equal(result.training?.epochs?.value, 5);
  });

  it("binds a training function's parameters from the call that passes each model", async () => {
    const result = await analyze(`import torch
from torch import nn

x = torch.randn(64, 4)
y = torch.randn(64, 1)
model_a = nn.Linear(4, 1)
model_b = nn.Sequential(nn.Linear(4, 16), nn.Linear(16, 1))


def train_model(model, n_epoch):
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(n_epoch):
        opt.zero_grad()
        ((model(x) - y) ** 2).mean().backward()
        opt.step()


train_model(model_a, n_epoch=300)
train_model(model_b, n_epoch=2000)
`);
    assert.equal(trainingPlanOf(result, modelNamed(result, "model_a"))?.epochs?.value, 300);
    assert.equal(trainingPlanOf(result, modelNamed(result, "model_b"))?.epochs?.value, 2000);
    assert.equal(result.training?.epochs, undefined, "two calls passing different counts: the file's own plan cannot tell");
  });

  it("keeps the file's plan for a model its own statements do not train, and for a model moved to a device", async () => {
    const result = await analyze(`import torch
from torch import nn

x = torch.randn(100, 3)
spare = nn.Linear(3, 1)
spare.train()
net = nn.Linear(3, 1)
net = net.to("cpu")
opt = torch.optim.Adam(net.parameters())
for t in range(250):
    opt.zero_grad()
    net(x).sum().backward()
    opt.step()
`);
    const spare = trainingPlanOf(result, modelNamed(result, "spare"));
    const net = trainingPlanOf(result, modelNamed(result, "net"));
    assert.equal(net?.steps?.value, 250, "net = net.to(...) is the same model");
    assert.equal(spare, result.training);
  });
});
