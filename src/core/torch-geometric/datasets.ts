// torch_geometric.datasets (and OGB's PyG datasets) as the analyzer's stand-in: each dataset class of the graph dataset table
// (src/core/training/graph-dataset-sizes.ts) as a class whose length is the number of graphs it holds, whose items are
// graphs (`Data`) with the table's node count and features, and which slices, shuffles and indexes as PyG's Dataset
// does (a part keeps the graphs it selects). Programs read `len(dataset)`, `dataset.num_classes` and `dataset[0].x`
// from them; the files on disk are never read. A name not in the table loads a dataset of unknown size.
import { GRAPH_DATASETS, type GraphDatasetTable } from "../training/graph-dataset-sizes";
import { importLoaders, pygLoadersModule } from "./loaders";

// Data (torch_geometric/data/data.py, PyG 2.5): the attributes it is given; num_nodes is x's first dimension. Its
// len() is its attribute count in PyG, never its nodes, so it has no __len__ here.
const DATA = `import copy

import torch
from _greenlight_unknown import unknown as _unknown


class Data:
    def __init__(self, x=None, edge_index=None, edge_attr=None, y=None, pos=None, **kwargs):
        self.x = x
        self.edge_index = edge_index
        self.edge_attr = edge_attr
        self.y = y
        self.pos = pos
        for key, value in kwargs.items():
            setattr(self, key, value)

    @property
    def num_nodes(self):
        if self.x is None:
            return _unknown("the graph's node count is data the analyzer does not read")
        return self.x.shape[0]

    @property
    def num_node_features(self):
        if self.x is None:
            return 0
        return self.x.shape[1]

    @property
    def num_features(self):
        return self.num_node_features

    @property
    def num_edges(self):
        if self.edge_index is None:
            return _unknown("the graph's edge count is data the analyzer does not read")
        return self.edge_index.shape[1]

    # Data's other methods and attributes (has_isolated_nodes(), is_undirected(), subgraph(), masks a set lacks) are
    # data the analyzer does not read.
    def __getattr__(self, name):
        return _unknown("Data." + name + " of a PyG graph is data the analyzer does not read")

    def __getitem__(self, key):
        return getattr(self, key)

    def __setitem__(self, key, value):
        setattr(self, key, value)

    def __call__(self, *keys):
        return [(key, getattr(self, key)) for key in keys]

    def to(self, *args, **kwargs):
        return self

    def cuda(self, *args, **kwargs):
        return self

    def cpu(self):
        return self


# Dataset (torch_geometric/data/dataset.py, PyG 2.5), the class a user's graph dataset derives from: the subclass
# gives len() and get(idx), and the dataset's length is len() over its indices (a part that slicing or index_select
# makes is a copy that keeps the indices it selects). download() and process() read and write files: the analysis does not run them.
class Dataset(torch.utils.data.Dataset):
    def __init__(self, root=None, transform=None, pre_transform=None, pre_filter=None, log=True, force_reload=False):
        self.root = root
        self.transform = transform
        self.pre_transform = pre_transform
        self.pre_filter = pre_filter
        self._indices = None

    def len(self):
        return _unknown("the graphs of a {} dataset, whose class gives no len()", type(self).__name__)

    def get(self, idx):
        return _unknown("a graph of a {} dataset, whose class gives no get()", type(self).__name__)

    def indices(self):
        return range(self.len()) if self._indices is None else self._indices

    def __len__(self):
        return len(self.indices())

    def __getitem__(self, idx):
        if isinstance(idx, int):
            data = self.get(self.indices()[idx])
            return data if self.transform is None else self.transform(data)
        return self.index_select(idx)

    def index_select(self, idx):
        indices = self.indices()
        if isinstance(idx, slice):
            kept = indices[idx]
        elif isinstance(idx, (list, tuple)):
            kept = [indices[i] for i in idx]
        elif getattr(idx, "dtype", None) == torch.bool:
            kept = _unknown("the graphs a boolean mask selects")
        elif hasattr(idx, "shape"):
            kept = range(idx.shape[0])
        else:
            kept = _unknown("the graphs an index of {} selects", type(idx).__name__)
        part = copy.copy(self)
        part._indices = kept
        return part

    def shuffle(self, return_perm=False):
        part = copy.copy(self)
        part._indices = self.indices()
        return (part, torch.randperm(len(self))) if return_perm else part
`;

