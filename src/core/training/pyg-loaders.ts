// PyTorch Geometric's sampled mini-batch loaders (NeighborLoader, NeighborSampler, ClusterLoader, GraphSAINT's
// samplers), through the analyzer's stand-in (src/core/torch-geometric/loaders.ts): what an epoch draws, the seed
// nodes, clusters or subgraph roots the loader is given, is its samples; batch_size of them make a step.
import { standInClassOf } from "../interp/stand-in-class";
import type { Value } from "../interp/values";
import { PYG_SAMPLED_LOADERS } from "../torch-geometric/loaders";

const NAMES: ReadonlySet<string> = new Set(PYG_SAMPLED_LOADERS);
const PACKAGE = ["torch_geometric"];

/** Whether a call builds one of PyG's sampled loaders (`NeighborLoader`, `ClusterLoader`, ...): its last name is one
 *  and its callee is the stand-in's class (DGL's `NeighborSampler` of the same name is a sampler, not a loader). */
export function isPygSampledLoader(name: string, callee: Value | undefined): boolean {
  return NAMES.has(name) && callee?.kind === "class" && standInClassOf(callee, (n) => NAMES.has(n), PACKAGE) !== undefined;
}

/** The samples an epoch of a PyG sampled loader draws, where the stand-in built it and knows them: the seed nodes
 *  (`input_nodes`, `node_idx`), the clusters, or GraphSAINT's num_steps × batch_size roots. */
export function pygSampledLoaderSamples(v: Value | undefined): { value: number; loader: string } | undefined {
  if (v?.kind !== "instance") return undefined;
  const cls = standInClassOf(v, (n) => NAMES.has(n), PACKAGE);
  const samples = v.attributes.get("_greenlight_samples");
  return cls && samples?.kind === "int" && samples.value > 0 ? { value: samples.value, loader: cls.name } : undefined;
}
