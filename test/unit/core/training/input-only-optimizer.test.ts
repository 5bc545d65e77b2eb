import { strict as assert } from "node:assert";
import { analyze, modelNamed } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A script whose only optimizer updates a tensor it creates (gradient ascent on an input image to see what a filter
// responds to) trains no network, frozen or not (frozen-models.ts).
const SCRIPT = (optimizer: string) => `import torch
import torch.nn as nn

class Probe(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
    def forward(self, x):
        return self.conv(x)

class Small(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)
    def forward(self, x):
        return self.fc(x)

probe = Probe().eval()
small = Small()
image = torch.randn(1, 3, 24, 24, requires_grad=True)
${optimizer}
for it in range(150):
    opt.zero_grad()
    loss = -probe(image)[0, 2].mean()
    loss.backward()
    opt.step()
`;

const planOf = async (text: string, name: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, modelNamed(result, name));
};

describe("an optimizer of created tensors only", () => {
  it("gives no network a run, and says why", async () => {
    const text = SCRIPT("opt = torch.optim.Adam([image], lr=0.05)");
    for (const name of ["Probe", "Small"]) {
      const plan = await planOf(text, name);
      assert.equal(plan?.epochs, undefined, name);
      assert.match(plan?.notes?.join(" ") ?? "", /only tensors the file creates/);
    }
  });

  it("keeps the run where an optimizer takes a network's parameters", async () => {
    const plan = await planOf(SCRIPT("opt = torch.optim.Adam(list(small.parameters()) + [image], lr=0.05)"), "Small");
    assert.equal(plan?.epochs?.value, 150);
  });
});
