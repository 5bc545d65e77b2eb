// Python-free descriptions of the calibration and held-out networks, as the op lists the analyzer reports
// (one OpRecord per op forward runs, torch.utils.flop_counter's FLOP convention), so the energy model can be
// checked against measured runs before the analyzer can read these models itself. Each network follows its
// paper / the code named beside it; FLOPs are checked against each run's flops_per_iter in calibration.test.ts.
import type { LayerReport, ModelReport, OpRecord } from "../../../../src/core/report/model-report";

const product = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/** Records ops while tracking the current activation shape, like a forward pass would. */
export class OpListBuilder {
  readonly ops: OpRecord[] = [];
  private path: string[] = [];

  constructor(public shape: number[]) {}

  /** Runs `body` with `name` pushed on the module path. */
  module<T>(name: string, body: () => T): T {
    this.path.push(name);
    try {
      return body();
    } finally {
      this.path.pop();
    }
  }

  /** Appends one op with its output shape; the builder's current shape becomes that output. */
  op(op: string, outputShape: number[], flops = 0, weightElements = 0): this {
    this.ops.push({
      op,
      flops,
      outputElements: product(outputShape),
      outputShape,
      weightElements,
      modulePath: this.path.join("."),
      file: "workloads.ts",
      line: 0,
    });
    this.shape = outputShape;
    return this;
  }

  /** Conv2d over NCHW (`groups` for depthwise); FLOPs = 2 × output elements × (in/groups) × k². */
  conv(outChannels: number, kernel: number, stride = 1, padding = Math.floor(kernel / 2), groups = 1, bias = false): this {
    const [n, c, h, w] = this.shape;
    const oh = Math.floor((h + 2 * padding - kernel) / stride) + 1;
    const ow = Math.floor((w + 2 * padding - kernel) / stride) + 1;
    const perOutput = (c / groups) * kernel * kernel;
    const output = [n, outChannels, oh, ow];
    return this.op("aten.convolution", output, 2 * product(output) * perOutput, outChannels * perOutput + (bias ? outChannels : 0));
  }

  /** Linear on the last dimension; FLOPs = 2 × rows × in × out. */
  linear(outFeatures: number, bias = true): this {
    const inFeatures = this.shape[this.shape.length - 1];
    const output = [...this.shape.slice(0, -1), outFeatures];
    const rows = product(this.shape) / inFeatures;
    return this.op(bias ? "aten.addmm" : "aten.mm", output, 2 * rows * inFeatures * outFeatures, inFeatures * outFeatures + (bias ? outFeatures : 0));
  }

  batchNorm(): this {
    return this.op("aten._native_batch_norm_legit_no_training", this.shape, 0, 2 * this.shape[1]);
  }

  layerNorm(): this {
    return this.op("aten.native_layer_norm", this.shape, 0, 2 * this.shape[this.shape.length - 1]);
  }

  /** An elementwise op (aten.relu_, aten.gelu, aten.add...) that keeps the shape. */
  elementwise(op: string): this {
    return this.op(op.startsWith("aten.") ? op : `aten.${op}`, this.shape);
  }

  pool(op: string, kernel: number, stride: number, padding = 0): this {
    const [n, c, h, w] = this.shape;
    const out = (size: number): number => Math.floor((size + 2 * padding - kernel) / stride) + 1;
    return this.op(op, [n, c, out(h), out(w)]);
  }

  /** A shape-only op (view, reshape, flatten, transpose): no kernel, so, as in the analyzer, no op record. */
  view(_op: string, shape: number[]): this {
    this.shape = shape;
    return this;
  }

  /** Scaled dot-product attention over [batch, heads, tokens, headDim]; flop_counter: 2 matmuls of 2·T²·d. */
  attention(batch: number, heads: number, tokens: number, headDim: number): this {
    const shape = [batch, heads, tokens, headDim];
    return this.op("aten._scaled_dot_product_flash_attention", shape, 2 * 2 * batch * heads * tokens * tokens * headDim);
  }
}

