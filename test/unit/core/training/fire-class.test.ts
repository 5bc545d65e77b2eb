import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// python-fire over a class of our own: `python run.py train` builds Runner() with its defaults and runs train().
const script = (fire: string, init = "batch_size=48, epochs=9, fp16=False") => `import fire
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets

class Runner:
    def __init__(self, ${init}):
        self.batch_size = batch_size
        self.epochs = epochs
        self.fp16 = fp16

    def train(self, lr=0.1):
        model = nn.Linear(784, 10).cuda()
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        loader = DataLoader(datasets.MNIST(".", train=True), batch_size=self.batch_size, shuffle=True)
        for epoch in range(self.epochs):
            for x, y in loader:
                with torch.autocast("cuda", enabled=self.fp16):
                    loss = nn.functional.cross_entropy(model(x.view(-1, 784)), y)
                loss.backward()
                optimizer.step()

if __name__ == "__main__":
    ${fire}
`;

describe("python-fire over a class (src/core/training/method-bindings.ts)", () => {
  it("a method of fire.Fire(Cls) runs on Cls() with its __init__ defaults", async () => {
    const plan = (await analyze(script("fire.Fire(Runner)"))).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value, plan?.precision?.value], [9, 48, 60_000, "fp32"]);
    const on = (await analyze(script("fire.Fire(Runner)", "batch_size=48, epochs=9, fp16=True"))).training;
    assert.equal(on?.precision?.value, "fp16");
  });

  it("fire.Fire of another name does not build the class: where the file names it, its attributes stay unknown", async () => {
    const plan = (await analyze(script("fire.Fire(main)\n    print(Runner.__doc__)"))).training;
    assert.notEqual(plan?.epochs?.value, 9);
    assert.notEqual(plan?.batch?.value, 48);
    // A class nothing in the file names reads its __init__ defaults as code nothing calls does (unconstructed-class.ts).
    const unnamed = (await analyze(script("fire.Fire(main)"))).training;
    assert.deepEqual([unnamed?.epochs?.value, unnamed?.batch?.value], [9, 48]);
  });
});
