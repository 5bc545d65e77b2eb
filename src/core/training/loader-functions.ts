// A script often gets its loader from a function of another workspace file (`dataloader = get_celeba(params)` with
// the DataLoader built in utils.py; a Keras generator function over flow_from_directory). That call gives the batch, with the function's parameters
// bound to what the script passes, as Python would run it.
import type { Interpreter } from "../interp/interpreter";
import type { FunctionValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition } from "../python/ast";
import { dottedName, forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { findCodeSites, type CodeSite } from "./code-sites";
import { evaluateAtSite, knownTruth, type StepAllowance } from "./evaluate-site";
import { argumentsByParameter } from "./call-site-bindings";
import { datasetSize } from "./dataset-sizes";
import { trainingSamples } from "./dataset-calls";
import { splitHelperPart } from "./split-helpers";
import { batchSamplerArguments } from "./batch-sampler";
import { loaderScore } from "./loader-score";
import { ownClass, ownClassSelectsAsTable } from "./own-code";
import { tableDatasetClass } from "./dataset-classes";
import { importsTorchtext, torchtextSamples } from "./text-dataset-sizes";
import { lenCall } from "../python/len-call";
import { returnedIterableConstruction } from "./iterable-loader-wrapper";
import { subsetLength } from "./subset-part";
import { batchesEachWindow } from "./window-batch";

type CallSite = Extract<CodeSite, { kind: "call" }>;

// torchtext's legacy iterators too (`BucketIterator.splits((train, val, test), batch_size=...)`), where the file imports torchtext.
const LOADER_CALLEE = /DataLoader$|\.flow(_from_directory|_from_dataframe)?$|(^|\.)batch$|(^|\.)(Bucket|BPTT)?Iterator(\.splits)?$/;
const LOADER_WORDS = /DataLoader|\.flow|\.batch\(|Iterator/;

/** The batch of the DataLoader a foreign function builds, and where. */
export interface ForeignLoader {
  batch: number;
  file: string;
  line: number;
  code: string;
  /** `drop_last=` as the call sets it. */
  dropLast?: boolean;
  /** Samples of an epoch when a sampler over a subset sets them (`sampler=SubsetRandomSampler(range(0, 45000))`), or
   *  the loader's dataset is one of the table's (`table`). */
  samples?: { value: number; code: string; table?: boolean };
}

/** Samplers that draw each index of the given indices once an epoch (pytorch.org/docs/stable/data.html). */
const SUBSET_SAMPLER = /(^|\.)(SubsetRandomSampler|SequentialSampler)$/;
/** Samplers that draw `num_samples` indices an epoch when given it (torch.utils.data.sampler). */
const DRAWING_SAMPLER = /(^|\.)(WeightedRandomSampler|RandomSampler)$/;

/** The epoch's samples of a loader fed `sampler=name`, where `name = SubsetRandomSampler(indices)` in the function. */
function samplerLength(loader: CallSite, definition: FunctionDefinition, text: string, evaluateIn: (site: CallSite, e: Expression) => Value): { value: number; code: string; table?: boolean } | undefined {
  return subsetSamplerLength(loader, findCodeSites([definition], text, /Sampler/), text, evaluateIn);
}

/** The epoch's samples of a loader fed `sampler=name`, where one of `sites` binds `name = SubsetRandomSampler(indices)`
 *  before it: the indices' count, each drawn once an epoch. */
export function subsetSamplerLength(loader: CallSite, sites: readonly CodeSite[], text: string, evaluateIn: (site: CallSite, e: Expression) => Value): { value: number; code: string } | undefined {
  const sampler = keywordArgument(loader.call, "sampler");
  // `sampler=SubsetRandomSampler(train_idx)` built in the loader's call: its indices, as for a named one.
  if (sampler?.type === "call" && SUBSET_SAMPLER.test(dottedName(sampler.func) ?? "")) {
    const given = positionalArgument(sampler, 0) ?? keywordArgument(sampler, "indices");
    const v = given ? evaluateIn(loader, given) : undefined;
    const n = v ? indexCount(v) : undefined;
    return n && n > 0 ? { value: n, code: `the loader's sampler ${text.slice(sampler.pos.startIndex, sampler.pos.endIndex)}` } : undefined;
  }
  if (sampler?.type !== "name") return undefined;
  // `WeightedRandomSampler(weights, num_samples)`, `RandomSampler(ds, replacement=True, num_samples=N)`: N draws an
  // epoch, whatever the dataset's size (pytorch.org/docs/stable/data.html#torch.utils.data.WeightedRandomSampler).
  const drawing = sites.filter((s): s is CallSite => s.kind === "call" && DRAWING_SAMPLER.test(s.callee) && s.assignedTo.includes(sampler.id) && s.call.pos.startIndex < loader.call.pos.startIndex).pop();
  const draws = drawing ? keywordArgument(drawing.call, "num_samples") ?? (/WeightedRandomSampler$/.test(drawing.callee) ? positionalArgument(drawing.call, 1) : positionalArgument(drawing.call, 2)) : undefined;
  const drawn = drawing && draws ? evaluateIn(drawing, draws) : undefined;
  if (drawing && draws && drawn?.kind === "int" && drawn.value > 0) return { value: drawn.value, code: `the loader's sampler ${drawing.callee}(num_samples=${text.slice(draws.pos.startIndex, draws.pos.endIndex)})` };
  const built = sites.filter((s): s is CallSite => s.kind === "call" && SUBSET_SAMPLER.test(s.callee) && s.assignedTo.includes(sampler.id) && s.call.pos.startIndex < loader.call.pos.startIndex).pop();
  const indices = built && positionalArgument(built.call, 0) ? positionalArgument(built.call, 0) : built ? keywordArgument(built.call, "indices") ?? keywordArgument(built.call, "data_source") : undefined;
  if (!built || !indices) return undefined;
  const v = evaluateIn(built, indices);
  const n = indexCount(v);
  return n && n > 0 ? { value: n, code: `the loader's sampler ${built.callee}(${text.slice(indices.pos.startIndex, indices.pos.endIndex)})` } : undefined;
}

/** How many indices a sampler is given: a range's, a list's or a 1-D tensor's. */
function indexCount(v: Value): number | undefined {
  return v.kind === "range" ? Math.max(0, Math.ceil((v.stop - v.start) / v.step)) : v.kind === "list" || v.kind === "tuple" ? v.items.length : v.kind === "tensor" && v.shape.length === 1 && Number.isInteger(v.shape[0]) ? (v.shape[0] as number) : undefined;
}

/** Whether a loader is given a subset sampler (`sampler=SubsetRandomSampler(idx)`, named or built in the call):
 *  its epoch is those indices, not the dataset, even where their count is not known. */
export function givenSubsetSampler(loader: CallSite, sites: readonly CodeSite[]): boolean {
  const sampler = keywordArgument(loader.call, "sampler");
  // SequentialSampler(data_source) walks the whole dataset: only SubsetRandomSampler keeps a part.
  const subset = /(^|\.)SubsetRandomSampler$/;
  if (sampler?.type === "call") return subset.test(dottedName(sampler.func) ?? "");
  if (sampler?.type !== "name") return false;
  return sites.some((s) => s.kind === "call" && subset.test(s.callee) && s.assignedTo.includes(sampler.id) && s.call.pos.startIndex < loader.call.pos.startIndex);
}

/** A site under no `if` the call's arguments decide against (`if validation_fraction is not None:`). */
function reachedIn(site: CallSite, evaluateIn: (site: CallSite, e: Expression) => Value): boolean {
  return (site.context.conditions ?? []).every(({ test, holds }) => knownTruth(evaluateIn(site, test)) !== !holds);
}

/**
 * The epoch's samples of a loader over `name`, where the function builds `name = CIFAR100(root, train=True, ...)`, a
 * dataset of the table (dataset-sizes.ts), on the branch the call takes. Null when the function builds a dataset of
 * the table that is not known to be the training split: that is decided, and no other reading may overrule it.
 */
function datasetLength(loader: CallSite, definition: FunctionDefinition, text: string, evaluateIn: (site: CallSite, e: Expression) => Value, reached: (site: CallSite) => boolean, rebound?: (site: CallSite, size: number) => number | undefined): { value: number; code: string; table?: boolean } | null | undefined {
  const given = positionalArgument(loader.call, 0) ?? keywordArgument(loader.call, "dataset");
  // torchtext's `BucketIterator.splits((train, val, test), ...)`: the first iterator, the training one, is over the first.
  const dataset = given?.type === "tuple" && given.items.length > 0 ? given.items[0] : given;
  if (dataset?.type === "call") {
    // Built in the loader's own call: `DataLoader(datasets.MNIST(root, train=True, ...), batch_size=...)`.
    const written = dataset.func.type === "name" ? dataset.func.id : dataset.func.type === "attribute" ? dataset.func.name : "";
    // A class held in a name (`data_cls(root, train=True)`, `normalizer, data_cls = fetch_bylabel(label)` before it)
    // is the one Python calls: worked out where the loader is.
    const callee = datasetSize(written, "torchvision") ? written : tableDatasetClass(evaluateIn(loader, dataset.func)) ?? written;
    const known = datasetSize(callee, "torchvision");
    const part = known ? trainingSamples(known, dataset, (e) => evaluateIn(loader, e)) : undefined;
    if (known && part) return { value: part.value, code: `the loader's dataset ${written !== callee ? `${written}, that is ${callee},` : callee} (${part.part ? `its "${part.part}" part` : "training split"}, ${known.source})`, table: true };
    return known ? null : undefined;
  }
  if (dataset?.type !== "name") return undefined;
  let judged = false;
  const named = findCodeSites([definition], text, new RegExp(`\\b${dataset.id}\\b`));
  for (const site of named) {
    if (site.kind !== "call" || !site.assignedTo.includes(dataset.id) || site.call.pos.startIndex > loader.call.pos.startIndex || !reached(site)) continue;
    // A project's own class named as torchvision's (`pascal.VOCSegmentation` of dataloaders/datasets/) reads its own
    // files: it is not the table's, and says nothing of the split's size, unless it selects its part as the library
    // does (a copy of torchvision's signature and defaults, own-code.ts).
    // torchtext's datasets (`train, val, test = Multi30k.splits(...)`): the target's split, by its place (text-dataset-sizes.ts).
    const textSplit = importsTorchtext(text) ? torchtextSamples(site.callee, site.call, site.assignedTo.indexOf(dataset.id), (e) => evaluateIn(site, e)) : undefined;
    if (textSplit) return { value: textSplit.value, code: `the loader's dataset ${site.callee}(...) (training split, ${textSplit.source})`, table: true };
    const cls = evaluateIn(site, site.call.func);
    const written = datasetSize(site.callee.split(".").pop() ?? "", "torchvision");
    // A name or registry holding the class (`dataset = data_cls(root, train=True)`): the class it holds.
    const held = written ? undefined : tableDatasetClass(cls);
    const known = written ?? (held ? datasetSize(held, "torchvision") : undefined);
    if (!held && ownClass(cls) && !(known && ownClassSelectsAsTable(cls, known))) continue;
    const part = known ? trainingSamples(known, site.call, (e) => evaluateIn(site, e)) : undefined;
    if (known && part) {
      const code = `the loader's dataset ${site.callee}${held ? `, that is ${held},` : ""} (${part.part ? `its "${part.part}" part` : "training split"}, ${known.source})`;
      // `dataset_train = split_dataset(dataset_train)` before the loader: the name now holds what that call returns,
      // a random_split part the helper's arguments size (split-helpers.ts), or nothing known.
      const later = named.filter((s): s is CallSite => s.kind === "call" && s.assignedTo.includes(dataset.id) && s.call.pos.startIndex > site.call.pos.startIndex && s.call.pos.startIndex < loader.call.pos.startIndex && reached(s)).pop();
      if (!later) return { value: part.value, code, table: true };
      const handed = positionalArgument(later.call, 0);
      // `train_set = Subset(train_set, indices)`: the indices' count (subset-part.ts).
      const subset = handed?.type === "name" && handed.id === dataset.id ? subsetLength(later.callee, later.call, (e) => evaluateIn(later, e)) : undefined;
      if (subset !== undefined) return { value: subset, code: `${later.callee}(${dataset.id}, ...), ${subset} of ${code}`, table: true };
      const kept = handed?.type === "name" && handed.id === dataset.id ? rebound?.(later, part.value) : undefined;
      return kept !== undefined ? { value: kept, code: `${later.callee}(${dataset.id}), its random_split part of ${code}`, table: true } : null;
    }
    judged ||= known !== undefined;
  }
  return judged ? null : undefined;
}

/**
 * `len(dataset)` where the loader is built, as Python would work it out: a dataset another function returns
 * (`train_dataset, val_dataset = create_dataset(config, True)`, a torchvision set chosen by name) has its split's size.
 * Not for a loader given a `sampler=`, whose epoch that sampler decides.
 */
function datasetValueLength(loader: CallSite, text: string, evaluateIn: (site: CallSite, e: Expression) => Value): { value: number; code: string } | undefined {
  if (keywordArgument(loader.call, "sampler")) return undefined;
  const given = positionalArgument(loader.call, 0) ?? keywordArgument(loader.call, "dataset");
  // torchtext's `BucketIterator.splits((train, val, test), ...)`: the training iterator walks the first dataset, not
  // a tuple whose len() is the number of splits.
  const dataset = given?.type === "tuple" && /\.splits$/.test(loader.callee) ? given.items[0] : given;
  if (!dataset || dataset.type === "call" || dataset.type === "tuple") return undefined;
  // A string is a path (Keras' flow_from_directory(directory), a folder a Dataset class reads): its len() counts
  // characters, not the files under it.
  if (evaluateIn(loader, dataset)?.kind === "str") return undefined;
  const length = evaluateIn(loader, lenCall(dataset));
  const code = text.slice(dataset.pos.startIndex, dataset.pos.endIndex);
  return length?.kind === "int" && length.value > 0 ? { value: length.value, code: `len(${code}), the loader's dataset` } : undefined;
}

/**
 * The DataLoader a function of another file builds when called as `call` does: its batch_size worked out with the
 * function's parameters bound to the call's arguments (`evaluateArgument` evaluates them where the call is). Of
 * several loaders, a training one (named so, or shuffled) is preferred over test and validation ones.
 */
export function foreignLoader(
  interp: Interpreter,
  fn: FunctionValue,
  call: Extract<Expression, { type: "call" }>,
  text: string | undefined,
  evaluateArgument: (e: Expression) => Value | undefined,
  now: () => number,
  allowance: StepAllowance,
  self?: Value,
  read?: (file: string) => string | undefined,
  depth = 0,
): ForeignLoader | undefined {
  const definition = fn.definition;
  const file = fn.module.file;
  if (definition.type !== "function" || !file || text === undefined) return undefined;
  // A class's `__init__` (`self.loader_train = DataLoader(...)`) runs on the new object; the call's arguments fill the
  // parameters after `self`.
  const selfName = self ? definition.params[0]?.name : undefined;
  // torch's DataLoader; Keras' ImageDataGenerator.flow / flow_from_directory / flow_from_dataframe (batch_size=).
  // Sites within the definition (not its body as a module) carry the statements that run before them.
  // A `w.batch(n)` that makes each window of a series one element (window-batch.ts) batches no step.
  const loaders = findCodeSites([definition], text, LOADER_WORDS).filter((s): s is CallSite => s.kind === "call" && LOADER_CALLEE.test(s.callee) && (s.callee !== "batch" || s.call.func.type === "attribute") && !(s.call.func.type === "attribute" && s.call.func.name === "batch" && batchesEachWindow(s.call, definition.body)));
  if (loaders.length === 0 && (depth >= MAX_DISPATCH_DEPTH || !/\breturn\b/.test(text.slice(definition.pos.startIndex, definition.pos.endIndex)))) return undefined;
  const passed = argumentsByParameter(self ? { ...definition, params: definition.params.slice(1) } : definition, call);
  const memo = new Map<string, Value | undefined>();
  const bindings = (f: FunctionDefinition, name: string): Value | undefined => {
    if (f !== definition) return undefined;
    if (self && name === selfName) return self;
    if (!memo.has(name)) {
      const argument = passed.get(name);
      memo.set(name, argument ? evaluateArgument(argument) : undefined);
    }
    return memo.get(name);
  };
  // Each site's own context holds the function's statements before it that its values may depend on.
  const evaluateIn = (site: CallSite, e: Expression): Value => evaluateAtSite(interp, fn.module.scope, file, { ...site.context, fn: definition }, [e], now, bindings, allowance)[0];
  if (loaders.length === 0) return dispatchedLoader(interp, definition, text, evaluateIn, now, allowance, read, depth);
  // A loader under an `if` the call's arguments decide against (`if validation_fraction is not None:`) is not built.
  const reached = loaders.filter((s) => reachedIn(s, evaluateIn));
  const score = (s: CallSite) => loaderScore(s, s.call);
  const loader = (reached.length > 0 ? reached : loaders).slice().sort((a, b) => score(b) - score(a))[0];
  // tf.data's `dataset.batch(batch_size)` takes it first (tensorflow.org/api_docs/python/tf/data/Dataset#batch).
  const written = keywordArgument(loader.call, "batch_size") ?? (/DataLoader$/.test(loader.callee) ? positionalArgument(loader.call, 1) : /\.flow$/.test(loader.callee) ? positionalArgument(loader.call, 2) : /(^|\.)batch$/.test(loader.callee) ? positionalArgument(loader.call, 0) : undefined);
  // `DataLoader(ds, batch_sampler=BatchSampler(sampler, batch_size, drop_last))`: the sampler's batch and drop_last.
  const sampler = written ? undefined : batchSamplerArguments(loader, findCodeSites([definition], text, /BatchSampler/));
  const given = written ?? sampler?.batch;
  if (!given) return undefined;
  const value = evaluateIn(loader, given);
  const batch = value?.kind === "int" && value.value > 0 ? value.value : undefined;
  if (batch === undefined) return undefined;
  const drop = sampler ? sampler.dropLast : keywordArgument(loader.call, "drop_last");
  const dropLast = drop ? knownTruth(evaluateIn(loader, drop)) : undefined;
  // A dataset of the table built here is datasetLength's to judge (its split must be known to be training's); only
  // one the function gets from elsewhere is asked for its len().
  const fromDataset = () => {
    // A helper of the same file that the dataset passes through (`split_dataset(dataset_train)`), run with its call's arguments.
    const rebound = (site: CallSite, size: number): number | undefined => {
      const helper = evaluateIn(site, site.call.func);
      if (helper?.kind !== "function" || helper.module.file !== file) return undefined;
      return splitHelperPart(interp, helper, site.call, text, positionalArgument(site.call, 0)!, size, (e) => evaluateIn(site, e), now, allowance);
    };
    const table = datasetLength(loader, definition, text, evaluateIn, (s) => reachedIn(s, evaluateIn), rebound);
    return table === undefined ? datasetValueLength(loader, text, evaluateIn) : table ?? undefined;
  };
  const samples = samplerLength(loader, definition, text, evaluateIn) ?? fromDataset();
  return { batch, file, line: loader.call.pos.line, ...(dropLast !== undefined ? { dropLast } : {}), ...(samples ? { samples } : {}), code: `${loader.callee}(${sampler ? "batch_sampler=BatchSampler(batch_size=" : "batch_size="}${text.slice(given.pos.startIndex, given.pos.endIndex).replace(/\s+/g, " ")}${sampler ? ")" : ""})` };
}


/** Functions followed from a dispatcher to the one that builds the loader: `get_data_loader(name)` → `get_mnist(train)`. */
const MAX_DISPATCH_DEPTH = 2;

/**
 * A function that builds no loader itself but returns another function's (`if name == "MNIST": return get_mnist(train)`):
 * the loader of the call it returns on the branch its arguments take, as Python would run it.
 */
function dispatchedLoader(interp: Interpreter, definition: FunctionDefinition, text: string, evaluateIn: (site: CallSite, e: Expression) => Value, now: () => number, allowance: StepAllowance, read: ((file: string) => string | undefined) | undefined, depth: number): ForeignLoader | undefined {
  const returned = new Set<Expression>();
  forEachStatement(definition.body, ({ statement: s }) => {
    if (s.type === "return" && s.value?.type === "call") returned.add(s.value);
  }, [], () => false);
  const calls = findCodeSites([definition], text, /\breturn\b/).filter((s): s is CallSite => s.kind === "call");
  const sites = calls.filter((s) => returned.has(s.call));
  // An iterable object of a workspace class returned, whose `__init__` builds the DataLoader (iterable-loader-wrapper.ts).
  const wrapper = returnedIterableConstruction(definition, calls, evaluateIn);
  const wrapperSource = wrapper ? read?.(wrapper.init.module.file!) : undefined;
  if (wrapper && wrapperSource !== undefined && reachedIn(wrapper.site, evaluateIn)) {
    const found = foreignLoader(interp, wrapper.init, wrapper.site.call, wrapperSource, (e) => evaluateIn(wrapper.site, e), now, allowance, wrapper.self, read, depth + 1);
    if (found) return found;
  }
  for (const site of sites) {
    if (!reachedIn(site, evaluateIn)) continue;
    const callee = evaluateIn(site, site.call.func);
    if (callee?.kind !== "function" || !callee.module.file) continue;
    const source = read?.(callee.module.file);
    const found = source === undefined ? undefined : foreignLoader(interp, callee, site.call, source, (e) => evaluateIn(site, e), now, allowance, undefined, read, depth + 1);
    if (found) return found;
  }
  return undefined;
}
