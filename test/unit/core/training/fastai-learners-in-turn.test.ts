import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// fastai fits add up while they train one Learner; a name bound afresh between them trains another network, and
// DataLoaders built after the first Learner's last fit feed none of its epochs (src/core/training/fastai-learners-in-turn.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (second: string) => `from fastai.vision import *
path = untar_data(URLs.PETS)
images = path/'images'
names = get_image_files(images)
data = ImageDataBunch.from_name_re(images, names, r'/([^/]+)_\\d+.jpg$', size=224, bs=48)
learn = cnn_learner(data, models.resnet34, metrics=error_rate)
learn.fit_one_cycle(3)
learn.unfreeze()
learn.fit_one_cycle(2, max_lr=slice(1e-6, 1e-4))
${second}
learn.fit_one_cycle(6)
`;

describe("fastai Learners in turn", () => {
  it("a Learner bound afresh after the first one's fits trains another network: only the first one's fits count", async () => {
    const plan = await planOf(SCRIPT(`small = ImageDataBunch.from_folder(untar_data(URLs.MNIST_SAMPLE), bs=16)
learn = cnn_learner(small, models.resnet18, metrics=accuracy)`));
    assert.equal(plan.epochs?.value, 5, "3 + 2 epochs of the first Learner, not the 6 of the second");
    assert.match(plan.epochs?.detail ?? "", /bound afresh/);
    assert.equal(plan.batch?.value, 48, "the second Learner's bs=16 is not the first one's");
    assert.equal(plan.samples?.value, 7390 - 1478, "Oxford pets, less valid_pct 0.2, through three names; not mnist_sample's 12,396");
  });

  it("fits of one Learner still add up across unfreeze() and a Learner that reads itself (learn = learn.to_fp16())", async () => {
    const plan = await planOf(SCRIPT("learn = learn.to_fp16()"));
    assert.equal(plan.epochs?.value, 11);
    assert.equal(plan.batch?.value, 48);
  });
  it("a fit on another Learner's name trains that network: a baseline and its variant are not one run", async () => {
    const plan = await planOf(`from fastai.vision.all import *
path = untar_data(URLs.MNIST_SAMPLE)
dls = ImageDataLoaders.from_folder(path, bs=32)
plain = Learner(dls, resnet18(), metrics=accuracy)
variant = Learner(dls, resnet34(), metrics=accuracy)
plain.fit_one_cycle(3, 1e-3)
variant.fit_one_cycle(3, 1e-3)
`);
    assert.equal(plan.epochs?.value, 3, "the first Learner's 3 epochs, not 3 + 3 of two networks");
    assert.equal(plan.batch?.value, 32);
  });

  it("a fit on a Learner the fit's own function builds is another network than the module's", async () => {
    const plan = await planOf(`from fastai.vision.all import *
path = untar_data(URLs.MNIST_SAMPLE)
dls = ImageDataLoaders.from_folder(path, bs=32)
learn = Learner(dls, resnet18(), metrics=accuracy)
learn.fit_one_cycle(2, 1e-2)
def retrain(epochs=1):
    learn = Learner(dls, resnet34(), metrics=accuracy)
    learn.fit(epochs, 0.06)
    return learn
learn = retrain()
`);
    assert.equal(plan.epochs?.value, 2, "the module's Learner's 2 epochs, not 2 + 1");
  });
});
