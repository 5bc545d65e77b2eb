import { strict as assert } from "node:assert";
import { analyze, modelNamed } from "../../helpers/analyze";

// A model fed another model's output reads that output's shape where only a default said what it reads
// (src/core/interp/chained-model-inputs.ts): a GAN's discriminator of 32x32 images, not 224x224.
const NETS = `import torch
from torch import nn

class Maker(nn.Module):
    def __init__(self, noise=16):
        super().__init__()
        self.fc = nn.Linear(noise, 3 * 32 * 32)

    def forward(self, z):
        return torch.tanh(self.fc(z)).view(-1, 3, 32, 32)

class Judge(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 4, 2, 1)
        self.head = nn.Linear(8 * 16 * 16, 1)

    def forward(self, x):
        return self.head(torch.flatten(self.conv(x), 1))

maker = Maker()
judge = Judge()
`;

describe("models fed another model's output (chained-model-inputs.ts)", function () {
  this.timeout(30_000);
  it("gives a discriminator called on a generator's call that call's output shape", async () => {
    const result = await analyze(`${NETS}score = judge(maker(torch.rand(4, 16)).detach())\n`);
    const judge = modelNamed(result, "Judge");
    assert.deepEqual(judge.inputs.map((i) => i.shape), [[4, 3, 32, 32]]);
    assert.equal(judge.inputSource, "example");
    assert.equal(judge.complete, true);
  });

  it("follows a name the same function binds to the generator's call", async () => {
    const result = await analyze(`${NETS}
def train_step(z):
    fake = maker(z)
    return judge(fake.detach().to("cpu")).mean()
`);
    const judge = modelNamed(result, "Judge");
    // The generator's own input is its default (one sample): so is the image it hands on.
    assert.deepEqual(judge.inputs.map((i) => i.shape), [[1, 3, 32, 32]]);
    assert.equal(judge.complete, true);
  });

  it("leaves a model that nothing feeds, or that is fed two arguments, to the defaults", async () => {
    const alone = modelNamed(await analyze(NETS), "Judge");
    assert.equal(alone.inputSource, "default");
    assert.equal(alone.complete, false, "the 224x224 default does not fit the head: the case the rule is for");
    const two = modelNamed(await analyze(`${NETS}score = judge(maker(torch.rand(4, 16)), 1)\n`), "Judge");
    assert.equal(two.inputSource, "default");
  });
});
