import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras script that trains on ImageDataGenerator iterators inside a function called under a mode switch.
const SCRIPT = `import argparse
from keras.models import Sequential
from keras.layers import Dense
from keras.preprocessing.image import ImageDataGenerator

parser = argparse.ArgumentParser()
parser.add_argument("--mode", default="train")
parser.add_argument("--epochs", type=int, default=12)
args = parser.parse_args()


def build():
    model = Sequential([Dense(10, input_shape=(20,))])
    model.compile(optimizer="adam", loss="mse")
    return model


def train(model, steps):
    datagen = ImageDataGenerator(rescale=1. / 255)
    val_gen = datagen.flow_from_directory("data/val", batch_size=4)
    train_gen = datagen.flow_from_directory("data/train", target_size=(64, 64), batch_size=16)
    model.fit_generator(train_gen, steps_per_epoch=steps, epochs=args.epochs, validation_data=val_gen)


if __name__ == "__main__":
    model = build()
    if args.mode == "train":
        train(model, 500)
    elif args.mode == "test":
        model.evaluate()
`;

describe("Keras ImageDataGenerator iterators as the batch", () => {
  it("reads the batch of the flow_from_directory iterator fit_generator trains on, not the validation one's", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.batch?.value, 16);
    assert.match(plan.batch!.detail, /flow_from_directory\(batch_size=16\)/);
    assert.equal(plan.epochs?.value, 12);
    assert.equal(plan.steps?.value, 12 * 500);
  });

  it("takes ImageDataGenerator's default batch of 32 where the iterator gives none", async () => {
    const plan = (await analyze(SCRIPT.replace(", batch_size=16)", ")"))).training ?? {};
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.batch?.source, "default");
    assert.match(plan.batch!.detail, /ImageDataGenerator.s default batch_size=32/);
  });

  it("reads the batch of an image_dataset_from_directory dataset a fit trains on, 32 by default", async () => {
    const script = `import tensorflow as tf
train_ds = tf.keras.utils.image_dataset_from_directory("data/train", validation_split=0.2, subset="training", seed=1, image_size=(180, 180), batch_size=16)
val_ds = tf.keras.utils.image_dataset_from_directory("data/train", validation_split=0.2, subset="validation", seed=1, image_size=(180, 180), batch_size=8)
train_ds = train_ds.cache().prefetch(buffer_size=tf.data.AUTOTUNE)
model = tf.keras.Sequential([tf.keras.layers.Rescaling(1. / 255, input_shape=(180, 180, 3)), tf.keras.layers.Flatten(), tf.keras.layers.Dense(5)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, validation_data=val_ds, epochs=9)
`;
    const plan = (await analyze(script)).training ?? {};
    assert.equal(plan.batch?.value, 16);
    assert.match(plan.batch!.detail, /image_dataset_from_directory\(batch_size=16\)/);
    const unstated = (await analyze(script.replace(", batch_size=16)", ")"))).training ?? {};
    assert.equal(unstated.batch?.value, 32);
    assert.match(unstated.batch!.detail, /api\/data_loading/);
  });
});
