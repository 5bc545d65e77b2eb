import type { Expression, Statement } from "../python/ast";
import { afterImportsEdit, IMPORT_TORCH, importEdit, insertLinesAfter, insertLinesBefore, missingImports, wrapStatements, type ImportNeed } from "./edit-builders";
import type { AnalysisResult } from "../analysis-result";
import { importedTrainingCalls } from "./helper-runs";
import { kerasReference, usesKeras } from "./keras-models";
import { loopScalers } from "./loop-scalers";
import type { PythonFile } from "./python-file";
import { ruleHelpUri, type RawFinding, type Rule, type RuleContext } from "./rule-context";
import { autocastDisabled, autocastPrecision, defaultDtypeOf, falseAsWritten, isAutocastCall, mentionsAccelerator, precisionOfExpression, type RunPrecision } from "./run-target";
import { possibleValues } from "./static-values";
import { fp32Where, targetIsCpu } from "./target-wording";
import { calleeName, forEachExpression, forEachStatement, keywordArgument, ownExpressions, type CallExpression, type StatementPlace } from "../python/syntax-walk";
import type { Fix, TextEdit } from "./types";

const definition = {
  id: "GL003" as const,
  title: "GPU training in fp32 without mixed precision",
  defaultSeverity: "information" as const,
  rationale:
    "On GPUs with tensor cores, fp16/bf16 matrix multiplies run several times faster than fp32 and move half the bytes, " +
    "so a training step takes less time and energy. torch.autocast picks the precision per op and keeps sensitive ops in " +
    "fp32; GradScaler keeps small fp16 gradients from underflowing (bf16 does not need it).",
  fixKinds: ["autocast-bf16", "autocast-fp16", "keras-mixed-precision"],
  helpUri: ruleHelpUri("GL003"),
};

/** GL003: a training loop on a GPU in fp32, without autocast (PyTorch) or a mixed-precision policy (Keras). */
export const gl003MixedPrecision: Rule = { definition, check };

/**
 * What the file says about reduced precision that cannot be pinned to one loop: "on" when it sets it up (a GradScaler,
 * `.half()`, a model cast to a 16-bit dtype read through variables and configs, `torch_dtype=`, a Keras policy, an
 * autocast context kept in a variable, a framework's mixed-precision option); "off" when its only autocast is
 * disabled (`enabled=False`, or a flag or config field that is False by default); undefined when it says nothing.
 */
function mixedPrecisionSetting(file: PythonFile, pinned: Set<Expression>): { state: "on" | "off"; detail: string } | undefined {
  const withItems = new Set<Expression>();
  for (const { statement: s } of file.places) if (s.type === "with") for (const i of s.items) withItems.add(i.value);
  let off: string | undefined;
  for (const place of file.places) {
    for (const e of ownExpressions(place.statement)) {
      let on = false;
      // A GradScaler made disabled (`GradScaler(enabled=args.amp)` with the flag off by default) scales nothing.
      const disabledScalers = new Set<Expression>();
      forEachExpression(e, (x) => {
        if (on) return;
        if (x.type === "call" && calleeName(x) === "GradScaler") {
          const enabled = keywordArgument(x, "enabled");
          if (enabled && falseAsWritten(file, enabled, place)) {
            disabledScalers.add(x.func);
            off ??= file.text(x.pos);
          }
        }
        // A scaler that belongs to some loops says nothing of the others (loop-scalers.ts).
        if (disabledScalers.has(x) || pinned.has(x)) return;
        if ((x.type === "name" && x.id === "GradScaler") || (x.type === "attribute" && /^(GradScaler|set_global_policy|set_dtype_policy|set_policy)$/.test(x.name))) on = true;
        else if (x.type === "call" && x.func.type === "attribute" && /^(half|bfloat16)$/.test(x.func.name) && x.args.length === 0) on = true;
        else if (x.type === "call" && isAutocastCall(x) && !withItems.has(x)) {
          if (isHalf(autocastPrecision(file, x, place))) on = true;
          else off ??= file.text(x.pos);
        } else if (x.type === "call" && castsToHalf(file, x, place)) on = true;
      });
      if (on) return { state: "on", detail: "" };
    }
  }
  return off ? { state: "off", detail: off } : undefined;
}

