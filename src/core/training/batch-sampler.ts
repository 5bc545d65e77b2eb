// A DataLoader given `batch_sampler=` takes its batches from that sampler, not from batch_size
// (pytorch.org/docs/stable/data.html#loading-batched-and-non-batched-data): the batch is the BatchSampler's.
import type { Expression } from "../python/ast";
import { dottedName, keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { CodeSite } from "./code-sites";

type CallSite = Extract<CodeSite, { kind: "call" }>;

const BATCH_SAMPLER = /(^|\.)BatchSampler$/;

/**
 * The batch_size and drop_last a loader's `batch_sampler=` gives: a `BatchSampler(sampler, batch_size, drop_last)`
 * written inline, or assigned to the name it passes before the loader (among `sites`), for evaluating where the
 * loader is built.
 */
export function batchSamplerArguments(loader: CallSite, sites: readonly CodeSite[]): { batch?: Expression; dropLast?: Expression } | undefined {
  const given = keywordArgument(loader.call, "batch_sampler");
  if (!given) return undefined;
  const call = given.type === "call" && BATCH_SAMPLER.test(dottedName(given.func) ?? "")
    ? given
    : given.type === "name"
      ? sites.find((s): s is CallSite => s.kind === "call" && BATCH_SAMPLER.test(s.callee) && s.assignedTo.includes(given.id) && s.call.pos.startIndex < loader.call.pos.startIndex)?.call
      : undefined;
  if (!call) return undefined;
  const batch = keywordArgument(call, "batch_size") ?? positionalArgument(call, 1);
  const dropLast = keywordArgument(call, "drop_last") ?? positionalArgument(call, 2);
  return { ...(batch ? { batch } : {}), ...(dropLast ? { dropLast } : {}) };
}
