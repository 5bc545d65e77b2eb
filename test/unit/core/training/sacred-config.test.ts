import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// sacred experiments of our own: a config scope's locals are the configuration, and captured functions take the
// parameters the call leaves out from it by name (sacred.readthedocs.io, "Configuration", "Captured Functions").
const script = (scope: string, captured: string, entry: string) => `from sacred import Experiment
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets

ex = Experiment("mnist")


@ex.config
def config():
${scope}


${captured}
    model = nn.Linear(784, 10)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(datasets.MNIST(".", train=True), batch_size=bs, shuffle=True)
    for epoch in range(n_epochs):
        for x, y in loader:
            loss = nn.functional.cross_entropy(model(x.view(-1, 784)), y)
            loss.backward()
            optimizer.step()


${entry}
`;

describe("sacred config scopes and captured functions (training/sacred-config.ts)", () => {
  it("an @ex.capture function's parameters are the config scope's locals of the same names", async () => {
    const plan = (await analyze(script("    n_epochs = 3\n    bs = 2 * 20", "@ex.capture\ndef train(n_epochs, bs):", "@ex.automain\ndef main():\n    train()"))).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value], [3, 40, 60_000]);
  });

  it("@ex.automain's _config is the whole configuration", async () => {
    const whole = (await analyze(script('    run = {"n_epochs": 3, "bs": 40}', "@ex.automain\ndef main(_config):\n    n_epochs, bs = _config[\"run\"][\"n_epochs\"], _config[\"run\"][\"bs\"]", ""))).training;
    assert.deepEqual([whole?.epochs?.value, whole?.batch?.value], [3, 40]);
  });

  it("a value the call passes wins over the configuration's", async () => {
    const passed = (await analyze(script("    n_epochs = 3\n    bs = 40", "@ex.capture\ndef train(n_epochs, bs):", "@ex.automain\ndef main():\n    train(bs=8)"))).training;
    assert.deepEqual([passed?.epochs?.value, passed?.batch?.value], [3, 8]);
  });

  it("a function decorated by an object that is no experiment binds nothing", async () => {
    const other = script("    n_epochs = 3\n    bs = 40", "@registry.capture\ndef train(n_epochs, bs):", "registry = object()\n@ex.automain\ndef main():\n    train()");
    assert.equal((await analyze(other)).training?.batch?.value, undefined);
  });

  it("an ingredient of another file: its config scopes' locals under its path, a named config called in a scope giving its own locals", async () => {
    const ingredients = `import sacred

training = sacred.Ingredient("training")


@training.named_config
def small():
    bs = 24
    n_epochs = 7


@training.named_config
def large():
    bs = 256
    n_epochs = 90


@training.config
def config():
    size = "small"
    if size == "small":
        schedule = small()
    else:
        schedule = large()
`;
    const main = (listed: string) => script("    seed = 0", `@ex.automain\ndef main(_config):\n    n_epochs, bs = _config["training"]["schedule"]["n_epochs"], _config["training"]["schedule"]["bs"]`, "").replace('ex = Experiment("mnist")', `import ingredients\n\nex = Experiment("mnist", ingredients=[${listed}])`);
    const plan = (await analyze(main("ingredients.training"), { others: { "/project/ingredients.py": ingredients } })).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value], [7, 24]);
    // Not listed among the experiment's ingredients: no "training" entry.
    const unlisted = (await analyze(main(""), { others: { "/project/ingredients.py": ingredients } })).training;
    assert.equal(unlisted?.batch?.value, undefined);
  });
});
