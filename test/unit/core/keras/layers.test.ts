import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

/** A one-layer functional model on an input of this shape (batch 1 added). */
async function single(shape: string, layer: string, extra = "", dtype = "") {
  return onlyModel(`
import keras
from keras import layers
inputs = keras.Input(shape=${shape}${dtype ? `, dtype="${dtype}"` : ""})
x = ${layer}(inputs${extra})
model = keras.Model(inputs, x)
`);
}

describe("Keras layers: params and FLOPs (hand-computed)", () => {
  it("recurrent layers count weights as Keras does and FLOPs as 2·T·B·G·H·(I+H)", async () => {
    const lstm = await single("(5, 4)", "layers.LSTM(8)");
    assert.equal(lstm.params, 4 * (4 * 8 + 8 * 8 + 8));
    assert.equal(lstm.flops, 2 * 5 * 4 * 8 * (4 + 8));
    assert.deepEqual(lstm.output, [[1, 8]]);
    const gru = await single("(5, 4)", "layers.GRU(8)");
    assert.equal(gru.params, 3 * (4 * 8 + 8 * 8 + 2 * 8));
    assert.equal(gru.flops, 2 * 5 * 3 * 8 * 12);
    const gruBefore = await single("(5, 4)", "layers.GRU(8, reset_after=False)");
    assert.equal(gruBefore.params, 3 * (4 * 8 + 8 * 8 + 8));
    const rnn = await single("(5, 4)", "layers.SimpleRNN(8, return_sequences=True)");
    assert.equal(rnn.params, 4 * 8 + 8 * 8 + 8);
    assert.deepEqual(rnn.output, [[1, 5, 8]]);
  });

  it("Bidirectional doubles the wrapped layer and concatenates its outputs", async () => {
    const m = await single("(5, 4)", "layers.Bidirectional(layers.LSTM(8, return_sequences=True))");
    assert.equal(m.params, 2 * 416);
    assert.equal(m.flops, 2 * 3840);
    assert.deepEqual(m.output, [[1, 5, 16]]);
  });

  it("Conv2DTranspose, dilated Conv2D and pooling with padding same/valid", async () => {
    const t = await single("(8, 8, 2)", "layers.Conv2DTranspose(4, 3, strides=2, padding='same')");
    assert.equal(t.params, 3 * 3 * 4 * 2 + 4);
    assert.deepEqual(t.output, [[1, 16, 16, 4]]);
    assert.equal(t.flops, 2 * 8 * 8 * 9 * 2 * 4);
    const d = await single("(10, 10, 1)", "layers.Conv2D(4, 3, dilation_rate=2, use_bias=False)");
    assert.equal(d.params, 36);
    assert.deepEqual(d.output, [[1, 6, 6, 4]]);
    assert.equal(d.flops, 2 * 36 * 9 * 4);
    const same = await single("(15, 15, 4)", "layers.MaxPooling2D(3, strides=2, padding='same')");
    assert.deepEqual(same.output, [[1, 8, 8, 4]]);
    const valid = await single("(15, 15, 4)", "layers.AveragePooling2D(3, strides=2)");
    assert.deepEqual(valid.output, [[1, 7, 7, 4]]);
    const first = await single("(4, 15, 15)", "layers.Conv2D(8, 3, strides=2, padding='same', data_format='channels_first')");
    assert.deepEqual(first.output, [[1, 8, 8, 8]]);
  });

  it("MultiHeadAttention: four projections and two attention products", async () => {
    const m = await single("(6, 8)", "layers.MultiHeadAttention(num_heads=2, key_dim=4)", ", inputs");
    assert.equal(m.params, 4 * (8 * 2 * 4 + 8));
    assert.equal(m.flops, 3 * 768 + 2 * (2 * 2 * 6 * 4 * 6) + 768);
    assert.deepEqual(m.output, [[1, 6, 8]]);
  });

  it("Attention and AdditiveAttention on [query, value]; a functional model with two outputs", async () => {
    const m = await onlyModel(`
import keras
from keras import layers
q = keras.Input(shape=(6, 8))
v = keras.Input(shape=(10, 8))
dot = layers.Attention(use_scale=True)([q, v])
additive = layers.AdditiveAttention()([q, v])
model = keras.Model([q, v], [dot, additive])
`);
    assert.equal(m.params, 1 + 8);
    // dot: scores 2·6·8·10 and context 2·6·10·8; additive: context only (its scores are element-wise)
    assert.equal(m.flops, 2 * 6 * 8 * 10 + 2 * 6 * 10 * 8 + 2 * 6 * 10 * 8);
    assert.deepEqual(m.output, [[1, 6, 8], [1, 6, 8]]);
  });

  it("Embedding, LayerNormalization, Normalization, Rescaling and ZeroPadding2D", async () => {
    const e = await single("(10,)", "layers.Embedding(100, 16)", "", "int32");
    assert.equal(e.params, 1600);
    assert.equal(e.flops, 0);
    assert.deepEqual(e.output, [[1, 10, 16]]);
    const ln = await single("(10, 16)", "layers.LayerNormalization()");
    assert.equal(ln.params, 32);
    const norm = await single("(8, 8, 3)", "layers.Normalization()");
    assert.equal(norm.params, 7);
    assert.equal(norm.trainableParams, 0);
    const pad = await single("(8, 8, 3)", "layers.ZeroPadding2D(((1, 2), (3, 4)))");
    assert.deepEqual(pad.output, [[1, 11, 15, 3]]);
    const rescale = await single("(8, 8, 3)", "layers.Rescaling(1.0 / 255)");
    assert.equal(rescale.params, 0);
  });

  it("SeparableConv2D: depthwise k·k·C·m + pointwise C·m·F + bias F", async () => {
    const m = await single("(16, 16, 4)", "layers.SeparableConv2D(8, 3, depth_multiplier=2, padding='same')");
    assert.equal(m.params, 9 * 4 * 2 + 4 * 2 * 8 + 8);
    assert.equal(m.flops, 2 * 256 * 9 * 8 + 2 * 256 * 8 * 8);
  });

  it("a bad layer argument is a clear note, not a crash", async () => {
    const m = await single("(8, 8, 3)", "layers.Conv2D(4, 9)");
    assert.equal(m.complete, false);
  });
});

// A Keras layer of the user's own that adds learned positions with tf.range (Deep Learning with Python's
// PositionalEmbedding): Embedding(20000, 32) + Embedding(600, 32) = 659,200 parameters.
describe("TensorFlow functions in a custom Keras layer", () => {
  it("tf.range(start, limit, delta) and tf.shape give the positions a position embedding reads", async () => {
    const m = await onlyModel(`
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

class PositionalEmbedding(layers.Layer):
    def __init__(self, sequence_length, input_dim, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_embeddings = layers.Embedding(input_dim=input_dim, output_dim=output_dim)
        self.position_embeddings = layers.Embedding(input_dim=sequence_length, output_dim=output_dim)

    def call(self, inputs):
        length = tf.shape(inputs)[-1]
        positions = tf.range(start=0, limit=length, delta=1)
        return self.token_embeddings(inputs) + self.position_embeddings(positions)

inputs = keras.Input(shape=(600,), dtype="int64")
outputs = PositionalEmbedding(600, 20000, 32)(inputs)
model = keras.Model(inputs, outputs)
`);
    assert.equal(m.params, 20000 * 32 + 600 * 32);
    assert.deepEqual(m.output, [[1, 600, 32]]);
    assert.ok(m.complete, m.unresolved.map((u) => u.reason).join("; "));
  });
});
