import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { workspaceFolder, type WorkspaceFolder } from "../../helpers/workspace-folder";

// A demo that runs a trained network over the images of a folder the checkout holds: its loader states a batch and,
// the folder being listed, the rows it walks. Both are the inference loader's, no run's.
const DEMO = `import glob
import torch
from torch.utils.data import DataLoader, Dataset

class Images(Dataset):
    def __init__(self, root):
        self.files = sorted(glob.glob(root + "/*.png"))
    def __len__(self):
        return len(self.files)
    def __getitem__(self, i):
        return torch.zeros(3, 8, 8)

loader = DataLoader(Images("imgs"), batch_size=1, shuffle=False)
model = torch.nn.Linear(192, 2)
model.load_state_dict(torch.load("model.pth"))
model.eval()
with torch.no_grad():
    for x in loader:
        print(model(x.flatten(1)).argmax(1))
`;

// An evaluation script whose own evaluate() walks the loader, with no eval() or no_grad word.
const EVALUATE = `import torch
from torch.utils.data import DataLoader
from data import Frames

def evaluate(model, loader):
    errors = []
    for x in loader:
        errors.append((model(x) - x).abs().mean().item())
    return sum(errors) / len(errors)

def main():
    model = torch.nn.Linear(4, 4)
    loader = DataLoader(Frames("frames"), batch_size=4)
    print(evaluate(model, loader))

if __name__ == "__main__":
    main()
`;

describe("inference scripts: a loader's batch and its rows", function () {
  this.timeout(30_000);
  let folder: WorkspaceFolder;
  before(() => {
    folder = workspaceFolder("greenlight-demo-");
    for (let i = 0; i < 5; i++) folder.put(`imgs/${i}.png`);
  });
  after(() => folder.remove());

  it("an inference loader over a listed folder (batch and rows) states no run", async () => {
    const result = await folder.analyze(DEMO);
    assert.equal(result.training?.batch, undefined, JSON.stringify(result.training));
    assert.equal(result.training?.samples, undefined);
  });

  it("an evaluation script's own evaluate() loop over a loader states no run", async () => {
    const plan = (await analyze(EVALUATE, { others: { "/project/data.py": "class Frames:\n    def __init__(self, root):\n        self.root = root\n" } })).training ?? {};
    assert.equal(plan.batch, undefined);
  });
});
