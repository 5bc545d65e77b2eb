import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training loop in a function no call of its file reaches (uncalled-functions.ts): the figures stay those of a run
// that calls it, and the note says the plain run trains nothing, as for a loop the defaults skip.
const SCRIPT = (tail: string, decorator = "") => `import torch
from torch.utils.data import DataLoader, TensorDataset

ROUNDS = 6
loader = DataLoader(TensorDataset(torch.randn(320, 8), torch.randn(320, 1)), batch_size=40)
net = torch.nn.Linear(8, 1)
opt = torch.optim.Adam(net.parameters())


def one_round():
    for x, y in loader:
        opt.zero_grad()
        torch.nn.functional.mse_loss(net(x), y).backward()
        opt.step()


${decorator}def run_all(epochs=ROUNDS):
    for epoch in range(epochs):
        one_round()
${tail}`;

const noteOf = async (text: string) => {
  const plan = (await analyze(text)).training ?? {};
  return { plan, note: (plan.notes ?? []).find((n) => n.startsWith("skipped by default: ")) };
};

describe("training loops no call of the file reaches (src/core/training/uncalled-functions.ts)", function () {
  this.timeout(20_000);
  it("notes a loop whose function only an uncalled function calls, and keeps its figures", async () => {
    const { plan, note } = await noteOf(SCRIPT(""));
    assert.equal(plan.epochs?.value, 6);
    assert.equal(plan.batch?.value, 40);
    assert.match(note ?? "", /the training loop at line 11 is in one_round, which no call in this file reaches: `python` with no options trains nothing/);
  });

  it("reads TensorFlow 1's tf.app.run() as a call of the module's main", async () => {
    const script = SCRIPT("\ndef main(_):\n    run_all()\n\nif __name__ == \"__main__\":\n    tf.app.run()\n").replace("import torch\n", "import torch\nimport tensorflow as tf\n");
    const { plan, note } = await noteOf(script);
    assert.equal(plan.epochs?.value, 6);
    assert.equal(note, undefined);
    assert.match((await noteOf(script.replace("tf.app.run()", "pass"))).note ?? "", /is in one_round, which no call in this file reaches/);
  });

  it("adds no note where the module calls it, under the main guard or not, or a framework's decorator does", async () => {
    for (const [tail, decorator] of [["\nif __name__ == \"__main__\":\n    run_all()\n", ""], ["\nrun_all(3)\n", ""], ["", "@torch.no_grad()\n"]]) {
      const { note } = await noteOf(SCRIPT(tail, decorator));
      assert.equal(note, undefined, `${tail}${decorator}`);
    }
  });
});
