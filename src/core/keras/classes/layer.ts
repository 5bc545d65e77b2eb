import { isSubclass, nativeClass } from "../../interp/classes";
import { NONE, bindArguments, bool, freshId, int, list, numel, str, tensor, toInts, tuple, unknown } from "../../interp/construct";
import type { ClassValue, Value } from "../../interp/values";
import { namedParameters } from "../../torch/module-tree";
import { declareInputs, declaredInputs } from "../../interp/declared-inputs";
import { selfOf, type KerasContext } from "./context";
import { buildLayer, callLayer, setAttribute } from "./layer-call";
import { buildSequential } from "./sequential";

/** keras.layers.Layer, derived from the interpreter's nn.Module so its objects carry a ModuleState. */
export function createLayerClass(ctx: KerasContext, module: ClassValue): ClassValue {
  const layer = nativeClass("keras.layers.Layer", [module], {
    __init__: (c) => {
      ctx.baseInit(selfOf(c), c.kwargs);
      return NONE;
    },
    __call__: (c) => callLayer(ctx, c),
    __setattr__: (c) => setAttribute(ctx, c),
    forward: (c) => ctx.call(ctx.interp().getAttribute(selfOf(c), "call"), c.args.slice(1), c.kwargs),
    call: (c) => c.args[1] ?? NONE,
    build: (c) => {
      const self = selfOf(c);
      const s = ctx.stateOf(self);
      const shapeArg = c.args[1] ?? c.kwargs.get("input_shape");
      if (s.building || !shapeArg || shapeArg.kind === "none") {
        s.built = true;
        self.attributes.set("built", bool(true));
        return NONE;
      }
      const shape = ctx.shapeFrom(shapeArg, true, "build() input shape");
      if (ctx.isModel(self)) {
        declareInputs(self, [{ shape, dtype: "float32" }], true);
        if (s.sequentialInput === undefined && isSubclass(self.cls, ctx.classes.sequential)) {
          buildSequential(ctx, self, ctx.symbolicTensor(shape));
          return NONE;
        }
        // Model.build runs call() on a symbolic input, which builds every layer.
        ctx.symbolically(() => ctx.call(self, [tensor(shape)]));
        return NONE;
      }
      if (!s.built) buildLayer(ctx, self, tensor(shape), [], new Map());
      return NONE;
    },
    add_weight: (c) => {
      const self = selfOf(c);
      const b = bindArguments(["shape=None", "initializer=None", "dtype=None", "trainable=True", "autocast=True", "regularizer=None", "constraint=None", "aggregation='none'", "overwrite_with_gradient=False", "name=None", "**kwargs"], c.args.slice(1).filter((v) => v.kind !== "str"), new Map([...c.kwargs, ...c.args.slice(1).filter((v) => v.kind === "str").slice(0, 1).map((v) => ["name", v] as [string, Value])]), "add_weight");
      const shape = b.isNone("shape") ? [] : toInts(b.get("shape"), "add_weight(shape)");
      const name = b.isNone("name") ? `variable` : b.str("name");
      return ctx.addWeight(self, name, shape, b.bool("trainable"));
    },
    count_params: (c) => int(namedParameters(selfOf(c)).reduce((n, [, p]) => n + numel(p.shape), 0)),
    get_config: (c) => ({ kind: "dict", entries: new Map([["s:name", { key: str("name"), value: str(ctx.stateOf(selfOf(c)).name) }]]), id: freshId() }),
    compute_output_shape: () => unknown("compute_output_shape"),
    get_weights: () => unknown("weight values"),
    set_weights: () => NONE,
    summary: () => NONE,
  });
  layer.attributes.set("add_variable", layer.attributes.get("add_weight")!);
  for (const [k, v] of [
    ctx.property("weights", (self) => list(namedParameters(self).map(([, p]) => p))),
    ctx.property("variables", (self) => list(namedParameters(self).map(([, p]) => p))),
    ctx.property("trainable_weights", (self) => list(namedParameters(self).filter(([, p]) => p.parameter?.requiresGrad !== false).map(([, p]) => p))),
    ctx.property("trainable_variables", (self) => list(namedParameters(self).filter(([, p]) => p.parameter?.requiresGrad !== false).map(([, p]) => p))),
    ctx.property("non_trainable_weights", (self) => list(namedParameters(self).filter(([, p]) => p.parameter?.requiresGrad === false).map(([, p]) => p))),
    ctx.property("layers", (self) => list(ctx.childLayers(self))),
    ctx.property("built", (self) => bool(ctx.stateOf(self).built)),
    ctx.property("input_shape", (self) => {
      const d = declaredInputs(self)?.[0] ?? (ctx.stateOf(self).inputShape ? { shape: ctx.stateOf(self).inputShape! } : undefined);
      return d ? tuple([NONE, ...d.shape.slice(1).map(int)]) : unknown("input_shape of an unbuilt layer");
    }),
  ] as [string, Value][]) layer.attributes.set(k, v);
  layer.attributes.set("trainable", bool(true));
  layer.attributes.set("dtype", str("float32"));

  return layer;
}
