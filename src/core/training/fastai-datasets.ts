// The samples a fastai run trains on, where its DataLoaders come from a dataset fastai downloads
// (`untar_data(URLs.MNIST)`): the dataset's folders have published sizes, and fastai's splitters say which part
// trains. Splitters as docs.fast.ai/data.transforms.html (fastai 2.7) documents them: `GrandparentSplitter(
// train_name='train', valid_name='valid')` keeps the images under the train folder; `RandomSplitter(valid_pct=0.2)`
// holds out int(valid_pct × n) of the items, and is DataBlock's splitter when none is given (data.block.html);
// `ImageDataLoaders.from_folder(path, train='train', valid='valid')` splits by folder, `from_name_re`/`from_name_func`/
// `from_path_re`/`from_path_func(path, fnames, ..., valid_pct=0.2)` at random (vision.data.html).
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { knownTruth } from "./evaluate-site";

interface FastaiDataset {
  /** The `URLs` attribute that names the archive (fastai/data/external.py). */
  names: string[];
  /** Images in each top folder of the extracted archive. */
  folders: Readonly<Record<string, number>>;
  source: string;
}

const IMAGENETTE = "github.com/fastai/imagenette (imagenette2, the 160 and 320 px copies alike): 9,469 training and 3,925 validation images, in train/ and val/";
const IMAGEWOOF = "github.com/fastai/imagenette (imagewoof2, the 160 and 320 px copies alike): 9,025 training and 3,929 validation images, in train/ and val/";

/** Datasets fastai's `URLs` names, by the folders of their archives. */
const FASTAI_DATASETS: readonly FastaiDataset[] = [
  { names: ["MNIST"], folders: { training: 60_000, testing: 10_000 }, source: "MNIST as PNGs (fastai's mnist_png): LeCun et al.'s 60,000 training and 10,000 test digits (yann.lecun.com/exdb/mnist), in training/ and testing/" },
  { names: ["MNIST_SAMPLE"], folders: { train: 12_396, valid: 2_038 }, source: "fastai's mnist_sample, the 3s and 7s of MNIST: train/ 6,131 + 6,265 and valid/ 1,010 + 1,028 images (Howard & Gugger, Deep Learning for Coders, chapter 4)" },
  { names: ["IMAGENETTE", "IMAGENETTE_160", "IMAGENETTE_320"], folders: { train: 9_469, val: 3_925 }, source: IMAGENETTE },
  { names: ["IMAGEWOOF", "IMAGEWOOF_160", "IMAGEWOOF_320"], folders: { train: 9_025, val: 3_929 }, source: IMAGEWOOF },
  { names: ["PETS"], folders: { images: 7_390 }, source: "The Oxford-IIIT Pet dataset as fastai downloads it: 7,390 images in images/ (Howard & Gugger, Deep Learning for Coders, chapter 5: get_image_files(path/'images') lists 7,390)" },
  { names: ["CIFAR"], folders: { train: 50_000, test: 10_000 }, source: "CIFAR-10 as PNGs (fastai's cifar10): Krizhevsky 2009's 50,000 training and 10,000 test images, in train/ and test/" },
];

/** What the analysis needs to follow names: the call last assigned to a name before the site, and evaluation. */
export interface FastaiLookup {
  /** The call expression last assigned to `name` before the DataLoaders call, or before offset `at` (same function,
   *  or module level). */
  assigned: (name: string, at?: number) => CallExpression | undefined;
  /** The statements that run before the DataLoaders call in its function (its `if`s not yet decided). */
  before: Statement[];
  evaluate: (e: Expression) => Value | undefined;
  snippet: (e: Expression) => string;
}

const calleeName = (call: CallExpression): string => (call.func.type === "name" ? call.func.id : call.func.type === "attribute" ? call.func.name : "");

/** The dataset (and a sub-folder) an expression holds: `untar_data(URLs.PETS)`, a name bound to it, `path/'images'`. */
function datasetOf(e: Expression | undefined, lookup: FastaiLookup, depth = 0): { dataset: FastaiDataset; folder?: string } | undefined {
  // Eight links: a notebook names each step (`path`, `path_img = path/'images'`, `fnames = get_image_files(path_img)`).
  if (!e || depth > 8) return undefined;
  if (e.type === "name") {
    // A call bound to the name, else what the statements before last assign it (`path = untar_data(URLs.PETS)/'images'`
    // is a path expression, not a call).
    const bound = lookup.assigned(e.id) ?? lastAssigned(lookup.before, e.id, lookup);
    return bound ? datasetOf(bound, lookup, depth + 1) : undefined;
  }
  if (e.type === "binary" && e.op === "/") {
    const base = datasetOf(e.left, lookup, depth + 1);
    const sub = lookup.evaluate(e.right);
    return base && !base.folder && sub?.kind === "str" ? { dataset: base.dataset, folder: sub.value } : undefined;
  }
  if (e.type === "call" && calleeName(e) === "untar_data") {
    const name = urlsName(positionalArgument(e, 0) ?? keywordArgument(e, "url"), lookup);
    const dataset = name ? FASTAI_DATASETS.find((d) => d.names.includes(name)) : undefined;
    return dataset ? { dataset } : undefined;
  }
  // `get_image_files(path)`: the images under it.
  if (e.type === "call" && calleeName(e) === "get_image_files") return datasetOf(positionalArgument(e, 0) ?? keywordArgument(e, "path"), lookup, depth + 1);
  return undefined;
}

