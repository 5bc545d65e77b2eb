import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// gin-config: a .gin file the plain run parses binds the parameters of the functions marked @gin.configurable.
const SCRIPT = (decorator: string, parse: string, call = "train()") => `import gin
import torch
from torch.utils.data import DataLoader, TensorDataset


${decorator}
def train(num_epochs=1, batch_size=8):
    model = torch.nn.Linear(10, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(torch.zeros(600, 10), torch.zeros(600)), batch_size=batch_size, shuffle=True)
    for epoch in range(num_epochs):
        for x, y in loader:
            loss = model(x).sum()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    ${parse}
    ${call}
`;

const GIN = `# the run
include 'configs/common.gin'
EPOCHS = 12
train.num_epochs = %EPOCHS
`;
const COMMON = `train.batch_size = 30  # per step
`;
const files = { "/project/configs/run.gin": GIN, "/project/configs/common.gin": COMMON };

describe("gin-config bindings", () => {
  it("a parsed file binds a configurable's parameters: macros and included files too", async () => {
    const result = await analyze(SCRIPT("@gin.configurable", `gin.parse_config_file("configs/run.gin")`), { others: files });
    assert.equal(result.training?.epochs?.value, 12);
    assert.equal(result.training?.batch?.value, 30);
  });

  it("binds by the name the decorator gives, and parse_config_files_and_bindings' bindings come after the files", async () => {
    const gin = `trainer.num_epochs = 3\ntrainer.batch_size = 20\n`;
    const result = await analyze(SCRIPT(`@gin.configurable("trainer")`, `gin.parse_config_files_and_bindings(["configs/a.gin"], ["trainer.num_epochs = 5"])`), { others: { "/project/configs/a.gin": gin } });
    assert.equal(result.training?.epochs?.value, 5);
    assert.equal(result.training?.batch?.value, 20);
  });

  it("an argument the call passes wins over the binding; an unmarked function keeps its defaults", async () => {
    const passed = await analyze(SCRIPT("@gin.configurable", `gin.parse_config_file("configs/run.gin")`, "train(batch_size=60)"), { others: files });
    assert.equal(passed.training?.batch?.value, 60);
    assert.equal(passed.training?.epochs?.value, 12);
    const unmarked = await analyze(SCRIPT("", `gin.parse_config_file("configs/run.gin")`), { others: files });
    assert.equal(unmarked.training?.epochs?.value, 1);
  });

  it("a scoped binding is not the default run's", async () => {
    const result = await analyze(SCRIPT("@gin.configurable", `gin.parse_config_file("configs/s.gin")`), { others: { "/project/configs/s.gin": "eval/train.num_epochs = 40\n" } });
    assert.equal(result.training?.epochs?.value, 1);
  });

  it("binds a configurable of another file that the script imports, parsing at its top level", async () => {
    const lib = SCRIPT("@gin.configurable", "pass").split("if __name__")[0];
    const main = `import gin\nfrom train_lib import train

gin.parse_config_file("configs/run.gin")

if __name__ == "__main__":\n    train()\n`;
    const result = await analyze(main, { others: { ...files, "/project/train_lib.py": lib } });
    assert.equal(result.training?.epochs?.value, 12);
    assert.equal(result.training?.batch?.value, 30);
  });
});
