import { createTorchCatalogue, type TorchCatalogue } from "../torch/catalogue";
import { createTorchModules } from "../torch/bindings";
import { createModuleClasses, type ModuleClasses } from "../torch/module-base";
import { Budget } from "./budget";
import { builtinMethods, createBuiltins } from "./builtins";
import { Interpreter } from "./interpreter";
import { createStandardLibrary } from "./stdlib";
import type { ModuleNamespaceValue } from "./values";

let sharedCatalogue: TorchCatalogue | undefined;

/** An interpreter with builtins, the standard library and torch bound, plus the native modules for imports. */
export interface Runtime {
  interpreter: Interpreter;
  nativeModules: Map<string, ModuleNamespaceValue>;
  moduleClasses: ModuleClasses;
}

/** Extra native modules (torchvision's zoo, keras) that plug into a runtime. */
export type NativeModuleProvider = (runtime: Runtime) => Map<string, ModuleNamespaceValue>;

/** Builds a fresh runtime for one analysis (catalogue shared: it holds no state). */
export function createRuntime(budget: Budget, providers: NativeModuleProvider[] = []): Runtime {
  sharedCatalogue ??= createTorchCatalogue();
  const catalogue = sharedCatalogue;
  let interpreter: Interpreter | undefined;
  const get = () => interpreter!;
  const { scope, classes } = createBuiltins(get);
  interpreter = new Interpreter(scope, catalogue, budget);
  interpreter.objectClass = classes.object;
  interpreter.builtinMethods = builtinMethods(get);
  const moduleClasses = createModuleClasses(get, classes.object);
  interpreter.moduleBase = moduleClasses.module;
  const nativeModules = new Map<string, ModuleNamespaceValue>();
  for (const [k, v] of createStandardLibrary(get, classes.object)) nativeModules.set(k, v);
  for (const [k, v] of createTorchModules(catalogue, moduleClasses, get, classes.object)) nativeModules.set(k, v);
  const runtime: Runtime = { interpreter, nativeModules, moduleClasses };
  for (const provider of providers) for (const [k, v] of provider(runtime)) nativeModules.set(k, v);
  return runtime;
}
