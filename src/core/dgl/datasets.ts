// DGL as the analyzer's stand-in: the graph (`DGLGraph`, its `ndata` of node features, labels and split masks and
// its node count), the dgl.data datasets of known size (dgl-dataset-sizes.ts) and OGB's DGL datasets, and the
// loaders of dgl.dataloading, whose training indices and batch size a run reads. Programs read `g.ndata["feat"]`,
// `g.num_nodes()`, `dataset.num_classes` and `split_idx["train"]` from them; the files on disk are never read.
// Other parts of dgl (dgl.nn, dgl.function) are not modelled: importing them says so, as for a missing package.
import { DGL_GIN_DATASETS, DGL_NODE_DATASETS, dglOgbNodeDatasets, dglTuDatasets } from "../training/dgl-dataset-sizes";
import type { NodeGraphSize } from "../training/graph-dataset-sizes";

// dgl/heterograph.py (DGL 1.1): a graph of `nodes` nodes whose ndata holds tensors of one row a node. Transforms
// that keep the nodes (add_self_loop, to(), int()) return a graph of the same nodes.
const GRAPH = `import torch
from _greenlight_unknown import unknown as _unknown


class DGLGraph:
    def __init__(self, nodes=None, edges=None, ndata=None, **kwargs):
        self._greenlight_nodes = nodes
        self._greenlight_edges = edges
        self.ndata = ndata if ndata is not None else {}
        self.edata = {}
        self.srcdata = self.ndata
        self.dstdata = self.ndata

    def num_nodes(self, ntype=None):
        if self._greenlight_nodes is None:
            return _unknown("the node count of a DGL graph the analyzer does not size")
        return self._greenlight_nodes

    def number_of_nodes(self, ntype=None):
        return self.num_nodes()

    def num_edges(self, etype=None):
        if self._greenlight_edges is None:
            return _unknown("the edge count of a DGL graph the analyzer does not size")
        return self._greenlight_edges

    def number_of_edges(self, etype=None):
        return self.num_edges()

    def nodes(self, ntype=None):
        return torch.arange(self.num_nodes())

    def in_degrees(self, v=None, etype=None):
        return torch.zeros(self.num_nodes())

    def out_degrees(self, u=None, etype=None):
        return torch.zeros(self.num_nodes())

    def _same_nodes(self):
        return DGLGraph(self._greenlight_nodes, None, dict(self.ndata))

    def add_self_loop(self, *args, **kwargs):
        return self._same_nodes()

    def remove_self_loop(self, *args, **kwargs):
        return self._same_nodes()

    def to(self, *args, **kwargs):
        return self

    def int(self):
        return self

    def long(self):
        return self

    def cpu(self):
        return self

    def cuda(self, *args, **kwargs):
        return self

    def local_scope(self):
        return _Scope(self)

    def create_formats_(self):
        return None

    # The graph's other methods and attributes (update_all(), edges(), device, ...) are data the analyzer does not read.
    def __getattr__(self, name):
        return _unknown("DGLGraph." + name + " of a DGL graph is data the analyzer does not read")


class _Scope:
    def __init__(self, graph):
        self.graph = graph

    def __enter__(self):
        return self.graph

    def __exit__(self, *args):
        return False


def _node_graph(nodes, edges, features, classes, train):
    return DGLGraph(nodes, edges, {
        "feat": torch.zeros(nodes, features),
        "label": torch.zeros(nodes, dtype=torch.int64),
        "train_mask": torch.zeros(nodes, dtype=torch.bool),
        "val_mask": torch.zeros(nodes, dtype=torch.bool),
        "test_mask": torch.zeros(nodes, dtype=torch.bool),
    })


def add_self_loop(g, *args, **kwargs):
    return g.add_self_loop()


def remove_self_loop(g, *args, **kwargs):
    return g.remove_self_loop()


def to_bidirected(g, *args, **kwargs):
    return g._same_nodes()


def to_simple(g, *args, **kwargs):
    return g._same_nodes()


def to_bfloat16(g):
    return g


def to_float(g):
    return g


def to_half(g):
    return g


def graph(data, *args, num_nodes=None, **kwargs):
    return DGLGraph(num_nodes, None, {})


def seed(value):
    return None


# dgl.transforms: a transform keeps the graph's nodes.
class _Transform:
    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, g):
        return g._same_nodes()


class AddSelfLoop(_Transform):
    pass


class RemoveSelfLoop(_Transform):
    pass


class AddReverse(_Transform):
    pass


class ToSimple(_Transform):
    pass


class Compose(_Transform):
    pass
`;

