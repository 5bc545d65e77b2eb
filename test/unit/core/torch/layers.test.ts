// Layer by layer: parameters, output shapes and FLOPs against arithmetic done here by hand.
import { strict as assert } from "node:assert";
import { tensor } from "../../../../src/core/interp/construct";
import { PythonError, Unresolved, type InstanceValue } from "../../../../src/core/interp/values";
import { bufferCount, createTestContext, modulePaths, parameterCount } from "./op-context";
import { layer, run, shapeOf, shapesOf, t } from "./helpers";

describe("torch.nn convolution layers", () => {
  it("Conv2d(3, 64, 7, stride=2, padding=3) on 1x3x224x224", () => {
    const { module, params } = layer("Conv2d", [3, 64, 7], { stride: 2, padding: 3 });
    assert.equal(params, 64 * 3 * 7 * 7 + 64); // 9,472 with bias
    const { output, flops, context } = run(module, [t([1, 3, 224, 224])]);
    assert.deepEqual(shapeOf(output), [1, 64, 112, 112]); // floor((224 + 6 - 6 - 1)/2 + 1) = 112
    assert.equal(flops, 2 * 64 * 112 * 112 * 3 * 7 * 7); // 236,027,904
    assert.deepEqual(context.ops.map((o) => o.op), ["aten.convolution"]);
  });

  it("Conv1d and Conv3d with per-dim kernel, stride and padding", () => {
    const c1 = layer("Conv1d", [16, 33, 3], { stride: 2 });
    const r1 = run(c1.module, [t([20, 16, 50])]);
    assert.deepEqual(shapeOf(r1.output), [20, 33, 24]); // floor(47/2) + 1
    assert.equal(r1.flops, 24 * 3 * 20 * 33 * 16 * 2); // 1,520,640
    const c3 = layer("Conv3d", [16, 33, [3, 5, 2]], { stride: [2, 1, 1], padding: [4, 2, 0] });
    assert.equal(c3.params, 33 * 16 * 3 * 5 * 2 + 33); // 15,873
    const r3 = run(c3.module, [t([2, 16, 10, 20, 20])]);
    assert.deepEqual(shapeOf(r3.output), [2, 33, 8, 20, 19]); // D: 15/2+1 = 8; H: 20; W: 19
    assert.equal(r3.flops, 8 * 20 * 19 * (3 * 5 * 2) * 2 * 33 * 16 * 2); // 192,614,400
  });

  it("grouped, depthwise and dilated Conv2d count in_channels/groups per output channel", () => {
    const g = layer("Conv2d", [32, 64, 3], { groups: 4, padding: 1 });
    assert.equal(g.params, 64 * 8 * 3 * 3 + 64); // weight [64, 32/4, 3, 3]
    assert.equal(run(g.module, [t([2, 32, 28, 28])]).flops, 28 * 28 * 9 * 2 * 64 * 8 * 2); // 14,450,688
    const dw = layer("Conv2d", [32, 32, 3], { groups: 32, stride: 2, padding: 1 });
    const rdw = run(dw.module, [t([1, 32, 56, 56])]);
    assert.deepEqual(shapeOf(rdw.output), [1, 32, 28, 28]);
    assert.equal(rdw.flops, 28 * 28 * 9 * 1 * 32 * 1 * 2); // 451,584
    const d = layer("Conv2d", [8, 16, 3], { dilation: 2, padding: 2 });
    const rd = run(d.module, [t([1, 8, 31, 31])]);
    assert.deepEqual(shapeOf(rd.output), [1, 16, 31, 31]); // effective kernel 5, padding 2
    assert.equal(rd.flops, 31 * 31 * 9 * 16 * 8 * 2); // 2,214,144
  });

  it("padding='same', padding_mode='reflect' and unbatched input", () => {
    const same = layer("Conv2d", [4, 8, [3, 5]], { padding: "same" });
    assert.deepEqual(shapeOf(run(same.module, [t([1, 4, 17, 19])]).output), [1, 8, 17, 19]);
    const reflect = layer("Conv2d", [3, 8, 3], { padding: 1, padding_mode: "reflect" });
    const rr = run(reflect.module, [t([2, 3, 16, 16])]);
    assert.deepEqual(shapeOf(rr.output), [2, 8, 16, 16]);
    assert.deepEqual(rr.context.ops.map((o) => o.op), ["aten.reflection_pad2d", "aten.convolution"]);
    assert.equal(rr.flops, 16 * 16 * 9 * 2 * 8 * 3 * 2); // 221,184
    const unbatched = layer("Conv2d", [3, 6, 5]);
    const ru = run(unbatched.module, [t([3, 32, 32])]);
    assert.deepEqual(shapeOf(ru.output), [6, 28, 28]);
    assert.equal(ru.flops, 28 * 28 * 25 * 1 * 6 * 3 * 2); // counted as batch 1
    assert.throws(() => layer("Conv2d", [4, 8, 3], { padding: "same", stride: 2 }), PythonError);
  });

  it("ConvTranspose2d: weight [in, out/groups, k, k], FLOPs over the input's spatial size", () => {
    const ct = layer("ConvTranspose2d", [16, 33, 3], { stride: 2, padding: 1, output_padding: 1 });
    assert.equal(ct.params, 16 * 33 * 9 + 33); // 4,785
    const r = run(ct.module, [t([2, 16, 12, 12])]);
    assert.deepEqual(shapeOf(r.output), [2, 33, 24, 24]); // 11·2 - 2 + 2 + 1 + 1
    assert.equal(r.flops, 12 * 12 * 9 * 2 * 16 * 33 * 2); // 2,737,152
    const grouped = layer("ConvTranspose2d", [16, 32, 4], { stride: 2, groups: 4 });
    assert.equal(grouped.params, 16 * 8 * 16 + 32); // 2,080
    assert.equal(run(grouped.module, [t([1, 16, 8, 8])]).flops, 8 * 8 * 16 * 1 * 16 * 8 * 2); // 262,144
  });

  it("ConvTranspose2d forward(output_size=...) picks the output padding", () => {
    const ct = layer("ConvTranspose2d", [4, 2, 3], { stride: 2, padding: 1 });
    const r = run(ct.module, [t([1, 4, 6, 6])], { output_size: [12, 12] }); // minimum 11, so output_padding 1
    assert.deepEqual(shapeOf(r.output), [1, 2, 12, 12]);
    assert.throws(() => run(ct.module, [t([1, 4, 6, 6])], { output_size: [14, 14] }), /valid sizes range from 11 to 12/);
  });

  it("rejects a channel mismatch as PyTorch does", () => {
    const c = layer("Conv2d", [3, 8, 3]);
    assert.throws(() => run(c.module, [t([1, 4, 10, 10])]), /expected input \[1, 4, 10, 10\] to have 3 channels/);
    assert.throws(() => layer("Conv2d", [3, 8, 3], { groups: 2 }), /divisible by groups/);
  });
});

