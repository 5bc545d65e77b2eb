import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// The rows a skorch net is fitted on, through the Python and library steps benchmark scripts take between a dataset
// and the fit: sklearn.utils.shuffle (interp/stdlib/sklearn-utils.ts), a `*sequence` unpacked into a function's
// parameters (training/call-site-bindings.ts) and fetch_openml (interp/stdlib/sklearn-openml.ts).
const SCRIPT = (load: string, call: string) => `import argparse
import torch
from torch import nn
from sklearn.datasets import fetch_california_housing, fetch_openml
from sklearn.model_selection import train_test_split
from sklearn.utils import shuffle
from skorch import NeuralNetRegressor


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(8, 1)

    def forward(self, X):
        return self.lin(X)


def get_data(num_samples):
${load}
    X, y = X[:num_samples], y[:num_samples]
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    return X_train, X_test, y_train, y_test


def run(X_train, X_test, y_train, y_test, batch_size, max_epochs):
    net = NeuralNetRegressor(Head, batch_size=batch_size, max_epochs=max_epochs)
    net.fit(X_train, y_train)
    return net.score(X_test, y_test)


def main(num_samples):
${call}


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--num_samples', type=int, default=8000)
    args = parser.parse_args()
    main(num_samples=args.num_samples)
`;

const HOUSING = `    chd = fetch_california_housing()
    X = chd.data.astype('float32')
    y = chd.target.astype('float32').reshape(-1, 1)`;
const SPREAD = "    data = get_data(num_samples)\n    run(*data, batch_size=64, max_epochs=6)";
const NAMED = "    X_train, X_test, y_train, y_test = get_data(num_samples)\n    run(X_train, X_test, y_train, y_test, batch_size=64, max_epochs=6)";

describe("rows reaching a skorch fit through shuffles, unpacked calls and OpenML", () => {
  // 8,000 rows, three quarters kept by train_test_split, four fifths of those by skorch's ValidSplit(5): 4,800 rows,
  // 75 batches of 64 an epoch.
  it("keeps every row through sklearn.utils.shuffle", async () => {
    const result = await analyze(SCRIPT(`${HOUSING}\n    X, y = shuffle(X, y, random_state=0)`, NAMED));
    assert.equal(result.training?.samples?.value, 4800);
  });

  it("takes n_samples rows where shuffle is given them", async () => {
    const result = await analyze(SCRIPT(`${HOUSING}\n    X, y = shuffle(X, y, n_samples=4000)`, NAMED));
    assert.equal(result.training?.samples?.value, 2400);
  });

  it("binds a function's parameters to the items of a sequence unpacked into its call", async () => {
    const result = await analyze(SCRIPT(HOUSING, SPREAD));
    assert.equal(result.training?.samples?.value, 4800);
    assert.equal(result.training?.batch?.value, 64);
  });

  it("sizes fetch_openml's arrays for a published dataset", async () => {
    const load = "    mnist = fetch_openml('mnist_784', as_frame=False)\n    X = mnist.data.astype('float32')[:, :8]\n    y = mnist.target.astype('float32').reshape(-1, 1)";
    const result = await analyze(SCRIPT(load, NAMED).replace("default=8000", "default=20000"));
    assert.equal(result.training?.samples?.value, 12000);
  });

  it("leaves fetch_openml's default pandas tables unknown", async () => {
    const load = "    mnist = fetch_openml('mnist_784')\n    X = mnist.data\n    y = mnist.target";
    const result = await analyze(SCRIPT(load, NAMED));
    assert.equal(result.training?.samples, undefined);
  });
});
