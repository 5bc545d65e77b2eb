// DGL's built-in node-classification datasets of known size (dgl.data), each with the page that gives its figures.
// The analyzer's stand-in for dgl (src/core/dgl/datasets.ts) is generated from this table; files are never read.
import { GRAPH_DATASETS, type NodeGraphSize } from "./graph-dataset-sizes";

// DGL 1.1 documentation, dgl.data (docs.dgl.ai/en/1.1.x/api/python/dgl.data.html): each class's "Statistics"
// (NumNodes, NumEdges, NumFeats, NumClasses, NumTrainingSamples). DGL counts the citation graphs' edges as it stores them.
const DGL_DOCS = (cls: string) => `docs.dgl.ai/en/1.1.x/generated/dgl.data.${cls}.html (Statistics: nodes, edges, features, classes, training samples)`;

/** A DGL dataset class of one graph and the figures of that graph. */
export interface DglNodeDataset {
  graph: NodeGraphSize;
}

/** dgl.data classes whose one graph's size is published, by class name. */
export const DGL_NODE_DATASETS: Readonly<Record<string, DglNodeDataset>> = {
  CoraGraphDataset: { graph: { nodes: 2_708, edges: 10_556, features: 1_433, classes: 7, trainNodes: 140, source: DGL_DOCS("CoraGraphDataset") } },
  CiteseerGraphDataset: { graph: { nodes: 3_327, edges: 9_228, features: 3_703, classes: 6, trainNodes: 120, source: DGL_DOCS("CiteseerGraphDataset") } },
  PubmedGraphDataset: { graph: { nodes: 19_717, edges: 88_651, features: 500, classes: 3, trainNodes: 60, source: DGL_DOCS("PubmedGraphDataset") } },
};

// GIN's graph classification sets as DGL ships them (dgl.data.GINDataset, docs.dgl.ai/en/1.1.x/generated/dgl.data.GINDataset.html),
// with the graph and class counts of the GIN paper's Table 1 (Xu et al. 2019, arXiv:1810.00826), the TU benchmark's sets.
const GIN = "docs.dgl.ai/en/1.1.x/generated/dgl.data.GINDataset.html (names); Xu et al. 2019, How Powerful are Graph Neural Networks? (arXiv:1810.00826), Table 1: graphs and classes";

/** dgl.data.GINDataset's sets by the name it takes: graphs and classes. */
export const DGL_GIN_DATASETS: Readonly<Record<string, { graphs: number; classes: number; source: string }>> = {
  MUTAG: { graphs: 188, classes: 2, source: GIN },
  PTC: { graphs: 344, classes: 2, source: GIN },
  NCI1: { graphs: 4_110, classes: 2, source: GIN },
  PROTEINS: { graphs: 1_113, classes: 2, source: GIN },
  COLLAB: { graphs: 5_000, classes: 3, source: GIN },
  IMDBBINARY: { graphs: 1_000, classes: 2, source: GIN },
  IMDBMULTI: { graphs: 1_500, classes: 3, source: GIN },
  REDDITBINARY: { graphs: 2_000, classes: 2, source: GIN },
  REDDITMULTI5K: { graphs: 4_999, classes: 5, source: GIN },
};

/** dgl.data.TUDataset's sets: the same TU benchmark graphs as PyG's TUDataset, read from the one table. */
export function dglTuDatasets(): Readonly<Record<string, { graphs: number; classes?: number }>> {
  return GRAPH_DATASETS.TUDataset.graphSets ?? {};
}

/** OGB's node datasets as DGL loads them (`DglNodePropPredDataset(name)`): the same graphs and splits as the PyG
 *  ones (ogb.stanford.edu/docs/nodeprop, ogb 1.3), so they are read from the one table. */
export function dglOgbNodeDatasets(): Readonly<Record<string, NodeGraphSize>> {
  return GRAPH_DATASETS.PygNodePropPredDataset.nodeGraphs ?? {};
}