describe("torch.nn linear, embedding and bilinear layers", () => {
  it("Linear on 2-D input is one addmm; on 3-D the rows are all leading dims", () => {
    const l = layer("Linear", [512, 1000]);
    assert.equal(l.params, 512 * 1000 + 1000); // 513,000
    const r2 = run(l.module, [t([8, 512])]);
    assert.deepEqual(shapeOf(r2.output), [8, 1000]);
    assert.equal(r2.flops, 2 * 8 * 512 * 1000); // 8,192,000
    assert.deepEqual(r2.context.ops.map((o) => o.op), ["aten.addmm"]);
    const l3 = layer("Linear", [64, 256]);
    const r3 = run(l3.module, [t([4, 10, 64])]);
    assert.deepEqual(shapeOf(r3.output), [4, 10, 256]);
    assert.equal(r3.flops, 2 * (4 * 10) * 64 * 256); // 1,310,720
    const nobias = layer("Linear", [32, 16], { bias: false });
    assert.equal(nobias.params, 512);
    assert.equal(run(nobias.module, [t([2, 3, 5, 32])]).context.ops[0].op, "aten.mm");
  });

  it("Linear rejects a wrong feature size", () => {
    const l = layer("Linear", [10, 5]);
    assert.throws(() => run(l.module, [t([2, 11])]), PythonError);
  });

  it("Bilinear has out·in1·in2 + out parameters and counts 0 (aten._trilinear is not in flop_counter.py)", () => {
    const b = layer("Bilinear", [20, 30, 40]);
    assert.equal(b.params, 40 * 20 * 30 + 40); // 24,040
    const r = run(b.module, [t([128, 20]), t([128, 30])]);
    assert.deepEqual(shapeOf(r.output), [128, 40]);
    assert.equal(r.flops, 0);
  });

  it("Embedding appends the embedding dim to integer indices, 0 FLOPs; float indices are an error", () => {
    const e = layer("Embedding", [1000, 64], { padding_idx: 0 });
    assert.equal(e.params, 64_000);
    const r = run(e.module, [t([4, 12], "int64")]);
    assert.deepEqual(shapeOf(r.output), [4, 12, 64]);
    assert.equal(r.flops, 0);
    assert.throws(() => run(e.module, [t([4, 12])]), /Long or Int/);
    assert.throws(() => layer("Embedding", [10, 4], { padding_idx: 10 }), /within num_embeddings/);
  });

  it("EmbeddingBag pools bags: 2-D input gives one row per bag", () => {
    const e = layer("EmbeddingBag", [100, 8], { mode: "sum" });
    assert.deepEqual(shapeOf(run(e.module, [t([5, 7], "int64")]).output), [5, 8]);
  });
});

