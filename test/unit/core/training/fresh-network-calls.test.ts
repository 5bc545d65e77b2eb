import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A training function called in turn on a name bound afresh between the calls trains another network each time:
// only the calls on the first network add up (src/core/training/fresh-network-calls.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const TORCH = (between: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

points = TensorDataset(torch.randn(800, 4), torch.randint(0, 2, (800,)))
loader = DataLoader(points, batch_size=40, shuffle=True)

def learn(net, rounds):
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for epoch in range(rounds):
        for x, y in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(net(x), y).backward()
            opt.step()
    return net

net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
net = learn(net, 3)
${between}
net = learn(net, 5)
`;

const KERAS = `import tensorflow as tf

(images, labels), _ = tf.keras.datasets.mnist.load_data()
images, labels = images[:300] / 255.0, labels[:300]
steps = tf.data.Dataset.from_tensor_slices((images, labels)).batch(30)
opt = tf.optimizers.SGD()

def fit_by_hand(m, passes):
    for epoch in range(passes):
        for x, y in steps:
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.losses.sparse_categorical_crossentropy(y, m(x)))
            grads = tape.gradient(loss, m.trainable_variables)
            opt.apply_gradients(zip(grads, m.trainable_variables))
    return m

m = tf.keras.Sequential([tf.keras.layers.Flatten(), tf.keras.layers.Dense(10, activation="softmax")])
m = fit_by_hand(m, 20)
m = tf.keras.Sequential([tf.keras.layers.Flatten(), tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(10, activation="softmax")])
m = fit_by_hand(m, 20)
`;

describe("training calls in turn on a network bound afresh", () => {
  it("counts only the first network's call when the name is bound to a new network between the calls", async () => {
    const plan = await planOf(TORCH("net = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 2))"));
    assert.equal(plan.epochs?.value, 3, "the second call trains another network");
    assert.ok(plan.notes?.some((n) => /bound afresh/.test(n)), "a note says why the later call is not counted");
  });

  it("still adds up the calls that go on training one network (net = learn(net, ...) reads the name)", async () => {
    const plan = await planOf(TORCH("print('stage two')"));
    assert.equal(plan.epochs?.value, 8);
  });

  it("reads a Keras function's network through its trainable_variables", async () => {
    const plan = await planOf(KERAS);
    assert.equal(plan.epochs?.value, 20, "not 40: each call trains its own Sequential");
    assert.equal(plan.samples?.value, 300);
  });

  // The first call at module level, later ones in a loop over settings that builds its network each pass (a notebook
  // comparing weight decays): the first network's run is the first call's, with that call's arguments.
  it("takes the first call's run where later calls in a loop each train a network the loop builds", async () => {
    const plan = await planOf(`import torch
from torch import nn

X = torch.randn(200, 8)
y = torch.randn(200, 1)

def fit(net, epochs=1000, wd=0.0):
    opt = torch.optim.Adam(net.parameters(), lr=0.01, weight_decay=wd)
    for epoch in range(epochs):
        loss = ((net(X) - y) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()

net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
fit(net, epochs=150)

for wd in [0.1, 0.3, 1.0]:
    net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
    fit(net, epochs=60, wd=wd)
`);
    // Before: 1,000 epochs, fit's default (its calls disagree, and are not in one block).
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [150, 200, 200]);
    assert.ok(plan.notes?.some((n) => n.includes("another network's training, not counted")), JSON.stringify(plan.notes));
  });
});
