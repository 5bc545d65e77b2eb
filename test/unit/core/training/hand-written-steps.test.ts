// A from-scratch training cell: parameters as plain tensors, a batch drawn by random indices in the loop, a backward
// pass, and each parameter moved by its own gradient by hand (gradient-updates.ts: what torch.optim.SGD.step() does;
// loop-index-draw.ts: the draw's size is the batch).
import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

const SCRATCH = `import torch
import torch.nn.functional as F

rows = torch.randint(0, 20, (5000, 4))
labels = torch.randint(0, 20, (5000,))
emb = torch.randn((20, 6), requires_grad=True)
w = torch.randn((24, 20), requires_grad=True)
params = [emb, w]

for i in range(30000):
    pick = torch.randint(0, rows.shape[0], (48,))
    logits = emb[rows[pick]].view(-1, 24) @ w
    loss = F.cross_entropy(logits, labels[pick])
    for q in params:
        q.grad = None
    loss.backward()
    step_size = 0.1 if i < 20000 else 0.01
    for q in params:
        q.data += -step_size * q.grad
`;

describe("a training loop that steps its parameters by hand", () => {
  it("reads each pass as one optimizer step, and the batch from the loop's own draw of indices", async () => {
    const plan = (await analyze(SCRATCH)).training;
    assert.deepEqual([plan && planOptimizerSteps(plan)?.value, plan?.batch?.value, plan?.epochs], [30000, 48, undefined]);
  });

  it("reads the other in-place forms of the same update", async () => {
    for (const update of ["q.data.sub_(step_size * q.grad)", "q.data = q.data - step_size * q.grad", "with torch.no_grad():\n            q -= step_size * q.grad"]) {
      const plan = (await analyze(SCRATCH.replace("q.data += -step_size * q.grad", update))).training;
      assert.equal(plan && planOptimizerSteps(plan)?.value, 30000, update);
    }
  });

  it("is no step where the loop only reads the gradients (a norm summed into another name)", async () => {
    const plan = (await analyze(SCRATCH.replace("q.data += -step_size * q.grad", "total = q.grad.norm()\n        total += q.grad.norm()"))).training;
    assert.equal(plan && planOptimizerSteps(plan)?.value, undefined);
  });
});