describe("torch.nn recurrent layers (2·T·B·G·H·(I+H) per layer and direction)", () => {
  it("LSTM, 2 layers, bidirectional, batch_first", () => {
    const { module, params } = layer("LSTM", [10, 20, 2], { batch_first: true, bidirectional: true });
    // layer 0 per direction: w_ih 80·10 + w_hh 80·20 + biases 2·80 = 2,560; layer 1 (input 2·20 = 40): 3,200 + 1,600 + 160 = 4,960
    assert.equal(params, 2 * 2560 + 2 * 4960); // 15,040
    const r = run(module, [t([3, 5, 10])]); // B = 3, T = 5
    assert.deepEqual(shapesOf(r.output), [[3, 5, 40], [4, 3, 20], [4, 3, 20]]);
    const layer0 = 2 * 5 * 3 * 4 * 20 * (10 + 20); // 72,000 per direction
    const layer1 = 2 * 5 * 3 * 4 * 20 * (40 + 20); // 144,000 per direction
    assert.equal(r.flops, 2 * layer0 + 2 * layer1); // 432,000
  });

  it("LSTM with proj_size: hidden state and next layer's input are proj_size wide", () => {
    const { module, params } = layer("LSTM", [10, 20], { proj_size: 8, num_layers: 2 });
    // per layer: w_ih 80·I, w_hh 80·8, biases 160, w_hr 8·20; I = 10 then 8
    assert.equal(params, (800 + 640 + 160 + 160) + (640 + 640 + 160 + 160)); // 3,360
    const r = run(module, [t([7, 3, 10])]);
    assert.deepEqual(shapesOf(r.output), [[7, 3, 8], [2, 3, 8], [2, 3, 20]]);
    const rows = 7 * 3;
    assert.equal(r.flops, 2 * rows * 80 * (10 + 8) + 2 * rows * 20 * 8 + 2 * rows * 80 * (8 + 8) + 2 * rows * 20 * 8); // 127,680
  });

  it("GRU (G = 3) and RNN (G = 1), multi-layer, bidirectional, unbatched", () => {
    const gru = layer("GRU", [16, 32, 3]);
    assert.equal(run(gru.module, [t([9, 4, 16])]).flops, 2 * 36 * 96 * (16 + 32) + 2 * 2 * 36 * 96 * (32 + 32)); // 1,216,512
    const rnn = layer("RNN", [8, 12], { nonlinearity: "relu", bidirectional: true });
    assert.equal(rnn.params, 2 * (12 * 8 + 12 * 12 + 24)); // 528
    const rr = run(rnn.module, [t([6, 2, 8])]);
    assert.deepEqual(shapesOf(rr.output), [[6, 2, 24], [2, 2, 12]]);
    assert.equal(rr.flops, 2 * 2 * 6 * 2 * 12 * (8 + 12)); // 11,520
    const unbatched = layer("RNN", [8, 12, 2]);
    assert.deepEqual(shapesOf(run(unbatched.module, [t([6, 8])]).output), [[6, 12], [2, 12]]);
  });

  it("checks the input size and the hidden state's shape", () => {
    const lstm = layer("LSTM", [10, 20]);
    assert.throws(() => run(lstm.module, [t([5, 3, 11])]), /input_size/);
    const gru = layer("GRU", [10, 20]);
    assert.throws(() => run(gru.module, [t([5, 3, 10]), t([1, 4, 20])]), /Expected hidden size/);
    assert.throws(() => layer("RNN", [4, 4], { nonlinearity: "sigmoid" }), /Unknown nonlinearity/);
  });

  it("cells count their two linears once: 2·B·G·H·(I+H)", () => {
    const lstm = layer("LSTMCell", [10, 20]);
    assert.equal(lstm.params, 4 * 20 * (10 + 20) + 2 * 80); // 2,560
    const r = run(lstm.module, [t([3, 10])]);
    assert.deepEqual(shapesOf(r.output), [[3, 20], [3, 20]]);
    assert.equal(r.flops, 2 * 3 * 80 * 30); // 14,400
    assert.equal(run(layer("GRUCell", [10, 20]).module, [t([3, 10])]).flops, 2 * 3 * 60 * 30); // 10,800
    assert.deepEqual(shapeOf(run(layer("RNNCell", [10, 20]).module, [t([10])]).output), [20]);
  });
});

