// Children of composite catalogue layers (MultiheadAttention.out_proj, TransformerEncoderLayer.self_attn, ...).
import { bindLayerConstructor } from "./layer-binding";
import { NONE, bindArguments, freshId, int, list, toInt } from "../interp/construct";
import { deepCopy } from "./module-tree";
import {
  PythonError,
  Unresolved,
  type BoundArguments,
  type ClassValue,
  type InstanceValue,
  type LayerSpec,
  type ModuleState,
  type NativeCall,
  type OpContext,
  type Value,
} from "../interp/values";

/**
 * Optional services an interpreter may add to the OpContext it hands to layer builds. With them, children are real
 * torch.nn classes of the running program (their FLOPs are attributed to them, `copy.deepcopy` and module methods work);
 * without them the catalogue builds self-contained instances whose FLOPs count toward the parent.
 */
export interface LayerHostContext extends OpContext {
  /** torch.nn.<name>(*args, **kwargs) as the analyzed code would construct it. */
  constructLayer?(name: string, args: Value[], kwargs: Map<string, Value>): InstanceValue;
  /** copy.deepcopy(module): same configuration, fresh parameters. */
  deepCopyModule?(module: InstanceValue): InstanceValue;
}

/** Constructor arguments by parameter name, kept in ModuleState.config so structural copies keep them too. */
function configRecord(spec: LayerSpec, config: BoundArguments): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const p of spec.signature) {
    const name = p.replace(/^\*+/, "").split("=")[0];
    out[name] = config.get(name);
  }
  return out;
}

/** Re-binds a stored configuration (positional and star parameters come back by name). */
function configOf(spec: LayerSpec, state: ModuleState): BoundArguments {
  if (!state.config) throw new Unresolved(`${spec.name} was not constructed`);
  const named = spec.signature.filter((p) => !p.startsWith("*")).map((p) => p.split("=")[0]);
  const kwargs = new Map(named.filter((n) => n in state.config!).map((n) => [n, state.config![n]]));
  return bindArguments(spec.signature.filter((p) => !p.startsWith("*")), [], kwargs, spec.name);
}

function fallbackClass(spec: LayerSpec): ClassValue {
  const cls = {
    kind: "class",
    name: spec.name,
    qualifiedName: `torch.nn.${spec.name}`,
    bases: [],
    attributes: new Map(),
    layer: spec,
    isModule: true,
    mro: [] as ClassValue[],
  } as unknown as ClassValue & { mro: ClassValue[] };
  // The interpreter's class model lists the class itself first in its MRO.
  cls.mro.push(cls);
  const forward = (call: NativeCall): Value => {
    const self = call.args[0];
    if (self?.kind !== "instance" || !self.module) throw new Unresolved(`${spec.name} was not constructed`);
    return spec.forward({ config: configOf(spec, self.module), state: self.module, self }, call.args.slice(1), call.kwargs, call.context);
  };
  cls.attributes.set("forward", { kind: "native", name: `${spec.name}.forward`, call: forward });
  cls.attributes.set("__call__", { kind: "native", name: `${spec.name}.__call__`, call: forward });
  return cls;
}

/** Standalone classes not yet attached to an interpreter's nn.Module (see adoptChildren). */
const standalone = new WeakSet<ClassValue>();

/** Builds a catalogue layer the way nn.Module construction does: parameters, buffers, children. */
function buildStandalone(spec: LayerSpec, args: Value[], kwargs: Map<string, Value>, context: OpContext): InstanceValue {
  const config = bindLayerConstructor(spec, args, kwargs);
  const built = spec.build(config, context);
  const state: ModuleState = { typeName: spec.name, children: new Map(), parameters: new Map(), buffers: new Map(), training: true, constructedAt: context.location(), config: configRecord(spec, config) };
  for (const [name, shape] of built.parameters) state.parameters.set(name, shape ? context.parameter(shape) : NONE);
  for (const [name, shape] of built.buffers ?? []) state.buffers.set(name, shape ? { kind: "tensor", shape, dtype: name === "num_batches_tracked" ? "int64" : "float32" } : NONE);
  for (const [name, child] of built.children ?? []) state.children.set(name, child);
  // One class per instance: adoption below rewires it for the interpreter that runs it, and analyses do not share.
  const cls = fallbackClass(spec);
  standalone.add(cls);
  return { kind: "instance", cls, attributes: new Map(), id: freshId(), module: state };
}

