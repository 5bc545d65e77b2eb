// Keras' mixed-precision policy is global: a workspace module that calls `mixed_precision.set_global_policy(...)` at
// its top level sets it for every layer built after the script imports that module (`from models.cnn import CNN`),
// since Python runs a module's top level on its first import (keras.io/api/mixed_precision/policy).
import type { Interpreter } from "../interp/interpreter";
import type { ModuleFiles } from "../interp/module-resolver";
import type { ModuleNamespaceValue, Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { kerasPolicy, type HalfPrecision } from "./framework-precision";

const POLICY_SETTERS = new Set(["set_global_policy", "set_dtype_policy", "set_policy"]);
/** A module text without a setter's name is not scanned. */
const POLICY_CALL = /\bset_(global_|dtype_)?policy\s*\(/;

/** A module's top-level statements and those of its top-level `try`s; with `branches`, those of its `if`s too. An
 *  imported module's `if`s are left out: its `if __name__ == "__main__":` block does not run on import. */
function topLevel(body: readonly Statement[], branches: boolean): Statement[] {
  return body.flatMap((s) => (s.type === "if" && branches ? [...topLevel(s.body, branches), ...topLevel(s.orelse, branches)] : s.type === "try" ? topLevel(s.body, branches) : [s]));
}

/** The policy a setter's argument names: a string, a `Policy("mixed_float16")` call, or a module-level name for either. */
function policyArgument(e: Expression, module: ModuleNamespaceValue): Value | undefined {
  if (e.type === "str") return e.value === null ? undefined : { kind: "str", value: e.value };
  if (e.type === "name") return module.scope.names.get(e.id);
  if (e.type === "call" && e.args[0]?.kind === "positional") return policyArgument(e.args[0].value, module);
  return undefined;
}

/** The 16-bit policy a module's own top level sets, with the call's line. */
function policySetIn(body: readonly Statement[], module: ModuleNamespaceValue): { value: HalfPrecision; line: number } | undefined {
  let found: { value: HalfPrecision; line: number } | undefined;
  for (const s of topLevel(body, false)) {
    if (s.type !== "expression" || s.value.type !== "call") continue;
    const callee = s.value.func;
    const name = callee.type === "attribute" ? callee.name : callee.type === "name" ? callee.id : undefined;
    const first = s.value.args[0];
    if (!name || !POLICY_SETTERS.has(name) || first?.kind !== "positional") continue;
    // A later call sets the policy again: the last one on import stands, as it would after the module ran.
    const value = kerasPolicy(policyArgument(first.value, module));
    found = value ? { value, line: s.pos.line } : undefined;
  }
  return found;
}

/** The names of the modules the script imports at its own top level (or under a top-level `if`/`try`), in order. */
function importedModules(body: readonly Statement[]): { module: string; level: number; line: number }[] {
  const out: { module: string; level: number; line: number }[] = [];
  for (const s of topLevel(body, true)) {
    if (s.type === "importFrom") out.push({ module: s.module, level: s.level, line: s.pos.line });
    else if (s.type === "import") for (const n of s.names) out.push({ module: n.module, level: 0, line: s.pos.line });
  }
  return out;
}

/**
 * The Keras mixed-precision policy a workspace module sets at its top level when the script imports it, with where:
 * the last such module imported wins, as its policy call runs last. Libraries (modules without a file) set none.
 */
export function importedKerasPolicy(body: readonly Statement[], interpreter: Interpreter, file: string, files: ModuleFiles): { value: HalfPrecision; line: number; detail: string } | undefined {
  let found: { value: HalfPrecision; line: number; detail: string } | undefined;
  for (const imported of importedModules(body)) {
    const module = interpreter.loader.importModule(imported.module, imported.level, file);
    if (!module?.file || module.file === file || !POLICY_CALL.test(files.read(module.file) ?? "")) continue;
    const moduleBody = interpreter.loader.moduleBody?.(module.file);
    const set = moduleBody ? policySetIn(moduleBody, module) : undefined;
    if (set) found = { value: set.value, line: imported.line, detail: `the import of ${imported.module} runs its mixed-precision policy call (${module.file.split("/").pop()}, line ${set.line})` };
  }
  return found;
}
