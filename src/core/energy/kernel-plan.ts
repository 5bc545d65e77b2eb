// Turns a model report's ops into the kernels one iteration runs (forward; for training also backward and the
// optimizer step), with the FLOPs, bytes and host time of each. The time model (time-model.ts) then runs them.
import type { ModelReport, OpRecord } from "../report/model-report";
import type { HardwareProfile } from "./hardware";
import { peakFlops } from "./hardware";
import type { HostProfile } from "./host";
import { canonicalOpName, classifyOp, inputArity, runsInFp32UnderAutocast, type OpClass } from "./op-classes";
import { BYTES_PER_ELEMENT, runsUnderAutocast, type Precision } from "./precision";

/** One kernel (or a recurrent layer's sequence of step kernels) of an iteration. */
export interface Kernel {
  op: string;
  modulePath: string;
  phase: "forward" | "backward" | "optimizer" | "cast";
  flops: number;
  /** Attainable FLOP/s for this kernel's math (efficiency × peak of the precision it runs at). */
  rate: number;
  /** Device-memory bytes read and written. */
  bytes: number;
  /** Kernels launched in sequence (recurrent steps): each pays the fixed kernel latency. */
  launches: number;
  /** Host (CPU) dispatch time. */
  hostSeconds: number;
}

/** Optimizers by the fp32 state bytes their elementwise step reads and writes per parameter. */
export const OPTIMIZER_BYTES_PER_PARAMETER: Record<string, number> = {
  // read param, grad; write param
  sgd: 12,
  // read param, grad, momentum; write param, momentum
  "sgd-momentum": 20,
  // read param, grad, m, v; write param, m, v (Kingma and Ba 2015)
  adam: 28,
  adamw: 28,
};

export interface PlanOptions {
  precision: Precision;
  /** The CPU that dispatches the ops (its per-op time bounds small iterations). */
  host: HostProfile;
  mode: "inference" | "train";
  /** Run Linear layers (matmul ops with weights) in int8, the rest at `precision` (post-training quantization). */
  quantizedLinear?: boolean;
  optimizer?: keyof typeof OPTIMIZER_BYTES_PER_PARAMETER | string;
  /** Scale activations and FLOPs to this batch (the report's is the first input's first dimension). */
  batch?: number;
  /** Weight-only quantized Linear layers (torchao Int8/Int4WeightOnlyConfig): weights read at these bits, math at `precision`. */
  linearWeightBits?: 8 | 4;
  /** Convolutions in channels-last memory format: cuDNN's NHWC kernels need no transposes around them. */
  channelsLast?: boolean;
}

/** The batch of a report: the first dimension of its first input (1 when it has none). */
export function reportBatch(report: ModelReport): number {
  const first = report.inputs[0]?.shape[0];
  return first !== undefined && Number.isFinite(first) && first > 0 ? first : 1;
}

interface PlannedOp {
  record: OpRecord;
  opClass: OpClass;
  precision: Precision;
  flops: number;
  outputElements: number;
  inputElements: number;
  weightBytes: number;
  activationBytes: number;
  /** Under autocast: the op's input comes out of an fp32 op and a matmul must cast it first. */
  castsInput: boolean;
}

/** Which precision an op's math runs at. PyTorch's defaults: fp32 convolutions may use TF32
 *  (torch.backends.cudnn.allow_tf32 is true), fp32 matmuls do not (torch.backends.cuda.matmul.allow_tf32 is false). */
function mathPrecision(opClass: OpClass, precision: Precision, int8Linear: boolean): Precision {
  if (int8Linear) return "int8";
  // cuDNN also runs recurrent layers in TF32 under cudnn.allow_tf32.
  if (precision === "fp32" && (opClass === "convolution" || opClass === "recurrent")) return "tf32";
  return precision;
}

/** Attainable FLOP/s of one op: the precision's peak × the unit's efficiency × the reduction-length factor
 *  K / (K + K½). Each output tile of a matrix product runs K/k multiply-accumulate steps plus a fixed prologue and
 *  epilogue; K½ is the reduction length at which that fixed part halves the rate (Hockney's n½ per tile). The fixed
 *  part is a time, so K½ scales with the rate: the profile gives it at the 16-bit rate. */
function rateOf(profile: HardwareProfile, opClass: OpClass, precision: Precision, reductionLength: number): number {
  const { flops, ran } = peakFlops(profile, precision);
  const m = profile.model;
  // fp64 matrix products (cuBLAS DGEMM, on FP64 tensor cores where a part has them) are held to the SIMT fraction.
  const unit = ran === "fp32" || ran === "fp64" ? m.vectorEfficiency : opClass === "convolution" ? m.convolutionEfficiency : m.matmulEfficiency;
  const reference = peakFlops(profile, "bf16").flops;
  const half = m.halfRateReductionLength * (flops / reference);
  const k = Math.max(1, reductionLength);
  return flops * unit * (k / (k + half));
}

