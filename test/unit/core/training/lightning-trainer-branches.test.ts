import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own Lightning script: a short trial Trainer under a flag, the real one otherwise.
const script = (flag: string) => `import argparse
import pytorch_lightning as pl

parser = argparse.ArgumentParser()
parser.add_argument("--quick", action="${flag}")
parser.add_argument("--epochs", type=int, default=12)
args = parser.parse_args()
if args.quick:
    trainer = pl.Trainer(max_epochs=1)
else:
    trainer = pl.Trainer(max_epochs=args.epochs)
trainer.fit(model, loader)
`;

describe("a Lightning Trainer under a branch the plain run skips", () => {
  it("yields to the Trainer the run builds", async () => {
    assert.equal((await analyze(script("store_true"))).training?.epochs?.value, 12);
    // The flag on by default: the trial Trainer is the run's.
    assert.equal((await analyze(script("store_false"))).training?.epochs?.value, 1);
  });

  it("alone, is still the run the code describes", async () => {
    const plan = (await analyze(`import argparse
import pytorch_lightning as pl

parser = argparse.ArgumentParser()
parser.add_argument("--train", action="store_true")
args = parser.parse_args()
if args.train:
    trainer = pl.Trainer(max_epochs=7)
    trainer.fit(model, loader)
`)).training;
    assert.equal(plan?.epochs?.value, 7);
  });
});
