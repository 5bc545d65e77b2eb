// TensorFlow Datasets' published training-split sizes (tensorflow.org/datasets/catalog/<name>), and the split
// strings `tfds.load(name, split=...)` takes (tensorflow.org/datasets/splits): "train", "train[:90%]", "train[10:2000]".
// A dataset's configurations ("imagenet_resized/32x32") share its split sizes, unless the table sizes one of its own.
import { trainSplitSlice } from "./split-slicing";

/** Training-split sizes by catalog name, each as its catalog page gives it. */
const TRAIN_SPLITS: Record<string, number> = {
  mnist: 60_000,
  fashion_mnist: 60_000,
  kmnist: 60_000,
  cifar10: 50_000,
  cifar100: 50_000,
  svhn_cropped: 73_257,
  stl10: 5_000,
  imagenet2012: 1_281_167,
  imagenet_resized: 1_281_167,
  imdb_reviews: 25_000,
  cats_vs_dogs: 23_262,
  tf_flowers: 3_670,
  oxford_iiit_pet: 3_680,
  food101: 75_750,
  horses_or_humans: 1_027,
  rock_paper_scissors: 2_520,
  // Its default configuration, "white" (4,898 wines); "red" is sized below.
  wine_quality: 4_898,
};

/** Training-split sizes of datasets whose configurations hold different data, by `name/config` (the catalog page gives
 *  each configuration's splits): GLUE's tasks (tensorflow.org/datasets/catalog/glue, the counts of Wang et al. 2018)
 *  and wine_quality's two (tensorflow.org/datasets/catalog/wine_quality). */
const CONFIG_TRAIN_SPLITS: Record<string, number> = {
  "wine_quality/white": 4_898,
  "wine_quality/red": 1_599,
  "glue/cola": 8_551,
  "glue/sst2": 67_349,
  "glue/mrpc": 3_668,
  "glue/qqp": 363_846,
  "glue/stsb": 5_749,
  "glue/mnli": 392_702,
  "glue/qnli": 104_743,
  "glue/rte": 2_490,
  "glue/wnli": 635,
};

/** Samples of `split` of the catalog dataset `name` where its training split is known, and the page that says so.
 *  Without a split, tfds.load returns every split, of which a training run takes "train". */
export function tfdsTrainSamples(name: string, split: string | undefined): { value: number; source: string } | undefined {
  const base = name.split("/")[0].split(":")[0];
  const configured = name.split(":")[0];
  const size = CONFIG_TRAIN_SPLITS[configured] ?? TRAIN_SPLITS[base];
  if (size === undefined) return undefined;
  const source = `tensorflow.org/datasets/catalog/${base}${CONFIG_TRAIN_SPLITS[configured] !== undefined ? ` (${configured.slice(base.length + 1)})` : ""}: ${size.toLocaleString("en-US")} training examples`;
  if (split === undefined || split === "train") return { value: size, source };
  const value = trainSplitSlice(size, split);
  return value !== undefined ? { value, source: `${source}, ${split}` } : undefined;
}
