import { namedBuffers, namedModules, namedParameters } from "../torch/module-tree";
import { numel } from "../interp/construct";
import type { Recorder } from "../interp/recorder";
import type { InstanceValue, TensorValue, Value } from "../interp/values";
import { computeCoverage } from "./coverage";
import type { InputSource, InputSpec, LayerReport, ModelReport } from "./model-report";

/** What the analyzer knows about one model run, before it becomes a report. */
export interface ModelRun {
  name: string;
  file: string;
  line: number;
  entry: string;
  model: InstanceValue;
  inputs: InputSpec[];
  inputSource: InputSource;
  output: Value | undefined;
  recorder: Recorder;
}

/** Dotted paths of every module, for attributing ops while forward runs. */
export function modulePaths(model: InstanceValue): Map<number, string> {
  return new Map(namedModules(model).map(([path, m]) => [m.id, path]));
}

/** Turns a model run into its report: totals, per-layer figures and notes. */
export function buildReport(run: ModelRun): ModelReport {
  const { model, recorder } = run;
  const modules = namedModules(model);
  const parameters = namedParameters(model);
  // Each parameter belongs to the first module path that holds it (shared weights count once).
  const ownerOf = new Map<number, string>();
  for (const [path, m] of modules) {
    for (const p of m.module!.parameters.values()) {
      if (p.kind === "tensor" && p.parameter && !ownerOf.has(p.parameter.id)) ownerOf.set(p.parameter.id, path);
    }
  }
  const paramsUnder = new Map<string, number>();
  for (const [, p] of parameters) {
    const owner = ownerOf.get(p.parameter!.id) ?? "";
    const n = numel(p.shape);
    // add to the owner and every ancestor path
    let path = owner;
    for (;;) {
      paramsUnder.set(path, (paramsUnder.get(path) ?? 0) + n);
      if (path === "") break;
      const dot = path.lastIndexOf(".");
      path = dot < 0 ? "" : path.slice(0, dot);
    }
  }
  const tied = tiedParameters(modules, ownerOf);
  const activationByPath = new Map<string, number>();
  for (const op of recorder.ops) activationByPath.set(op.modulePath, (activationByPath.get(op.modulePath) ?? 0) + op.outputElements);

  const layers: LayerReport[] = modules.map(([path, m]) => {
    const tally = recorder.tallies.get(m.id);
    const at = m.module!.constructedAt ?? m.cls.location;
    return {
      path,
      type: m.cls.name,
      file: at?.file ?? run.file,
      line: at?.line ?? 0,
      params: paramsUnder.get(path) ?? 0,
      ...tied.get(path),
      flops: tally?.flops ?? 0,
      output: tally?.output ?? null,
      calls: tally?.calls ?? 0,
      leaf: [...m.module!.children.values()].every((c) => c.kind !== "instance"),
      activationElements: activationByPath.get(path) ?? 0,
      ...(m.module!.quantized || m.module!.weightOnlyBits === 8 ? { precision: "int8" as const } : m.module!.weightOnlyBits === 4 ? { precision: "int4" as const } : {}),
      ...(m.module!.pruned ? { pruned: true } : {}),
    };
  });
  const params = parameters.reduce((s, [, p]) => s + numel(p.shape), 0);
  const trainableParams = parameters.reduce((s, [, p]) => s + (p.parameter?.requiresGrad === false ? 0 : numel(p.shape)), 0);
  const trainableTensorSizes = parameters.filter(([, p]) => p.parameter?.requiresGrad !== false).map(([, p]) => numel(p.shape));
  const buffers = namedBuffers(model).reduce((s, [, b]) => s + numel(b.shape), 0);
  const flops = recorder.ops.reduce((s, op) => s + op.flops, 0);
  const weightsPrecision = storedPrecisionOf(parameters.map(([, p]) => p));
  const unsureCast = modules.find(([path]) => path === "")?.[1].module?.unsureCast;
  return {
    name: run.name,
    file: run.file,
    line: run.line,
    entry: run.entry,
    inputs: run.inputs,
    inputSource: run.inputSource,
    output: run.output ? tensorShapes(run.output) : [],
    params,
    trainableParams,
    trainableTensorSizes,
    buffers,
    macs: flops / 2,
    flops,
    complete: recorder.notes.length === 0,
    coverage: computeCoverage(modules, recorder.tallies, flops, recorder.stopped || recorder.guessedBranch || !run.output, recorder.lastKnownShape(), run.inputs[0]?.shape),
    unresolved: recorder.notes,
    ...(recorder.importNotes.length > 0 ? { importNotes: recorder.importNotes } : {}),
    ...(weightsPrecision ? { weightsPrecision } : {}),
    ...(unsureCast && !weightsPrecision ? { unsureCast } : {}),
    layers,
    ops: recorder.ops,
    lineShapes: recorder.lineShapes,
    ...(recorder.channelsLastViews.length > 0 ? { channelsLastViews: recorder.channelsLastViews } : {}),
    ...(recorder.assumptions.length > 0 ? { assumptions: recorder.assumptions } : {}),
  };
}

/** Per module path, the parameters it holds (itself or below) whose first owner is outside it: a tied weight is
 *  counted once, at its owner, and noted at every module that holds it too, so the report can say where it went. */
export function tiedParameters(modules: [string, InstanceValue][], ownerOf: Map<number, string>): Map<string, { tiedParams: number; tiedTo: string }> {
  const out = new Map<string, { tiedParams: number; tiedTo: string }>();
  const seen = new Set<string>();
  const inside = (path: string, outer: string) => outer === "" || path === outer || path.startsWith(`${outer}.`);
  for (const [path, m] of modules) {
    for (const p of m.module!.parameters.values()) {
      if (p.kind !== "tensor" || !p.parameter) continue;
      const owner = ownerOf.get(p.parameter.id);
      if (owner === undefined || owner === path) continue;
      // Every module from this one up to (not including) the first that also holds the owner holds it as tied.
      for (let at: string | undefined = path; at !== undefined && !inside(owner, at); at = at === "" ? undefined : at.slice(0, Math.max(0, at.lastIndexOf(".")))) {
        const key = `${at}\u0000${p.parameter.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = out.get(at) ?? { tiedParams: 0, tiedTo: owner };
        entry.tiedParams += numel(p.shape);
        out.set(at, entry);
      }
    }
  }
  return out;
}

/** bf16, fp16 or fp64 when most parameter elements are stored so (a model cast or loaded in half precision, or
 *  cast with `.double()`). */
function storedPrecisionOf(parameters: TensorValue[]): "bf16" | "fp16" | "fp64" | undefined {
  const elements = new Map<string, number>();
  for (const p of parameters) elements.set(p.dtype, (elements.get(p.dtype) ?? 0) + numel(p.shape));
  const [dtype] = [...elements].sort((a, b) => b[1] - a[1])[0] ?? [];
  return dtype === "bfloat16" ? "bf16" : dtype === "float16" ? "fp16" : dtype === "float64" ? "fp64" : undefined;
}

function tensorShapes(v: Value): number[][] {
  if (v.kind === "tensor") return [v.shape];
  if (v.kind === "tuple" || v.kind === "list") return v.items.flatMap(tensorShapes);
  if (v.kind === "dict") return [...v.entries.values()].flatMap((e) => tensorShapes(e.value));
  return [];
}