/** Framework options that turn on 16-bit training, by keyword: Accelerate, Lightning, Hugging Face's Trainer. */
const FRAMEWORK_OPTIONS: Record<string, RegExp> = { mixed_precision: /^(fp16|bf16|fp8)$/, precision: /16|bf16/ };
const FRAMEWORK_FLAGS = ["bf16", "fp16", "tf32_full"];

/** A call that casts a model or sets training to 16 bits: `.to(torch.bfloat16)`, `.to(dtype=cfg.dtype)`,
 *  `from_pretrained(..., torch_dtype=...)`, `torch.set_default_dtype(...)`, `torch.set_default_tensor_type(...)`,
 *  `Accelerator(mixed_precision="bf16")`. */
function castsToHalf(file: PythonFile, call: CallExpression, place: StatementPlace): boolean {
  const half = (e: Expression) => {
    const p = precisionOfExpression(file, e, place);
    return p === "bf16" || p === "fp16";
  };
  const name = calleeName(call) ?? "";
  // A 16-bit default dtype or tensor type: the model built after it trains in that type (nano-llama31's
  // `torch.set_default_tensor_type(torch.cuda.BFloat16Tensor)`).
  if (defaultDtypeOf(file, call, place)) return true;
  for (const a of call.args) {
    // dtype= of a model load or cast (not of a tensor factory: an fp16 buffer is not fp16 training).
    if (a.kind === "keyword" && (a.name === "torch_dtype" || (a.name === "dtype" && /^(to|type|from_pretrained|from_config)$/.test(name))) && half(a.value)) return true;
    if (a.kind === "positional" && ["to", "type", "set_default_dtype"].includes(name) && half(a.value)) return true;
    if (a.kind === "keyword" && FRAMEWORK_OPTIONS[a.name]) {
      const values = possibleValues(file, a.value, place);
      if (values.some((v) => (v.type === "str" && FRAMEWORK_OPTIONS[a.name].test(v.value ?? "")) || (v.type === "int" && v.value === 16))) return true;
    }
    if (a.kind === "keyword" && FRAMEWORK_FLAGS.includes(a.name) && /TrainingArguments|Config$/.test(name)) {
      if (possibleValues(file, a.value, place).some((v) => v.type === "constant" && v.value === "True")) return true;
    }
  }
  return false;
}

/** A 16-bit autocast: CUDA autocast supports float16 and bfloat16 only (PyTorch 2 disables it, with a warning, for
 *  float32; PyTorch 1.13 runs the ops in float32), so `autocast(dtype=torch.float32)` is fp32 training. */
function isHalf(p: RunPrecision | undefined): boolean {
  return p === "bf16" || p === "fp16";
}

/** The autocast a training loop runs (part of) its step under (also one kept in a variable): "on" when one is
 *  enabled at 16 bits, else what one that is off as written is and why (disabled by default, or float32); undefined
 *  when the loop has none. */
function loopAutocast(file: PythonFile, loop: Statement): "on" | { off: string } | undefined {
  let on = false;
  let off: string | undefined;
  forEachStatement([loop], (place) => {
    const s = place.statement;
    if (s.type !== "with") return;
    for (const item of s.items) {
      for (const v of possibleValues(file, item.value, place)) {
        if (!isAutocastCall(v)) continue;
        if (isHalf(autocastPrecision(file, v, place))) on = true;
        else off ??= `${file.text(v.pos).replace(/\s+/g, " ")}) is ${autocastDisabled(file, v, place) ? "disabled as the script runs by default" : "set to float32, which computes in fp32"}`;
      }
    }
  });
  return on ? "on" : off !== undefined ? { off } : undefined;
}


/** An autograd backward: `loss.backward()` (keywords only: retain_graph=, gradient=) or `torch.autograd.backward(loss)`.
 *  A backward handed the loss (`engine.backward(loss)`: DeepSpeed, Accelerate, Fabric) is an engine's, whose precision
 *  is set in its config or constructor, not by autocast here; one handed other values is hand-written, not autograd. */
function isBackwardStatement(file: PythonFile, s: Statement): s is Extract<Statement, { type: "expression" }> & { value: CallExpression } {
  if (!(s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "backward")) return false;
  return !s.value.args.some((a) => a.kind === "positional") || file.qualify(s.value.func.object) === "torch.autograd";
}

/** NVIDIA apex's `amp.initialize` (mixed precision before torch.autocast): undefined when absent; `flag` is the
 *  condition it sits under (`args.fp16`), empty when it always runs. */
