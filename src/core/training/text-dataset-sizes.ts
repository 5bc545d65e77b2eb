// Training-split sizes of well-known text datasets as torchtext and Hugging Face `datasets` load them, each with the
// page that gives it, and the calls that load them: torchtext's legacy `IMDB.splits(TEXT, LABEL)` (torchtext ≤ 0.8,
// `torchtext.legacy` to 0.11: the splits come back train first), its datasets API `AG_NEWS(split="train")` (0.12-0.18:
// the default split ("train", "test") comes back train first), and `load_dataset("imdb", split="train")`.
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import { trainSplitSlice } from "./split-slicing";
import { countedSplitRows } from "./counted-split";

/** A text dataset's training examples, and where that is written. */
export interface TextSplit {
  value: number;
  source: string;
}

// Zhang, Zhao, LeCun 2015, Character-level Convolutional Networks for Text Classification (arXiv:1509.01626), table 3;
// the same counts are torchtext.datasets' NUM_LINES["train"] (pytorch.org/text/0.18.0/datasets.html).
const ZHANG_2015 = "Zhang, Zhao, LeCun 2015 (arXiv:1509.01626) table 3; torchtext 0.18 datasets NUM_LINES";
// GLUE's training sets (Wang et al. 2018, arXiv:1804.07461), as the Hugging Face `glue` card and torchtext 0.18 count them.
const GLUE = "GLUE (Wang et al. 2018, arXiv:1804.07461), huggingface.co/datasets/nyu-mll/glue and torchtext 0.18 NUM_LINES";

/** torchtext dataset classes by name: the training split's size. */
const TORCHTEXT: Record<string, TextSplit> = {
  IMDB: { value: 25_000, source: "Maas et al. 2011, Learning Word Vectors for Sentiment Analysis (ai.stanford.edu/~amaas/data/sentiment): 25,000 training reviews; torchtext IMDB" },
  Multi30k: { value: 29_000, source: "Elliott et al. 2016, Multi30K (arXiv:1605.00459): 29,000 training sentence pairs; torchtext Multi30k NUM_LINES" },
  TREC: { value: 5_452, source: "Li, Roth 2002, Learning Question Classifiers (cogcomp.seas.upenn.edu/Data/QA/QC): 5,452 training questions; torchtext legacy TREC" },
  AG_NEWS: { value: 120_000, source: ZHANG_2015 },
  DBpedia: { value: 560_000, source: ZHANG_2015 },
  YelpReviewPolarity: { value: 560_000, source: ZHANG_2015 },
  YelpReviewFull: { value: 650_000, source: ZHANG_2015 },
  AmazonReviewPolarity: { value: 3_600_000, source: ZHANG_2015 },
  AmazonReviewFull: { value: 3_000_000, source: ZHANG_2015 },
  YahooAnswers: { value: 1_400_000, source: ZHANG_2015 },
  SogouNews: { value: 450_000, source: ZHANG_2015 },
  SST2: { value: 67_349, source: GLUE },
  CoLA: { value: 8_551, source: GLUE },
  MRPC: { value: 3_668, source: GLUE },
  QQP: { value: 363_846, source: GLUE },
  MNLI: { value: 392_702, source: GLUE },
  QNLI: { value: 104_743, source: GLUE },
  RTE: { value: 2_490, source: GLUE },
  STSB: { value: 5_749, source: GLUE },
  WNLI: { value: 635, source: GLUE },
};

const card = (name: string, value: number) => ({ value, source: `huggingface.co/datasets/${name}: ${value.toLocaleString("en-US")} training examples` });

/** Hugging Face hub datasets by path (and `path/config` for configurations): the "train" split's size from the card.
 *  Sets that language-model scripts regroup into blocks (wikitext) are left out: their rows are not the samples. */
