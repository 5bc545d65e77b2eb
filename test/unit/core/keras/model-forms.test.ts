import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

const fixture = (name: string) => readFileSync(join(__dirname, "../../../fixtures/keras", name), "utf8");

describe("Keras model forms", () => {
  it("Sequential with input_shape= on the first layer: params as count_params(), BatchNormalization's moving stats non-trainable", async () => {
    const m = await onlyModel(fixture("small_cnn_keras.py"));
    // conv1 3·3·3·16+16 = 448, conv2 3·3·16·32 = 4608, BN 4·32 = 128 (64 non-trainable), Dense 32·10+10 = 330.
    assert.equal(m.params, 5514);
    assert.equal(m.trainableParams, 5450);
    assert.deepEqual(m.inputs, [{ shape: [1, 32, 32, 3], dtype: "float32" }]);
    assert.deepEqual(m.output, [[1, 10]]);
    // 2·32·32·9·3·16 + 2·16·16·9·16·32 + 2·32·10
    assert.equal(m.flops, 884736 + 2359296 + 640);
    assert.equal(m.complete, true);
    assert.deepEqual(m.layers.filter((l) => l.leaf).map((l) => l.type), ["Conv2D", "MaxPooling2D", "Conv2D", "BatchNormalization", "ReLU", "GlobalAveragePooling2D", "Dense"]);
  });

  it("keras.io's MNIST convnet example as written (data loading, compile, fit): its published 34,826 parameters", async () => {
    const m = await onlyModel(fixture("mnist_convnet.py"));
    assert.equal(m.params, 34826);
    // 2·26·26·9·32 + 2·11·11·9·32·64 + 2·1600·10
    assert.equal(m.flops, 389376 + 4460544 + 32000);
    assert.equal(m.complete, true);
  });

  it("gives the same FLOPs as the same network written in PyTorch", async () => {
    const keras = await onlyModel(fixture("small_cnn_keras.py"));
    const torch = await onlyModel(fixture("small_cnn_torch.py"));
    assert.equal(keras.flops, torch.flops);
    // PyTorch keeps the running statistics as buffers, Keras as non-trainable weights.
    assert.equal(keras.trainableParams, torch.params);
    assert.equal(keras.params - keras.trainableParams, torch.buffers - 1);
  });

  it("trainable = False freezes a layer's weights; True again leaves BatchNormalization's moving statistics frozen", async () => {
    const result = await analyze(`
import keras
from keras import layers
frozen = keras.Sequential([layers.Dense(4, input_shape=(3,)), layers.BatchNormalization()])
frozen.trainable = False
thawed = keras.Sequential([layers.Dense(4, input_shape=(3,)), layers.BatchNormalization()])
thawed.trainable = False
thawed.trainable = True
`);
    assert.equal(modelNamed(result, "frozen").params, 16 + 16);
    assert.equal(modelNamed(result, "frozen").trainableParams, 0);
    assert.equal(modelNamed(result, "thawed").trainableParams, 16 + 8);
  });

  it("Sequential built by .add() and by build((None, n))", async () => {
    const m = await onlyModel(`
import keras
model = keras.Sequential()
model.add(keras.layers.Dense(8, activation="relu"))
model.add(keras.layers.Dropout(0.5))
model.add(keras.layers.Dense(2))
model.build((None, 4))
`);
    assert.equal(m.params, 4 * 8 + 8 + 8 * 2 + 2);
    assert.equal(m.flops, 2 * 4 * 8 + 2 * 8 * 2);
    assert.deepEqual(m.inputs[0].shape, [1, 4]);
  });

  it("Sequential text models: input_length= on Embedding, or the pragma with int64 token ids", async () => {
    const result = await analyze(`
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, LSTM, Dense

# greenlight: input=1x100:int64
model = Sequential()
model.add(Embedding(10000, 128))
model.add(LSTM(64))
model.add(Dense(1, activation="sigmoid"))

fixed = Sequential([Embedding(10000, 128, input_length=50), LSTM(64), Dense(1)])
fixed.compile(optimizer="adam", loss="binary_crossentropy")
`);
    const params = 10000 * 128 + 4 * (128 * 64 + 64 * 64 + 64) + 65;
    const pragma = modelNamed(result, "model");
    assert.equal(pragma.inputSource, "pragma");
    assert.equal(pragma.params, params);
    assert.equal(pragma.flops, 2 * 100 * 4 * 64 * (128 + 64) + 2 * 64);
    const fixed = modelNamed(result, "fixed");
    assert.deepEqual(fixed.inputs, [{ shape: [1, 50], dtype: "int64" }]);
    assert.equal(fixed.params, params);
    assert.equal(fixed.flops, 2 * 50 * 4 * 64 * (128 + 64) + 2 * 64);
  });

  it("functional API: several inputs, a shared layer (params once, FLOPs per call), merges and a residual operator", async () => {
    const m = await onlyModel(fixture("functional.py"));
    assert.equal(m.params, 144 + 272 + 420 + 63);
    assert.equal(m.flops, 256 + 2 * 512 + 800 + 120);
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 8], [1, 4]]);
    assert.deepEqual(m.output, [[1, 3]]);
    const shared = m.layers.find((l) => l.type === "Dense" && l.calls === 2);
    assert.ok(shared, "the shared Dense runs twice");
    assert.equal(shared.flops, 1024);
    assert.equal(m.layers.filter((l) => l.type === "Concatenate").length, 1);
    assert.equal(m.layers[0].type, "Functional");
    assert.equal(m.complete, true);
  });

  it("functional API: keras.ops and tf functions between layer calls are part of the graph", async () => {
    const m = await onlyModel(`
import keras
import tensorflow as tf
inputs = keras.Input(shape=(4, 4))
x = keras.ops.reshape(inputs, (-1, 16))
x = tf.concat([x, keras.layers.Dense(4)(x)], axis=-1)
model = keras.Model(inputs, keras.layers.Dense(2)(x))
`);
    assert.equal(m.params, 16 * 4 + 4 + 20 * 2 + 2);
    assert.equal(m.flops, 2 * 16 * 4 + 2 * 20 * 2);
    assert.equal(m.complete, true);
  });

  it("functional API: subscripts of Keras tensors (a [CLS] token) are part of the graph", async () => {
    const m = await onlyModel(`
import keras
from keras import layers
tokens = keras.Input(shape=(12, 16))
x = layers.Dense(16)(tokens)
cls = x[:, 0, :]
model = keras.Model(tokens, layers.Dense(3)(cls))
`, { inputs: [{ shape: [2, 12, 16], dtype: "float32" }] });
    // Replayed on a batch of 2: 2·(2·12)·16·16 + 2·2·16·3
    assert.equal(m.flops, 2 * 24 * 16 * 16 + 2 * 2 * 16 * 3);
    assert.deepEqual(m.output, [[2, 3]]);
    assert.equal(m.complete, true);
  });

  it("custom layers with sub-layers, a nested Sequential and keras.ops in call() (keras.io's Transformer classifier)", async () => {
    const m = await onlyModel(fixture("transformer_classifier.py"));
    // Embeddings 20000·32 + 200·32; attention 3·(32·2·32 + 2·32) + (2·32·32 + 32); FFN 2·(32·32 + 32); two norms 2·64;
    // Dense 32·20 + 20 and 20·2 + 2.
    assert.equal(m.params, 646400 + 8416 + 2112 + 128 + 660 + 42);
    const attention = m.layers.find((l) => l.type === "MultiHeadAttention")!;
    // q, k, v and output projections 4·2·200·32·64, scores and context 2·(2·2·200·200·32)
    assert.equal(attention.flops, 4 * 2 * 200 * 32 * 64 + 2 * (2 * 2 * 200 * 200 * 32));
    assert.equal(m.flops, attention.flops + 2 * (2 * 200 * 32 * 32) + 2 * 32 * 20 + 2 * 20 * 2);
    assert.ok(m.layers.some((l) => l.path === "transformer_block.ffn.dense_1"));
    assert.equal(m.complete, true);
  });

  it("subclassed keras.Model with a custom Layer whose build() calls add_weight (trainable and not)", async () => {
    const m = await onlyModel(fixture("subclassed.py"));
    assert.equal(m.name, "Classifier");
    assert.equal(m.inputSource, "pragma");
    // hidden 12·32+32, Scale gamma 32 + count 1 (non-trainable), out 32·5+5
    assert.equal(m.params, 416 + 33 + 165);
    assert.equal(m.trainableParams, 416 + 32 + 165);
    assert.equal(m.flops, 2 * 12 * 32 + 2 * 32 * 5);
    assert.deepEqual(m.layers.map((l) => l.path), ["", "hidden", "scale", "out"]);
  });

  it("a subclassed model takes its input from a call in the file (model(tf.zeros(...))), reported once at the class", async () => {
    const result = await analyze(`
import tensorflow as tf


class MyModel(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.flatten = tf.keras.layers.Flatten()
        self.d1 = tf.keras.layers.Dense(128, activation="relu")
        self.d2 = tf.keras.layers.Dense(num_classes)

    def call(self, x):
        return self.d2(self.d1(self.flatten(x)))


model = MyModel()
_ = model(tf.zeros((1, 28, 28)))
`);
    // `model = MyModel()` is the class built with its defaults: one model, reported at the class.
    assert.deepEqual(result.models.map((m) => m.name), ["MyModel"]);
    const m = modelNamed(result, "MyModel");
    assert.deepEqual(m.inputs[0].shape, [1, 28, 28]);
    assert.equal(m.params, 784 * 128 + 128 + 128 * 10 + 10);
    assert.equal(m.flops, 2 * 784 * 128 + 2 * 128 * 10);
  });

  it("builder functions with include_top/weights/input_shape kwargs (weights are never loaded)", async () => {
    const result = await analyze(fixture("builders.py"));
    const m = modelNamed(result, "TinyNet");
    assert.equal(m.params, 224 + 80 + 216 + 170);
    assert.equal(m.flops, 442368 + 147456 + 409600 + 320);
    assert.ok(m.layers.some((l) => l.path === "stem" && l.output?.join("x") === "1x32x32x8"));
    const noTop = await analyze(fixture("builders.py"), { entry: "TinyNet(include_top=False, pooling='avg', weights=None, input_shape=(32, 32, 3))" });
    assert.deepEqual(noTop.models[0].output, [[1, 16]]);
    assert.equal(noTop.models[0].params, 224 + 80 + 216);
  });

  it("imports in all their forms reach the same layers", async () => {
    const forms = [
      ["import keras", "keras.layers.Dense", "keras.Sequential"],
      ["from tensorflow import keras", "keras.layers.Dense", "keras.Sequential"],
      ["import tensorflow as tf", "tf.keras.layers.Dense", "tf.keras.Sequential"],
      ["from keras.layers import Dense\nfrom keras.models import Sequential", "Dense", "Sequential"],
      ["from keras import layers, Sequential", "layers.Dense", "Sequential"],
    ];
    for (const [imports, dense, sequential] of forms) {
      const m = await onlyModel(`${imports}\nmodel = ${sequential}([${dense}(3, input_shape=(5,))])\n`);
      assert.equal(m.params, 18, imports);
      assert.equal(m.flops, 30, imports);
    }
  });

  it("training-side imports (optimizers, callbacks, mixed_precision) and TF 2.x experimental preprocessing resolve", async () => {
    const m = await onlyModel(`
from tensorflow.keras.layers.experimental import preprocessing
from tensorflow.keras.optimizers import Adam
from tensorflow.keras import mixed_precision
from tensorflow.keras.callbacks import EarlyStopping
from tensorflow.keras import Input, Model
from tensorflow.keras.layers import Dense

mixed_precision.set_global_policy("mixed_float16")
inputs = Input(shape=(8,))
x = preprocessing.Rescaling(1.0 / 255)(inputs)
model = Model(inputs, Dense(2)(x))
model.compile(optimizer=Adam(1e-3), loss="mse")
`);
    assert.equal(m.params, 18);
    assert.equal(m.complete, true);
  });

  it("says what it cannot resolve instead of guessing silently", async () => {
    const m = await onlyModel(`
import keras
inputs = keras.Input(shape=(None, 8))
x = keras.layers.LSTM(4)(inputs)
model = keras.Model(inputs, x)
`);
    assert.equal(m.complete, false);
    assert.ok(m.unresolved.some((n) => n.reason.includes("None")));
  });
  it("a Sequential a module-level builder fills with add() after creating it, called from main() with the environment's sizes, is built whole", async () => {
    const result = await analyze(`import gym
import tensorflow as tf
from tensorflow import keras

env = gym.make("CartPole-v1")

def agent(state_shape, action_shape):
    init = tf.keras.initializers.HeUniform()
    model = keras.Sequential()
    model.add(keras.layers.Dense(24, input_shape=state_shape, activation="relu", kernel_initializer=init))
    model.add(keras.layers.Dense(12, activation="relu", kernel_initializer=init))
    model.add(keras.layers.Dense(action_shape, activation="linear", kernel_initializer=init))
    model.compile(loss="mse", optimizer=tf.keras.optimizers.Adam(learning_rate=0.001))
    return model

def main():
    model = agent(env.observation_space.shape, env.action_space.n)

if __name__ == "__main__":
    main()
`);
    const m = modelNamed(result, "model");
    // CartPole's 4 observations and 2 actions: 4·24+24 = 120, 24·12+12 = 300, 12·2+2 = 26
    assert.equal(m.params, 120 + 300 + 26);
    assert.deepEqual(m.inputs, [{ shape: [1, 4], dtype: "float32" }]);
  });

  it("a Sequential created and grown by add() inside a top-level block (a distribution strategy's scope, an if) is built whole", async () => {
    const script = (opening: string) => `import tensorflow as tf
from tensorflow.keras.layers import Dense

strategy = tf.distribute.MirroredStrategy()
wide = True
${opening}
    net = tf.keras.Sequential()
    net.add(Dense(6, input_shape=(12,), activation="relu"))
    net.add(Dense(3))
    net.compile(loss="mse", optimizer="sgd")
`;
    for (const opening of ["with strategy.scope():", "if wide:"]) {
      const m = await onlyModel(script(opening));
      // 12·6 + 6 + 6·3 + 3
      assert.equal(m.params, 99, opening);
      assert.equal(m.complete, true, opening);
    }
  });
});
