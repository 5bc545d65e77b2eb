import type { ClassDefinition, Expression, FunctionDefinition, Statement } from "../python/ast";
import { formatCount } from "../report/format";
import type { ModelReport } from "../report/model-report";
import { IMPORT_TORCH, importEdit, insertDefinitionAfter, insertDefinitionBefore, insertLinesAfter, type ImportNeed } from "./edit-builders";
import { isKerasName, kerasModelClasses, kerasModelSites, kerasReference } from "./keras-models";
import {
  assignmentsFromCalls,
  callsEval,
  entryCallee,
  hasTorchTraining,
  inferenceCalls,
  isExported,
  isBuilderSite,
  isTrained,
  readyStatement,
  rootClass,
  type ModelSite,
} from "./model-usage";
import type { PlacedCall, PythonFile } from "./python-file";
import { ruleHelpUri, type RawFinding, type Rule, type RuleContext } from "./rule-context";
import { calleeName, isMethodCall } from "./syntax-walk";
import type { Fix, TextEdit } from "./types";

/** Layers whose weights int8 quantization or pruning shrinks (the analyzer's layer type names). */
const QUANTIZABLE = /^(Linear|LazyLinear|Bilinear|Conv[123]d|LazyConv[123]d|ConvTranspose[123]d|LSTM|GRU|RNN|LSTMCell|GRUCell|RNNCell)$/;
/** The same for Keras layers (the Keras frontend's layer type names). */
const KERAS_QUANTIZABLE = /^(Dense|EinsumDense|Conv[123]D|Conv[123]DTranspose|DepthwiseConv[12]D|SeparableConv[12]D|LSTM|GRU|SimpleRNN)$/;
/** What torch.ao.quantization.quantize_dynamic converts by default (its default dynamic quant module mappings). */
const DYNAMIC_TYPES = ["Linear", "LSTM", "GRU", "LSTMCell", "GRUCell", "RNNCell"];
/** torchao's quantize_ with Int8WeightOnlyConfig converts nn.Linear (its default filter_fn is `_is_linear`). */
const WEIGHT_ONLY_TYPES = ["Linear"];
const PRUNABLE = "(torch.nn.Linear, torch.nn.Conv1d, torch.nn.Conv2d, torch.nn.Conv3d)";

/** Calls that mean a model is already quantized, pruned or converted; seen on the model, GL001 stays quiet. */
const REDUCING_CALLS = new Set([
  "quantize_dynamic", "quantize_", "quantize", "prepare", "prepare_fx", "prepare_qat", "prepare_qat_fx", "convert", "convert_fx",
  "global_unstructured", "l1_unstructured", "ln_structured", "random_unstructured", "random_structured",
  "quantize_model", "quantize_apply", "prune_low_magnitude", "from_keras_model", "half", "bfloat16",
]);
const HELPER_PREFIXES = ["quantized", "int8_weight_only", "pruned", "quantization_aware", "tflite_int8"];
/** Keras methods that train a model. */
const KERAS_TRAINING = ["fit", "fit_generator", "train_on_batch"];

const definition = {
  id: "GL001" as const,
  title: "Full-precision layers in an inference path",
  defaultSeverity: "information" as const,
  rationale:
    "Linear, convolution and recurrent layers hold almost all of a model's weights and FLOPs. Run in fp32 for inference they " +
    "move 4 bytes per weight; int8 quantization moves 1, so weight memory and memory traffic shrink about 4x, and on hardware " +
    "with int8 kernels the energy per inference drops with it. Pruning removes the smallest weights (fine-tune afterwards).",
  fixKinds: ["dynamic-int8", "weight-only-int8", "prune-l1", "keras-quantize", "keras-prune", "tflite-int8"],
  helpUri: ruleHelpUri("GL001"),
};

/** GL001: a model's Linear/Conv/LSTM layers run in fp32 where it is used for inference. */
export const gl001FullPrecision: Rule = { definition, check };

interface Summary {
  types: Set<string>;
  weights: number;
  flopShare: number | undefined;
}

