import type { FunctionDefinition, Statement } from "../python/ast";
import { callsInBody } from "../python/syntax-walk";
import { PythonError, type ClassValue, type ModuleNamespaceValue, type NativeCall, type Value } from "./values";

/** C3 linearisation of a class's bases (Python's method resolution order). */
export function computeMro(cls: ClassValue): ClassValue[] {
  const sequences = cls.bases.map((b) => [...b.mro]);
  sequences.push([...cls.bases]);
  const result: ClassValue[] = [cls];
  for (;;) {
    const nonEmpty = sequences.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let candidate: ClassValue | undefined;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((t) => t.indexOf(head) > 0)) {
        candidate = head;
        break;
      }
    }
    // Inconsistent hierarchies are a TypeError in Python; keep going with a depth-first order instead.
    candidate ??= nonEmpty[0][0];
    result.push(candidate);
    for (const s of sequences) if (s[0] === candidate) s.shift();
  }
}

/** Creates a native class (a torch or builtin type) with native methods. */
export function nativeClass(
  qualifiedName: string,
  bases: ClassValue[],
  methods: Record<string, (call: NativeCall) => Value> = {},
  extra: Partial<ClassValue> = {},
): ClassValue {
  const name = qualifiedName.slice(qualifiedName.lastIndexOf(".") + 1);
  const cls: ClassValue = { kind: "class", name, qualifiedName, bases, attributes: new Map(), mro: [], ...extra };
  cls.mro = computeMro(cls);
  for (const [k, fn] of Object.entries(methods)) cls.attributes.set(k, { kind: "native", name: `${name}.${k}`, call: fn });
  cls.isModule ||= bases.some((b) => b.isModule);
  return cls;
}

/** Looks a name up along a class's MRO, optionally starting after a class (for super()). */
export function lookupClassAttribute(cls: ClassValue, name: string, after?: ClassValue): Value | undefined {
  const mro = cls.mro;
  let i = 0;
  if (after) {
    i = mro.indexOf(after) + 1;
    if (i === 0) throw new PythonError(`super(): ${after.name} is not a base of ${cls.name}`);
  }
  for (; i < mro.length; i++) {
    const v = mro[i].attributes.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** True when cls is base or derives from it. */
export function isSubclass(cls: ClassValue, base: ClassValue): boolean {
  return cls.mro.includes(base);
}

/** The Python method `name` of an object's class, the first in its MRO, with the module it was defined in; undefined
 *  for anything else (a native method, an attribute that is not a function, an object that is not an instance). */
export function instanceMethod(self: Value, name: string): { definition: FunctionDefinition; module: ModuleNamespaceValue } | undefined {
  if (self.kind !== "instance") return undefined;
  const fn = lookupClassAttribute(self.cls, name);
  return fn?.kind === "function" && fn.definition.type === "function" ? { definition: fn.definition, module: fn.module } : undefined;
}

/** The methods a class and its bases define in Python source, in MRO order: each body with the name its first
 *  parameter gives the instance (`self`). */
export function sourceMethods(cls: ClassValue): { body: Statement[]; self: string }[] {
  const out: { body: Statement[]; self: string }[] = [];
  for (const base of cls.mro) {
    for (const member of base.attributes.values()) {
      if (member.kind !== "function" || member.definition.type !== "function") continue;
      const self = member.definition.params[0]?.name;
      if (self !== undefined) out.push({ body: member.definition.body, self });
    }
  }
  return out;
}

/** The Python method `name` of an object and the methods of the object it calls on `self` (`self.helper(...)`),
 *  breadth first, `depth` calls deep and at most `max` in all: what Python may run when a loop calls `obj.name()`. */
export function methodsReached(object: Value, name: string, depth: number, max: number): FunctionDefinition[] {
  const first = instanceMethod(object, name)?.definition;
  if (!first) return [];
  const reached: FunctionDefinition[] = [first];
  let frontier = [first];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: FunctionDefinition[] = [];
    for (const def of frontier) {
      const self = def.params[0]?.name;
      for (const call of callsInBody(def.body)) {
        if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id !== self || reached.length >= max) continue;
        const helper = instanceMethod(object, call.func.name)?.definition;
        if (helper && !reached.includes(helper)) {
          reached.push(helper);
          next.push(helper);
        }
      }
    }
    frontier = next;
  }
  return reached;
}
