// Library entry points whose arguments only choose pretrained weights. Loading weights reads files or the network
// and never changes the architecture the entry point builds, so the analysis calls them with the no-download value.
import type { Value } from "../interp/values";

/** One argument of a library function that only selects pretrained weights, and the value that fetches none. */
export interface WeightOnlyArgument {
  /** Dotted module that defines the function. */
  module: string;
  function: string;
  argument: string;
  value: Value;
  /** Where this is documented, and the version read. */
  source: string;
}

export const WEIGHT_ONLY_ARGUMENTS: WeightOnlyArgument[] = [
  {
    module: "timm.models._factory",
    function: "create_model",
    argument: "pretrained",
    value: { kind: "bool", value: false },
    source: "timm 1.0.29 timm/models/_factory.py: create_model(model_name, pretrained=False, ...), 'pretrained: If set to True, load pretrained ImageNet-1k weights'",
  },
];

/** The rules for functions of one module. */
export function weightOnlyArgumentsOf(module: string): WeightOnlyArgument[] {
  return WEIGHT_ONLY_ARGUMENTS.filter((rule) => rule.module === module);
}
