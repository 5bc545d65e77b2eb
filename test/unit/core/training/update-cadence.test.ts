import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Networks stepped in one loop at their optimizers' own cadences (src/core/training/update-cadence.ts,
// cadence-plans.ts), in scripts written for this test: a critic every pass and a generator every N, a critic N times
// a pass, an actor delayed by a period on a step counter.
const NETS = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

class Gen(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 32)

    def forward(self, z):
        return self.fc(z)

class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 1)

    def forward(self, x):
        return self.fc(x)

`;

const GATED = (gate: string, extra = "") => `${NETS}N_CRITIC = 5
data = TensorDataset(torch.randn(1000, 32))
loader = DataLoader(data, batch_size=10)
gen = Gen()
critic = Critic()
opt_g = torch.optim.RMSprop(gen.parameters(), lr=5e-5)
opt_c = torch.optim.RMSprop(critic.parameters(), lr=5e-5)
${extra}
for epoch in range(4):
    for i, (x,) in enumerate(loader):
        z = torch.randn(10, 16)
        loss_c = critic(gen(z).detach()).mean() - critic(x).mean()
        opt_c.zero_grad()
        loss_c.backward()
        opt_c.step()
        if ${gate}:
            loss_g = -critic(gen(z)).mean()
            opt_g.zero_grad()
            loss_g.backward()
            opt_g.step()
`;

const stepsOf = async (text: string) => {
  const result = await analyze(text);
  const of = (name: string) => {
    const model = result.models.find((m) => m.name === name);
    assert.ok(model, `${name} is listed`);
    return trainingPlanOf(result, model);
  };
  return { gen: of("Gen"), critic: of("Critic"), file: result.training };
};

describe("networks stepped at their optimizers' own cadences (src/core/training/update-cadence.ts)", () => {
  it("gives a generator stepped when i % N == 0 one step in N passes of each epoch, the critic every pass", async () => {
    const { gen, critic, file } = await stepsOf(GATED("i % N_CRITIC == 0"));
    assert.doesNotMatch(file?.notes?.join("\n") ?? "", /cannot count/);
    // 100 batches an epoch: passes 0, 5, ..., 95 step the generator, 20 an epoch.
    assert.equal(gen && planOptimizerSteps(gen)?.value, 80);
    assert.match(gen?.steps?.detail ?? "", /opt_g\.step\(\) runs one pass in 5 \(if i % N_CRITIC == 0\)/);
    assert.equal(critic && planOptimizerSteps(critic)?.value, 400);
    assert.equal(gen?.batch?.value, 10);
    assert.equal(gen?.epochs?.value, 4);
  });

  it("counts the passes a shifted period lets through in each epoch: (i + 1) % 3 == 0 is passes 2, 5, ..., 98", async () => {
    const { gen } = await stepsOf(GATED("(i + 1) % 3 == 0"));
    assert.equal(gen && planOptimizerSteps(gen)?.value, 4 * 33);
  });

  it("multiplies a critic stepped in a counted inner loop by that loop's count", async () => {
    const text = `${NETS}gen = Gen()
critic = Critic()
opt_g = torch.optim.Adam(gen.parameters())
opt_c = torch.optim.Adam(critic.parameters())
CRITIC_ITERS = 5
for iteration in range(2000):
    for _ in range(CRITIC_ITERS):
        x = torch.randn(64, 32)
        loss_c = critic(gen(torch.randn(64, 16)).detach()).mean() - critic(x).mean()
        opt_c.zero_grad()
        loss_c.backward()
        opt_c.step()
    loss_g = -critic(gen(torch.randn(64, 16))).mean()
    opt_g.zero_grad()
    loss_g.backward()
    opt_g.step()
`;
    const { gen, critic } = await stepsOf(text);
    assert.equal(gen?.steps?.value, 2000);
    assert.equal(critic?.steps?.value, 10000);
    assert.match(critic?.steps?.detail ?? "", /5 times a pass \(for \.\.\. in range\(CRITIC_ITERS\)\)/);
  });

  it("delays an actor on the loop's index past a start both updates share (TD3's policy delay)", async () => {
    const text = `${NETS}actor = Gen()
qf = Critic()
actor_optimizer = torch.optim.Adam(actor.parameters())
q_optimizer = torch.optim.Adam(list(qf.parameters()))
policy_frequency = 2
learning_starts = 1000
batch_size = 256
for global_step in range(11000):
    if global_step > learning_starts:
        x = torch.randn(batch_size, 32)
        q_loss = qf(x).mean()
        q_optimizer.zero_grad()
        q_loss.backward()
        q_optimizer.step()
        if global_step % policy_frequency == 0:
            actor_loss = -qf(actor(torch.randn(batch_size, 16))).mean()
            actor_optimizer.zero_grad()
            actor_loss.backward()
            actor_optimizer.step()
