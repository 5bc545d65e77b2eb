import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A trainer that reads its data in __init__ and cuts it into a list of batch slices its fit() walks each epoch.
const SCRIPT = `import glob, json
import torch
from torch import nn

class Trainer:
    def __init__(self, data_dir, batch_size=32, epochs=20):
        self.graphs = [json.load(open(p)) for p in glob.glob(data_dir + "/*.json")]
        self.epochs = epochs
        self.batches = [self.graphs[i:i + batch_size] for i in range(0, len(self.graphs), batch_size)]
        self.model = nn.Linear(16, 1)
        self.opt = torch.optim.Adam(self.model.parameters())

    def fit(self):
        for epoch in range(self.epochs):
            for batch in self.batches:
                x = torch.tensor([g["x"] for g in batch], dtype=torch.float32)
                loss = self.model(x).mean()
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()

trainer = Trainer("graphs")
trainer.fit()
`;

// The same cut made by a method each epoch, with append over the strided range, from data built in the code.
const METHOD = `import random
import torch
from torch import nn

class Trainer:
    def __init__(self, batch_size=25):
        self.batch_size = batch_size
        self.pairs = [[float(i)] * 16 for i in range(300)]
        self.model = nn.Linear(16, 1)
        self.opt = torch.optim.Adam(self.model.parameters())

    def create_batches(self):
        random.shuffle(self.pairs)
        batches = []
        for i in range(0, len(self.pairs), self.batch_size):
            batches.append(self.pairs[i:i + self.batch_size])
        return batches

    def fit(self):
        for epoch in range(3):
            batches = self.create_batches()
            for batch in batches:
                loss = self.model(torch.tensor(batch)).mean()
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()

Trainer().fit()
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("a list of batch slices a trainer builds before its epochs", () => {
  it("reads the slice width as the batch, data of unknown size leaving the samples open", async () => {
    const p = await plan(SCRIPT);
    assert.equal(p.batch?.value, 32);
    assert.equal(p.epochs?.value, 20);
    assert.equal(p.samples, undefined);
    assert.match(p.batch!.detail, /slices of self\.graphs by batch_size/);
  });

  it("follows a method that returns the list built by append, and counts the data it slices", async () => {
    const p = await plan(METHOD);
    assert.equal(p.batch?.value, 25);
    assert.equal(p.samples?.value, 300);
    assert.equal(p.epochs?.value, 3);
  });

  it("needs the slice width to be the range's step", async () => {
    const p = await plan(SCRIPT.replace("self.graphs[i:i + batch_size]", "self.graphs[i:i + 1]"));
    assert.notEqual(p.batch?.value, 32);
  });
});

// A module function that shuffles features-by-samples columns and cuts them with k * S:(k + 1) * S, returned as a
// list of (inputs, labels) tuples, walked inside a session loop of a TF 1.x graph.
const COLUMNS = `import math
import numpy as np
import tensorflow as tf

def cut_batches(X, Y, size=512):
    m = X.shape[1]
    out = []
    order = list(np.random.permutation(m))
    sx = X[:, order]
    sy = Y[:, order]
    full = math.floor(m / size)
    for k in range(0, full):
        bx = sx[:, k * size:(k + 1) * size]
        by = sy[:, k * size:(k + 1) * size]
        out.append((bx, by))
    if m % size != 0:
        out.append((sx[:, full * size:m], sy[:, full * size:m]))
    return out

def fit(X_train, Y_train, epochs=40, size=128):
    x = tf.placeholder(tf.float32, (X_train.shape[0], None))
    y = tf.placeholder(tf.float32, (Y_train.shape[0], None))
    w = tf.Variable(tf.zeros((Y_train.shape[0], X_train.shape[0])))
    cost = tf.reduce_mean(tf.square(tf.matmul(w, x) - y))
    step = tf.train.AdamOptimizer(0.001).minimize(cost)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(epochs):
            batches = cut_batches(X_train, Y_train, size=size)
            for bx, by in batches:
                sess.run([step, cost], feed_dict={x: bx, y: by})

fit(np.random.randn(64, 1000), np.random.randn(3, 1000))
`;

describe("a list of batch slices a module function cuts and returns", () => {
  it("reads the width the call passes as the batch and the sliced axis' length as the samples", async () => {
    const p = await plan(COLUMNS);
    assert.equal(p.batch?.value, 128);
    assert.equal(p.samples?.value, 1000);
    assert.equal(p.epochs?.value, 40);
    assert.equal(p.steps?.value, 40 * 8);
  });

  it("takes the function's default width where the call passes none", async () => {
    const p = await plan(COLUMNS.replace("cut_batches(X_train, Y_train, size=size)", "cut_batches(X_train, Y_train)"));
    assert.equal(p.batch?.value, 512);
  });

  it("leaves the steps and samples open where the data's size is unknown, the batch still read", async () => {
    const p = await plan(COLUMNS.replace("fit(np.random.randn(64, 1000), np.random.randn(3, 1000))", "import h5py\nd = h5py.File('absent.h5')\nfit(d['x'][:], d['y'][:])"));
    assert.equal(p.batch?.value, 128);
    assert.equal(p.samples, undefined);
    assert.equal(p.steps, undefined);
    assert.equal(p.epochs?.value, 40);
  });

  it("needs the stop to be the next index times the same width", async () => {
    const p = await plan(COLUMNS.replace("sx[:, k * size:(k + 1) * size]", "sx[:, k * size:(k + 2) * size]"));
    assert.notEqual(p.batch?.value, 128);
  });
});