describe("torch.nn.MultiheadAttention", () => {
  it("self-attention, sequence first: packed in-projection, two bmms, out-projection", () => {
    const { module, params } = layer("MultiheadAttention", [64, 8]);
    assert.equal(params, 3 * 64 * 64 + 3 * 64 + 64 * 64 + 64); // 16,640
    assert.deepEqual(modulePaths(module), ["", "out_proj"]);
    const x = t([10, 2, 64]); // L = 10, N = 2
    const r = run(module, [x, x, x]);
    assert.deepEqual(shapesOf(r.output), [[10, 2, 64], [2, 10, 10]]);
    const inProj = 2 * 20 * 64 * 192;
    const attention = 4 * 2 * 8 * 10 * 10 * 8; // 4·N·H·L·S·head_dim
    const outProj = 2 * 20 * 64 * 64;
    assert.equal(r.flops, inProj + attention + outProj); // 706,560
    assert.deepEqual(r.context.ops.filter((o) => o.flops > 0).map((o) => o.op), ["aten.addmm", "aten.bmm", "aten.bmm", "aten.addmm"]);
  });

  it("batch_first with need_weights=False runs SDPA; same count", () => {
    const { module } = layer("MultiheadAttention", [64, 4], { batch_first: true });
    const x = t([2, 10, 64]);
    const r = run(module, [x, x, x], { need_weights: false });
    assert.deepEqual(shapesOf(r.output), [[2, 10, 64]]);
    assert.equal(r.flops, 2 * 20 * 64 * 192 + 4 * 2 * 4 * 10 * 10 * 16 + 2 * 20 * 64 * 64);
    assert.ok(r.context.ops.some((o) => o.op === "aten._scaled_dot_product_flash_attention"));
  });

  it("kdim/vdim: separate q/k/v projections over their own widths", () => {
    const { module, params } = layer("MultiheadAttention", [32, 4], { kdim: 16, vdim: 24 });
    assert.equal(params, 32 * 32 + 32 * 16 + 32 * 24 + 3 * 32 + 32 * 32 + 32); // 3,456
    const r = run(module, [t([7, 3, 32]), t([11, 3, 16]), t([11, 3, 24])]);
    // q: 2·21·32·32, k: 2·33·16·32, v: 2·33·24·32, attention 4·3·4·7·11·8, out 2·21·32·32
    assert.equal(r.flops, 43_008 + 33_792 + 50_688 + 29_568 + 43_008); // 200,064
    assert.deepEqual(shapesOf(r.output), [[7, 3, 32], [3, 7, 11]]);
  });

  it("rejects embed_dim not divisible by num_heads and a wrong key width", () => {
    assert.throws(() => layer("MultiheadAttention", [30, 4]), /divisible by num_heads/);
    const { module } = layer("MultiheadAttention", [32, 4]);
    assert.throws(() => run(module, [t([7, 3, 32]), t([11, 3, 16]), t([11, 3, 16])]), /kdim/);
  });
});

