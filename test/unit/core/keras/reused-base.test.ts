import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

// A notebook's functional Keras models: augmentation by keras.layers.RandomCrop (layers/core.ts) and a base model
// reused under a new head through its `.output` and `.input` (classes/model.ts).
describe("functional Keras models with a cropped input and a reused base", () => {
  const CODE = `from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=[40, 40, 3])
x = layers.Rescaling(scale=1./255)(inputs)
x = layers.RandomCrop(30, 30)(x)
x = layers.Conv2D(4, (3, 3), activation="relu")(x)
base = keras.Model(inputs=inputs, outputs=x)
for layer in base.layers:
    layer.trainable = False
y = layers.Flatten()(base.output)
y = layers.Dense(5)(y)
head = keras.Model(inputs=base.input, outputs=y)
`;

  it("RandomCrop gives its height and width, so the layers after it are sized on the crop", async () => {
    const result = await analyze(`${CODE}base.summary()\n`);
    const base = modelNamed(result, "base");
    assert.equal(base.complete, true);
    // Conv2D(4, 3x3) on 3 channels: 4 * 27 + 4 weights, whatever the crop.
    assert.equal(base.params, 112);
  });

  it("a head on base.output takes the base's layers and input: Flatten of 28 x 28 x 4 into Dense(5)", async () => {
    const result = await analyze(CODE);
    const head = modelNamed(result, "head");
    assert.equal(head.complete, true);
    assert.equal(head.params, 112 + 28 * 28 * 4 * 5 + 5);
    assert.deepEqual(head.inputs[0].shape, [1, 40, 40, 3]);
  });

  it("the base, whose layers the head runs, is a part of the head, not a model of its own, unless the code uses it alone", async () => {
    const result = await analyze(CODE);
    assert.deepEqual(result.models.map((m) => m.name), ["head"]);
    const alone = await analyze(`${CODE}base.summary()\n`);
    assert.deepEqual(alone.models.map((m) => m.name).sort(), ["base", "head"]);
  });

  it("a Sequential built from a layer bound at top level stays a model: the layer alone holds no layers of its own", async () => {
    const result = await analyze(`from tensorflow import keras
dense = keras.layers.Dense(3, input_shape=(2,))
model = keras.Sequential()
model.add(dense)
`);
    assert.deepEqual(result.models.map((m) => m.name), ["model"]);
  });
});
