import { isSubclass, lookupClassAttribute, nativeClass } from "../interp/classes";
import { bindLayerConstructor } from "./layer-binding";
import { withPublishedMethods } from "../signatures/published";
import { toDtype } from "./dtypes";
import { NONE, bindArguments, bool, dict, freshId, int, keyOf, list, numel, str, toInt, tuple, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import type { Recorder } from "../interp/recorder";
import type { ModuleClasses } from "../interp/runtime";
import { assignLayerArgument, layerConfigOf, setLayerConfig } from "../interp/layer-configs";
import {
  PythonError,
  Unresolved,
  type BoundArguments,
  type ClassValue,
  type InstanceValue,
  type TensorDtype,
  type LayerSpec,
  type ModuleState,
  type NativeCall,
  type TensorValue,
  type Value, UnknownInput } from "../interp/values";



function self(call: NativeCall): InstanceValue {
  const s = call.args[0];
  if (s?.kind !== "instance" || !s.module) throw new Unresolved("module method called on a non-module");
  return s;
}

/** A str argument at `index` of a module method's call (a name); Python's TypeError when it is not one. */
function textArgument(call: NativeCall, index: number, method: string): string {
  const v = call.args[index];
  if (v?.kind === "str") return v.value;
  if (v === undefined) throw new PythonError(`${method}() missing required argument`);
  throw new Unresolved(`${method}() with a name whose text is unknown`);
}

const text = (v: Value | undefined): string => (v?.kind === "str" ? v.value : "");
const flag = (v: Value | undefined): boolean => (v?.kind === "bool" ? v.value : v?.kind === "int" ? v.value !== 0 : true);

/** named_parameters / named_buffers entries under a prefix; without recursion only the module's own (no dot). */
function prefixed<T>(entries: [string, T][], prefix: string, recurse: boolean): [string, T][] {
  return entries.filter(([n]) => recurse || !n.includes(".")).map(([n, v]) => [prefix ? `${prefix}.${n}` : n, v]);
}

function moduleState(v: Value): ModuleState | undefined {
  return v.kind === "instance" ? v.module : undefined;
}

/** Every module of a tree with its dotted path, depth-first in registration order, each once (named_modules). */
export function namedModules(root: InstanceValue): [string, InstanceValue][] {
  const out: [string, InstanceValue][] = [];
  const seen = new Set<number>();
  const visit = (m: InstanceValue, path: string): void => {
    if (seen.has(m.id)) return;
    seen.add(m.id);
    out.push([path, m]);
    for (const [name, child] of m.module!.children) {
      if (child.kind === "instance" && child.module) visit(child, path ? `${path}.${name}` : name);
    }
  };
  visit(root, "");
  return out;
}

/** Every parameter of a tree with its dotted name, each once (named_parameters, so tied weights count once). */
export function namedParameters(root: InstanceValue): [string, TensorValue][] {
  const out: [string, TensorValue][] = [];
  const seen = new Set<number>();
  for (const [path, m] of namedModules(root)) {
    for (const [name, p] of m.module!.parameters) {
      if (p.kind !== "tensor") continue;
      const id = p.parameter?.id ?? -1;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push([path ? `${path}.${name}` : name, p]);
    }
  }
  return out;
}

/** Every buffer of a tree with its dotted name. */
export function namedBuffers(root: InstanceValue): [string, TensorValue][] {
  const out: [string, TensorValue][] = [];
  for (const [path, m] of namedModules(root)) {
    for (const [name, b] of m.module!.buffers) if (b.kind === "tensor") out.push([path ? `${path}.${name}` : name, b]);
  }
  return out;
}

/** Module.train(mode) / eval(): every module of the tree, and the `training` attribute forward code reads. */
function setTraining(root: InstanceValue, mode: boolean): Value {
  for (const [, m] of namedModules(root)) {
    m.module!.training = mode;
    m.attributes.set("training", bool(mode));
  }
  return root;
}

/** A deep copy of a value: modules and parameters get fresh identities (copy.deepcopy). */
export function deepCopy(v: Value, memo = new Map<number, Value>()): Value {
  switch (v.kind) {
    case "list": return list(v.items.map((x) => deepCopy(x, memo)));
    case "tuple": return { ...v, items: v.items.map((x) => deepCopy(x, memo)) };
    case "dict": {
      const entries = new Map<string, { key: Value; value: Value }>();
      for (const [k, e] of v.entries) entries.set(k, { key: e.key, value: deepCopy(e.value, memo) });
      return { ...v, entries, id: freshId() };
    }
    case "tensor":
      if (!v.parameter) return v;
      if (memo.has(v.parameter.id)) return memo.get(v.parameter.id)!;
      {
        const copy: TensorValue = { ...v, parameter: { ...v.parameter, id: freshId() } };
        memo.set(v.parameter.id, copy);
        return copy;
      }
    case "instance": {
      const key = -v.id;
      if (memo.has(key)) return memo.get(key)!;
      const copy: InstanceValue = { kind: "instance", cls: v.cls, attributes: new Map(), id: freshId() };
      memo.set(key, copy);
      for (const [k, x] of v.attributes) copy.attributes.set(k, deepCopy(x, memo));
      if (v.module) {
        const m = v.module;
        copy.module = {
          ...m,
          children: new Map([...m.children].map(([k, c]) => [k, deepCopy(c, memo) as InstanceValue])),
          parameters: new Map([...m.parameters].map(([k, p]) => [k, deepCopy(p, memo) as TensorValue])),
          buffers: new Map(m.buffers),
        };
        const config = layerConfigOf(v);
        if (config) setLayerConfig(copy, config);
      }
      return copy;
    }
    default: return v;
  }
}

/** Creates nn.Module, nn.Parameter and the containers, bound to an interpreter. */
export function createModuleClasses(interp: () => Interpreter, objectClass: ClassValue): ModuleClasses {
  const callValue = (fn: Value, args: Value[], kwargs = new Map<string, Value>()) => interp().call(fn, args, kwargs);

  const setModuleAttribute = (target: InstanceValue, name: string, value: Value): void => {
    const m = target.module!;
    // As PyTorch's Module.__setattr__: the name leaves the other registries, but a submodule or parameter replaced in
    // its own registry keeps its place (`resnet.conv1 = ...` stays first in children()).
    const dropExcept = (keep: object) => {
      target.attributes.delete(name);
      for (const registry of [m.children, m.parameters, m.buffers]) if (registry !== keep) registry.delete(name);
    };
    if (value.kind === "instance" && value.module) {
      dropExcept(m.children);
      m.children.set(name, value);
    } else if (value.kind === "tensor" && value.parameter) {
      dropExcept(m.parameters);
      m.parameters.set(name, value);
    } else if (value.kind === "tensor" && m.parameters.has(name)) {
      // as Module.__setattr__: a registered parameter takes only a Parameter or None
      throw new PythonError(`cannot assign 'torch.FloatTensor' as parameter '${name}' (torch.nn.Parameter or None expected)`);
    } else if (value.kind === "tensor" && value.buffer) {
      dropExcept(m.buffers);
      const { buffer: _, ...plain } = value;
      m.buffers.set(name, plain);
    } else if (m.buffers.has(name) && (value.kind === "tensor" || value.kind === "none")) {
      m.buffers.set(name, value);
    } else if (value.kind === "none" && (m.children.has(name) || m.parameters.has(name))) {
      if (m.children.has(name)) m.children.set(name, NONE);
      else m.parameters.set(name, NONE);
    } else {
      m.children.delete(name);
      m.parameters.delete(name);
      // a catalogue layer's forward reads some of its constructor arguments back (conv.stride = (1, 1))
      const kernelSizedWeights = [...m.parameters.values()].some((p) => p.kind === "tensor" && p.shape.length > 2);
      if (assignLayerArgument(target, name, value, kernelSizedWeights)) target.attributes.delete(name);
      else interp().storeAttribute(target, name, value);
    }
  };

  // A call that ends unknown still happened: the coverage figures count the layer as reached without known shapes.
  const noteUnknownCall = (recorder: Recorder, id: number): void => {
    const tally = recorder.tally(id);
    tally.unknownCalls++;
    tally.shapeBeforeUnknown ??= recorder.lastKnownShape();
  };

  const callModule = ({ args, kwargs }: NativeCall): Value => {
    const target = args[0];
    if (target.kind !== "instance" || !target.module) throw new Unresolved("calling a non-module");
    const interpreter = interp();
    const recorder = interpreter.recorder;
    const forward = interpreter.getAttribute(target, "forward");
    recorder.moduleStack.push(target);
    const before = recorder.ops.length;
    let result: Value;
    try {
      result = callValue(forward, args.slice(1), kwargs);
    } catch (err) {
      if (recorder.recording) noteUnknownCall(recorder, target.id);
      throw err;
    } finally {
      recorder.moduleStack.pop();
    }
    if (recorder.recording && result.kind === "unknown") {
      noteUnknownCall(recorder, target.id);
      return result;
    }
    if (recorder.recording) {
      const tally = recorder.tally(target.id);
      tally.calls++;
      tally.output = firstTensor(result)?.shape ?? null;
      // A catalogue layer reads its own weights once per call: charge them to its first op.
      if (target.cls.layer && recorder.ops.length > before) {
        let weights = 0;
        for (const p of target.module.parameters.values()) if (p.kind === "tensor") weights += numel(p.shape);
        recorder.ops[before].weightElements += weights;
        if (target.module.quantized) for (let i = before; i < recorder.ops.length; i++) recorder.ops[i].quantized = true;
        if (target.module.weightOnlyBits) for (let i = before; i < recorder.ops.length; i++) recorder.ops[i].weightOnlyBits = target.module.weightOnlyBits;
      }
    }
    return result;
  };

  const module = nativeClass("torch.nn.Module", [objectClass], withPublishedMethods("torch.nn.Module", {
    __init__: () => NONE,
    __call__: callModule,
    __setattr__: ({ args }) => {
      const [target, name, value] = args;
      if (target.kind !== "instance" || name.kind !== "str") return NONE;
      if (target.module) setModuleAttribute(target, name.value, value);
      else interp().storeAttribute(target, name.value, value);
      return NONE;
    },
    // Called explicitly (`self.__getattr__('level_%d' % i)`, DLA's trees): like PyTorch, it reads only the registered
    // parameters, buffers and submodules.
    __getattr__: (call) => {
      const s = self(call);
      const name = call.args[1];
      if (name?.kind !== "str") return unknown("__getattr__ of a name whose text is unknown");
      const m = s.module!;
      const found = m.parameters.get(name.value) ?? m.buffers.get(name.value) ?? m.children.get(name.value);
      if (found === undefined) throw new PythonError(`'${s.cls.name}' object has no attribute '${name.value}'`);
      return found;
    },
    forward: () => {
      throw new Unresolved("module has no forward()");
    },
    // Calls arrive bound by nn.Module's published signatures (withPublishedMethods): arguments arrive by position.
    register_buffer: (call) => {
      const [s, name, t] = [self(call), textArgument(call, 1, "register_buffer"), call.args[2] ?? NONE];
      s.module!.buffers.set(name, t.kind === "tensor" ? { ...t, parameter: undefined } : NONE);
      return NONE;
    },
    register_parameter: (call) => {
      const [s, name, p] = [self(call), textArgument(call, 1, "register_parameter"), call.args[2] ?? NONE];
      s.module!.parameters.set(name, p.kind === "tensor" ? p : NONE);
      return NONE;
    },
    add_module: (call) => {
      const [s, name, m] = [self(call), textArgument(call, 1, "add_module"), call.args[2] ?? NONE];
      s.module!.children.set(name, m.kind === "instance" ? m : NONE);
      return NONE;
    },
    register_module: (call) => {
      const [s, name, m] = [self(call), textArgument(call, 1, "register_module"), call.args[2] ?? NONE];
      s.module!.children.set(name, m.kind === "instance" ? m : NONE);
      return NONE;
    },
    // (recurse=True) / (prefix='', recurse=True): recurse=False keeps the module's own entries
    parameters: (call) => list(prefixed(namedParameters(self(call)), "", flag(call.args[1])).map(([, p]) => p)),
    named_parameters: (call) => list(prefixed(namedParameters(self(call)), text(call.args[1]), flag(call.args[2])).map(([n, p]) => tuple([str(n), p]))),
    buffers: (call) => list(prefixed(namedBuffers(self(call)), "", flag(call.args[1])).map(([, b]) => b)),
    named_buffers: (call) => list(prefixed(namedBuffers(self(call)), text(call.args[1]), flag(call.args[2])).map(([n, b]) => tuple([str(n), b]))),
    modules: (call) => list(namedModules(self(call)).map(([, m]) => m)),
    // (memo=None, prefix='', remove_duplicate=True)
    named_modules: (call) => {
      const prefix = text(call.args[2]);
      return list(namedModules(self(call)).map(([n, m]) => tuple([str(prefix && n ? `${prefix}.${n}` : prefix || n), m])));
    },
    children: (call) => list([...self(call).module!.children.values()].filter((c) => c.kind === "instance")),
    named_children: (call) => list([...self(call).module!.children].filter(([, c]) => c.kind === "instance").map(([n, c]) => tuple([str(n), c]))),
    apply: (call) => {
      const s = self(call);
      const fn = call.args[1];
      const visit = (m: InstanceValue) => {
        for (const c of m.module!.children.values()) if (c.kind === "instance") visit(c);
        callValue(fn, [m]);
      };
      visit(s);
      return s;
    },
    eval: (call) => setTraining(self(call), false),
    train: (call) => setTraining(self(call), call.args[1]?.kind === "bool" ? call.args[1].value : true),
    get_submodule: (call) => {
      let m: Value = self(call);
      const target = call.args[1];
      if (target.kind !== "str") return unknown("get_submodule of an unknown name");
      for (const part of target.value.split(".").filter(Boolean)) m = moduleState(m)?.children.get(part) ?? unknown(`no submodule ${part}`);
      return m;
    },
    // `get_parameter("encoder.embed_tokens.weight")` (weight tying by name), AttributeError when there is none
    get_parameter: (call) => registryEntry(call, (m) => m.parameters, "parameter"),
    get_buffer: (call) => registryEntry(call, (m) => m.buffers, "buffer"),
    // Names in PyTorch's order (each module's parameters, then its buffers, then its children), values the tensors
    // themselves (keep_vars), so init code writing through state_dict()[key] reaches the weights. Weights are shapes
    // here, never values; buffers registered with persistent=False are listed too.
    state_dict: (call) => {
      const entries: [Value, Value][] = [];
      for (const [path, m] of namedModules(self(call))) {
        for (const registry of [m.module!.parameters, m.module!.buffers]) {
          for (const [name, t] of registry) if (t.kind === "tensor") entries.push([str(path ? `${path}.${name}` : name), t]);
        }
      }
      return dict(entries);
    },
    load_state_dict: () => NONE,
    zero_grad: () => NONE,
    requires_grad_: (call) => call.args[0],
    share_memory: (call) => call.args[0],
    extra_repr: () => str(""),
    __len__: (call) => int(self(call).module!.children.size),
  }));
  module.isModule = true;
  for (const name of ["to", "cuda", "cpu", "half", "float", "double", "bfloat16", "type", "to_empty", "xpu", "mps"]) {
    module.attributes.set(name, {
      kind: "native",
      name: `Module.${name}`,
      call: (c) => {
        const dtype = castDtype(name, c.args.slice(1), c.kwargs);
        if (dtype && c.args[0]?.kind === "instance") castFloatingTensors(c.args[0], dtype);
        return c.args[0];
      },
    });
  }
  module.attributes.set("training", bool(true));
  // The registries read directly (`for name in self._modules: ...` in weight-init code), as name → value snapshots.
  const registry = (name: string, pick: (m: ModuleState) => Map<string, Value>): Value => ({
    kind: "property",
    getter: { kind: "native", name: `Module.${name}`, call: (c) => dict([...pick(self(c).module!)].map(([k, v]) => [str(k), v] as [Value, Value])) },
  });
  module.attributes.set("_modules", registry("_modules", (m) => m.children));
  module.attributes.set("_parameters", registry("_parameters", (m) => m.parameters));
  module.attributes.set("_buffers", registry("_buffers", (m) => m.buffers));

  const parameter = nativeClass("torch.nn.Parameter", [objectClass]);
  parameter.construct = ({ args, kwargs }) => {
    const data = args[0] ?? kwargs.get("data");
    const requiresGrad = args[1] ?? kwargs.get("requires_grad") ?? bool(true);
    if (!data || data.kind !== "tensor") {
      if (data?.kind === "unknown") throw new UnknownInput(data);
      throw new Unresolved("nn.Parameter of a non-tensor");
    }
    return { ...data, parameter: { id: freshId(), requiresGrad: requiresGrad.kind === "bool" ? requiresGrad.value : true } };
  };

  // torch.nn.Buffer(data, persistent=True) (torch 2.5): a tensor a module keeps as a buffer once assigned.
  const buffer = nativeClass("torch.nn.Buffer", [objectClass]);
  buffer.construct = ({ args, kwargs }) => {
    const data = args[0] ?? kwargs.get("data");
    if (data?.kind !== "tensor") throw new Unresolved(`nn.Buffer of ${data?.kind === "unknown" ? `an unknown tensor: ${data.reason}` : "a non-tensor"}`);
    return { ...data, buffer: true };
  };

  const registryEntry = (call: NativeCall, registry: (m: ModuleState) => Map<string, Value>, what: string): Value => {
    const target = call.args[1];
    if (target?.kind !== "str") return unknown(`get_${what} of an unknown name`);
    const parts = target.value.split(".");
    let m: Value = self(call);
    for (const part of parts.slice(0, -1)) m = moduleState(m)?.children.get(part) ?? NONE;
    const state = moduleState(m);
    const found = state ? registry(state).get(parts[parts.length - 1]) : undefined;
    if (!found || found.kind === "none") throw new PythonError(`AttributeError: the module has no ${what} '${target.value}'`);
    return found;
  };

  const childrenOf = (call: NativeCall) => [...self(call).module!.children.values()];
  const indexChild = (call: NativeCall): Value => {
    const s = self(call);
    const key = call.args[1];
    const items = [...s.module!.children.values()];
    if (key.kind === "slice") {
      const names = [...s.module!.children.keys()];
      const selected = interp().getItem(list(names.map(str)), key, zero) as Extract<Value, { kind: "list" }>;
      const copy = interp().instantiate(s.cls, [], new Map()) as InstanceValue;
      for (const n of selected.items) if (n.kind === "str") copy.module!.children.set(n.value, s.module!.children.get(n.value)!);
      return copy;
    }
    const i = toInt(key, "module index");
    const idx = i < 0 ? items.length + i : i;
    if (idx < 0 || idx >= items.length) throw new PythonError(`index ${i} is out of range`);
    return items[idx];
  };
  const appendChild = (call: NativeCall): Value => {
    const s = self(call);
    s.module!.children.set(String(s.module!.children.size), call.args[1] as InstanceValue);
    return s;
  };
  const extendChildren = (call: NativeCall): Value => {
    const s = self(call);
    for (const m of interp().iterate(call.args[1])) s.module!.children.set(String(s.module!.children.size), m as InstanceValue);
    return s;
  };
  /** A new container of `self`'s class holding `modules` in order (ModuleList / Sequential `+`). */
  const combined = (call: NativeCall, modules: Value[]): Value => {
    const copy = interp().instantiate(self(call).cls, [], new Map()) as InstanceValue;
    modules.forEach((m, i) => copy.module!.children.set(String(i), m as InstanceValue));
    return copy;
  };
  const childrenAndIterable = (call: NativeCall): Value[] => [...childrenOf(call), ...interp().iterate(call.args[1])];
  const insertChild = (call: NativeCall): Value => {
    const s = self(call);
    const items = [...s.module!.children.values()];
    let i = toInt(call.args[1]);
    if (i < 0) i += items.length;
    items.splice(i, 0, call.args[2] as InstanceValue);
    s.module!.children.clear();
    items.forEach((m, k) => s.module!.children.set(String(k), m));
    return NONE;
  };
  const zero = { line: 0, column: 0, endLine: 0, endColumn: 0, startIndex: 0, endIndex: 0 };

  const sequential = nativeClass("torch.nn.Sequential", [module], withPublishedMethods("torch.nn.Sequential", {
    __init__: (call) => {
      const s = self(call);
      const args = call.args.slice(1);
      if (args.length === 1 && args[0].kind === "dict") {
        for (const { key, value } of args[0].entries.values()) if (key.kind === "str") s.module!.children.set(key.value, value as InstanceValue);
      } else args.forEach((m, i) => s.module!.children.set(String(i), m as InstanceValue));
      return NONE;
    },
    forward: (call) => {
      let x = call.args[1];
      for (const m of childrenOf(call)) if (m.kind === "instance") x = callValue(m, [x]);
      return x;
    },
    __getitem__: indexChild,
    __iter__: (call) => list(childrenOf(call)),
    append: appendChild,
    extend: extendChildren,
    insert: insertChild,
    // torch 1.13's container.py: `+` and `+=` take another Sequential; `*` repeats the same layers.
    __add__: (call) => combined(call, childrenAndIterable(call)),
    __iadd__: extendChildren,
    __mul__: (call) => combined(call, Array.from({ length: Math.max(0, toInt(call.args[1])) }, () => childrenOf(call)).flat()),
    __rmul__: (call) => combined(call, Array.from({ length: Math.max(0, toInt(call.args[1])) }, () => childrenOf(call)).flat()),
  }));

  const moduleList = nativeClass("torch.nn.ModuleList", [module], withPublishedMethods("torch.nn.ModuleList", {
    __init__: (call) => {
      const s = self(call);
      const modules = call.args[1] ?? call.kwargs.get("modules");
      if (modules && modules.kind !== "none") interp().iterate(modules).forEach((m, i) => s.module!.children.set(String(i), m as InstanceValue));
      return NONE;
    },
    __getitem__: indexChild,
    __setitem__: (call) => {
      const s = self(call);
      const i = toInt(call.args[1]);
      const key = String(i < 0 ? s.module!.children.size + i : i);
      s.module!.children.set(key, call.args[2] as InstanceValue);
      return NONE;
    },
    __iter__: (call) => list(childrenOf(call)),
    append: appendChild,
    extend: extendChildren,
    insert: insertChild,
    // `+=` extends in place with any iterable of modules; `+` makes a new ModuleList (torch's container.py).
    __iadd__: extendChildren,
    __add__: (call) => combined(call, childrenAndIterable(call)),
    forward: () => {
      throw new PythonError("ModuleList has no forward()");
    },
  }));

  const dictEntries = (call: NativeCall) => [...self(call).module!.children].filter(([, c]) => c.kind === "instance");
  const moduleDict = nativeClass("torch.nn.ModuleDict", [module], withPublishedMethods("torch.nn.ModuleDict", {
    __init__: (call) => {
      const s = self(call);
      const modules = call.args[1] ?? call.kwargs.get("modules");
      if (modules?.kind === "dict") {
        for (const { key, value } of modules.entries.values()) if (key.kind === "str") s.module!.children.set(key.value, value as InstanceValue);
      } else if (modules && modules.kind !== "none") {
        for (const pair of interp().iterate(modules)) {
          const [k, v] = interp().iterate(pair);
          if (k.kind === "str") s.module!.children.set(k.value, v as InstanceValue);
        }
      }
      return NONE;
    },
    __getitem__: (call) => {
      const k = call.args[1];
      if (k.kind !== "str") throw new Unresolved("ModuleDict key is not a string");
      return self(call).module!.children.get(k.value) ?? unknown(`ModuleDict has no key ${k.value}`);
    },
    __setitem__: (call) => {
      const k = call.args[1];
      if (k.kind === "str") self(call).module!.children.set(k.value, call.args[2] as InstanceValue);
      return NONE;
    },
    __iter__: (call) => list(dictEntries(call).map(([k]) => str(k))),
    keys: (call) => list(dictEntries(call).map(([k]) => str(k))),
    values: (call) => list(dictEntries(call).map(([, v]) => v)),
    items: (call) => list(dictEntries(call).map(([k, v]) => tuple([str(k), v]))),
    update: (call) => {
      const src = call.args[1];
      if (src?.kind === "dict") for (const { key, value } of src.entries.values()) if (key.kind === "str") self(call).module!.children.set(key.value, value as InstanceValue);
      return NONE;
    },
  }));

  const parameterList = nativeClass("torch.nn.ParameterList", [module], withPublishedMethods("torch.nn.ParameterList", {
    __init__: (call) => {
      const s = self(call);
      const values = call.args[1];
      if (values && values.kind !== "none") interp().iterate(values).forEach((p, i) => s.module!.parameters.set(String(i), p as TensorValue));
      return NONE;
    },
    __getitem__: (call) => [...self(call).module!.parameters.values()][toInt(call.args[1])] ?? unknown("ParameterList index"),
    __iter__: (call) => list([...self(call).module!.parameters.values()]),
    append: (call) => {
      const s = self(call);
      s.module!.parameters.set(String(s.module!.parameters.size), call.args[1] as TensorValue);
      return s;
    },
  }));
  const parameterDict = nativeClass("torch.nn.ParameterDict", [module], withPublishedMethods("torch.nn.ParameterDict", {
    __init__: (call) => {
      const s = self(call);
      const values = call.args[1];
      if (values?.kind === "dict") for (const { key, value } of values.entries.values()) if (key.kind === "str") s.module!.parameters.set(key.value, value as TensorValue);
      return NONE;
    },
    __getitem__: (call) => {
      const k = call.args[1];
      return (k.kind === "str" && self(call).module!.parameters.get(k.value)) || unknown("ParameterDict key");
    },
  }));

  // from_pretrained(embeddings, freeze=True, ...): a layer sized by the weights' shape, frozen unless freeze=False
  const fromPretrained = (call: NativeCall, cls: ClassValue): Value => {
    const b = bindArguments(["embeddings", "freeze=True", "*rest", "**options"], call.args, call.kwargs, `${cls.name}.from_pretrained`);
    const weights = b.get("embeddings");
    if (weights.kind !== "tensor") return weights.kind === "unknown" ? weights : unknown(`${cls.name}.from_pretrained of a non-tensor`);
    if (weights.shape.length !== 2) throw new PythonError("Embeddings parameter is expected to be 2-dimensional");
    const options = new Map<string, Value>();
    const extra = b.get("options");
    if (extra.kind === "dict") for (const { key, value } of extra.entries.values()) if (key.kind === "str") options.set(key.value, value);
    const layer = interp().instantiate(cls, [int(weights.shape[0]), int(weights.shape[1])], options) as InstanceValue;
    const frozen = b.get("freeze");
    const w = layer.module!.parameters.get("weight");
    if (w?.kind === "tensor" && w.parameter) layer.module!.parameters.set("weight", { ...w, parameter: { ...w.parameter, requiresGrad: !(frozen.kind === "bool" ? frozen.value : true) } });
    return layer;
  };
  // Class-level constructors and helpers of catalogue layers, per interpreter (they build through it)
  const layerStatics: Record<string, Record<string, (call: NativeCall, cls: ClassValue) => Value>> = {
    Embedding: { from_pretrained: fromPretrained },
    EmbeddingBag: { from_pretrained: fromPretrained },
    // Transformer.generate_square_subsequent_mask(sz): the float causal mask, (sz, sz)
    Transformer: {
      generate_square_subsequent_mask: (call) => {
        const b = bindArguments(["sz", "device=None", "dtype=None"], call.args, call.kwargs, "generate_square_subsequent_mask");
        const n = b.int("sz");
        return { kind: "tensor", shape: [n, n], dtype: b.isNone("dtype") ? "float32" : toDtype(b.get("dtype")) };
      },
    },
  };

  const layerClass = (spec: LayerSpec): ClassValue => {
    const cls = nativeClass(`torch.nn.${spec.name}`, [module], {
      __init__: (call) => {
        const s = self(call);
        const bound = bindLayerConstructor(spec, call.args.slice(1), call.kwargs);
        const context = call.context;
        const build = spec.build(bound, context);
        for (const [name, shape] of build.parameters) s.module!.parameters.set(name, shape ? context.parameter(shape) : NONE);
        for (const [name, shape] of build.buffers ?? []) s.module!.buffers.set(name, shape ? { kind: "tensor", shape, dtype: name === "num_batches_tracked" ? "int64" : "float32" } : NONE);
        for (const [name, child] of build.children ?? []) s.module!.children.set(name, child);
        setLayerConfig(s, bound);
        return NONE;
      },
      forward: (call) => {
        const s = self(call);
        const config = layerConfigOf(s);
        if (!config) throw new Unresolved(`${spec.name} was not constructed`);
        return spec.forward({ config, state: s.module!, self: s }, call.args.slice(1), call.kwargs, call.context);
      },
    });
    cls.layer = spec;
    cls.isModule = true;
    for (const [name, method] of Object.entries(spec.methods ?? {})) {
      cls.attributes.set(name, {
        kind: "native",
        name: `${spec.name}.${name}`,
        call: (call) => {
          const s = self(call);
          const config = layerConfigOf(s);
          if (!config) throw new Unresolved(`${spec.name} was not constructed`);
          return method({ config, state: s.module!, self: s }, call.args.slice(1), call.kwargs, call.context);
        },
      });
    }
    for (const [name, f] of Object.entries(layerStatics[spec.name] ?? {})) {
      cls.attributes.set(name, { kind: "native", name: `${spec.name}.${name}`, call: (c) => f(c, cls) });
    }
    return cls;
  };

  void lookupClassAttribute;
  void isSubclass;
  void keyOf;
  return { module, parameter, buffer, sequential, moduleList, moduleDict, parameterList, parameterDict, layerClass };
}

function firstTensor(v: Value): TensorValue | undefined {
  if (v.kind === "tensor") return v;
  if (v.kind === "tuple" || v.kind === "list") for (const x of v.items) {
    const t = firstTensor(x);
    if (t) return t;
  }
  return undefined;
}

/** Casts by method name (half, bfloat16, float, double). */
const CAST_METHODS: Record<string, TensorDtype> = { half: "float16", bfloat16: "bfloat16", float: "float32", double: "float64" };
const FLOATING = new Set<TensorDtype>(["float32", "float64", "float16", "bfloat16"]);

/** The floating dtype a Module cast method moves the weights to: `.half()`, `.to(torch.bfloat16)`,
 *  `.to("cuda", torch.float16)`, `.to(dtype=...)`, `.type(torch.float16)`; undefined for a device move. */
function castDtype(method: string, args: Value[], kwargs: Map<string, Value>): TensorDtype | undefined {
  if (CAST_METHODS[method]) return CAST_METHODS[method];
  if (method !== "to" && method !== "type") return undefined;
  const named = kwargs.get("dtype") ?? kwargs.get("dst_type");
  const given = named ? [named] : args.filter((a) => a.kind === "dtype");
  const dtype = given[0]?.kind === "dtype" ? given[0].name : undefined;
  return dtype && FLOATING.has(dtype) ? dtype : undefined;
}

/** Module.half() and the like cast a module's floating parameters and buffers in place (integer buffers stay). */
function castFloatingTensors(root: InstanceValue, dtype: TensorDtype): void {
  for (const [, m] of namedModules(root)) {
    for (const registry of [m.module!.parameters, m.module!.buffers]) {
      for (const [name, t] of registry) if (t.kind === "tensor" && FLOATING.has(t.dtype)) registry.set(name, { ...t, dtype });
    }
  }
}
