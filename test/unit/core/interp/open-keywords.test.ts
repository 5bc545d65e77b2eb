import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, ...) takes each parameter by keyword
// too (docs.python.org/3/library/functions.html#open; src/core/interp/stdlib/config-files.ts).
describe("open() given its file by keyword reads the file", () => {
  const script = (call: string) => `import yaml
import torch
from torch.utils.data import DataLoader

def settings():
    with ${call} as handle:
        return yaml.safe_load(handle)

net = torch.nn.Linear(4, 2)
opt = torch.optim.Adam(net.parameters())
rows = DataLoader(list(zip(torch.randn(48, 4), torch.randn(48, 2))), batch_size=8)
for epoch in range(settings()["trainer"]["epochs"]):
    for x, y in rows:
        opt.zero_grad()
        torch.nn.functional.mse_loss(net(x), y).backward()
        opt.step()
`;
  const others = { "/project/settings.yml": "trainer:\n  epochs: 7\n" };

  it("open(file='settings.yml', mode='r'): the config's 7 epochs", async () => {
    assert.equal((await analyze(script(`open(file="settings.yml", mode="r")`), { others })).training?.epochs?.value, 7);
  });

  it("positional and keyword forms agree", async () => {
    assert.equal((await analyze(script(`open("settings.yml", "r")`), { others })).training?.epochs?.value, 7);
  });

  it("newline is open's sixth parameter: open(f, 'r', -1, 'utf8', None, '') keeps each '\\r\\n' as two characters", async () => {
    const chunks = `import torch
from torch import nn
from torch.utils.data import DataLoader

with open("corpus.txt", "r", -1, "utf8", None, "") as fp:
    text = fp.read()
pieces = [text[i:i + 9] for i in range(len(text) - 9 + 1)]
loader = DataLoader(pieces, batch_size=4, shuffle=True)
net = nn.Embedding(16, 16)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(2):
    for xb in loader:
        opt.zero_grad()
        net(torch.zeros(4, dtype=torch.long)).sum().backward()
        opt.step()
`;
    const plan = (await analyze(chunks, { others: { "/project/corpus.txt": "abcdefghij\r\n".repeat(30) } })).training;
    // 360 characters on disk, kept as they are: 352 chunks (330 - 9 + 1 where "\r\n" is read as "\n").
    assert.equal(plan?.samples?.value, 360 - 9 + 1);
  });
});