/** The `URLs` attribute an expression names: `URLs.PETS`, `URLs.A if woof else URLs.B` (its test worked out), or a name
 *  the statements before assign one of those to, in the branch of an `if` the run takes. */
function urlsName(e: Expression | undefined, lookup: FastaiLookup, depth = 0): string | undefined {
  if (!e || depth > 4) return undefined;
  if (e.type === "attribute" && e.object.type === "name" && e.object.id === "URLs") return e.name;
  if (e.type === "conditional") {
    const test = knownTruth(lookup.evaluate(e.test));
    return test === undefined ? undefined : urlsName(test ? e.body : e.orelse, lookup, depth + 1);
  }
  if (e.type === "name") return urlsName(lastAssigned(lookup.before, e.id, lookup), lookup, depth + 1);
  return undefined;
}

/** The value last assigned to `name` in statements that run in order, into the branch an `if`'s known test takes. */
function lastAssigned(statements: Statement[], name: string, lookup: FastaiLookup): Expression | undefined {
  for (const s of [...statements].reverse()) {
    if (s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name)) return s.value;
    if (s.type === "if") {
      const test = knownTruth(lookup.evaluate(s.test));
      if (test === undefined) continue;
      const found = lastAssigned(test ? s.body : s.orelse, name, lookup);
      if (found) return found;
    }
  }
  return undefined;
}

/** Images under a dataset's folder, or the whole archive's. */
const imagesIn = (found: { dataset: FastaiDataset; folder?: string }): number | undefined =>
  found.folder !== undefined ? found.dataset.folders[found.folder] : Object.values(found.dataset.folders).reduce((a, b) => a + b, 0);

/** The call a splitter expression is (inline, or a name bound to one). */
const splitterCall = (e: Expression | undefined, lookup: FastaiLookup): CallExpression | undefined =>
  e?.type === "call" ? e : e?.type === "name" ? lookup.assigned(e.id) : undefined;

/** Training items a splitter keeps of `found`: the train folder's, or all less int(valid_pct × n). */
function splitPart(splitter: CallExpression | undefined, found: { dataset: FastaiDataset; folder?: string }, lookup: FastaiLookup): { value: number; how: string } | undefined {
  const kind = splitter ? calleeName(splitter) : "RandomSplitter";
  if (kind === "GrandparentSplitter") {
    const trainName = keywordArgument(splitter!, "train_name") ?? positionalArgument(splitter!, 0);
    const value = trainName ? lookup.evaluate(trainName) : undefined;
    const folder = trainName ? (value?.kind === "str" ? value.value : undefined) : "train";
    const count = folder !== undefined && found.folder === undefined ? found.dataset.folders[folder] : undefined;
    return count !== undefined ? { value: count, how: `GrandparentSplitter's training folder ${folder}/` } : undefined;
  }
  if (kind === "RandomSplitter") return randomPart(splitter ? keywordArgument(splitter, "valid_pct") ?? positionalArgument(splitter, 0) : undefined, found, lookup, splitter ? "RandomSplitter" : "DataBlock's default RandomSplitter");
  return undefined;
}

/** n − int(valid_pct × n) of the items (fastai's RandomSplitter), valid_pct 0.2 when not given. */
function randomPart(pct: Expression | undefined, found: { dataset: FastaiDataset; folder?: string }, lookup: FastaiLookup, what: string): { value: number; how: string } | undefined {
  const value = pct ? lookup.evaluate(pct) : undefined;
  const fraction = pct ? (value?.kind === "float" || value?.kind === "int" ? value.value : undefined) : 0.2;
  const n = imagesIn(found);
  if (fraction === undefined || fraction < 0 || fraction >= 1 || n === undefined) return undefined;
  return { value: n - Math.floor(fraction * n), how: `${what}(valid_pct=${fraction}) of ${n.toLocaleString("en-US")} images` };
}

/**
 * The training samples of a fastai DataLoaders call (`block.dataloaders(source)`, `ImageDataLoaders.from_folder(path)`,
 * `from_name_re(path, fnames, pat)`), where its data is a dataset of the table; undefined otherwise.
 */
