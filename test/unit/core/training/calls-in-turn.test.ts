import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training function called more than once in turn runs once a call (src/core/training/calls-in-turn.ts).
const TORCH = `import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
train_set = datasets.FashionMNIST("data", train=True, download=True, transform=transforms.ToTensor())
loader = DataLoader(train_set, batch_size=250, shuffle=True)

def stage(model, data, n_epochs, lr):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(n_epochs):
        for images, targets in data:
            opt.zero_grad()
            nn.functional.cross_entropy(model(images), targets).backward()
            opt.step()

if __name__ == "__main__":
    stage(net, loader, 2, 0.1)
    stage(net, loader, n_epochs=5, lr=0.01)
`;

const KERAS = `from tensorflow import keras

(pixels, digits), _ = keras.datasets.mnist.load_data()
pixels = pixels.reshape(-1, 784) / 255.0

def variant(width):
    m = keras.Sequential([keras.layers.Dense(width, activation="relu", input_shape=(784,)), keras.layers.Dense(10)])
    m.compile("adam", "sparse_categorical_crossentropy")
    m.fit(pixels, digits, batch_size=500, epochs=3)

def main():
    variant(32)
    variant(64)
    variant(128)

main()
`;

describe("a training function called more than once in turn", () => {
  it("runs each call's epochs: the calls' arguments read one call at a time, added up", async () => {
    const plan = (await analyze(TORCH)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [7, 250, 60000]);
    assert.match(plan.epochs?.detail ?? "", /2 calls of stage in turn/);
  });

  it("reads calls inside another function, and counts one call of a function that builds its own model (own-network-calls.ts)", async () => {
    const plan = (await analyze(KERAS)).training ?? {};
    assert.equal(plan.epochs?.value, 3);
    assert.ok((plan.notes ?? []).some((n) => /variant builds the network it trains \(m\) on each call/.test(n)));
  });

  it("leaves calls that hand the function different objects (two models) to the models-in-turn rules", async () => {
    const two = (await analyze(TORCH.replace("    stage(net, loader, n_epochs=5", "    other = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))\n    stage(other, loader, n_epochs=5"))).training ?? {};
    assert.notEqual(two.epochs?.value, 7);
  });

  it("leaves calls in branches apart, or in a loop, to the rules that read them", async () => {
    const branches = (await analyze(TORCH.replace("    stage(net, loader, 2, 0.1)\n    stage(", "    if torch.cuda.is_available():\n        stage(net, loader, 2, 0.1)\n    else:\n        stage("))).training ?? {};
    assert.notEqual(branches.epochs?.value, 7);
    const looped = (await analyze(KERAS.replace("    variant(32)\n    variant(64)\n    variant(128)", "    for w in (32, 64, 128):\n        variant(w)"))).training ?? {};
    assert.notEqual(looped.epochs?.value, 9);
  });
});
