import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: arrays read from bytes the analyzer cannot see, then reshaped to a stated shape.
const script = (reshape: string) => [
  "import gzip",
  "import numpy as np",
  "import torch",
  "from torch.utils.data import DataLoader",
  "def extract(path, n):",
  "    with gzip.open(path) as f:",
  "        f.read(16)",
  "        data = np.frombuffer(f.read(n * 784), dtype=np.uint8).astype(np.float32)",
  "    return data",
  "raw = extract('train-images.gz', 6000)",
  `images = ${reshape}`,
  "model = torch.nn.Linear(784, 10)",
  "opt = torch.optim.SGD(model.parameters(), lr=0.1)",
  "loader = DataLoader(torch.from_numpy(images), batch_size=50)",
  "for epoch in range(2):",
  "    for x in loader:",
  "        opt.zero_grad()",
  "        model(x.reshape(-1, 784)).sum().backward()",
  "        opt.step()",
  "",
].join("\n");

describe("reshape of data the analyzer cannot see", () => {
  it("gives the shape asked for when every size is a known positive int (numpy and torch return exactly that shape or raise)", async () => {
    assert.strictEqual((await analyze(script("raw.reshape((6000, 28, 28, 1))"))).training?.samples?.value, 6000);
    assert.strictEqual((await analyze(script("raw.reshape(6000, 784)"))).training?.samples?.value, 6000);
    assert.strictEqual((await analyze(script("raw.reshape([3000, 2, 784])"))).training?.samples?.value, 3000);
  });
  it("stays unknown when a size is inferred (-1) or not known", async () => {
    assert.strictEqual((await analyze(script("raw.reshape(-1, 784)"))).training?.samples, undefined);
    assert.strictEqual((await analyze(script("raw.reshape(len(raw) // 784, 784)"))).training?.samples, undefined);
  });
});
