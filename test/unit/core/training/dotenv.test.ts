import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A run configured by environment variables that python-dotenv loads from a .env file beside the script.
const SCRIPT = `import os
import torch
from dotenv import load_dotenv
from torch.utils.data import DataLoader, TensorDataset

load_dotenv()
EPOCHS = int(os.getenv("EPOCHS", "3"))
BATCH_SIZE = int(os.environ.get("BATCH_SIZE", 8))

model = torch.nn.Linear(4, 2)
optimizer = torch.optim.Adam(model.parameters())
loader = DataLoader(TensorDataset(torch.zeros(640, 4), torch.zeros(640)), batch_size=BATCH_SIZE, shuffle=True)
for epoch in range(EPOCHS):
    for x, y in loader:
        loss = model(x).sum()
        loss.backward()
        optimizer.step()
`;

describe("python-dotenv (built-in stand-in)", () => {
  it("load_dotenv() fills os.environ from .env, which os.getenv and os.environ.get read", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/.env": "# training\nexport EPOCHS=12\nBATCH_SIZE='32'  \nWANDB_MODE=offline\n" } })).training ?? {};
    assert.equal(plan.epochs?.value, 12);
    assert.equal(plan.batch?.value, 32);
  });

  it("without a .env the defaults stand", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 8);
  });
});