/** The recurrent op's number of sequential steps: its output's non-batch, non-feature dimension. */
function recurrentSteps(shape: number[] | null, batch: number): number {
  if (!shape || shape.length < 3) return 1;
  // batch_first gives [batch, steps, features], the default [steps, batch, features].
  return Math.max(1, shape[0] === batch ? shape[1] : shape[0]);
}

function planOps(report: ModelReport, profile: HardwareProfile, options: PlanOptions): PlannedOp[] {
  const training = options.mode === "train";
  const baseBatch = reportBatch(report);
  const scale = options.batch && options.batch > 0 ? options.batch / baseBatch : 1;
  const activationBytesPer = BYTES_PER_ELEMENT[options.precision];
  let previousOutput = (report.inputs[0]?.shape ?? [1]).reduce((a, b) => a * b, 1) * scale;
  // Under autocast a float model input, embeddings and fp32-list ops produce fp32 activations.
  let previousFp32 = report.inputs[0]?.dtype !== "int64";
  const planned: PlannedOp[] = [];
  const layerTypes = new Map(report.layers.map((layer) => [layer.path, layer.type]));
  for (const record of report.ops) {
    const opClass = classifyOp(record.op, record.flops, layerTypes.get(record.modulePath), training);
    const outputElements = Math.max(0, record.outputElements) * scale;
    const int8Linear = (options.quantizedLinear === true || record.quantized === true) && opClass === "matmul" && record.weightElements > 0;
    const precision = options.precision === "int8" && !["matmul", "convolution"].includes(opClass) ? "bf16" : options.precision;
    const math = mathPrecision(opClass, precision, int8Linear);
    if (opClass === "view") continue;
    // Attention reads q, k and v, each the size of its output; other ops read what the op before them wrote.
    const inputElements = opClass === "attention" ? 3 * outputElements : inputArity(record.op) * previousOutput;
    // A lookup reads the rows it gathers; other layers read all their weights once per call.
    const weightElements = opClass === "gather" ? outputElements : record.weightElements;
    const weightOnlyBits = options.linearWeightBits ?? record.weightOnlyBits;
    const weightOnly = weightOnlyBits !== undefined && !int8Linear && opClass === "matmul" && record.weightElements > 0;
    const weightBytesPer = int8Linear || options.precision === "int8" ? 1 : weightOnly ? weightOnlyBits / 8 : BYTES_PER_ELEMENT[options.precision];
    // Embeddings read fp32 tables, and an element-wise op with weights (a learned position embedding added) mixes
    // in an fp32 parameter: both give fp32 activations, as does autocast's float32 list.
    const fp32Op = runsInFp32UnderAutocast(record.op) || opClass === "gather" ||
      (opClass === "vector" && record.weightElements > 0 && canonicalOpName(record.op) !== "batch_norm");
    const castsInput = previousFp32 && ["matmul", "convolution", "attention", "recurrent"].includes(opClass);
    const bytesPer = runsUnderAutocast(report, options.precision) && fp32Op ? 4 : activationBytesPer;
    planned.push({
      record,
      opClass,
      precision: math,
      flops: Math.max(0, record.flops) * scale,
      outputElements,
      inputElements,
      weightBytes: weightElements * weightBytesPer,
      // cuDNN's tensor-core convolutions work in NHWC: PyTorch's default NCHW tensors are transposed on the way in
      // and out, which doubles a convolution's activation traffic.
      activationBytes: (inputElements + outputElements) * bytesPer * (opClass === "convolution" && !options.channelsLast ? 2 : 1),
      castsInput,
    });
    previousOutput = outputElements;
    if (opClass !== "vector" || fp32Op) previousFp32 = fp32Op;
  }
  return planned;
}

function int8LinearOp(op: PlannedOp, options: PlanOptions): boolean {
  return (options.quantizedLinear === true || op.record.quantized === true) && op.opClass === "matmul" && op.record.weightElements > 0 && options.precision !== "int8";
}

