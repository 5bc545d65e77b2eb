import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// image-segmentation-keras binds `train` to the models it builds: `model.train(train_images=..., epochs=N)` runs N
// epochs of steps_per_epoch (512) batches of batch_size (2) unless the call says otherwise
// (src/core/training/segmentation-keras-train.ts). A script written for this test.
const script = (call: string) => `from keras_segmentation.models.unet import vgg_unet

rounds = 12
model = vgg_unet(n_classes=4, input_height=224, input_width=320)
${call}
`;

describe("image-segmentation-keras' model.train (src/core/training/segmentation-keras-train.ts)", () => {
  it("reads the call's epochs with the library's default batch and steps an epoch", async () => {
    const plan = (await analyze(script('model.train(train_images="imgs/", train_annotations="masks/", epochs=rounds)'))).training;
    assert.equal(plan?.epochs?.value, 12);
    assert.equal(plan?.batch?.value, 2);
    assert.equal(plan?.batch?.source, "default");
    assert.equal(plan?.steps?.value, 12 * 512);
  });

  it("reads batch_size and steps_per_epoch where given, and the default 5 epochs where not", async () => {
    const plan = (await analyze(script('model.train(train_images="imgs/", train_annotations="masks/", batch_size=8, steps_per_epoch=100)'))).training;
    assert.equal(plan?.epochs?.value, 5);
    assert.equal(plan?.batch?.value, 8);
    assert.equal(plan?.steps?.value, 500);
  });
});
