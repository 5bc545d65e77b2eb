// Training code often keeps its model in a trainer, solver or agent object of its own (`trainer = Trainer(config,
// loader)`, whose `__init__` sets `self.model = DenseNet(...)`), and the script only calls `trainer.train()`. The
// object is no module, so it was "no models found"; the modules it holds are what the run trains.
import type { InstanceValue, Value } from "./values";

/** How many plain objects deep a module is looked for: an agent holding a network wrapper holding the Keras model
 *  (`agent.model.model`, the wrapper's `__init__` calling `self.create_model()`). */
const DEPTH = 3;

/**
 * The torch or Keras modules a plain object of the analyzed code holds in its own attributes, or in plain objects of
 * the analyzed code it holds (not modules: those are models themselves, their parts are not separate), each with its
 * attribute path from the object, in the order it set them, each once.
 */
export function heldModules(value: Value): [string, InstanceValue][] {
  const held: [string, InstanceValue][] = [];
  const seen = new Set<Value>();
  const walk = (v: Value, path: string, depth: number) => {
    if (v.kind !== "instance" || v.module || v.cls.location === undefined || seen.has(v)) return;
    seen.add(v);
    for (const [attribute, a] of v.attributes) {
      const at = path ? `${path}.${attribute}` : attribute;
      if (a.kind === "instance" && a.module) {
        if (!held.some(([, h]) => h === a)) held.push([at, a]);
      } else if (depth > 1) walk(a, at, depth - 1);
    }
  };
  walk(value, "", DEPTH);
  return held;
}
