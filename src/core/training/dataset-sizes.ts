// Training-set sizes of well-known datasets, each with the documentation or paper that gives the figure.

/** How a dataset constructor says which part of the data it loads. */
export type SplitArgument =
  /** `train=True|False` (second positional), True by default. */
  | { kind: "train-flag"; position: number }
  /** `split='train'|'test'|...` (second positional), 'train' by default. */
  | { kind: "split"; position: number; trainValue: string };

export interface DatasetSize {
  /** The constructor or loader's name as code writes it (last dotted segment). */
  name: string;
  framework: "torchvision" | "keras";
  trainSamples: number;
  split?: SplitArgument;
  source: string;
}

const TRAIN_FLAG: SplitArgument = { kind: "train-flag", position: 1 };

/** torchvision.datasets constructors and keras.datasets modules whose training-set size is published. */
export const DATASET_SIZES: readonly DatasetSize[] = [
  { name: "MNIST", framework: "torchvision", trainSamples: 60_000, split: TRAIN_FLAG, source: "LeCun, Cortes, Burges: The MNIST database (yann.lecun.com/exdb/mnist): 60,000 training examples" },
  { name: "FashionMNIST", framework: "torchvision", trainSamples: 60_000, split: TRAIN_FLAG, source: "Xiao, Rasul, Vollgraf 2017, Fashion-MNIST (arXiv:1708.07747): 60,000 training images" },
  { name: "KMNIST", framework: "torchvision", trainSamples: 60_000, split: TRAIN_FLAG, source: "Clanuwat et al. 2018, Deep Learning for Classical Japanese Literature (arXiv:1812.01718): Kuzushiji-MNIST 60,000 training images" },
  { name: "CIFAR10", framework: "torchvision", trainSamples: 50_000, split: TRAIN_FLAG, source: "Krizhevsky 2009, Learning Multiple Layers of Features from Tiny Images (cs.toronto.edu/~kriz/cifar.html): 50,000 training images" },
  { name: "CIFAR100", framework: "torchvision", trainSamples: 50_000, split: TRAIN_FLAG, source: "Krizhevsky 2009, Learning Multiple Layers of Features from Tiny Images (cs.toronto.edu/~kriz/cifar.html): 50,000 training images" },
  { name: "SVHN", framework: "torchvision", trainSamples: 73_257, split: { kind: "split", position: 1, trainValue: "train" }, source: "Netzer et al. 2011, Reading Digits in Natural Images with Unsupervised Feature Learning (ufldl.stanford.edu/housenumbers): 73,257 training digits" },
  { name: "ImageNet", framework: "torchvision", trainSamples: 1_281_167, split: { kind: "split", position: 1, trainValue: "train" }, source: "Russakovsky et al. 2015, ImageNet Large Scale Visual Recognition Challenge (IJCV), ILSVRC2012: 1,281,167 training images" },
  { name: "mnist", framework: "keras", trainSamples: 60_000, source: "keras.io/api/datasets/mnist: 60,000 training images (LeCun et al.)" },
  { name: "fashion_mnist", framework: "keras", trainSamples: 60_000, source: "keras.io/api/datasets/fashion_mnist: 60,000 training images (Xiao et al. 2017)" },
  { name: "cifar10", framework: "keras", trainSamples: 50_000, source: "keras.io/api/datasets/cifar10: 50,000 training images (Krizhevsky 2009)" },
  { name: "cifar100", framework: "keras", trainSamples: 50_000, source: "keras.io/api/datasets/cifar100: 50,000 training images (Krizhevsky 2009)" },
  { name: "imdb", framework: "keras", trainSamples: 25_000, source: "keras.io/api/datasets/imdb: 25,000 training reviews (Maas et al. 2011)" },
];

/** The table entry for a constructor or loader name, if it is a known dataset of that framework. */
export function datasetSize(name: string, framework: DatasetSize["framework"]): DatasetSize | undefined {
  return DATASET_SIZES.find((d) => d.name === name && d.framework === framework);
}
