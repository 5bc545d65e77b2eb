import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own evaluation script: a bf16 model predicts over a hub dataset's validation part, one sentence a batch.
const evaluation = (body: string) => `import torch
from datasets import load_dataset
from torch.utils.data import DataLoader
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("some/model", torch_dtype=torch.bfloat16)
model.eval()
rows = load_dataset("imdb")["test"]
loader = DataLoader(rows, batch_size=1)
${body}
`;

describe("an inference script's loader with its rows and weights dtype", () => {
  it("a batch, the rows it walks and a bf16 dtype, in a file naming inference and no training, is no run", async () => {
    const result = await analyze(evaluation(`hits = 0
with torch.inference_mode():
    for sample in loader:
        out = model.generate(sample["text"], max_new_tokens=5)
        hits += int(out is not None)
print(hits)`));
    assert.deepEqual(result.training ?? {}, {});
  });

  it("the same loader in a file that trains keeps its plan", async () => {
    const result = await analyze(evaluation(`opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
model.train()
for sample in loader:
    loss = model(**sample).loss
    loss.backward()
    opt.step()
    opt.zero_grad()`));
    assert.equal(result.training?.batch?.value, 1);
  });
});