/** Wraps an op list into the ModelReport the analyzer would produce. */
export function reportOf(name: string, input: { shape: number[]; dtype: "float32" | "int64" }, builder: OpListBuilder): ModelReport {
  const flops = builder.ops.reduce((sum, op) => sum + op.flops, 0);
  const params = builder.ops.reduce((sum, op) => sum + op.weightElements, 0);
  return {
    name,
    file: "workloads.ts",
    line: 0,
    entry: `${name}()`,
    inputs: [input],
    inputSource: "cli",
    output: [builder.shape],
    params,
    trainableParams: params,
    buffers: 0,
    macs: flops / 2,
    flops,
    complete: true,
    coverage: { layersKnown: 0, layersTotal: 0, flopsKnown: flops, flopsEstimatedMissing: 0, flopsShare: 1 },
    unresolved: [],
    layers: [],
    ops: builder.ops,
    lineShapes: [],
  };
}

/** A leaf layer entry of a report (only the fields the energy model reads are meaningful). */
export function layerOf(path: string, type: string, params: number): LayerReport {
  return { path, type, file: "workloads.ts", line: 0, params, flops: 0, output: null, calls: 1, leaf: true, activationElements: 0 };
}

// ------------------------------------------------------------------------------------------ image networks

/** torchvision resnet50 (He et al. 2016, "ResNet v1.5": stride on the 3×3 conv), 224×224 inputs. */
export function resnet50(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 3, 224, 224]);
  b.module("conv1", () => b.conv(64, 7, 2, 3));
  b.module("bn1", () => b.batchNorm());
  b.module("relu", () => b.elementwise("relu"));
  b.module("maxpool", () => b.pool("aten.max_pool2d_with_indices", 3, 2, 1));
  let channels = 64;
  const stages: [number, number, number][] = [[64, 3, 1], [128, 4, 2], [256, 6, 2], [512, 3, 2]];
  stages.forEach(([width, blocks, stride], stage) => {
    for (let i = 0; i < blocks; i++) {
      b.module(`layer${stage + 1}.${i}`, () => {
        const input = b.shape;
        const s = i === 0 ? stride : 1;
        b.module("conv1", () => b.conv(width, 1, 1, 0)).module("bn1", () => b.batchNorm()).module("relu", () => b.elementwise("relu"));
        b.module("conv2", () => b.conv(width, 3, s, 1)).module("bn2", () => b.batchNorm()).module("relu", () => b.elementwise("relu"));
        b.module("conv3", () => b.conv(width * 4, 1, 1, 0)).module("bn3", () => b.batchNorm());
        const main = b.shape;
        if (i === 0) {
          b.shape = input;
          b.module("downsample.0", () => b.conv(width * 4, 1, s, 0)).module("downsample.1", () => b.batchNorm());
        }
        b.shape = main;
        b.elementwise("add").module("relu", () => b.elementwise("relu"));
      });
      channels = width * 4;
    }
  });
  b.module("avgpool", () => b.op("aten._adaptive_avg_pool2d", [batch, channels, 1, 1]));
  b.view("flatten", [batch, channels]);
  b.module("fc", () => b.linear(1000));
  return reportOf("resnet50", { shape: [batch, 3, 224, 224], dtype: "float32" }, b);
}

