import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Settings modules of our own that hold their data transforms and stamp their output folder with the date
// (src/core/training/settings-module.ts): building transforms and formatting a string run nothing.
const ALBUMENTATIONS = `import datetime
import albumentations as A
from albumentations.pytorch import ToTensorV2


def stamp():
    moment = datetime.datetime.now()
    return moment.strftime("%Y%m%d-%H%M")


settings = dict(
    out_dir=f"./outputs/{stamp()}",
    training_set={
        "root": "./images",
        "augment": A.Compose([A.HorizontalFlip(p=0.5), A.Normalize(), ToTensorV2()]),
        "batch_size": 6,
        "workers": 2,
    },
    epochs=40,
)
`;

const TORCHVISION = `from torchvision import transforms as T

BATCH_SIZE = 24
NUM_EPOCHS = 15
PREPROCESS = T.Compose([T.Resize(128), T.ToTensor(), T.Normalize((0.5,), (0.5,))])
`;

describe("a settings module that holds its data transforms", () => {
  it("states no run for an albumentations pipeline and a date-stamped folder among its settings", async () => {
    const plan = (await analyze(ALBUMENTATIONS)).training ?? {};
    assert.deepEqual([plan.epochs, plan.batch], [undefined, undefined]);
  });

  it("states no run for torchvision transforms beside its constants", async () => {
    const plan = (await analyze(TORCHVISION)).training ?? {};
    assert.deepEqual([plan.epochs, plan.batch], [undefined, undefined]);
  });

  it("keeps the batch where the file builds its loader with it", async () => {
    const plan = (await analyze(`${TORCHVISION}
import torch
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.randn(96, 3)), batch_size=BATCH_SIZE)
`)).training ?? {};
    assert.equal(plan.batch?.value, 24);
  });
});
