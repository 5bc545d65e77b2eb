// Children of composite catalogue layers (MultiheadAttention.out_proj, TransformerEncoderLayer.self_attn, ...).
import { NONE, bindArguments, freshId } from "../interp/construct";
import {
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

const classes = new Map<LayerSpec, ClassValue>();

/** Builds a catalogue layer the way nn.Module construction does: parameters, buffers, children. */
function buildStandalone(spec: LayerSpec, args: Value[], kwargs: Map<string, Value>, context: OpContext): InstanceValue {
  const config = bindArguments(spec.signature, args, kwargs, spec.name);
  const built = spec.build(config, context);
  const state: ModuleState = { typeName: spec.name, children: new Map(), parameters: new Map(), buffers: new Map(), training: true, constructedAt: context.location(), config: configRecord(spec, config) };
  for (const [name, shape] of built.parameters) state.parameters.set(name, shape ? context.parameter(shape) : NONE);
  for (const [name, shape] of built.buffers ?? []) state.buffers.set(name, shape ? { kind: "tensor", shape, dtype: name === "num_batches_tracked" ? "int64" : "float32" } : NONE);
  for (const [name, child] of built.children ?? []) state.children.set(name, child);
  let cls = classes.get(spec);
  if (!cls) classes.set(spec, (cls = fallbackClass(spec)));
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

/** Deep-copies a module for clones (TransformerEncoder's layers): through the host, else by rebuilding or copying. */
export function cloneModule(module: InstanceValue, context: OpContext): InstanceValue {
  const host = context as LayerHostContext;
  if (host.deepCopyModule) return host.deepCopyModule(module);
  return copyTree(module, context);
}

/**
 * A structural copy with fresh parameter identities (used when no host service is there). The copy keeps its class and
 * ModuleState.config, which is all the catalogue's own instances need to run.
 */
function copyTree(module: InstanceValue, context: OpContext): InstanceValue {
  if (!module.module) return module;
  const m = module.module;
  const state: ModuleState = {
    ...m,
    children: new Map([...m.children].map(([k, c]) => [k, c.kind === "instance" ? cloneModule(c, context) : c])),
    parameters: new Map([...m.parameters].map(([k, p]) => [k, p.kind === "tensor" ? context.parameter(p.shape, p.parameter?.requiresGrad ?? true) : p])),
    buffers: new Map(m.buffers),
  };
  return { kind: "instance", cls: module.cls, attributes: new Map(module.attributes), id: freshId(), module: state };
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
  const state: ModuleState = { typeName: "ModuleList", children: new Map(children.map((c, i) => [String(i), c])), parameters: new Map(), buffers: new Map(), training: true };
  return { kind: "instance", cls, attributes: new Map(), id: freshId(), module: state };
}

/** Runs a child module: through the interpreter (so the child gets its own FLOPs) when it is callable there. */
export function callChild(child: Value, args: Value[], context: OpContext, kwargs: Map<string, Value> = new Map()): Value {
  if (child.kind === "none") throw new Unresolved("calling a module slot that holds None");
  return context.callValue(child, args, kwargs);
}
