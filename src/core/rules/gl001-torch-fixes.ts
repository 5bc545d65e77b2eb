import { IMPORT_PRUNE, IMPORT_TORCH, type ImportNeed } from "./edit-builders";
import type { Device, RunTarget } from "./run-target";
import type { EnergyVariant } from "./types";

// GL001's PyTorch fixes, each with the device it runs on, the layer types it changes and what it does to the
// energy model's estimate. Sources: torch.ao.quantization.quantize_dynamic's default module mappings
// (Linear, LSTM, GRU, LSTMCell, GRUCell, RNNCell; CPU kernels only, fbgemm/qnnpack); torchao's quantize_ with
// Int8WeightOnlyConfig / Int4WeightOnlyConfig (torchao 0.10+, default filter `_is_linear`; int4 needs bf16 weights
// on CUDA); torch.autocast's CUDA op list (linear, matmul, conv*, conv_transpose*, the RNN cells, and cuDNN RNNs
// through its autocast wrapper); channels-last for 4-D conv weights (PyTorch's memory-format tutorial).

/** A fix's text, where it is valid, and what it changes. */
export interface TorchFix {
  kind: string;
  /** What it does, without the layers and the saving (added per finding). */
  action: string;
  /** Devices where the inserted code runs. */
  devices: Device[];
  /** Layer types it changes (in the model's report names). */
  covers: string[];
  /** True when it changes precision (covers layers); pruning changes no precision. */
  precision: boolean;
  imports: ImportNeed[];
  comment: string;
  /** Statements applied to `model`, in place or reassigning it. */
  inline: (model: string, unit: string) => string[];
  /** The helper's body lines (one indentation unit deep), ending in a return. */
  helper: (unit: string) => string[];
  helperPrefix: string;
  /** The model's variant after the fix, for the energy model; undefined when the estimate does not change. */
  after: (before: EnergyVariant) => EnergyVariant | undefined;
  /** Bytes per weight after the fix, when it stores weights smaller (for the memory figure). */
  weightBytes?: number;
}

/** What the finding says of torch.ao's dynamic quantization: valid on CPU, deprecated, and what replaces it (PyTorch's
 *  quantization page: "please migrate to use torchao eager mode quantize_ API"; torch.ao.quantization to be deleted). */
export const DYNAMIC_INT8_DEPRECATION = "torch.ao.quantization.quantize_dynamic still runs on CPU, but PyTorch deprecates it and plans to remove torch.ao.quantization: its docs point to torchao's quantize_ (int8 dynamic: Int8DynamicActivationInt8WeightConfig), which converts Linear layers, not LSTM/GRU.";

