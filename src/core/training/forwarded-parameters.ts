// A training method often hands its parameters on to a helper it calls on `self`: `train(self, loader,
// max_batches=500)` iterating `self.train_iter(loader, max_batches=max_batches)`, whose loop runs `while num_batches <
// max_batches`. Python binds the helper's parameter to the argument the call passes, so where that argument is the
// caller's own parameter the helper's figure is the caller's binding, not the helper's default.
import type { FunctionDefinition } from "../python/ast";
import { callsInBody } from "../python/syntax-walk";
import { argumentsByParameter } from "./call-site-bindings";

/** The caller's parameter that `helper`'s `parameter` is handed from, where the one call of `self.<helper>(...)`
 *  among `callers` passes it that parameter by name; undefined where no call, several calls, or another argument. */
export function forwardedParameter(helper: FunctionDefinition, parameter: string, callers: FunctionDefinition[]): { caller: FunctionDefinition; parameter: string } | undefined {
  const found: { caller: FunctionDefinition; parameter: string | undefined }[] = [];
  // The helper's first parameter is the object; the call's arguments fill the ones after it.
  const unbound = { ...helper, params: helper.params.slice(1) };
  for (const caller of callers) {
    if (caller === helper) continue;
    const self = caller.params[0]?.name;
    for (const call of callsInBody(caller.body)) {
      if (call.func.type !== "attribute" || call.func.name !== helper.name || call.func.object.type !== "name" || call.func.object.id !== self) continue;
      const argument = argumentsByParameter(unbound, call).get(parameter);
      const own = argument?.type === "name" && argument.id !== self && caller.params.some((p) => p.name === argument.id) ? argument.id : undefined;
      found.push({ caller, parameter: own });
    }
  }
  // With several calls the helper's parameter may differ from one to the next; with none it is not handed on.
  if (found.length !== 1 || found[0].parameter === undefined) return undefined;
  return { caller: found[0].caller, parameter: found[0].parameter };
}

/** The same for a plain function of the module called by its name (`train_model(config)` building its loaders with
 *  `get_ds(config)`): the caller's parameter that the one call of `helper(...)` among `callers` passes as `parameter`. */
export function forwardedToFunction(helper: FunctionDefinition, parameter: string, callers: FunctionDefinition[]): { caller: FunctionDefinition; parameter: string } | undefined {
  const found: { caller: FunctionDefinition; parameter: string | undefined }[] = [];
  for (const caller of callers) {
    if (caller === helper) continue;
    for (const call of callsInBody(caller.body)) {
      if (call.func.type !== "name" || call.func.id !== helper.name) continue;
      const argument = argumentsByParameter(helper, call).get(parameter);
      found.push({ caller, parameter: argument?.type === "name" && caller.params.some((p) => p.name === argument.id) ? argument.id : undefined });
    }
  }
  if (found.length !== 1 || found[0].parameter === undefined) return undefined;
  return { caller: found[0].caller, parameter: found[0].parameter };
}