function summarize(model: ModelReport, kinds: RegExp = QUANTIZABLE): Summary {
  const layers = model.layers.filter((l) => l.leaf && kinds.test(l.type));
  const flops = layers.reduce((sum, l) => sum + l.flops, 0);
  return {
    types: new Set(layers.map((l) => l.type)),
    weights: layers.reduce((sum, l) => sum + l.params, 0),
    flopShare: model.flops > 0 ? flops / model.flops : undefined,
  };
}

function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

function formatJoules(j: number): string {
  if (j >= 1) return `${j.toPrecision(3)} J`;
  if (j >= 1e-3) return `${(j * 1e3).toPrecision(3)} mJ`;
  return `${(j * 1e6).toPrecision(3)} µJ`;
}

function message(context: RuleContext, subject: string, model: ModelReport, summary: Summary, precision = "fp32"): string {
  const kinds = [...summary.types].sort().join("/");
  const share = summary.flopShare === undefined ? "" : `, ${(summary.flopShare * 100).toFixed(summary.flopShare > 0.999 ? 1 : 0)}% of its FLOPs`;
  // Weight memory: fp32 stores 4 bytes per weight, int8 one (PyTorch quantization docs: "4x reduction in model size").
  let text =
    `${subject} runs its ${kinds} layers in ${precision} for inference: ${formatCount(summary.weights)} parameters${share}. ` +
    `int8 would store them in ${formatBytes(summary.weights)} instead of ${formatBytes(summary.weights * 4)} (4x smaller)`;
  const energy = context.estimateEnergy?.(model);
  if (energy && energy.fp32Joules > 0) {
    const on = energy.hardware ? ` on ${energy.hardware}` : "";
    // Small models are bound by launches, not weights: then int8 saves memory but no energy, and we say so.
    text +=
      energy.int8Joules < energy.fp32Joules * 0.99
        ? `; with int8 Linear layers about ${formatJoules(energy.int8Joules)} instead of ${formatJoules(energy.fp32Joules)} per inference${on} (energy model)`
        : `; the energy model expects no energy saving per inference${on} at this size (${formatJoules(energy.fp32Joules)}, not bound by weights)`;
  }
  return `${text}.`;
}

/** True when the file already quantizes, prunes or halves this variable, or calls a Greenlight helper on it. */
function isReduced(file: PythonFile, site: ModelSite): boolean {
  const variable = site.variable;
  // The same name in another function is another model (two builders that both say `model = ...`), and so is
  // the same name assigned again later: a reducing call counts up to the end of the next assignment of the name.
  const scope = enclosingFunction(site.place);
  const start = site.statement.pos.endIndex;
  const next = file.places.find(
    (p) => p.statement.pos.startIndex >= start && enclosingFunction(p) === scope && p.statement.type === "assign" && p.statement.targets.some((t) => t.type === "name" && t.id === variable),
  );
  const end = next ? next.statement.pos.endIndex : Infinity;
  const inScope = (c: PlacedCall) => enclosingFunction(c.place) === scope && c.call.pos.startIndex >= start && c.call.pos.startIndex <= end;
  if (file.methodCallsOn(variable).some((c) => inScope(c) && isMethodCall(c.call, variable, ["half", "bfloat16"]))) return true;
  const word = new RegExp(`\\b${variable}\\b`);
  return reducingCalls(file).some((c) => inScope(c) && c.call.args.some((a) => word.test(file.text(a.value.pos))));
}

function enclosingFunction(place: { ancestors: Statement[] }): Statement | undefined {
  for (let i = place.ancestors.length - 1; i >= 0; i--) if (place.ancestors[i].type === "function") return place.ancestors[i];
  return undefined;
}

const reducingCallsOf = new WeakMap<PythonFile, PlacedCall[]>();

/** Calls of quantize/prune/convert APIs or Greenlight helpers in the file (found once per file). */
function reducingCalls(file: PythonFile): PlacedCall[] {
  let calls = reducingCallsOf.get(file);
  if (!calls) {
    calls = file.calls.filter(({ call }) => {
      const name = calleeName(call);
      return name !== undefined && (REDUCING_CALLS.has(name) || HELPER_PREFIXES.some((p) => name.startsWith(`${p}_`)));
    });
    reducingCallsOf.set(file, calls);
  }
  return calls;
}

