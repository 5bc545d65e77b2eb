import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { workspaceFolder, type WorkspaceFolder } from "../../helpers/workspace-folder";

// A dataset class of another module that walks its folders and keeps each image whose label file lies beside it:
// os.path.isdir, os.path.exists and os.path.isfile answer from the workspace's listing (stdlib/folders.ts).
const DATASETS = `import os
from torch.utils.data import Dataset

class Pairs(Dataset):
    def __init__(self, root):
        self.images, self.labels = [], []
        for part in sorted(os.listdir(root)):
            folder = os.path.join(root, part)
            if not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                if not name.endswith(".jpg"):
                    continue
                label = os.path.join(folder, name.replace(".jpg", ".png"))
                if os.path.exists(label) and os.path.isfile(label):
                    self.images.append(os.path.join(folder, name))
                    self.labels.append(label)
                else:
                    print("no label for", name)

    def __len__(self):
        return len(self.images)
`;

const TRAIN = `import torch
from torch.utils.data import DataLoader
from datasets import Pairs

loader = DataLoader(Pairs("data"), batch_size=2, shuffle=True)
model = torch.nn.Linear(4, 1)
opt = torch.optim.Adam(model.parameters())
for epoch in range(3):
    for x, y in loader:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`;

describe("os.path's questions about paths the workspace lists", function () {
  this.timeout(30_000);
  let folder: WorkspaceFolder;
  before(() => {
    folder = workspaceFolder("greenlight-listed-");
    for (const p of ["data/a/1.jpg", "data/a/1.png", "data/a/2.jpg", "data/a/3.jpg", "data/a/3.png", "data/b/4.jpg", "data/b/4.png", "data/b/5.txt", "data/notes.md"]) folder.put(p);
  });
  after(() => folder.remove());

  it("a folder walk keeps the images whose label file is listed: exists, isfile and isdir read the listing", async () => {
    const result = await folder.analyze(TRAIN, { "datasets.py": DATASETS });
    assert.equal(result.training?.samples?.value, 3, JSON.stringify(result.training?.samples));
    assert.equal(planOptimizerSteps(result.training ?? {})?.value, 3 * 2);
  });
});