/** kuangliu/pytorch-cifar ResNet18 (BasicBlock ×[2,2,2,2]), 32×32 inputs, 10 classes. */
export function cifarResnet18(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 3, 32, 32]);
  b.module("conv1", () => b.conv(64, 3, 1, 1)).module("bn1", () => b.batchNorm()).elementwise("relu");
  let channels = 64;
  [[64, 1], [128, 2], [256, 2], [512, 2]].forEach(([width, stride], stage) => {
    for (let i = 0; i < 2; i++) {
      b.module(`layer${stage + 1}.${i}`, () => {
        const input = b.shape;
        const s = i === 0 ? stride : 1;
        b.module("conv1", () => b.conv(width, 3, s, 1)).module("bn1", () => b.batchNorm()).elementwise("relu");
        b.module("conv2", () => b.conv(width, 3, 1, 1)).module("bn2", () => b.batchNorm());
        const main = b.shape;
        if (s !== 1 || channels !== width) {
          b.shape = input;
          b.module("shortcut.0", () => b.conv(width, 1, s, 0)).module("shortcut.1", () => b.batchNorm());
        }
        b.shape = main;
        b.elementwise("add").elementwise("relu");
        channels = width;
      });
    }
  });
  b.pool("aten.avg_pool2d", 4, 4);
  b.view("view", [batch, 512]);
  b.module("linear", () => b.linear(10));
  return reportOf("cifar-resnet18", { shape: [batch, 3, 32, 32], dtype: "float32" }, b);
}

/** MobileNetV2 (Sandler et al. 2018, Table 2), width 1.0, 224×224, as in tools/measure-energy.py. */
export function mobilenetV2(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 3, 224, 224]);
  const convBn = (channels: number, kernel: number, stride: number, groups = 1, activation = true): void => {
    b.conv(channels, kernel, stride, Math.floor(kernel / 2), groups).batchNorm();
    if (activation) b.elementwise("hardtanh");
  };
  b.module("features.0", () => convBn(32, 3, 2));
  let channels = 32;
  let index = 1;
  const settings: [number, number, number, number][] = [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2], [6, 96, 3, 1], [6, 160, 3, 2], [6, 320, 1, 1]];
  for (const [expand, out, repeats, stride] of settings) {
    for (let i = 0; i < repeats; i++) {
      const s = i === 0 ? stride : 1;
      b.module(`features.${index++}`, () => {
        const hidden = channels * expand;
        if (expand !== 1) convBn(hidden, 1, 1);
        convBn(hidden, 3, s, hidden);
        convBn(out, 1, 1, 1, false);
        if (s === 1 && channels === out) b.elementwise("add");
      });
      channels = out;
    }
  }
  b.module(`features.${index}`, () => convBn(1280, 1, 1));
  b.op("aten._adaptive_avg_pool2d", [batch, 1280, 1, 1]).view("flatten", [batch, 1280]);
  b.module("classifier", () => b.linear(1000));
  return reportOf("mobilenet-v2", { shape: [batch, 3, 224, 224], dtype: "float32" }, b);
}

/** VGG configuration D (Simonyan and Zisserman 2015), no batch norm, 224×224. */
export function vgg16(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 3, 224, 224]);
  const layout: (number | "M")[] = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"];
  layout.forEach((item, i) =>
    b.module(`features.${i}`, () => (item === "M" ? b.pool("aten.max_pool2d_with_indices", 2, 2) : b.conv(item, 3, 1, 1, 1, true).elementwise("relu_"))),
  );
  b.view("flatten", [batch, 512 * 7 * 7]);
  b.module("classifier", () => {
    b.linear(4096).elementwise("relu_");
    b.linear(4096).elementwise("relu_");
    b.linear(1000);
  });
  return reportOf("vgg16", { shape: [batch, 3, 224, 224], dtype: "float32" }, b);
}

/** torchvision vit_b_16 (Dosovitskiy et al. 2021): 16×16 patches, 197 tokens, 12 layers of width 768. */
export function vitB16(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 3, 224, 224]);
  const width = 768;
  const tokens = 197;
  b.module("conv_proj", () => b.conv(width, 16, 16, 0, 1, true));
  b.view("reshape", [batch, width, 196]).view("permute", [batch, 196, width]);
  b.op("aten.cat", [batch, tokens, width], 0, width);
  b.module("encoder", () => {
    b.op("aten.add", [batch, tokens, width], 0, tokens * width);
    for (let i = 0; i < 12; i++) transformerBlock(b, `layers.encoder_layer_${i}`, batch, tokens, width, 12, false);
    b.module("ln", () => b.layerNorm());
  });
  b.view("select", [batch, width]);
  b.module("heads.head", () => b.linear(1000));
  return reportOf("vit-b-16", { shape: [batch, 3, 224, 224], dtype: "float32" }, b);
}

