// sacred (sacred.readthedocs.io "Configuration", 0.8): `@ingredient.config` and `@ingredient.named_config` make a
// function a ConfigScope, and calling one (`model_train_config = model_ingredients.gmc_train()` inside another config
// scope) returns its local variables as the configuration dict (sacred/config/config_scope.py, ConfigScope.__call__).
// Without sacred installed those decorators are unknown and the function would return None.
import type { Expression } from "../python/ast";

const SCOPE_DECORATOR = /^[A-Za-z_]\w*\.(config|named_config)$/;
const IMPORTS_SACRED = /^\s*(?:from\s+sacred\b|import\s+sacred\b)/m;

/** Whether a decorator the analyzer cannot evaluate makes its function a sacred config scope: `@x.config` or
 *  `@x.named_config` in a module (its source text given) that imports sacred. */
export function makesSacredConfigScope(decorator: Expression, moduleText: string | undefined): boolean {
  const target = decorator.type === "call" ? decorator.func : decorator;
  if (target.type !== "attribute" || target.object.type !== "name") return false;
  return SCOPE_DECORATOR.test(`${target.object.id}.${target.name}`) && moduleText !== undefined && IMPORTS_SACRED.test(moduleText);
}
