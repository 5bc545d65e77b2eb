import assert from "node:assert/strict";
import { lowerModule } from "../../../../src/core/python/lower";
import { analyze, testParser } from "../../helpers/analyze";

// A parametrized generic class called (`DataLoader[Sample](...)`) builds the class (src/core/python/generic-alias.ts).
async function calleeOf(source: string): Promise<string> {
  const parser = await testParser();
  const [statement] = lowerModule(parser.parse(`x = ${source}\n`)).body;
  assert.ok(statement?.type === "assign" && statement.value.type === "call", `a call: ${source}`);
  return statement.value.func.type;
}

describe("a parametrized generic class called (src/core/python/generic-alias.ts)", () => {
  it("calls the class itself for type arguments, and keeps lookups in registries and dicts", async () => {
    assert.equal(await calleeOf("DataLoader[batch_types.Sample](ds, batch_size=8)"), "name");
    assert.equal(await calleeOf("data.DataLoader[tuple](ds)"), "attribute");
    assert.equal(await calleeOf("Queue[Dict[str, int]]()"), "name");
    assert.equal(await calleeOf("MODELS[Name]()"), "subscript");
    assert.equal(await calleeOf("Registry[model_name]()"), "subscript");
    assert.equal(await calleeOf("Registry['resnet']()"), "subscript");
  });

  it("reads the batch of a DataLoader[T] a Lightning data module returns", async () => {
    const script = `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
import lightning

class Net(lightning.LightningModule):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(16, 2)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self.layer(x), y)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)

class Data(lightning.LightningDataModule):
    def setup(self, stage):
        self.train_set = TensorDataset(torch.zeros(640, 16), torch.zeros(640, dtype=torch.long))

    def train_dataloader(self):
        return DataLoader[tuple](self.train_set, batch_size=32)

trainer = lightning.Trainer(max_epochs=2)
trainer.fit(Net(), Data())
`;
    const plan = (await analyze(script)).training ?? {};
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.epochs?.value, 2);
  });
});
