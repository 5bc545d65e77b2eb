// A call that spreads a mapping the analysis cannot read (`Trainer(**config['trainer_params'])` over a YAML file the
// plain run fails to open, or one chosen at launch) may pass any keyword through it: Python binds the mapping's keys
// as keyword arguments (docs.python.org/3/reference/expressions.html#calls). A library default that holds only when
// the keyword is absent (Lightning's max_epochs=1000) is then not known to hold.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";

/** Whether a call spreads (`**m`) a mapping whose keys are not known: not a dict, a namespace or an object read. */
export function spreadsUnreadMapping(call: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined): boolean {
  return call.args.some((a) => {
    if (a.kind !== "doublestar") return false;
    const v = evaluate(a.value);
    return v === undefined || v.kind === "unknown";
  });
}
