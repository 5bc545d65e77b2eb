import { strict as assert } from "node:assert";
import { trainingPlanJson } from "../../../../src/cli/estimate-options";
import { analyze } from "../../helpers/analyze";

// Horovod as a plain `python train.py` runs it, one process (src/core/interp/horovod-package.ts): size() is 1 and
// rank() 0, so a run scaled by them has its figures, and the wrapped optimizer is still the model's.
const KERAS = `import math
import numpy as np
import tensorflow as tf
import horovod.tensorflow.keras as hvd

hvd.init()
samples = np.zeros((4000, 20), dtype="float32")
labels = np.zeros((4000,), dtype="int64")
data = tf.data.Dataset.from_tensor_slices((samples, labels)).repeat().shuffle(1000).batch(50)

net = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu", input_shape=(20,)), tf.keras.layers.Dense(4)])
opt = hvd.DistributedOptimizer(tf.optimizers.SGD(0.01 * hvd.size()))
net.compile(loss="sparse_categorical_crossentropy", optimizer=opt)
callbacks = [hvd.callbacks.BroadcastGlobalVariablesCallback(0), hvd.callbacks.MetricAverageCallback()]
rounds = int(math.ceil(6.0 / hvd.size()))
net.fit(data, steps_per_epoch=240 // hvd.size(), epochs=rounds, callbacks=callbacks, verbose=1 if hvd.rank() == 0 else 0)
`;

const TORCH = `import torch
import torch.nn as nn
import horovod.torch as hvd
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

hvd.init()
points = TensorDataset(torch.zeros(3000, 8), torch.zeros(3000))
sampler = DistributedSampler(points, num_replicas=hvd.size(), rank=hvd.rank())
loader = DataLoader(points, batch_size=400 // (4 * hvd.size()), sampler=sampler)
net = nn.Linear(8, 1)
optimizer = hvd.DistributedOptimizer(torch.optim.SGD(net.parameters(), lr=0.01 * hvd.size()), named_parameters=net.named_parameters())
hvd.broadcast_parameters(net.state_dict(), root_rank=0)
for epoch in range(3 // hvd.local_size()):
    for x, y in loader:
        optimizer.zero_grad()
        loss = ((net(x).squeeze(1) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
`;

describe("Horovod in a plain one-process run", () => {
  it("gives size() 1 to the epochs and steps a Keras fit is scaled by", async () => {
    const plan = (await analyze(KERAS)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.steps?.value, plan.batch?.value], [6, 1440, 50]);
  });

  it("gives size() 1 and rank() 0 to a PyTorch sampler, whose one replica walks every row", async () => {
    const json = trainingPlanJson((await analyze(TORCH)).training ?? {}) as { epochs: number; optimizer_steps: number; batch: number; samples: number };
    assert.deepEqual([json.epochs, json.optimizer_steps, json.batch, json.samples], [3, 90, 100, 3000]);
  });
});
