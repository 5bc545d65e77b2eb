import type { ClassDefinition, FunctionDefinition, Statement } from "../python/ast";
import { formatCount } from "../report/format";
import type { ModelReport } from "../report/model-report";
import { importEdit, insertDefinitionAfter, insertDefinitionBefore, insertLinesAfter, type ImportNeed } from "./edit-builders";
import { hardwareFor } from "./energy-saving";
import { formatBytes, formatJoules, HELPER_KINDS, helperKinds, hasHelperOrReduction, isKerasBuilt, layersOf, QUANTIZABLE, reducingCallsOn, shareText, summarize } from "./gl001-common";
import { coveredByKind, DYNAMIC_INT8_DEPRECATION, torchFixes, type TorchFix } from "./gl001-torch-fixes";
import { helperRuns } from "./helper-runs";
import { kerasModelSites } from "./keras-models";
import { callsEval, entryCallee, hasTorchTraining, inferenceCalls, isExported, isTrained, readyStatement, reportedModelSites, rootClass, type ModelSite } from "./model-usage";
import type { PythonFile } from "./python-file";
import type { RawFinding, RuleContext } from "./rule-context";
import { runTargetOf, type Device, type RunTarget } from "./run-target";
import { calleeName } from "../python/syntax-walk";
import type { EnergyVariant, Fix, TextEdit } from "./types";

// GL001 for PyTorch: a model whose Linear/Conv/recurrent layers run in fp32 where it is used for inference, with
// only the fixes that run on the device the script puts it on, each naming the layers it changes and the energy
// model's estimate after it; the layers no offered fix reaches are named, and the finding stays while they remain.

const DEVICE_NAMES: Record<Device, string> = { cuda: "CUDA", cpu: "CPU", mps: "MPS", unknown: "an unknown device" };

/** What the code already did to a model: the fix kinds applied and the layer types they cover. */
export interface Applied {
  kinds: Set<string>;
  covered: Set<string>;
}

/** Calls that save, script or export the module object itself: a patched `forward` would not survive them. */
const WHOLE_MODEL_EXPORTS = /(^|\.)(save|onnx\.export|jit\.trace|jit\.script|export\.export|dynamo_export|compile)$/;

function savesWholeModel(file: PythonFile, variable: string): boolean {
  return file.calls.some(({ call }) => {
    const first = call.args[0];
    const q = file.qualifiedCallee(call);
    return !!q && WHOLE_MODEL_EXPORTS.test(q) && first?.kind === "positional" && first.value.type === "name" && first.value.id === variable;
  });
}

/** What the code already applied to a model: its precision (cast or autocast), quantize/prune calls, helpers. */
function appliedTo(file: PythonFile, site: ModelSite | undefined, helperName: string, types: Set<string>, target: RunTarget): Applied {
  const applied: Applied = { kinds: new Set(), covered: new Set() };
  const add = (kind: string, covered: string[]) => {
    applied.kinds.add(kind);
    for (const t of covered) applied.covered.add(t);
  };
  if (target.precision !== "fp32") {
    if (target.autocast) {
      add("autocast-bf16", coveredByKind("autocast-bf16", types));
      applied.kinds.add("channels-last-bf16");
    } else add("cast", [...types]); // .half() / .to(torch.bfloat16): every layer runs in 16 bits
  }
  for (const kind of helperKinds(file, helperName)) add(kind, coveredByKind(kind, types));
  for (const { call } of site ? reducingCallsOn(file, site) : []) {
    const name = calleeName(call) ?? "";
    const helper = Object.entries(HELPER_KINDS).find(([prefix]) => name.startsWith(`${prefix}_`));
    if (helper) add(helper[1], coveredByKind(helper[1], types));
    // One layer quantized by name (a layer action: `{"fc1"}`, `filter_fn=`): the model's other layers still are not.
    else if ((name === "quantize_dynamic" || name === "quantize_") && /["']|filter_fn/.test(file.text(call.pos))) continue;
    else if (name === "quantize_dynamic") {
      const spec = call.args.find((a, i) => (a.kind === "positional" && i === 1) || (a.kind === "keyword" && a.name === "qconfig_spec"));
      const named = spec ? [...file.text(spec.value.pos).matchAll(/([A-Za-z_]\w*)\s*(?=[,}\]]|$)/g)].map((m) => m[1]).filter((t) => types.has(t)) : [];
      add("dynamic-int8", spec ? named : coveredByKind("dynamic-int8", types));
    } else if (name === "quantize_") add(/int4/i.test(file.text(call.pos)) ? "weight-only-int4" : "weight-only-int8", coveredByKind("weight-only-int8", types));
    else if (/unstructured|structured/.test(name)) applied.kinds.add("prune-l1");
    else if (["quantize", "prepare", "prepare_fx", "prepare_qat", "prepare_qat_fx", "convert", "convert_fx"].includes(name)) add("static", [...types]);
  }
  return applied;
}

