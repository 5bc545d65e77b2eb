import type { ClassDefinition, Expression, FunctionDefinition, Statement } from "../python/ast";
import { formatCount } from "../report/format";
import type { ModelReport } from "../report/model-report";
import { importEdit, insertDefinitionAfter, insertLinesAfter, type ImportNeed } from "./edit-builders";
import { formatBytes, formatJoules, hasHelperOrReduction, isReduced, KERAS_QUANTIZABLE, shareText, summarize } from "./gl001-common";
import { torchFindings } from "./gl001-torch";
import { isKerasName, kerasModelClasses, kerasModelSites, kerasReference } from "./keras-models";
import { syntaxLayersBuiltIn, tfmotCanWrap } from "./keras-tfmot";
import { entryCallee, isBuilderSite, type ModelSite } from "./model-usage";
import type { PythonFile } from "./python-file";
import { hardwareFor } from "./energy-saving";
import { enclosingFunction } from "./run-target";
import { ruleHelpUri, type RawFinding, type Rule, type RuleContext } from "./rule-context";
import { calleeName, isMethodCall } from "../python/syntax-walk";
import type { Fix, TextEdit } from "./types";

/** Keras methods that train a model. */
const KERAS_TRAINING = ["fit", "fit_generator", "train_on_batch"];

const definition = {
  id: "GL001" as const,
  title: "Full-precision layers in an inference path",
  defaultSeverity: "information" as const,
  rationale:
    "Linear, convolution and recurrent layers hold almost all of a model's weights and FLOPs. Run in fp32 for inference they " +
    "move 4 bytes per weight. Where the model runs decides what helps: on CPU, int8 dynamic quantization of Linear and " +
    "recurrent layers; on a CUDA GPU, bf16 autocast (channels-last for convolutions) and torchao weight-only int8/int4 for " +
    "Linear layers. Each fix says which layers it changes and what the energy model expects it to save; pruning (fine-tune " +
    "afterwards) saves energy only with sparse kernels.",
  fixKinds: ["dynamic-int8", "autocast-bf16", "channels-last-bf16", "weight-only-int8", "weight-only-int4", "prune-l1", "keras-quantize", "keras-prune", "tflite-int8"],
  helpUri: ruleHelpUri("GL001"),
};

/** GL001: a model's Linear/Conv/LSTM layers run in fp32 where it is used for inference. */
export const gl001FullPrecision: Rule = { definition, check };

/**
 * True when a Keras model is a block of a bigger one, in the same function: kept in a list for it
 * (`blocks.append(stem)`) or passed to a Keras model or layer constructor (`Sequential([stem, head])`).
 */
function isComposed(file: PythonFile, site: ModelSite): boolean {
  const v = site.variable;
  const scope = enclosingFunction(site.place);
  const mentions = (e: Expression): boolean => (e.type === "name" && e.id === v) || ((e.type === "list" || e.type === "tuple") && e.items.some(mentions));
  return file.calls.some(({ call, place }) => {
    if (enclosingFunction(place) !== scope || !call.args.some((a) => mentions(a.value))) return false;
    const name = calleeName(call) ?? "";
    return ["append", "add", "extend", "insert"].includes(name) || (isKerasName(file.qualify(call.func)) && /^[A-Z]/.test(name));
  });
}

function check(context: RuleContext): RawFinding[] {
  const torch = torchFindings(context);
  // A Keras model wrapping torch layers is found both ways: the analyzer's torch reading wins.
  const keras = kerasFindings(context).filter((k) => !torch.some((t) => t.pos.startIndex === k.pos.startIndex));
  return [...torch, ...keras];
}

function withImports(file: PythonFile, needs: ImportNeed[], edits: TextEdit[]): TextEdit[] {
  const imports = importEdit(file, needs);
  return imports ? [imports, ...edits] : edits;
}

// ---- Keras -------------------------------------------------------------------------------------------------------

