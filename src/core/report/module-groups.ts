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
  /** Parameters it holds that are counted at `tiedTo` (a tied weight); absent when none. */
  tiedParams?: number;
  tiedTo?: string;
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
      node: {
        path: layer.path, name: layer.path === "" ? model.name : lastSegment(layer.path), type: layer.type, params: layer.params,
        ...(layer.tiedParams ? { tiedParams: layer.tiedParams, tiedTo: layer.tiedTo } : {}), flops: layer.flops, children: [],
      },
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

/** A run's members as a label: "0–11" for consecutive indices, "1, 3" for a ModuleDict keyed by some layers only. */
function runName(names: readonly string[]): string {
  if (names.length === 1) return names[0];
  const consecutive = names.every((name, i) => i === 0 || Number(name) === Number(names[i - 1]) + 1);
  return consecutive || names.length > 4 ? `${names[0]}–${names[names.length - 1]}` : names.join(", ");
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
  // Below the root, a list is opened into its members when it repeats a block (ModuleList of 12 Blocks, Sequential
  // of InvertedResiduals) or holds blocks (a U-Net's distinct down blocks); a Sequential of distinct single layers
  // (Conv2d, BatchNorm2d, GELU) is one block itself.
  const repeats = (node: ModuleNode) => isList(node) && node.children.some((child, i) => i > 0 && child.type === node.children[i - 1].type);
  const holdsBlocks = (node: ModuleNode) => repeats(node) || (isList(node) && node.children.some((child) => child.children.length > 0));
  /** Rows for the members of a list, runs of one type folded; `prefix` is the list's path with its dot. */
  const members = (list: ModuleNode, prefix: string) => {
    let i = 0;
    while (i < list.children.length) {
      let j = i + 1;
      while (j < list.children.length && list.children[j].type === list.children[i].type) j++;
      const run = list.children.slice(i, j);
      const name = `${prefix}${runName(run.map((child) => child.name))}`;
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
    if (holdsBlocks(node)) members(node, `${prefix}${node.name}.`);
    else rows.push({ label: `${prefix}${node.name} · ${node.type}`, count: 1, params: node.params, flops: node.flops });
  };
  if (isList(tree)) members(tree, "");
  for (const child of isList(tree) ? [] : tree.children) {
    // A wrapper with one level of named parts (`transformer` holding wte, wpe, h, ln_f) is opened up; a module with
    // a sibling of its own type (a U-Net's up1 and up2) is one of several blocks, and stays one row like them.
    const peers = tree.children.filter((other) => other.type === child.type).length > 1;
    const opens = child.children.length > 0 && !isList(child) && !peers && child.children.some(repeats);
    if (opens) for (const grand of child.children) visit(grand, `${child.name}.`);
    else visit(child, "");
  }
  const covered = rows.reduce((sum, row) => sum + row.flops, 0);
  const coveredParams = rows.reduce((sum, row) => sum + row.params, 0);
  // The root's own parameters (a router's w_gate held as nn.Parameter) and the FLOPs of its own forward code
  // (functional ops between the blocks) get a row of their own, so the rows add up to the model.
  const ownFlops = Math.max(0, tree.flops - covered), ownParams = Math.max(0, tree.params - coveredParams);
  if (ownFlops > 0 || ownParams > 0) {
    const what = ownParams > 0 && ownFlops > 0 ? "own parameters and forward" : ownParams > 0 ? "own parameters" : "forward";
    rows.push({ label: `${tree.name} ${what} (outside submodules)`, count: 1, params: ownParams, flops: ownFlops });
  }
  return rows;
}

export type LayerKind = "attention" | "MLP" | "state-space" | "embeddings" | "convolutions" | "recurrent" | "normalization" | "head" | "other";

const ATTENTION_WORDS = /(^|_)(attn|attention|self_attn|cross_attn|q_proj|k_proj|v_proj|o_proj|qkv|query|key|value|out_proj|c_attn)(_|$)/i;
const MLP_WORDS = /(^|_)(mlp|ffn|ff|feed_?forward|fc1|fc2|c_fc|intermediate|experts?|gate_proj|up_proj|down_proj|w1|w2|w3)(_|$)/i;
/** Embedding projections named as models name them: a diffusion U-Net's time_embed / temb / emb_layers, a
 *  conditioning label's cond_embedding, value_embeds (the Linear layers that turn a timestep or label into features). */
const EMBEDDING_WORDS = /(^|_)[a-z]*emb(ed(ding)?s?)?\d*(_|$)/i;
const HEAD_WORDS = /^(head|lm_head|classifier|fc|cls|output|logits|score|pooler)$/i;
/** A head module by its class: GPT2LMHead, ClassificationHead, BertOnlyMLMHead. */
const HEAD_TYPE = /Head$/;
/** State-space sequence mixers (Mamba, Gu & Dao 2023; Mamba-2, Dao & Gu 2024; S4, Gu et al. 2022): their in/out
 *  projections are named like attention's (`out_proj`) but they compute a selective scan, not attention. */
const STATE_SPACE_TYPE = /Mamba|SSM|StateSpace|SelectiveScan|^S[45]D?(Layer|Block|Kernel)?$/;
const ATTENTION_TYPE = /Attention|Attn/;
/** torch.nn.TransformerEncoderLayer / TransformerDecoderLayer: their own Linear layers (linear1, linear2) are the
 *  feed-forward; attention lives in their MultiheadAttention children (PyTorch docs, torch.nn.TransformerEncoderLayer). */
const TORCH_TRANSFORMER_LAYER = /^Transformer(Encoder|Decoder)Layer$/;

/** Containers that only hold layers; the module that owns a layer is the nearest ancestor of another type. */
const CONTAINER_TYPE = /^(Sequential|ModuleList|ModuleDict)$/;

/** True when a convolution is an attention block's projection: the module that owns it (containers skipped) is an
 *  attention module (the 1×1 q/k/v convolutions of diffusion U-Nets' AttnBlock, Ho et al. 2020; Nichol & Dhariwal
 *  2021's AttentionBlock), not a network named after attention. */
function convolutionIn(ancestors: readonly { name: string; type: string }[]): boolean {
  const owner = [...ancestors].reverse().find((a) => !CONTAINER_TYPE.test(a.type));
  return owner !== undefined && ATTENTION_TYPE.test(owner.type) && !/(Net|Model)$/i.test(owner.type);
}

/** Where a module sits among its siblings at the model's top level, for telling an output layer from an input one. */
export interface KindContext {
  /** True for the last top-level module that holds parameters (in registration order): a model's output layer. */
  lastAtTop?: boolean;
}

/**
 * What kind of layer a module is, for the report's grouping: by its type first (Embedding, Conv, norms, RNNs,
 * MultiheadAttention), then by the modules it sits in (a state-space mixer, a head, a torch Transformer layer), then
 * for Linear-like layers by the names of the modules it sits in, as models name them.
 */
export function layerKind(path: string, type: string, ancestors: readonly { name: string; type: string }[], context: KindContext = {}): LayerKind {
  if (/Embedding/.test(type)) return "embeddings";
  if (/Norm/.test(type)) return "normalization";
  // The innermost mixer a module sits in decides between attention and a state-space scan (a hybrid holds both).
  const mixer = [...ancestors.map((a) => a.type), type].reverse().find((t) => STATE_SPACE_TYPE.test(t) || ATTENTION_TYPE.test(t));
  if (mixer && STATE_SPACE_TYPE.test(mixer)) return "state-space";
  if (/^(Conv|ConvTranspose|LazyConv)\d?d|^Conv\d?d/.test(type) && type !== "Conv1D") return convolutionIn(ancestors) ? "attention" : "convolutions";
  if (/MultiheadAttention|Attention$/.test(type)) return "attention";
  if (/^(LSTM|GRU|RNN)(Cell)?$/.test(type)) return "recurrent";
  const top = ancestors[0];
  if (top && (HEAD_WORDS.test(top.name) || HEAD_TYPE.test(top.type))) return "head";
  if (ancestors.length > 0 && TORCH_TRANSFORMER_LAYER.test(ancestors[ancestors.length - 1].type) && /Linear/.test(type)) return "MLP";
  const names = [...ancestors.map((a) => a.name), lastSegment(path)];
  const types = ancestors.map((a) => a.type);
  if (names.some((n) => ATTENTION_WORDS.test(n)) || types.some((t) => ATTENTION_TYPE.test(t))) return "attention";
  if (names.some((n) => MLP_WORDS.test(n)) || types.some((t) => /MLP|FeedForward|FFN|Expert/.test(t))) return "MLP";
  if (names.some((n) => EMBEDDING_WORDS.test(n))) return "embeddings";
  if (ancestors.length === 0 && (HEAD_WORDS.test(lastSegment(path)) || HEAD_TYPE.test(type))) return "head";
  // An unnamed top-level Linear is the head only where it is the model's last layer with weights (an input
  // projection registered first is not).
  if (ancestors.length === 0 && context.lastAtTop && /Linear|Conv1D/.test(type)) return "head";
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
  const withWeights = tree.children.filter((child) => child.params > 0);
  const last = withWeights[withWeights.length - 1];
  const visit = (node: ModuleNode, ancestors: { name: string; type: string }[]) => {
    if (node.children.length === 0) {
      add(layerKind(node.path, node.type, ancestors, { lastAtTop: node === last }), node.params, node.flops);
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