/** A Python tuple of a node graph's figures. */
function figures(g: NodeGraphSize): string {
  return `(${g.nodes}, ${g.edges}, ${g.features}, ${g.classes}, ${g.trainNodes})`;
}

// dgl/data/citation_graph.py and dgl/data/dgl_dataset.py (DGL 1.1): a dataset of one graph, `dataset[0]`, with
// num_classes; AsNodePredDataset (dgl/data/adapter.py) adds the split's index tensors (train_idx, val_idx, test_idx).
function dataSource(): string {
  const classes = Object.entries(DGL_NODE_DATASETS).map(([name, d]) => `\n\nclass ${name}(_NodeGraphDataset):\n    _figures = ${figures(d.graph)}\n    _splits = (${d.graph.trainNodes}, None, None)\n`).join("");
  return `import torch
from dgl import _node_graph, DGLGraph
from _greenlight_unknown import unknown as _unknown


class _NodeGraphDataset:
    # (nodes, edges, features, classes, training nodes) of the one graph, and the split's sizes (train, valid, test).
    _figures = None
    _splits = None

    def __init__(self, raw_dir=None, force_reload=False, verbose=True, transform=None, **kwargs):
        self.transform = transform

    def __len__(self):
        return 1

    def __getitem__(self, index):
        graph = _node_graph(*self._figures)
        return self.transform(graph) if self.transform is not None else graph

    @property
    def num_classes(self):
        return self._figures[3]

    @property
    def num_labels(self):
        return self._figures[3]

    def __getattr__(self, name):
        return _unknown("{}." + name + " of a DGL dataset is data the analyzer does not read", type(self).__name__)
${classes}

class AsNodePredDataset:
    def __init__(self, dataset, split_ratio=None, target_ntype=None, **kwargs):
        self.dataset = dataset
        self._greenlight_inner = dataset
        train, valid, test = dataset._splits
        self.train_idx = torch.zeros(train, dtype=torch.int64) if train is not None else _unknown("the training nodes of the dataset")
        self.val_idx = torch.zeros(valid, dtype=torch.int64) if valid is not None else _unknown("the validation nodes of the dataset")
        self.test_idx = torch.zeros(test, dtype=torch.int64) if test is not None else _unknown("the test nodes of the dataset")

    def __len__(self):
        return 1

    def __getitem__(self, index):
        got = self.dataset[index]
        return got[0] if isinstance(got, tuple) else got

    @property
    def num_classes(self):
        return self.dataset.num_classes


# Datasets of many graphs (GINDataset(name, self_loop), TUDataset(name)): len() graphs, each item (graph, label), a
# graph of unknown nodes. A name the table lacks has unknown length.
class _GraphSet:
    _sizes = {}

    def __init__(self, name, *args, **kwargs):
        self.name = name
        self._size = self._sizes.get(name)

    def __len__(self):
        if self._size is None:
            return _unknown("the size of DGL dataset {} is not in the analyzer's table", self.name)
        return self._size[0]

    def __getitem__(self, index):
        return DGLGraph(None, None, {}), torch.zeros(1, dtype=torch.int64)

    @property
    def num_classes(self):
        if self._size is None or self._size[1] is None:
            return _unknown("the class count of DGL dataset {}", self.name)
        return self._size[1]

    @property
    def gclasses(self):
        return self.num_classes


class GINDataset(_GraphSet):
    _sizes = {${Object.entries(DGL_GIN_DATASETS).map(([k, d]) => `${JSON.stringify(k)}: (${d.graphs}, ${d.classes})`).join(", ")}}


class TUDataset(_GraphSet):
    _sizes = {${Object.entries(dglTuDatasets()).map(([k, d]) => `${JSON.stringify(k)}: (${d.graphs}, ${d.classes ?? "None"})`).join(", ")}}


class LegacyTUDataset(TUDataset):
    pass


def register_data_args(parser):
    parser.add_argument("--dataset", type=str, required=False, help="The input dataset.")
`;
}