/** True when the file defines a Greenlight helper for this name (`quantized_Net`). */
function hasHelper(file: PythonFile, name: string): boolean {
  return file.places.some(({ statement: s }) => s.type === "function" && HELPER_PREFIXES.some((p) => s.name === `${p}_${name}`));
}

/** True when the file defines a Greenlight helper for this class or calls any quantize/prune API at all. */
function hasHelperOrReduction(file: PythonFile, className: string): boolean {
  if (hasHelper(file, className)) return true;
  // A reduction of this class's model outside the Greenlight helpers (whose calls name `model`, not the class).
  const word = new RegExp(`\\b${className}\\b`);
  return reducingCalls(file).some(({ call }) => call.args.some((a) => word.test(file.text(a.value.pos))));
}

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

// ---- PyTorch -----------------------------------------------------------------------------------------------------

interface TorchFixText {
  kind: string;
  title: string;
  imports: ImportNeed[];
  comment: string;
  /** Statements applied to `model`, in place or reassigning it. */
  inline: (model: string, unit: string) => string[];
  /** The helper's body lines (one indentation unit deep), ending in a return. */
  helper: (unit: string) => string[];
  helperPrefix: string;
}

function torchFixTexts(summary: Summary, amount: number): TorchFixText[] {
  const out: TorchFixText[] = [];
  const dynamic = DYNAMIC_TYPES.filter((t) => summary.types.has(t));
  if (dynamic.length > 0) {
    const set = `{${dynamic.map((t) => `torch.nn.${t}`).join(", ")}}`;
    const comment = `# Greenlight GL001: int8 dynamic quantization of the ${dynamic.join("/")} layers (weights 4x smaller; runs on CPU).`;
    out.push({
      kind: "dynamic-int8",
      title: `Quantize ${dynamic.join("/")} layers to int8 (torch.ao dynamic quantization)`,
      imports: [IMPORT_TORCH],
      comment,
      inline: (m) => [comment, `${m} = torch.ao.quantization.quantize_dynamic(${m}, ${set}, dtype=torch.qint8)`],
      helper: (u) => [`${u}"""${comment.slice(2)}"""`, `${u}return torch.ao.quantization.quantize_dynamic(model, ${set}, dtype=torch.qint8)`],
      helperPrefix: "quantized",
    });
  }
  if (WEIGHT_ONLY_TYPES.some((t) => summary.types.has(t))) {
    const comment = "# Greenlight GL001: int8 weight-only quantization of the Linear layers with torchao (weights 4x smaller).";
    out.push({
      kind: "weight-only-int8",
      title: "Quantize Linear weights to int8 (torchao weight-only)",
      imports: [{ statement: "from torchao.quantization import Int8WeightOnlyConfig, quantize_", binds: [["Int8WeightOnlyConfig", "torchao.quantization.Int8WeightOnlyConfig"], ["quantize_", "torchao.quantization.quantize_"]] }],
      comment,
      inline: (m) => [comment, `quantize_(${m}, Int8WeightOnlyConfig())`],
      helper: (u) => [`${u}"""${comment.slice(2)}"""`, `${u}quantize_(model, Int8WeightOnlyConfig())`, `${u}return model`],
      helperPrefix: "int8_weight_only",
    });
  }
  if ([...summary.types].some((t) => /^(Linear|Conv[123]d)$/.test(t))) {
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
      title: `Prune ${percent}% of Linear/Conv weights (global L1 magnitude)`,
      imports: [IMPORT_TORCH, { statement: "import torch.nn.utils.prune as prune", binds: [["prune", "torch.nn.utils.prune"]] }],
      comment,
      inline: (m, u) => [comment, note, ...body(m, u)],
      helper: (u) => [`${u}"""${comment.slice(2)}`, "", `${u}${note.slice(2)}`, `${u}"""`, ...body("model", u).map((l) => u + l), `${u}return model`],
      helperPrefix: "pruned",
    });
  }
  return out;
}

