// A module tree as PyTorch's nn.Module methods walk it: named_modules, named_parameters, named_buffers,
// train/eval, dtype casts, and copy.deepcopy.
import { bool, freshId, list } from "../interp/construct";
import { layerConfigOf, setLayerConfig } from "../interp/layer-configs";
import type { InstanceValue, TensorDtype, TensorValue, Value } from "../interp/values";

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
export function setTraining(root: InstanceValue, mode: boolean): Value {
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

/** Casts by method name (half, bfloat16, float, double). */
const CAST_METHODS: Record<string, TensorDtype> = { half: "float16", bfloat16: "bfloat16", float: "float32", double: "float64" };
const FLOATING = new Set<TensorDtype>(["float32", "float64", "float16", "bfloat16"]);

/** The floating dtype a Module cast method moves the weights to: `.half()`, `.to(torch.bfloat16)`,
 *  `.to("cuda", torch.float16)`, `.to(dtype=...)`, `.type(torch.float16)`; undefined for a device move. */
export function castDtype(method: string, args: Value[], kwargs: Map<string, Value>): TensorDtype | undefined {
  if (CAST_METHODS[method]) return CAST_METHODS[method];
  if (method !== "to" && method !== "type") return undefined;
  const named = kwargs.get("dtype") ?? kwargs.get("dst_type");
  const given = named ? [named] : args.filter((a) => a.kind === "dtype");
  const dtype = given[0]?.kind === "dtype" ? given[0].name : undefined;
  return dtype && FLOATING.has(dtype) ? dtype : undefined;
}

/** Module.half() and the like cast a module's floating parameters and buffers in place (integer buffers stay). */
export function castFloatingTensors(root: InstanceValue, dtype: TensorDtype): void {
  for (const [, m] of namedModules(root)) {
    for (const registry of [m.module!.parameters, m.module!.buffers]) {
      for (const [name, t] of registry) if (t.kind === "tensor" && FLOATING.has(t.dtype)) registry.set(name, { ...t, dtype });
    }
  }
}
