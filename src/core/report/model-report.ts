/** The share of a model computed from known shapes. */
export interface Coverage {
  /** Leaf layers with parameters that forward ran with known shapes, and all that forward reached or should have. */
  layersKnown: number;
  layersTotal: number;
  /** FLOPs counted from known shapes (the report's figure). */
  flopsKnown: number;
  /** Estimated FLOPs of the layers reached without known shapes: 2 x weights x positions (see estimateFlops). */
  flopsEstimatedMissing: number;
  /** flopsKnown / (flopsKnown + flopsEstimatedMissing); 1 when nothing is missing. */
  flopsShare: number;
  /** Attributes of the model's modules that hold an unknown value (a layer that could not be built, say): their
   * FLOPs cannot be estimated, so flopsShare is then an upper bound. */
  partsUnknown?: number;
}

/** Where a model's forward inputs came from, in the order the analyzer tries them. */
export type InputSource = "cli" | "pragma" | "example" | "default";

/** One forward input: dims and dtype (token ids are int64). */
export interface InputSpec {
  shape: number[];
  dtype: "float32" | "int64";
}

/** A part of the model the analyzer could not work out, with the line that says why. */
export interface UnresolvedNote {
  file: string;
  line: number;
  reason: string;
}

/** One module of the model tree (leaf layer or container), with what its forward cost. */
export interface LayerReport {
  /** Dotted path from the model root, as named_modules() names it ("layer1.0.conv1"); "" is the root. */
  path: string;
  type: string;
  file: string;
  line: number;
  /** Parameters of this module and its children (shared ones counted at their first path). */
  params: number;
  /** Parameters this module (or one below it) holds that are counted at an earlier path: a weight tied to another
   *  module (`lm_head.weight = wte.weight`). PyTorch's `m.parameters()` is params + tiedParams. Absent when none. */
  tiedParams?: number;
  /** Where the first of those tied parameters is counted ("transformer.wte"). */
  tiedTo?: string;
  /** FLOPs of all forward calls of this module, its children included. */
  flops: number;
  /** Output shape of the last forward call, or null when it never ran or its output is not a tensor. */
  output: number[] | null;
  /** How many times forward ran. */
  calls: number;
  /** True for modules without children (the layers that run kernels). */
  leaf: boolean;
  /** Elements written by this module's own ops across its calls (activation traffic, for the energy model). */
  activationElements: number;
  /** The weights' precision when the layer was quantized in the analyzed code (int4: torchao weight-only). */
  precision?: "int8" | "int4";
  /** Set when the analyzed code pruned the layer's weights (torch.nn.utils.prune): same shapes and FLOPs, zeros. */
  pruned?: boolean;
}

/** A precision the script's code runs a model at, and where it says so. */
export interface CodePrecision {
  precision: "bf16" | "fp16";
  /** True for torch.autocast (fp32 weights, 16-bit math), false for a cast of the weights. */
  autocast: boolean;
  /** The 1-based line that says so (the autocast'ed call, or the cast). */
  line: number;
}

/** One op's cost during forward, for the energy model and per-line figures. */
export interface OpRecord {
  op: string;
  flops: number;
  /** Elements of the op's output tensor(s). */
  outputElements: number;
  /** Shape of the op's (first) output tensor, for shape hints. */
  outputShape: number[] | null;
  /** Elements of the op's weights read (parameters of the layer it belongs to, else 0). */
  weightElements: number;
  /** Path of the innermost module running it. */
  modulePath: string;
  /** Set when the op's layer holds int8 weights (quantize_dynamic, torchao's quantize_), so it costs as int8. */
  quantized?: boolean;
  /** Set when the op's layer holds weight-only quantized weights (torchao Int8/Int4WeightOnlyConfig): read at these
   *  bits, the math at the run's precision. */
  weightOnlyBits?: 8 | 4;
  /** Source line of the forward code that ran it (in the file of that code). */
  file: string;
  line: number;
  /** The non-parameter tensors the op read and the tensor it wrote, by storage (views share their base's), for the
   *  memory model's saved-for-backward analysis; absent where the op's operands were not seen. */
  tensors?: OpTensors;
  /** Set for ops run inside torch.utils.checkpoint or a custom autograd Function: what their segment kept. */
  checkpoint?: CheckpointSegment;
}

