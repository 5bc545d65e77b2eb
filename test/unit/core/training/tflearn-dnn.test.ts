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

// The DNN built in another of the project's files (`model = net.model`), fitted in a file that imports tflearn.
const network = `import tflearn

net = tflearn.input_data(shape=[None, 8])
net = tflearn.regression(tflearn.fully_connected(net, 2))
model = tflearn.DNN(net)
`;
const fitting = (imports: string, fit: string) => `import numpy as np
${imports}
import network

X = np.zeros((600, 8))
Y = np.zeros((600, 2))
model = network.model
model.fit(${fit})
`;
const foreignPlanOf = async (imports: string, fit: string) => (await analyze(fitting(imports, fit), { others: { "/project/network.py": network } })).training;

describe("tflearn's DNN.fit on a model another file builds", () => {
  it("is tflearn's where the file imports tflearn and no Keras", async () => {
    const training = await foreignPlanOf("import tflearn.datasets.mnist as mnist", "X, Y, validation_set=(X, Y)");
    assert.equal(training?.epochs?.value, 10);
    assert.notEqual(training?.batch?.value, 32);
  });

  it("is tflearn's wherever it is given n_epoch", async () => {
    const training = await foreignPlanOf("from tensorflow import keras", "X, Y, n_epoch=3");
    assert.equal(training?.epochs?.value, 3);
  });

  it("stays Keras' fit in a file that imports Keras", async () => {
    const training = await foreignPlanOf("from tensorflow import keras", "X, Y, epochs=3");
    assert.equal(training?.epochs?.value, 3);
    assert.equal(training?.batch?.value, 32);
  });
});

describe("tflearn's dataset loaders", () => {
  const loading = (imports: string) => `import tflearn
${imports}

X, Y, testX, testY = mnist.load_data(one_hot=True)
net = tflearn.input_data(shape=[None, 784])
net = tflearn.regression(tflearn.fully_connected(net, 10, activation="softmax"))
model = tflearn.DNN(net)
model.fit(X, Y, n_epoch=2, batch_size=100)
`;
  it("give MNIST's 55,000 training images of tflearn's loader", async () => {
    const training = (await analyze(loading("import tflearn.datasets.mnist as mnist"))).training;
    assert.equal(training?.samples?.value, 55000);
  });

  it("leave Keras' MNIST its 60,000", async () => {
    const training = (await analyze(loading("from keras.datasets import mnist"))).training;
    assert.equal(training?.samples?.value, 60000);
  });
});