function torchFindings(context: RuleContext): RawFinding[] {
  const { file } = context;
  const reports = (context.analysis?.models ?? []).filter((m) => m.file === file.path && summarize(m).weights > 0);
  if (reports.length === 0) return [];
  const amount = context.settings.pruneAmount;
  const training = hasTorchTraining(file);
  const byCallee = new Map<string, ModelReport>();
  for (const m of reports) {
    const callee = entryCallee(m);
    if (callee && !byCallee.has(callee)) byCallee.set(callee, m);
  }
  const sites: { site: ModelSite; model: ModelReport }[] = [];
  for (const a of assignmentsFromCalls(file)) {
    const byCall = a.callee ? byCallee.get(a.callee) : undefined;
    // A model the analyzer found as a top-level variable (`model = nn.Sequential(...)`) is its own site.
    const byVariable = reports.find((m) => m.entry === a.variable && m.name === a.variable && m.line === a.statement.pos.line);
    const model = byCall ?? byVariable;
    // A builder that returns the model (`from_pretrained`) is not where it runs: its callers are.
    if (model && !isBuilderSite(a)) sites.push({ site: a, model });
  }
  const findings: RawFinding[] = [];
  const topLevelDefinition = (name: string | undefined) =>
    file.syntax.body.find((s): s is ClassDefinition | FunctionDefinition => (s.type === "class" || s.type === "function") && s.name === name);

  for (const { site, model } of sites) {
    const v = site.variable;
    const className = rootClass(model) ?? entryCallee(model) ?? v;
    const classDefinition = topLevelDefinition(className) ?? topLevelDefinition(entryCallee(model));
    // Helpers are named after the class when it is defined here, else after the variable.
    const helperName = classDefinition ? classDefinition.name : v;
    if (isReduced(file, site) || hasHelper(file, helperName)) continue;
    const inference = !training || callsEval(file, v) || isExported(file, v) || inferenceCalls(file, v).some((c) => file.isGuarded(c.place));
    if (!inference) continue;
    const summary = summarize(model);
    const trained = training && isTrained(file, v);
    let fixes: Fix[];
    // Quantize once the model is ready: after its weights are loaded and it is moved, not before.
    const ready = readyStatement(file, site);
    if (!trained && file.startsLine(site.statement) && file.endsLine(ready)) {
      const indent = file.source.indentation(site.statement.pos.line - 1);
      fixes = torchFixTexts(summary, amount).map((t) => ({
        kind: t.kind,
        title: t.title,
        edits: withImports(file, t.imports, [insertLinesAfter(file, ready, t.inline(v, file.source.indentUnit).map((l) => indent + l))]),
      }));
    } else {
      // Trained here: quantizing where it is built would break training, so offer a helper to call afterwards.
      const anchor = classDefinition ?? site.place.ancestors[0] ?? site.statement;
      fixes = helperFixes(file, helperName, summary, amount, anchor, anchor !== classDefinition, " Call it after training.");
    }
    findings.push({
      rule: "GL001",
      pos: site.statement.pos,
      message: message(context, `'${v}' (${className})`, model, summary),
      fixes,
      suppressionLines: classDefinition ? [classDefinition.defLine] : [],
    });
  }

  if (training) return findings;
  // Models the file only defines: one finding per class (or builder function), with helpers below it.
  const done = new Set<string>();
  for (const m of reports) {
    if (sites.some((s) => s.model === m || rootClass(s.model) === rootClass(m))) continue;
    const root = rootClass(m);
    const classDefinition = topLevelDefinition(root);
    const builder = classDefinition ?? topLevelDefinition(entryCallee(m));
    if (!builder || done.has(builder.name)) continue;
    done.add(builder.name);
    if (hasHelperOrReduction(file, builder.name)) continue;
    const summary = summarize(m);
    findings.push({
      rule: "GL001",
      pos: { ...builder.pos, line: builder.defLine, column: file.source.indentation(builder.defLine - 1).length },
      message: message(context, builder.type === "class" ? builder.name : `the model ${builder.name}() builds`, m, summary),
      fixes: helperFixes(file, builder.name, summary, amount, builder, false, ""),
      suppressionLines: [builder.defLine],
    });
  }
  return findings;
}

