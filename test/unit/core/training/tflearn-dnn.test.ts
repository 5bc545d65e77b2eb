import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// tflearn's DNN.fit names its epoch count n_epoch (10 when left out) and takes its batch by keyword
// (src/core/training/tflearn-dnn.ts). A script written for this test.
const script = (fit: string) => `import numpy as np
import tflearn

X = np.zeros((600, 8))
Y = np.zeros((600, 2))
net = tflearn.input_data(shape=[None, 8])
net = tflearn.fully_connected(net, 2, activation="softmax")
net = tflearn.regression(net)
model = tflearn.DNN(net)
model.fit(${fit})
`;
const planOf = async (fit: string) => (await analyze(script(fit))).training;

describe("tflearn's DNN.fit", () => {
  it("runs n_epoch epochs in batches of batch_size", async () => {
    const training = await planOf("X, Y, n_epoch=7, batch_size=40, show_metric=True");
    assert.equal(training?.epochs?.value, 7);
    assert.equal(training?.batch?.value, 40);
  });

  it("runs its default 10 epochs when n_epoch is left out", async () => {
    const training = await planOf("X, Y, batch_size=40");
    assert.equal(training?.epochs?.value, 10);
  });

  it("reads a third positional argument as n_epoch, not a batch size", async () => {
    const training = await planOf("X, Y, 4");
    assert.equal(training?.epochs?.value, 4);
    assert.notEqual(training?.batch?.value, 4);
  });
});