// ogb/nodeproppred/dataset_dgl.py (ogb 1.3): DglNodePropPredDataset(name)[0] is (graph, labels), and
// get_idx_split() hands out the standard split's index tensors.
function ogbSource(): string {
  const table = Object.entries(dglOgbNodeDatasets()).map(([k, g]) => `${JSON.stringify(k)}: ${figures(g)}`).join(", ");
  const splits = Object.entries(dglOgbNodeDatasets()).map(([k, g]) => `${JSON.stringify(k)}: (${g.splits?.train ?? "None"}, ${g.splits?.valid ?? "None"}, ${g.splits?.test ?? "None"})`).join(", ");
  return `import torch
from dgl import _node_graph
from _greenlight_unknown import unknown as _unknown

_DGL_NODE_GRAPHS = {${table}}
_DGL_NODE_SPLITS = {${splits}}


class DglNodePropPredDataset:
    def __init__(self, name, root="dataset", meta_dict=None):
        self.name = name
        self._figures = _DGL_NODE_GRAPHS.get(name)
        self._splits = _DGL_NODE_SPLITS.get(name, (None, None, None))

    def __len__(self):
        return 1

    def __getitem__(self, index):
        if self._figures is None:
            return _unknown("the graph of OGB dataset {} is not in the analyzer's table", self.name)
        return _node_graph(*self._figures), torch.zeros(self._figures[0], 1, dtype=torch.int64)

    @property
    def num_classes(self):
        if self._figures is None:
            return _unknown("the class count of OGB dataset {}", self.name)
        return self._figures[3]

    def get_idx_split(self):
        if self._figures is None:
            return _unknown("the split of OGB dataset {} is not in the analyzer's table", self.name)
        train, valid, test = self._splits
        return {"train": torch.zeros(train, dtype=torch.int64), "valid": torch.zeros(valid, dtype=torch.int64), "test": torch.zeros(test, dtype=torch.int64)}
`;
}

// dgl/dataloading (DGL 1.1): DataLoader(graph, indices, graph_sampler, batch_size=1, ...) yields a batch of
// batch_size of the indices a step (dgl-loaders.ts reads them); GraphDataLoader batches a dataset of graphs as
// torch's DataLoader does. Samplers only say how neighbourhoods are drawn.
const LOADING = `import torch
from torch.utils.data import DataLoader as _TorchLoader
from _greenlight_unknown import unknown as _unknown


class DataLoader:
    def __init__(self, graph, indices, graph_sampler=None, device=None, use_ddp=False, ddp_seed=0, batch_size=1, drop_last=False, shuffle=False, **kwargs):
        self.graph = graph
        self.indices = indices
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __len__(self):
        count = len(self.indices)
        return count // self.batch_size if self.drop_last else (count + self.batch_size - 1) // self.batch_size

    def __iter__(self):
        return iter([])


class NodeDataLoader(DataLoader):
    pass


class EdgeDataLoader(DataLoader):
    pass


GraphDataLoader = _TorchLoader


class _Sampler:
    def __init__(self, *args, **kwargs):
        pass


class NeighborSampler(_Sampler):
    pass


class MultiLayerNeighborSampler(_Sampler):
    pass


class MultiLayerFullNeighborSampler(_Sampler):
    pass


class ClusterGCNSampler(_Sampler):
    pass


class ShaDowKHopSampler(_Sampler):
    pass


class SAINTSampler(_Sampler):
    pass
`;

// dgl/data/citation_graph.py (DGL 1.1): load_cora() and its kin return the dataset objects.
const CITATION = `from dgl.data import CoraGraphDataset, CiteseerGraphDataset, PubmedGraphDataset


def load_cora(raw_dir=None, force_reload=False, verbose=True, reverse_edge=True, transform=None):
    return CoraGraphDataset(raw_dir, force_reload, verbose, transform=transform)


def load_citeseer(raw_dir=None, force_reload=False, verbose=True, reverse_edge=True, transform=None):
    return CiteseerGraphDataset(raw_dir, force_reload, verbose, transform=transform)


def load_pubmed(raw_dir=None, force_reload=False, verbose=True, reverse_edge=True, transform=None):
    return PubmedGraphDataset(raw_dir, force_reload, verbose, transform=transform)
`;

/** Package-relative paths and text of the stand-in dgl package (the graph, dgl.data, dgl.dataloading) and of OGB's
 *  DGL node datasets (ogb/nodeproppred/dataset_dgl.py, imported by the ogb.nodeproppred stand-in). */
export function dglSources(): [string, string][] {
  return [
    ["dgl/__init__.py", `__version__ = '1.1.3'\n${GRAPH}`],
    ["dgl/data/__init__.py", dataSource()],
    ["dgl/dataloading/__init__.py", LOADING],
    // dgl/data/citation_graph.py: the older loaders that return the datasets.
    ["dgl/data/citation_graph.py", CITATION],
    ["ogb/nodeproppred/dataset_dgl.py", ogbSource()],
  ];
}
