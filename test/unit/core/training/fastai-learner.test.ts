import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// fastai's Learner, fastai not installed: the epochs its fit methods are given, the bs of the DataLoaders it learns
// from (64 by default, the training loader dropping its last batch) and to_fp16() (src/core/training/fastai-learner.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (fit: string, options = "epochs=3, bs=48, fp16=0") => `from fastai.vision.all import *


def get_dls(bs, size=128):
    path = untar_data(URLs.IMAGENETTE_160)
    block = DataBlock(blocks=(ImageBlock, CategoryBlock), get_items=get_image_files, get_y=parent_label,
                      splitter=GrandparentSplitter(valid_name="val"), item_tfms=Resize(size))
    return block.dataloaders(path, bs=bs)


def main(${options}):
    dls = get_dls(bs)
    learn = vision_learner(dls, resnet34, metrics=accuracy)
    if fp16:
        learn = learn.to_fp16()
    ${fit}


if __name__ == "__main__":
    main()
`;

describe("fastai Learner runs", () => {
  it("reads fit_one_cycle's epochs and the DataLoaders' bs through the function's defaults; to_fp16 only when the run reaches it", async () => {
    const plan = await planOf(SCRIPT("learn.fit_one_cycle(epochs, 3e-3)"));
    assert.equal(plan.epochs?.value, 3);
    assert.match(plan.epochs?.detail ?? "", /fit_one_cycle/);
    assert.equal(plan.batch?.value, 48);
    assert.equal(plan.dropLast, true, "fastai's training loader drops its last partial batch");
    assert.equal(plan.precision?.value, "fp32", "fp16=0 leaves the Learner in fp32");
    const half = await planOf(SCRIPT("learn.fit_one_cycle(epochs, 3e-3)", "epochs=3, bs=48, fp16=1"));
    assert.equal(half.precision?.value, "fp16");
  });

  it("counts fine_tune's frozen epochs, fit_sgdr's cycles, and fits made in turn", async () => {
    assert.equal((await planOf(SCRIPT("learn.fine_tune(epochs)"))).epochs?.value, 4, "freeze_epochs=1 by default, then 3");
    assert.equal((await planOf(SCRIPT("learn.fine_tune(2, freeze_epochs=3)"))).epochs?.value, 5);
    assert.equal((await planOf(SCRIPT("learn.fit_sgdr(3, 1)"))).epochs?.value, 7, "cycles of 1, 2 and 4 epochs");
    const turns = await planOf(SCRIPT("learn.fit_one_cycle(4)\n    learn.unfreeze()\n    learn.fit_one_cycle(2, lr_max=slice(1e-6, 1e-4))"));
    assert.equal(turns.epochs?.value, 6);
  });

  it("takes fastai's default bs=64 when the DataLoaders factory names none", async () => {
    const plan = await planOf(`from fastai.vision.all import *

path = untar_data(URLs.MNIST_SAMPLE)
dls = ImageDataLoaders.from_folder(path)
learn = cnn_learner(dls, resnet18, pretrained=False, metrics=accuracy)
learn.fit(2, 0.1)
`);
    assert.equal(plan.epochs?.value, 2);
    assert.equal(plan.batch?.value, 64);
    assert.equal(plan.batch?.source, "default");
  });

  it("reads nothing of fastai's in a file that does not import it", async () => {
    const plan = await planOf(`class Learner:
    def __init__(self, data):
        self.data = data

    def fine_tune(self, epochs):
        return epochs


learn = Learner(None)
learn.fine_tune(7)
`);
    assert.notEqual(plan.epochs?.value, 7);
    assert.notEqual(plan.epochs?.value, 8);
  });
});

// fastai's `DataLoaders(dl, valid_dl)` over loaders the script built: the Learner walks the first one as bound where
// the call is, not a demo loader bound to the same name in an earlier cell.
describe("fastai DataLoaders of the script's own loaders", () => {
  it("takes the loader bound when DataLoaders(...) is called: batch 200, not the demo's 5", async () => {
    const plan = await planOf(`from fastai.vision.all import *
dl = DataLoader(list(range(15)), batch_size=5, shuffle=True)
first(dl)
rows = list(zip(torch.randn(2000, 12), torch.randn(2000, 1)))
dl = DataLoader(rows, batch_size=200)
valid_dl = DataLoader(rows[:400], batch_size=400)
dls = DataLoaders(dl, valid_dl)
learn = Learner(dls, nn.Linear(12, 1), opt_func=SGD, loss_func=F.mse_loss)
learn.fit(7, lr=0.1)
`);
    assert.deepEqual([plan.epochs?.value, plan.batch?.value], [7, 200]);
  });
});