/** A pre-norm block (ViT, GPT-2) or post-norm block (BERT) on [batch, tokens, width] with a 4× MLP. */
function transformerBlock(b: OpListBuilder, name: string, batch: number, tokens: number, width: number, heads: number, postNorm: boolean, separateQkv = false, contiguousCopy = false): void {
  b.module(name, () => {
    const x = [batch, tokens, width];
    if (!postNorm) b.layerNorm();
    if (separateQkv) {
      for (const part of ["query", "key", "value"]) {
        b.shape = x;
        b.module(part, () => b.linear(width));
      }
    } else {
      b.module("attn.qkv", () => b.linear(3 * width));
    }
    b.view("view", [batch, heads, tokens, width / heads]);
    b.attention(batch, heads, tokens, width / heads);
    // `y.transpose(1, 2).contiguous()` or `.reshape()` of the transposed heads copies (a kernel) where the code does that.
    if (contiguousCopy) b.op("aten.clone", [batch, tokens, heads, width / heads]);
    b.view("transpose", [batch, tokens, width]);
    b.module("attn.proj", () => b.linear(width));
    b.elementwise("add");
    b.layerNorm();
    b.module("mlp.fc", () => b.linear(4 * width));
    b.elementwise("gelu");
    b.module("mlp.proj", () => b.linear(width));
    b.elementwise("add");
    if (postNorm) b.layerNorm();
  });
}

// ------------------------------------------------------------------------------------------ sequence networks

/** nanoGPT's GPT(GPTConfig()): GPT-2 124M, vocab 50304, 12 layers, width 768, causal flash attention.
 *  Inference computes logits at the last position only; training at every position, with the loss. */
export function gpt2(batch: number, allPositions: boolean): ModelReport {
  return gpt(batch, allPositions, { name: "nanogpt-gpt2", tokens: 1024, width: 768, vocab: 50304, layers: 12, heads: 12 });
}

/** A GPT-2-style decoder of any size (pre-norm blocks, tied head). */
export function gpt(batch: number, allPositions: boolean, size: { name: string; tokens: number; width: number; vocab: number; layers: number; heads: number }): ModelReport {
  const { tokens, width, vocab } = size;
  const b = new OpListBuilder([batch, tokens]);
  b.module("transformer.wte", () => b.op("aten.embedding", [batch, tokens, width], 0, vocab * width));
  b.module("transformer.wpe", () => b.op("aten.embedding", [tokens, width], 0, tokens * width));
  b.op("aten.add", [batch, tokens, width]);
  for (let i = 0; i < size.layers; i++) transformerBlock(b, `transformer.h.${i}`, batch, tokens, width, size.heads, false, false, true);
  b.module("transformer.ln_f", () => b.layerNorm());
  if (!allPositions) b.op("aten.index", [batch, 1, width]);
  // The head is tied to wte: its weight is counted in params once (the embedding), read here again.
  b.module("lm_head", () => b.linear(vocab, false));
  if (allPositions) b.op("aten.nll_loss", [1], 0);
  return reportOf(size.name, { shape: [batch, tokens], dtype: "int64" }, b);
}

/** BERT-base-shaped encoder of tools/measure-energy.py: 128 tokens, 12 post-norm layers, tanh pooler. */
export function bertBase(batch: number): ModelReport {
  const tokens = 128;
  const width = 768;
  const b = new OpListBuilder([batch, tokens]);
  b.module("tokens", () => b.op("aten.embedding", [batch, tokens, width], 0, 30522 * width));
  b.op("aten.add", [batch, tokens, width], 0, 512 * width);
  b.module("norm", () => b.layerNorm());
  for (let i = 0; i < 12; i++) transformerBlock(b, `layers.${i}`, batch, tokens, width, 12, true, true, true);
  b.view("select", [batch, width]);
  b.module("pooler", () => b.linear(width)).elementwise("tanh");
  b.module("classifier", () => b.linear(2));
  return reportOf("bert-base-encoder", { shape: [batch, tokens], dtype: "int64" }, b);
}

