// keras.datasets' text sets as load_data() returns them: each part's x an array of that many sequences of word
// indices (ragged, their contents not known) and y an int array of as many labels (Keras 2.x and 3
// keras/datasets/imdb.py, reuters.py; keras.io/api/datasets). Scripts vectorize the sequences themselves
// (`np.zeros((len(sequences), 10000))`, Chollet's `vectorize_sequences`) and hold some rows out
// (`x_train[10000:]`), so the fit's rows follow from the count of sequences; their items stay unknown.
import { bindArguments, list, tensor, tuple, unknown } from "../interp/construct";
import type { NativeCall, Value } from "../interp/values";

interface TextDataset {
  /** Training and test sequences where load_data keeps a published split (imdb's 25,000 and 25,000). */
  fixed?: { train: number; test: number };
  /** Sequences of the whole set where load_data splits it by test_split (reuters' 11,228, default 0.2). */
  splitRows?: number;
  /** load_data's parameters in order (Keras 2.x), to read maxlen and test_split given by position. */
  parameters: string[];
}

const TEXT_DATASETS: Readonly<Record<string, TextDataset>> = {
  // keras.io/api/datasets/imdb: 25,000 training and 25,000 test reviews.
  imdb: { fixed: { train: 25_000, test: 25_000 }, parameters: ["path='imdb.npz'", "num_words=None", "skip_top=0", "maxlen=None", "seed=113", "start_char=1", "oov_char=2", "index_from=3", "**kwargs"] },
  // keras.io/api/datasets/reuters: 11,228 newswires, `int(len(xs) * (1 - test_split))` of them for training.
  reuters: { splitRows: 11_228, parameters: ["path='reuters.npz'", "num_words=None", "skip_top=0", "maxlen=None", "test_split=0.2", "seed=113", "start_char=1", "oov_char=2", "index_from=3", "**kwargs"] },
};

/** One part of a text set: the sequences (one shared unknown item each) and their int64 labels. */
function part(rows: number): Value {
  const sequence = unknown("a sequence of word indices keras.datasets loads");
  return tuple([list(new Array<Value>(rows).fill(sequence)), tensor([rows], "int64")]);
}

/** load_data() of one text set: both parts, or unknown where maxlen drops an unknown count or the split is unread. */
function loadTextData(name: string, d: TextDataset, call: NativeCall): Value {
  const a = bindArguments(d.parameters, call.args, call.kwargs, `${name}.load_data`);
  if (a.get("maxlen").kind !== "none") return unknown(`${name}.load_data(maxlen=...) drops sequences the analyzer cannot count`);
  if (d.fixed) return tuple([part(d.fixed.train), part(d.fixed.test)]);
  const split = a.get("test_split");
  const fraction = split.kind === "float" || split.kind === "int" ? Number(split.value) : undefined;
  if (fraction === undefined || !(fraction >= 0 && fraction < 1) || d.splitRows === undefined) return unknown(`${name}.load_data(test_split=...) the analyzer cannot read`);
  const train = Math.floor(d.splitRows * (1 - fraction));
  return tuple([part(train), part(d.splitRows - train)]);
}

/** Each keras.datasets text set with its load_data(). */
export function kerasTextDatasetLoaders(): [string, (call: NativeCall) => Value][] {
  return Object.entries(TEXT_DATASETS).map(([name, d]) => [name, (call: NativeCall) => loadTextData(name, d, call)]);
}