export function fastaiTrainingSamples(call: CallExpression, method: string, lookup: FastaiLookup): { value: number; detail: string } | undefined {
  const source = positionalArgument(call, 0) ?? keywordArgument(call, "source") ?? keywordArgument(call, "path");
  if (method === "dataloaders" && call.func.type === "attribute") {
    const found = datasetOf(source, lookup);
    const receiver = call.func.object;
    const block = receiver.type === "call" ? receiver : receiver.type === "name" ? lookup.assigned(receiver.id) : undefined;
    if (!found || !block || calleeName(block) !== "DataBlock") return undefined;
    const part = splitPart(splitterCall(keywordArgument(block, "splitter"), lookup), found, lookup);
    return part ? { value: part.value, detail: `${part.how}: ${found.dataset.source}` } : undefined;
  }
  if (method === "from_folder") {
    if (keywordArgument(call, "valid_pct")) return undefined;
    const found = datasetOf(source, lookup);
    const trainArgument = keywordArgument(call, "train") ?? positionalArgument(call, 1);
    const value = trainArgument ? lookup.evaluate(trainArgument) : undefined;
    const folder = trainArgument ? (value?.kind === "str" ? value.value : undefined) : "train";
    const count = found && !found.folder && folder !== undefined ? found.dataset.folders[folder] : undefined;
    return count !== undefined ? { value: count, detail: `from_folder's training folder ${folder}/: ${found!.dataset.source}` } : undefined;
  }
  if (method === "databunch") {
    const part = itemListPart(call, lookup);
    return part ? { value: part.value, detail: `${part.how}: ${part.dataset.source}` } : undefined;
  }
  if (/^from_(name|path)_(re|func)$/.test(method)) {
    const found = datasetOf(keywordArgument(call, "fnames") ?? positionalArgument(call, 1), lookup);
    const part = found ? randomPart(keywordArgument(call, "valid_pct"), found, lookup, method) : undefined;
    return part ? { value: part.value, detail: `${part.how}: ${found!.dataset.source}` } : undefined;
  }
  return undefined;
}

/** Most calls walked back from `.databunch()` to the item list's origin. */
const MAX_CHAIN = 12;

/**
 * fastai 1.0's data block chain: `ImageList.from_folder(path)`, then `.split_by_folder(train='train', valid='valid')`
 * or `.split_by_rand_pct(valid_pct=0.2)`, labelling and transforms, then `.databunch(bs=...)`, each step a call or a
 * name bound to one (docs.fast.ai v1 data_block.html). The training items the split keeps of a dataset of the table.
 */
function itemListPart(databunch: CallExpression, lookup: FastaiLookup): { value: number; how: string; dataset: FastaiDataset } | undefined {
  let split: CallExpression | undefined;
  let e: Expression | undefined = databunch.func.type === "attribute" ? databunch.func.object : undefined;
  // Where the name in hand is read: `ll = ll.transform(tfms)` reads the `ll` bound before it.
  let at = databunch.pos.startIndex;
  for (let i = 0; e && i < MAX_CHAIN; i++) {
    if (e.type === "name") {
      e = lookup.assigned(e.id, at);
      continue;
    }
    at = e.pos.startIndex;
    if (e.type !== "call" || e.func.type !== "attribute") return undefined;
    const method = e.func.name;
    const owner = e.func.object.type === "name" ? e.func.object.id : e.func.object.type === "attribute" ? e.func.object.name : "";
    if (method === "from_folder" && /List$/.test(owner)) {
      const found = datasetOf(positionalArgument(e, 0) ?? keywordArgument(e, "path"), lookup);
      if (!found || !split) return undefined;
      if (calleeName(split) === "split_by_rand_pct") {
        const part = randomPart(keywordArgument(split, "valid_pct") ?? positionalArgument(split, 0), found, lookup, "split_by_rand_pct");
        return part ? { ...part, dataset: found.dataset } : undefined;
      }
      const trainArgument = keywordArgument(split, "train") ?? positionalArgument(split, 0);
      const value = trainArgument ? lookup.evaluate(trainArgument) : undefined;
      const folder = trainArgument ? (value?.kind === "str" ? value.value : undefined) : "train";
      const count = folder !== undefined && found.folder === undefined ? found.dataset.folders[folder] : undefined;
      return count !== undefined ? { value: count, how: `split_by_folder's training folder ${folder}/`, dataset: found.dataset } : undefined;
    }
    if (/^split_/.test(method)) {
      // Another splitter (by a function, an index list, a CSV column) keeps items only the data tells.
      if (method !== "split_by_folder" && method !== "split_by_rand_pct") return undefined;
      split = e;
    }
    e = e.func.object;
  }
  return undefined;
}
