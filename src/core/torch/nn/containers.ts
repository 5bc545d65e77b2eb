import { nativeClass } from "../../interp/classes";
import { NONE, list, str, toInt, tuple, unknown } from "../../interp/construct";
import type { Interpreter } from "../../interp/interpreter";
import { PythonError, Unresolved, type ClassValue, type InstanceValue, type NativeCall, type TensorValue, type Value } from "../../interp/values";
import { noPosition } from "../../python/ast";
import { withPublishedMethods } from "../../signatures/published";
import { self } from "./method-arguments";

/** The containers nn.Sequential, nn.ModuleList, nn.ModuleDict, nn.ParameterList and nn.ParameterDict. */
export function createContainerClasses(interp: () => Interpreter, module: ClassValue) {
  const callValue = (fn: Value, args: Value[], kwargs = new Map<string, Value>()) => interp().call(fn, args, kwargs);
  const childrenOf = (call: NativeCall) => [...self(call).module!.children.values()];
  const indexChild = (call: NativeCall): Value => {
    const s = self(call);
    const key = call.args[1];
    const items = [...s.module!.children.values()];
    if (key.kind === "slice") {
      const names = [...s.module!.children.keys()];
      const selected = interp().getItem(list(names.map(str)), key, noPosition) as Extract<Value, { kind: "list" }>;
      const copy = interp().instantiate(s.cls, [], new Map()) as InstanceValue;
      for (const n of selected.items) if (n.kind === "str") copy.module!.children.set(n.value, s.module!.children.get(n.value)!);
      return copy;
    }
    const i = toInt(key, "module index");
    const idx = i < 0 ? items.length + i : i;
    if (idx < 0 || idx >= items.length) throw new PythonError(`index ${i} is out of range`);
    return items[idx];
  };
  /** `container[i] = module`: replaces the i-th child under its own name (Sequential's names may be words). */
  const setChildAt = (call: NativeCall): Value => {
    const children = self(call).module!.children;
    const names = [...children.keys()];
    const i = toInt(call.args[1], "module index");
    const name = names[i < 0 ? names.length + i : i];
    if (name === undefined) throw new PythonError(`IndexError: index ${i} is out of range`);
    children.set(name, call.args[2] as InstanceValue);
    return NONE;
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
  /** A Sequential's step through a layer that was never built: noted once, and what flows on is unknown. */
  const unknownStep = (layer: Extract<Value, { kind: "unknown" }>): Value => {
    const i = interp();
    if (!i.recorder.reportedUnknowns.has(layer)) {
      i.noteUnknown(`a layer of this Sequential was not built: ${layer.reason}`);
      i.recorder.reportedUnknowns.add(layer);
    }
    return unknown(`output of a layer that was not built (${layer.reason})`);
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

  // What Sequential and ModuleList share (torch's container.py): indexing, iteration, list edits; `+=` extends in
  // place with any iterable of modules, `+` makes a new container of the same class.
  const listMethods = {
    __getitem__: indexChild,
    __setitem__: setChildAt,
    __iter__: (call: NativeCall) => list(childrenOf(call)),
    append: appendChild,
    extend: extendChildren,
    insert: insertChild,
    __iadd__: extendChildren,
    __add__: (call: NativeCall) => combined(call, childrenAndIterable(call)),
  };

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
      for (const m of childrenOf(call) as Value[]) {
        if (m.kind === "instance") x = callValue(m, [x]);
        // A layer that could not be built (`nn.Linear(n, len(dataset.classes))`) leaves the rest of the pass unknown.
        else if (m.kind === "unknown") x = unknownStep(m);
      }
      return x;
    },
    ...listMethods,
    // torch 1.13's container.py: `*` repeats the same layers.
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
    ...listMethods,
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

  return { sequential, moduleList, moduleDict, parameterList, parameterDict };
}
