// torchvision.datasets as the analyzer's stand-in: each dataset of the dataset table as a class whose samples have
// the table's image shape (through the program's transforms), whose `classes` are the table's, and whose length is
// the split's size. Programs read class counts (`len(train_data.classes)`) and sample shapes (`train_data[0]`) from
// them; the files on disk are never read, but a class-per-folder dataset's folders are listed (DatasetFolder below).
import { TORCHVISION_IMAGE_EXTENSIONS } from "../interp/class-folders";
import { DATASET_SIZES, type DatasetSize } from "../training/dataset-sizes";

const BASE = `# Generated from the analyzer's dataset table (src/core/training/dataset-sizes.ts).
import torch
from torchvision.transforms import _Image
from _greenlight_unknown import unknown as _unknown
import _greenlight_folders as _folders

IMG_EXTENSIONS = (${TORCHVISION_IMAGE_EXTENSIONS.map((e) => JSON.stringify(e)).join(", ")})


# The datasets whose torchvision __len__ is the rows of self.data (torchvision 0.20: cifar.py, mnist.py, svhn.py and
# usps.py len(self.data), stl10.py self.data.shape[0]); MNIST's relatives subclass MNIST.
_COUNTS_DATA = ("CIFAR10", "CIFAR100", "MNIST", "SVHN", "STL10", "USPS")


class VisionDataset:
    _image = None
    _classes = None
    _train = None
    _test = None
    _split_train = None

    def __init__(self, root=None, *args, train=True, split=None, transform=None, target_transform=None, transforms=None, download=False, **kwargs):
        self.root = root
        if args and self._split_train is not None:
            split = args[0]
        elif args:
            train = args[0]
        self.train = train if self._split_train is None else (split is None or split == self._split_train)
        self.split = split
        self.transform = transform
        self.target_transform = target_transform
        self.transforms = transforms
        n = self._train if self.train else self._test
        if n is not None:
            c, h, w = self._image
            self.data = torch.zeros(n, h, w, dtype=torch.uint8) if c == 1 else torch.zeros(n, h, w, c, dtype=torch.uint8)
            self.targets = torch.zeros(n, dtype=torch.int64)

    # Read when asked (most programs only take len(classes)): building them is steps the analysis budget counts.
    @property
    def classes(self):
        if self._classes is None:
            raise AttributeError("classes")
        return list(self._classes)

    @property
    def class_to_idx(self):
        return {c: i for i, c in enumerate(self.classes)}

    def __len__(self):
        n = self._train if self.train else self._test
        if n is None:
            raise TypeError("the size of this dataset's split is not in the analyzer's table")
        # torchvision's CIFAR, MNIST, SVHN, STL10 and USPS count the rows of self.data: a project's subclass that
        # loads rows of its own into it (a long-tailed CIFAR-10's np.load of a split file) has their count, not the
        # split's. The library's own classes keep the split's rows, so their objects are counted as before.
        if type(self).__module__ != __name__ and any(c.__name__ in _COUNTS_DATA for c in type(self).__mro__):
            return len(self.data)
        return n

    def __getitem__(self, index):
        img = _Image(*self._image)
        target = 0
        if self.transforms is not None:
            return self.transforms(img, target)
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target


class DatasetFolder(VisionDataset):
    # Its classes are the sub-folders of root and its samples the files under them with one of extensions
    # (torchvision/datasets/folder.py find_classes, make_dataset): counted where the workspace holds the folder,
    # unknown with the reason otherwise (a dataset downloaded later; an is_valid_file of the code's own).
    def __init__(self, root, loader=None, extensions=None, transform=None, target_transform=None, is_valid_file=None, allow_empty=False):
        self.root = root
        self.transform = transform
        self.target_transform = target_transform
        self.transforms = None
        self._extensions = extensions if is_valid_file is None else None

    @property
    def classes(self):
        return _folders.classes(self.root, self._extensions, type(self).__name__)

    @property
    def class_to_idx(self):
        return {name: i for i, name in enumerate(self.classes)}

    def __len__(self):
        return _folders.files(self.root, self._extensions, type(self).__name__)

    def __getitem__(self, index):
        return _unknown(type(self).__name__ + "'s images are files under {}, which the analyzer does not read", self.root)


class ImageFolder(DatasetFolder):
    def __init__(self, root, transform=None, target_transform=None, loader=None, is_valid_file=None, allow_empty=False):
        super().__init__(root, loader, IMG_EXTENSIONS if is_valid_file is None else None, transform=transform, target_transform=target_transform, is_valid_file=is_valid_file, allow_empty=allow_empty)


class _MNISTTensors(VisionDataset):
    # The legacy names of MNIST's tensors (torchvision < 0.3): train_data, test_data, train_labels, test_labels.
    @property
    def train_data(self):
        return self.data

    @property
    def test_data(self):
        return self.data

    @property
    def train_labels(self):
        return self.targets

    @property
    def test_labels(self):
        return self.targets
`;

/** A Python literal for a string or a list of strings. */
function pyLiteral(value: string | readonly string[] | number | undefined): string {
  if (value === undefined) return "None";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
}

function datasetClass(d: DatasetSize): string {
  // MNIST's relatives (torchvision subclasses them of MNIST) keep its legacy attributes.
  const base = d.name === "MNIST" ? "_MNISTTensors" : d.image![0] === 1 && d.image![1] === 28 ? "MNIST" : "VisionDataset";
  const body = [
    `    _image = (${d.image!.join(", ")})`,
    `    _classes = ${pyLiteral(d.classes)}`,
    `    _train = ${pyLiteral(d.trainSamples)}`,
    `    _test = ${pyLiteral(d.testSamples)}`,
    `    _split_train = ${d.split?.kind === "split" ? JSON.stringify(d.split.trainValue) : "None"}`,
  ];
  return `\n\nclass ${d.name}(${base}):\n${body.join("\n")}\n`;
}

/** The Python text of the stand-in `torchvision/datasets/__init__.py`: MNIST first, as its relatives subclass it. */
export function datasetsSource(): string {
  const image = DATASET_SIZES.filter((d) => d.framework === "torchvision" && d.image);
  const ordered = [...image.filter((d) => d.name === "MNIST"), ...image.filter((d) => d.name !== "MNIST")];
  return BASE + ordered.map(datasetClass).join("");
}
