import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// skorch's nets own their loop: a fit runs max_epochs (10) passes over the rows its train_split (ValidSplit(5)) keeps,
// in batches of batch_size (128) (src/core/training/skorch-net.ts, src/core/keras/sklearn-wrapper.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (net: string, fit = "net.fit(features, labels)", imports = "from skorch import NeuralNetClassifier") => `import numpy as np
import torch
from torch import nn
${imports}

features = np.zeros((2000, 16), dtype=np.float32)
labels = np.zeros(2000, dtype=np.int64)


class Scorer(nn.Module):
    def __init__(self, width=32):
        super().__init__()
        self.hidden = nn.Linear(16, width)
        self.out = nn.Linear(width, 3)

    def forward(self, x):
        return torch.softmax(self.out(torch.relu(self.hidden(x))), dim=-1)


${net}
${fit}
`;

describe("skorch nets", () => {
  it("reads max_epochs and batch_size, training on four fifths of the rows by default", async () => {
    const plan = await planOf(SCRIPT("net = NeuralNetClassifier(Scorer, max_epochs=20, batch_size=50, lr=0.1)"));
    assert.equal(plan.epochs?.value, 20);
    assert.match(plan.epochs?.detail ?? "", /max_epochs=20/);
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples?.value, 1600);
    assert.match(plan.samples?.detail ?? "", /ValidSplit\(5\)/);
  });

  it("takes skorch's defaults where the net states none, and all rows with train_split=None", async () => {
    const plan = await planOf(SCRIPT("net = NeuralNetClassifier(Scorer, train_split=None)"));
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.batch?.value, 128);
    assert.equal(plan.batch?.source, "default");
    assert.equal(plan.samples?.value, 2000);
  });

  it("reads iterator_train__batch_size over batch_size and a ValidSplit's float share", async () => {
    const plan = await planOf(SCRIPT("net = skorch.NeuralNetRegressor(Scorer, max_epochs=4, batch_size=10, iterator_train__batch_size=40, train_split=ValidSplit(0.25))", "net.fit(features, labels)", "import skorch\nfrom skorch.dataset import ValidSplit"));
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.batch?.value, 40);
    assert.equal(plan.samples?.value, 1500);
  });

  it("fits a net of a class derived from skorch's once a cross-validation fold", async () => {
    const plan = await planOf(SCRIPT("class Wrapped(NeuralNetClassifier):\n    pass\n\n\nnet = Wrapped(Scorer, max_epochs=3)", "cross_validate(net, features, labels, cv=2)", "from skorch import NeuralNetClassifier\nfrom sklearn.model_selection import cross_validate"));
    assert.equal(plan.epochs?.value, 6);
    assert.equal(plan.batch?.value, 128);
    assert.equal(plan.samples?.value, 800);
  });

  it("keeps the batch and rows of a net whose epochs the code leaves to chance", async () => {
    const plan = await planOf(SCRIPT("net = NeuralNetClassifier(Scorer, max_epochs=random.randint(10, 50))", "net.fit(features, labels)", "import random\nfrom skorch import NeuralNetClassifier"));
    assert.notEqual(plan.epochs?.value, 10);
    assert.equal(plan.batch?.value, 128);
    assert.equal(plan.samples?.value, 1600);
  });

  it("reads no Keras defaults into a fit whose net the code builds out of sight, in a file with skorch and no Keras", async () => {
    const plan = await planOf(SCRIPT("net = configure(NeuralNetClassifier(Scorer))", "net.fit(features, labels)", "from skorch import NeuralNetClassifier\nfrom mytools import configure"));
    assert.notEqual(plan.epochs?.value, 1);
    assert.notEqual(plan.batch?.value, 32);
  });

  it("leaves a fit of a class named alike but not skorch's to the other readers", async () => {
    const plan = await planOf(SCRIPT("net = NeuralNetClassifier(Scorer, max_epochs=20, batch_size=50)", "net.fit(features, labels)", "from mylib import NeuralNetClassifier"));
    assert.notEqual(plan.epochs?.value, 20);
  });
});
