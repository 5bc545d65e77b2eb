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

/** OGB's node datasets as DGL loads them (`DglNodePropPredDataset(name)`): the same graphs and splits as the PyG
 *  ones (ogb.stanford.edu/docs/nodeprop, ogb 1.3), so they are read from the one table. */
export function dglOgbNodeDatasets(): Readonly<Record<string, NodeGraphSize>> {
  return GRAPH_DATASETS.PygNodePropPredDataset.nodeGraphs ?? {};
}