function kerasFindings(context: RuleContext): RawFinding[] {
  const { file } = context;
  const sites = kerasModelSites(file);
  const classes = kerasModelClasses(file);
  if (sites.length === 0 && classes.length === 0) return [];
  const fitted = (v: string) => file.methodCallsOn(v).some(({ call }) => isMethodCall(call, v, KERAS_TRAINING));
  const anyFit = file.calls.some(({ call }) => call.func.type === "attribute" && KERAS_TRAINING.includes(call.func.name));
  const findings: RawFinding[] = [];
  const ref = kerasReference(file);
  const tf = ref.tf ?? "tf";
  const tfImport: ImportNeed[] = ref.needsTensorflowImport || !ref.tf ? [{ statement: "import tensorflow as tf", binds: [["tf", "tensorflow"]] }] : [];
  const tfmot: ImportNeed = { statement: "import tensorflow_model_optimization as tfmot", binds: [["tfmot", "tensorflow_model_optimization"]] };
  const amount = context.settings.pruneAmount;

  for (const site of sites) {
    const v = site.variable;
    if (isReduced(file, site) || isBuilderSite(site) || isComposed(file, site)) continue;
    const report = kerasReportFor(context, site);
    const int8 = report ? tfliteFigures(context, report) : undefined;
    const used = file.calls.some(({ call }) => isMethodCall(call, v, ["predict", "evaluate", "save", "export"]) || (call.func.type === "name" && call.func.id === v));
    if (anyFit && !used) continue;
    if (!file.startsLine(site.statement)) continue;
    const indent = file.source.indentation(site.statement.pos.line - 1);
    const after = (lines: string[]) => insertLinesAfter(file, site.statement, lines.map((l) => indent + l));
    // tfmot wraps Sequential and functional models of built-in layers only (keras-tfmot.ts).
    const fixes: Fix[] = [
      {
        kind: "keras-quantize",
        title: withSaving("Quantization-aware int8 training (tfmot quantize_model)", int8),
        edits: withImports(file, [tfmot], [after([
          "# Greenlight GL001: quantization-aware int8 (tfmot); compile and fine-tune this model, then convert it with TFLite.",
          `${v} = tfmot.quantization.keras.quantize_model(${v})`,
        ])]),
      },
      {
        kind: "keras-prune",
        title: `Prune ${Math.round(amount * 100)}% of weights by magnitude (tfmot prune_low_magnitude); ${PRUNING_SAVING}`,
        edits: withImports(file, [tfmot], [
          after([
            `# Greenlight GL001: magnitude pruning to ${Math.round(amount * 100)}% sparsity; fit with callbacks=[tfmot.sparsity.keras.UpdatePruningStep()],`,
            `# then save tfmot.sparsity.keras.strip_pruning(${v}).`,
            `${v} = tfmot.sparsity.keras.prune_low_magnitude(${v}, pruning_schedule=tfmot.sparsity.keras.ConstantSparsity(${amount}, begin_step=0))`,
          ]),
          ...pruningCallbackEdits(file, v),
        ]),
      },
    ].filter((f) => {
      const nested = f.kind !== "keras-quantize";
      return syntaxLayersBuiltIn(file, site, nested) && tfmotCanWrap(report, nested);
    });
    // Post-training quantization goes after the last statement of this block that fits the model.
    // Up to the next statement that assigns the name again (then it is another model).
    const following: Statement[] = [];
    for (const s of site.place.body.slice(site.place.index + 1)) {
      if (assignsName(file, s, v)) break;
      following.push(s);
    }
    const lastFit = following.reverse().find((s) => file.methodCallsOn(v).some((c) => (c.place.statement === s || c.place.ancestors.includes(s)) && isMethodCall(c.call, v, KERAS_TRAINING)));
    const ptqAnchor = lastFit ?? (fitted(v) ? undefined : site.statement);
    if (ptqAnchor && file.endsLine(ptqAnchor)) {
      const converter = file.freshName("converter");
      fixes.push({
        kind: "tflite-int8",
        title: withSaving("Post-training int8 quantization with TFLite", int8),
        edits: withImports(file, tfImport, [insertLinesAfter(file, ptqAnchor, [
          "# Greenlight GL001: post-training dynamic-range int8 quantization with TFLite; deploy the .tflite bytes.",
          `${converter} = ${tf}.lite.TFLiteConverter.from_keras_model(${v})`,
          `${converter}.optimizations = [${tf}.lite.Optimize.DEFAULT]`,
          `${v}_tflite = ${converter}.convert()`,
        ].map((l) => indent + l))]),
      });
    }
    findings.push({
      rule: "GL001",
      pos: site.statement.pos,
      message: kerasMessage(`Keras model '${v}'`, report, int8),
      fixes,
    });
  }
  // Models the file only defines: subclasses of keras.Model, and builder functions the analyzer ran (`VGG16()`).
  const builders: (ClassDefinition | FunctionDefinition)[] = [...classes];
  for (const m of context.analysis?.models ?? []) {
    const callee = entryCallee(m);
    const fn = file.syntax.body.find((s): s is FunctionDefinition => s.type === "function" && s.name === callee);
    if (m.file === file.path && fn && summarize(m, KERAS_QUANTIZABLE).weights > 0 && !builders.includes(fn)) builders.push(fn);
  }
  for (const c of builders) {
    if (sites.some((s) => file.qualify(s.call.func) === c.name) || file.callsOf(c.name).length > 0 || anyFit || hasHelperOrReduction(file, c.name)) continue;
    const u = file.source.indentUnit;
    const report = (context.analysis?.models ?? []).find((m) => m.file === file.path && entryCallee(m) === c.name);
    const int8 = report ? tfliteFigures(context, report) : undefined;
    findings.push({
      rule: "GL001",
      pos: { ...c.pos, line: c.defLine, column: file.source.indentation(c.defLine - 1).length },
      message: kerasMessage(c.type === "class" ? `Keras model ${c.name}` : `The Keras model ${c.name}() builds`, report, int8),
      fixes: [
        {
          kind: "tflite-int8",
          title: withSaving(`Post-training int8 quantization with TFLite: add tflite_int8_${c.name}(model)`, int8),
          edits: withImports(file, tfImport, [insertDefinitionAfter(file, c, [
            `def tflite_int8_${c.name}(model):`,
            `${u}"""Greenlight GL001: post-training dynamic-range int8 quantization with TFLite; returns the .tflite bytes."""`,
            `${u}converter = ${tf}.lite.TFLiteConverter.from_keras_model(model)`,
            `${u}converter.optimizations = [${tf}.lite.Optimize.DEFAULT]`,
            `${u}return converter.convert()`,
          ])]),
        },
      ],
      suppressionLines: [c.defLine],
    });
  }
  return findings;
}