/** The energy variant a model runs as, as the code sets it up: its precision and layout, and the quantization applied. */
function variantOf(target: RunTarget, applied: Applied): EnergyVariant {
  const variant: EnergyVariant = { dtype: target.precision };
  if (target.channelsLast) variant.channelsLast = true;
  // A bf16 helper (autocast_bf16_X, channels_last_bf16_X) wraps forward in autocast on CUDA only: off the CPU,
  // the model it is applied to runs in bf16 as if the code had written the autocast itself.
  const bf16Helper = applied.kinds.has("autocast-bf16") || applied.kinds.has("channels-last-bf16");
  if (bf16Helper && target.precision === "fp32" && target.device !== "cpu") {
    variant.dtype = "bf16";
    if (applied.kinds.has("channels-last-bf16")) variant.channelsLast = true;
  }
  if (applied.kinds.has("dynamic-int8") || applied.kinds.has("static")) variant.int8Linear = true;
  else if (applied.kinds.has("weight-only-int4")) variant.linearWeightBits = 4;
  else if (applied.kinds.has("weight-only-int8")) variant.linearWeightBits = 8;
  return variant;
}

/**
 * A model as its file writes it: where it runs, at what precision, what fixes are applied, and the energy variant
 * that gives (what a GL001 fix's stated saving is measured against once the fix is in the code).
 */
export function modelAsWritten(file: PythonFile, site: ModelSite, model: ModelReport): { target: RunTarget; variant: EnergyVariant; applied: Applied; definition?: ClassDefinition | FunctionDefinition } {
  const definition = definitionOf(file, rootClass(model) ?? entryCallee(model)) ?? definitionOf(file, entryCallee(model));
  // Helpers are named after the class when it is defined here, else after the variable.
  const helperName = definition ? definition.name : site.variable;
  const types = summarize(model, QUANTIZABLE).types;
  const target = runTargetOf(file, site.variable, site, inferenceCalls(file, site.variable));
  const applied = appliedTo(file, site, helperName, types, target);
  return { target, variant: variantOf(target, applied), applied, definition };
}

/** The type of the module a model is (its root layer: `Linear` for `model = nn.Linear(1, 1)`). */
function rootLayerType(model: ModelReport): string | undefined {
  return model.layers.find((l) => l.path === "")?.type;
}

/** The file's top-level class or function of that name. */
function definitionOf(file: PythonFile, name: string | undefined): ClassDefinition | FunctionDefinition | undefined {
  return file.syntax.body.find((s): s is ClassDefinition | FunctionDefinition => (s.type === "class" || s.type === "function") && s.name === name);
}

interface FixFigures {
  fix: TorchFix;
  changes: string[];
  before?: number;
  after?: number;
  hardware?: string;
  /** The "before" estimate's basis, in the CodeLens's words ("cpu-x86-server, fp32, batch 1"). */
  basis?: string;
}

function layerList(model: ModelReport, types: string[]): string {
  const { count } = layersOf(model, types);
  return `${count} ${[...types].sort().join("/")} layer${count === 1 ? "" : "s"}`;
}

