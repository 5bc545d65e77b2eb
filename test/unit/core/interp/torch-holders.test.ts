import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// A torch module with no forward() that holds the networks its loop steps one by one (src/core/analyze.ts holderParts).
const GAN = (extra = "") => `import torch
import torch.nn as nn

class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.view(self.shape)

class GAN(nn.Module):
    def __init__(self):
        super().__init__()
        self.generator = nn.Sequential(nn.Linear(16, 64), Reshape(-1, 1, 8, 8), nn.Tanh())
        self.discriminator = nn.Sequential(nn.Flatten(), nn.Linear(64, 1))${extra}

    def generator_forward(self, z):
        return self.generator(z)

    def discriminator_forward(self, img):
        return self.discriminator(img)

model = GAN()
opt_g = torch.optim.Adam(model.generator.parameters())
opt_d = torch.optim.Adam(model.discriminator.parameters())
for epoch in range(3):
    for step in range(100):
        z = torch.randn(32, 16)
        fake = model.generator_forward(z)
        opt_d.zero_grad()
        model.discriminator_forward(fake.detach()).mean().backward()
        opt_d.step()
        opt_g.zero_grad()
        (-model.discriminator_forward(fake)).mean().backward()
        opt_g.step()
`;

describe("a torch module with no forward() that holds its networks", () => {
  it("lists the parts its loop runs as models with their own figures, not the holder or the layer classes inside them", async () => {
    const result = await analyze(GAN());
    assert.deepEqual(result.models.map((m) => [m.name, m.params, m.complete]), [
      ["GAN.generator", 16 * 64 + 64, true],
      ["GAN.discriminator", 64 + 1, true],
    ]);
    assert.ok(result.models.every((m) => m.flops > 0));
  });

  it("does not list a container part (a ModuleList) as a model of its own", async () => {
    const result = await analyze(GAN("\n        self.heads = nn.ModuleList([nn.Linear(64, 1) for _ in range(2)])"));
    assert.deepEqual(result.models.map((m) => m.name), ["GAN.generator", "GAN.discriminator"]);
  });
});
