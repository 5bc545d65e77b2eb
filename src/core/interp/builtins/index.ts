// Python's builtins scope, one file per kind of builtin (types, iteration, attributes, ...).
import type { Interpreter } from "../interpreter";
import type { Scope, Value } from "../values";
import { installArithmetic } from "./arithmetic";
import { installAttributes } from "./attributes";
import type { BuiltinScope } from "./builtin";
import { installClassHelpers } from "./classes";
import { installTypeChecks } from "./isinstance";
import { installIteration } from "./iteration";
import { installOutsideWorld } from "./outside-world";
import { installRootClasses, type BuiltinClasses } from "./root-classes";
import { installScope } from "./scope";
import { installStrings } from "./strings";
import { installTypes } from "./types";

export type { BuiltinClasses } from "./root-classes";

/** Builds the builtins scope (range, len, zip, isinstance, ...) bound to an interpreter. */
export function createBuiltins(interp: () => Interpreter): { scope: Scope; classes: BuiltinClasses } {
  const names = new Map<string, Value>();
  const classes = installRootClasses(names, interp);
  const scope: BuiltinScope = {
    names,
    interp,
    object: classes.object,
    iterate: (v) => interp().iterate(v),
    call: (fn, args) => interp().call(fn, args, new Map()),
  };
  installTypes(scope);
  installIteration(scope);
  installArithmetic(scope);
  installTypeChecks(scope);
  installAttributes(scope);
  installStrings(scope);
  installScope(scope);
  installClassHelpers(scope);
  installOutsideWorld(scope);
  return { scope: { names }, classes };
}
