// Well-known graph datasets as PyTorch Geometric loads them, each with the page that gives its figures: the one-graph
// node-classification sets (Planetoid, KarateClub), whose nodes a full-batch step takes, and the many-graph sets
// (TUDataset, MoleculeNet), whose graphs a loader batches. The analyzer's stand-in for torch_geometric.datasets
// (src/core/torch-geometric/datasets.ts) is generated from this table; the files on disk are never read.

/** One graph whose nodes a model classifies (`dataset[0]` is the whole graph). */
export interface NodeGraphSize {
  /** Nodes, edges (directed pairs, as edge_index holds them), node features and classes of the graph. */
  nodes: number;
  edges: number;
  features: number;
  classes: number;
  /** Nodes of the public training split (`data.train_mask`). */
  trainNodes: number;
  /** The split's parts by name, where the dataset hands out index lists (OGB's `get_idx_split()`). */
  splits?: Readonly<Record<string, number>>;
  source: string;
}

/** A dataset of many small graphs (`len(dataset)` graphs, each a sample of a graph-level task). */
export interface GraphSetSize {
  graphs: number;
  /** Node features without the optional attributes (`use_node_attr=False`); undefined where the page gives none. */
  features?: number;
  /** Classes (or regression targets, for MoleculeNet: `num_classes` is y's columns there). */
  classes?: number;
  /** The split's parts by name, where the dataset hands out index lists (OGB's `get_idx_split()`). */
  splits?: Readonly<Record<string, number>>;
  source: string;
}

/** The PyG class that loads the dataset and how it names it: `Planetoid(root, name)`, `TUDataset(root, name)`. */
export interface GraphDatasetTable {
  /** The module that defines the class. */
  module: "torch_geometric.datasets" | "ogb.nodeproppred" | "ogb.graphproppred";
  /** One-graph sets by the name the class takes (compared as the class does: Planetoid and MoleculeNet lower-case it). */
  nodeGraphs?: Readonly<Record<string, NodeGraphSize>>;
  graphSets?: Readonly<Record<string, GraphSetSize>>;
  /** Whether the class compares names without case (Planetoid: `name.lower()`; MoleculeNet: its `names` keys). */
  caseless: boolean;
  /** The graph a class with no name argument loads (KarateClub). */
  only?: NodeGraphSize;
}

// PyTorch Geometric 2.5 documentation, torch_geometric.datasets (pytorch-geometric.readthedocs.io/en/2.5.0/modules/datasets.html):
// each class's "Stats" table. Planetoid's public split is 20 nodes a class (Yang et al. 2016, arXiv:1603.08861).
const PLANETOID = "pytorch-geometric.readthedocs.io/en/2.5.0/generated/torch_geometric.datasets.Planetoid.html (Stats; public split of 20 training nodes a class, Yang et al. 2016)";
// TUDataset's figures are the TU benchmark collection's (Morris et al. 2020, TUDataset, arXiv:2007.08663; chrsmrrs.github.io/datasets/docs/datasets).
const TU = "TUDataset (Morris et al. 2020, arXiv:2007.08663), chrsmrrs.github.io/datasets/docs/datasets: graphs and classes; PyG 2.5 TUDataset Stats for node features";
// The Open Graph Benchmark (Hu et al. 2020, arXiv:2005.00687), ogb 1.3: each dataset's standard split as
// get_idx_split() returns it (ogb.stanford.edu/docs/nodeprop and /docs/graphprop).
const OGB_NODES = "ogb.stanford.edu/docs/nodeprop (ogb 1.3; Hu et al. 2020, arXiv:2005.00687): nodes, edges, features, classes and the standard split";
const OGB_GRAPHS = "ogb.stanford.edu/docs/graphprop (ogb 1.3; Hu et al. 2020, arXiv:2005.00687): graphs, tasks and the scaffold split";
const MOLECULENET = "pytorch-geometric.readthedocs.io/en/2.5.0/generated/torch_geometric.datasets.MoleculeNet.html (Stats: #graphs, 9 node features, #tasks); Wu et al. 2018, MoleculeNet (arXiv:1703.00564)";

