import assert from "node:assert/strict";
import { datasetsSource } from "../../../../src/core/torchvision/datasets";
import { DATASET_SIZES } from "../../../../src/core/training/dataset-sizes";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

// torchvision.datasets as shape stand-ins (no files read): class lists and sample shapes from the dataset table, the
// program's transforms applied. Figures by hand: Linear(a, b) has a*b + b parameters and 2*a*b FLOPs per sample.
describe("torchvision.datasets stand-in (src/core/torchvision/datasets.ts)", () => {
  it("len(dataset.classes) is the table's class count, so the classifier's last layer is built", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from torchvision import datasets
from torchvision.transforms import ToTensor

train_data = datasets.FashionMNIST(root="data", train=True, download=True, transform=ToTensor())
class_names = train_data.classes
model = nn.Sequential(nn.Flatten(), nn.Linear(784, 16), nn.Linear(16, len(class_names)))
`);
    assert.equal(m.params, 784 * 16 + 16 + 16 * 10 + 10);
    assert.ok(m.complete, JSON.stringify(m.unresolved));
  });

  it("an ImageFolder's class count is a gap that says its classes are folders on disk the analyzer does not read", async () => {
    const m = await onlyModel(`
import torch.nn as nn
from torchvision import datasets

train_data = datasets.ImageFolder(root="data/pizza_steak_sushi/train")
class_names = train_data.classes
# greenlight: input=1x784
model = nn.Sequential(nn.Flatten(), nn.Linear(784, 16), nn.Linear(16, len(class_names)))
`);
    assert.equal(m.complete, false);
    assert.equal(m.params, 784 * 16 + 16);
    assert.ok(m.unresolved.some((u) => u.reason.includes("ImageFolder's classes are the sub-folders of data/pizza_steak_sushi/train on disk")), JSON.stringify(m.unresolved));
  });

  it("CIFAR100 has 100 classes, and a sample's shape follows Resize, CenterCrop, Grayscale and ToTensor", async () => {
    const result = await analyze(`
import torch.nn as nn
import torchvision
import torchvision.transforms as T

tf = T.Compose([T.Resize(40), T.CenterCrop(36), T.Grayscale(), T.ToTensor(), T.Normalize((0.5,), (0.5,))])
ds = torchvision.datasets.CIFAR100("data", train=False, transform=tf)
image, label = ds[0]
c, h, w = image.shape
head = nn.Linear(c * h * w, len(ds.classes))
n_test = len(ds)
`);
    const head = modelNamed(result, "head");
    assert.equal(head.params, 1 * 36 * 36 * 100 + 100, "1x36x36 after the transforms, 100 classes");
  });

  it("Resize with one side keeps the aspect ratio; without transforms a sample is an image, not a tensor", async () => {
    const result = await analyze(`
import torch.nn as nn
from torchvision import datasets, transforms

ds = datasets.STL10("data", split="train", transform=transforms.Compose([transforms.Resize((48, 24)), transforms.ToTensor()]))
x = ds[0][0]
head = nn.Linear(x.shape[0] * x.shape[1] * x.shape[2], 2)
raw = datasets.MNIST("data")
width, height = raw[0][0].size
other = nn.Linear(width * height, 2)
`);
    assert.equal(modelNamed(result, "head").params, 3 * 48 * 24 * 2 + 2);
    assert.equal(modelNamed(result, "other").params, 28 * 28 * 2 + 2);
  });

  it("generates one class per torchvision dataset of the table with an image shape", () => {
    const text = datasetsSource();
    const named = DATASET_SIZES.filter((d) => d.framework === "torchvision" && d.image).map((d) => d.name);
    assert.ok(named.length >= 8);
    for (const name of named) assert.match(text, new RegExp(`^class ${name}\\(`, "m"), name);
    assert.doesNotMatch(text, /^class ImageNet\(/m, "no image shape in the table: no stand-in (its folders decide)");
    const cifar100 = DATASET_SIZES.find((d) => d.name === "CIFAR100")!;
    assert.equal(cifar100.classes!.length, 100);
    assert.equal(new Set(cifar100.classes).size, 100);
  });
});
