// Training code often keeps its model in a trainer, solver or agent object of its own (`trainer = Trainer(config,
// loader)`, whose `__init__` sets `self.model = DenseNet(...)`), and the script only calls `trainer.train()`. The
// object is no module, so it was "no models found"; the modules it holds are what the run trains.
import type { InstanceValue, Value } from "./values";

/**
 * The torch or Keras modules a plain object of the analyzed code holds in its own attributes (not modules: those
 * are models themselves, their parts are not separate), in the order it set them, each once.
 */
export function heldModules(value: Value): [string, InstanceValue][] {
  if (value.kind !== "instance" || value.module || value.cls.location === undefined) return [];
  const held: [string, InstanceValue][] = [];
  for (const [attribute, v] of value.attributes) {
    if (v.kind === "instance" && v.module && !held.some(([, h]) => h === v)) held.push([attribute, v]);
  }
  return held;
}