/** The 1024→4096→4096→1000 ReLU MLP of tools/measure-energy.py. */
export function mlp4096(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 1024]);
  b.module("0", () => b.linear(4096)).elementwise("relu");
  b.module("2", () => b.linear(4096)).elementwise("relu");
  b.module("4", () => b.linear(1000));
  return reportOf("mlp-4096", { shape: [batch, 1024], dtype: "float32" }, b);
}

/** nn.LSTM(512, 1024, num_layers=2, batch_first=True) over 128 steps, then a 10-way head on the last step.
 *  One op per layer: cuDNN runs the whole sequence as one call (its FLOPs are the 4-gate matmuls). */
export function lstm2x1024(batch: number): ModelReport {
  const steps = 128;
  const hidden = 1024;
  const b = new OpListBuilder([batch, steps, 512]);
  // As the analyzer reports it: per layer, the input and the hidden products (aten.addmm each), all the layer's
  // weights charged to its first op; every op carries the layer's output shape.
  let weights = 0;
  for (const inputs of [512, 1024]) weights += 4 * hidden * (inputs + hidden) + 8 * hidden;
  b.module("lstm", () => {
    [512, 1024].forEach((inputs, layer) => {
      b.op("aten.addmm", [batch, steps, hidden], 2 * 4 * hidden * inputs * steps * batch, layer === 0 ? weights : 0);
      b.op("aten.addmm", [batch, steps, hidden], 2 * 4 * hidden * hidden * steps * batch);
    });
  });
  b.view("select", [batch, hidden]);
  b.module("head", () => b.linear(10));
  const report = reportOf("lstm-2x1024", { shape: [batch, steps, 512], dtype: "float32" }, b);
  report.layers = [layerOf("lstm", "LSTM", weights), layerOf("head", "Linear", 1024 * 10 + 10)];
  return report;
}

// ------------------------------------------------------------------------------------------ the second held-out set

/** torchvision resnet18 (BasicBlock ×[2,2,2,2]), 224×224 inputs. */
export function resnet18(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 3, 224, 224]);
  b.module("conv1", () => b.conv(64, 7, 2, 3)).module("bn1", () => b.batchNorm()).module("relu", () => b.elementwise("relu_"));
  b.module("maxpool", () => b.pool("aten.max_pool2d_with_indices", 3, 2, 1));
  let channels = 64;
  [[64, 1], [128, 2], [256, 2], [512, 2]].forEach(([width, stride], stage) => {
    for (let i = 0; i < 2; i++) {
      b.module(`layer${stage + 1}.${i}`, () => {
        const input = b.shape;
        const s = i === 0 ? stride : 1;
        b.module("conv1", () => b.conv(width, 3, s, 1)).module("bn1", () => b.batchNorm()).elementwise("relu_");
        b.module("conv2", () => b.conv(width, 3, 1, 1)).module("bn2", () => b.batchNorm());
        const main = b.shape;
        if (s !== 1 || channels !== width) {
          b.shape = input;
          b.module("downsample.0", () => b.conv(width, 1, s, 0)).module("downsample.1", () => b.batchNorm());
        }
        b.shape = main;
        b.elementwise("add_").elementwise("relu_");
        channels = width;
      });
    }
  });
  b.module("avgpool", () => b.op("aten._adaptive_avg_pool2d", [batch, 512, 1, 1]));
  b.view("flatten", [batch, 512]);
  b.module("fc", () => b.linear(1000));
  return reportOf("tv-resnet18", { shape: [batch, 3, 224, 224], dtype: "float32" }, b);
}