const HUB: Record<string, TextSplit> = {
  imdb: card("stanfordnlp/imdb", 25_000),
  ag_news: card("fancyzhx/ag_news", 120_000),
  rotten_tomatoes: card("cornell-movie-review-data/rotten_tomatoes", 8_530),
  yelp_polarity: card("fancyzhx/yelp_polarity", 560_000),
  yelp_review_full: card("Yelp/yelp_review_full", 650_000),
  amazon_polarity: card("fancyzhx/amazon_polarity", 3_600_000),
  dbpedia_14: card("fancyzhx/dbpedia_14", 560_000),
  emotion: card("dair-ai/emotion", 16_000),
  // Its default configuration is "split" (train 16,000, validation and test 2,000 each: the card's dataset_info); the
  // "unsplit" one is a single larger train split, not sized here.
  "emotion/split": card("dair-ai/emotion (split)", 16_000),
  sst2: card("stanfordnlp/sst2", 67_349),
  trec: card("CogComp/trec", 5_452),
  snli: card("stanfordnlp/snli", 550_152),
  multi_nli: card("nyu-mll/multi_nli", 392_702),
  squad: card("rajpurkar/squad", 87_599),
  "glue/cola": card("nyu-mll/glue (cola)", 8_551),
  "glue/sst2": card("nyu-mll/glue (sst2)", 67_349),
  "glue/mrpc": card("nyu-mll/glue (mrpc)", 3_668),
  "glue/qqp": card("nyu-mll/glue (qqp)", 363_846),
  "glue/mnli": card("nyu-mll/glue (mnli)", 392_702),
  "glue/qnli": card("nyu-mll/glue (qnli)", 104_743),
  "glue/rte": card("nyu-mll/glue (rte)", 2_490),
  "glue/stsb": card("nyu-mll/glue (stsb)", 5_749),
  "glue/wnli": card("nyu-mll/glue (wnli)", 635),
  squad_v2: card("rajpurkar/squad_v2", 130_319),
  conll2003: card("eriktks/conll2003", 14_041),
  xsum: card("EdinburghNLP/xsum", 204_045),
  samsum: card("Samsung/samsum", 14_732),
  billsum: card("FiscalNote/billsum", 18_949),
  boolq: card("google/boolq", 9_427),
  "super_glue/boolq": card("aps/super_glue (boolq)", 9_427),
  banking77: card("PolyAI/banking77", 10_003),
  // go_emotions' default configuration is "simplified".
  go_emotions: card("google-research-datasets/go_emotions (simplified)", 43_410),
  "go_emotions/simplified": card("google-research-datasets/go_emotions (simplified)", 43_410),
  // cnn_dailymail's configurations "1.0.0", "2.0.0" and "3.0.0" hold the same articles.
  "cnn_dailymail/1.0.0": card("abisee/cnn_dailymail", 287_113),
  "cnn_dailymail/2.0.0": card("abisee/cnn_dailymail", 287_113),
  "cnn_dailymail/3.0.0": card("abisee/cnn_dailymail", 287_113),
  // swag's default configuration is "regular"; wmt16 has one configuration per language pair.
  swag: card("allenai/swag (regular)", 73_546),
  "swag/regular": card("allenai/swag (regular)", 73_546),
  "wmt16/ro-en": card("wmt/wmt16 (ro-en)", 610_320),
  // RACE's configurations: its middle- and high-school halves and both (Lai et al. 2017, arXiv:1704.04683, table 1:
  // 25,421, 62,445 and 87,866 training questions; the ehovy/race card's train split).
  "race/all": card("ehovy/race (all)", 87_866),
  "race/high": card("ehovy/race (high)", 62_445),
  "race/middle": card("ehovy/race (middle)", 25_421),
  // opus_books has one configuration per language pair, each a single "train" split (the card's dataset_info,
  // huggingface.co/datasets/Helsinki-NLP/opus_books).
  "opus_books/en-fr": card("Helsinki-NLP/opus_books (en-fr)", 127_085),
  "opus_books/de-fr": card("Helsinki-NLP/opus_books (de-fr)", 34_916),
  "opus_books/fi-fr": card("Helsinki-NLP/opus_books (fi-fr)", 3_537),
  "opus_books/en-it": card("Helsinki-NLP/opus_books (en-it)", 32_332),
  "opus_books/en-nl": card("Helsinki-NLP/opus_books (en-nl)", 38_652),
  "opus_books/es-it": card("Helsinki-NLP/opus_books (es-it)", 28_868),
  "opus_books/fr-it": card("Helsinki-NLP/opus_books (fr-it)", 14_692),
  "opus_books/hu-it": card("Helsinki-NLP/opus_books (hu-it)", 30_949),
  "opus_books/eo-it": card("Helsinki-NLP/opus_books (eo-it)", 1_453),
  "opus_books/it-nl": card("Helsinki-NLP/opus_books (it-nl)", 2_359),
  "opus_books/it-pt": card("Helsinki-NLP/opus_books (it-pt)", 1_163),
  "opus_books/it-ru": card("Helsinki-NLP/opus_books (it-ru)", 17_906),
  "opus_books/it-sv": card("Helsinki-NLP/opus_books (it-sv)", 2_998),
  "opus_books/en-es": card("Helsinki-NLP/opus_books (en-es)", 93_470),
  "opus_books/en-fi": card("Helsinki-NLP/opus_books (en-fi)", 3_645),
  "opus_books/es-nl": card("Helsinki-NLP/opus_books (es-nl)", 32_247),
  "opus_books/es-ru": card("Helsinki-NLP/opus_books (es-ru)", 16_793),
  // Image sets on the hub, their "train" split as the cards count it.
  mnist: card("ylecun/mnist", 60_000),
  fashion_mnist: card("zalando-datasets/fashion_mnist", 60_000),
  cifar10: card("uoft-cs/cifar10", 50_000),
  cifar100: card("uoft-cs/cifar100", 50_000),
  beans: card("AI-Lab-Makerere/beans", 1_034),
  food101: card("ethz/food101", 75_750),
  // Instruction, chat and preference sets language-model fine-tuning loads, by their full hub id (their bare names,
  // "alpaca", "Capybara", are other owners' sets too); the "train" split as each card's dataset_info counts it.
  "tatsu-lab/alpaca": card("tatsu-lab/alpaca", 52_002),
  "yahma/alpaca-cleaned": card("yahma/alpaca-cleaned", 51_760),
  "mlabonne/guanaco-llama2-1k": card("mlabonne/guanaco-llama2-1k", 1_000),
  "timdettmers/openassistant-guanaco": card("timdettmers/openassistant-guanaco", 9_846),
  "databricks/databricks-dolly-15k": card("databricks/databricks-dolly-15k", 15_011),
  "trl-lib/Capybara": card("trl-lib/Capybara", 15_806),
  "Anthropic/hh-rlhf": card("Anthropic/hh-rlhf", 160_800),
  // TRL's preference sets built from it (huggingface.co/datasets/trl-lib/hh-rlhf-helpful-base, dataset_info of
  // commit 5414633: train 43,835, test 2,354).
  "trl-lib/hh-rlhf-helpful-base": card("trl-lib/hh-rlhf-helpful-base", 43_835),
  // GSM8K's "main" configuration (its "socratic" one holds the same problems).
  "openai/gsm8k/main": card("openai/gsm8k (main)", 7_473),
  "gsm8k/main": card("openai/gsm8k (main)", 7_473),
  "openai/gsm8k/socratic": card("openai/gsm8k (socratic)", 7_473),
  "gsm8k/socratic": card("openai/gsm8k (socratic)", 7_473),
};

