// Well-known datasets' published facts (training and test set sizes, image shapes, classes), each with the
// documentation or paper that gives them: the training plan counts samples from them, and the analyzer's stand-in for
// torchvision.datasets (src/core/torchvision/datasets.ts) gives programs the shapes and class lists they read.

/** How a dataset constructor says which part of the data it loads. */
export type SplitArgument =
  /** `train=True|False` (second positional), True by default. */
  | { kind: "train-flag"; position: number }
  /** `split='train'|'test'|...` (second positional), 'train' by default; `keyword` where the constructor names it
   *  otherwise (Pascal VOC's `image_set`). */
  | { kind: "split"; position: number; trainValue: string; keyword?: string };

/** An argument the sizes hold for only at one value (Pascal VOC's `year`, "2012" by default): another value's sizes
 *  are not in the table. */
export interface EditionArgument {
  keyword: string;
  position: number;
  value: string;
}

export interface DatasetSize {
  /** The constructor or loader's name as code writes it (last dotted segment). */
  name: string;
  framework: "torchvision" | "keras";
  /** The training split's size; absent where it depends on an argument (EMNIST's split). */
  trainSamples?: number;
  /** The test split's size, where the dataset's stand-in serves it (`train=False`). */
  testSamples?: number;
  /** Other parts a `split=` may name that scripts train on (STL10's unlabeled images for self-supervised training,
   *  SVHN's extra digits), by the value that names them. */
  otherSplits?: Readonly<Record<string, number>>;
  split?: SplitArgument;
  edition?: EditionArgument;
  /** One sample's image as the dataset holds it: channels, height, width (a PIL image, before any transform). */
  image?: [number, number, number];
  /** The class names in label order (`dataset.classes`), where the dataset defines them. */
  classes?: readonly string[];
  source: string;
}

const DIGITS = ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"];
const CIFAR10_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];
// torchvision's CIFAR100 reads them from the archive's meta file: the fine labels, alphabetical (cs.toronto.edu/~kriz/cifar.html).
const CIFAR100_CLASSES = (
  "apple aquarium_fish baby bear beaver bed bee beetle bicycle bottle bowl boy bridge bus butterfly camel can castle caterpillar cattle " +
  "chair chimpanzee clock cloud cockroach couch crab crocodile cup dinosaur dolphin elephant flatfish forest fox girl hamster house kangaroo keyboard " +
  "lamp lawn_mower leopard lion lizard lobster man maple_tree motorcycle mountain mouse mushroom oak_tree orange orchid otter palm_tree pear pickup_truck pine_tree " +
  "plain plate poppy porcupine possum rabbit raccoon ray road rocket rose sea seal shark shrew skunk skyscraper snail snake spider " +
  "squirrel streetcar sunflower sweet_pepper table tank telephone television tiger tractor train trout tulip turtle wardrobe whale willow_tree wolf woman worm"
).split(" ");

const TRAIN_FLAG: SplitArgument = { kind: "train-flag", position: 1 };

