import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { onlyModel } from "../../helpers/analyze";

// Our own definitions of keras.applications builders (src/core/keras/applications), checked against the total
// parameters of keras.io's Keras Applications table and against the FLOPs of the same networks in PyTorch
// (torchvision's VGG16 and MobileNetV2 under torch.utils.flop_counter: 30,940,528,640 and 601,548,544).
describe("keras.applications (built-in definitions)", () => {
  const published: [string, number][] = [
    ["VGG16", 138357544], ["ResNet50", 25636712], ["MobileNet", 4253864], ["MobileNetV2", 3538984], ["DenseNet121", 8062504], ["EfficientNetB0", 5330571],
    ["ResNet50V2", 25613800], ["Xception", 22910480], ["InceptionV3", 23851784], ["ConvNeXtTiny", 28589128],
    ["MobileNetV3Small", 2554968], ["EfficientNetV2B0", 7200312], ["InceptionResNetV2", 55873736],
  ];
  for (const [name, params] of published) {
    it(`${name}(weights=None) has keras.io's parameter count`, async () => {
      const m = await onlyModel(`import tensorflow as tf\nmodel = tf.keras.applications.${name}(weights=None)\n`);
      assert.equal(m.params, params);
      assert.equal(m.complete, true);
    });
  }

  it("gives PyTorch's FLOPs for the same networks", async () => {
    const vgg = await onlyModel("from keras.applications import VGG16\nmodel = VGG16()\n");
    assert.equal(vgg.flops, 30940528640);
    const mobilenet = await onlyModel("import keras\nmodel = keras.applications.MobileNetV2(weights='imagenet')\n");
    assert.equal(mobilenet.flops, 601548544);
  });

  it("transfer learning: a frozen base inside a Sequential counts as non-trainable", async () => {
    const m = await onlyModel(`
import tensorflow as tf
base = tf.keras.applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False, weights="imagenet")
base.trainable = False
model = tf.keras.Sequential([base, tf.keras.layers.GlobalAveragePooling2D(), tf.keras.layers.Dense(1)])
`);
    // TensorFlow's transfer-learning tutorial prints 2,259,265 total and 1,281 trainable for this model.
    assert.equal(m.params, 2259265);
    assert.equal(m.trainableParams, 1281);
    assert.deepEqual(m.inputs[0].shape, [1, 160, 160, 3]);
  });

  it("TensorFlow's transfer-learning tutorial as written: augmentation, preprocess_input and a frozen base in a functional model", async () => {
    const m = await onlyModel(readFileSync(join(__dirname, "../../../fixtures/keras/transfer_learning.py"), "utf8"));
    assert.equal(m.params, 2259265);
    assert.equal(m.trainableParams, 1281);
    assert.equal(m.complete, true);
    const base = m.layers.find((l) => l.type === "Functional" && l.path !== "");
    assert.ok(base && !base.path.includes("."), "the base model is one child, its name's dots replaced");
    assert.equal(base.params, 2257984);
  });

  it("without the classifier and an input size the input is assumed and said so", async () => {
    const m = await onlyModel("import keras\nmodel = keras.applications.ResNet50(include_top=False, weights=None, pooling='avg')\n");
    assert.deepEqual(m.output, [[1, 2048]]);
    assert.equal(m.complete, false);
  });
});