/** A stretch of forward whose ops keep nothing themselves: a torch.utils.checkpoint call (keeps its inputs,
 *  recomputed in backward) or a custom autograd Function (keeps what ctx.save_for_backward got). */
export interface CheckpointSegment {
  id: number;
  inputs: StorageRef[];
  recomputed: boolean;
}

/** One tensor storage as the memory model counts it: an id shared by views of it, its elements and element bytes. */
export interface StorageRef {
  id: number;
  elements: number;
  bytesPerElement: number;
}

/** An op's operands: non-parameter tensor inputs, how many tensor operands it had in all (parameters included),
 *  and its first output. */
export interface OpTensors {
  inputs: StorageRef[];
  /** Elements of each input as the op saw it (a view may be smaller than its storage), parallel to `inputs`. */
  inputElements: number[];
  operands: number;
  output?: StorageRef;
}

/** Everything the analyzer says about one model. */
export interface ModelReport {
  name: string;
  file: string;
  line: number;
  /** The expression that built the model (`ResNet18()`). */
  entry: string;
  inputs: InputSpec[];
  inputSource: InputSource;
  /** Output shapes of forward (tensor leaves in order). */
  output: number[][];
  params: number;
  trainableParams: number;
  /** Elements of each trainable parameter tensor (shared ones once): optimizers that keep state per tensor
   *  (8-bit blockwise, small tensors left in fp32) need the split. */
  trainableTensorSizes?: number[];
  buffers: number;
  macs: number;
  flops: number;
  complete: boolean;
  /** How much of the model was computed from known shapes (all of it when complete). */
  coverage: Coverage;
  unresolved: UnresolvedNote[];
  /** Gaps in library code that ran at import time (a helper probing for optional packages): listed, but they do not
   *  make the model partial; one that reaches the model is noted again in `unresolved` where the model meets it. */
  importNotes?: UnresolvedNote[];
  /** The precision the code puts the weights in, when not fp32 (`from_pretrained(dtype=torch.bfloat16)`, a
   * checkpoint's own dtype): estimates use it unless told another. */
  weightsPrecision?: "bf16" | "fp16" | "fp64";
  /** A 16-bit cast of the model the figures leave out: it is in an `if` whose test the analysis cannot read. */
  unsureCast?: { precision: "bf16" | "fp16"; line: number };
  /** The script's module-level variable this class's figures are of (`model = Net()`, then quantized or cast). */
  instance?: string;
  /** The 16-bit precision the script runs this model at where the analysis did not see it in the weights: torch.autocast
   *  around its calls (weights stay fp32), or a cast in code that is not run at module level (`.half()` in main()). */
  codePrecision?: CodePrecision;
  layers: LayerReport[];
  ops: OpRecord[];
  /** The tensor shape each forward line assigned or returned last (views included), for shape hints. */
  lineShapes: LineShape[];
  /** Forward places whose `.view()` would raise were the model channels-last (memory-format.ts). */
  channelsLastViews?: { file: string; line: number }[];
  /** Counts that rest on an assumption rather than the code (torch/routing.ts: a mixture-of-experts router's picks
   *  spread evenly over its experts), with where and what. The model stays complete: the total does not depend on it. */
  assumptions?: { file: string; line: number; text: string }[];
  /** Set when the model class could not be built for want of constructor arguments: what it needs and an entry. */
  needs?: ConstructorNeed;
}

/** A model class that needs constructor arguments, and how to give them. */
export interface ConstructorNeed {
  /** Parameters `__init__` requires (no default), in order. */
  required: string[];
  /** A Python expression that builds the class, to pass as `--entry` or `# greenlight: entry=`; `...` marks a value
   *  the file does not say. */
  entry: string;
  /** Where the prefilled values come from ("width=512: default of Block.__init__, line 9"). */
  prefilledFrom: string[];
  /** The input to try, from the first layer the constructor builds (`1x128:int64` for an Embedding). */
  input?: string;
  /** What that input is, and why ("token ids: the first layer is an Embedding"). */
  inputWhy?: string;
}

/** A forward line and the shape of the tensor it produced. */
export interface LineShape {
  file: string;
  line: number;
  shape: number[];
}
