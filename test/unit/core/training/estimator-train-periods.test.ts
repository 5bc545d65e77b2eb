import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An Estimator trained a few steps at a time: `train(input_fn, steps=N)` adds N steps to the global step at each call
// (tensorflow.org/api_docs/python/tf/estimator/Estimator#train), so a counted loop of such calls, each followed by an
// evaluation, trains loop × N steps; and the batch is the one its input_fn's own call asks for, where the shared input
// function's `.batch(batch_size)` read alone has only its parameter's default (src/core/training/training-plan.ts).
const SCRIPT = `import numpy as np
import tensorflow as tf

table = {"area": np.zeros(900), "price": np.zeros(900)}

def make_input(features, targets, batch_size=1, shuffle=True, num_epochs=None):
    data = tf.data.Dataset.from_tensor_slices((features, targets))
    data = data.batch(batch_size).repeat(num_epochs)
    if shuffle:
        data = data.shuffle(buffer_size=5000)
    columns, answers = data.make_one_shot_iterator().get_next()
    return columns, answers

def fit_in_rounds(total_steps, batch_size):
    rounds = 8
    regressor = tf.estimator.LinearRegressor(feature_columns=[tf.feature_column.numeric_column("area")])
    train_feed = lambda: make_input({"area": table["area"]}, table["price"], batch_size=batch_size)
    check_feed = lambda: make_input({"area": table["area"]}, table["price"], num_epochs=1, shuffle=False)
    for round_index in range(0, rounds):
        regressor.train(input_fn=train_feed, steps=total_steps / rounds)
        scores = list(regressor.predict(input_fn=check_feed))

fit_in_rounds(total_steps=400, batch_size=20)
`;

describe("an Estimator trained in rounds of steps", () => {
  it("adds up train's steps over the counted loop that calls it", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    // 8 rounds of 400 / 8 = 50 steps.
    assert.equal(plan.steps?.value, 400);
  });

  it("keeps one call's steps where train is given max_steps, the global step to stop at", async () => {
    const plan = (await analyze(SCRIPT.replace("steps=total_steps / rounds)", "max_steps=total_steps)"))).training ?? {};
    assert.equal(plan.steps?.value, 400);
  });

  it("takes the batch and rows its input_fn's call asks for, not the input function's defaults", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value], [20, 900]);
  });
});
