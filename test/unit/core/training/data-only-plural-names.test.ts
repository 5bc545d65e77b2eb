import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { dataOnlyScript } from "../../../../src/core/training/data-only-script";

// A dataset module whose `__main__` block draws one batch of its loaders to look at it, the loaders made by a function
// whose plural name holds the word train (`get_train_test_loaders`): a name of data, so the file trains nothing
// (src/core/training/data-only-script.ts TRAINING_DATA_NAME). Files written for this test.
const MODULE = (maker: string) => `import torch
from torch.utils.data import Dataset, DataLoader

class Glyphs(Dataset):
    def __init__(self, count):
        self.count = count

    def __len__(self):
        return self.count

    def __getitem__(self, i):
        return torch.zeros(1, 28, 28), i % 10

def ${maker}(batch_size=32):
    fit_part = DataLoader(Glyphs(900), batch_size=batch_size, shuffle=True)
    held_part = DataLoader(Glyphs(100), batch_size=batch_size)
    return fit_part, held_part

if __name__ == "__main__":
    first, _ = ${maker}(3)
    print(next(iter(first)))
`;

describe("a data module's plural loader maker is a name of data (src/core/training/data-only-script.ts)", () => {
  it("`get_train_test_loaders(3)` then a batch drawn to look at: no run", async () => {
    const result = await analyze(MODULE("get_train_test_loaders"), { file: "/project/glyph_data.py" });
    assert.equal(result.training?.batch, undefined);
  });

  it("the singular name was one already, and a name of training is still training", () => {
    const plan = { batch: { value: 3 } };
    assert.equal(dataOnlyScript(plan, "loader = get_train_loader(3)\nprint(next(iter(loader)))\n"), true);
    assert.equal(dataOnlyScript(plan, "loader = get_train_loaders(3)\nprint(next(iter(loader)))\n"), true);
    assert.equal(dataOnlyScript(plan, "loader = get_loaders(3)\nprint(next(iter(loader)))\ntrain_models(loader)\n"), false);
  });
});
