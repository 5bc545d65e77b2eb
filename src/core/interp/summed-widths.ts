// A Linear whose input width is written as a sum (`nn.Linear(state_dim + action_dim, 256)`, or `Critic(obs_dim +
// action_dim)` whose __init__ hands that parameter to `nn.Linear(in_dim, 128)`) reads the parts of that sum
// concatenated: a critic's forward(state, action) cats them. The parts' values are kept on the layer so default
// inputs can give each forward argument its own width instead of the whole width to every one.
import type { Argument, Expression, FunctionDefinition } from "../python/ast";
import type { Value } from "./values";

/** The terms of a Linear's first argument when it is written as a sum of two or more; undefined otherwise. */
export function summedWidthTerms(fn: Value, args: Argument[]): Expression[] | undefined {
  if (fn.kind !== "class" || fn.layer?.name !== "Linear") return undefined;
  const first = args[0];
  return first?.kind === "positional" ? sumTerms(first.value) : undefined;
}

/** The name a Linear's first argument reads (`nn.Linear(in_dim, 128)`), whose value may be a parameter given as a sum. */
export function linearWidthName(fn: Value, args: Argument[]): string | undefined {
  const first = args[0];
  return fn.kind === "class" && fn.layer?.name === "Linear" && first?.kind === "positional" && first.value.type === "name" ? first.value.id : undefined;
}

/** The arguments of a call written as sums, by position or keyword, with their terms. */
export function summedArguments(args: Argument[]): Map<number | string, Expression[]> | undefined {
  let out: Map<number | string, Expression[]> | undefined;
  args.forEach((a, i) => {
    const terms = a.kind === "positional" || a.kind === "keyword" ? sumTerms(a.value) : undefined;
    if (terms) (out ??= new Map()).set(a.kind === "keyword" ? a.name : i, terms);
  });
  return out;
}

/** A constructor's summed arguments by the names of the __init__ parameters they bind (self left out). */
export function summedParameters(init: FunctionDefinition, sums: Map<number | string, Value[]>): Map<string, Value[]> {
  const names = init.params.filter((p) => p.kind === "normal").slice(1).map((p) => p.name);
  const out = new Map<string, Value[]>();
  for (const [key, terms] of sums) {
    const name = typeof key === "number" ? names[key] : key;
    if (name !== undefined) out.set(name, terms);
  }
  return out;
}

function sumTerms(e: Expression): Expression[] | undefined {
  if (e.type !== "binary" || e.op !== "+") return undefined;
  const terms: Expression[] = [];
  const flatten = (e: Expression) => {
    if (e.type === "binary" && e.op === "+") {
      flatten(e.left);
      flatten(e.right);
    } else terms.push(e);
  };
  flatten(e);
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
