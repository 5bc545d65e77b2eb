// A Linear whose input width is written as a sum (`nn.Linear(state_dim + action_dim, 256)`) reads the parts of that
// sum concatenated: a critic's forward(state, action) cats them. The parts' values are kept on the layer so default
// inputs can give each forward argument its own width instead of the whole width to every one.
import type { Argument, Expression } from "../python/ast";
import type { Value } from "./values";

/** The terms of a Linear's first argument when it is written as a sum of two or more; undefined otherwise. */
export function summedWidthTerms(fn: Value, args: Argument[]): Expression[] | undefined {
  if (fn.kind !== "class" || fn.layer?.name !== "Linear") return undefined;
  const first = args[0];
  if (first?.kind !== "positional" || first.value.type !== "binary" || first.value.op !== "+") return undefined;
  const terms: Expression[] = [];
  const flatten = (e: Expression) => {
    if (e.type === "binary" && e.op === "+") {
      flatten(e.left);
      flatten(e.right);
    } else terms.push(e);
  };
  flatten(first.value);
  return terms;
}

/** Keeps the terms' values on the layer built, when each is a positive int and they add up to its input width. */
export function recordSummedWidths(layer: Value, terms: Value[]): void {
  if (layer.kind !== "instance" || !layer.module) return;
  const weight = layer.module.parameters.get("weight");
  const widths = terms.map((t) => (t.kind === "int" && t.value > 0 ? t.value : undefined));
  if (weight?.kind !== "tensor" || widths.some((w) => w === undefined)) return;
  const total = widths.reduce<number>((s, w) => s + w!, 0);
  if (total === weight.shape[1]) layer.module.summedWidths = widths as number[];
}