const BASE = `# Generated from the analyzer's graph dataset table (src/core/training/graph-dataset-sizes.ts).
import torch
from torch_geometric.data import Data
from _greenlight_unknown import unknown as _unknown


class _GraphDataset:
    # One graph of node classification: (nodes, edges, features, classes, training nodes) by name.
    _node_graphs = {}
    # Many graphs: (graphs, features, classes) by name.
    _graph_sets = {}
    _caseless = False
    _only = None
    # The parts get_idx_split() hands out, by name.
    _split_sizes = {}

    def __init__(self, root=None, name=None, *args, transform=None, pre_transform=None, pre_filter=None, _greenlight_part=None, **kwargs):
        self.root = root
        self.name = name
        self.transform = transform
        key = name.lower() if self._caseless and isinstance(name, str) else name
        self._graph = self._only if self._only is not None else self._node_graphs.get(key)
        self._set = None if self._graph is not None else self._graph_sets.get(key)
        self._splits = self._split_sizes.get(key)
        # How many graphs this dataset (or part of one) holds: the analysis reads it as the part's samples.
        self._greenlight_graphs = 1 if self._graph is not None else self._set[0] if self._set is not None else None
        if _greenlight_part is not None:
            self._greenlight_graphs = _greenlight_part

    def __len__(self):
        if self._greenlight_graphs is None:
            return _unknown("the size of graph dataset {} is not in the analyzer's table", self.name)
        return self._greenlight_graphs

    # A part is a dataset of the same class over fewer graphs, as PyG's index_select returns (a copy with its own
    # indices): built afresh, so the whole dataset keeps its count.
    def _part(self, count):
        return type(self)(root=self.root, name=self.name, transform=self.transform, _greenlight_part=count)

    def __getitem__(self, index):
        if isinstance(index, int):
            return self.get(index)
        if isinstance(index, (list, tuple)):
            return self._part(len(index))
        # A tensor or array of indices; a boolean mask's length is not the part's.
        if hasattr(index, "shape"):
            if getattr(index, "dtype", None) == torch.bool:
                return self._part(_unknown("the graphs a boolean mask selects"))
            return self._part(index.shape[0])
        # A slice keeps the graphs range() keeps of it.
        return self._part(len(range(len(self))[index]))

    # The dataset's other methods and attributes (print_summary(), raw_file_names, ...) are data the analyzer does not read.
    def __getattr__(self, name):
        return _unknown("{}." + name + " of a PyG dataset is data the analyzer does not read", type(self).__name__)

    def index_select(self, index):
        return self[index]

    def shuffle(self, return_perm=False):
        if return_perm:
            return self._part(self._greenlight_graphs), torch.randperm(len(self))
        return self._part(self._greenlight_graphs)

    # OGB's standard split: the index tensors of each part, so dataset[split_idx["train"]] keeps that many graphs.
    def get_idx_split(self):
        if self._splits is None:
            return _unknown("the split of graph dataset {} is not in the analyzer's table", self.name)
        return {part: torch.zeros(n, dtype=torch.int64) for part, n in self._splits.items()}

    def get(self, index):
        if self._graph is not None:
            nodes, edges, features, classes, train = self._graph
            return Data(x=torch.zeros(nodes, features), edge_index=torch.zeros(2, edges, dtype=torch.int64),
                        y=torch.zeros(nodes, dtype=torch.int64), train_mask=torch.zeros(nodes, dtype=torch.bool),
                        val_mask=torch.zeros(nodes, dtype=torch.bool), test_mask=torch.zeros(nodes, dtype=torch.bool),
                        _greenlight_train_nodes=train)
        # A graph of a many-graph set: its nodes vary from graph to graph.
        return Data(x=None, edge_index=None, y=torch.zeros(1, dtype=torch.int64))

    @property
    def data(self):
        return self.get(0) if self._graph is not None else _unknown("the graphs of {} stored together", self.name)

    @property
    def num_classes(self):
        if self._graph is not None:
            return self._graph[3]
        if self._set is not None and self._set[2] is not None:
            return self._set[2]
        return _unknown("the class count of graph dataset {}", self.name)

    @property
    def num_node_features(self):
        if self._graph is not None:
            return self._graph[2]
        if self._set is not None and self._set[1] is not None:
            return self._set[1]
        return _unknown("the node features of graph dataset {}", self.name)

    @property
    def num_features(self):
        return self.num_node_features
`;

