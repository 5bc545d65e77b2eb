import { noPosition } from "../../python/ast";
import { fn, namespace, type StandardLibrary } from "./native";

/** operator: the arithmetic functions reductions pass around (functools.reduce(operator.mul, shape)). */
export function installOperator({ modules, interp }: StandardLibrary): void {
  modules.set("operator", namespace("operator", {
    mul: fn("operator.mul", ({ args }) => interp().binary("*", args[0], args[1], noPosition)),
    add: fn("operator.add", ({ args }) => interp().binary("+", args[0], args[1], noPosition)),
  }));
}
