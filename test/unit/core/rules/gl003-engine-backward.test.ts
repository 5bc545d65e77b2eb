import assert from "node:assert/strict";
import { findingsOf, ofRule } from "./helpers";

/** A CUDA training loop whose backward line is `backward`. */
const script = (backward: string) => `import torch
import deepspeed
from torch import nn

model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 4)).to("cuda")
engine, optimizer, _, _ = deepspeed.initialize(model=model, model_parameters=model.parameters(), config="ds.json")
for step in range(100):
    x = torch.randn(8, 16, device="cuda")
    loss = model(x).pow(2).mean()
    ${backward}
    optimizer.step()
`;

const gl003 = async (backward: string) => ofRule(await findingsOf(script(backward)), "GL003");

describe("GL003 reads autograd backward, not an engine's or a hand-written one", () => {
  it("an engine's backward handed the loss (DeepSpeed, Accelerate, Fabric) gets no autocast finding", async () => {
    assert.equal((await gl003("engine.backward(loss)")).length, 0);
  });

  it("a hand-written backward handed values (no autograd) gets no finding", async () => {
    assert.equal((await gl003("model.backward(x, loss)")).length, 0);
  });

  it("autograd's own backward is still read: loss.backward(retain_graph=True) and torch.autograd.backward(loss)", async () => {
    assert.equal((await gl003("loss.backward(retain_graph=True)")).length, 1);
    assert.equal((await gl003("torch.autograd.backward(loss)")).length, 1);
  });
});