describe("torch.nn transformer layers", () => {
  it("TransformerEncoderLayer(512, 8): PyTorch's 3,152,384 parameters and named_modules paths", () => {
    const { module, params } = layer("TransformerEncoderLayer", [512, 8]);
    // self_attn 3·512·512 + 3·512 + 512·512 + 512; linear1 512·2048 + 2048; linear2 2048·512 + 512; norms 2·2·512
    assert.equal(params, 787_968 + 262_656 + 1_050_624 + 1_049_088 + 2_048);
    assert.equal(params, 3_152_384);
    assert.deepEqual(modulePaths(module), ["", "self_attn", "self_attn.out_proj", "linear1", "dropout", "linear2", "norm1", "norm2", "dropout1", "dropout2"]);
    const r = run(module, [t([10, 2, 512])]);
    assert.deepEqual(shapeOf(r.output), [10, 2, 512]);
    const rows = 20;
    assert.equal(r.flops, 2 * rows * 512 * 1536 + 4 * 2 * 8 * 10 * 10 * 64 + 2 * rows * 512 * 512 + 2 * 2 * rows * 512 * 2048); // 126,238,720
  });

  it("TransformerDecoderLayer adds cross-attention and a third norm", () => {
    const { module, params } = layer("TransformerDecoderLayer", [64, 4], { dim_feedforward: 256 });
    const attention = 3 * 64 * 64 + 3 * 64 + 64 * 64 + 64; // 16,640
    assert.equal(params, 2 * attention + (64 * 256 + 256) + (256 * 64 + 64) + 3 * 128); // 66,752
    assert.ok(modulePaths(module).includes("multihead_attn.out_proj") && modulePaths(module).includes("norm3"));
    const r = run(module, [t([5, 2, 64]), t([9, 2, 64])]);
    assert.deepEqual(shapeOf(r.output), [5, 2, 64]);
    const selfAttention = 2 * 10 * 64 * 192 + 4 * 2 * 4 * 5 * 5 * 16 + 2 * 10 * 64 * 64;
    const cross = 2 * 10 * 64 * 64 + 2 * 18 * 64 * 128 + 4 * 2 * 4 * 5 * 9 * 16 + 2 * 10 * 64 * 64;
    const feedForward = 2 * 2 * 10 * 64 * 256;
    assert.equal(r.flops, selfAttention + cross + feedForward); // 1,477,632
  });

  it("nn.Transformer() has PyTorch's 44,140,544 parameters; TransformerEncoder clones its layer", () => {
    assert.equal(layer("Transformer").params, 44_140_544);
    const context = createTestContext();
    const encoderLayer = layer("TransformerEncoderLayer", [64, 4], { dim_feedforward: 128 }, context);
    const encoder = layer("TransformerEncoder", [encoderLayer.module, 3], {}, context);
    assert.equal(encoder.params, 3 * encoderLayer.params); // clones have their own parameters
    const paths = modulePaths(encoder.module);
    assert.ok(paths.includes("layers.2.self_attn.out_proj") && !paths.includes("layers.3"));
    const single = run(encoderLayer.module, [t([9, 2, 64])]).flops;
    assert.equal(run(encoder.module, [t([9, 2, 64])]).flops, 3 * single);
  });

  it("norm_first and a gelu activation keep the shape and the count", () => {
    const { module } = layer("TransformerEncoderLayer", [64, 4], { dim_feedforward: 128, batch_first: true, norm_first: true, activation: "gelu" });
    const r = run(module, [t([2, 9, 64])]);
    assert.deepEqual(shapeOf(r.output), [2, 9, 64]);
    assert.ok(r.context.ops.some((o) => o.op === "aten.gelu"));
    assert.equal(r.flops, 2 * 18 * 64 * 192 + 4 * 2 * 4 * 9 * 9 * 16 + 2 * 18 * 64 * 64 + 2 * 2 * 18 * 64 * 128); // 1,221,120
  });
});

