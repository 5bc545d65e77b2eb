import type { Expression, Statement } from "../python/ast";
import type { PlacedCall, PythonFile } from "./python-file";
import { possibleValues } from "./static-values";
import { calleeName, forEachExpression, forEachStatement, keywordArgument, ownExpressions, positionalArgument, type CallExpression, type StatementPlace } from "../python/syntax-walk";

// Where a model runs and at what precision, as the script says: `.to(device)` with the device read through
// variables, flags and configs, `.cuda()`, `device_map=`, `.half()`, `.to(torch.bfloat16)`, `torch_dtype=`,
// autocast contexts around its calls. The rules offer only fixes that run there and quote estimates for it.

/** Where a model runs: a CUDA GPU (when the script finds one), the CPU, Apple's MPS, or not known. */
export type Device = "cuda" | "cpu" | "mps" | "unknown";
/** The precision of a model's weights and math: fp32, or cast (`.half()`) or autocast to a 16-bit type. */
export type RunPrecision = "fp32" | "bf16" | "fp16";

export interface RunTarget {
  device: Device;
  /** What the device was read from, for messages ("`.to(device)`, device = 'cuda' if available"). */
  deviceReason: string;
  precision: RunPrecision;
  /** True when the 16-bit precision comes from torch.autocast (weights stay fp32), false for a cast. */
  autocast: boolean;
  precisionReason?: string;
  /** The 1-based line that sets the precision (the cast, or the first call run under autocast). */
  precisionLine?: number;
  /** `model.to(memory_format=torch.channels_last)`: 4-D conv weights in NHWC. */
  channelsLast: boolean;
}

/** Methods that move or cast a module and return it. */
const PLACEMENT_METHODS = ["to", "cuda", "cpu", "half", "bfloat16", "float", "type", "to_empty", "mps"];

/** A device named by an expression the script evaluates (after following its variables and flags). */
export function deviceOfExpression(file: PythonFile, e: Expression, place: StatementPlace | undefined): Device {
  return deviceThrough(file, e, place, new Set());
}

// `opened` holds the `torch.device(...)` calls being read, so `device = torch.device(device)` (a parameter rebound
// to the device it names) reads its other values instead of recursing without end.
function deviceThrough(file: PythonFile, e: Expression, place: StatementPlace | undefined, opened: Set<Expression>): Device {
  const found = new Set<Device>();
  for (const v of possibleValues(file, e, place)) found.add(deviceOfValue(file, v, place, opened));
  // A script that picks CUDA when it is there (`"cuda" if torch.cuda.is_available() else "cpu"`) runs on the GPU
  // where there is one: the fixes offered must be right there (autocast on "cuda" only warns on a CPU-only box).
  if (found.has("cuda")) return "cuda";
  if (found.has("mps")) return "mps";
  if (found.has("cpu") && !found.has("unknown")) return "cpu";
  return "unknown";
}

