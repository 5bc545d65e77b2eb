import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSource, type AnalysisResult } from "../../../../src/core/analyze";
import { classFolders, TORCHVISION_IMAGE_EXTENSIONS } from "../../../../src/core/interp/class-folders";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { diskFiles } from "../../../../src/node/disk-files";
import { memoryFiles, testParser } from "../../helpers/analyze";

// A dataset kept one folder per class beside the script (class-folders.ts): torchvision's ImageFolder and Keras'
// directory readers count the files of its class folders, on a real folder tree read through the CLI's disk files.
describe("class-per-folder datasets the workspace holds (class-folders.ts)", function () {
  this.timeout(30_000);
  let root: string;
  const put = (path: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), "");
  };
  before(() => {
    root = mkdtempSync(join(tmpdir(), "greenlight-class-folders-"));
    for (let i = 0; i < 7; i++) put(`data/train/cats/c${i}.jpg`);
    for (let i = 0; i < 4; i++) put(`data/train/dogs/d${i}.PNG`);
    put("data/train/dogs/old/d9.jpeg");
    put("data/train/dogs/notes.txt");
    put("data/train/labels.csv");
    for (let i = 0; i < 3; i++) put(`data/val/cats/v${i}.jpg`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const analyzeFile = async (text: string): Promise<AnalysisResult> => {
    const file = join(root, "train.py");
    writeFileSync(file, text);
    return analyzeSource(await testParser(), { file, text, root, files: diskFiles() });
  };

  it("lists class folders in sorted order and counts their images at any depth, in any case, other files left out", () => {
    const found = classFolders(diskFiles(), [join(root, "data/train")], TORCHVISION_IMAGE_EXTENSIONS);
    assert.ok(typeof found !== "string", String(found));
    assert.deepEqual(found.classes, ["cats", "dogs"]);
    assert.deepEqual(found.counts, [7, 5]);
  });

  it("says why where the folder is missing or the host lists no folders", () => {
    assert.match(String(classFolders(diskFiles(), [join(root, "data/test")], TORCHVISION_IMAGE_EXTENSIONS)), /is not a folder in the workspace/);
    assert.match(String(classFolders(memoryFiles({}), ["/project/data"], TORCHVISION_IMAGE_EXTENSIONS)), /lists no folders/);
  });

  it("gives an ImageFolder loader the files of its class folders as samples, and the model its class count", async () => {
    const result = await analyzeFile(`import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

train_data = datasets.ImageFolder("data/train", transform=transforms.ToTensor())
loader = DataLoader(train_data, batch_size=4, shuffle=True)
model = nn.Linear(8, len(train_data.classes))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for x, y in loader:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`);
    const plan = result.training ?? {};
    assert.equal(plan.samples?.value, 12, JSON.stringify(plan.samples));
    assert.match(plan.samples?.detail ?? "", /class folders of data\/train/);
    assert.equal(planOptimizerSteps(plan)?.value, 9);
    assert.equal(result.models[0].params, 8 * 2 + 2);
  });

  it("leaves an ImageFolder of a folder the workspace lacks unknown, with the reason", async () => {
    const result = await analyzeFile(`import torch
from torch import nn
from torchvision import datasets
train_data = datasets.ImageFolder("/datasets/imagenet/train")
loader = torch.utils.data.DataLoader(train_data, batch_size=4)
model = nn.Linear(8, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    opt.zero_grad()
    model(x).sum().backward()
    opt.step()
`);
    assert.equal(result.training?.samples, undefined);
  });

  it("counts what flow_from_directory's training subset keeps: each class folder cut at int(validation_split * n)", async () => {
    const result = await analyzeFile(`from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator
datagen = ImageDataGenerator(rescale=1 / 255.0, validation_split=0.3)
train_gen = datagen.flow_from_directory("data/train", target_size=(32, 32), batch_size=2, subset="training")
val_gen = datagen.flow_from_directory("data/train", target_size=(32, 32), batch_size=2, subset="validation")
model = keras.Sequential([keras.layers.Flatten(input_shape=(32, 32, 3)), keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train_gen, epochs=4, validation_data=val_gen)
`);
    // cats 7 - int(2.1) = 5, dogs 5 - int(1.5) = 4: 9 images, 5 batches of 2 an epoch.
    assert.equal(result.training?.samples?.value, 9, JSON.stringify(result.training?.samples));
    assert.equal(planOptimizerSteps(result.training ?? {})?.value, 20);
  });

  it("counts image_dataset_from_directory's training part: the whole list cut at int(validation_split * n)", async () => {
    const result = await analyzeFile(`import tensorflow as tf
train_ds = tf.keras.utils.image_dataset_from_directory("data/train", validation_split=0.25, subset="training", seed=1, image_size=(32, 32), batch_size=3)
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=2)
`);
    // 12 images (.jpg, .PNG, .jpeg), 12 - int(3) = 9 for training: 3 batches of 3 an epoch.
    assert.equal(result.training?.samples?.value, 9, JSON.stringify(result.training?.samples));
    assert.equal(planOptimizerSteps(result.training ?? {})?.value, 6);
  });
});
