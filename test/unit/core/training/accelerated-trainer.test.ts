import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// pytorch-accelerated's Trainer.train(train_dataset, num_epochs, per_device_batch_size=8, max_num_train_steps=None,
// gradient_accumulation_steps=1) owns the loop: its arguments are the run's (src/core/training/accelerated-trainer.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (train: string, imports = "from pytorch_accelerated import Trainer") => `from torch import nn, optim
from torch.utils.data import random_split
from torchvision import transforms
from torchvision.datasets import MNIST
${imports}


def main():
    dataset = MNIST(".", download=True, transform=transforms.ToTensor())
    train_part, valid_part = random_split(dataset, [40000, 20000])
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    trainer = Trainer(model, loss_func=nn.CrossEntropyLoss(), optimizer=optim.SGD(model.parameters(), lr=0.01))
    ${train}


if __name__ == "__main__":
    main()
`;

describe("pytorch-accelerated Trainer.train", () => {
  it("reads num_epochs and per_device_batch_size, with the dataset's split as the samples", async () => {
    const plan = await planOf(SCRIPT("trainer.train(train_dataset=train_part, eval_dataset=valid_part, num_epochs=3, per_device_batch_size=50)"));
    assert.equal(plan.epochs?.value, 3);
    assert.match(plan.epochs?.detail ?? "", /num_epochs=3/);
    assert.equal(plan.batch?.value, 50);
    assert.equal(plan.samples?.value, 40000);
  });

  it("defaults the batch to 8 and reads gradient_accumulation_steps positionally or by name", async () => {
    const plan = await planOf(SCRIPT("trainer.train(train_part, 2, gradient_accumulation_steps=4)"));
    assert.equal(plan.epochs?.value, 2);
    assert.equal(plan.batch?.value, 8);
    assert.equal(plan.batch?.source, "default");
    assert.equal(plan.accumulation?.value, 4);
  });

  it("leaves a train call alone in a file that does not import pytorch-accelerated", async () => {
    const plan = await planOf(SCRIPT("trainer.train(train_part, num_epochs=3, per_device_batch_size=50)", "from mylib import Trainer"));
    assert.notEqual(plan.epochs?.value, 3);
    assert.notEqual(plan.batch?.value, 50);
  });
});
