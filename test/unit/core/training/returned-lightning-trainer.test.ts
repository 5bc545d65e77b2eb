import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Lightning Trainer built and returned by a function of another project file, then fitted by the script
// (src/core/training/returned-lightning-trainer.ts): not Keras' fit with its default epochs=1. Files written for this test.
const factory = (build: string) => `${build.includes("pl.") ? "import pytorch_lightning as pl\n" : ""}def load_trainer(epochs):
    opt = {"epochs": epochs}
    trainer = ${build}
    return trainer, opt
`;
const script = `import torch
from torch.utils.data import DataLoader, TensorDataset
import factory as lt

if __name__ == "__main__":
    trainer, opt = lt.load_trainer(5)
    loader = DataLoader(TensorDataset(torch.randn(40, 10)), batch_size=4)
    model = torch.nn.Linear(10, 2)
    trainer.fit(model, loader)
`;

const planOf = async (build: string) => {
  const result = await analyze(script, { others: { "/project/factory.py": factory(build) } });
  return result.training;
};

describe("a Lightning Trainer another file's function returns", () => {
  it("its fit takes no Keras default of one epoch", async () => {
    const plan = await planOf("pl.Trainer(max_epochs=opt['epochs'])");
    assert.equal(plan?.batch?.value, 4);
    assert.notEqual(plan?.epochs?.value, 1);
    assert.doesNotMatch(plan?.epochs?.detail ?? "", /Keras/);
  });

  it("a Trainer in a module that imports no Lightning is not Lightning's", async () => {
    const plan = await planOf("tf_trainer.Trainer()");
    assert.match(plan?.epochs?.detail ?? "", /Keras/);
  });
});