function apexAmp(file: PythonFile): { flag: string } | undefined {
  for (const { call, place } of file.calls) {
    if (file.qualifiedCallee(call) !== "apex.amp.initialize") continue;
    const guard = [...place.ancestors].reverse().find((a): a is Extract<Statement, { type: "if" }> => a.type === "if");
    return { flag: guard ? file.text(guard.test.pos) : "" };
  }
  return undefined;
}

function check(context: RuleContext): RawFinding[] {
  const { file } = context;
  const scalers = loopScalers(file);
  const setting = mixedPrecisionSetting(file, scalers.callees);
  if (setting?.state === "on") return [];
  const apex = apexAmp(file);
  if (apex && !apex.flag) return [];
  const findings: RawFinding[] = [];
  const backwards = file.places.filter((p): p is StatementPlace & { statement: Extract<Statement, { type: "expression" }> & { value: CallExpression } } => isBackwardStatement(file, p.statement));
  if (backwards.length > 0 && mentionsAccelerator(file, { cudaOnly: true })) {
    // One finding per training loop, at its first backward (a GAN's loop has one per network).
    const byLoop = new Map<Statement, BackwardPlace[]>();
    const loopOff = new Map<Statement, string>();
    for (const place of backwards) {
      const loops = place.ancestors.filter((a) => a.type === "for" || a.type === "while");
      const loop = loops[loops.length - 1];
      if (!loop) continue;
      // The loop scales its loss with a GradScaler: mixed precision set up there.
      if (scalers.loops.has(loop)) continue;
      const autocast = loopAutocast(file, loop);
      if (autocast === "on") continue;
      if (autocast) loopOff.set(loop, autocast.off);
      byLoop.set(loop, [...(byLoop.get(loop) ?? []), place]);
    }
    // PyTorch refuses BCELoss / F.binary_cross_entropy under autocast (a RuntimeError asking for the logits form),
    // so no one-click autocast while the file uses them (seen when running the fixed code on a GPU).
    const unsafeLoss = file.calls.some(({ call }) => ["BCELoss", "binary_cross_entropy"].includes(calleeName(call) ?? ""));
    // A run in float64 (training-plan.ts, float64-precision.ts): autocast leaves float64 ops as they are (pytorch.org/
    // docs/stable/amp.html, "Op Eligibility"), so an autocast fix would save nothing; float32 comes first.
    const planned = context.analysis?.training?.precision;
    const models = context.analysis?.models ?? [];
    const float64 = planned?.value === "fp64" ? `${planned.detail}, line ${planned.line}` : models.length > 0 && models.every((m) => m.weightsPrecision === "fp64") ? "its network's weights are float64" : undefined;
    for (const [loop, places] of byLoop) {
      if (float64) {
        findings.push({
          rule: "GL003",
          pos: places[0].statement.pos,
          message: `This training loop runs in float64 (${float64}): GPUs run float64 at a fraction of their float32 rate (1/64 on most GeForce and RTX parts), and torch.autocast leaves float64 ops as they are. Train in float32 first (drop the float64 cast or default), then mixed precision (no one-click fix: the inputs' dtype changes too).`,
          fixes: [],
        });
        continue;
      }
      // The loop has its own autocast, off as written: the way forward is to turn it on (a flag, a config), not a second one.
      const own = loopOff.get(loop);
      if (own !== undefined) {
        findings.push({
          rule: "GL003",
          pos: places[0].statement.pos,
          message: `This training loop runs ${fp32Where(context.settings.hardware)}: its autocast (${own}. Enabled with bfloat16 or float16 (and GradScaler), it would run the matmuls on tensor cores in less time and energy (no one-click fix: turn on the script's own setting).`,
          fixes: [],
        });
        continue;
      }
      findings.push({
        rule: "GL003",
        pos: places[0].statement.pos,
        message:
          `This training loop runs ${fp32Where(context.settings.hardware)}: torch.autocast (bf16, or fp16 with GradScaler) runs the matmuls on tensor cores in less time and energy.` +
          (setting?.state === "off" ? ` The file's mixed precision is off as written (${setting.detail.replace(/\s+/g, " ")}).` : "") +
          (unsafeLoss ? " BCELoss cannot run under autocast: switch to BCEWithLogitsLoss (drop the final Sigmoid) first." : "") +
          // A second mixed-precision set-up beside apex's would fight it: the way forward is to replace apex, by hand.
          (apex ? ` The file's apex amp runs only when ${apex.flag.replace(/\s+/g, " ")} is set; apex.amp is deprecated in favour of torch.autocast, which should replace it (no one-click fix beside apex).` : ""),
        fixes: unsafeLoss || apex ? [] : torchFixes(file, places),
      });
    }
  }
  if (backwards.length === 0 && mentionsAccelerator(file, { cudaOnly: true })) findings.push(...importedLoopFindings(file, context.analysis, context.settings.hardware));
  if (findings.length === 0 && usesKeras(file)) findings.push(...kerasFindings(file, context.settings.hardware));
  return findings;
}

