import type { Interpreter, TensorOperatorObserver } from "./interpreter";
import type { ClassValue, LayerSpec, ModuleNamespaceValue } from "./values";

/** An interpreter with builtins, the standard library and torch bound, plus the native modules for imports. */
export interface Runtime {
  interpreter: Interpreter;
  nativeModules: Map<string, ModuleNamespaceValue>;
  moduleClasses: ModuleClasses;
  /**
   * Python source of our built-in packages (torchvision's zoo, keras.applications, timm's helpers, einops):
   * package-relative path ("torchvision/models/resnet.py") → text. They are the last root of the module-resolution
   * chain (under `builtinRoot`), so a workspace's or environment's own package wins, and they run in our
   * interpreter like user code.
   */
  builtinPackages: Map<string, string>;
  /**
   * Python source of libraries the analyzer models rather than runs (einops: its operations are shape functions).
   * Like torch, the model wins over the environment's copy, whose parsing machinery is slower to interpret and
   * would say nothing more; only the workspace's own (vendored) copy comes first. Under `modelledRoot`.
   */
  modelledPackages: Map<string, string>;
}

/** Where built-in Python packages live (a path no workspace has). */
export const builtinRoot = "/__greenlight__/site-packages";

/** Where modelled libraries live: a root of its own, searched before the environment. */
export const modelledRoot = `${builtinRoot}/modelled`;

/** True for paths of our built-in packages (not on disk: editors must not open or edit them). */
export function isBuiltinPath(path: string): boolean {
  return path.startsWith(`${builtinRoot}/`);
}

/** What a provider adds to a runtime: native modules, and what the interpreter it is built with must tell it. */
export interface ProvidedModules {
  modules: Map<string, ModuleNamespaceValue>;
  /** Told of tensor operators between library calls (Keras records its functional graph's ops with it). */
  tensorOperatorObserver?: TensorOperatorObserver;
}

/**
 * Extra native modules (torchvision's zoo, keras) that plug into a runtime. It runs before the runtime's interpreter
 * is built (its observer is part of it), so it may reach `runtime.interpreter` only from code that runs later.
 */
export type NativeModuleProvider = (runtime: Runtime) => ProvidedModules;

/** nn.Module and its containers, as native classes the analyzed code can subclass. */
export interface ModuleClasses {
  module: ClassValue;
  parameter: ClassValue;
  buffer: ClassValue;
  sequential: ClassValue;
  moduleList: ClassValue;
  moduleDict: ClassValue;
  parameterList: ClassValue;
  parameterDict: ClassValue;
  /** Builds the native class of a catalogue layer. */
  layerClass(spec: LayerSpec): ClassValue;
}
