// PyTorch Geometric's sampled mini-batch loaders as the analyzer's stand-in (torch_geometric.loader, and the older
// names torch_geometric.data re-exports): what an epoch of each draws, from the arguments the loader is given,
// held as `_greenlight_samples` (pyg-loaders.ts reads it). PyG 2.5 docs, torch_geometric.loader
// (pytorch-geometric.readthedocs.io/en/2.5.0/modules/loader.html):
// - NeighborLoader(data, num_neighbors, input_nodes=None, batch_size=1): one batch of batch_size seed nodes a step
//   over input_nodes (an index tensor, a boolean mask, or None for all the graph's nodes);
// - NeighborSampler(edge_index, sizes, node_idx=None, num_nodes=None, batch_size=1): the same over node_idx;
// - ClusterData(data, num_parts) and ClusterLoader(cluster_data, batch_size=1): batch_size of the num_parts
//   clusters a step;
// - GraphSAINT*Sampler(data, batch_size, ..., num_steps=1): num_steps subgraphs an epoch, each drawn from batch_size
//   roots (nodes, edges or walks).
// A boolean mask's true entries are known only for the public split's training mask of a graph the dataset table
// sizes (Planetoid: 20 nodes a class), which the stand-in's graphs carry.
const LOADERS = `import torch
from _greenlight_unknown import unknown as _unknown


def _seeds(given, data):
    if given is None:
        return getattr(data, "num_nodes", None) if data is not None else None
    if isinstance(given, tuple):
        return None
    if getattr(given, "dtype", None) == torch.bool:
        # The public split's training mask of a graph of the table holds its training nodes.
        if data is not None and given is getattr(data, "train_mask", None):
            return getattr(data, "_greenlight_train_nodes", None)
        return None
    if hasattr(given, "shape"):
        return given.shape[0]
    return None


class NeighborLoader:
    def __init__(self, data, num_neighbors=None, input_nodes=None, batch_size=1, shuffle=False, drop_last=False, **kwargs):
        self.data = data
        self.batch_size = batch_size
        self._greenlight_samples = _seeds(input_nodes, data)


class LinkNeighborLoader:
    def __init__(self, data, num_neighbors=None, edge_label_index=None, batch_size=1, **kwargs):
        self.data = data
        self.batch_size = batch_size
        self._greenlight_samples = None


class NeighborSampler:
    def __init__(self, edge_index, sizes=None, node_idx=None, num_nodes=None, batch_size=1, shuffle=False, **kwargs):
        self.batch_size = batch_size
        self._greenlight_samples = _seeds(node_idx, None) if node_idx is not None else None


class ClusterData:
    def __init__(self, data, num_parts, recursive=False, save_dir=None, **kwargs):
        self.data = data
        self.num_parts = num_parts

    def __len__(self):
        return self.num_parts


class ClusterLoader:
    def __init__(self, cluster_data, batch_size=1, shuffle=False, **kwargs):
        self.cluster_data = cluster_data
        self.batch_size = batch_size
        parts = getattr(cluster_data, "num_parts", None)
        self._greenlight_samples = parts if isinstance(parts, int) else None


class _SaintSampler:
    def __init__(self, data, batch_size, *args, num_steps=1, sample_coverage=0, save_dir=None, **kwargs):
        self.data = data
        self.batch_size = batch_size
        self.num_steps = num_steps
        # An epoch draws num_steps subgraphs of batch_size roots each.
        self._greenlight_samples = num_steps * batch_size if isinstance(num_steps, int) and isinstance(batch_size, int) else None

    def __len__(self):
        return self.num_steps


class GraphSAINTNodeSampler(_SaintSampler):
    pass


class GraphSAINTEdgeSampler(_SaintSampler):
    pass


class GraphSAINTRandomWalkSampler(_SaintSampler):
    def __init__(self, data, batch_size, walk_length=1, num_steps=1, sample_coverage=0, save_dir=None, **kwargs):
        super().__init__(data, batch_size, num_steps=num_steps)
`;

/** Names of the sampled loaders the stand-in defines (the plan takes them as loaders of the run). */
export const PYG_SAMPLED_LOADERS = ["NeighborLoader", "LinkNeighborLoader", "NeighborSampler", "ClusterLoader", "GraphSAINTNodeSampler", "GraphSAINTEdgeSampler", "GraphSAINTRandomWalkSampler"] as const;

/** The stand-in's module of sampled loaders, imported by torch_geometric.loader and torch_geometric.data. */
export const pygLoadersModule: [string, string] = ["torch_geometric/_greenlight_loaders.py", LOADERS];

/** What torch_geometric.loader and torch_geometric.data import from the loaders module. */
export const importLoaders = `from torch_geometric._greenlight_loaders import ${[...PYG_SAMPLED_LOADERS, "ClusterData"].join(", ")}\n`;
