import { nativeClass } from "../../interp/classes";
import { NONE, bindArguments } from "../../interp/construct";
import type { ClassValue } from "../../interp/values";
import { rememberConstruction } from "../constructor-args";
import type { KerasLayerSpec } from "../spec";
import { selfOf, type KerasContext } from "./context";
import { callKeywords } from "./layer-call";

/** keras.layers.<Name> for every catalogue spec: __init__ binds the spec's signature, call() runs its shape rule. */
export function createCatalogueLayerClasses(ctx: KerasContext, layer: ClassValue, specs: KerasLayerSpec[]): Map<string, ClassValue> {
  const layers = new Map<string, ClassValue>();
  for (const spec of specs) {
    const cls = nativeClass(`keras.layers.${spec.name}`, [layer], {
      __init__: (c) => {
        const self = selfOf(c);
        const config = bindArguments([...spec.signature, "**kwargs"], c.args.slice(1), c.kwargs, spec.name);
        const s = ctx.stateOf(self);
        s.spec = spec;
        s.config = config;
        ctx.baseInit(self, c.kwargs);
        rememberConstruction(self, c.args.slice(1), c.kwargs);
        return NONE;
      },
      call: (c) => {
        const self = selfOf(c);
        const own = ctx.specFor(self.cls) ?? spec;
        const kwargs = callKeywords(own, c.args.slice(2), c.kwargs);
        return own.call(ctx.layerView(self), c.args[1] ?? kwargs.get("inputs") ?? NONE, kwargs, c.context);
      },
    });
    ctx.specByClass.set(cls, spec);
    layers.set(spec.name, cls);
  }
  return layers;
}
