import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { namedForTraining } from "../../../../src/core/training/foreign-loops";
import { lowerModule } from "../../../../src/core/python/lower";

// A call of another file's function named for fitting, its result kept (`model = fit_model(model, loader)`), in a
// function the `__main__` block calls: tried as the script's training (src/core/training/foreign-loops.ts
// TRAINING_NAMED). Files written for this test.
const helpers = `import torch
def fit_model(model, loader, epochs=4):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(epochs):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
    return model
`;
const script = (name: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from helpers import fit_model as ${name}

def main():
    model = nn.Linear(10, 2)
    loader = DataLoader(TensorDataset(torch.randn(40, 10), torch.randint(0, 2, (40,))), batch_size=5)
    model = ${name}(model, loader)
    torch.save(model.state_dict(), "model.pt")

if __name__ == "__main__":
    main()
`;

const planOf = async (text: string) => {
  const result = await analyze(text, { others: { "/project/helpers.py": helpers } });
  return trainingPlanOf(result, result.models[0]!);
};

describe("another file's function named for fitting, its result kept", () => {
  it("fit_model: its epochs are the run's", async () => {
    const plan = await planOf(script("fit_model"));
    assert.equal(plan?.epochs?.value, 4);
    assert.equal(plan?.batch?.value, 5);
  });

  it("model_fit: the same", async () => {
    const plan = await planOf(script("model_fit"));
    assert.equal(plan?.epochs?.value, 4);
  });

  it("a name with fit inside a word (outfit) is not one", async () => {
    const plan = await planOf(script("outfit"));
    assert.notEqual(plan?.epochs?.value, 4);
  });

  it("an estimator's own fit or fit_transform is not one; a project function called fit is", async () => {
    const parser = await testParser();
    const named = (code: string) => {
      const [s] = lowerModule(parser.parse(code)).body;
      assert.ok(s?.type === "expression" && s.value.type === "call", code);
      return namedForTraining(s.value.func);
    };
    assert.equal(named("encoder.fit(X)"), false);
    assert.equal(named("scaler.fit_transform(X)"), false);
    assert.equal(named("fit(model, loader)"), true);
    assert.equal(named("engine.fit_model(model, loader)"), true);
    assert.equal(named("trainer.train_one_epoch(loader)"), true);
  });
});
