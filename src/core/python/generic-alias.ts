// A generic class parametrized and then called (`DataLoader[Sample](ds, batch_size=8)`, `Queue[int]()`) builds the
// class itself: `Cls[T]` is a `typing._GenericAlias` / `types.GenericAlias` whose `__call__` calls its `__origin__`
// (PEP 560; docs.python.org/3/library/stdtypes.html#types.GenericAlias). The call is lowered as `Cls(...)` so every
// rule that knows the class meets it. Only a CamelCase class name with type arguments counts: an ALL_CAPS registry or
// a dict looked up by a variable (`MODELS[name]()`, `Registry[key]()`) is a lookup, not a type.
import type { Expression } from "./ast";

/** Builtin types a type argument may name (`DataLoader[tuple]`, `Dataset[int]`). */
const BUILTIN_TYPES = new Set(["int", "float", "str", "bool", "bytes", "complex", "list", "dict", "tuple", "set", "frozenset", "type", "object"]);

const CAMEL_CASE = /^_?[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*$/;

/** The class a called `Cls[T]` builds (`Cls`), or the callee as written when it is not a parametrized class. */
export function calledGenericOrigin(func: Expression): Expression {
  if (func.type !== "subscript") return func;
  const last = lastName(func.object);
  return last !== undefined && CAMEL_CASE.test(last) && isTypeArgument(func.index) ? func.object : func;
}

/** `a.b.C` → "C"; undefined for anything but a name or attribute chain. */
function lastName(e: Expression): string | undefined {
  if (e.type === "name") return e.id;
  if (e.type === "attribute") return lastName(e.object) === undefined ? undefined : e.name;
  return undefined;
}

/** A type expression: a class name (`Sample`, `types.Sample`), a builtin type, None, or generics and tuples of them. */
function isTypeArgument(e: Expression): boolean {
  if (e.type === "constant") return e.value === "None" || e.value === "...";
  if (e.type === "tuple" || e.type === "list") return e.items.length > 0 && e.items.every(isTypeArgument);
  if (e.type === "subscript") return isTypeArgument(e.object) && isTypeArgument(e.index);
  const last = lastName(e);
  return last !== undefined && (/^_?[A-Z]/.test(last) || BUILTIN_TYPES.has(last));
}
