import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A progress bar bound to a name before the loop that walks it (`epochs = trange(n)`, `pbar = tqdm(loader)`):
// tqdm yields the items of what it wraps (tqdm.github.io), so the loop walks the range or the loader; tqdm need not
// be installed for that (src/core/training/training-plan.ts, withBoundIterables). Scripts written for this test.
const script = (epochs: string, batches: string, imports = "from tqdm import tqdm, trange") => `import torch
${imports}
from torch.utils.data import DataLoader, TensorDataset

model = torch.nn.Linear(10, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(TensorDataset(torch.randn(1000, 10)), batch_size=50)
${epochs}
for epoch in epochs:
    ${batches}
    for (x,) in pbar:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
        pbar.set_description("loss")
`;

describe("loops over progress bars bound to names", () => {
  it("counts `epochs = trange(7)` then `for epoch in epochs` as 7 epochs", async () => {
    const plan = (await analyze(script('epochs = trange(7, desc="epochs")', "pbar = tqdm(loader)"))).training ?? {};
    assert.equal(plan.epochs?.value, 7);
    assert.equal(planOptimizerSteps(plan)?.value, 7 * 20);
  });

  it("reads tqdm under its module's name", async () => {
    const plan = (await analyze(script("epochs = tqdm.tqdm(range(3))", "pbar = tqdm.auto.tqdm(loader, leave=False)", "import tqdm\nimport tqdm.auto"))).training ?? {};
    assert.equal(plan.epochs?.value, 3);
  });

  it("does not follow a name bound again between the bar and the loop", async () => {
    const plan = (await analyze(script("epochs = trange(7)\nepochs = make_schedule()", "pbar = tqdm(loader)"))).training ?? {};
    assert.equal(plan.epochs?.value, undefined);
  });
});
