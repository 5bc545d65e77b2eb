import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// Keras' to_categorical keeps its input's rows and adds one axis of classes (src/core/keras/to-categorical.ts), so a
// fit on one-hot arrays is sized from them. A script written for this test.
const script = (encode: string) => `import numpy as np
from tensorflow.keras.utils import to_categorical
from tensorflow.keras.models import Sequential
from tensorflow.keras import layers

codes = np.array([[[2], [0]], [[1], [3]], [[0], [0]], [[3], [1]], [[2], [2]]])
answers = np.array([0, 1, 1, 0, 1])
codes = ${encode}
answers = to_categorical(answers, 2)

net = Sequential()
net.add(layers.SimpleRNN(6, input_shape=(2, 4)))
net.add(layers.Dense(2, activation="softmax"))
net.compile(optimizer="adam", loss="categorical_crossentropy")
net.fit(codes, answers, epochs=40)
`;

const planOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!);
};

describe("keras.utils.to_categorical as shapes (src/core/keras/to-categorical.ts)", () => {
  it("keeps the rows of a literal whose classes it counts, so the fit's samples are known", async () => {
    const plan = await planOf(script("to_categorical(codes)"));
    assert.equal(plan?.samples?.value, 5);
    assert.equal(plan?.epochs?.value, 40);
  });

  it("takes the class count given as num_classes", async () => {
    const plan = await planOf(script("to_categorical(codes, num_classes=4)"));
    assert.equal(plan?.samples?.value, 5);
  });

  it("leaves labels of unknown values without num_classes unknown", async () => {
    const plan = await planOf(script("to_categorical(np.load('codes.npy'))"));
    assert.equal(plan?.samples?.value, undefined);
  });
});
