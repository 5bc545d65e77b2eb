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
});
