import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A network whose every parameter is out of autograd once built (src/core/training/frozen-parameters.ts, and the
// interpreter's `p.requires_grad = False` / `module.requires_grad_(False)`), in scripts written for this test.
const SCRIPT = (build: string, after = "") => `import torch
import torch.nn as nn
import torch.nn.functional as F

class Features(nn.Module):
    def __init__(self, requires_grad=True):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, padding=1)
        self.c2 = nn.Conv2d(8, 8, 3, padding=1)
        if not requires_grad:
            for param in self.parameters():
                param.requires_grad = False

    def forward(self, x):
        return self.c2(F.relu(self.c1(x)))

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(3, 3, 3, padding=1)

    def forward(self, x):
        return self.c(x)

${build}
net = Net()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
${after}
for epoch in range(3):
    for i in range(50):
        x = torch.randn(4, 3, 32, 32)
        loss = F.mse_loss(features(net(x)), features(x))
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const plans = async (text: string) => {
  const result = await analyze(text);
  const features = result.models.find((m) => m.name === "Features")!;
  const net = result.models.find((m) => m.name === "Net")!;
  return { features, net, featuresPlan: trainingPlanOf(result, features), netPlan: trainingPlanOf(result, net) };
};

describe("networks frozen whole once built (src/core/training/frozen-parameters.ts)", () => {
  it("gives a network that freezes its own parameters in __init__ no run, and says why", async () => {
    const { features, featuresPlan, netPlan } = await plans(SCRIPT("features = Features(requires_grad=False)"));
    assert.equal(features.params, 808);
    assert.equal(features.trainableParams, 0);
    assert.equal(featuresPlan?.untrained, true);
    assert.match(featuresPlan?.notes?.join(" ") ?? "", /every parameter of features has requires_grad False/);
    assert.equal(netPlan?.untrained, undefined);
    assert.equal(netPlan?.steps?.value, 150);
  });

  it("reads module.requires_grad_(False) by the script as freezing every parameter", async () => {
    const { features, featuresPlan } = await plans(SCRIPT("features = Features()\nfeatures.requires_grad_(False)"));
    assert.equal(features.trainableParams, 0);
    assert.equal(featuresPlan?.untrained, true);
  });

  it("reads a requires_grad_ flag it cannot work out as the default, True: no network is called untrained on a guess", async () => {
    const { features, featuresPlan } = await plans(SCRIPT("from settings_not_in_project import TRAIN_FEATURES\nfeatures = Features(requires_grad=False)\nfeatures.requires_grad_(TRAIN_FEATURES)"));
    assert.equal(features.trainableParams, features.params);
    assert.notEqual(featuresPlan?.untrained, true);
  });

  it("keeps a run for a network built trainable, or one the file turns gradients back on for", async () => {
    const trainable = await plans(SCRIPT("features = Features()"));
    assert.equal(trainable.features.trainableParams, trainable.features.params);
    assert.notEqual(trainable.featuresPlan?.untrained, true);
    const unfrozen = await plans(SCRIPT("features = Features(requires_grad=False)", "for p in features.c2.parameters():\n    p.requires_grad = True"));
    assert.equal(unfrozen.features.trainableParams, 8 * 8 * 9 + 8);
    assert.notEqual(unfrozen.featuresPlan?.untrained, true);
  });
});