/** True when a statement (or one nested in it) assigns the name. */
function assignsName(file: PythonFile, s: Statement, name: string): boolean {
  return file.places.some((p) => (p.statement === s || p.ancestors.includes(s)) && p.statement.type === "assign" && p.statement.targets.some((t) => t.type === "name" && t.id === name));
}

/** The analyzer's report of the model a Keras site builds, when it has one. */
function kerasReportFor(context: RuleContext, site: ModelSite): ModelReport | undefined {
  const models = (context.analysis?.models ?? []).filter((m) => m.file === context.file.path);
  return models.find((m) => m.name === site.variable && m.line === site.statement.pos.line) ?? models.find((m) => entryCallee(m) === calleeName(site.call));
}

/** The energy model's estimate per inference before and after int8 Dense layers, on the CPU TFLite runs the model on. */
interface Int8Figures {
  before: number;
  after: number;
  /** The CPU profile, and the estimate's basis in the CodeLens's words ("cpu-x86-server, fp32, batch 1"). */
  hardware: string;
  basis: string;
}

/** Pruning stores zeros that dense kernels still multiply (TFLite and tfmot docs: the saving is in compressed size). */
const PRUNING_SAVING = "no energy saving with dense kernels by the energy model (the zeros are still multiplied)";

/**
 * int8 from TFLite (post-training, or a tfmot quantization-aware model once converted) runs in the TFLite interpreter on a
 * CPU (tensorflow.org/lite/performance/post_training_quantization), not on the GPU Keras trains on: both figures are the
 * energy model's on the first CPU profile (the selected one when it is a CPU), fp32 against int8 Dense layers.
 */
