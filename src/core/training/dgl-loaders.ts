// DGL's node and edge loaders (dgl.dataloading.DataLoader(graph, indices, sampler, batch_size=...), and the older
// NodeDataLoader/EdgeDataLoader): the dataset they batch is the index tensor given second, not the graph given
// first, so an epoch takes len(indices) samples (`train_idx`: the training nodes) in batches of batch_size.
import type { Expression } from "../python/ast";
import type { Value } from "../interp/values";
import { standInClassOf } from "../interp/stand-in-class";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

const LOADERS = new Set(["DataLoader", "NodeDataLoader", "EdgeDataLoader"]);

/** Whether a value is a loader class of the dgl stand-in's dgl.dataloading (or one derived from it). */
function dglLoaderClass(v: Value | undefined): boolean {
  return v?.kind === "class" && standInClassOf(v, (n) => LOADERS.has(n), ["dgl/dataloading"]) !== undefined;
}

/** The indices a DGL loader call batches and their count, where its callee is a dgl.dataloading loader and the
 *  indices are a tensor of known length (`DataLoader(g, train_idx, sampler, batch_size=1024)`). */
export function dglLoaderIndices(call: CallExpression, evaluate: (e: Expression) => Value | undefined): { value: number; given: Expression } | undefined {
  if (!dglLoaderClass(evaluate(call.func))) return undefined;
  const given = positionalArgument(call, 1) ?? keywordArgument(call, "indices") ?? keywordArgument(call, "nids") ?? keywordArgument(call, "eids");
  const v = given ? evaluate(given) : undefined;
  const rows = v?.kind === "tensor" ? v.shape[0] : undefined;
  return given && typeof rows === "number" && Number.isSafeInteger(rows) && rows > 0 ? { value: rows, given } : undefined;
}