`;
    const { gen: actor, critic } = await stepsOf(text);
    // Indices 1001..10999 pass the start: 9,999 critic steps; the even ones among them, 4,999, are the actor's. The
    // period is counted over the passes as from the range's start, so 5,000 is as good (0.02%).
    assert.equal(critic?.steps?.value, 9999);
    assert.ok(actor?.steps && Math.abs(actor.steps.value - 4999.5) <= 1, `actor steps ${actor?.steps?.value}`);
  });

  it("follows the pass into functions of the file that step, an optimizer parameter standing for the call's argument", async () => {
    const text = `${NETS}data = TensorDataset(torch.randn(1000, 32))
loader = DataLoader(data, batch_size=10)
gen = Gen()
critic = Critic()
opt_g = torch.optim.Adam(gen.parameters())
opt_c = torch.optim.Adam(critic.parameters())

def critic_update(net, optimizer, x):
    loss = net(gen(torch.randn(10, 16)).detach()).mean() - net(x).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss

def generator_update():
    loss = -critic(gen(torch.randn(10, 16))).mean()
    opt_g.zero_grad()
    loss.backward()
    opt_g.step()

for epoch in range(4):
    for i, (x,) in enumerate(loader):
        loss_c = critic_update(critic, opt_c, x)
        if i % 4 == 0:
            generator_update()
`;
    const { gen, critic } = await stepsOf(text);
    assert.equal(gen && planOptimizerSteps(gen)?.value, 4 * 25);
    assert.equal(critic && planOptimizerSteps(critic)?.value, 400);
  });

  it("reads a period in a called function on the parameter the call hands the loop's index to, its count the call's or the default", async () => {
    const text = (call: string) => `${NETS}gen = Gen()
critic = Critic()
opt_g = torch.optim.Adam(gen.parameters())
opt_c = torch.optim.Adam(critic.parameters())

def update(step, batch_size, delay=2):
    x = torch.randn(batch_size, 32)
    loss_c = critic(x).mean()
    opt_c.zero_grad()
    loss_c.backward()
    opt_c.step()
    if step % delay == 0:
        loss_g = -critic(gen(torch.randn(batch_size, 16))).mean()
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()

for step in range(3000):
    ${call}
`;
    const byDefault = await stepsOf(text("update(step, 64)"));
    assert.equal(byDefault.gen?.steps?.value, 1500);
    assert.equal(byDefault.critic?.steps?.value, 3000, "the critic keeps the loop's count");
    assert.equal((await stepsOf(text("update(step, 64, delay=3)"))).gen?.steps?.value, 1000);
    // No index handed to the parameter the gate reads: no period of the loop, the plan's count stands.
    assert.equal((await stepsOf(text("update(0, 64)"))).gen?.steps?.value, 3000);
  });

  it("leaves every network at the plan's count where the gate is no period of the loop's index, and says so", async () => {
    const { gen, critic, file } = await stepsOf(GATED("loss_c.item() < 0"));
    assert.equal(gen && planOptimizerSteps(gen)?.value, 400);
    assert.equal(critic && planOptimizerSteps(critic)?.value, 400);
    assert.equal(file?.updateCadences, undefined);
    assert.match(file?.notes?.join("\n") ?? "", /steps: opt_g\.step\(\) runs under if loss_c\.item\(\) < 0, which the analysis cannot count: its networks are given the loop's count, an upper bound \(line \d+\)/);
    // Said of the generator its optimizer trains, not of the critic.
    assert.ok(gen?.notes?.some((n) => n.startsWith("steps: opt_g.step()")));
    assert.ok(!critic?.notes?.some((n) => n.startsWith("steps: opt_g.step()")), "no note of another optimizer's count on the critic");
  });

  it("reads nothing where one optimizer takes both networks' parameters", async () => {
    const text = GATED("i % N_CRITIC == 0").replace("opt_c = torch.optim.RMSprop(critic.parameters(), lr=5e-5)", "opt_c = torch.optim.RMSprop(list(critic.parameters()) + list(gen.parameters()), lr=5e-5)").replace("opt_g = torch.optim.RMSprop(gen.parameters(), lr=5e-5)", "opt_g = torch.optim.RMSprop(list(critic.parameters()) + list(gen.parameters()), lr=5e-5)");
    const { gen } = await stepsOf(text);
    assert.equal(gen?.steps, undefined);
  });

  it("counts each step of an optimizer stepped at several places of one block on every pass that reaches it", async () => {
    const { gen, critic } = await stepsOf(`${NETS}gen = Gen()
critic = Critic()
opt_g = torch.optim.Adam(gen.parameters())
opt_c = torch.optim.Adam(critic.parameters())
for iteration in range(600):
    x = torch.randn(64, 32)
    opt_c.zero_grad()
    critic(x).mean().backward()
    opt_c.step()
    opt_c.zero_grad()
    (-critic(gen(torch.randn(64, 16)).detach()).mean()).backward()
    opt_c.step()
    if iteration % 3 == 0:
        opt_g.zero_grad()
        (-critic(gen(torch.randn(64, 16))).mean()).backward()
        opt_g.step()
`);
    assert.equal(critic && planOptimizerSteps(critic)?.value, 1200);
    assert.match(critic?.steps?.detail ?? "", /opt_c\.step\(\) and the call beside it run once a pass/);
    assert.equal(gen && planOptimizerSteps(gen)?.value, 200);
  });
});
