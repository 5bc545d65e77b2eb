// torch.nn's base classes as the interpreter models them, one file each: Module, Parameter/Buffer, the containers,
// and the class of a catalogue layer.
import type { Interpreter } from "../../interp/interpreter";
import type { ModuleClasses } from "../../interp/runtime";
import type { ClassValue } from "../../interp/values";
import { createContainerClasses } from "./containers";
import { createLayerClassFactory } from "./layer-class";
import { createModuleClass } from "./module";
import { createParameterClasses } from "./parameter";

/** Creates nn.Module, nn.Parameter and the containers, bound to an interpreter. */
export function createModuleClasses(interp: () => Interpreter, objectClass: ClassValue): ModuleClasses {
  const module = createModuleClass(interp, objectClass);
  const { parameter, buffer } = createParameterClasses(objectClass);
  const containers = createContainerClasses(interp, module);
  return { module, parameter, buffer, ...containers, layerClass: createLayerClassFactory(interp, module) };
}