/** torchvision.datasets constructors and keras.datasets modules whose training-set size is published. */
export const DATASET_SIZES: readonly DatasetSize[] = [
  { name: "MNIST", framework: "torchvision", trainSamples: 60_000, testSamples: 10_000, split: TRAIN_FLAG, image: [1, 28, 28], classes: DIGITS, source: "LeCun, Cortes, Burges: The MNIST database (yann.lecun.com/exdb/mnist): 60,000 training and 10,000 test examples, 28x28 grey; classes as torchvision.datasets.MNIST names them" },
  { name: "FashionMNIST", framework: "torchvision", trainSamples: 60_000, testSamples: 10_000, split: TRAIN_FLAG, image: [1, 28, 28], classes: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"], source: "Xiao, Rasul, Vollgraf 2017, Fashion-MNIST (arXiv:1708.07747): 60,000 training and 10,000 test images, 28x28 grey, 10 classes" },
  { name: "KMNIST", framework: "torchvision", trainSamples: 60_000, testSamples: 10_000, split: TRAIN_FLAG, image: [1, 28, 28], classes: ["o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"], source: "Clanuwat et al. 2018, Deep Learning for Classical Japanese Literature (arXiv:1812.01718): Kuzushiji-MNIST 60,000 training and 10,000 test images, 28x28 grey, 10 classes" },
  { name: "QMNIST", framework: "torchvision", trainSamples: 60_000, testSamples: 60_000, split: TRAIN_FLAG, image: [1, 28, 28], classes: DIGITS, source: "Yadav, Bottou 2019, Cold Case: The Lost MNIST Digits (arXiv:1905.10498): 60,000 training and 60,000 test digits, 28x28 grey" },
  { name: "EMNIST", framework: "torchvision", image: [1, 28, 28], source: "Cohen et al. 2017, EMNIST (arXiv:1702.05373): 28x28 grey; sizes and classes depend on the split" },
  { name: "CIFAR10", framework: "torchvision", trainSamples: 50_000, testSamples: 10_000, split: TRAIN_FLAG, image: [3, 32, 32], classes: CIFAR10_CLASSES, source: "Krizhevsky 2009, Learning Multiple Layers of Features from Tiny Images (cs.toronto.edu/~kriz/cifar.html): 50,000 training and 10,000 test images, 32x32 colour, 10 classes" },
  { name: "CIFAR100", framework: "torchvision", trainSamples: 50_000, testSamples: 10_000, split: TRAIN_FLAG, image: [3, 32, 32], classes: CIFAR100_CLASSES, source: "Krizhevsky 2009, Learning Multiple Layers of Features from Tiny Images (cs.toronto.edu/~kriz/cifar.html): 50,000 training and 10,000 test images, 32x32 colour, 100 classes" },
  { name: "SVHN", framework: "torchvision", trainSamples: 73_257, testSamples: 26_032, otherSplits: { extra: 531_131 }, split: { kind: "split", position: 1, trainValue: "train" }, image: [3, 32, 32], source: "Netzer et al. 2011, Reading Digits in Natural Images with Unsupervised Feature Learning (ufldl.stanford.edu/housenumbers): 73,257 training, 26,032 test and 531,131 extra digits, 32x32 colour" },
  { name: "STL10", framework: "torchvision", trainSamples: 5_000, testSamples: 8_000, otherSplits: { unlabeled: 100_000, "train+unlabeled": 105_000 }, split: { kind: "split", position: 1, trainValue: "train" }, image: [3, 96, 96], classes: ["airplane", "bird", "car", "cat", "deer", "dog", "horse", "monkey", "ship", "truck"], source: "Coates, Lee, Ng 2011, An Analysis of Single-Layer Networks in Unsupervised Feature Learning (cs.stanford.edu/~acoates/stl10): 5,000 labelled training, 8,000 test and 100,000 unlabelled images, 96x96 colour, 10 classes" },
  { name: "ImageNet", framework: "torchvision", trainSamples: 1_281_167, split: { kind: "split", position: 1, trainValue: "train" }, source: "Russakovsky et al. 2015, ImageNet Large Scale Visual Recognition Challenge (IJCV), ILSVRC2012: 1,281,167 training images" },
  // torchvision.datasets.VOCDetection/VOCSegmentation(root, year="2012", image_set="train", ...): the PASCAL VOC 2012
  // devkit's ImageSets (Main: train 5,717 / val 5,823 images; Segmentation: train 1,464 / val 1,449).
  { name: "VOCDetection", framework: "torchvision", trainSamples: 5_717, split: { kind: "split", position: 2, trainValue: "train", keyword: "image_set" }, edition: { keyword: "year", position: 1, value: "2012" }, source: "Everingham et al., The PASCAL Visual Object Classes Challenge 2012 (host.robots.ox.ac.uk/pascal/VOC/voc2012): detection train 5,717 and val 5,823 images (torchvision VOCDetection defaults: year 2012, image_set train)" },
  { name: "VOCSegmentation", framework: "torchvision", trainSamples: 1_464, split: { kind: "split", position: 2, trainValue: "train", keyword: "image_set" }, edition: { keyword: "year", position: 1, value: "2012" }, source: "Everingham et al., The PASCAL Visual Object Classes Challenge 2012 (host.robots.ox.ac.uk/pascal/VOC/voc2012): segmentation train 1,464 and val 1,449 images (torchvision VOCSegmentation defaults: year 2012, image_set train)" },
  // torchvision.datasets.CelebA(root, split="train", ...): split one of "train", "valid", "test", "all", by the
  // dataset's list_eval_partition.txt (TensorFlow Datasets' celeb_a catalog: train 162,770, validation 19,867,
  // test 19,962 of its 202,599 face images).
  { name: "CelebA", framework: "torchvision", trainSamples: 162_770, otherSplits: { valid: 19_867, test: 19_962, all: 202_599 }, split: { kind: "split", position: 1, trainValue: "train" }, source: "Liu et al. 2015, Deep Learning Face Attributes in the Wild (mmlab.ie.cuhk.edu.hk/projects/CelebA.html): 202,599 face images of 178x218, partitioned train 162,770 / valid 19,867 / test 19,962 (tensorflow.org/datasets/catalog/celeb_a); torchvision's CelebA names them by split=" },
  { name: "mnist", framework: "keras", trainSamples: 60_000, image: [1, 28, 28], source: "keras.io/api/datasets/mnist: 60,000 training images (LeCun et al.), x_train of shape (60000, 28, 28)" },
  { name: "fashion_mnist", framework: "keras", trainSamples: 60_000, image: [1, 28, 28], source: "keras.io/api/datasets/fashion_mnist: 60,000 training images (Xiao et al. 2017), x_train of shape (60000, 28, 28)" },
  { name: "cifar10", framework: "keras", trainSamples: 50_000, image: [3, 32, 32], source: "keras.io/api/datasets/cifar10: 50,000 training images (Krizhevsky 2009), x_train of shape (50000, 32, 32, 3)" },
  { name: "cifar100", framework: "keras", trainSamples: 50_000, image: [3, 32, 32], source: "keras.io/api/datasets/cifar100: 50,000 training images (Krizhevsky 2009), x_train of shape (50000, 32, 32, 3)" },
  { name: "imdb", framework: "keras", trainSamples: 25_000, source: "keras.io/api/datasets/imdb: 25,000 training reviews (Maas et al. 2011)" },
];

/** The table entry for a constructor or loader name, if it is a known dataset of that framework. */
export function datasetSize(name: string, framework: DatasetSize["framework"]): DatasetSize | undefined {
  return DATASET_SIZES.find((d) => d.name === name && d.framework === framework);
}
