// Where a file trains a model: a function (or module-level loop) that calls `.backward()` on a loss, or a Keras /
// Lightning `fit(...)`. The editor shows training figures there (per step and per run) instead of inference ones.
import type { Statement } from "../python/ast";
import type { ModelReport } from "../report/model-report";
import { findCodeSites } from "./code-sites";

/** A place that trains: its line (1-based), and the function it sits in, when it is in one. */
export interface TrainingSite {
  /** The line a lens goes on: the function's `def`, else the first training call. */
  line: number;
  kind: "backward" | "fit";
  /** The enclosing function's name and its text span (to tell which model it trains). */
  function?: { name: string; startIndex: number; endIndex: number };
}

const BACKWARD = /(^|\.)backward$/;
const FIT = /(^|\.)fit$/;

/** The training sites of a module, one per function (the first training call of module-level code otherwise). */
export function findTrainingSites(body: Statement[], text: string): TrainingSite[] {
  const sites: TrainingSite[] = [];
  const seen = new Set<string>();
  for (const site of findCodeSites(body, text)) {
    if (site.kind !== "call") continue;
    const kind = BACKWARD.test(site.callee) ? "backward" : FIT.test(site.callee) ? "fit" : undefined;
    if (!kind) continue;
    const fn = site.context.fn;
    const key = fn ? `fn:${fn.pos.startIndex}` : "module";
    if (seen.has(key)) continue;
    seen.add(key);
    sites.push(
      fn
        ? { line: fn.pos.line, kind, function: { name: fn.name, startIndex: fn.pos.startIndex, endIndex: fn.pos.endIndex } }
        : { line: site.call.pos.line, kind },
    );
  }
  return sites.sort((a, b) => a.line - b.line);
}

/** The model a training site trains: the file's model named in the training function, else its largest. */
export function trainedModel(models: readonly ModelReport[], site: TrainingSite, text: string): ModelReport | undefined {
  const runnable = models.filter((model) => model.ops.length > 0);
  if (site.function) {
    const body = text.slice(site.function.startIndex, site.function.endIndex);
    const named = runnable.filter((model) => new RegExp(`\\b${model.name}\\b`).test(body));
    if (named.length === 1) return named[0];
  }
  if (runnable.length === 1) return runnable[0];
  return [...runnable].sort((a, b) => b.flops - a.flops)[0];
}
