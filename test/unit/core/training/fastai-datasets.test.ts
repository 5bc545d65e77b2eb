import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// The samples of a fastai run over a dataset fastai downloads (`untar_data(URLs.X)`): the folder its splitter trains
// on, or all images less RandomSplitter's int(valid_pct × n) (src/core/training/fastai-datasets.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

describe("fastai datasets and splitters", () => {
  it("a DataBlock's GrandparentSplitter trains on the folder it names (module-level names followed)", async () => {
    const plan = await planOf(`from fastai.vision.all import *

splitter = GrandparentSplitter(train_name="training", valid_name="testing")
digits = DataBlock(blocks=(ImageBlock(PILImageBW), CategoryBlock), get_items=get_image_files, splitter=splitter, get_y=parent_label)

if __name__ == "__main__":
    dls = digits.dataloaders(untar_data(URLs.MNIST), bs=128)
    learn = cnn_learner(dls, resnet18)
    learn.fit_one_cycle(2)
`);
    assert.equal(plan.samples?.value, 60000);
    assert.match(plan.samples?.detail ?? "", /training\//);
    assert.equal(plan.steps?.value ?? (plan.epochs!.value * Math.floor(plan.samples!.value / plan.batch!.value)), 2 * 468, "drop_last: 2 × ⌊60,000 / 128⌋");
  });

  it("from_folder trains on train/, from_name_re on all but valid_pct of the images it is given", async () => {
    const folder = await planOf(`from fastai.vision.all import *
path = untar_data(URLs.MNIST_SAMPLE)
dls = ImageDataLoaders.from_folder(path)
learn = cnn_learner(dls, resnet18, metrics=accuracy)
learn.fit(1)
`);
    assert.equal(folder.samples?.value, 12396);
    const SCRIPT = (pct: string) => `from fastai.vision.all import *
path = untar_data(URLs.PETS)
dls = ImageDataLoaders.from_name_re(path, get_image_files(path/'images'), pat=r'(.+)_\\d+.jpg'${pct}, item_tfms=Resize(224))
learn = vision_learner(dls, resnet34, metrics=error_rate)
learn.fine_tune(1)
`;
    assert.equal((await planOf(SCRIPT(""))).samples?.value, 7390 - 1478, "valid_pct=0.2 by default: int(0.2 × 7,390) held out");
    assert.equal((await planOf(SCRIPT(", valid_pct=0.1"))).samples?.value, 7390 - 739);
    // The folder kept in a name as a path expression (`path = untar_data(URLs.PETS)/'images'`), not a call.
    const kept = await planOf(SCRIPT("").replace("path = untar_data(URLs.PETS)", "path = untar_data(URLs.PETS)/'images'").replace("get_image_files(path/'images')", "get_image_files(path)"));
    assert.equal(kept.samples?.value, 7390 - 1478);
  });

  it("a DataBlock with no splitter holds out 20% of all the archive's images; a dataset not in the table gives none", async () => {
    const SCRIPT = (url: string) => `from fastai.vision.all import *
block = DataBlock(blocks=(ImageBlock, CategoryBlock), get_items=get_image_files, get_y=parent_label)
dls = block.dataloaders(untar_data(URLs.${url}), bs=32)
learn = Learner(dls, xresnet18(n_out=10), metrics=accuracy)
learn.fit_one_cycle(1)
`;
    assert.equal((await planOf(SCRIPT("IMAGENETTE_160"))).samples?.value, 13394 - 2678);
    assert.equal((await planOf(SCRIPT("CAMVID"))).samples, undefined);
  });

  it("follows the URL a name holds through the if and the conditional the run takes", async () => {
    const SCRIPT = (woof: number) => `from fastai.vision.all import *


def get_dls(size, woof, bs):
    if size <= 224:
        path = URLs.IMAGEWOOF_160 if woof else URLs.IMAGENETTE_160
    else:
        path = URLs.IMAGEWOOF if woof else URLs.IMAGENETTE
    source = untar_data(path)
    dblock = DataBlock(blocks=(ImageBlock, CategoryBlock), splitter=GrandparentSplitter(valid_name="val"),
                       get_items=get_image_files, get_y=parent_label, item_tfms=RandomResizedCrop(size))
    return dblock.dataloaders(source, path=source, bs=bs)


def main(size=128, woof=${woof}, bs=64, epochs=5):
    dls = get_dls(size, woof, bs)
    learn = Learner(dls, xresnet50(n_out=10), metrics=accuracy)
    learn.fit_flat_cos(epochs, 8e-3)
`;
    assert.equal((await planOf(SCRIPT(0))).samples?.value, 9469, "imagenette2's train/");
    assert.equal((await planOf(SCRIPT(1))).samples?.value, 9025, "imagewoof2's train/");
  });
});
