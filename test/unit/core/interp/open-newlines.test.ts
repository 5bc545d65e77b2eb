import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// open() in text mode with newline=None (the default) reads "\r\n" and "\r" as "\n" (docs.python.org/3/library/
// functions.html#open; src/core/interp/stdlib/config-files.ts): a text file saved with Windows line ends has fewer
// characters in Python than on disk, and a character-level dataset built from it fewer chunks.
describe("open() reads Windows line ends as Python does", () => {
  const script = (newline: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

with open("corpus.txt", "r", encoding="utf8"${newline}) as fp:
    text = fp.read()
chunks = [text[i:i + 9] for i in range(len(text) - 9 + 1)]


class Chunks(Dataset):
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return torch.zeros(8, dtype=torch.long), torch.zeros(8, dtype=torch.long)


loader = DataLoader(Chunks(chunks), batch_size=4, shuffle=True)
net = nn.Embedding(16, 16)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(2):
    for xb, yb in loader:
        opt.zero_grad()
        net(xb).sum().backward()
        opt.step()
`;
  // 30 lines of 10 characters and "\\r\\n": 360 characters on disk, 330 as Python reads them.
  const corpus = "abcdefghij\r\n".repeat(30);

  it("counts the translated characters by default", async () => {
    const plan = (await analyze(script(""), { others: { "/project/corpus.txt": corpus } })).training!;
    // Before: 352 chunks (360 - 9 + 1), the characters on disk.
    assert.equal(plan.samples?.value, 330 - 9 + 1);
  });

  it("keeps the line ends where newline='' asks for them untranslated", async () => {
    const plan = (await analyze(script(', newline=""'), { others: { "/project/corpus.txt": corpus } })).training!;
    assert.equal(plan.samples?.value, 360 - 9 + 1);
  });
});
