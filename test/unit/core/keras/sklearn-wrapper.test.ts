import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// scikit-learn-API estimators train no Keras model by their fit; Keras' wrappers do, once a fit or fold (sklearn-wrapper.ts).
const ESTIMATORS_ONLY = `from sklearn.datasets import load_wine
from sklearn.preprocessing import StandardScaler
from sklearn.ensemble import GradientBoostingClassifier
import sklearn.linear_model as lm

features, target = load_wine(return_X_y=True)
scaler = StandardScaler()
scaler.fit(features)
booster = GradientBoostingClassifier(n_estimators=50)
booster.fit(scaler.transform(features), target)
lm.Ridge().fit(features, target)
`;

const WRAPPED = `import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.wrappers.scikit_learn import KerasRegressor
from sklearn.model_selection import KFold, cross_val_score
from sklearn.preprocessing import MinMaxScaler
from sklearn.pipeline import Pipeline

rows = np.random.rand(250, 6)
goal = np.random.rand(250)

def build():
    net = Sequential()
    net.add(Dense(16, input_dim=6, activation="relu"))
    net.add(Dense(1))
    net.compile(loss="mse", optimizer="sgd")
    return net

steps = []
steps.append(("scale", MinMaxScaler()))
steps.append(("net", KerasRegressor(build_fn=build, epochs=40, batch_size=25, verbose=0)))
chain = Pipeline(steps)
splitter = KFold(n_splits=4, shuffle=True)
print(cross_val_score(chain, rows, goal, cv=splitter).mean())
`;

describe("scikit-learn estimators and Keras' scikit-learn wrappers", () => {
  it("reads no Keras fit in a scikit-learn estimator's fit", async () => {
    const plan = (await analyze(ESTIMATORS_ONLY)).training;
    assert.equal(plan?.epochs, undefined);
    assert.equal(plan?.batch, undefined);
  });

  it("counts a wrapper's epochs once a fold of cross_val_score, at its batch_size, on a fold's training rows", async () => {
    const plan = (await analyze(WRAPPED)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [160, 25, 187]);
  });

  it("takes five folds without cv, and one fit of the wrapper by hand with fit's default batch", async () => {
    const fiveFolds = (await analyze(WRAPPED.replace(", cv=splitter", ""))).training ?? {};
    assert.equal(fiveFolds.epochs?.value, 200);
    const byHand = (await analyze(WRAPPED.replace(", batch_size=25", "").replace("print(cross_val_score(chain, rows, goal, cv=splitter).mean())", "chain.fit(rows, goal)"))).training ?? {};
    assert.deepEqual([byHand.epochs?.value, byHand.batch?.value], [40, 32]);
  });

  it("follows the wrapper into a Pipeline through a list literal bound to a name", async () => {
    const literal = WRAPPED.replace('steps = []\nsteps.append(("scale", MinMaxScaler()))\nsteps.append(("net", KerasRegressor(build_fn=build, epochs=40, batch_size=25, verbose=0)))',
      'steps = [("scale", MinMaxScaler()), ("net", KerasRegressor(build_fn=build, epochs=40, batch_size=25, verbose=0))]');
    assert.notEqual(literal, WRAPPED);
    const plan = (await analyze(literal)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [160, 25]);
  });

  it("leaves the epochs unknown where a search fits the wrapper with each candidate's parameters", async () => {
    const searched = WRAPPED.replace("from sklearn.pipeline import Pipeline", "from sklearn.pipeline import Pipeline\nfrom sklearn.model_selection import GridSearchCV")
      .replace("print(cross_val_score(chain, rows, goal, cv=splitter).mean())", "search = GridSearchCV(chain, {\"net__epochs\": [10, 20]})\nsearch.fit(rows, goal)");
    const plan = (await analyze(searched)).training;
    assert.equal(plan?.epochs, undefined);
  });

  it("gives each builder's model the run of its own wrappers, a list bound again carrying none of the earlier ones", async () => {
    const two = WRAPPED.replace("def build():", "def build_wide():\n    net = Sequential()\n    net.add(Dense(64, input_dim=6, activation=\"relu\"))\n    net.add(Dense(1))\n    net.compile(loss=\"mse\", optimizer=\"sgd\")\n    return net\n\ndef build():")
      + 'steps = []\nsteps.append(("scale", MinMaxScaler()))\nsteps.append(("net", KerasRegressor(build_fn=build_wide, epochs=10, batch_size=50, verbose=0)))\nchain = Pipeline(steps)\nprint(cross_val_score(chain, rows, goal, cv=splitter).mean())\n';
    const result = await analyze(two);
    const runOf = (name: string) => {
      const i = result.models.findIndex((m) => m.name === name);
      assert.ok(i >= 0, name);
      return result.modelTraining?.find((t) => t.model === i)?.plan ?? {};
    };
    assert.deepEqual([runOf("build").epochs?.value, runOf("build").batch?.value], [160, 25]);
    assert.deepEqual([runOf("build_wide").epochs?.value, runOf("build_wide").batch?.value], [40, 50]);
  });

  it("reads scikit-learn 0.17's sklearn.cross_validation: its splitters sized when built, three folds without cv", async () => {
    const legacy = `import numpy
from keras.models import Sequential
from keras.layers import Dense
from keras.wrappers.scikit_learn import KerasClassifier
from sklearn.cross_validation import StratifiedKFold, cross_val_score, train_test_split

table = numpy.random.rand(300, 9)
X = table[:, 0:8]
Y = table[:, 8]

def small():
    net = Sequential()
    net.add(Dense(8, input_dim=8, activation="relu"))
    net.add(Dense(1, activation="sigmoid"))
    net.compile(loss="binary_crossentropy", optimizer="adam")
    return net

wrapped = KerasClassifier(build_fn=small, nb_epoch=20, batch_size=10, verbose=0)
folds = StratifiedKFold(y=Y, n_folds=6, shuffle=True)
print(cross_val_score(wrapped, X, Y, cv=folds).mean())
`;
    const plan = (await analyze(legacy)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value], [120, 250]);
    assert.match(plan.epochs?.detail ?? "", /nb_epoch=20/);
    const threeFolds = (await analyze(legacy.replace(", cv=folds", ""))).training ?? {};
    assert.deepEqual([threeFolds.epochs?.value, threeFolds.samples?.value], [60, 200]);
    const split = (await analyze(legacy.replace("print(cross_val_score(wrapped, X, Y, cv=folds).mean())", "X_train, X_test, y_train, y_test = train_test_split(X, Y, test_size=0.2)\nnet = small()\nnet.fit(X_train, y_train, nb_epoch=5, batch_size=10)"))).training ?? {};
    assert.equal(split.samples?.value, 240);
  });

  it("iterates sklearn.cross_validation's KFold(n, n_folds) for a fold's training indices", async () => {
    const loop = `import numpy
from keras.models import Sequential
from keras.layers import Dense
from sklearn.cross_validation import KFold

X = numpy.random.rand(200, 4)
Y = numpy.random.rand(200)
for train, test in KFold(len(X), n_folds=5):
    net = Sequential()
    net.add(Dense(1, input_dim=4))
    net.compile(loss="mse", optimizer="sgd")
    net.fit(X[train], Y[train], epochs=3, batch_size=16)
`;
    const plan = (await analyze(loop)).training ?? {};
    assert.equal(plan.samples?.value, 160);
  });
});
