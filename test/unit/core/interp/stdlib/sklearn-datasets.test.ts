import { strict as assert } from "node:assert";
import sklearnData from "../../../../../src/core/signatures/sklearn-datasets.json";
import { analyze } from "../../../helpers/analyze";

/** The training plan of a full-batch loop over `prelude`'s array X (a two-layer net on all of it, 50 epochs). */
async function planOver(prelude: string) {
  return (await analyze(`import torch
${prelude}
features = torch.FloatTensor(X)
net = torch.nn.Sequential(torch.nn.Linear(features.shape[1], 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(50):
    opt.zero_grad()
    net(features).mean().backward()
    opt.step()
`)).training ?? {};
}

// scikit-learn's sample generators and toy datasets give arrays of known rows (stdlib/sklearn-datasets.ts), the
// batch and samples of a full-batch run on them.
describe("sklearn.datasets", () => {
  it("make_blobs' n_samples, by keyword, are the rows a full-batch loop trains on", async () => {
    const plan = await planOver(`from sklearn.datasets import make_blobs
X, y = make_blobs(n_samples=80, n_features=2, centers=[[1, 1], [-1, -1]], cluster_std=0.3)`);
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.steps?.value], [80, 80, 50]);
  });

  it("positional counts and per-group counts are summed, through `import sklearn.datasets` and `from sklearn import datasets`", async () => {
    const moons = await planOver(`import sklearn.datasets
X, y = sklearn.datasets.make_moons((40, 70), noise=0.1)`);
    assert.equal(moons.samples?.value, 110);
    const classification = await planOver(`from sklearn import datasets
X, y = datasets.make_classification(250, 6)`);
    assert.equal(classification.samples?.value, 250);
  });

  it("a generator's default n_samples holds when the call gives none", async () => {
    const plan = await planOver(`from sklearn.datasets import make_circles
X, y = make_circles(noise=0.05)`);
    assert.equal(plan.samples?.value, sklearnData.generators.make_circles.n_samples);
  });

  it("toy datasets have their published sizes, as a Bunch or as (X, y)", async () => {
    const bunch = await planOver(`from sklearn.datasets import load_iris
iris = load_iris()
X = iris.data`);
    assert.equal(bunch.samples?.value, 150);
    const pair = await planOver(`from sklearn.datasets import load_breast_cancer
X, y = load_breast_cancer(return_X_y=True)`);
    assert.equal(pair.samples?.value, 569);
  });

  it("data it cannot size (a data frame, a name it does not model) gives no samples rather than a guess", async () => {
    const frame = await planOver(`from sklearn.datasets import load_wine
X = load_wine(as_frame=True).data`);
    assert.equal(frame.samples, undefined);
    const fetched = await planOver(`from sklearn.datasets import fetch_openml
X, y = fetch_openml("mnist_784", return_X_y=True)`);
    assert.equal(fetched.samples, undefined);
  });
});
