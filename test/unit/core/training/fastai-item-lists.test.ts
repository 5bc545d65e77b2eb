import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// fastai 1.0's data block chain, `ImageList.from_folder(path)` ... `.databunch(bs=...)`, over a dataset fastai
// downloads: the items its split keeps for training (src/core/training/fastai-datasets.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const NAMED = (split: string) => `from fastai.vision import *
root = untar_data(URLs.MNIST)
items = ImageList.from_folder(root, convert_mode='L')
parts = items.${split}
labelled = parts.label_from_folder()
labelled = labelled.transform(([], []))
data = labelled.databunch(bs=100).normalize()
learn = Learner(data, simple_cnn((1, 8, 16, 10)), loss_func=nn.CrossEntropyLoss())
learn.fit_one_cycle(2, max_lr=0.1)
`;

describe("fastai 1.0 item lists", () => {
  it("split_by_folder trains on the folder it names, through names bound to each step (one bound twice)", async () => {
    const plan = await planOf(NAMED("split_by_folder(train='training', valid='testing')"));
    assert.equal(plan.samples?.value, 60000);
    assert.equal(plan.batch?.value, 100);
  });

  it("split_by_rand_pct holds out valid_pct of all the images; another splitter leaves the samples unread", async () => {
    assert.equal((await planOf(NAMED("split_by_rand_pct(0.1, seed=3)"))).samples?.value, 70000 - 7000);
    assert.equal((await planOf(NAMED("split_by_rand_pct()"))).samples?.value, 70000 - 14000);
    assert.equal((await planOf(NAMED("split_by_valid_func(lambda p: p.parent.name == '7')"))).samples, undefined);
    assert.equal((await planOf(NAMED("split_by_folder()"))).samples, undefined, "MNIST has no train/ folder");
  });
});
