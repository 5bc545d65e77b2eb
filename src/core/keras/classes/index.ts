// keras.layers.Layer, keras.Model (subclassed and functional), keras.Sequential and keras.Input as native classes.
// Layers derive from the interpreter's torch.nn.Module class so their objects carry a ModuleState: the report
// machinery (layers list, paths, parameters, FLOP attribution) works for Keras models unchanged.
import type { Interpreter } from "../../interp/interpreter";
import type { ClassValue } from "../../interp/values";
import type { KerasLayerSpec } from "../spec";
import { createCatalogueLayerClasses } from "./catalogue";
import { KerasContext, type KerasClasses } from "./context";
import { createInput, createInputLayerClass } from "./input";
import { createLayerClass } from "./layer";
import { createModelClasses } from "./model";
import { createSequentialClass } from "./sequential";

export type { KerasClasses } from "./context";

/** Creates the Keras classes bound to an interpreter; `module` is the interpreter's torch.nn.Module class. */
export function createKerasClasses(interp: () => Interpreter, module: ClassValue, specs: KerasLayerSpec[]): KerasClasses {
  const ctx = new KerasContext(interp);
  const layer = createLayerClass(ctx, module);
  const { model, functional } = createModelClasses(ctx, layer);
  const sequential = createSequentialClass(ctx, model);
  const inputLayer = createInputLayerClass(ctx, layer);
  ctx.classes = { layer, model, functional, sequential, inputLayer };
  const input = createInput(ctx);
  const layers = createCatalogueLayerClasses(ctx, layer, specs);
  return { layer, model, functional, sequential, inputLayer, layers, input };
}