/** Whether the file's text imports torchtext (its datasets, or the legacy Field/BucketIterator API). */
export function importsTorchtext(text: string): boolean {
  return /^\s*(from\s+torchtext(\.\w+)*\s+import\b|import\s+torchtext\b)/m.test(text);
}

/** Whether the file imports Hugging Face's `datasets` package (`from datasets import load_dataset`). */
export function importsHubDatasets(text: string): boolean {
  return /^\s*(from\s+datasets\s+import\b|import\s+datasets\b)/m.test(text);
}

/**
 * The training examples a torchtext dataset call loads into the name at `index` of its targets: the legacy
 * `Cls.splits(...)` returns train first; the datasets API `Cls(root, split)` returns the one split a string names, or
 * the splits of a tuple in order ("train" and "test" by default). Undefined for another split or one not worked out.
 */
export function torchtextSamples(callee: string, call: Extract<Expression, { type: "call" }>, index: number, evaluate: (e: Expression) => Value | undefined): TextSplit | undefined {
  const parts = callee.split(".");
  const legacy = parts[parts.length - 1] === "splits";
  const known = TORCHTEXT[parts[parts.length - (legacy ? 2 : 1)]];
  if (!known) return undefined;
  if (legacy) return index === 0 ? known : undefined;
  const argument = keywordArgument(call, "split") ?? positionalArgument(call, 1);
  const split = argument ? evaluate(argument) : undefined;
  if (!argument) return index === 0 ? known : undefined;
  if (split?.kind === "str") return split.value === "train" ? known : undefined;
  const items = split?.kind === "tuple" || split?.kind === "list" ? split.items : undefined;
  const named = items?.[index];
  return named?.kind === "str" && named.value === "train" ? known : undefined;
}

