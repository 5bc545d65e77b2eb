import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own loop whose model comes from a helper with no training word in it; CALLED says what the training code does
// with the helpers.
const script = (called: string) => `import torch
from transformers import AutoModelForCausalLM
from torch.utils.data import DataLoader

def build(path):
    return AutoModelForCausalLM.from_pretrained(path, torch_dtype=torch.bfloat16)

def for_inference(path):
    return AutoModelForCausalLM.from_pretrained(path, torch_dtype=torch.float16)

if __name__ == "__main__":
    ${called}
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
    loader = DataLoader(list(range(64)), batch_size=4)
    for epoch in range(2):
        for batch in loader:
            model(batch).loss.backward()
            optimizer.step()
`;

describe("a model loaded in a 16-bit dtype by a helper the training code calls", () => {
  it("the helper's from_pretrained(torch_dtype=...) is the run's precision", async () => {
    const plan = await planOf(script(`model = build("some/model")`));
    assert.deepEqual([plan.precision?.value, plan.precision?.detail], ["bf16", "AutoModelForCausalLM.from_pretrained(torch.bfloat16)"]);
    assert.equal((await planOf(script(`model = for_inference("some/model")`))).precision?.value, "fp16");
  });

  it("a helper nothing calls, or one only named (not called), sets no precision", async () => {
    assert.equal((await planOf(script(`model = torch.nn.Linear(4, 4)`))).precision, undefined);
    assert.equal((await planOf(script(`model = torch.nn.Linear(4, 4); loader_of = build`))).precision, undefined);
  });
});
