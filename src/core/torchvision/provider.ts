import { virtualRoot, type Runtime } from "../interp/runtime";
import type { ModuleNamespaceValue } from "../interp/values";
import { zooSources } from "./sources";

/**
 * torchvision's model zoo as a native-module provider: our own compact Python definitions of the zoo
 * constructors, installed as virtual files under the runtime's built-in package root, so `import torchvision`
 * finds them when the workspace has no torchvision of its own. They run in our interpreter like user code, so the
 * module tree, parameters and FLOPs come from the same catalogue as everything else.
 */
export function torchvisionZoo(runtime: Runtime): Map<string, ModuleNamespaceValue> {
  for (const [path, text] of zooSources) runtime.virtualFiles.set(`${virtualRoot}/${path}`, text);
  return new Map();
}

/** True for paths of the built-in zoo's virtual files (not on disk: editors must not open or edit them). */
export function isBuiltinZooPath(path: string): boolean {
  return path.startsWith(`${virtualRoot}/`);
}