function deviceOfValue(file: PythonFile, v: Expression, place: StatementPlace | undefined, opened: Set<Expression>): Device {
  if (v.type === "str") {
    const text = v.value ?? file.text(v.pos); // f-strings lower without a value: read their text
    if (/cuda|gpu/i.test(text)) return "cuda";
    if (/\bmps\b/.test(text)) return "mps";
    if (/^["']?cpu["']?$/.test(text.replace(/^[fr]/i, "")) || /\bcpu\b/.test(text)) return "cpu";
    return "unknown";
  }
  if (v.type === "int") return "cuda"; // `.to(0)`, `.cuda(0)`: a CUDA device index
  if (v.type === "call") {
    const q = file.qualify(v.func) ?? "";
    if (/(^|\.)device$/.test(q) && v.args[0] && v.args[0].kind !== "doublestar") {
      if (opened.has(v)) return "unknown";
      opened.add(v);
      return deviceThrough(file, v.args[0].value, place, opened);
    }
    if (/cuda\.current_device$|accelerator\.current_accelerator$/.test(q)) return "cuda";
  }
  if (v.type === "attribute") {
    // Hugging Face accelerate's `accelerator.device` is the GPU when there is one.
    if (v.name === "device" && v.object.type === "name" && /accelerator/i.test(v.object.id)) return "cuda";
  }
  return "unknown";
}

/** A dtype named by an expression: torch.bfloat16 / "bf16" / "bfloat16" → bf16, float16/half → fp16, float32 → fp32. */
export function precisionOfExpression(file: PythonFile, e: Expression, place: StatementPlace | undefined): RunPrecision | "unknown" {
  const found = new Set<RunPrecision | "unknown">();
  for (const v of possibleValues(file, e, place)) {
    // Strings as configs spell them ("bf16", "bfloat16", "bf16-mixed"), and torch's dtype attributes however imported.
    const text = v.type === "str" ? (v.value ?? "") : v.type === "attribute" || v.type === "name" ? (file.qualify(v) ?? "").replace(/^torch\./, "") : "";
    if (/^(bfloat16|bf16)$/i.test(text) || /^bf16[-_]/i.test(text)) found.add("bf16");
    else if (/^(float16|half|fp16|f16)$/i.test(text) || /^(fp)?16[-_]/i.test(text)) found.add("fp16");
    else if (/^(float32|float|fp32|f32)$/i.test(text)) found.add("fp32");
    else found.add("unknown");
  }
  // A config that lists several picks its default first; when they disagree, say unknown rather than guess.
  return found.size === 1 ? [...found][0] : "unknown";
}

/** The function a place sits in (undefined at module level). */
export function enclosingFunction(place: { ancestors: Statement[] }): Statement | undefined {
  for (let i = place.ancestors.length - 1; i >= 0; i--) if (place.ancestors[i].type === "function") return place.ancestors[i];
  return undefined;
}

/** True when the file's code (not comments) mentions a GPU: `.cuda()`, `"cuda"`, `torch.cuda`, torch.accelerator
 *  (PyTorch 2.6+, CUDA where there is one), and unless `cudaOnly`, `device_map=` and MPS. */
export function mentionsAccelerator(file: PythonFile, options: { cudaOnly?: boolean } = {}): boolean {
  const attributes = options.cudaOnly ? ["cuda", "accelerator"] : ["cuda", "accelerator", "mps"];
  const strings = options.cudaOnly ? /^cuda(:\d+)?$/ : /^(cuda|mps)(:\d+)?$/;
  for (const place of file.places) {
    for (const e of ownExpressions(place.statement)) {
      let found = false;
      forEachExpression(e, (x) => {
        if (x.type === "attribute" && attributes.includes(x.name)) found = true;
        if (x.type === "str" && strings.test(x.value ?? "")) found = true;
        if (!options.cudaOnly && x.type === "call" && x.args.some((a) => a.kind === "keyword" && a.name === "device_map")) found = true;
      });
      if (found) return true;
    }
  }
  return false;
}

/** True when the code at `index` sits in the branch of `branch` that the script's defaults never take: the body of an
 *  `if` whose test is False through every value it may hold (a store_true flag), or the else of one that is True. */
function branchNotTaken(file: PythonFile, branch: Extract<Statement, { type: "if" }>, index: number, place: StatementPlace | undefined): boolean {
  const inBody = branch.body.length > 0 && index >= branch.body[0].pos.startIndex && index <= branch.body[branch.body.length - 1].pos.endIndex;
  if (inBody) return falseAsWritten(file, branch.test, place);
  return branch.test.type === "unary" && branch.test.op === "not" && falseAsWritten(file, branch.test.operand, place);
}

/** Calls of `autocast` (torch.autocast, torch.amp.autocast, torch.cuda.amp.autocast). */
export function isAutocastCall(e: Expression): e is CallExpression {
  return e.type === "call" && ((e.func.type === "name" && e.func.id === "autocast") || (e.func.type === "attribute" && e.func.name === "autocast"));
}

/** An autocast call's `enabled` argument: by keyword, or by position (first of `torch.cuda.amp.autocast(enabled, dtype)`,
 *  third of `torch.autocast(device_type, dtype, enabled)`). */
export function autocastEnabledArgument(file: PythonFile, call: CallExpression): Expression | undefined {
  const legacy = /(cuda|cpu)\.amp\.autocast$/.test(file.qualify(call.func) ?? "");
  return keywordArgument(call, "enabled") ?? positionalArgument(call, legacy ? 0 : 2);
}

/** True when an autocast call is off as the script runs by default: its `enabled` is False through every value it
 *  may hold (`enabled=False`, an argparse `store_true` flag, a config field False by default). */
export function autocastDisabled(file: PythonFile, call: CallExpression, place: StatementPlace | undefined): boolean {
  const enabled = autocastEnabledArgument(file, call);
  return enabled !== undefined && falseAsWritten(file, enabled, place);
}

/** True when `e` is False through every value it may hold: the constant, or `x == "float16"` (`!=`) of literals
 *  (nanoGPT's `GradScaler(enabled=(dtype == "float16"))` with `dtype = "bfloat16"`). */
export function falseAsWritten(file: PythonFile, e: Expression, place: StatementPlace | undefined): boolean {
  const literal = (x: Expression) => (x.type === "str" ? `s:${x.value}` : x.type === "int" || x.type === "constant" ? `${x.type}:${file.text(x.pos)}` : undefined);
  const compareFalse = (c: Expression & { type: "compare" }) => {
    if (c.ops.length !== 1 || (c.ops[0] !== "==" && c.ops[0] !== "!=")) return false;
    const left = possibleValues(file, c.left, place).map(literal);
    const right = possibleValues(file, c.comparators[0], place).map(literal);
    if (left.includes(undefined) || right.includes(undefined)) return false;
    return left.every((l) => right.every((r) => (l === r) === (c.ops[0] === "!=")));
  };
  const values = e.type === "compare" ? [e] : possibleValues(file, e, place);
  return values.length > 0 && values.every((v) => (v.type === "constant" && v.value === "False") || (v.type === "compare" && compareFalse(v)));
}

/** What an autocast call runs at: its dtype, else the device's default (float16 on CUDA, bfloat16 on CPU); undefined when disabled. */
export function autocastPrecision(file: PythonFile, call: CallExpression, place: StatementPlace | undefined): RunPrecision | undefined {
  if (autocastDisabled(file, call, place)) return undefined;
  // Accelerate's `accelerator.autocast()` casts only as `Accelerator(mixed_precision=...)` says; "no" (the default)
  // leaves fp32 (training/accelerator-autocast.ts).
  const accelerators = call.func.type === "attribute" ? possibleValues(file, call.func.object, place) : [];
  if (accelerators.length > 0 && accelerators.every((v) => v.type === "call" && calleeName(v) === "Accelerator")) {
    const named = accelerators.map((v) => keywordArgument(v as CallExpression, "mixed_precision")).map((m) => (m ? possibleValues(file, m, place) : []));
    const precisions = new Set(named.map((vs) => (vs.length === 1 && vs[0].type === "str" && (vs[0].value === "fp16" || vs[0].value === "bf16") ? vs[0].value : undefined)));
    const only = precisions.size === 1 ? [...precisions][0] : undefined;
    return only === "fp16" || only === "bf16" ? only : undefined;
  }
  const dtype = keywordArgument(call, "dtype") ?? positionalArgument(call, 1);
  if (dtype) {
    const p = precisionOfExpression(file, dtype, place);
    if (p !== "unknown") return p;
  }
  const q = file.qualify(call.func) ?? "";
  // torch.cuda.amp.autocast's first argument is `enabled`, not a device.
  const deviceType = keywordArgument(call, "device_type") ?? (/(cuda|cpu)\.amp\.autocast$/.test(q) ? undefined : positionalArgument(call, 0));
  if (/cpu\.amp\.autocast$/.test(q)) return "bf16";
  if (deviceType && deviceOfExpression(file, deviceType, place) === "cpu") return "bf16";
  return "fp16";
}

/** The autocast precision a place runs under: a `with autocast(...)` around it, or `with ctx:` where ctx holds one. */
export function autocastAround(file: PythonFile, place: StatementPlace): RunPrecision | undefined {
  for (let i = place.ancestors.length - 1; i >= 0; i--) {
    const a = place.ancestors[i];
    const items: Expression[] = a.type === "with" ? a.items.map((x) => x.value) : a.type === "function" ? a.decorators : [];
    for (const item of items) {
      for (const v of possibleValues(file, item, place)) {
        if (isAutocastCall(v)) {
          const p = autocastPrecision(file, v, place);
          if (p) return p;
        }
      }
    }
  }
  return undefined;
}

/**
 * Where the model held by `variable` (built by `site`) runs and at what precision: what its construction chain and
 * the calls on it in the same function say, the autocast around its calls, else a CPU-only script's CPU.
 */
export function runTargetOf(file: PythonFile, variable: string, site: { statement: Statement; place: StatementPlace; call?: CallExpression }, runs: PlacedCall[], depth = 0): RunTarget {
  const scope = enclosingFunction(site.place);
  const calls: { call: CallExpression; place: StatementPlace }[] = [];
  // The construction chain: `Net().to(device).half()` and `from_pretrained(..., device_map=..., torch_dtype=...)`.
  if (site.statement.type === "assign") {
    forEachExpression(site.statement.value, (x) => x.type === "call" && calls.push({ call: x, place: site.place }));
  }
  for (const c of file.methodCallsOn(variable)) {
    if (enclosingFunction(c.place) === scope && c.call.func.type === "attribute" && PLACEMENT_METHODS.includes(c.call.func.name) && c.call.pos.startIndex > site.statement.pos.startIndex) calls.push(c);
  }
  let device: Device | undefined;
  let deviceReason = "";
  let precision: RunPrecision = "fp32";
  let autocast = false;
  let precisionReason: string | undefined;
  let precisionLine: number | undefined;
  let channelsLast = false;
  const setDeviceAt = (d: Device, reason: string) => {
    if (d === "unknown" && device !== undefined) return;
    device = d;
    deviceReason = reason;
  };
  for (const { call, place } of calls) {
    const castBefore = precisionReason;
    const method = call.func.type === "attribute" ? call.func.name : undefined;
    const text = file.text(call.pos).replace(/\s+/g, " ");
    const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    // A move under a condition the model's construction is not under (`if args.cuda: model.cuda()`) happens only
    // then: the reason says when, so a finding does not state a flag's branch as what always runs.
    const conditions = place.ancestors.filter((a): a is Extract<Statement, { type: "if" }> => a.type === "if" && !site.place.ancestors.includes(a));
    const condition = conditions.map((c) => file.text(c.test.pos).replace(/\s+/g, " ")).join(" and ");
    const when = condition === "" ? "" : ` when ${condition.length > 60 ? `${condition.slice(0, 57)}...` : condition}`;
    const setDevice = (d: Device, reason: string) => setDeviceAt(d, `${reason}${when}`);
    // A cast under a branch the defaults never take (`if args.half: model.half()` with a store_true flag) does not
    // happen as the script runs; a move there still says when, as above.
    const castSkipped = conditions.some((c) => branchNotTaken(file, c, call.pos.startIndex, place));
    const deviceMap = keywordArgument(call, "device_map");
    if (deviceMap) setDevice(deviceOfMap(file, deviceMap, place), `device_map= in ${short}`);
    const dtype = keywordArgument(call, "torch_dtype") ?? (method === "to" ? keywordArgument(call, "dtype") : keywordArgument(call, "dtype"));
    if (method === "cuda") setDevice("cuda", ".cuda()");
    else if (method === "cpu") setDevice("cpu", ".cpu()");
    else if (method === "mps") setDevice("mps", ".mps()");
    else if (castSkipped && (method === "half" || method === "bfloat16" || method === "float")) continue;
    else if (method === "half") [precision, precisionReason] = ["fp16", ".half()"];
    else if (method === "bfloat16") [precision, precisionReason] = ["bf16", ".bfloat16()"];
    else if (method === "float") [precision, precisionReason] = ["fp32", ".float()"];
    else if (method === "to" || method === "type") {
      for (const a of call.args) {
        if (a.kind !== "positional" && !(a.kind === "keyword" && (a.name === "device" || a.name === "dtype"))) continue;
        const p = a.kind === "keyword" && a.name === "device" ? "unknown" : precisionOfExpression(file, a.value, place);
        if (p !== "unknown") {
          if (!castSkipped) [precision, precisionReason] = [p, short];
          continue;
        }
        if (a.kind === "keyword" && a.name === "dtype") continue;
        const d = deviceOfExpression(file, a.value, place);
        setDevice(d, short);
      }
    }
    const format = keywordArgument(call, "memory_format");
    if (method === "to" && format && /channels_last$/.test(file.qualify(format) ?? "")) channelsLast = true;
    if (dtype && method !== "to" && !castSkipped) {
      const p = precisionOfExpression(file, dtype, place);
      if (p !== "unknown") [precision, precisionReason] = [p, short];
    }
    if (precisionReason !== castBefore) precisionLine = call.pos.line;
  }
  // Cast where it is made: a default dtype set before it, a class that casts itself, a factory that returns it cast.
  if (precisionReason === undefined) {
    const made = castWhereMade(file, site, depth);
    if (made) {
      [precision, precisionReason, precisionLine] = [made.precision, made.reason, made.line];
      if (made.device && device === undefined) setDeviceAt(made.device, made.reason);
    }
  }
  // `model.forward = torch.autocast(...)(model.forward)` (GL001's own fix) and autocast around each run.
  for (const place of file.places) {
    const s = place.statement;
    if (s.type !== "assign" || !s.targets.some((t) => t.type === "attribute" && t.name === "forward" && t.object.type === "name" && t.object.id === variable)) continue;
    if (s.value.type === "call" && isAutocastCall(s.value.func)) {
      const p = autocastPrecision(file, s.value.func, place);
      if (p) [precision, autocast, precisionReason, precisionLine] = [p, true, "torch.autocast around its forward", s.pos.line];
    }
  }
  if (precision === "fp32" && runs.length > 0) {
    const under = runs.map((r) => autocastAround(file, r.place));
    const p = under[0];
    if (p && under.every((x) => x === p)) [precision, autocast, precisionReason, precisionLine] = [p, true, "its calls run under torch.autocast", runs[0].call.pos.line];
  }
  if (device === undefined) {
    if (!mentionsAccelerator(file)) setDeviceAt("cpu", "nothing in the script moves it to a GPU");
    else setDeviceAt("unknown", "the script uses a GPU, but where this model goes is not clear from the code");
  }
  return { device: device ?? "unknown", deviceReason, precision, autocast, precisionReason, precisionLine, channelsLast };
}

/** The 16-bit type a default-dtype call sets for what is built after it: `torch.set_default_dtype(torch.bfloat16)`,
 *  `torch.set_default_tensor_type(torch.cuda.BFloat16Tensor)` (which also puts new tensors on CUDA), per PyTorch's docs. */
export function defaultDtypeOf(file: PythonFile, call: CallExpression, place: StatementPlace | undefined): { precision: RunPrecision; cuda: boolean } | undefined {
  const name = calleeName(call);
  const arg = positionalArgument(call, 0) ?? keywordArgument(call, name === "set_default_dtype" ? "d" : "t");
  if (!arg || (name !== "set_default_dtype" && name !== "set_default_tensor_type")) return undefined;
  if (name === "set_default_dtype") {
    const p = precisionOfExpression(file, arg, place);
    return p === "bf16" || p === "fp16" ? { precision: p, cuda: false } : undefined;
  }
  for (const v of possibleValues(file, arg, place)) {
    const text = v.type === "str" ? (v.value ?? "") : (file.qualify(v) ?? "");
    const m = /(BFloat16|Half)Tensor$/.exec(text);
    if (m) return { precision: m[1] === "Half" ? "fp16" : "bf16", cuda: /(^|\.)cuda\./.test(text) };
  }
  return undefined;
}

/** How a model is made 16-bit where it is made, not by the calls on its variable: a default dtype set before its
 *  construction (in its function or at module level), a class whose `__init__` casts itself (`self.half()`, or each
 *  of `self.modules()`), or a factory function of the file that returns it cast (`net = net.half().cuda(); return net`). */
function castWhereMade(file: PythonFile, site: { statement: Statement; place: StatementPlace; call?: CallExpression }, depth: number): { precision: RunPrecision; reason: string; line: number; device?: Device } | undefined {
  const scope = enclosingFunction(site.place);
  let found: { precision: RunPrecision; reason: string; line: number; device?: Device } | undefined;
  for (const { call, place } of file.calls) {
    if (found || call.pos.startIndex >= site.statement.pos.startIndex) continue;
    const where = enclosingFunction(place);
    if (where !== undefined && where !== scope) continue;
    const d = defaultDtypeOf(file, call, place);
    if (d) found = { precision: d.precision, reason: file.text(call.pos).replace(/\s+/g, " "), line: call.pos.line, device: d.cuda ? "cuda" : undefined };
  }
  if (found) return found;
  // The constructor under a chain of moves (`CifarNet().cuda().to(memory_format=...)`).
  let value = site.statement.type === "assign" ? site.statement.value : undefined;
  while (value?.type === "call" && value.func.type === "attribute" && value.func.object.type === "call") value = value.func.object;
  if (value?.type !== "call" || value.func.type !== "name") return undefined;
  const callee = value.func.id;
  const definition = file.syntax.body.find((x) => (x.type === "class" || x.type === "function") && x.name === callee);
  if (definition?.type === "class") {
    const init = definition.body.find((x): x is Extract<Statement, { type: "function" }> => x.type === "function" && x.name === "__init__");
    return init ? selfCast(file, init) : undefined;
  }
  if (definition?.type !== "function" || depth > 0) return undefined;
  // A factory: what the name it returns holds, as it is built and cast there.
  let result: { precision: RunPrecision; reason: string; line: number; device?: Device } | undefined;
  forEachStatement(definition.body, (place) => {
    const r = place.statement;
    if (result || r.type !== "return" || r.value?.type !== "name" || place.ancestors.some((a) => a.type === "function" && a !== definition)) return;
    const returned = r.value.id;
    // Its last assignment before the return (`net = net.half().cuda()` after `net = Net()`).
    const built = file.places.filter((p) => p.statement.type === "assign" && enclosingFunction(p) === definition && p.statement.pos.startIndex < r.pos.startIndex && p.statement.targets.some((t) => t.type === "name" && t.id === returned)).pop();
    if (!built) return;
    const inner = runTargetOf(file, returned, { statement: built.statement, place: built }, [], depth + 1);
    if (inner.precision !== "fp32" && !inner.autocast) result = { precision: inner.precision, reason: `${inner.precisionReason ?? "cast"} in ${callee}()`, line: inner.precisionLine ?? built.statement.pos.line, device: inner.device === "unknown" ? undefined : inner.device };
  });
  return result;
}

/** A 16-bit cast an `__init__` applies to the module itself: `self.half()`, `self.to(torch.bfloat16)`, or each module
 *  of a loop over `self.modules()`/`self.children()` (norm layers kept in fp32 beside it do not change the matmuls). */
function selfCast(file: PythonFile, init: Extract<Statement, { type: "function" }>): { precision: RunPrecision; reason: string; line: number } | undefined {
  let found: { precision: RunPrecision; reason: string; line: number } | undefined;
  forEachStatement(init.body, (place) => {
    if (found) return;
    const loops = place.ancestors.filter((a): a is Extract<Statement, { type: "for" }> => a.type === "for" && a.iter.type === "call" && a.iter.func.type === "attribute" && /^(modules|children)$/.test(a.iter.func.name) && a.iter.func.object.type === "name" && a.iter.func.object.id === "self");
    const loopVariables = new Set(loops.flatMap((l) => (l.target.type === "name" ? [l.target.id] : [])));
    for (const e of ownExpressions(place.statement)) {
      forEachExpression(e, (x) => {
        if (found || x.type !== "call" || x.func.type !== "attribute" || x.func.object.type !== "name") return;
        const receiver = x.func.object.id;
        if (receiver !== "self" && !loopVariables.has(receiver)) return;
        const method = x.func.name;
        const dtype = method === "to" || method === "type" ? positionalArgument(x, 0) ?? keywordArgument(x, "dtype") : undefined;
        const p = method === "half" ? "fp16" : method === "bfloat16" ? "bf16" : dtype ? precisionOfExpression(file, dtype, place) : "unknown";
        if (p === "fp16" || p === "bf16") found = { precision: p, reason: `${file.text(x.pos)} in ${init.name === "__init__" ? "its __init__" : init.name}`, line: x.pos.line };
      });
    }
  });
  return found;
}

/** `device_map="auto"`/`"cuda"`/`{"": 0}` put a Hugging Face model on the GPU; `"cpu"` on the CPU. */
function deviceOfMap(file: PythonFile, e: Expression, place: StatementPlace): Device {
  const values = possibleValues(file, e, place);
  if (values.some((v) => v.type === "str" && v.value === "auto")) return "cuda";
  if (values.some((v) => v.type === "dict")) {
    const d = values.find((v): v is Extract<Expression, { type: "dict" }> => v.type === "dict")!;
    const targets = d.items.flatMap((i) => ("value" in i ? [i.value] : []));
    if (targets.some((t) => t.type === "int" || (t.type === "str" && /cuda/.test(t.value ?? "")))) return "cuda";
  }
  return deviceOfExpression(file, e, place);
}
