import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// keras' pad_sequences over sequences the analyzer cannot count stands in one row for shapes, but len() of it is
// unknown (twentieth round, keras2-modules.ts): slicing it by hand must not read one batch an epoch.
const script = (data: string) => `import json
import torch
from keras.preprocessing import sequence

x_train = ${data}
x_train = sequence.pad_sequences(x_train, maxlen=50)
net = torch.nn.Linear(50, 2)
opt = torch.optim.Adam(net.parameters())
for epoch in range(10):
    for i in range(0, len(x_train), 64):
        bx = torch.FloatTensor(x_train[i:i + 64])
        opt.zero_grad()
        net(bx).sum().backward()
        opt.step()
`;

describe("pad_sequences over data of unknown length (src/core/keras/keras2-modules.ts)", () => {
  it("loaded sequences: the epochs and batch are read, the steps stay unknown (before: 10, one slice an epoch)", async () => {
    const plan = (await analyze(script(`json.load(open("reviews.json"))`))).training ?? {};
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.batch?.value, 64);
    assert.equal(plan.steps, undefined);
  });

  it("sequences the code states keep their count: 640 rows are 10 slices of 64 an epoch", async () => {
    const plan = (await analyze(script(`[[1, 2, 3]] * 640`))).training ?? {};
    assert.equal(plan.steps?.value, 100);
  });
});

// A Keras fit on padded sequences takes its samples from the array's rows (value-figures.ts leadingDimension): the
// stand-in row is no count of them, so the fit reads no samples from it.
const fitScript = (data: string) => `import pickle
from keras.models import Sequential
from keras.layers import Dense, Embedding, LSTM
from keras.preprocessing import sequence
from keras.datasets import imdb

${data}
x_train = sequence.pad_sequences(x_train, maxlen=80)
model = Sequential()
model.add(Embedding(2000, 16, input_length=80))
model.add(LSTM(16))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(x_train, y_train, batch_size=32, epochs=3)
`;

describe("a Keras fit on pad_sequences over data of unknown length", () => {
  it("pickled sequences: samples unknown, not one row (one step an epoch)", async () => {
    const plan = (await analyze(fitScript(`x_train, y_train = pickle.load(open("posts.pkl", "rb"))`))).training ?? {};
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.samples, undefined);
    assert.equal(plan.steps, undefined);
  });

  it("sequences gathered by a loop over a file the workspace lacks, then numpy.array of them: samples unknown", async () => {
    const gathered = `x_train, y_train = [], []
with open("posts.tsv") as f:
    for line in f:
        x_train.append([int(t) for t in line.split()[1:]])
        y_train.append(int(line.split()[0]))
`;
    const plan = (await analyze(fitScript(gathered).replace("model.fit(x_train, y_train,", "import numpy as np\nmodel.fit(np.array(x_train), np.array(y_train),"))).training ?? {};
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.samples, undefined);
    assert.equal(plan.steps, undefined);
  });

  it("padded sequences of uncounted rows reshaped on their own first dimension stay uncounted", async () => {
    const plan = (await analyze(fitScript(`x_train, y_train = pickle.load(open("posts.pkl", "rb"))`).replace("model.fit(", "x_train = x_train.reshape(x_train.shape[0], 80)\nmodel.fit("))).training ?? {};
    assert.equal(plan.batch?.value, 32);
    assert.equal(plan.samples, undefined);
  });

  it("imdb's training reviews keep their 25,000 rows through pad_sequences", async () => {
    const plan = (await analyze(fitScript(`(x_train, y_train), _ = imdb.load_data(num_words=2000)`))).training ?? {};
    assert.equal(plan.samples?.value, 25000);
    assert.equal(plan.epochs?.value, 3);
  });
});