/** The VGG-style CIFAR CNN of tools/measure-energy.py (SimpleCNN). */
export function simpleCnn(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 3, 32, 32]);
  [64, 64, "M", 128, 128, "M", 256, "M"].forEach((item, i) =>
    b.module(`features.${i}`, () => (item === "M" ? b.pool("aten.max_pool2d_with_indices", 2, 2) : b.conv(item as number, 3, 1, 1).batchNorm().elementwise("relu_"))),
  );
  b.view("flatten", [batch, 256 * 4 * 4]);
  b.module("classifier", () => b.linear(512).elementwise("relu_").linear(10));
  return reportOf("simple-cnn", { shape: [batch, 3, 32, 32], dtype: "float32" }, b);
}

/** nn.GRU(256, 512, batch_first=True) over 256 steps, then a 10-way head: reported like the LSTM above. */
export function gru512(batch: number): ModelReport {
  const steps = 256;
  const hidden = 512;
  const inputs = 256;
  const weights = 3 * hidden * (inputs + hidden) + 6 * hidden;
  const b = new OpListBuilder([batch, steps, inputs]);
  b.module("gru", () => {
    b.op("aten.addmm", [batch, steps, hidden], 2 * 3 * hidden * inputs * steps * batch, weights);
    b.op("aten.addmm", [batch, steps, hidden], 2 * 3 * hidden * hidden * steps * batch);
  });
  b.view("select", [batch, hidden]);
  b.module("head", () => b.linear(10));
  const report = reportOf("gru-512", { shape: [batch, steps, inputs], dtype: "float32" }, b);
  report.layers = [layerOf("gru", "GRU", weights), layerOf("head", "Linear", hidden * 10 + 10)];
  return report;
}

/** The 8192-wide MLP of tools/measure-energy.py. */
export function mlp8192(batch: number): ModelReport {
  const b = new OpListBuilder([batch, 8192]);
  b.module("0", () => b.linear(8192)).elementwise("relu");
  b.module("2", () => b.linear(8192)).elementwise("relu");
  b.module("4", () => b.linear(1000));
  return reportOf("mlp-8192", { shape: [batch, 8192], dtype: "float32" }, b);
}

/** `A @ B` of two n×n matrices (the calibration's compute ceiling). */
export function squareMatmul(n: number): ModelReport {
  const b = new OpListBuilder([n, n]);
  b.op("aten.mm", [n, n], 2 * n * n * n);
  return reportOf(`matmul-${n}`, { shape: [n, n], dtype: "float32" }, b);
}

/** Builds the named workload at a batch; `train` matters only where the forward differs (nanoGPT's logits). */
export function workload(name: string, batch: number, mode: "inference" | "train"): ModelReport {
  switch (name) {
    case "tv-resnet50":
      return resnet50(batch);
    case "tv-vit-b-16":
      return vitB16(batch);
    case "cifar-resnet18":
      return cifarResnet18(batch);
    case "nanogpt-gpt2":
      return gpt2(batch, mode === "train");
    case "mobilenet-v2":
      return mobilenetV2(batch);
    case "vgg16":
      return vgg16(batch);
    case "bert-base-encoder":
      return bertBase(batch);
    case "mlp-4096":
      return mlp4096(batch);
    case "lstm-2x1024":
      return lstm2x1024(batch);
    case "tv-resnet18":
      return resnet18(batch);
    case "simple-cnn":
      return simpleCnn(batch);
    case "gru-512":
      return gru512(batch);
    case "mlp-8192":
      return mlp8192(batch);
    case "gpt-small":
      return gpt(batch, mode === "train", { name: "gpt-small", tokens: 512, width: 512, vocab: 32000, layers: 8, heads: 8 });
    default:
      if (/^matmul-\d+$/.test(name)) return squareMatmul(Number(name.slice(7)));
      throw new Error(`no generator for workload '${name}'`);
  }
}