/** A Python literal: a number, a string, None, or a tuple of them. */
function py(value: number | string | undefined | (number | undefined)[]): string {
  if (value === undefined) return "None";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  return `(${value.map((v) => py(v)).join(", ")})`;
}

function datasetClass(name: string, table: GraphDatasetTable): string {
  const graph = (g: NonNullable<GraphDatasetTable["only"]>) => py([g.nodes, g.edges, g.features, g.classes, g.trainNodes]);
  const nodeGraphs = Object.entries(table.nodeGraphs ?? {}).map(([k, g]) => `${py(k)}: ${graph(g)}`);
  const graphSets = Object.entries(table.graphSets ?? {}).map(([k, s]) => `${py(k)}: ${py([s.graphs, s.features, s.classes])}`);
  const splits = [...Object.entries(table.nodeGraphs ?? {}), ...Object.entries(table.graphSets ?? {})].flatMap(([k, g]) =>
    g.splits ? [`${py(k)}: {${Object.entries(g.splits).map(([part, n]) => `${py(part)}: ${n}`).join(", ")}}`] : []);
  const body = [
    `    _node_graphs = {${nodeGraphs.join(", ")}}`,
    `    _graph_sets = {${graphSets.join(", ")}}`,
    `    _split_sizes = {${splits.join(", ")}}`,
    `    _caseless = ${table.caseless ? "True" : "False"}`,
    `    _only = ${table.only ? graph(table.only) : "None"}`,
  ];
  // KarateClub(transform=None) takes no root or name; OGB's classes take the name first (name, root="dataset", ...).
  const init = table.only
    ? `\n\n    def __init__(self, transform=None, _greenlight_part=None, **kwargs):\n        super().__init__(None, ${py(name)}, transform=transform, _greenlight_part=_greenlight_part)\n`
    : table.module.startsWith("ogb.")
      ? `\n\n    def __init__(self, name, root="dataset", transform=None, pre_transform=None, _greenlight_part=None, **kwargs):\n        super().__init__(root, name, transform=transform, _greenlight_part=_greenlight_part)\n`
      : "\n";
  return `\n\nclass ${name}(_GraphDataset):\n${body.join("\n")}${init}`;
}

/** The classes of the table that a module defines. */
function classesOf(module: GraphDatasetTable["module"]): string {
  return Object.entries(GRAPH_DATASETS).filter(([, t]) => t.module === module).map(([name, table]) => datasetClass(name, table)).join("");
}

// OGB's Evaluator scores predictions the analysis never has.
const EVALUATOR = `

class Evaluator:
    def __init__(self, name):
        self.name = name

    def eval(self, input_dict):
        return _unknown("the scores of {}'s evaluator", self.name)
`;

/** Package-relative paths and text of the stand-in torch_geometric package (its data and datasets modules) and of
 *  OGB's PyG datasets (ogb.nodeproppred, ogb.graphproppred). */
export function torchGeometricSources(): [string, string][] {
  const ogb = (module: GraphDatasetTable["module"]) => `from torch_geometric.datasets import _GraphDataset\nfrom _greenlight_unknown import unknown as _unknown\n${classesOf(module)}${EVALUATOR}`;
  return [
    ["torch_geometric/__init__.py", "__version__ = '2.5.0'\n"],
    // The sampled loaders: torch_geometric.loader's, and the older names torch_geometric.data still exports.
    pygLoadersModule,
    ["torch_geometric/data/__init__.py", `${DATA}\n${importLoaders}`],
    ["torch_geometric/loader/__init__.py", importLoaders],
    ["torch_geometric/datasets/__init__.py", BASE + classesOf("torch_geometric.datasets")],
    ["ogb/__init__.py", "__version__ = '1.3.6'\n"],
    // OGB's DGL datasets sit beside the PyG ones in the package (src/core/dgl/datasets.ts).
    ["ogb/nodeproppred/__init__.py", `${ogb("ogb.nodeproppred")}\nfrom ogb.nodeproppred.dataset_dgl import DglNodePropPredDataset\n`],
    ["ogb/graphproppred/__init__.py", ogb("ogb.graphproppred")],
  ];
}
