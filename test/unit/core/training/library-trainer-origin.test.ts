import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Trainer imported from a package that is not Lightning's (trainer-origin.ts).
describe("a Trainer of a package the file names", () => {
  const LOOP = `import torch\nfrom torch import nn\nfrom lib.trainer import Trainer\n\nmodel = nn.Linear(8, 2)\nopt = torch.optim.Adam(model.parameters())\ntrainer = Trainer(model, opt)\ntrainer.train(num_epochs=10)\n`;

  it("is no Lightning Trainer in a file that never imports Lightning", async () => {
    const plan = (await analyze(LOOP)).training ?? {};
    assert.notEqual(plan.epochs?.value, 1000);
  });

  it("is read as Lightning's where the file imports Lightning", async () => {
    const plan = (await analyze(`import pytorch_lightning as pl\n${LOOP}`)).training ?? {};
    assert.equal(plan.epochs?.value, 1000);
  });
  it("is never Lightning's when it comes from a library with a loop of its own, even beside a Lightning import", async () => {
    const colossal = `import pytorch_lightning as pl\nimport torch\nfrom torch import nn\nfrom colossalai.trainer import Trainer\n\nmodel = nn.Linear(8, 2)\ntrainer = Trainer(engine=model)\ntrainer.fit(train_dataloader=None, epochs=3)\n`;
    const plan = (await analyze(colossal)).training ?? {};
    assert.notEqual(plan.epochs?.value, 1000);
  });
});