function savingText(f: FixFigures): string {
  if (!f.fix.precision) return "no energy saving with dense kernels by the energy model (the zeros are still multiplied)";
  if (f.before === undefined || f.after === undefined) return "";
  const on = `on ${f.hardware}, energy model`;
  if (f.after < f.before * 0.99) return `saves ${Math.round((1 - f.after / f.before) * 100)}% energy per inference (${formatJoules(f.after)} instead of ${formatJoules(f.before)} ${on})`;
  if (f.after > f.before * 1.01) return `not a saving: ${Math.round((f.after / f.before - 1) * 100)}% more energy per inference (${formatJoules(f.after)} instead of ${formatJoules(f.before)} ${on})`;
  return `no energy saving per inference (${formatJoules(f.before)} ${on})`;
}

function fixTitle(f: FixFigures): string {
  // "Prune ...", "Channels-last ..."; precisions keep their spelling ("bf16 autocast", "int8 dynamic ...").
  const action = /^(bf|fp|int)\d/.test(f.fix.action) ? f.fix.action : f.fix.action[0].toUpperCase() + f.fix.action.slice(1);
  const saving = savingText(f);
  return `${action}: changes ${[...f.changes].sort().join("/")} layers${saving ? `; ${saving}` : ""}`;
}

/** Estimates before and after each fix on the hardware of the model's device. */
function figuresOf(context: RuleContext, model: ModelReport, fixes: TorchFix[], uncovered: Set<string>, target: RunTarget, current: EnergyVariant): FixFigures[] {
  const hardware = hardwareFor(context.settings.hardware, target.device);
  const before = context.estimateEnergy(model, hardware, current);
  return fixes.map((fix) => {
    const changes = fix.covers.filter((t) => !fix.precision || uncovered.has(t));
    const variant = fix.after(current);
    const after = variant && before ? context.estimateEnergy(model, hardware, variant) : undefined;
    return { fix, changes, before: before?.joules, after: after?.joules, hardware: before?.hardware, basis: before?.basis };
  });
}

/** Splits fixes the energy model expects to cost energy while storing no weight smaller (autocast on a model too
 *  small for tensor cores to pay off): those are not offered, since they would buy nothing. */
function splitCostly(figures: FixFigures[]): { offered: FixFigures[]; costly: FixFigures[] } {
  const costs = (f: FixFigures) => f.fix.precision && f.fix.weightBytes === undefined && f.before !== undefined && f.after !== undefined && f.after > f.before * 1.01;
  return { offered: figures.filter((f) => !costs(f)), costly: figures.filter(costs) };
}

