import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { workspaceFolder, type WorkspaceFolder } from "../../helpers/workspace-folder";

// Keras' directory readers over a class-per-folder dataset the workspace holds (directory-datasets.ts), on a real
// folder tree read through the CLI's disk files: the training part's files are a fit's samples, and the dataset's
// class_names the folders' names.
describe("Keras directory readers (directory-datasets.ts)", function () {
  this.timeout(30_000);
  let folder: WorkspaceFolder;
  before(() => {
    folder = workspaceFolder("greenlight-keras-folders-");
    for (let i = 0; i < 7; i++) folder.put(`data/train/cats/c${i}.jpg`);
    for (let i = 0; i < 4; i++) folder.put(`data/train/dogs/d${i}.PNG`);
    folder.put("data/train/dogs/old/d9.jpeg");
    folder.put("data/train/dogs/notes.txt");
    for (let i = 0; i < 3; i++) folder.put(`data/train/owls/o${i}.gif`);
  });
  after(() => folder.remove());


  it("counts what flow_from_directory's training subset keeps: each class folder cut at int(validation_split * n)", async () => {
    const result = await folder.analyze(`from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator
datagen = ImageDataGenerator(rescale=1 / 255.0, validation_split=0.3)
train_gen = datagen.flow_from_directory("data/train", target_size=(32, 32), batch_size=2, subset="training")
val_gen = datagen.flow_from_directory("data/train", target_size=(32, 32), batch_size=2, subset="validation")
model = keras.Sequential([keras.layers.Flatten(input_shape=(32, 32, 3)), keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train_gen, epochs=4, validation_data=val_gen)
`);
    // flow_from_directory takes no .gif: cats 7 - int(2.1) = 5, dogs 5 - int(1.5) = 4, owls 0: 9 images, 5 batches of 2.
    assert.equal(result.training?.samples?.value, 9, JSON.stringify(result.training?.samples));
    assert.equal(planOptimizerSteps(result.training ?? {})?.value, 20);
  });

  it("counts image_dataset_from_directory's training part: the whole list cut at int(validation_split * n)", async () => {
    const result = await folder.analyze(`import tensorflow as tf
train_ds = tf.keras.utils.image_dataset_from_directory("data/train", validation_split=0.25, subset="training", seed=1, image_size=(32, 32), batch_size=3)
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=2)
`);
    // 15 images (.jpg, .PNG, .jpeg, .gif), 15 - int(3.75) = 12 for training: 4 batches of 3 an epoch.
    assert.equal(result.training?.samples?.value, 12, JSON.stringify(result.training?.samples));
    assert.equal(planOptimizerSteps(result.training ?? {})?.value, 8);
  });
  it("gives the dataset its class_names, and a fit in another file the training part of a dataset it imports", async () => {
    const result = await folder.analyze(`import tensorflow as tf
from data import train_ds

num_classes = len(train_ds.class_names)
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(num_classes)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=3)
`, { "data.py": `import pathlib
import tensorflow as tf
train_ds, val_ds = tf.keras.utils.image_dataset_from_directory(pathlib.Path("data/train"), validation_split=0.2, subset="both", seed=1, image_size=(32, 32), batch_size=4)
` });
    assert.equal(result.models[0].params, 32 * 32 * 3 * 3 + 3);
    // 15 - int(3.0) = 12 for training, 3 batches of 4 an epoch.
    assert.equal(result.training?.samples?.value, 12, JSON.stringify(result.training?.samples));
    assert.equal(result.training?.batch?.value, 4);
    assert.equal(planOptimizerSteps(result.training ?? {})?.value, 9);
  });
});
