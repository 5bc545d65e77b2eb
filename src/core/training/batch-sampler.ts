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
 * loader is built. Another sampler class (a project's `AspectRatioBasedSampler(dataset, batch_size=2)`) gives what its
 * `batch_size=` and `drop_last=` keywords say: a batch sampler yields the batches, so its batch size is the loader's.
 */
export function batchSamplerArguments(loader: CallSite, sites: readonly CodeSite[]): { batch?: Expression; dropLast?: Expression } | undefined {
  const given = keywordArgument(loader.call, "batch_sampler");
  if (!given) return undefined;
  const call = given.type === "call"
    ? given
    : given.type === "name"
      ? sites.filter((s): s is CallSite => s.kind === "call" && s.assignedTo.includes(given.id) && s.call.pos.startIndex < loader.call.pos.startIndex).pop()?.call
      : undefined;
  if (!call) return undefined;
  // torch's BatchSampler(sampler, batch_size, drop_last) may pass them by position; other classes only by keyword.
  const torchs = BATCH_SAMPLER.test(dottedName(call.func) ?? "");
  const batch = keywordArgument(call, "batch_size") ?? (torchs ? positionalArgument(call, 1) : undefined);
  const dropLast = keywordArgument(call, "drop_last") ?? (torchs ? positionalArgument(call, 2) : undefined);
  if (!torchs && !batch) return undefined;
  return { ...(batch ? { batch } : {}), ...(dropLast ? { dropLast } : {}) };
}