function tfliteFigures(context: RuleContext, report: ModelReport): Int8Figures | undefined {
  const hardware = hardwareFor(context.settings.hardware, "cpu");
  const before = context.estimateEnergy(report, hardware, { dtype: "fp32" });
  const after = before ? context.estimateEnergy(report, hardware, { dtype: "fp32", int8Linear: true }) : undefined;
  return before && after ? { before: before.joules, after: after.joules, hardware: before.hardware, basis: before.basis ?? before.hardware } : undefined;
}

/** What the energy model expects of int8, in a fix title's words. */
function savingText(f: Int8Figures): string {
  const figures = `${formatJoules(f.after)} instead of ${formatJoules(f.before)} on ${f.hardware}, energy model`;
  if (f.after < f.before * 0.99) return `saves ${Math.round((1 - f.after / f.before) * 100)}% energy per inference on a CPU (${figures})`;
  if (f.after > f.before * 1.01) return `not a saving: ${Math.round((f.after / f.before - 1) * 100)}% more energy per inference on a CPU (${figures}); offered for memory`;
  return `no energy saving per inference on a CPU (${formatJoules(f.before)} on ${f.hardware}, energy model); offered for memory`;
}

function withSaving(title: string, f: Int8Figures | undefined): string {
  return f ? `${title}; ${savingText(f)}` : title;
}

function kerasMessage(subject: string, report: ModelReport | undefined, int8: Int8Figures | undefined): string {
  const summary = report ? summarize(report, KERAS_QUANTIZABLE) : undefined;
  if (!report || !summary || summary.weights === 0) {
    return `${subject} runs in float32: int8 quantization stores its weights 4x smaller, and pruning removes the smallest ones. The analyzer could not run this model, so the energy model has no estimate of what int8 would save.`;
  }
  const share = shareText(report, summary.flopShare);
  // Weight memory: float32 stores 4 bytes per weight, int8 one (TFLite post-training quantization docs: "4x smaller").
  let text =
    `${subject} runs its ${[...summary.types].sort().join("/")} layers in float32 for inference: ${formatCount(summary.weights)} parameters${share ? `, ${share}` : ""}. ` +
    `int8 would store them in ${formatBytes(summary.weights)} instead of ${formatBytes(summary.weights * 4)} (4x smaller).`;
  if (int8) {
    // Small models are bound by launches, not weights: then int8 saves memory but no energy, and we say so.
    text += ` TFLite runs the int8 model on a CPU, where the energy model expects ` +
      (int8.after < int8.before * 0.99
        ? `about ${formatJoules(int8.after)} instead of ${formatJoules(int8.before)} per inference with int8 Dense layers (${int8.basis}).`
        : `no energy saving per inference at this size (${formatJoules(int8.before)} in float32, ${formatJoules(int8.after)} with int8 Dense layers, ${int8.basis}): the int8 fixes are offered for memory, not as a saving.`);
  }
  return text;
}

/** fit() fails on a pruned model without the UpdatePruningStep callback: add it to each `v.fit(...)` that has none. */
function pruningCallbackEdits(file: PythonFile, v: string): TextEdit[] {
  const callback = "tfmot.sparsity.keras.UpdatePruningStep()";
  const edits: TextEdit[] = [];
  for (const { call } of file.calls) {
    if (!isMethodCall(call, v, ["fit"]) || call.args.some((a) => a.kind === "doublestar")) continue;
    const callbacks = call.args.find((a) => a.kind === "keyword" && a.name === "callbacks")?.value;
    const last = call.args[call.args.length - 1];
    if (!callbacks && last) {
      edits.push({ file: file.path, range: file.source.range(last.value.pos.endIndex, last.value.pos.endIndex), newText: `, callbacks=[${callback}]` });
    } else if (callbacks?.type === "list") {
      const at = callbacks.pos.endIndex - 1; // before the closing bracket
      const lastItem = callbacks.items[callbacks.items.length - 1];
      const trailingComma = lastItem !== undefined && file.source.text.slice(lastItem.pos.endIndex, at).includes(",");
      edits.push({ file: file.path, range: file.source.range(at, at), newText: !lastItem ? callback : trailingComma ? ` ${callback}` : `, ${callback}` });
    }
  }
  return edits;
}
