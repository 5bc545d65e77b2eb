import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Training code runs through: optimizers, schedulers and the AMP gradient scaler are known, so a factory that sets
// up training before it returns the model leaves no gap (it used to note "torch.optim is not in the analyzer's
// catalogue" for every optimizer call).
describe("torch.optim, lr_scheduler and GradScaler (src/core/torch/optim.ts)", () => {
  it("a factory that builds the model, its optimizer, schedule and scaler, and steps them, resolves completely", async () => {
    const result = await analyze(
      [
        "import torch",
        "import torch.nn as nn",
        "import torch.optim as optim",
        "from torch.optim.lr_scheduler import StepLR, CosineAnnealingLR",
        "from torch.cuda.amp import GradScaler",
        "",
        "class Lion(torch.optim.Optimizer):",
        "    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99)):",
        "        super().__init__(params, dict(lr=lr, betas=betas))",
        "",
        "def build():",
        "    model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10))",
        "    opt = optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.1)",
        "    custom = Lion(model.parameters(), lr=1e-4)",
        "    sched = StepLR(opt, step_size=10)",
        "    cosine = CosineAnnealingLR(custom, T_max=100)",
        "    scaler = GradScaler()",
        "    amp_scaler = torch.amp.GradScaler('cuda')",
        "    x = torch.randn(8, 32)",
        "    for _ in range(2):",
        "        opt.zero_grad(set_to_none=True)",
        "        loss = model(x).sum()",
        "        scaler.scale(loss).backward()",
        "        scaler.step(opt)",
        "        scaler.update()",
        "        sched.step()",
        "        cosine.step()",
        "    return model",
        "",
        "model = build()",
      ].join("\n"),
    );
    const model = result.models.find((m) => m.entry.includes("build") || m.name === "model") ?? result.models[0];
    assert.ok(model, `models: ${result.models.map((m) => m.name)}; notes: ${result.notes.join("; ")}`);
    assert.strictEqual(model.params, 32 * 64 + 64 + 64 * 10 + 10);
    const optimNotes = [...model.unresolved.map((n) => n.reason), ...result.notes].filter((r) => /optim|GradScaler|scaler|lr_scheduler/.test(r));
    assert.deepStrictEqual(optimNotes, []);
  });
});
