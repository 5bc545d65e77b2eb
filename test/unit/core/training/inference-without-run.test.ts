import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own Hugging Face inference scripts: weights loaded in bf16, a prompts file the workspace lacks, generation in
// eval mode. `from_pretrained(` loads trained weights: it names no training of the file's own.
const HEAD = `import json
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

model = AutoModelForCausalLM.from_pretrained("org/base", torch_dtype=torch.bfloat16)
tokenizer = AutoTokenizer.from_pretrained("org/base")
prompts = json.load(open("data/prompts.json"))
`;

const GENERATE = `model.eval()
with torch.no_grad():
    for p in prompts:
        ids = tokenizer(p, return_tensors="pt").input_ids
        print(tokenizer.decode(model.generate(ids)[0]))
`;

const TRAIN = `optimizer = torch.optim.AdamW(model.parameters())
for p in prompts:
    ids = tokenizer(p, return_tensors="pt").input_ids
    loss = model(ids, labels=ids).loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
`;

describe("an inference script with no figure of a run", () => {
  it("states no plan: neither its weights' dtype nor its missing config", async () => {
    const result = await analyze(HEAD + GENERATE);
    assert.equal(result.training?.precision, undefined);
    assert.equal(result.training?.configFiles, undefined);
  });

  it("keeps the dtype where the file trains", async () => {
    assert.equal((await analyze(HEAD + TRAIN)).training?.precision?.value, "bf16");
  });

  it("reads a loader's batch in a Hugging Face prediction script as no run", async () => {
    const result = await analyze(`${HEAD.replace(", torch_dtype=torch.bfloat16", "")}from torch.utils.data import DataLoader
loader = DataLoader(prompts, batch_size=16)
${GENERATE.replace("for p in prompts:", "for p in loader:")}`);
    assert.equal(result.training?.batch, undefined);
  });
});
