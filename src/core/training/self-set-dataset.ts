// A data module's `setup` often sets its dataset from a helper of another workspace file (`self.dataset =
// get_dataset()`), and `train_dataloader` batches it (`DataLoader(self.dataset, ...)`). The helper's return value is
// the object Python binds to the attribute; where it is a dataset the table sizes (torchvision's MNIST), its training
// samples are the loader's.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { findCodeSites, type CodeSite } from "./code-sites";
import { tableDatasetObjectSamples } from "./dataset-classes";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** The table dataset the last call that sets `self.<name>` returns (also in another method), with that call's site. */
export function selfSetDatasetSamples(
  fed: Extract<Expression, { type: "attribute" }>,
  body: Statement[],
  text: string,
  evaluate: (site: CallSite, e: Expression) => Value | undefined,
  runs: (site: CallSite, evaluate: (e: Expression) => Value | undefined) => boolean,
): { value: number; name: string; part?: string; site: CallSite } | undefined {
  // Bodies are read for sites only where they hold training words; a method that sets the attribute is read here.
  const escaped = fed.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const sites = findCodeSites(body, text, new RegExp(`\\.${escaped}\\s*=`));
  const binding = sites.filter((s): s is CallSite => s.kind === "call" && !!s.assignedAttributes?.includes(fed.name) && (s.assignedAttributes?.length ?? 0) === 1).pop();
  if (!binding || !runs(binding, (e) => evaluate(binding, e))) return undefined;
  const object = tableDatasetObjectSamples(evaluate(binding, binding.call));
  return object ? { ...object, site: binding } : undefined;
}