function message(subject: string, model: ModelReport, target: RunTarget, uncovered: Set<string>, figures: FixFigures[], appliedKinds: Set<string>, helperOnly: boolean, selected: string, trainedHere = false, costly: FixFigures[] = [], stored: "fp32" | "fp64" = "fp32"): string {
  const summary = layersOf(model, uncovered);
  const share = shareText(model, summary.flopShare);
  const where = target.device === "unknown" && helperOnly ? "" : ` on ${DEVICE_NAMES[target.device]} (${target.deviceReason})`;
  const layers = `${[...uncovered].sort().join("/")} layers`;
  // Parts of the model that could not be built (a layer sized from data) hold weights the count leaves out.
  const unbuilt = model.coverage.partsUnknown ?? 0;
  const sizes = `${unbuilt > 0 ? "at least " : ""}${formatCount(summary.weights)} parameters${share ? `, ${share}` : ""}`;
  // A model trained here runs for inference afterwards (evaluated, or saved for later): the finding is about then.
  let text = trainedHere ? `${subject} is trained here; for inference afterwards${where} its ${layers} run in ${stored}: ${sizes}.` : `${subject} runs its ${layers} in ${stored} for inference${where}: ${sizes}.`;
  const int8 = figures.find((f) => f.fix.weightBytes !== undefined);
  if (int8) {
    // Weight memory: fp32 stores 4 bytes per weight, int8 one (PyTorch quantization docs: "4x reduction in model size").
    const w = layersOf(model, int8.changes).weights;
    const factor = 4 / int8.fix.weightBytes!;
    text += ` ${int8.fix.weightBytes === 1 ? "int8" : "int4"} would store the ${[...int8.changes].sort().join("/")} weights${unbuilt > 0 ? " it could size" : ""} in ${formatBytes(w * int8.fix.weightBytes!)} instead of ${formatBytes(w * 4)} (${factor}x smaller).`;
  }
  const estimated = figures.filter((f) => f.fix.precision && f.before !== undefined && f.after !== undefined);
  // Helpers for several devices are estimated on different hardware: their figures are not compared in one sentence.
  if (new Set(estimated.map((f) => f.hardware)).size > 1) text += " Each fix's title gives the energy model's estimate per inference on hardware of the device it runs on.";
  else if (estimated.length > 0) {
    const best = estimated.reduce((a, b) => (b.after! < a.after! ? b : a));
    // The basis in the CodeLens's words, and where the lens stands when the script's device is not the selected
    // hardware's kind: the lens shows the promised figure once that hardware is selected.
    const elsewhere = best.hardware !== selected ? `; the other estimates shown are on ${selected}, the selected hardware` : "";
    const hw = `on ${best.basis ?? best.hardware} (energy model${elsewhere})`;
    text += best.after! < best.before! * 0.99
      ? ` With ${best.fix.action} about ${formatJoules(best.after!)} instead of ${formatJoules(best.before!)} per inference ${hw}.`
      : ` The energy model expects no energy saving per inference ${hw} from ${estimated.map((f) => f.fix.action).join(" or ")} at this size (${formatJoules(best.before!)} now, ${formatJoules(best.after!)} after): the fix${estimated.length > 1 ? "es are" : " is"} offered for memory, not as a saving.`;
  }
  const reached = new Set(figures.filter((f) => f.fix.precision).flatMap((f) => f.changes));
  const left = [...uncovered].filter((t) => !reached.has(t));
  if (left.length > 0) {
    const layers = layersOf(model, left);
    const leftShare = shareText(model, layers.flopShare, share !== "");
    const what = `${layerList(model, left)} (${leftShare || `${formatCount(layers.weights)} parameters`}) ${layers.count === 1 ? "stays" : "stay"}`;
    const convolutions = left.every((t) => /Conv/.test(t));
    if (target.device === "unknown" && !helperOnly) text += ` Where it runs is not clear from the code, so no device-specific fix is offered: the ${what} in ${stored}.`;
    else if (convolutions && target.device === "cpu") text += ` No quantization fix for convolutions on CPU here (torch.ao dynamic quantization converts Linear and recurrent layers only): the ${what} in ${stored}.`;
    else text += ` No fix offered here reaches them${helperOnly ? "" : ` on ${DEVICE_NAMES[target.device]}`}: the ${what} in ${stored}.`;
  }
  if (stored === "fp64") text += ` ${FLOAT64_FIXES}`;
  const view = model.channelsLastViews?.[0];
  if (view && uncovered.has("Conv2d") && figures.some((f) => f.fix.kind === "autocast-bf16")) {
    const where = view.file === model.file ? `line ${view.line}` : `${view.file.slice(view.file.lastIndexOf("/") + 1)}:${view.line}`;
    text += ` Channels-last is left out: the .view() at ${where} would raise on channels-last activations (.reshape() copies instead).`;
  }
  // PyTorch's quantization docs (2.10+) deprecate torch.ao.quantization's eager flows for torchao's quantize_ and plan
  // to remove them; quantize_dynamic still runs on CPU where it ships (run by tools/check-fixes.mjs in 1.13 and 2.11).
  if (figures.some((f) => f.fix.kind === "dynamic-int8")) text += ` ${DYNAMIC_INT8_DEPRECATION}`;
  for (const f of costly) text += ` Not offered: ${f.fix.action}, which the energy model expects to take ${Math.round((f.after! / f.before! - 1) * 100)}% more energy per inference at this size (${formatJoules(f.after!)} instead of ${formatJoules(f.before!)} on ${f.hardware}).`;
  if (appliedKinds.size > 0) text += ` Already applied: ${[...appliedKinds].filter((k) => k !== "cast" && k !== "static").join(", ") || "a reduction"}.`;
  return text;
}

