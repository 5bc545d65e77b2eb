import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// A typer command of our own: its parameters' defaults are the default run's (typer.tiangolo.com/tutorial/options/).
const script = (batch: string, run: string) => `import typer
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets

app = typer.Typer()

@app.command()
def train(epochs: int = 6, batch_size: int = ${batch}, lr: float = typer.Option(0.1, help="step size")):
    model = nn.Linear(784, 10)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loader = DataLoader(datasets.MNIST(".", train=True), batch_size=batch_size, shuffle=True)
    for epoch in range(epochs):
        for x, y in loader:
            loss = nn.functional.cross_entropy(model(x.view(-1, 784)), y)
            loss.backward()
            optimizer.step()

if __name__ == "__main__":
    ${run}
`;

describe("typer commands (src/core/interp/stdlib/typer.ts)", () => {
  it("a parameter whose default is typer.Option(N) or typer.Argument(default=N) runs with N", async () => {
    for (const batch of ['typer.Option(96, help="batch")', "typer.Option(default=96)", "typer.Argument(96)"]) {
      const plan = (await analyze(script(batch, "app()"))).training;
      assert.deepEqual([plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value], [6, 96, 60_000], batch);
    }
    const run = (await analyze(script("typer.Option(96)", "typer.run(train)"))).training;
    assert.equal(run?.batch?.value, 96);
  });

  it("a required option (typer.Option(...)) gives the run no batch", async () => {
    const plan = (await analyze(script("typer.Option(...)", "app()"))).training;
    assert.equal(plan?.batch, undefined);
    assert.equal(plan?.epochs?.value, 6);
  });
});
