// A Linear whose input width is written as a sum (`nn.Linear(state_dim + action_dim, 256)`, or `Critic(obs_dim +
// action_dim)` whose __init__ hands that parameter to `nn.Linear(in_dim, 128)`) reads the parts of that sum
// concatenated: a critic's forward(state, action) cats them. The interpreter keeps the parts it computed the sum
// from (each evaluated once, as Python does) on the layer, so default inputs can give each forward argument its own
// width instead of the whole width to every one.
import type { Argument, FunctionDefinition } from "../python/ast";
import type { Value } from "./values";

/** The parts of a call's arguments written as sums, by position or keyword. */
export type SummedArguments = Map<number | string, Value[]>;

/** Whether a callee's summed arguments are kept: a Linear (its width) or a model class of the program's own (the
 *  widths its __init__ hands on). */
export function keepsSummedArguments(fn: Value): boolean {
  return fn.kind === "class" && (fn.layer?.name === "Linear" || (!fn.layer && fn.isModule === true && fn.location !== undefined));
}

/** The name a Linear's first argument reads (`nn.Linear(in_dim, 128)`), whose value may be a parameter given as a sum. */
export function linearWidthName(fn: Value, args: Argument[]): string | undefined {
  const first = args[0];
  return fn.kind === "class" && fn.layer?.name === "Linear" && first?.kind === "positional" && first.value.type === "name" ? first.value.id : undefined;
}

/** A constructor's summed arguments by the names of the __init__ parameters they bind (self left out). */
export function summedParameters(init: FunctionDefinition, sums: SummedArguments): Map<string, Value[]> {
  const names = init.params.filter((p) => p.kind === "normal").slice(1).map((p) => p.name);
  const out = new Map<string, Value[]>();
  for (const [key, terms] of sums) {
    const name = typeof key === "number" ? names[key] : key;
    if (name !== undefined) out.set(name, terms);
  }
  return out;
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
