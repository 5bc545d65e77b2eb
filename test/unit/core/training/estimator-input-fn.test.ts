import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An Estimator's train(input_fn, steps=N): the rows its input_fn's tf.data pipeline slices a pass are the run's
// samples (src/core/training/estimator-steps.ts inputFnData).
const SCRIPT = `import numpy as np
import tensorflow as tf

measures = {"width": np.zeros(640), "depth": np.zeros(640)}
kinds = np.zeros(640, dtype="int64")

def feed(features, labels, size):
    data = tf.data.Dataset.from_tensor_slices((dict(features), labels))
    return data.shuffle(1000).repeat().batch(size)

columns = [tf.feature_column.numeric_column(key=k) for k in measures]
model = tf.estimator.DNNClassifier(feature_columns=columns, hidden_units=[8, 8], n_classes=3)
model.train(input_fn=lambda: feed(measures, kinds, 64), steps=500)
`;

describe("an Estimator trained on its input_fn's pipeline", () => {
  it("takes the rows the pipeline slices as the samples, beside train's steps and the pipeline's batch", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.batch?.value, plan.samples?.value], [500, 64, 640]);
  });

  it("calls an input_fn given by name, as the Estimator does", async () => {
    const named = SCRIPT.replace("model.train(input_fn=lambda: feed(measures, kinds, 64), steps=500)", `def train_input_fn():
    return feed(measures, kinds, 64)

model.train(input_fn=train_input_fn, steps=500)`);
    const plan = (await analyze(named)).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.samples?.value], [500, 640]);
  });

  it("follows a TF 1.x input_fn that returns its iterator's next element", async () => {
    const drawn = SCRIPT.replace("    return data.shuffle(1000).repeat().batch(size)", "    return data.shuffle(1000).repeat().batch(size).make_one_shot_iterator().get_next()");
    const plan = (await analyze(drawn)).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.samples?.value], [500, 640]);
  });
});