/** The kernels of one iteration (inference: a forward pass; train: forward, backward and optimizer step). */
export function planKernels(report: ModelReport, profile: HardwareProfile, options: PlanOptions): Kernel[] {
  const host = options.host.secondsPerOp;
  const batch = options.batch ?? reportBatch(report);
  const ops = planOps(report, profile, options);
  const kernels: Kernel[] = [];
  const autocast = runsUnderAutocast(report, options.precision);
  let previousRecurrentPath: string | undefined;
  for (const op of ops) {
    const { record, opClass } = op;
    if (opClass !== "recurrent") previousRecurrentPath = undefined;
    // torch.autocast keeps fp32 weights and casts them on every call: one more kernel reading 4 and writing 2 bytes each.
    if (autocast && record.weightElements > 0 && opClass !== "gather" && opClass !== "vector" && !((options.quantizedLinear || record.quantized || options.linearWeightBits || record.weightOnlyBits) && opClass === "matmul")) {
      kernels.push({ op: "autocast_cast", modulePath: record.modulePath, phase: "cast", flops: 0, rate: Infinity, bytes: record.weightElements * 6, launches: 1, hostSeconds: host });
    }
    if (autocast && op.castsInput) {
      kernels.push({ op: "autocast_cast", modulePath: record.modulePath, phase: "cast", flops: 0, rate: Infinity, bytes: op.inputElements * 6, launches: 1, hostSeconds: host });
    }
    // A quantized Linear quantizes its input on the way in: read at the run's precision, write int8.
    if (int8LinearOp(op, options)) {
      kernels.push({ op: "quantize", modulePath: record.modulePath, phase: "cast", flops: 0, rate: Infinity, bytes: op.inputElements * (BYTES_PER_ELEMENT[options.precision] + 1), launches: 1, hostSeconds: host });
    }
    // The reduction length K of a matrix product: FLOPs = 2 × output elements × K.
    const reduction = op.outputElements > 0 ? op.flops / (2 * op.outputElements) : 1;
    const rate = rateOf(profile, opClass, op.precision, reduction);
    if (opClass === "recurrent") {
      // cuDNN runs the sequence step by step: a couple of kernels per step, each launched by the library (no
      // Python dispatch); the weights stay in cache across steps, so memory traffic is one read plus activations.
      // The analyzer reports a recurrent layer as its input and hidden products (aten.addmm each, per layer and
      // direction); the layer is dispatched once, at its first op.
      const steps = recurrentSteps(record.outputShape ?? null, batch);
      const launches = steps;
      const dispatched = previousRecurrentPath === record.modulePath ? 0 : host;
      previousRecurrentPath = record.modulePath;
      kernels.push({ op: record.op, modulePath: record.modulePath, phase: "forward", flops: op.flops, rate, bytes: op.weightBytes + op.activationBytes, launches, hostSeconds: dispatched + launches * options.host.secondsPerLaunch });
      continue;
    }
    // Fused attention needs its q, k, v and output in head-major layout: a few more dispatched ops around it.
    const hostOps = opClass === "attention" ? 3 : 1;
    kernels.push({ op: record.op, modulePath: record.modulePath, phase: "forward", flops: op.flops, rate, bytes: op.weightBytes + op.activationBytes, launches: 1, hostSeconds: host * hostOps });
  }
  if (options.mode !== "train") return kernels;

  // Backward (reverse order), torch.utils.flop_counter's convention: twice the forward FLOPs (grad of input and of
  // weight), except that the first op needs no grad of the model's input, and fused attention's backward counts
  // 2.5× (it recomputes the attention matrix). Bytes: reads the saved input and the output's grad, writes both grads.
  // Autocast's casts have a backward too (the grad goes back to fp32), one kernel each.
  const forward = kernels.filter((k) => k.phase === "forward" || k.phase === "cast");
  const firstForward = forward.findIndex((k) => k.phase === "forward");
  const weighted = new Set(ops.filter((op) => op.weightBytes > 0).map((op) => op.record));
  const recordOf = new Map(kernels.filter((k) => k.phase === "forward").map((k, i) => [k, ops[i]?.record]));
  for (let i = forward.length - 1; i >= 0; i--) {
    const k = forward[i];
    const factor = classifyOp(k.op, k.flops) === "attention" ? 2.5 : i === firstForward ? 1 : 2;
    const record = recordOf.get(k);
    const hasWeights = record !== undefined && weighted.has(record);
    kernels.push({ ...k, phase: "backward", flops: k.flops * factor, rate: k.rate * profile.model.backwardEfficiency, bytes: k.bytes * 2, launches: k.launches * (hasWeights ? 2 : 1), hostSeconds: k.hostSeconds * (hasWeights ? 2 : 1) });
  }
  const parameters = ops.reduce((sum, op) => sum + op.record.weightElements, 0);
  const perParameter = OPTIMIZER_BYTES_PER_PARAMETER[options.optimizer ?? "adam"] ?? OPTIMIZER_BYTES_PER_PARAMETER.adam;
  const tensors = ops.filter((op) => op.record.weightElements > 0).length;
  // Multi-tensor (foreach) optimizers launch a few kernels per group of tensors.
  kernels.push({ op: "optimizer_step", modulePath: "", phase: "optimizer", flops: 0, rate: Infinity, bytes: parameters * perParameter, launches: Math.max(1, Math.ceil(tensors / 8)), hostSeconds: host * Math.max(1, Math.ceil(tensors / 8)) });
  return kernels;
}
