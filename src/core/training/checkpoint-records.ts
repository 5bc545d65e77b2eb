import type { Expression } from "../python/ast";

// A dict literal that holds a module's or an optimizer's `state_dict()` is a checkpoint record (`torch.save({"epoch":
// epoch, "model_state_dict": model.state_dict()}, path)`): its "epoch" is the counter the run has reached, not a
// setting of how long it runs, so its keys are no config's.

/** True when the dict literal holds a `.state_dict()` call among its values: a checkpoint record, not a config. */
export function isCheckpointRecord(dict: Extract<Expression, { type: "dict" }>): boolean {
  return dict.items.some((item) => "key" in item && item.value.type === "call" && item.value.func.type === "attribute" && item.value.func.name === "state_dict");
}
