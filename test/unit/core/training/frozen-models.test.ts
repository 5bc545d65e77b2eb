import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";

// Networks a script uses but does not train (src/core/training/frozen-models.ts), in scripts written for this test:
// a content loss through a fixed feature network, and a distillation teacher.
const GAN = (freeze: string, optimizers: string) => `import torch
import torch.nn as nn

class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 3, 3, padding=1))
    def forward(self, x):
        return self.net(x)

class Features(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1))
    def forward(self, x):
        return self.net(x)

G = Generator()
features = Features()
${freeze}
${optimizers}
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(800, 3, 32, 32)), batch_size=16)
for epoch in range(12):
    for (x,) in loader:
        G_optimizer.zero_grad()
        loss = (features(G(x)) - features(x)).abs().mean()
        loss.backward()
        G_optimizer.step()
`;

const planOf = async (text: string, name: string) => {
  const result = await analyze(text);
  const model = result.models.find((m) => m.name === name);
  assert.ok(model, `no model ${name}: ${result.models.map((m) => m.name).join(", ")}`);
  return trainingPlanOf(result, model);
};

describe("networks the run uses but does not train", () => {
  it("gives a feature network in eval mode that no optimizer takes no run, and says why", async () => {
    const text = GAN("features.eval()", "G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)");
    const frozen = await planOf(text, "Features");
    assert.equal(frozen?.epochs, undefined);
    assert.match(frozen?.notes?.join(" ") ?? "", /features is put out of training \(line 20\) and no optimizer of the file takes its parameters/);
    // Its run asks for no epochs or samples: it has none to be given.
    const result = await analyze(text);
    const features = result.models.find((m) => m.name === "Features")!;
    const run = resolveTrainingRun(trainingPlanOf(result, features), {}, (batch) => estimateModel(features, { hardware: "h100-sxm", dtype: "fp32", mode: "train", batch: batch ?? 1 }));
    assert.ok(!run.notes.some((n) => /pass --(epochs|samples)/.test(n)), run.notes.join("; "));
    assert.ok(run.notes.some((n) => /features is put out of training/.test(n)));
    const trained = await planOf(text, "Generator");
    assert.equal(trained?.epochs?.value, 12);
    assert.equal(trained?.batch?.value, 16);
  });

  it("reads parameters frozen one by one, and optimizers given a list built from parameters", async () => {
    const text = GAN("for p in features.parameters():\n    p.requires_grad = False", "params = list(G.parameters())\nG_optimizer = torch.optim.Adam(params, lr=2e-4)");
    assert.match((await planOf(text, "Features"))?.notes?.join(" ") ?? "", /features is put out of training \(line 20\)/);
  });

  it("keeps the run of a network in eval mode that an optimizer takes (evaluation between epochs)", async () => {
    const text = GAN("features.eval()", "G_optimizer = torch.optim.Adam(list(G.parameters()) + list(features.parameters()), lr=2e-4)");
    assert.equal((await planOf(text, "Features"))?.epochs?.value, 12);
  });

  it("says nothing when an optimizer's parameters cannot be traced to names", async () => {
    const text = GAN("features.eval()", "from helpers import trainable\nG_optimizer = torch.optim.Adam(trainable(), lr=2e-4)");
    assert.equal((await planOf(text, "Features"))?.epochs?.value, 12);
  });

  it("leaves a network never put out of training as the run's", async () => {
    const text = GAN("", "G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)");
    assert.equal((await planOf(text, "Features"))?.epochs?.value, 12);
  });

  it("gives a target network that copies the trained one's weights no run (hard copy and Polyak averaging)", async () => {
    const copy = GAN("features.load_state_dict(G.state_dict())", "G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)").replace("nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1)", "nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 3, 3, padding=1)");
    const target = await planOf(copy, "Features");
    assert.equal(target?.epochs, undefined);
    assert.match(target?.notes?.join(" ") ?? "", /features takes its weights from G \(line 20\) and no optimizer of the file takes its parameters \(they take G\.parameters\(\)\): a target network/);
    assert.equal((await planOf(copy, "Generator"))?.epochs?.value, 12);
    const polyak = GAN("for t, p in zip(features.parameters(), G.parameters()):\n    t.data.copy_(0.005 * p.data + 0.995 * t.data)", "G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)");
    assert.match((await planOf(polyak, "Features"))?.notes?.join(" ") ?? "", /features takes its weights from G \(line 20\)/);
    // An optimizer of a tensor of its own (SAC's entropy temperature) takes no network's parameters.
    const temperature = GAN("features.load_state_dict(G.state_dict())", "G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)\nlog_alpha = torch.zeros(1, requires_grad=True)\na_optimizer = torch.optim.Adam([log_alpha], lr=1e-3)");
    assert.match((await planOf(temperature, "Features"))?.notes?.join(" ") ?? "", /features takes its weights from G/);
    // Copied from a network no optimizer trains either (both fixed): not a target of the run's training, left as it was.
    const untrainedSource = GAN("G.load_state_dict(features.state_dict())", "G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)");
    assert.equal((await planOf(untrainedSource, "Features"))?.epochs?.value, 12);
  });
});

