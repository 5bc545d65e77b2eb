// The report's views of a model that scale to real networks: the module tree with figures aggregated per node,
// repeated blocks folded into one row ("h.0–11 · 12 × Block"), and the share of each kind of layer (attention, MLP,
// embeddings, ...). A 12-layer GPT has ~80 modules; flat per-layer charts of it were 12 identical bars.
import type { LayerReport, ModelReport } from "./model-report";

/** One module of the tree with its own and its descendants' figures. */
export interface ModuleNode {
  path: string;
  /** The last segment of the path ("c_fc"), or the model's name at the root. */
  name: string;
  type: string;
  params: number;
  flops: number;
  children: ModuleNode[];
}

/** A bar of a grouped chart: a label in full and what it adds up. */
export interface GroupRow {
  label: string;
  /** How many modules the row folds together (12 for twelve identical blocks). */
  count: number;
  params: number;
  flops: number;
}

/** The grouped views the report draws. */
export interface ModelGroups {
  tree: ModuleNode;
  byBlock: GroupRow[];
  byKind: GroupRow[];
}

function parentOf(path: string): string {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? "" : path.slice(0, dot);
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf(".") + 1);
}

/** The module tree of a report; a node's FLOPs are its forward's (or, for a container never called, its children's). */
export function moduleTree(model: ModelReport): ModuleNode {
  const byPath = new Map<string, { layer: LayerReport; node: ModuleNode }>();
  for (const layer of model.layers) {
    byPath.set(layer.path, {
      layer,
      node: { path: layer.path, name: layer.path === "" ? model.name : lastSegment(layer.path), type: layer.type, params: layer.params, flops: layer.flops, children: [] },
    });
  }
  let root = byPath.get("")?.node;
  if (!root) {
    root = { path: "", name: model.name, type: model.name, params: model.params, flops: model.flops, children: [] };
    byPath.set("", { layer: { path: "", type: model.name, file: model.file, line: model.line, params: model.params, flops: model.flops, output: null, calls: 1, leaf: false, activationElements: 0 }, node: root });
  }
  for (const [path, { node }] of byPath) {
    if (path === "") continue;
    let parent = parentOf(path);
    while (parent !== "" && !byPath.has(parent)) parent = parentOf(parent);
    byPath.get(parent)!.node.children.push(node);
  }
  // Containers that are never called (a ModuleList iterated by its parent) carry their members' FLOPs.
  const settle = (node: ModuleNode): number => {
    const childFlops = node.children.reduce((sum, child) => sum + settle(child), 0);
    const entry = byPath.get(node.path)!;
    if (entry.layer.calls === 0 && node.path !== "") node.flops = childFlops;
    return node.flops;
  };
  settle(root);
  root.params = model.params;
  root.flops = model.flops;
  return root;
}

/** A numeric segment marks a member of a list of blocks (`h.0`, `layers.11`, `features.3`). */
const INDEX = /^\d+$/;

/**
 * The model by block: the root's children, where a list of modules is replaced by its members, and runs of
 * consecutive members of one type (repeated blocks) fold into one row that says how many it holds.
 */
export function groupByBlock(tree: ModuleNode): GroupRow[] {
  const rows: GroupRow[] = [];
  const isList = (node: ModuleNode) => node.children.length > 0 && node.children.every((child) => INDEX.test(child.name));
  /** Rows for the members of a list, runs of one type folded; `prefix` is the list's path with its dot. */
  const members = (list: ModuleNode, prefix: string) => {
    let i = 0;
    while (i < list.children.length) {
      let j = i + 1;
      while (j < list.children.length && list.children[j].type === list.children[i].type) j++;
      const run = list.children.slice(i, j);
      const name = run.length === 1 ? `${prefix}${run[0].name}` : `${prefix}${run[0].name}–${run[run.length - 1].name}`;
      rows.push({
        label: `${name} · ${run.length === 1 ? run[0].type : `${run.length} × ${run[0].type}`}`,
        count: run.length,
        params: run.reduce((sum, child) => sum + child.params, 0),
        flops: run.reduce((sum, child) => sum + child.flops, 0),
      });
      i = j;
    }
  };
  const visit = (node: ModuleNode, prefix: string) => {
    if (isList(node)) members(node, `${prefix}${node.name}.`);
    else rows.push({ label: `${prefix}${node.name} · ${node.type}`, count: 1, params: node.params, flops: node.flops });
  };
  if (isList(tree)) members(tree, "");
  for (const child of isList(tree) ? [] : tree.children) {
    // A wrapper with one level of named parts (`transformer` holding wte, wpe, h, ln_f) is opened up.
    const opens = child.children.length > 0 && !isList(child) && child.children.some(isList);
    if (opens) for (const grand of child.children) visit(grand, `${child.name}.`);
    else visit(child, "");
  }
  const covered = rows.reduce((sum, row) => sum + row.flops, 0);
  // FLOPs of the root's own forward code (functional ops between the blocks) get a row of their own.
  if (tree.flops - covered > 0) rows.push({ label: `${tree.name} forward (outside submodules)`, count: 1, params: 0, flops: tree.flops - covered });
  return rows;
}