function withImports(file: PythonFile, needs: ImportNeed[], edits: TextEdit[]): TextEdit[] {
  const imports = importEdit(file, needs);
  return imports ? [imports, ...edits] : edits;
}

function helperFixes(file: PythonFile, name: string, summary: Summary, amount: number, anchor: Statement, before: boolean, note: string): Fix[] {
  const u = file.source.indentUnit;
  return torchFixTexts(summary, amount).map((t) => {
    const lines = [`def ${t.helperPrefix}_${name}(model):`, ...t.helper(u)];
    if (note) {
      const docstringEnd = lines.findIndex((l, i) => i >= 1 && l.trimEnd().endsWith('"""'));
      lines.splice(docstringEnd + 1, 0, `${u}# ${note.trim()}`);
    }
    const edit = before ? insertDefinitionBefore(file, anchor, lines) : insertDefinitionAfter(file, anchor, lines);
    return { kind: t.kind, title: `${t.title}: add ${t.helperPrefix}_${name}(model)`, edits: withImports(file, t.imports, [edit]) };
  });
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
    const used = file.calls.some(({ call }) => isMethodCall(call, v, ["predict", "evaluate", "save", "export"]) || (call.func.type === "name" && call.func.id === v));
    if (anyFit && !used) continue;
    if (!file.startsLine(site.statement)) continue;
    const indent = file.source.indentation(site.statement.pos.line - 1);
    const after = (lines: string[]) => insertLinesAfter(file, site.statement, lines.map((l) => indent + l));
    const fixes: Fix[] = [
      {
        kind: "keras-quantize",
        title: "Quantization-aware int8 training (tfmot quantize_model)",
        edits: withImports(file, [tfmot], [after([
          "# Greenlight GL001: quantization-aware int8 (tfmot); compile and fine-tune this model, then convert it with TFLite.",
          `${v} = tfmot.quantization.keras.quantize_model(${v})`,
        ])]),
      },
      {
        kind: "keras-prune",
        title: `Prune ${Math.round(amount * 100)}% of weights by magnitude (tfmot prune_low_magnitude)`,
        edits: withImports(file, [tfmot], [
          after([
            `# Greenlight GL001: magnitude pruning to ${Math.round(amount * 100)}% sparsity; fit with callbacks=[tfmot.sparsity.keras.UpdatePruningStep()],`,
            `# then save tfmot.sparsity.keras.strip_pruning(${v}).`,
            `${v} = tfmot.sparsity.keras.prune_low_magnitude(${v}, pruning_schedule=tfmot.sparsity.keras.ConstantSparsity(${amount}, begin_step=0))`,
          ]),
          ...pruningCallbackEdits(file, v),
        ]),
      },
    ];
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
        title: "Post-training int8 quantization with TFLite",
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
      message: kerasMessage(context, `Keras model '${v}'`, kerasReportFor(context, site)),
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
    findings.push({
      rule: "GL001",
      pos: { ...c.pos, line: c.defLine, column: file.source.indentation(c.defLine - 1).length },
      message: kerasMessage(context, c.type === "class" ? `Keras model ${c.name}` : `The Keras model ${c.name}() builds`, report),
      fixes: [
        {
          kind: "tflite-int8",
          title: `Post-training int8 quantization with TFLite: add tflite_int8_${c.name}(model)`,
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

function kerasMessage(context: RuleContext, subject: string, report: ModelReport | undefined): string {
  const summary = report ? summarize(report, KERAS_QUANTIZABLE) : undefined;
  if (report && summary && summary.weights > 0) return message(context, subject, report, summary, "float32");
  return `${subject} runs in float32: int8 quantization stores its weights 4x smaller, and pruning removes the smallest ones.`;
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
