// Training code often keeps its model in a trainer, solver or agent object of its own (`trainer = Trainer(config,
// loader)`, whose `__init__` sets `self.model = DenseNet(...)`), and the script only calls `trainer.train()`. The
// object is no module, so it was "no models found"; the modules it holds are what the run trains.
import type { InstanceValue, Value } from "./values";
import { lookupClassAttribute } from "./classes";

/** "passed in": the object's `__init__` set the attribute straight from a parameter (see passedIn). */
export type HeldHow = "passed in";

/** How many plain objects deep a module is looked for: an agent holding a network wrapper holding the Keras model
 *  (`agent.model.model`, the wrapper's `__init__` calling `self.create_model()`). */
const DEPTH = 3;

/**
 * The torch or Keras modules a plain object of the analyzed code holds in its own attributes (or in lists of them), or in plain objects of
 * the analyzed code it holds (not modules: those are models themselves, their parts are not separate), each with its
 * attribute path from the object, in the order it set them, each once.
 */
export function heldModules(value: Value): [string, InstanceValue, HeldHow?][] {
  const held: [string, InstanceValue, HeldHow?][] = [];
  const seen = new Set<Value>();
  const walk = (v: Value, path: string, depth: number) => {
    if (v.kind !== "instance" || v.module || v.cls.location === undefined || seen.has(v)) return;
    seen.add(v);
    const given = passedIn(v);
    for (const [attribute, a] of v.attributes) {
      const at = path ? `${path}.${attribute}` : attribute;
      if (a.kind === "instance" && a.module) {
        if (!held.some(([, h]) => h === a)) held.push(given.has(attribute) ? [at, a, "passed in"] : [at, a]);
      } else if (a.kind === "list" || a.kind === "tuple") {
        // One network per agent kept in a list (`self.actors = [Actor(obs, act) for i in range(n_agents)]`, MADDPG):
        // each is a model the run trains.
        a.items.forEach((item, i) => {
          if (item.kind === "instance" && item.module && !held.some(([, h]) => h === item)) held.push([`${at}[${i}]`, item]);
        });
      } else if (depth > 1) walk(a, at, depth - 1);
    }
  };
  walk(value, "", DEPTH);
  return held;
}

/**
 * Attributes the object's `__init__` sets straight from its own parameters (`self.model = model`, also
 * `model.to(device)`): a model the script built and handed in, listed where the script built it when it was, not
 * again as the holder's (an adversarial-weight-perturbation helper given the model and its proxy).
 */
function passedIn(v: InstanceValue): Set<string> {
  const init = lookupClassAttribute(v.cls, "__init__");
  const out = new Set<string>();
  if (init?.kind !== "function" || init.definition.type !== "function") return out;
  const params = new Set(init.definition.params.slice(1).map((p) => p.name));
  const self = init.definition.params[0]?.name;
  for (const s of init.definition.body) {
    if (s.type !== "assign") continue;
    let value = s.value;
    while (value.type === "call" && value.func.type === "attribute") value = value.func.object; // model.to(device).cuda()
    if (value.type !== "name" || !params.has(value.id)) continue;
    for (const t of s.targets) if (t.type === "attribute" && t.object.type === "name" && t.object.id === self) out.add(t.name);
  }
  return out;
}