export type LayerKind = "attention" | "MLP" | "embeddings" | "convolutions" | "recurrent" | "normalization" | "head" | "other";

const ATTENTION_WORDS = /(^|_)(attn|attention|self_attn|cross_attn|q_proj|k_proj|v_proj|o_proj|qkv|query|key|value|out_proj|c_attn)(_|$)/i;
const MLP_WORDS = /(^|_)(mlp|ffn|ff|feed_?forward|fc1|fc2|c_fc|intermediate|experts?|gate_proj|up_proj|down_proj|w1|w2|w3)(_|$)/i;
const HEAD_WORDS = /^(head|lm_head|classifier|fc|cls|output|logits|score|pooler)$/i;

/**
 * What kind of layer a module is, for the report's grouping: by its type first (Embedding, Conv, norms, RNNs,
 * MultiheadAttention), then for Linear-like layers by the names of the modules it sits in, as models name them.
 */
export function layerKind(path: string, type: string, ancestors: readonly { name: string; type: string }[]): LayerKind {
  if (/Embedding/.test(type)) return "embeddings";
  if (/^(Conv|ConvTranspose|LazyConv)\d?d|^Conv\d?d/.test(type) && type !== "Conv1D") return "convolutions";
  if (/MultiheadAttention|Attention$/.test(type)) return "attention";
  if (/^(LSTM|GRU|RNN)(Cell)?$/.test(type)) return "recurrent";
  if (/Norm/.test(type)) return "normalization";
  const names = [...ancestors.map((a) => a.name), lastSegment(path)];
  const types = ancestors.map((a) => a.type);
  if (names.some((n) => ATTENTION_WORDS.test(n)) || types.some((t) => /Attention|Attn/.test(t))) return "attention";
  if (names.some((n) => MLP_WORDS.test(n)) || types.some((t) => /MLP|FeedForward|FFN|Expert/.test(t))) return "MLP";
  if (ancestors.length <= 1 && HEAD_WORDS.test(lastSegment(path))) return "head";
  if (ancestors.length === 0 && /Linear|Conv1D/.test(type)) return "head";
  return "other";
}

/** The model by kind of layer: leaf modules (and FLOPs run in a module's own forward code) grouped by layerKind. */
export function groupByKind(tree: ModuleNode): GroupRow[] {
  const totals = new Map<LayerKind, GroupRow>();
  const add = (kind: LayerKind, params: number, flops: number) => {
    const row = totals.get(kind) ?? { label: kind, count: 0, params: 0, flops: 0 };
    row.count += 1;
    row.params += params;
    row.flops += flops;
    totals.set(kind, row);
  };
  const visit = (node: ModuleNode, ancestors: { name: string; type: string }[]) => {
    if (node.children.length === 0) {
      add(layerKind(node.path, node.type, ancestors), node.params, node.flops);
      return;
    }
    const inner = [...ancestors, ...(node.path === "" ? [] : [{ name: node.name, type: node.type }])];
    for (const child of node.children) visit(child, inner);
    // What this module computes in its own forward (q @ k.T, softmax @ v) belongs to the module's kind.
    const own = node.flops - node.children.reduce((sum, child) => sum + child.flops, 0);
    const ownParams = node.params - node.children.reduce((sum, child) => sum + child.params, 0);
    if (own > 0 || ownParams > 0) add(node.path === "" ? "other" : layerKind(node.path, node.type, ancestors), Math.max(0, ownParams), Math.max(0, own));
  };
  visit(tree, []);
  return [...totals.values()].sort((a, b) => b.flops - a.flops || b.params - a.params);
}

/** The report's grouped views of a model. */
export function modelGroups(model: ModelReport): ModelGroups {
  const tree = moduleTree(model);
  return { tree, byBlock: groupByBlock(tree), byKind: groupByKind(tree) };
}
