import type { ProvidedModules, Runtime } from "../interp/runtime";
import { zooSources } from "./sources";

/**
 * torchvision's model zoo as a native-module provider: our own compact Python definitions of the zoo
 * constructors, installed as built-in packages (the last root of the module-resolution chain), so `import
 * torchvision` finds them when neither the workspace nor the environment has torchvision. They run in our interpreter like user code, so the
 * module tree, parameters and FLOPs come from the same catalogue as everything else.
 */
export function torchvisionZoo(runtime: Runtime): ProvidedModules {
  for (const [path, text] of zooSources) runtime.builtinPackages.set(path, text);
  return { modules: new Map() };
}
