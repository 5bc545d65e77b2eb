import { strict as assert } from "node:assert";
import { join } from "node:path";
import { classFolders, TORCHVISION_IMAGE_EXTENSIONS } from "../../../../src/core/interp/class-folders";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { diskFiles } from "../../../../src/node/disk-files";
import { memoryFiles } from "../../helpers/analyze";
import { workspaceFolder, type WorkspaceFolder } from "../../helpers/workspace-folder";

// A dataset kept one folder per class beside the script (class-folders.ts): torchvision's ImageFolder and Keras'
// directory readers count the files of its class folders, on a real folder tree read through the CLI's disk files.
describe("class-per-folder datasets the workspace holds (class-folders.ts)", function () {
  this.timeout(30_000);
  let folder: WorkspaceFolder;
  before(() => {
    folder = workspaceFolder("greenlight-class-folders-");
    for (let i = 0; i < 7; i++) folder.put(`data/train/cats/c${i}.jpg`);
    for (let i = 0; i < 4; i++) folder.put(`data/train/dogs/d${i}.PNG`);
    folder.put("data/train/dogs/old/d9.jpeg");
    folder.put("data/train/dogs/notes.txt");
    folder.put("data/train/labels.csv");
    for (let i = 0; i < 3; i++) folder.put(`data/val/cats/v${i}.jpg`);
  });
  after(() => folder.remove());


  it("lists class folders in sorted order and counts their images at any depth, in any case, other files left out", () => {
    const found = classFolders(diskFiles(), [join(folder.root, "data/train")], TORCHVISION_IMAGE_EXTENSIONS);
    assert.ok(typeof found !== "string", String(found));
    assert.deepEqual(found.classes, ["cats", "dogs"]);
    assert.deepEqual(found.counts, [7, 5]);
  });

  it("says why where the folder is missing or the host lists no folders", () => {
    assert.match(String(classFolders(diskFiles(), [join(folder.root, "data/test")], TORCHVISION_IMAGE_EXTENSIONS)), /is not a folder in the workspace/);
    assert.match(String(classFolders(memoryFiles({}), ["/project/data"], TORCHVISION_IMAGE_EXTENSIONS)), /lists no folders/);
  });

  it("gives an ImageFolder loader the files of its class folders as samples, and the model its class count", async () => {
    const result = await folder.analyze(`import torch
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
    const result = await folder.analyze(`import torch
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
    assert.ok(result.training?.notes?.some((n) => /^samples: ImageFolder.s size is the number of files under \/datasets\/imagenet\/train \(\/datasets\/imagenet\/train is not a folder in the workspace\)/.test(n)), JSON.stringify(result.training?.notes));
  });

});
