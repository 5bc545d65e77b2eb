import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A network put out of training in the chain that builds it (src/core/training/frozen-at-binding.ts): nn.Module's
// eval() and requires_grad_() return the module, so `teacher = Net().eval()` binds a module the run does not train.
const DISTILL = (teacher: string) => `import torch
import torch.nn as nn
import torch.nn.functional as F

class Wide(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(32, 512), nn.ReLU(), nn.Linear(512, 5))
    def forward(self, x):
        return self.body(x)

class Narrow(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 5))
    def forward(self, x):
        return self.body(x)

teacher = ${teacher}
pupil = Narrow()
opt = torch.optim.SGD(pupil.parameters(), lr=0.05)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(640, 32)), batch_size=32)
for epoch in range(9):
    for (x,) in loader:
        with torch.no_grad():
            soft = F.softmax(teacher(x) / 2, dim=1)
        loss = F.kl_div(F.log_softmax(pupil(x) / 2, dim=1), soft, reduction="batchmean")
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const planOf = async (text: string, name: string) => {
  const result = await analyze(text);
  const model = result.models.find((m) => m.name === name);
  assert.ok(model, `no model ${name}: ${result.models.map((m) => m.name).join(", ")}`);
  return trainingPlanOf(result, model);
};

describe("networks put out of training where they are bound", () => {
  it("`teacher = Wide().eval()` (and after `.to(...)`, or `.requires_grad_(False)`) has no run; the pupil keeps its own", async () => {
    for (const chain of ["Wide().eval()", "Wide().eval().to('cpu')", "Wide().to('cpu').requires_grad_(False)"]) {
      const text = DISTILL(chain);
      const teacher = await planOf(text, "Wide");
      assert.equal(teacher?.epochs, undefined, chain);
      assert.match(teacher?.notes?.join(" ") ?? "", /teacher is put out of training \(line 19\)/, chain);
      const pupil = await planOf(text, "Narrow");
      assert.equal(pupil?.epochs?.value, 9);
      assert.equal(pupil?.batch?.value, 32);
    }
  });

  it("a chain that ends in training mode, or builds without eval, is the run's", async () => {
    for (const chain of ["Wide().eval().train()", "Wide()"]) assert.equal((await planOf(DISTILL(chain), "Wide"))?.epochs?.value, 9, chain);
  });
});
