import type { Expression, Statement } from "../python/ast";
import { afterImportsEdit, IMPORT_TORCH, importEdit, insertLinesAfter, insertLinesBefore, missingImports, wrapStatements, type ImportNeed } from "./edit-builders";
import { kerasReference, usesKeras } from "./keras-models";
import type { PythonFile } from "./python-file";
import { ruleHelpUri, type RawFinding, type Rule, type RuleContext } from "./rule-context";
import { calleeName, forEachExpression, forEachStatement, ownExpressions, type CallExpression, type StatementPlace } from "./syntax-walk";
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
 * True when the file sets reduced precision up in a way that cannot be pinned to one loop: a GradScaler, `.half()`,
 * a Keras policy, or an autocast context kept in a variable (`ctx = torch.autocast(...)`, used as `with ctx:`).
 */
function usesMixedPrecision(file: PythonFile): boolean {
  const withItems = new Set<Expression>();
  for (const { statement: s } of file.places) if (s.type === "with") for (const i of s.items) withItems.add(i.value);
  let found = false;
  for (const place of file.places) {
    for (const e of ownExpressions(place.statement)) {
      forEachExpression(e, (x) => {
        if (x.type === "name" && /^(GradScaler|mixed_precision)$/.test(x.id)) found = true;
        if (x.type === "attribute" && /^(GradScaler|mixed_precision|half|set_global_policy)$/.test(x.name)) found = true;
        if (x.type === "call" && isAutocast(x) && !withItems.has(x)) found = true;
      });
    }
  }
  return found;
}

function isAutocast(call: CallExpression): boolean {
  return (call.func.type === "name" && call.func.id === "autocast") || (call.func.type === "attribute" && call.func.name === "autocast");
}

/** True when a training loop already runs (part of) its step under `with ...autocast(...)`. */
function loopHasAutocast(loop: Statement): boolean {
  let found = false;
  forEachStatement([loop], ({ statement: s }) => {
    if (s.type === "with" && s.items.some((i) => i.value.type === "call" && isAutocast(i.value))) found = true;
  });
  return found;
}

/** True when the code (not comments) mentions CUDA: `.cuda()`, `"cuda"`, `torch.cuda...`. */
function usesCuda(file: PythonFile): boolean {
  let found = false;
  for (const place of file.places) {
    for (const e of ownExpressions(place.statement)) {
      forEachExpression(e, (x) => {
        // torch.accelerator (PyTorch 2.6+) picks CUDA when there is one.
        if ((x.type === "attribute" && (x.name === "cuda" || x.name === "accelerator")) || (x.type === "str" && x.value !== null && /^cuda(:\d+)?$/.test(x.value))) found = true;
      });
    }
  }
  return found;
}

function isBackwardStatement(s: Statement): s is Extract<Statement, { type: "expression" }> & { value: CallExpression } {
  return s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "backward";
}

function check(context: RuleContext): RawFinding[] {
  const { file } = context;
  if (usesMixedPrecision(file)) return [];
  const findings: RawFinding[] = [];
  const backwards = file.places.filter((p): p is StatementPlace & { statement: Extract<Statement, { type: "expression" }> & { value: CallExpression } } => isBackwardStatement(p.statement));
  if (backwards.length > 0 && usesCuda(file)) {
    // One finding per training loop, at its first backward (a GAN's loop has one per network).
    const byLoop = new Map<Statement, BackwardPlace[]>();
    for (const place of backwards) {
      const loops = place.ancestors.filter((a) => a.type === "for" || a.type === "while");
      const loop = loops[loops.length - 1];
      if (!loop || loopHasAutocast(loop)) continue;
      byLoop.set(loop, [...(byLoop.get(loop) ?? []), place]);
    }
    // PyTorch refuses BCELoss / F.binary_cross_entropy under autocast (a RuntimeError asking for the logits form),
    // so no one-click autocast while the file uses them (seen when running the fixed code on a GPU).
    const unsafeLoss = file.calls.some(({ call }) => ["BCELoss", "binary_cross_entropy"].includes(calleeName(call) ?? ""));
    for (const places of byLoop.values()) {
      findings.push({
        rule: "GL003",
        pos: places[0].statement.pos,
        message:
          "This training loop runs in fp32 on a GPU: torch.autocast (bf16, or fp16 with GradScaler) runs the matmuls on tensor cores in less time and energy." +
          (unsafeLoss ? " BCELoss cannot run under autocast: switch to BCEWithLogitsLoss (drop the final Sigmoid) first." : ""),
        fixes: unsafeLoss ? [] : torchFixes(file, places),
      });
    }
  }
  if (findings.length === 0 && usesKeras(file)) findings.push(...kerasFindings(file));
  return findings;
}

type BackwardPlace = StatementPlace & { statement: Extract<Statement, { type: "expression" }> & { value: CallExpression } };

/** Wraps the forward part of each step: the statements before each backward (after the previous one) in one block. */
function wrapForwardParts(file: PythonFile, places: BackwardPlace[], header: string): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (let i = 0; i < places.length; i++) {
    const place = places[i];
    if (i > 0 && places[i - 1].body !== place.body) return undefined;
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
  if (fp16 && loss && backward.args.length === 0 && step && step.type === "expression" && step.value.type === "call" && step.value.func.type === "attribute" && outerLoop && file.startsLine(outerLoop) && file.endsLine(step)) {
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

function kerasFindings(file: PythonFile): RawFinding[] {
  const fit = file.calls.find(({ call }) => call.func.type === "attribute" && call.func.name === "fit");
  if (!fit) return [];
  const ref = kerasReference(file);
  const needs: ImportNeed[] = ref.needsTensorflowImport ? [{ statement: "import tensorflow as tf", binds: [["tf", "tensorflow"]] }] : [];
  const policy = `${ref.keras}.mixed_precision.set_global_policy("mixed_bfloat16")`;
  const comment = "# Greenlight GL003: mixed precision (bf16 compute, fp32 variables); set before the model is built.";
  // The policy must be set before any layer is built: right after the imports.
  const edit = afterImportsEdit(file, [...missingImports(file, needs), comment, policy]);
  const fixes: Fix[] = [{ kind: "keras-mixed-precision", title: "Set the Keras mixed_bfloat16 policy", edits: [edit] }];
  return [{ rule: "GL003", pos: fit.call.pos, message: "This Keras model trains in float32: the mixed_bfloat16 policy runs its layers on tensor cores in less time and energy.", fixes }];
}