/** torch_geometric.datasets classes whose datasets' sizes are published, by class name. */
export const GRAPH_DATASETS: Readonly<Record<string, GraphDatasetTable>> = {
  Planetoid: {
    module: "torch_geometric.datasets",
    caseless: true,
    nodeGraphs: {
      cora: { nodes: 2_708, edges: 10_556, features: 1_433, classes: 7, trainNodes: 140, source: PLANETOID },
      citeseer: { nodes: 3_327, edges: 9_104, features: 3_703, classes: 6, trainNodes: 120, source: PLANETOID },
      pubmed: { nodes: 19_717, edges: 88_648, features: 500, classes: 3, trainNodes: 60, source: PLANETOID },
    },
  },
  KarateClub: {
    module: "torch_geometric.datasets",
    caseless: false,
    // Zachary 1977; PyG's KarateClub labels 4 communities and marks one node of each for training.
    only: { nodes: 34, edges: 156, features: 34, classes: 4, trainNodes: 4, source: "pytorch-geometric.readthedocs.io/en/2.5.0/generated/torch_geometric.datasets.KarateClub.html (Stats: 34 nodes, 156 edges, 34 features, 4 classes; one training node a class)" },
  },
  TUDataset: {
    module: "torch_geometric.datasets",
    caseless: false,
    graphSets: {
      MUTAG: { graphs: 188, features: 7, classes: 2, source: TU },
      PROTEINS: { graphs: 1_113, features: 3, classes: 2, source: TU },
      ENZYMES: { graphs: 600, features: 3, classes: 6, source: TU },
      DD: { graphs: 1_178, classes: 2, source: TU },
      NCI1: { graphs: 4_110, features: 37, classes: 2, source: TU },
      NCI109: { graphs: 4_127, classes: 2, source: TU },
      PTC_MR: { graphs: 344, classes: 2, source: TU },
      "IMDB-BINARY": { graphs: 1_000, features: 0, classes: 2, source: TU },
      "IMDB-MULTI": { graphs: 1_500, features: 0, classes: 3, source: TU },
      "REDDIT-BINARY": { graphs: 2_000, features: 0, classes: 2, source: TU },
      "REDDIT-MULTI-5K": { graphs: 4_999, features: 0, classes: 5, source: TU },
      COLLAB: { graphs: 5_000, features: 0, classes: 3, source: TU },
      "COLORS-3": { graphs: 10_500, classes: 11, source: TU },
      TRIANGLES: { graphs: 45_000, classes: 10, source: TU },
    },
  },
  MoleculeNet: {
    module: "torch_geometric.datasets",
    caseless: true,
    graphSets: {
      esol: { graphs: 1_128, features: 9, classes: 1, source: MOLECULENET },
      freesolv: { graphs: 642, features: 9, classes: 1, source: MOLECULENET },
      lipo: { graphs: 4_200, features: 9, classes: 1, source: MOLECULENET },
      pcba: { graphs: 437_929, features: 9, classes: 128, source: MOLECULENET },
      muv: { graphs: 93_087, features: 9, classes: 17, source: MOLECULENET },
      hiv: { graphs: 41_127, features: 9, classes: 1, source: MOLECULENET },
      bace: { graphs: 1_513, features: 9, classes: 1, source: MOLECULENET },
      bbbp: { graphs: 2_039, features: 9, classes: 1, source: MOLECULENET },
      tox21: { graphs: 7_831, features: 9, classes: 12, source: MOLECULENET },
      toxcast: { graphs: 8_575, features: 9, classes: 617, source: MOLECULENET },
      sider: { graphs: 1_427, features: 9, classes: 27, source: MOLECULENET },
      clintox: { graphs: 1_478, features: 9, classes: 2, source: MOLECULENET },
    },
  },
  PygNodePropPredDataset: {
    module: "ogb.nodeproppred",
    caseless: false,
    nodeGraphs: {
      "ogbn-arxiv": { nodes: 169_343, edges: 1_166_243, features: 128, classes: 40, trainNodes: 90_941, splits: { train: 90_941, valid: 29_799, test: 48_603 }, source: OGB_NODES },
      "ogbn-products": { nodes: 2_449_029, edges: 61_859_140, features: 100, classes: 47, trainNodes: 196_615, splits: { train: 196_615, valid: 39_323, test: 2_213_091 }, source: OGB_NODES },
    },
  },
  PygGraphPropPredDataset: {
    module: "ogb.graphproppred",
    caseless: false,
    graphSets: {
      "ogbg-molhiv": { graphs: 41_127, features: 9, classes: 1, splits: { train: 32_901, valid: 4_113, test: 4_113 }, source: OGB_GRAPHS },
      "ogbg-molpcba": { graphs: 437_929, features: 9, classes: 128, splits: { train: 350_343, valid: 43_793, test: 43_793 }, source: OGB_GRAPHS },
    },
  },
};
