import { strict as assert } from "node:assert";
import { join } from "node:path";
import { globFolder, listFolder } from "../../../../src/core/interp/folder-glob";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { diskFiles } from "../../../../src/node/disk-files";
import { workspaceFolder, type WorkspaceFolder } from "../../helpers/workspace-folder";

// os.listdir, glob.glob and pathlib's glob/rglob/iterdir over a real folder tree (folder-glob.ts, stdlib/folders.ts).
// The counts asserted were taken with CPython 3.11 on the same layout.
describe("folder listings of the workspace (folder-glob.ts)", function () {
  this.timeout(30_000);
  let folder: WorkspaceFolder;
  before(() => {
    folder = workspaceFolder("greenlight-glob-");
    for (let i = 1; i <= 6; i++) folder.put(`imgs/x${i}.png`);
    folder.put("imgs/.hidden.png");
    folder.put("imgs/sub/y.png");
    folder.put("imgs/readme.md");
  });
  after(() => folder.remove());

  const places = (prefix: string) => [join(folder.root, prefix)];

  it("matches one path part at a time as glob does: wildcards, sets, hidden names, ** with recursive", () => {
    const files = diskFiles();
    const sorted = (found: string[] | string) => (typeof found === "string" ? found : [...found].sort());
    assert.deepEqual(sorted(globFolder(files, "imgs/*.png", places, false)), ["imgs/x1.png", "imgs/x2.png", "imgs/x3.png", "imgs/x4.png", "imgs/x5.png", "imgs/x6.png"]);
    assert.equal((globFolder(files, "imgs/*.png", places, false, true) as string[]).length, 7);
    assert.deepEqual(sorted(globFolder(files, "imgs/x[!1-4].png", places, false)), ["imgs/x5.png", "imgs/x6.png"]);
    assert.deepEqual(globFolder(files, "imgs/?ub/*", places, false), ["imgs/sub/y.png"]);
    assert.equal((globFolder(files, "imgs/**/*.png", places, true) as string[]).length, 7);
    assert.equal((globFolder(files, "imgs/**/*.png", places, false) as string[]).length, 1);
    assert.equal((listFolder(files, [join(folder.root, "imgs")]) as string[]).length, 9);
    assert.match(String(globFolder(files, "data/*.png", places, false)), /data is not a folder in the workspace/);
  });

  it("gives os.listdir, glob.glob and pathlib's listings the counts Python gives", async () => {
    const result = await folder.analyze(`import glob, os
from pathlib import Path
from torch import nn

a = len(glob.glob("imgs/**/*.png", recursive=True))
b = len(os.listdir("imgs"))
c = len(list(Path("imgs").glob("*.png")))
d = len(list(Path("imgs").rglob("*.png")))
e = len(list(Path("imgs").iterdir()))
model = nn.Sequential(nn.Linear(a, b, bias=False), nn.Linear(b, c, bias=False), nn.Linear(c, d, bias=False), nn.Linear(d, e, bias=False))
`);
    // CPython 3.11: 7, 9, 7, 8, 9.
    assert.equal(result.models[0]?.params, 7 * 9 + 9 * 7 + 7 * 8 + 8 * 9, JSON.stringify(result.models[0]?.unresolved));
  });

  it("sizes a dataset class that lists its files with glob in __init__", async () => {
    const result = await folder.analyze(`import glob, os
import torch
from torch import nn
from torch.utils.data import Dataset, DataLoader

class Images(Dataset):
    def __init__(self, root):
        self.files = sorted(glob.glob(os.path.join(root, "*.png")))
    def __len__(self):
        return len(self.files)
    def __getitem__(self, i):
        return torch.zeros(3, 8, 8), 0

loader = DataLoader(Images("imgs"), batch_size=4, shuffle=True)
model = nn.Linear(192, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(5):
    for x, y in loader:
        opt.zero_grad()
        model(x.flatten(1)).sum().backward()
        opt.step()
`);
    assert.equal(result.training?.samples?.value, 6, JSON.stringify(result.training?.samples));
    assert.equal(planOptimizerSteps(result.training ?? {})?.value, 10);
  });
});
