// Model zoos hand out their models through lowercase factory functions of their own module (`def se_resnet20(**kw):
// model = CifarSEResNet(...); return model`, `def resnet32(): return ResNet(BasicBlock, [5, 5, 5])`). A script that
// calls one inside `main()` and hands the result to a trainer (`Trainer(model, optimizer, ...)`) never uses the name
// as a model itself, so the call did not look like a model; what the factory returns says it is one.
import type { Expression } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { scopeValue, type Scope, type Value } from "./values";

/** Whether `callee` is a Python function whose body returns a new nn.Module or Keras model: a call of such a class,
 *  or a local name the body bound to one (`model = Net(...)` ... `return model`), or to a call of another such factory
 *  (guided-diffusion's `model = create_model(...)`). With `item`, the model is that item of a returned tuple
 *  (`return model, diffusion`, unpacked by `model, diffusion = create_model_and_diffusion(...)`). */
export function returnsModelClass(callee: Value | undefined, item?: number, depth = 0): boolean {
  if (callee?.kind !== "function" || callee.definition.type !== "function") return false;
  const body = callee.definition.body;
  const built = new Map<string, Expression>();
  const returned: Expression[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name") built.set(s.targets[0].id, s.value);
    if (s.type === "return" && s.value) returned.push(s.value);
  }, [], () => false);
  return returned.some((r) => {
    const picked = item === undefined ? r : r.type === "tuple" ? r.items[item] : undefined;
    const value = picked?.type === "name" ? built.get(picked.id) : picked;
    if (value?.type !== "call") return false;
    if (isModelClass(value.func, callee.closure)) return true;
    return depth < MAX_FACTORY_DEPTH && value.func.type === "name" && returnsModelClass(scopeValue(callee.closure, value.func.id), undefined, depth + 1);
  });
}

/** Factories followed through factories: `create_model_and_diffusion` → `create_model` → `UNetModel(...)`. */
const MAX_FACTORY_DEPTH = 2;

function isModelClass(e: Expression, scope: Scope): boolean {
  const v = e.type === "name" ? scopeValue(scope, e.id) : undefined;
  return v?.kind === "class" && (!!v.isModule || v.mro.some((c) => c.qualifiedName === "keras.Model"));
}


/** Whether a call hands back a model it was given: its function returns one of its own parameters unchanged
 *  (`def init_model(net, restore): net.apply(init_weights); ...; return net`) and the call passes a new nn.Module or
 *  Keras model there (`init_model(net=LeNetEncoder(), restore=...)`), so the name it is bound to is that model. */
export function returnsModelArgument(callee: Value | undefined, call: Extract<Expression, { type: "call" }>, scope: Scope): boolean {
  if (callee?.kind !== "function" || callee.definition.type !== "function") return false;
  const definition = callee.definition;
  const rebound = new Set<string>();
  const returned: string[] = [];
  forEachStatement(definition.body, ({ statement: s }) => {
    if (s.type === "assign") for (const t of s.targets) if (t.type === "name") rebound.add(t.id);
    if (s.type === "return" && s.value?.type === "name") returned.push(s.value.id);
  }, [], () => false);
  const positional = definition.params.filter((p) => p.kind === "normal").map((p) => p.name);
  return returned.some((name) => {
    if (rebound.has(name) || !definition.params.some((p) => p.name === name && p.kind !== "star" && p.kind !== "doublestar")) return false;
    const index = positional.indexOf(name);
    const given = keywordArgument(call, name) ?? (index >= 0 ? positionalArgument(call, index) : undefined);
    return given?.type === "call" && isModelClass(given.func, scope);
  });
}
