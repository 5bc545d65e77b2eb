import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An epoch count is known by its name when the loop's range reads it (src/core/training/training-plan.ts,
// EPOCH_CONSTANT): the qualifiers of the name stack, as in transformers' `num_train_epochs`.
const script = (name: string, batchName = "train_batch_size") => `import argparse
import torch
from torch.utils.data import DataLoader, TensorDataset


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--${name}", default=3.0, type=float)
    parser.add_argument("--${batchName}", default=32, type=int)
    args = parser.parse_args()
    model = torch.nn.Linear(10, 2)
    optimizer = torch.optim.Adam(model.parameters())
    loader = DataLoader(TensorDataset(torch.randn(320, 10)), batch_size=args.${batchName})
    for _ in range(int(args.${name})):
        for (x,) in loader:
            model(x).sum().backward()
            optimizer.step()


main()
`;

describe("epoch counts known by their name", () => {
  for (const name of ["num_train_epochs", "nb_epoch", "max_training_epochs", "n_epochs"]) {
    it(`reads \`range(int(args.${name}))\` as the run's epochs`, async () => {
      const plan = (await analyze(script(name))).training ?? {};
      assert.equal(plan.epochs?.value, 3);
      assert.equal(plan.batch?.value, 32);
    });
  }

  it("does not take a name that only mentions epochs in passing as the count", async () => {
    const plan = (await analyze(script("epochs_between_saves"))).training ?? {};
    assert.equal(plan.epochs?.value, undefined);
  });

  it("reads module constants qualified as the training run's (`NUM_TRAIN_EPOCHS`, `TRAINING_BATCH_SIZE`)", async () => {
    const plan = (await analyze(`import torch
from data import make_loader

NUM_TRAIN_EPOCHS = 7
TRAINING_BATCH_SIZE = 64
model = torch.nn.Linear(10, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(NUM_TRAIN_EPOCHS):
    for x, y in make_loader():
        torch.nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
`)).training ?? {};
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.batch?.value, 64);
  });
});
