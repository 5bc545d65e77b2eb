import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { nameGivenConfigKey } from "../../../../src/core/training/config-key-keywords";

// A config key whose name says steps, handed by the code to a keyword named for epochs, counts epochs
// (src/core/training/config-key-keywords.ts). Files written for this test.
const options = `{"num_iterations": 100, "train_batch_size": 32}`;
const script = (given: string) => `import json
import torch
import pytorch_lightning as pl

with open("/project/opts.json") as f:
    opt = json.load(f)

trainer = pl.Trainer(${given}, precision=32)
`;

describe("a config key the code hands to a keyword named for another figure", () => {
  it("max_epochs=opt['num_iterations'] counts epochs, not steps", async () => {
    const plan = (await analyze(script('max_epochs=opt["num_iterations"]'), { others: { "/project/opts.json": options } })).training;
    assert.equal(plan?.epochs?.value, 100);
    assert.equal(plan?.steps, undefined);
  });

  it("a key handed to a keyword named for nothing keeps its own name's figure", async () => {
    const plan = (await analyze(script('log_every_n_steps=opt["num_iterations"]'), { others: { "/project/opts.json": options } })).training;
    assert.notEqual(plan?.epochs?.value, 100);
  });

  it("names the keyword or variable the key's value is bound to", () => {
    assert.equal(nameGivenConfigKey("num_iterations", ["x = 1\ntrainer = Trainer(max_epochs=opt['num_iterations'])\n"]), "max_epochs");
    assert.equal(nameGivenConfigKey("num_iterations", ["print(opt['num_iterations'])\n"]), undefined);
  });
});