/**
 * The training examples `load_dataset(path, name, split=...)` loads: a "train" split, or the DatasetDict of every split
 * when none is named (a training run takes its "train"). Undefined for another split or a dataset not in the table.
 */
export function hubSamples(call: Extract<Expression, { type: "call" }>, evaluate: (e: Expression) => Value | undefined): TextSplit | undefined {
  const read = (e: Expression | undefined) => (e ? evaluate(e) : undefined);
  const path = read(positionalArgument(call, 0) ?? keywordArgument(call, "path"));
  if (path?.kind !== "str") return undefined;
  const configArgument = positionalArgument(call, 1) ?? keywordArgument(call, "name");
  const config = read(configArgument);
  if (configArgument && config?.kind !== "str") return undefined;
  // A set keyed by its full id ("trl-lib/Capybara") is that owner's only; other hub ids with an owner
  // ("stanfordnlp/imdb") name the same card as the bare name.
  const base = path.value.split("/").pop()!;
  const keyed = (name: string) => (config?.kind === "str" ? `${name}/${config.value}` : name);
  const known = (path.value.includes("/") ? HUB[keyed(path.value)] : undefined) ?? HUB[keyed(base)];
  // load_dataset(path, name, data_dir, data_files, split, ...) (huggingface.co/docs/datasets/package_reference/loading_methods).
  const splitArgument = keywordArgument(call, "split") ?? positionalArgument(call, 4);
  if (!known) return countedSplit(path.value, splitArgument ? read(splitArgument) : undefined);
  if (!splitArgument) return known;
  const split = read(splitArgument);
  // A slice of the training split (`split="train[:10%]"`) keeps that part of it (split-slicing.ts).
  const sliced = split?.kind === "str" ? trainSplitSlice(known.value, split.value) : undefined;
  return sliced === undefined ? undefined : sliced === known.value ? known : { ...known, value: sliced, source: `${known.source}, ${split?.kind === "str" ? split.value : ""}` };
}

/** A dataset no table sizes, loaded as a slice that counts its rows (`split="train[:100]"`: counted-split.ts). */
function countedSplit(path: string, split: Value | undefined): TextSplit | undefined {
  const rows = split?.kind === "str" ? countedSplitRows(split.value) : undefined;
  return rows === undefined ? undefined : { value: rows, source: `load_dataset("${path}", split="${(split as { value: string }).value}"): the rows its slice names` };
}
