import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { callsKerasFit } from "../../../../src/core/training/foreign-keras-fit";

// A script that trains through a method of another file whose body calls Keras' fit on a model the object holds
// (src/core/training/foreign-keras-fit.ts, read by foreign-loops.ts): that fit's epochs, batch and data are the run's.
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const DIGITS = `import keras

class Digits:
    def __init__(self):
        (self.pictures, self.classes), _ = keras.datasets.mnist.load_data()
`;

const WRAPPER = (importLine: string) => `${importLine}

class Classifier:
    def __init__(self, data, rate=0.1, per_step=48, passes=7):
        self.data = data
        self.per_step = per_step
        self.passes = passes
        self.net = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(), keras.layers.Dense(10)])
        self.net.compile(optimizer=keras.optimizers.SGD(rate), loss="sparse_categorical_crossentropy")

    def learn(self):
        return self.net.fit(self.data.pictures, self.data.classes, batch_size=self.per_step, epochs=self.passes)
`;

const SCRIPT = (call: string) => `from pkg.digits import Digits
from pkg.classifier import Classifier

if __name__ == "__main__":
    data = Digits()
    clf = Classifier(data${call})
    clf.learn()
`;

const files = (importLine: string) => ({ "/project/pkg/__init__.py": "", "/project/pkg/digits.py": DIGITS, "/project/pkg/classifier.py": WRAPPER(importLine) });

describe("a Keras fit in a method of another file (src/core/training/foreign-keras-fit.ts)", () => {
  it("reads the method's fit with the object's bindings: the constructor's defaults and the data it holds", async () => {
    const plan = await planOf(SCRIPT(""), files("import keras"));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [7, 48, 60000]);
  });

  it("takes the arguments the script's constructor call gives", async () => {
    const plan = await planOf(SCRIPT(", per_step=100, passes=2"), files("import keras"));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [2, 100]);
  });

  it("reads no run from a fit in a module that imports no Keras (a scikit-learn-API estimator's fit)", async () => {
    const plan = await planOf(SCRIPT(""), files("import mylib as keras"));
    assert.equal(plan.epochs, undefined);
  });

  it("tells a fit call from other calls, and a module importing Keras or TensorFlow from one that does not", () => {
    assert.equal(callsKerasFit("    self.net.fit(x, y)", "from tensorflow import keras\n"), true);
    assert.equal(callsKerasFit("    self.net.fit_generator(gen, 10)", "import keras\n"), true);
    assert.equal(callsKerasFit("    self.net.fit(x, y)", "import sklearn\n"), false);
    assert.equal(callsKerasFit("    self.net.fitness(x)", "import keras\n"), false);
  });
});
