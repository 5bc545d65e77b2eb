// What a run reads from PyTorch Geometric's data, through the analyzer's stand-in (src/core/torch-geometric/datasets.ts):
// a loader over a dataset of many graphs (or a part of one: `dataset[:150]`, `dataset.shuffle()[n:]`) takes its graphs
// as samples, and a full-batch step over one graph (`model(data)`, `model(data.x, data.edge_index)`) takes all its nodes.
import { standInClass } from "../interp/stand-in-class";
import type { ClassValue, Value } from "../interp/values";
import { GRAPH_DATASETS } from "./graph-dataset-sizes";

const STAND_INS = ["torch_geometric", "ogb", "dgl"];

/** Whether a class is (or derives from) a class of the torch_geometric, OGB or DGL stand-in of that name. */
function standInGraphClass(cls: ClassValue, names: (name: string) => boolean): ClassValue | undefined {
  return standInClass(cls, names, STAND_INS);
}

/**
 * The graphs a PyG dataset object holds when the table sizes it: the whole dataset, or the part a slice, an index
 * list or a shuffle kept (the stand-in counts them as PyG's Dataset indexes). Undefined for anything else, or for a
 * dataset the table does not size.
 */
export function graphDatasetGraphs(v: Value | undefined): { value: number; name: string; dataset: string; source: string } | undefined {
  if (v?.kind !== "instance") return undefined;
  const cls = standInGraphClass(v.cls, (n) => Object.hasOwn(GRAPH_DATASETS, n));
  const count = v.attributes.get("_greenlight_graphs");
  if (!cls || count?.kind !== "int" || count.value <= 0) return undefined;
  const given = v.attributes.get("name");
  const dataset = given?.kind === "str" ? given.value : cls.name;
  const table = GRAPH_DATASETS[cls.name];
  const key = table.caseless ? dataset.toLowerCase() : dataset;
  const entry = table.only ?? table.nodeGraphs?.[key] ?? table.graphSets?.[key];
  return entry ? { value: count.value, name: cls.name, dataset, source: entry.source } : undefined;
}

/** The nodes of a PyG graph (`Data`) whose node features the stand-in knows (a Planetoid graph): x's first dimension;
 *  or of a DGL graph (`DGLGraph`) whose node count the stand-in knows (a dgl.data graph). */
export function graphNodes(v: Value | undefined): number | undefined {
  if (v?.kind !== "instance") return undefined;
  if (standInGraphClass(v.cls, (n) => n === "DGLGraph")) {
    const nodes = v.attributes.get("_greenlight_nodes");
    return nodes?.kind === "int" && nodes.value > 0 ? nodes.value : undefined;
  }
  if (!standInGraphClass(v.cls, (n) => n === "Data")) return undefined;
  const x = v.attributes.get("x");
  const rows = x?.kind === "tensor" ? x.shape[0] : undefined;
  return typeof rows === "number" && Number.isSafeInteger(rows) && rows > 0 ? rows : undefined;
}