/** A training loop in another workspace file, run from here on the GPU this file picks (`engine.train(model, ...,
 *  device=device)`): the finding is where the model and device are; the edit belongs in that loop, so no one-click fix. */
function importedLoopFindings(file: PythonFile, analysis: AnalysisResult | undefined, hardware: string): RawFinding[] {
  const seen = new Set<string>();
  const findings: RawFinding[] = [];
  for (const t of importedTrainingCalls(file, analysis)) {
    if (t.mixedPrecision || seen.has(`${t.file}:${t.backwardLine}`)) continue;
    seen.add(`${t.file}:${t.backwardLine}`);
    const where = `${t.file.slice(t.file.lastIndexOf("/") + 1)}:${t.backwardLine}`;
    findings.push({
      rule: "GL003",
      pos: t.call.pos,
      message: `${t.helper}() runs a training loop (${where}) ${fp32Where(hardware)}: torch.autocast (bf16, or fp16 with GradScaler) around its forward pass there runs the matmuls on tensor cores in less time and energy (no one-click fix: the loop is in that file).`,
      fixes: [],
    });
  }
  return findings;
}

type BackwardPlace = StatementPlace & { statement: Extract<Statement, { type: "expression" }> & { value: CallExpression } };

/** Wraps the forward part of each step: the statements before each backward (after the previous one) in one block. */
function wrapForwardParts(file: PythonFile, places: BackwardPlace[], header: string): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (let i = 0; i < places.length; i++) {
    let place: StatementPlace = places[i];
    if (i > 0 && places[i - 1].body !== place.body) return undefined;
    // A backward that opens a branch (`if is_train: loss.backward()`, a loop shared by training and validation):
    // the forward part is what the loop runs before that branch.
    const parent = place.ancestors[place.ancestors.length - 1];
    if (places.length === 1 && place.index === 0 && parent?.type === "if") {
      const outer = file.places.find((p) => p.statement === parent);
      if (outer && outer.ancestors[outer.ancestors.length - 1]?.type !== "function") place = outer;
    }
    let start = i === 0 ? 0 : places[i - 1].index + 1;
    // The previous step's optimizer.step() / scaler.update() stay outside the next forward part.
    while (start < place.index && isMethodStatement(place.body[start], ["step", "update"])) start++;
    const part = place.body.slice(start, place.index);
    if (part.length === 0 || part.some((s) => s.type === "function" || s.type === "class")) return undefined;
    const wrap = wrapStatements(file, part, header);
    if (!wrap) return undefined;
    edits.push(...wrap);
  }
  return edits;
}

/** True when the stepped object is made by a class that is not a torch.optim optimizer (a learning-rate wrapper
 *  around one): GradScaler.step() reads `param_groups` of a torch.optim.Optimizer, which such a wrapper lacks. */
function wrapsOptimizer(file: PythonFile, optimizer: Expression): boolean {
  if (optimizer.type !== "name") return false;
  return file.places.some(({ statement: s }) => {
    if (s.type !== "assign" || !s.targets.some((t) => t.type === "name" && t.id === optimizer.id) || s.value.type !== "call") return false;
    const q = file.qualify(s.value.func) ?? "";
    const last = q.slice(q.lastIndexOf(".") + 1);
    if (!/^[A-Z]/.test(last) || q.startsWith("torch.optim.")) return false;
    // A class of this file that derives from an optimizer is one.
    const own = file.syntax.body.find((x) => x.type === "class" && x.name === q);
    return !(own?.type === "class" && own.bases.some((b) => b.kind === "positional" && /Optimizer$/.test(file.qualify(b.value) ?? "")));
  });
}

