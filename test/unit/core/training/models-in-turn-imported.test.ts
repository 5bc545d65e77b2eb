import { strict as assert } from "node:assert";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { notebookProgram } from "../../../../src/core/notebook/notebook-program";
import { analyze } from "../../helpers/analyze";

// A notebook that binds one name to a model, trains it through another file's training function, then binds the name
// to a second model and calls the function again: each call is one model's run (models-in-turn.ts's statementsOutside),
// not two calls in turn of one model (foreign-calls-in-turn.ts).
const FITTING = `import torch

def fit(net, n_epochs, loader, opt):
    for epoch in range(n_epochs):
        for x, y in loader:
            opt.zero_grad()
            torch.nn.functional.cross_entropy(net(x), y).backward()
            opt.step()
`;
const CELLS = [
  `import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
from fitting import fit`,
  `EPOCHS = 6
train_loader = DataLoader(datasets.FashionMNIST("data", train=True, download=True, transform=transforms.ToTensor()), batch_size=100, shuffle=True)`,
  `net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
fit(net=net, n_epochs=EPOCHS, loader=train_loader, opt=opt)`,
  `net = nn.Sequential(nn.Flatten(), nn.Linear(784, 32), nn.ReLU(), nn.Linear(32, 10))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
fit(net=net, n_epochs=EPOCHS, loader=train_loader, opt=opt)`,
];

describe("models trained in turn through another file's function", () => {
  it("gives each model its own call's epochs, not both calls' sum", async () => {
    const program = notebookProgram(CELLS.map((source, index) => ({ index, source })));
    const result = await analyze(program.text, { others: { "/project/fitting.py": FITTING } });
    assert.equal(result.models.length, 2);
    const plans = result.models.map((m) => trainingPlanOf(result, m));
    // Before: 12 epochs each ("2 calls in turn: 6 + 6").
    assert.deepEqual(plans.map((p) => [p?.epochs?.value, p?.batch?.value, p?.samples?.value]), [[6, 100, 60000], [6, 100, 60000]]);
  });

  it("still adds up the calls one model makes in turn", async () => {
    const program = notebookProgram([...CELLS.slice(0, 3), `fit(net=net, n_epochs=2, loader=train_loader, opt=opt)`].map((source, index) => ({ index, source })));
    const result = await analyze(program.text, { others: { "/project/fitting.py": FITTING } });
    assert.equal(trainingPlanOf(result, result.models[0])?.epochs?.value, 8);
  });
});