const DYNAMIC_TYPES = ["Linear", "LSTM", "GRU", "LSTMCell", "GRUCell", "RNNCell"];
const LINEAR_TYPES = ["Linear"];
const AUTOCAST_TYPES = ["Linear", "LazyLinear", "Conv1d", "Conv2d", "Conv3d", "LazyConv1d", "LazyConv2d", "LazyConv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "LSTM", "GRU", "RNN", "LSTMCell", "GRUCell", "RNNCell"];
const PRUNABLE = "(torch.nn.Linear, torch.nn.Conv1d, torch.nn.Conv2d, torch.nn.Conv3d)";

/** The fixes for a model with these layer types at this precision; `device` "unknown" gives every device's. */
export function torchFixes(types: Set<string>, target: Pick<RunTarget, "device" | "precision" | "autocast">, amount: number, options: { autocastSafe: boolean; channelsLastSafe?: boolean; rootType?: string }): TorchFix[] {
  const out: TorchFix[] = [];
  const present = (list: string[]) => list.filter((t) => types.has(t));
  const fp32 = target.precision === "fp32";
  const dynamic = present(DYNAMIC_TYPES);
  // quantize_dynamic swaps the submodules of the module it is given, never that module itself (torch.ao's convert
  // walks named_children): a model that is itself a Linear or LSTM comes back unchanged (seen running the fix on
  // `model = nn.Linear(1, 1)` with tools/check-fixes.mjs in PyTorch 1.13 and 2.11: identical output).
  const rootSwappable = options.rootType !== undefined && DYNAMIC_TYPES.includes(options.rootType);
  if (dynamic.length > 0 && fp32 && !rootSwappable) {
    const set = `{${dynamic.map((t) => `torch.nn.${t}`).join(", ")}}`;
    const comment = `# Greenlight GL001: int8 dynamic quantization of the ${dynamic.join("/")} layers (weights 4x smaller; CPU inference).`;
    out.push({
      kind: "dynamic-int8",
      action: "int8 dynamic quantization (torch.ao, CPU; deprecated)",
      devices: ["cpu"],
      covers: dynamic,
      precision: true,
      imports: [IMPORT_TORCH],
      comment,
      inline: (m) => [comment, `${m} = torch.ao.quantization.quantize_dynamic(${m}, ${set}, dtype=torch.qint8)`],
      helper: (u) => [`${u}"""${comment.slice(2)}"""`, `${u}return torch.ao.quantization.quantize_dynamic(model, ${set}, dtype=torch.qint8)`],
      helperPrefix: "quantized",
      after: (before) => ({ ...before, int8Linear: true }),
      weightBytes: 1,
    });
  }
  const castable = present(AUTOCAST_TYPES);
  if (castable.length > 0 && fp32 && options.autocastSafe) {
    // Channels-last only for 4-D weights: Module.to(memory_format=channels_last) refuses 5-D (Conv3d) ones; and not
    // where forward calls a `.view()` that raises on channels-last activations (memory-format.ts).
    const channelsLast = options.channelsLastSafe !== false && types.has("Conv2d") && !types.has("Conv3d") && !types.has("ConvTranspose3d");
    const comment = channelsLast
      ? "# Greenlight GL001: bf16 autocast on CUDA, convolutions channels-last (NHWC tensor-core kernels, no layout transposes)."
      : "# Greenlight GL001: bf16 autocast on CUDA (tensor-core matmuls; weights stay fp32, outputs are bf16).";
    // Only where CUDA is: a script that falls back to the CPU must keep running (PyTorch 1.13's autocast("cuda",
    // bfloat16) raises without CUDA even when disabled; seen running the fix with tools/check-fixes.mjs --torch).
    const autocast = (m: string, u: string) => ["if torch.cuda.is_available():", `${u}${m}.forward = torch.autocast(device_type="cuda", dtype=torch.bfloat16)(${m}.forward)`];
    out.push({
      kind: channelsLast ? "channels-last-bf16" : "autocast-bf16",
      action: channelsLast ? "channels-last bf16 autocast (CUDA)" : "bf16 autocast (CUDA)",
      devices: ["cuda"],
      covers: castable,
      precision: true,
      imports: [IMPORT_TORCH],
      comment,
      inline: (m, u) => [comment, ...(channelsLast ? [`${m} = ${m}.to(memory_format=torch.channels_last)`] : []), ...autocast(m, u)],
      helper: (u) => [`${u}"""${comment.slice(2)}"""`, ...(channelsLast ? [`${u}model = model.to(memory_format=torch.channels_last)`] : []), ...autocast("model", u).map((l) => u + l), `${u}return model`],
      helperPrefix: channelsLast ? "channels_last_bf16" : "autocast_bf16",
      after: (before) => ({ ...before, dtype: "bf16", channelsLast }),
    });
  }
  const linear = present(LINEAR_TYPES);
  if (linear.length > 0 && target.precision !== "fp16") {
    const comment = "# Greenlight GL001: int8 weight-only quantization of the Linear layers with torchao (weights 4x smaller; CUDA).";
    out.push({
      kind: "weight-only-int8",
      action: "int8 weight-only quantization (torchao, CUDA)",
      devices: ["cuda"],
      covers: linear,
      precision: true,
      imports: [{ statement: "from torchao.quantization import Int8WeightOnlyConfig, quantize_", binds: [["Int8WeightOnlyConfig", "torchao.quantization.Int8WeightOnlyConfig"], ["quantize_", "torchao.quantization.quantize_"]] }],
      comment,
      inline: (m) => [comment, `quantize_(${m}, Int8WeightOnlyConfig())`],
      helper: (u) => [`${u}"""${comment.slice(2)}"""`, `${u}quantize_(model, Int8WeightOnlyConfig())`, `${u}return model`],
      helperPrefix: "int8_weight_only",
      after: (before) => ({ ...before, linearWeightBits: 8 }),
      weightBytes: 1,
    });
  }
  if (linear.length > 0 && target.precision === "bf16" && !target.autocast) {
    // torchao's int4 tinygemm kernel takes bf16 weights on CUDA: offered to models already cast to bf16.
    const comment = "# Greenlight GL001: int4 weight-only quantization of the Linear layers with torchao (group size 128; bf16 on CUDA).";
    out.push({
      kind: "weight-only-int4",
      action: "int4 weight-only quantization (torchao, CUDA, bf16)",
      devices: ["cuda"],
      covers: linear,
      precision: true,
      imports: [{ statement: "from torchao.quantization import Int4WeightOnlyConfig, quantize_", binds: [["Int4WeightOnlyConfig", "torchao.quantization.Int4WeightOnlyConfig"], ["quantize_", "torchao.quantization.quantize_"]] }],
      comment,
      inline: (m) => [comment, `quantize_(${m}, Int4WeightOnlyConfig(group_size=128))`],
      helper: (u) => [`${u}"""${comment.slice(2)}"""`, `${u}quantize_(model, Int4WeightOnlyConfig(group_size=128))`, `${u}return model`],
      helperPrefix: "int4_weight_only",
      after: (before) => ({ ...before, linearWeightBits: 4 }),
      weightBytes: 0.5,
    });
  }
  const prunable = [...types].filter((t) => /^(Linear|Conv[123]d)$/.test(t));
  if (prunable.length > 0) {
    const percent = Math.round(amount * 100);
    const comment = `# Greenlight GL001: prune ${percent}% of the Linear/Conv weights by global L1 magnitude, then make it permanent.`;
    const note = "# Fine-tune a few epochs afterwards to recover accuracy; the zeros save energy with sparse kernels or compression.";
    const body = (m: string, u: string) => [
      `prune.global_unstructured([(m, "weight") for m in ${m}.modules() if isinstance(m, ${PRUNABLE})], pruning_method=prune.L1Unstructured, amount=${amount})`,
      `for pruned_module in ${m}.modules():`,
      `${u}if hasattr(pruned_module, "weight_orig"):`,
      `${u}${u}prune.remove(pruned_module, "weight")`,
    ];
    out.push({
      kind: "prune-l1",
      action: `prune ${percent}% of weights (global L1 magnitude)`,
      devices: ["cpu", "cuda", "mps", "unknown"],
      covers: prunable,
      precision: false,
      imports: [IMPORT_TORCH, IMPORT_PRUNE],
      comment,
      inline: (m, u) => [comment, note, ...body(m, u)],
      helper: (u) => [`${u}"""${comment.slice(2)}`, "", `${u}${note.slice(2)}`, `${u}"""`, ...body("model", u).map((l) => u + l), `${u}return model`],
      helperPrefix: "pruned",
      // Dense kernels run the zeros like any weight: the estimate does not change.
      after: () => undefined,
    });
  }
  return target.device === "unknown" ? out : out.filter((f) => f.devices.includes(target.device));
}

/** Layer types each precision fix covers, by kind, for reading what the code already applied. */
export function coveredByKind(kind: string, types: Set<string>): string[] {
  const pick = (list: string[]) => list.filter((t) => types.has(t));
  switch (kind) {
    case "dynamic-int8":
      return pick(DYNAMIC_TYPES);
    case "weight-only-int8":
    case "weight-only-int4":
      return pick(LINEAR_TYPES);
    case "autocast-bf16":
    case "channels-last-bf16":
      return pick(AUTOCAST_TYPES);
    default:
      return [];
  }
}

/** Layer types torch.autocast runs in 16 bits. */
export function autocastTypes(types: Set<string>): string[] {
  return AUTOCAST_TYPES.filter((t) => types.has(t));
}
