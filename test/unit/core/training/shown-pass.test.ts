import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A dataset file whose main block walks its loader only to print each batch trains nothing: its batch is no run's
// (onlyShowsEachItem in src/core/training/data-only-script.ts). Scripts written for this test.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (main: string) => `import torch
from torch.utils.data import Dataset, DataLoader


class Tiles(Dataset):
    def __init__(self, count):
        self.count = count

    def __len__(self):
        return self.count

    def __getitem__(self, i):
        return torch.zeros(3, 32, 32), i % 4


tiles = Tiles(240)
tile_loader = DataLoader(tiles, batch_size=12)
${main}
`;

describe("a pass over the loader that only prints it (src/core/training/data-only-script.ts)", () => {
  it("prints each batch: no run", async () => {
    const plan = await planOf(script(`for image, label in tile_loader:\n    print(image.shape)\n    print(label)`));
    assert.equal(plan.batch, undefined);
  });

  it("a loop that does more than show keeps the batch (the module's loaders, the policy for data modules)", async () => {
    const plan = await planOf(script(`sizes = []\nfor image, label in tile_loader:\n    sizes.append(image.shape[0])\nprint(sum(sizes))`));
    assert.equal(plan.batch?.value, 12);
  });
});
