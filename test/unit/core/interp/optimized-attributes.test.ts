import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// An agent's target networks, updated only by copying or averaging, are not models the run trains
// (src/core/interp/optimized-attributes.ts).
describe("target networks an agent never gives an optimizer", () => {
  it("lists the networks whose parameters go to an optimizer, and notes the copies it leaves out", async () => {
    const result = await analyze(`import copy
import torch
import torch.nn as nn

class Agent:
    def __init__(self):
        self.policy_net = nn.Linear(4, 2)
        self.target_net = copy.deepcopy(self.policy_net)
        self.critic = nn.Linear(6, 1)
        self.critic_target = nn.Linear(6, 1)
        self.optimizer = torch.optim.Adam(list(self.policy_net.parameters()) + list(self.critic.parameters()), lr=1e-3)

    def soft_update(self, tau):
        for t, p in zip(self.critic_target.parameters(), self.critic.parameters()):
            t.data.copy_(tau * p.data + (1 - tau) * t.data)
        self.target_net.load_state_dict(self.policy_net.state_dict())

agent = Agent()
`);
    assert.deepEqual(result.models.map((m) => m.name).sort(), ["agent.critic", "agent.policy_net"]);
    assert.ok(result.notes.some((n) => n.includes("agent.target_net: not listed as a model the run trains")), JSON.stringify(result.notes));
  });

  it("a Keras agent: the model given to apply_gradients trains, the one set_weights copies into does not", async () => {
    const result = await analyze(`import tensorflow as tf

class Agent:
    def __init__(self):
        self.model = tf.keras.Sequential([tf.keras.layers.Dense(2, input_shape=(4,))])
        self.target = tf.keras.Sequential([tf.keras.layers.Dense(2, input_shape=(4,))])
        self.opt = tf.keras.optimizers.Adam(1e-3)

    def learn(self, x):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(self.model(x))
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.opt.apply_gradients(zip(grads, self.model.trainable_variables))
        self.target.set_weights(self.model.get_weights())

agent = Agent()
`);
    assert.deepEqual(result.models.map((m) => m.name), ["agent.model"]);
  });

  it("lists every network when the agent names no optimizer of its own (each network holds one)", async () => {
    const result = await analyze(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.optimizer = torch.optim.Adam(self.parameters())

    def forward(self, x):
        return self.fc(x)

class Agent:
    def __init__(self):
        self.actor = Net()
        self.target_actor = Net()

agent = Agent()
`);
    assert.ok(!result.notes.some((n) => n.includes("not listed as a model the run trains")), JSON.stringify(result.notes));
    assert.ok(result.models.length > 0);
  });
});
