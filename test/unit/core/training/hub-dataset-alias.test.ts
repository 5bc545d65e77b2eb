import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const samplesOf = async (text: string): Promise<number | undefined> => (await analyze(text)).training?.samples?.value;

// Our own loop over a Hub dataset's split: BIND takes the split and rebinds the name to a chain of its own methods.
const script = (bind: string) => `import torch
from torch.utils.data import DataLoader
from datasets import load_dataset

def encode(rows):
    return rows

reviews = load_dataset("imdb")
${bind}
loader = DataLoader(part, batch_size=8, shuffle=True)
net = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(2):
    for batch in loader:
        opt.zero_grad()
        net(batch["x"]).sum().backward()
        opt.step()
`;

describe("a name bound to a Hub dataset's split, rebound to a chain of Dataset methods on itself", () => {
  it("part = ds['train'], then part = part.map(fn, batched=True): the split's rows", async () => {
    assert.equal(await samplesOf(script(`part = reviews["train"]
part = part.map(encode, batched=True)
part.set_format(type="torch")`)), 25_000);
    assert.equal(await samplesOf(script(`whole = reviews
part = whole["train"]
part = part.shuffle(seed=1).select(range(500))`)), 500);
  });

  it("a name bound to another split, or unpacked from a call, stands for no training rows", async () => {
    assert.notEqual(await samplesOf(script(`part = reviews["test"]
part = part.map(encode, batched=True)`)), 25_000);
    assert.notEqual(await samplesOf(script(`part, other = reviews["test"], reviews["train"]
part = part.map(encode, batched=True)`)), 25_000);
    assert.notEqual(await samplesOf(script(`part, other = encode(reviews)
part = part.map(encode, batched=True)`)), 25_000);
  });

  it("a name unpacked from a tuple of splits is the split at its place", async () => {
    assert.equal(await samplesOf(script(`part, other = reviews["train"], reviews["test"]
part = part.map(encode, batched=True)`)), 25_000);
  });
});
