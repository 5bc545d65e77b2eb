import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Our own Keras fine-tune of a hub model on part of IMDb handed to Keras as tf.data; CONVERT makes what fit takes.
const script = (convert: string) => `import tensorflow as tf
from datasets import load_dataset
from transformers import TFAutoModelForSequenceClassification

reviews = load_dataset("imdb")
kept = reviews["train"].shuffle(seed=1).select(range(1200))
held = reviews["test"].select(range(300))
${convert}
model = TFAutoModelForSequenceClassification.from_pretrained("bert-base-cased", num_labels=2)
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(train_tf, validation_data=held_tf, epochs=2)
`;

const runOf = async (convert: string) => {
  const plan = (await analyze(script(convert))).training;
  return [plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value, plan ? planOptimizerSteps(plan)?.value : undefined];
};

describe("a Hugging Face dataset a Keras fit takes through to_tf_dataset (src/core/training/hub-tf-dataset.ts)", () => {
  it("to_tf_dataset(batch_size=B): the rows of the part it converts, in batches of B", async () => {
    assert.deepEqual(await runOf(`train_tf = kept.to_tf_dataset(columns=["input_ids"], label_cols=["label"], batch_size=16, shuffle=True)
held_tf = held.to_tf_dataset(columns=["input_ids"], label_cols=["label"], batch_size=64)`), [2, 16, 1200, 150]);
  });

  it("drop_remainder=True drops the last partial batch", async () => {
    assert.deepEqual(await runOf(`train_tf = kept.to_tf_dataset(columns=["input_ids"], batch_size=50, drop_remainder=True)
held_tf = held.to_tf_dataset(columns=["input_ids"], batch_size=64)`), [2, 50, 1200, 48]);
  });

  it("no batch_size: no batch read (the rows come unbatched)", async () => {
    const [, batch, samples] = await runOf(`train_tf = kept.to_tf_dataset(columns=["input_ids"])
held_tf = held.to_tf_dataset(columns=["input_ids"])`);
    assert.equal(batch, undefined);
    assert.equal(samples, 1200);
  });
});