/** Constructs a child layer through the host when it can, else standalone from the catalogue's own spec. */
export function constructChild(layers: ReadonlyMap<string, LayerSpec>, name: string, args: Value[], kwargs: Map<string, Value>, context: OpContext): InstanceValue {
  const host = context as LayerHostContext;
  if (host.constructLayer) return host.constructLayer(name, args, kwargs);
  const spec = layers.get(name);
  if (!spec) throw new Unresolved(`torch.nn.${name} is not in the catalogue`);
  return buildStandalone(spec, args, kwargs, context);
}

/**
 * Deep-copies a module for clones (TransformerEncoder's _get_clones): through the host when it offers a copy, else with
 * nn.Module's copy.deepcopy semantics from module-tree (fresh parameters; catalogue layers keep their configuration).
 */
export function cloneModule(module: InstanceValue, context: OpContext): InstanceValue {
  const host = context as LayerHostContext;
  if (host.deepCopyModule) return host.deepCopyModule(module);
  return deepCopy(module) as InstanceValue;
}

/** A ModuleList-like container holding children "0", "1", ... (named_modules paths as PyTorch prints them). */
export function moduleListOf(children: InstanceValue[], context: OpContext): InstanceValue {
  const host = context as LayerHostContext;
  if (host.constructLayer) {
    try {
      const list = host.constructLayer("ModuleList", [], new Map());
      children.forEach((c, i) => list.module?.children.set(String(i), c));
      return list;
    } catch {
      // fall through to the standalone container
    }
  }
  const cls = { kind: "class", name: "ModuleList", qualifiedName: "torch.nn.ModuleList", bases: [], attributes: new Map(), mro: [] as ClassValue[], isModule: true } as unknown as ClassValue & { mro: ClassValue[] };
  cls.mro.push(cls);
  // The container protocol the analyzed code may use on it (for layer in encoder.layers, layers[-1], len(layers)).
  const items = (call: NativeCall): Value[] => {
    const self = call.args[0];
    return self?.kind === "instance" && self.module ? [...self.module.children.values()].filter((c) => c.kind === "instance") : [];
  };
  const native = (name: string, body: (call: NativeCall) => Value): Value => ({ kind: "native", name: `ModuleList.${name}`, call: body });
  cls.attributes.set("__iter__", native("__iter__", (call) => list(items(call))));
  cls.attributes.set("__len__", native("__len__", (call) => int(items(call).length)));
  cls.attributes.set("__getitem__", native("__getitem__", (call) => {
    const all = items(call);
    const index = toInt(call.args[1] ?? NONE, "ModuleList index");
    const item = all[index < 0 ? index + all.length : index];
    if (!item) throw new PythonError(`index ${index} is out of range`);
    return item;
  }));
  standalone.add(cls);
  const state: ModuleState = { typeName: "ModuleList", children: new Map(children.map((c, i) => [String(i), c])), parameters: new Map(), buffers: new Map(), training: true };
  return { kind: "instance", cls, attributes: new Map(), id: freshId(), module: state };
}

/**
 * Attaches standalone children to the nn.Module class of the interpreter running `parent`: their class then derives
 * from it, so calling them goes through Module.__call__ (their FLOPs are attributed to them, not to the parent) and
 * module methods (parameters(), named_modules(), ...) work on them. A no-op for children the host constructed.
 */
export function adoptChildren(parent: InstanceValue): void {
  const moduleClass = (parent.cls as ClassValue & { mro?: ClassValue[] }).mro?.find((c) => c.qualifiedName === "torch.nn.Module");
  if (!moduleClass) return;
  const visit = (m: InstanceValue) => {
    for (const c of m.module?.children.values() ?? []) {
      if (c.kind !== "instance") continue;
      if (standalone.has(c.cls)) {
        standalone.delete(c.cls);
        const cls = c.cls as ClassValue & { mro: ClassValue[] };
        cls.bases = [moduleClass];
        cls.mro = [cls, ...((moduleClass as ClassValue & { mro?: ClassValue[] }).mro ?? [moduleClass])];
        // Module.__call__ now runs forward with the module bookkeeping; the standalone __call__ would bypass it.
        cls.attributes.delete("__call__");
      }
      visit(c);
    }
  };
  visit(parent);
}

/** Runs a child module through the interpreter; `parent` lets standalone children join its nn.Module first. */
export function callChild(child: Value, args: Value[], context: OpContext, kwargs: Map<string, Value> = new Map(), parent?: InstanceValue): Value {
  if (child.kind === "none") throw new Unresolved("calling a module slot that holds None");
  if (parent) adoptChildren(parent);
  return context.callValue(child, args, kwargs);
}