// Autocast leaves float64 ops in float64 (pytorch.org/docs/stable/amp.html, "Op Eligibility"), and quantized Linear
// kernels (torch.ao's dynamic quantization, torchao's quantize_) take float32, bf16 or fp16 input, not float64.
const FLOAT64_FIXES = "Autocast and int8 quantization do not apply to float64 layers (autocast runs float64 ops as they are; quantized kernels take float32 input): cast the model to float32 (.float()) first, and those fixes apply.";

/** GL001's PyTorch findings of a file. */
export function torchFindings(context: RuleContext): RawFinding[] {
  const { file } = context;
  const reports = (context.analysis?.models ?? []).filter((m) => m.file === file.path && summarize(m).weights > 0);
  if (reports.length === 0) return [];
  const amount = context.settings.pruneAmount;
  const training = hasTorchTraining(file);
  const sites = reportedModelSites(file, reports);
  const findings: RawFinding[] = [];
  const topLevelDefinition = (name: string | undefined) => definitionOf(file, name);

  const kerasSites = new Set(kerasModelSites(file).map((k) => k.statement));
  for (const { site, model } of sites) {
    // A Keras model's LSTM/GRU share PyTorch's names: its findings and fixes are Keras ones (gl001-full-precision.ts).
    if (isKerasBuilt(model, kerasSites.has(site.statement))) continue;
    const v = site.variable;
    const className = rootClass(model) ?? entryCallee(model) ?? v;
    const runs = inferenceCalls(file, v);
    // Evaluated through a helper (`evaluate(model, loader)` running it under no_grad or after eval()) counts too.
    const helpers = training ? helperRuns(file, v, context.analysis) : [];
    const inference = !training || callsEval(file, v) || isExported(file, v) || runs.some((c) => file.isGuarded(c.place)) || helpers.some((h) => h.guardedInside || h.evalsInside || file.isGuarded(h.place));
    if (!inference) continue;
    const { target, applied, variant: written, definition: classDefinition } = modelAsWritten(file, site, model);
    // Weights made float64 (`.double()`, a float64 default dtype) where no cast to 16 bits follows: priced in fp64,
    // and only the fixes that take any dtype (pruning) are offered.
    const stored = model.weightsPrecision === "fp64" && written.dtype === "fp32" ? "fp64" : "fp32";
    const variant: EnergyVariant = stored === "fp64" ? { ...written, dtype: "fp64" } : written;
    const helperName = classDefinition ? classDefinition.name : v;
    const types = summarize(model, QUANTIZABLE).types;
    const uncovered = new Set([...types].filter((t) => !applied.covered.has(t)));
    if (uncovered.size === 0) continue;
    const offered = torchFixes(types, target, amount, { autocastSafe: !savesWholeModel(file, v), channelsLastSafe: !model.channelsLastViews, rootType: rootLayerType(model) })
      .filter((f) => f.devices.includes(target.device) && !applied.kinds.has(f.kind) && (!f.precision || (stored === "fp32" && f.covers.some((t) => uncovered.has(t)))));
    const { offered: figures, costly } = splitCostly(figuresOf(context, model, offered, uncovered, target, variant));
    const trained = training && isTrained(file, v);
    let fixes: Fix[];
    // Quantize once the model is ready: after its weights are loaded and it is moved, not before.
    const ready = readyStatement(file, site);
    if (!trained && file.startsLine(site.statement) && file.endsLine(ready)) {
      const indent = file.source.indentation(site.statement.pos.line - 1);
      fixes = figures.map((f) => ({
        kind: f.fix.kind,
        title: fixTitle(f),
        edits: withImports(file, f.fix.imports, [insertLinesAfter(file, ready, f.fix.inline(v, file.source.indentUnit).map((l) => indent + l))]),
      }));
    } else {
      // Trained here: quantizing where it is built would break training, so offer a helper to call afterwards.
      const anchor = classDefinition ?? site.place.ancestors[0] ?? site.statement;
      fixes = helperFixes(file, helperName, figures, anchor, anchor !== classDefinition, " Call it after training.");
    }
    findings.push({
      rule: "GL001",
      pos: site.statement.pos,
      message: message(`'${v}' (${className})`, model, target, uncovered, figures, applied.kinds, false, context.settings.hardware, trained, costly, stored),
      fixes,
      suppressionLines: classDefinition ? [classDefinition.defLine] : [],
    });
  }

  if (training) return findings;
  // Models the file only defines: one finding per class (or builder function), with helpers below it. Where they
  // will run is the caller's choice, so each device's helpers are offered, each saying where it runs.
  const done = new Set<string>();
  for (const m of reports) {
    if (sites.some((s) => s.model === m || rootClass(s.model) === rootClass(m))) continue;
    const root = rootClass(m);
    const classDefinition = topLevelDefinition(root);
    const builder = classDefinition ?? topLevelDefinition(entryCallee(m));
    if (!builder || done.has(builder.name)) continue;
    done.add(builder.name);
    const types = summarize(m, QUANTIZABLE).types;
    const target: RunTarget = { device: "unknown", deviceReason: "", precision: "fp32", autocast: false, channelsLast: false };
    // One helper is the answer for a class the file only defines: the caller picks it where the model runs.
    if (hasHelperOrReduction(file, builder.name)) continue;
    const uncovered = types;
    const offered = torchFixes(types, target, amount, { autocastSafe: true, channelsLastSafe: !m.channelsLastViews, rootType: rootLayerType(m) });
    const { offered: figures, costly } = splitCostly(offered.map((fix) => {
      // Each helper is estimated on the hardware of the device it runs on.
      const device = fix.devices.length === 1 ? fix.devices[0] : "unknown";
      return figuresOf(context, m, [fix], uncovered, { ...target, device }, { dtype: "fp32" })[0];
    }));
    findings.push({
      rule: "GL001",
      pos: { ...builder.pos, line: builder.defLine, column: file.source.indentation(builder.defLine - 1).length },
      message: message(builder.type === "class" ? builder.name : `the model ${builder.name}() builds`, m, target, uncovered, figures, new Set(), true, context.settings.hardware, false, costly),
      fixes: helperFixes(file, builder.name, figures, builder, false, ""),
      suppressionLines: [builder.defLine],
    });
  }
  return findings;
}

function withImports(file: PythonFile, needs: ImportNeed[], edits: TextEdit[]): TextEdit[] {
  const imports = importEdit(file, needs);
  return imports ? [imports, ...edits] : edits;
}

function helperFixes(file: PythonFile, name: string, figures: FixFigures[], anchor: Statement, before: boolean, note: string): Fix[] {
  const u = file.source.indentUnit;
  return figures.map((f) => {
    const t = f.fix;
    const lines = [`def ${t.helperPrefix}_${name}(model):`, ...t.helper(u)];
    if (note) {
      const docstringEnd = lines.findIndex((l, i) => i >= 1 && l.trimEnd().endsWith('"""'));
      lines.splice(docstringEnd + 1, 0, `${u}# ${note.trim()}`);
    }
    const edit = before ? insertDefinitionBefore(file, anchor, lines) : insertDefinitionAfter(file, anchor, lines);
    return { kind: t.kind, title: `${fixTitle(f)}: add ${t.helperPrefix}_${name}(model)`, edits: withImports(file, t.imports, [edit]) };
  });
}