function isMethodStatement(s: Statement, methods: string[]): boolean {
  return s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && methods.includes(s.value.func.name);
}

function torchFixes(file: PythonFile, places: BackwardPlace[]): Fix[] {
  const place = places[0];
  const torch = file.localNameOf("torch") ?? "torch";
  const imports: ImportNeed[] = file.localNameOf("torch") ? [] : [IMPORT_TORCH];
  const withImports = (edits: TextEdit[]) => {
    const i = importEdit(file, imports);
    return i ? [i, ...edits] : edits;
  };
  const fixes: Fix[] = [];
  const bf16 = wrapForwardParts(file, places, `with ${torch}.autocast(device_type="cuda", dtype=${torch}.bfloat16):`);
  if (bf16) fixes.push({ kind: "autocast-bf16", title: "Run the forward pass under torch.autocast (bf16)", edits: withImports(bf16) });

  // fp16 also needs GradScaler: scale the loss, step through the scaler, update it; the scaler is made before the loops.
  // Offered for loops with one backward (one scaler per optimizer set-up is beyond a one-click edit).
  if (places.length > 1) return fixes;
  const fp16 = wrapForwardParts(file, places, `with ${torch}.autocast(device_type="cuda", dtype=${torch}.float16):`);
  const backward = place.statement.value;
  const loss = backward.func.type === "attribute" ? backward.func.object : undefined;
  const stepIndex = place.body.findIndex(
    (s, i) => i > place.index && s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "step" && s.value.args.length === 0,
  );
  const step = place.body[stepIndex];
  const functionIndex = place.ancestors.map((a) => a.type).lastIndexOf("function");
  const outerLoop = place.ancestors.slice(functionIndex + 1).find((a) => a.type === "for" || a.type === "while");
  if (fp16 && loss && backward.args.length === 0 && step && step.type === "expression" && step.value.type === "call" && step.value.func.type === "attribute" && outerLoop && file.startsLine(outerLoop) && file.endsLine(step) && !wrapsOptimizer(file, step.value.func.object)) {
    const scaler = file.freshName("scaler");
    const optimizer = file.text(step.value.func.object.pos);
    const { source } = file;
    const stepIndent = source.indentation(step.pos.line - 1);
    const edits: TextEdit[] = [
      insertLinesBefore(file, outerLoop, [`${source.indentation(outerLoop.pos.line - 1)}${scaler} = ${torch}.amp.GradScaler("cuda")`]),
      ...fp16,
      { file: file.path, range: source.range(loss.pos.startIndex, loss.pos.startIndex), newText: `${scaler}.scale(` },
      { file: file.path, range: source.range(loss.pos.endIndex, loss.pos.endIndex), newText: ")" },
      { file: file.path, range: source.range(step.pos.startIndex, step.pos.endIndex), newText: `${scaler}.step(${optimizer})` },
      insertLinesAfter(file, step, [`${stepIndent}${scaler}.update()`]),
    ];
    fixes.push({ kind: "autocast-fp16", title: "Run the forward pass under torch.autocast (fp16) with GradScaler", edits: withImports(edits) });
  }
  return fixes;
}

function kerasFindings(file: PythonFile, hardware: string): RawFinding[] {
  const fit = file.calls.find(({ call }) => call.func.type === "attribute" && call.func.name === "fit");
  if (!fit) return [];
  const ref = kerasReference(file);
  const needs: ImportNeed[] = ref.needsTensorflowImport ? [{ statement: "import tensorflow as tf", binds: [["tf", "tensorflow"]] }] : [];
  const policy = `${ref.keras}.mixed_precision.set_global_policy("mixed_bfloat16")`;
  const comment = "# Greenlight GL003: mixed precision (bf16 compute, fp32 variables); set before the model is built.";
  // The policy must be set before any layer is built: right after the imports.
  const edit = afterImportsEdit(file, [...missingImports(file, needs), comment, policy]);
  const fixes: Fix[] = [{ kind: "keras-mixed-precision", title: "Set the Keras mixed_bfloat16 policy", edits: [edit] }];
  return [{ rule: "GL003", pos: fit.call.pos, message: `This Keras model trains in float32: ${targetIsCpu(hardware) ? `on a GPU (the selected hardware, ${hardware}, is a CPU, without tensor cores), ` : ""}the mixed_bfloat16 policy runs its layers on tensor cores in less time and energy.`, fixes }];
}

