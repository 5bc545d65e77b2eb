import type { InputSpec } from "../report/model-report";
import type { InstanceValue, Value } from "./values";
import { namedModules } from "../torch/module-tree";
import { pragmaSettingNear } from "../pragma/grammar";
import { parseInputList } from "../pragma/input-shapes";
import { layerConfigOf } from "./layer-configs";
import { DATASET_SIZES } from "../training/dataset-sizes";


/** Inputs from a `# greenlight: input=...` comment on the lines just above a definition (or on its line). */
export function pragmaInputs(comments: Map<number, string> | undefined, line: number): InputSpec[] | undefined {
  const value = pragmaSettingNear(comments, line, "input");
  return value === undefined ? undefined : parseInputList(value);
}

/** The path a `# greenlight: config=PATH` comment on a line (or just above it) gives a model built from a config. */
export function pragmaConfig(comments: Map<number, string> | undefined, line: number): string | undefined {
  return pragmaSettingNear(comments, line, "config");
}

/** The text inside balanced parentheses starting at text[open] === "(", or undefined. */
function parenthesised(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 400; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return undefined;
}

/** Splits call arguments at top-level commas. */
function splitArguments(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = inner.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** `(1, 3, 224, 224)`, `[1, 3]` or `7` as ints; undefined when not all literal ints. */
function literalInts(text: string): number[] | undefined {
  const t = text.replace(/^[([]|[)\]]$/g, "").trim();
  const parts = t.split(",").map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return undefined;
  return parts.map(Number);
}

/**
 * Whether the tensor built at `at` is one a module keeps, not one fed to it: assigned to an attribute of `self`
 * (`self.mean = torch.zeros(1, 1, 1, 1)`, a constant of the model) or wrapped in `nn.Parameter(...)` or
 * `register_buffer(...)`. Lightning's `self.example_input_array` is an example by its documented meaning
 * (lightning.ai/docs/pytorch/stable/common/lightning_module.html#example-input-array).
 */
function heldByModule(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf("\n", at - 1) + 1, at);
  const attribute = /^\s*self\.(\w+)\s*(?::[^=]*)?=/.exec(line);
  if (attribute) return attribute[1] !== "example_input_array";
  return /\b(?:Parameter|register_buffer)\s*\(/.test(line);
}

/**
 * Shapes of example tensors written in the file (`torch.randn(1, 3, 224, 224)`, `torch.randint(0, 50, (1, 64))`,
 * `summary(model, (3, 224, 224))`; torchinfo's `summary(model, (1, 3, 224, 224))`), in source order. Read from the text:
 * only literal sizes count.
 */
export function exampleInputs(text: string): InputSpec[][] {
  const found: InputSpec[][] = [];
  const seen = new Set<string>();
  const add = (specs: InputSpec[]) => {
    const k = JSON.stringify(specs);
    if (!seen.has(k)) {
      seen.add(k);
      found.push(specs);
    }
  };
  // torchinfo's summary takes the input's whole shape, batch included ("You should include batch size in the tuple",
  // torchinfo README); torchsummary's takes one sample's (its batch_size argument is separate).
  const batchedSummary = /^\s*(?:from\s+torchinfo\s+import|import\s+torchinfo\b)/m.test(text) && !/^\s*(?:from\s+torchsummary\s+import|import\s+torchsummary\b)/m.test(text);
  const call = /\b(?:torch\.(randn|rand|zeros|ones|empty|randint)|(summary))\s*\(/g;
  for (let m = call.exec(text); m; m = call.exec(text)) {
    if (heldByModule(text, m.index)) continue;
    const inner = parenthesised(text, m.index + m[0].length - 1);
    if (inner === undefined) continue;
    const args = splitArguments(inner);
    const positional = args.filter((a) => !/^\w+\s*=/.test(a));
    const keyword = (name: string) => args.find((a) => a.startsWith(`${name}=`) || a.startsWith(`${name} =`))?.replace(/^\w+\s*=\s*/, "");
    if (m[2]) {
      const size = keyword("input_size") ?? positional[1];
      const dims = size ? literalInts(size) : undefined;
      if (dims) add([{ shape: batchedSummary ? dims : [1, ...dims], dtype: "float32" }]);
    } else if (m[1] === "randint") {
      const size = keyword("size") ?? positional[positional.length - 1];
      const dims = size && /^[([]/.test(size) ? literalInts(size) : undefined;
      if (dims) add([{ shape: dims, dtype: "int64" }]);
    } else {
      // torch.randn(1, 3, 224, 224), torch.randn((1, 3, 224, 224)) or torch.randn(size=(1, 3, 224, 224))
      const size = keyword("size");
      const dims = size !== undefined ? literalInts(size) : positional.length === 1 ? literalInts(positional[0]) : literalInts(positional.join(","));
      if (dims) add([{ shape: dims, dtype: "float32" }]);
    }
  }
  // A numpy array of literal size made a torch tensor (`torch.FloatTensor(np.random.random((1, 3, 320, 320)))`,
  // `torch.from_numpy(np.zeros((2, 16)))`): numpy's size is the tuple (random, zeros, ones) or the spread dims
  // (rand, randn), numpy.org/doc/stable/reference/random/legacy.html.
  const wrapped = /\btorch\.(?:FloatTensor|Tensor|from_numpy|tensor|as_tensor)\s*\(\s*(?:np|numpy)\.(random\.random|random\.rand|random\.randn|random\.random_sample|zeros|ones)\s*\(/g;
  for (let m = wrapped.exec(text); m; m = wrapped.exec(text)) {
    if (heldByModule(text, m.index)) continue;
    const inner = parenthesised(text, m.index + m[0].length - 1);
    const positional = inner === undefined ? [] : splitArguments(inner).filter((a) => !/^\w+\s*=/.test(a));
    const spread = m[1] === "random.rand" || m[1] === "random.randn";
    const dims = spread ? literalInts(positional.join(",")) : positional.length >= 1 && /^[([]/.test(positional[0]) ? literalInts(positional[0]) : undefined;
    if (dims) add([{ shape: dims, dtype: "float32" }]);
  }
  for (const dims of reshapedArguments(text)) add([{ shape: [1, ...dims], dtype: "float32" }]);
  return found;
}

/**
 * Per-sample shapes of batches a call is fed reshaped: `rnn(x.view(-1, 28, 28))`, or `b_x = x.view(-1, 28, 28)` then
 * `rnn(b_x)`. The `-1` is the batch (PyTorch infers it from the rest), so one sample is the literal sizes after it;
 * two sizes at least, as `x.view(-1, 400)` is a flatten inside forward, not an input. A method call
 * (`self.fc(...)`, `F.relu(...)`) is a layer inside a model, not the model fed.
 */
function reshapedArguments(text: string): number[][] {
  const out: number[][] = [];
  const sizes = String.raw`\.(?:view|reshape)\(\s*-1\s*,\s*(\d+(?:\s*,\s*\d+)+)\s*\)`;
  const direct = new RegExp(String.raw`(?<![\w.])\w+\(\s*[\w.\[\]:]*` + sizes + String.raw`\s*\)`, "g");
  for (const m of text.matchAll(direct)) out.push(literalInts(m[1])!);
  const bound = new RegExp(String.raw`^[ \t]*(\w+)[ \t]*=[^\n]*?[\w\]\)]` + sizes, "gm");
  for (const m of text.matchAll(bound)) {
    const fed = new RegExp(String.raw`(?<![\w.])(?!(?:print|len|type|str|repr|list|tuple|id|isinstance)\()\w+\(\s*${m[1]}\s*\)`);
    if (fed.test(text)) out.push(literalInts(m[2])!);
  }
  return out;
}

/** Layers before the first that sizes the input which keep its channels and rank (activations, dropout, pooling,
 *  padding: a style-transfer net opens with ReflectionPad2d before its first conv). */
const PARAMETERLESS = /^(Dropout\d?d?|ReLU\d?|GELU|SiLU|Tanh|Sigmoid|Identity|Flatten|Softmax|LogSoftmax|MaxPool\dd|AvgPool\dd|AdaptiveAvgPool\dd|AdaptiveMaxPool\dd|Upsample|(Zero|Reflection|Replication|Constant|Circular)Pad\dd|LeakyReLU|ELU|CELU|SELU|Hardswish|Hardtanh|Softplus|Mish)$/;

/**
 * Default inputs from the model's first parametrised layer (3-channel conv → 1x3x224x224, or the image sides of
 * `dataSides` first; Linear(n) → 1xn, ...), most likely first: the forward pass is tried with each in turn until one runs, so a layer that admits two readings
 * (a 1-channel Conv1d takes [B, 1, T], or [B, T] that forward unsqueezes, as raw-audio models do) offers both.
 */
export function defaultInputs(model: InstanceValue, dataSides: [number, number][] = []): InputSpec[][] {
  // The library's data config names the whole image input (C, H, W): it comes first, as the first layer may read
  // something else (timm's TResNet folds the image into 48 channels before its first conv).
  const configured = dataConfigInputSize(model);
  const fromLayers = defaultInputsFromLayers(model, dataSides);
  if (!configured) return fromLayers;
  const spec: InputSpec[] = [{ shape: [1, ...configured], dtype: "float32" }];
  const rest = fromLayers.filter((s) => JSON.stringify(s) !== JSON.stringify(spec));
  // A config copied from elsewhere may name another side than the model was built for (DeiT's 384 models keep
  // `_cfg()`'s 224); position embeddings sized for the model's own img_size take no other, so that side goes first.
  const own = findImageSize(model);
  if (own && (own[0] !== configured[1] || own[1] !== configured[2])) {
    const ownFirst = rest.filter((s) => s.length === 1 && s[0].shape.length === 4 && s[0].shape[2] === own[0] && s[0].shape[3] === own[1]);
    if (ownFirst.length) return [...ownFirst, spec, ...rest.filter((s) => !ownFirst.includes(s))];
  }
  return [spec, ...rest];
}

function defaultInputsFromLayers(model: InstanceValue, dataSides: [number, number][]): InputSpec[][] {
  const modules = namedModules(model).map(([, m]) => m);
  for (let i = 0; i < modules.length; i++) {
    const m = modules[i];
    // A subclass of a catalogue layer (transformers' scaled word embeddings subclass nn.Embedding) is that layer.
    const layer = layerOf(m);
    if (!layer) continue;
    const type = layer.name;
    // A loss the model holds (`self.criterion = nn.CrossEntropyLoss()`, often registered first) reads its outputs.
    if (PARAMETERLESS.test(type) || /Loss$/.test(type)) continue;
    const first = layerArgument(m, 0);
    switch (type) {
      case "Conv1d": {
        if (!first) return [];
        const lengths = [...new Set([1024, positionsAfterConvStack(modules.slice(i))].filter((n): n is number => n !== undefined))];
        const specs = lengths.map((n): InputSpec[] => [{ shape: [1, first, n], dtype: "float32" }]);
        // A single channel may be a raw signal that forward gives its channel dimension itself.
        if (first === 1) specs.push(...lengths.map((n): InputSpec[] => [{ shape: [1, n], dtype: "float32" }]));
        return specs;
      }
      case "Conv2d": {
        if (!first) return [];
        // The model's own image side first; else the sides the program's data pipeline gives, then ImageNet's 224.
        const own = findImageSize(model) ?? (dataConfigInputSize(model)?.slice(1) as [number, number] | undefined);
        const sides = own ? [own] : uniqueSides([...dataSides, [224, 224]]);
        return sides.map((side): InputSpec[] => [{ shape: [1, first, ...side], dtype: "float32" }]);
      }
      case "Conv3d": return first ? [[{ shape: [1, first, 16, 112, 112], dtype: "float32" }]] : [];
      case "ConvTranspose2d": return latentProjection(m);
      case "Linear": {
        if (!first) return [];
        // A first Linear over patches a forward cuts from an image itself (a ViT that unfolds its input): the image
        // sides the program's data pipeline gives are tried after the vector, in colour and in grey.
        const images = uniqueSides(dataSides).flatMap(([h, w]): InputSpec[][] => [[{ shape: [1, 3, h, w], dtype: "float32" }], [{ shape: [1, 1, h, w], dtype: "float32" }]]);
        return [[{ shape: [1, first], dtype: "float32" }], ...images];
      }
      case "Embedding": return [[{ shape: [1, sequenceLength(model, modules)], dtype: "int64" }]];
      case "LSTM": case "GRU": case "RNN": return first ? [[{ shape: [1, 128, first], dtype: "float32" }]] : [];
      default: return [];
    }
  }
  return [];
}

/**
 * A generator whose first layer is a stride-1, unpadded transposed convolution projects a latent vector of its
 * input channels, seen as a 1x1 map (DCGAN: Radford, Metz, Chintala 2016, arXiv:1511.06434, "the first layer of
 * the GAN, which takes a uniform noise distribution Z as input"), or the plain vector when a 1x1 map does not run; other transposed convolutions upsample feature maps
 * whose side nothing here says.
 */
function latentProjection(m: InstanceValue): InputSpec[][] {
  const weight = m.module!.parameters.get("weight");
  const config = layerConfigOf(m);
  const single = (name: string, fallback: number): number | undefined => {
    const v = config?.get(name);
    if (v === undefined) return fallback;
    if (v.kind === "int") return v.value;
    if (v.kind === "tuple" && v.items.every((i) => i.kind === "int" && i.value === (v.items[0] as { value: number }).value)) return (v.items[0] as { value: number }).value;
    return undefined;
  };
  // ConvTranspose2d's weight is (in_channels, out_channels / groups, kH, kW)
  if (weight?.kind !== "tensor" || single("stride", 1) !== 1 || single("padding", 0) !== 0) return [];
  // The latent as a 1x1 map first, else as the vector a forward reshapes itself (`noise.view(*noise.shape, 1, 1)`).
  return [[{ shape: [1, weight.shape[0], 1, 1], dtype: "float32" }], [{ shape: [1, weight.shape[0]], dtype: "float32" }]];
}

/**
 * The input length a conv front-end may have been built for, tried after 1,024 fails: when the leading Conv1d stack
 * is followed by an Embedding (there a table of positions, as the convs' output is features, not ids), that table's
 * rows times the stack's total stride (an audio encoder with learned positions accepts exactly that many frames).
 */
function positionsAfterConvStack(modules: InstanceValue[]): number | undefined {
  let stride = 1;
  for (const m of modules) {
    const type = layerOf(m)?.name;
    if (!type || PARAMETERLESS.test(type)) continue;
    if (type === "Conv1d") {
      const s = layerConfigOf(m)?.get("stride");
      const n = s?.kind === "int" ? s.value : s?.kind === "tuple" && s.items[0]?.kind === "int" ? s.items[0].value : 1;
      stride *= n;
      continue;
    }
    if (type === "Embedding") {
      const rows = m.module!.parameters.get("weight");
      return rows?.kind === "tensor" ? rows.shape[0] * stride : undefined;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The token length of a language model's default input: the block size its config names (128 when none), less
 * the positions a padding index takes from a position table of that size. Position ids that count from
 * `padding_idx + 1` (RoBERTa-style, `cumsum(mask) + padding_idx`) reach `length + padding_idx`, which must stay
 * below the table's rows.
 */
function sequenceLength(model: InstanceValue, modules: InstanceValue[]): number {
  const blockSize = findBlockSize(model);
  if (blockSize === undefined) return 128;
  for (const m of modules) {
    if (layerOf(m)?.name !== "Embedding") continue;
    const rows = m.module!.parameters.get("weight");
    const padding = layerConfigOf(m)?.get("padding_idx");
    if (rows?.kind === "tensor" && rows.shape[0] === blockSize && padding?.kind === "int" && padding.value >= 0 && padding.value < blockSize - 1) {
      return blockSize - padding.value - 1;
    }
  }
  return blockSize;
}

/** The catalogue layer a module is, itself or through a base class. */
function layerOf(m: InstanceValue) {
  return m.cls.layer ?? m.cls.mro.find((c) => c.layer)?.layer;
}

/** The first constructor argument of a catalogue layer as an int, from its recorded parameters. */
function layerArgument(m: InstanceValue, _index: number): number | undefined {
  const weight = m.module!.parameters.get("weight") ?? m.module!.parameters.get("weight_ih_l0");
  if (!weight || weight.kind !== "tensor") return undefined;
  const type = layerOf(m)!.name;
  if (type === "Linear" || type.startsWith("LSTM") || type.startsWith("GRU") || type.startsWith("RNN")) return weight.shape[1];
  if (type.startsWith("Conv")) {
    const groups = 1;
    return weight.shape[1] * groups;
  }
  return weight.shape[0];
}

const BLOCK_SIZE_NAMES = ["block_size", "max_position_embeddings", "n_positions", "max_seq_len", "seq_len", "context_length", "max_len"];

function findBlockSize(model: InstanceValue): number | undefined {
  return findAttribute(model, BLOCK_SIZE_NAMES, (x) => (x.kind === "int" && x.value > 0 ? x.value : undefined));
}

// The image side a vision model (or its config: transformers' image_size, timm's img_size) says it was built for;
// position embeddings sized for it reject any other.
const IMAGE_SIZE_NAMES = ["image_size", "img_size"];

function findImageSize(model: InstanceValue): [number, number] | undefined {
  const read = (x: Value): [number, number] | undefined => {
    if (x.kind === "int" && x.value > 0) return [x.value, x.value];
    if ((x.kind === "tuple" || x.kind === "list") && x.items.length === 2 && x.items.every((i) => i.kind === "int" && i.value > 0)) {
      return [(x.items[0] as { value: number }).value, (x.items[1] as { value: number }).value];
    }
    return undefined;
  };
  // The model or its config first; else its first submodule that keeps one (timm's PatchEmbed holds img_size, which
  // its VisionTransformer does not: `VisionTransformer(img_size=384)` takes 384-pixel images only).
  const own = findAttribute(model, IMAGE_SIZE_NAMES, read);
  if (own) return own;
  for (const [, m] of namedModules(model)) {
    for (const n of IMAGE_SIZE_NAMES) {
      const x = m.attributes.get(n);
      const r = x === undefined ? undefined : read(x);
      if (r) return r;
    }
  }
  return undefined;
}

/**
 * The image input (C, H, W) the library's data config gives the model: timm's `create_model` sets `model.pretrained_cfg`
 * (alias `default_cfg`), whose `input_size` (C, H, W) is what `timm.data.resolve_model_data_config` sizes inputs
 * to (299 for Inception, 256 for CSPDarkNet, 192 for TinyNet), though the network itself would take any side.
 */
function dataConfigInputSize(model: InstanceValue): [number, number, number] | undefined {
  for (const name of ["pretrained_cfg", "default_cfg"]) {
    const cfg = model.attributes.get(name);
    if (cfg?.kind !== "dict") continue;
    const size = [...cfg.entries.values()].find((e) => e.key.kind === "str" && e.key.value === "input_size")?.value;
    if ((size?.kind === "tuple" || size?.kind === "list") && size.items.length === 3 && size.items.every((i) => i.kind === "int" && i.value > 0)) {
      const [c, h, w] = size.items.map((i) => (i as { value: number }).value);
      return [c, h, w];
    }
  }
  return undefined;
}

/** The first of these attributes that reads as a size, on the model or objects it holds (its config), 3 levels deep. */
function findAttribute<T>(model: InstanceValue, names: string[], read: (v: Value) => T | undefined): T | undefined {
  const seen = new Set<number>();
  const search = (v: Value, depth: number): T | undefined => {
    if (depth > 3 || v.kind !== "instance" || seen.has(v.id)) return undefined;
    seen.add(v.id);
    for (const n of names) {
      const x = v.attributes.get(n);
      const r = x === undefined ? undefined : read(x);
      if (r !== undefined) return r;
    }
    for (const x of v.attributes.values()) {
      const r = search(x, depth + 1);
      if (r !== undefined) return r;
    }
    return undefined;
  };
  return search(model, 0);
}

function uniqueSides(sides: [number, number][]): [number, number][] {
  const seen = new Set<string>();
  return sides.filter((s) => !seen.has(s.join("x")) && !!seen.add(s.join("x")));
}

/** The side of the images each torchvision dataset holds, from the dataset table (MNIST 28, CIFAR 32, STL-10 96). */
const DATASET_SIDES: Record<string, number> = Object.fromEntries(
  DATASET_SIZES.filter((d) => d.framework === "torchvision" && d.image).map((d) => [d.name, d.image![1]]),
);

/**
 * The image sides a program's data pipeline feeds its models, read from the text, most telling first: the size a
 * torchvision transform crops or resizes to (`transforms.Resize((64, 64))`, `CenterCrop(224)`, a crop before a
 * resize since it comes last), then the native side of a torchvision dataset it loads (`datasets.MNIST(...)`).
 * Only literal sizes count.
 */
export function dataImageSides(text: string): [number, number][] {
  const crops: [number, number][] = [];
  const resizes: [number, number][] = [];
  const transform = /\b(Resize|CenterCrop|RandomCrop|RandomResizedCrop)\s*\(/g;
  for (let m = transform.exec(text); m; m = transform.exec(text)) {
    const inner = parenthesised(text, m.index + m[0].length - 1);
    if (inner === undefined) continue;
    const args = splitArguments(inner);
    const size = args.find((a) => /^size\s*=/.test(a))?.replace(/^size\s*=\s*/, "") ?? args.find((a) => !/^\w+\s*=/.test(a));
    const dims = size ? literalInts(size) : undefined;
    if (!dims || dims.length > 2 || dims.some((d) => d < 8)) continue;
    (m[1] === "Resize" ? resizes : crops).push(dims.length === 1 ? [dims[0], dims[0]] : [dims[0], dims[1]]);
  }
  const datasets: [number, number][] = [];
  const dataset = /\b(?:datasets|torchvision\.datasets)\.(\w+)\s*\(/g;
  for (let m = dataset.exec(text); m; m = dataset.exec(text)) {
    const side = DATASET_SIDES[m[1]];
    if (side !== undefined) datasets.push([side, side]);
  }
  return uniqueSides([...crops, ...resizes, ...datasets]);
}
