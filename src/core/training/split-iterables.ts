// How many items a loop over pieces of a batch runs: `zip(x.chunk(n), y.chunk(n))` over a batch cut into segments,
// read from the call's syntax where the batch itself is not known (it comes from a loader).
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { Value } from "../interp/values";

/**
 * Items of `x.chunk(n)`, `torch.chunk(x, n)`, `x.tensor_split(n)` (n pieces: pytorch.org/docs/stable/generated/torch.chunk.html
 * returns n when the size divides, as a batch cut into segments is), and of `zip(...)` over such (the shortest known) or
 * `enumerate(...)`. `count` counts the other iterables (`range(...)`).
 */
export function splitIterableCount(iter: Expression, evaluate: (e: Expression) => Value | undefined, count: (e: Expression) => number | undefined): number | undefined {
  if (iter.type !== "call") return undefined;
  const callee = iter.func.type === "name" ? iter.func.id : iter.func.type === "attribute" ? iter.func.name : "";
  const method = iter.func.type === "attribute" && !(iter.func.object.type === "name" && iter.func.object.id === "torch");
  if (callee === "zip") {
    if (iter.args.length === 0 || iter.args.some((a) => a.kind !== "positional")) return undefined;
    // An iterable of unknown length (a loader, a generator) is taken as no shorter than the counted ones, as
    // `zip(range(steps), loader)` reads.
    const counts = iter.args.map((a) => count(a.value)).filter((c): c is number => c !== undefined);
    return counts.length > 0 ? Math.min(...counts) : undefined;
  }
  if (callee === "enumerate") {
    const first = positionalArgument(iter, 0);
    return first ? count(first) : undefined;
  }
  if (callee === "chunk" || callee === "tensor_split") {
    const pieces = (method ? positionalArgument(iter, 0) : positionalArgument(iter, 1)) ?? keywordArgument(iter, callee === "chunk" ? "chunks" : "indices_or_sections");
    const n = pieces ? evaluate(pieces) : undefined;
    return n?.kind === "int" && Number.isSafeInteger(n.value) && n.value > 0 ? n.value : undefined;
  }
  return undefined;
}