describe("torch.nn norms, pooling, activations and reshaping layers", () => {
  it("BatchNorm2d: 2C parameters, running_mean/var and num_batches_tracked buffers", () => {
    const bn = layer("BatchNorm2d", [64]);
    assert.equal(bn.params, 128);
    assert.equal(bufferCount(bn.module), 64 + 64 + 1);
    const r = run(bn.module, [t([2, 64, 8, 8])]);
    assert.equal(r.flops, 0);
    assert.deepEqual(shapeOf(r.output), [2, 64, 8, 8]);
    assert.throws(() => run(bn.module, [t([2, 64, 8])]), /expected 4D input/);
    const plain = layer("BatchNorm1d", [10], { affine: false, track_running_stats: false });
    assert.equal(plain.params + bufferCount(plain.module), 0);
  });

  it("LayerNorm, RMSNorm, GroupNorm and InstanceNorm parameters", () => {
    assert.equal(layer("LayerNorm", [[10, 16]]).params, 2 * 160);
    assert.equal(layer("LayerNorm", [16], { bias: false }).params, 16);
    assert.equal(layer("LayerNorm", [16], { elementwise_affine: false }).params, 0);
    assert.equal(layer("RMSNorm", [16]).params, 16);
    assert.equal(layer("GroupNorm", [4, 32]).params, 64);
    assert.throws(() => layer("GroupNorm", [5, 32]), /divisible/);
    assert.equal(layer("InstanceNorm2d", [8]).params, 0); // affine defaults to False
    const affine = layer("InstanceNorm2d", [8], { affine: true, track_running_stats: true });
    assert.equal(affine.params, 16);
    assert.equal(bufferCount(affine.module), 17);
    const ln = layer("LayerNorm", [[10, 16]]);
    assert.throws(() => run(ln.module, [t([4, 16, 10])]), /normalized_shape/);
  });

  it("pooling output sizes: ceil_mode, padding, adaptive with None", () => {
    const mp = layer("MaxPool2d", [3], { stride: 2, ceil_mode: true });
    assert.deepEqual(shapeOf(run(mp.module, [t([1, 8, 112, 112])]).output), [1, 8, 56, 56]);
    const mp2 = layer("MaxPool2d", [3], { stride: 2, padding: 1 });
    assert.deepEqual(shapeOf(run(mp2.module, [t([1, 64, 112, 112])]).output), [1, 64, 56, 56]);
    const ap = layer("AvgPool2d", [3], { stride: 2, padding: 1, ceil_mode: true });
    assert.deepEqual(shapeOf(run(ap.module, [t([1, 4, 14, 14])]).output), [1, 4, 8, 8]);
    const adaptive = layer("AdaptiveAvgPool2d", [[5, null]]);
    assert.deepEqual(shapeOf(run(adaptive.module, [t([1, 4, 13, 9])]).output), [1, 4, 5, 9]);
    const withIndices = layer("MaxPool1d", [2], { return_indices: true });
    assert.deepEqual(shapesOf(run(withIndices.module, [t([2, 3, 9])]).output), [[2, 3, 4], [2, 3, 4]]);
  });

  it("activations keep the shape and count 0; PReLU has parameters; Softmax(dim=None) picks a dim", () => {
    for (const name of ["ReLU", "GELU", "SiLU", "Tanh", "Sigmoid", "Hardswish", "Mish", "LeakyReLU", "ELU"]) {
      const r = run(layer(name).module, [t([2, 3, 4])]);
      assert.deepEqual(shapeOf(r.output), [2, 3, 4], name);
      assert.equal(r.flops, 0, name);
      assert.equal(r.context.ops.length, 1, `${name} runs one kernel`);
    }
    assert.equal(layer("PReLU", [16]).params, 16);
    assert.throws(() => run(layer("PReLU", [16]).module, [t([2, 8, 4])]), /parameter numbers/);
    assert.deepEqual(shapeOf(run(layer("GLU").module, [t([2, 10])]).output), [2, 5]);
    assert.deepEqual(shapeOf(run(layer("Softmax", [], { dim: -1 }).module, [t([2, 3])]).output), [2, 3]);
  });

  it("Dropout runs a kernel in training and is the identity in eval", () => {
    const d = layer("Dropout", [0.1]);
    const x = t([4, 8]);
    assert.equal(run(d.module, [x]).context.ops.length, 1);
    d.module.module!.training = false;
    const r = run(d.module, [x]);
    assert.equal(r.output, x);
    assert.equal(r.context.ops.length, 0);
  });

  it("Flatten, Unflatten, Upsample, PixelShuffle and padding layers", () => {
    assert.deepEqual(shapeOf(run(layer("Flatten").module, [t([2, 3, 4, 5])]).output), [2, 60]);
    assert.deepEqual(shapeOf(run(layer("Unflatten", [1, [3, 20]]).module, [t([2, 60])]).output), [2, 3, 20]);
    assert.deepEqual(shapeOf(run(layer("Upsample", [], { scale_factor: 1.5, mode: "bilinear" }).module, [t([1, 3, 7, 9])]).output), [1, 3, 10, 13]);
    assert.deepEqual(shapeOf(run(layer("Upsample", [], { size: [4, 6] }).module, [t([1, 3, 2, 3])]).output), [1, 3, 4, 6]);
    assert.deepEqual(shapeOf(run(layer("PixelShuffle", [3]).module, [t([1, 18, 4, 5])]).output), [1, 2, 12, 15]);
    assert.deepEqual(shapeOf(run(layer("PixelUnshuffle", [2]).module, [t([1, 2, 4, 6])]).output), [1, 8, 2, 3]);
    assert.deepEqual(shapeOf(run(layer("ZeroPad2d", [[1, 2, 3, 4]]).module, [t([1, 1, 5, 5])]).output), [1, 1, 12, 8]);
    assert.deepEqual(shapeOf(run(layer("ReflectionPad1d", [2]).module, [t([1, 2, 5])]).output), [1, 2, 9]);
    assert.throws(() => run(layer("ReflectionPad1d", [5]).module, [t([1, 2, 5])]), /reflection padding/);
    assert.deepEqual(shapeOf(run(layer("CosineSimilarity").module, [t([4, 8, 3]), t([4, 8, 3])]).output), [4, 3]);
    assert.deepEqual(shapeOf(run(layer("CrossEntropyLoss").module, [t([4, 10]), t([4], "int64")]).output), []);
  });
});

