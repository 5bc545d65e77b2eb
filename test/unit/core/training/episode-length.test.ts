import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: an off-policy agent updating a fixed number of times after each environment step,
// inside episodes that end when the environment says.
function script(env: string, episodeLoop: string, extra = "") {
  return `import argparse
import gym
import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument('--num_episodes', type=int, default=100)
parser.add_argument('--updates_per_step', type=int, default=5)
parser.add_argument('--num_steps', type=int, default=777, help='max episode length')
args = parser.parse_args()
${extra}
env = gym.make('${env}')
net = nn.Linear(env.observation_space.shape[0], env.action_space.shape[0])
opt = torch.optim.Adam(net.parameters(), lr=1e-3)

for i_episode in range(args.num_episodes):
    state = env.reset()
    done = False
    ${episodeLoop}
        state, reward, done, _ = env.step(0)
        for _ in range(args.updates_per_step):
            opt.zero_grad()
            net(torch.randn(8, env.observation_space.shape[0])).sum().backward()
            opt.step()
${episodeLoop.startsWith("while True") || episodeLoop.startsWith("for ") ? "        if done:\n            break\n" : ""}`;
}

describe("episode loops of environments that never terminate (src/core/training/episode-length.ts)", () => {
  it("`while True: ... if done: break` on Pendulum runs its 200-step time limit: episodes × 200 × updates", async () => {
    const result = await analyze(script("Pendulum-v1", "while True:"));
    assert.strictEqual(result.training?.steps?.value, 100 * 200 * 5);
  });

  it("`while not done:` on HalfCheetah runs 1000 steps an episode", async () => {
    const result = await analyze(script("HalfCheetah-v4", "while not done:"));
    assert.strictEqual(result.training?.steps?.value, 100 * 1000 * 5);
  });

  it("an environment that terminates (MountainCarContinuous reaching the flag) leaves the run's steps unknown, and an unread --num_steps is no run length", async () => {
    const result = await analyze(script("MountainCarContinuous-v0", "while True:"));
    assert.strictEqual(result.training?.steps, undefined);
  });

  it("an option named for steps that the code reads is still the run's length", async () => {
    const result = await analyze(script("MountainCarContinuous-v0", "while True:", "total_steps = args.num_steps"));
    assert.strictEqual(result.training?.steps?.value, 777);
  });

  it("`for t in range(1000): ... if done: break` on Pendulum stops at its 200-step time limit, exactly, where that comes first", async () => {
    const result = await analyze(script("Pendulum-v1", "for t in range(1000):"));
    assert.strictEqual(result.training?.steps?.value, 100 * 200 * 5);
    assert.ok(!(result.training?.notes ?? []).some((n) => n.startsWith("steps: at most")), JSON.stringify(result.training?.notes));
    // a shorter loop than the time limit runs whole
    const short = await analyze(script("Pendulum-v1", "for t in range(150):"));
    assert.strictEqual(short.training?.steps?.value, 100 * 150 * 5);
  });

  it("the same loop in an environment that terminates is an upper bound, said so", async () => {
    const result = await analyze(script("MountainCarContinuous-v0", "for t in range(1000):"));
    assert.strictEqual(result.training?.steps?.value, 100 * 1000 * 5);
    assert.match(result.training?.steps?.detail ?? "", /^at most .*upper bound/);
  });

  // An off-policy agent whose update is the episode loop's own body (one update an environment step), the environment
  // wrapped by a recorder as older gym scripts do.
  function stepEpisode(env: string, wrap: string) {
    return `import gym
from gym import wrappers
import torch
import torch.nn as nn

env = gym.make('${env}')
${wrap}
net = nn.Linear(3, 1)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)

def main():
    for i in range(300):
        s = env.reset()
        while True:
            s2, r, terminal, info = env.step(0)
            opt.zero_grad()
            net(torch.randn(64, 3)).sum().backward()
            opt.step()
            if terminal:
                break

main()
`;
  }

  it("a `while True:` episode that is itself the step loop runs the time limit each episode: 300 × 200 on Pendulum, through gym's recording wrappers", async () => {
    for (const wrap of ["", "env = wrappers.Monitor(env, './video')", "env = gym.wrappers.RecordEpisodeStatistics(env)"]) {
      const result = await analyze(stepEpisode("Pendulum-v1", wrap));
      assert.strictEqual(result.training?.steps?.value, 300 * 200, wrap);
      assert.match(result.training?.steps?.detail ?? "", /200 steps an episode/);
    }
  });

  it("gym's TimeLimit(env, max_episode_steps=50) sets its own limit; a terminating environment leaves the steps unknown", async () => {
    const limited = await analyze(stepEpisode("Pendulum-v1", "env = wrappers.TimeLimit(env, max_episode_steps=50)"));
    assert.strictEqual(limited.training?.steps?.value, 300 * 50);
    const falls = await analyze(stepEpisode("CartPole-v1", "env = wrappers.Monitor(env, './video')"));
    assert.strictEqual(falls.training?.steps, undefined);
  });
});
