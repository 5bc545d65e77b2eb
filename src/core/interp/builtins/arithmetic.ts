import { float, int, toInt, toNumber, tuple } from "../construct";
import { noPosition } from "../../python/ast";
import { builtin, type BuiltinScope } from "./builtin";

/** abs, round (half to even), divmod and pow. */
export function installArithmetic({ names, interp }: BuiltinScope): void {
  // abs(x) is type(x).__abs__(x): a tensor's is Tensor.abs (transformers' sliding-window masks take abs(q_idx - kv_idx)).
  names.set("abs", builtin("abs", ({ args }) => {
    const x = args[0];
    if (x.kind === "float") return float(Math.abs(x.value));
    if (x.kind === "int" || x.kind === "bool") return int(Math.abs(toNumber(x)));
    if (x.kind === "unknown") return x;
    return interp().call(interp().getAttribute(x, x.kind === "tensor" ? "abs" : "__abs__"), [], new Map());
  }));
  names.set("round", builtin("round", ({ args }) => {
    const x = toNumber(args[0]);
    if (args.length > 1 && args[1].kind !== "none") {
      const d = toInt(args[1]);
      return float(Number(x.toFixed(d)));
    }
    // Python rounds half to even
    const r = Math.round(x);
    return int(Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r);
  }));
  names.set("divmod", builtin("divmod", ({ args }) => {
    const a = toNumber(args[0]);
    const b = toNumber(args[1]);
    return tuple([int(Math.floor(a / b)), int(a - b * Math.floor(a / b))]);
  }));
  // pow(base, exp, mod): the power taken modulo mod, as Python's three-argument pow does for integers.
  names.set("pow", builtin("pow", ({ args }) => {
    const power = interp().binary("**", args[0], args[1], noPosition);
    return args[2] === undefined || args[2].kind === "none" ? power : interp().binary("%", power, args[2], noPosition);
  }));
}
