import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Keras models stepped batch by batch at their own cadences (src/core/training/keras-update-owners.ts,
// epoch-cadences.ts), in a script written for this test: a critic trained twice in each of N_CRITIC inner passes, the
// combined model once an iteration, after the critic's loop.
const KERAS_GAN = (generatorStep: string) => `import numpy as np
from keras.layers import Input, Dense
from keras.models import Sequential, Model
from keras.optimizers import RMSprop


class Pair():
    def __init__(self):
        self.z_dim = 8
        self.n_critic = 4
        opt = RMSprop(lr=0.0001)
        self.critic = self.make_critic()
        self.critic.compile(loss="mse", optimizer=opt)
        self.critic.trainable = False
        self.gen = self.make_gen()
        z = Input(shape=(self.z_dim,))
        self.stacked = Model(z, self.critic(self.gen(z)))
        self.stacked.compile(loss="mse", optimizer=opt)

    def make_gen(self):
        net = Sequential()
        net.add(Dense(16, activation="relu", input_dim=self.z_dim))
        net.add(Dense(4))
        z = Input(shape=(self.z_dim,))
        return Model(z, net(z))

    def make_critic(self):
        net = Sequential()
        net.add(Dense(16, activation="relu", input_dim=4))
        net.add(Dense(1))
        x = Input(shape=(4,))
        return Model(x, net(x))

    def fit_pair(self, epochs, batch=16):
        data = np.random.normal(0, 1, (500, 4))
        ones = np.ones((batch, 1))
        for epoch in range(epochs):
            for _ in range(self.n_critic):
                idx = np.random.randint(0, data.shape[0], batch)
                z = np.random.normal(0, 1, (batch, self.z_dim))
                d_real = self.critic.train_on_batch(data[idx], ones)
                d_fake = self.critic.train_on_batch(self.gen.predict(z), -ones)
${generatorStep}


if __name__ == '__main__':
    pair = Pair()
    pair.fit_pair(epochs=250, batch=16)
`;

const stackedPlan = async (text: string) => {
  const result = await analyze(text);
  const model = result.models.find((m) => /stacked/.test(m.name));
  assert.ok(model, "the combined model is listed");
  return trainingPlanOf(result, model);
};

describe("Keras models stepped by train_on_batch at their own cadences (src/core/training/epoch-cadences.ts)", () => {
  it("gives a model trained once an iteration, beside a critic's counted loop, the iterations' count", async () => {
    const plan = await stackedPlan(KERAS_GAN("            g_loss = self.stacked.train_on_batch(z, ones)"));
    // 250 iterations: the critic's loop is 4 passes each (1,000, the plan's count), the stacked model steps once.
    assert.equal(plan && planOptimizerSteps(plan)?.value, 250);
    assert.match(plan?.steps?.detail ?? "", /self\.stacked\.train_on_batch\(z, ones\) runs once a pass of the epoch loop: 250 steps over its 250 passes/);
    assert.equal(plan?.batch?.value, 16);
  });

  it("reads a model trained every other iteration by the period on the loop's index", async () => {
    const plan = await stackedPlan(KERAS_GAN("            if epoch % 2 == 0:\n                self.stacked.train_on_batch(z, ones)"));
    assert.equal(plan && planOptimizerSteps(plan)?.value, 125);
  });

  it("leaves the plan's count where the model's step sits in the critic's loop with it", async () => {
    const plan = await stackedPlan(KERAS_GAN("                self.stacked.train_on_batch(z, ones)"));
    assert.equal(plan && planOptimizerSteps(plan)?.value, 1000);
  });
});
