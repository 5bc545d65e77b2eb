// A training function nothing in its file calls, typed with a dataclass config (`def training_loop(experiment_config:
// ExperimentConfig)`, the CLI of another file building it from each section's defaults): the run that calls it, the
// one whose figures the file keeps (uncalled-functions.ts), passes that dataclass. Its figures are its fields'
// defaults, and a field with no default whose type is itself a dataclass (`training: TrainingConfig`) holds that
// one's defaults, as `ExperimentConfig(training=TrainingConfig(), ...)` does. The instance is built from the class's
// own defaults without running its code (no `__post_init__`), and only where every field without a default is such a
// dataclass; a field made by `field(default_factory=...)` is left unknown.
import { lookupClassAttribute } from "../interp/classes";
import { freshId, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import type { ClassValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { ParameterBindings } from "./evaluate-site";
import { unreachedHolder } from "./uncalled-functions";

/** How deep dataclass fields nest before the build gives up (an experiment config of section configs is two). */
const MAX_DEPTH = 4;

/** A dataclass's instance built from its defaults, or undefined where a field without a default is no dataclass. */
function defaultsInstance(cls: ClassValue, interpreter: Interpreter, depth: number): Value | undefined {
  if (!cls.isDataclass || depth > MAX_DEPTH) return undefined;
  const names: string[] = [];
  for (const c of [...cls.mro].reverse()) for (const f of c.fields ?? []) if (!names.includes(f)) names.push(f);
  const attributes = new Map<string, Value>();
  for (const name of names) {
    const declared = lookupClassAttribute(cls, name);
    if (declared?.kind === "instance" && declared.cls.qualifiedName === "dataclasses.Field") {
      const value = declared.attributes.get("default");
      attributes.set(name, value && value.kind !== "instance" ? value : unknown(`the default_factory of ${cls.name}.${name}`));
      continue;
    }
    if (declared && declared.kind !== "function") {
      attributes.set(name, declared);
      continue;
    }
    const type = fieldType(cls, name, interpreter);
    const nested = type ? defaultsInstance(type, interpreter, depth + 1) : undefined;
    if (!nested) return undefined;
    attributes.set(name, nested);
  }
  return { kind: "instance", cls, attributes, id: freshId() };
}

/** The class a field's annotation names, in the module that defines the class. */
function fieldType(cls: ClassValue, name: string, interpreter: Interpreter): ClassValue | undefined {
  const owner = cls.mro.find((c) => c.annotations?.has(name));
  const annotation = owner?.annotations?.get(name);
  const scope = owner?.module?.scope;
  if (!annotation || !scope) return undefined;
  try {
    const value = interpreter.evaluate(annotation, scope);
    return value.kind === "class" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bindings for the parameters, typed with a dataclass and given no default, of a file's top-level functions that
 * nothing in the file reaches: each is its dataclass built from its defaults. `evaluate` works out an expression at
 * module level (the annotation).
 */
export function annotatedConfigBindings(body: Statement[], text: string, interpreter: Interpreter, evaluate: (e: Expression) => Value | undefined): ParameterBindings {
  // Cheap gate: a file with no typed parameter and no dataclass has nothing to bind.
  if (!text.includes("dataclass") && !/def\s+\w+\s*\([^)]*:\s*[A-Z]/.test(text)) return () => undefined;
  const memo = new Map<FunctionDefinition, Map<string, Value | undefined>>();
  return (fn, name) => {
    const param = fn.params.find((p) => p.name === name);
    if (!param?.annotation || param.default || param.kind !== "normal") return undefined;
    if (unreachedHolder(fn, undefined, body, text) !== fn) return undefined;
    let values = memo.get(fn);
    if (!values) memo.set(fn, (values = new Map()));
    if (!values.has(name)) {
      const type = evaluate(param.annotation);
      values.set(name, type?.kind === "class" ? defaultsInstance(type, interpreter, 0) : undefined);
    }
    return values.get(name);
  };
}
