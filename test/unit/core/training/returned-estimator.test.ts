import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A scikit-learn pipeline another module builds and returns: its fit(X, y) trains in one call, no Keras fit.
const MODELS = `from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

def build_model(c=1.0):
    pipeline = make_pipeline(StandardScaler(), LogisticRegression(C=c))
    return pipeline
`;

const TRAIN = `import numpy as np
from models import build_model

def train():
    X = np.random.rand(200, 5)
    y = (X[:, 0] > 0.5).astype(int)
    model = build_model()
    model.fit(X, y)
    print(model.score(X, y))

if __name__ == "__main__":
    train()
`;

// A Keras model another module builds keeps its fit's defaults.
const KERAS_MODELS = `from tensorflow import keras

def build_model():
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    return model
`;

describe("estimators returned by another module's function", () => {
  it("model = build_model() of a module returning a scikit-learn pipeline: its fit is no Keras fit", async () => {
    const plan = (await analyze(TRAIN, { others: { "/project/models.py": MODELS } })).training ?? {};
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batch, undefined);
  });

  it("a returned Keras model's fit keeps Keras' defaults", async () => {
    const plan = (await analyze(TRAIN, { others: { "/project/models.py": KERAS_MODELS } })).training ?? {};
    assert.equal(plan.epochs?.value, 1);
    assert.equal(plan.batch?.value, 32);
  });
});