describe("lazy layers", () => {
  it("LazyLinear and LazyConv2d create their weights from the first input", () => {
    const lin = layer("LazyLinear", [10]);
    assert.equal(lin.params, 0); // uninitialized until forward
    const r = run(lin.module, [t([4, 32])]);
    assert.deepEqual(shapeOf(r.output), [4, 10]);
    assert.equal(r.flops, 2 * 4 * 32 * 10);
    assert.equal(parameterCount(lin.module), 32 * 10 + 10);
    const conv = layer("LazyConv2d", [16, 3], { padding: 1, groups: 2 });
    const rc = run(conv.module, [t([1, 8, 10, 10])]);
    assert.deepEqual(shapeOf(rc.output), [1, 16, 10, 10]);
    assert.equal(parameterCount(conv.module), 16 * 4 * 9 + 16); // weight [16, 8/2, 3, 3]
    assert.equal(rc.flops, 100 * 9 * 16 * 4 * 2);
    run(conv.module, [t([1, 8, 10, 10])]);
    assert.equal(parameterCount(conv.module), 16 * 4 * 9 + 16, "a second call reuses the weights");
  });

  it("LazyBatchNorm2d takes its channels from the input", () => {
    const bn = layer("LazyBatchNorm2d");
    run(bn.module, [t([2, 6, 4, 4])]);
    assert.equal(parameterCount(bn.module), 12);
    assert.equal(bufferCount(bn.module), 13);
  });
});

describe("catalogue layers and unknown values", () => {
  it("an unknown constructor argument is Unresolved, not a crash", () => {
    assert.throws(() => layer("Linear", [{ kind: "unknown", reason: "read from a config file" }, 5]), Unresolved);
  });

  it("a wrong argument count is a Python error", () => {
    assert.throws(() => layer("Linear", [1, 2, 3, 4, 5, 6]), PythonError);
    assert.throws(() => layer("Linear", [1]), /missing required argument 'out_features'/);
  });

  it("a layer's forward reads replaced parameters (the model may swap or cast a weight)", () => {
    const l = layer("Linear", [4, 3], { bias: false });
    (l.module as InstanceValue).module!.parameters.set("weight", tensor([6, 4]));
    assert.deepEqual(shapeOf(run(l.module, [t([2, 4])]).output), [2, 6]);
    const withBias = layer("Linear", [4, 3]);
    withBias.module.module!.parameters.set("weight", tensor([6, 4]));
    assert.throws(() => run(withBias.module, [t([2, 4])]), /bias of shape \[3\] does not match 6/);
  });
});
