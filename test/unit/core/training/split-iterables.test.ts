import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

const MODEL = ["import torch", "import torch.nn as nn", "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(64, 10)", "    def forward(self, x):", "        return self.fc(x)", "model = Net()", "opt = torch.optim.SGD(model.parameters(), lr=0.1)", "SEGMENTS = 4", ""];

async function planOf(inner: string) {
  const lines = [
    "def batches():",
    "    while True:",
    "        yield torch.randn(8, 64 * SEGMENTS)",
    "data = batches()",
    "for i in range(3000):",
    "    batch = next(data)",
    `    ${inner}`,
    "        model(piece[..., :64]).sum().backward()",
    "    opt.step()",
    "    opt.zero_grad()",
  ];
  return (await analyze([...MODEL, ...lines].join("\n"))).training ?? {};
}

describe("split iterables: backward passes over pieces of a batch", () => {
  it("`zip(x.chunk(n), y.chunk(n))` and `torch.chunk(x, n)` run n backward passes per optimizer step", async () => {
    const zipped = await planOf("for piece, other in zip(batch.chunk(SEGMENTS, dim=-1), batch.chunk(SEGMENTS, dim=-1)):");
    assert.strictEqual(zipped.accumulation?.value, 4);
    assert.strictEqual(zipped.steps?.value, 3000);
    assert.strictEqual((await planOf("for piece in torch.chunk(batch, 2, dim=-1):")).accumulation?.value, 2);
    assert.strictEqual((await planOf("for j, piece in enumerate(batch.tensor_split(3, dim=-1)):")).accumulation?.value, 3);
  });

  it("zip stops at its shortest known iterable; one of unknown length (a generator) does not shorten it", async () => {
    assert.strictEqual((await planOf("for piece, k in zip(batch.chunk(SEGMENTS, dim=-1), range(2)):")).accumulation?.value, 2);
    assert.strictEqual((await planOf("for k, piece in zip(data, batch.chunk(SEGMENTS, dim=-1)):")).accumulation?.value, 4);
    assert.strictEqual((await planOf("for piece, k in zip(data, data):")).accumulation, undefined);
  });
});
