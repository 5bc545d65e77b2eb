// inspect.signature and functools.wraps as library decorators use them: torchvision's legacy-interface decorator
// reads a builder's keyword-only parameters through inspect.signature, behind functools.wraps, which sets
// __wrapped__ so that signature() sees the wrapped function (docs.python.org/3/library/inspect.html#inspect.signature,
// functools.html#functools.update_wrapper).
import { nativeClass, lookupClassAttribute } from "./classes";
import { NONE, dict, freshId, int, str, unknown } from "./construct";
import type { ClassValue, FunctionValue, InstanceValue, ModuleNamespaceValue, NativeCall, Value } from "./values";

/** inspect.Parameter.kind values, in Python's order (an IntEnum there). */
const KINDS = ["POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD", "VAR_POSITIONAL", "KEYWORD_ONLY", "VAR_KEYWORD"] as const;

interface SignatureParameter {
  name: string;
  kind: number;
  default?: Value;
}

/** The function signature() describes: __wrapped__ followed to the end, as inspect.unwrap does. */
export function unwrapFunction(fn: Value): Value {
  let current = fn;
  for (let i = 0; i < 100 && current.kind === "function"; i++) {
    const wrapped = current.attributes?.get("__wrapped__");
    if (!wrapped) break;
    current = wrapped;
  }
  return current;
}

function parametersOf(callable: Value, dropFirst = 0): SignatureParameter[] | undefined {
  const fn = unwrapFunction(callable);
  if (fn.kind === "bound") return parametersOf(fn.fn, 1);
  if (fn.kind === "partial") {
    const inner = parametersOf(fn.fn);
    return inner?.slice(fn.args.length).map((p) => (fn.kwargs.has(p.name) ? { ...p, default: fn.kwargs.get(p.name) } : p));
  }
  if (fn.kind === "class") {
    const init = lookupClassAttribute(fn, "__init__");
    return init && init.kind === "function" ? parametersOf(init, 1) : [];
  }
  if (fn.kind !== "function") return undefined;
  const out: SignatureParameter[] = [];
  let seenStar = false;
  for (const p of fn.definition.params) {
    const kind = p.kind === "star" ? 2 : p.kind === "doublestar" ? 4 : p.kind === "keywordOnly" || seenStar ? 3 : 1;
    if (p.kind === "star") seenStar = true;
    out.push({ name: p.name, kind, default: fn.defaults.get(p.name) });
  }
  return out.slice(dropFirst);
}

/** The inspect module: signature() with Parameter kinds and defaults, unwrap, isclass, isfunction, and getsource of
 *  a module read from disk (`sourceOf`; transformers searches a model's module text for a decorator's name). */
export function createInspectModule(objectClass: ClassValue, sourceOf: (file: string) => string | undefined = () => undefined): ModuleNamespaceValue {
  const empty = nativeClass("inspect.Parameter.empty", [objectClass]);
  const parameterClass = nativeClass("inspect.Parameter", [objectClass]);
  KINDS.forEach((k, i) => parameterClass.attributes.set(k, int(i)));
  parameterClass.attributes.set("empty", empty);
  const signatureClass = nativeClass("inspect.Signature", [objectClass]);
  signatureClass.attributes.set("empty", empty);
  const instance = (cls: ClassValue, attributes: [string, Value][]): InstanceValue => ({ kind: "instance", cls, attributes: new Map(attributes), id: freshId() });
  const native = (name: string, call: (c: NativeCall) => Value): Value => ({ kind: "native", name, call });
  const signature = native("inspect.signature", ({ args }) => {
    const params = args[0] ? parametersOf(args[0]) : undefined;
    if (!params) return unknown(`the signature of a ${args[0]?.kind ?? "missing value"}`);
    const entries = params.map((p): [Value, Value] => [str(p.name), instance(parameterClass, [["name", str(p.name)], ["kind", int(p.kind)], ["default", p.default ?? empty], ["annotation", empty]])]);
    return instance(signatureClass, [["parameters", { ...dict(entries), ordered: true }], ["return_annotation", empty]]);
  });
  return {
    kind: "namespace",
    name: "inspect",
    scope: {
      names: new Map<string, Value>([
        ["signature", signature],
        ["Parameter", parameterClass],
        ["Signature", signatureClass],
        ["unwrap", native("inspect.unwrap", ({ args }) => unwrapFunction(args[0] ?? NONE))],
        ["isclass", native("inspect.isclass", ({ args }) => ({ kind: "bool", value: args[0]?.kind === "class" }))],
        ["isfunction", native("inspect.isfunction", ({ args }) => ({ kind: "bool", value: args[0]?.kind === "function" }))],
        ["getsource", native("inspect.getsource", ({ args }) => {
          const module = args[0];
          const text = module?.kind === "namespace" && module.file ? sourceOf(module.file) : undefined;
          return text === undefined ? unknown(`the source of a ${module?.kind ?? "missing value"}`) : str(text);
        })],
      ]),
    },
  };
}

/** functools.wraps(wrapped)(wrapper): the wrapper takes the wrapped function's name and module and points back at it. */
export function wraps(wrapped: Value): Value {
  return {
    kind: "native",
    name: "functools.wraps",
    call: ({ args }) => {
      const wrapper = args[0];
      if (wrapper?.kind !== "function") return wrapper ?? NONE;
      const updated: FunctionValue = { ...wrapper, attributes: new Map(wrapper.attributes ?? []) };
      updated.attributes!.set("__wrapped__", wrapped);
      if (wrapped.kind === "function" || wrapped.kind === "native" || wrapped.kind === "class") updated.name = wrapped.name;
      if (wrapped.kind === "function") {
        for (const [k, v] of wrapped.attributes ?? []) if (k !== "__wrapped__" && !updated.attributes!.has(k)) updated.attributes!.set(k, v);
        const moduleName = wrapped.module.scope.names.get("__name__");
        if (moduleName) updated.attributes!.set("__module__", moduleName);
      }
      return updated;
    },
  };
}
