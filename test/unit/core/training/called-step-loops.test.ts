import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop in a function the epoch loop calls runs its steps in each epoch (src/core/training/called-step-loops.ts).
const script = (epochBody: string) => `import torch

model = torch.nn.Linear(8, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def train_one_epoch(iterations):
    for i in range(iterations):
        optimizer.zero_grad()
        model(torch.zeros(4, 8)).sum().backward()
        optimizer.step()


def main():
    for epoch in range(6):
${epochBody}


main()
`;

describe("step loops in a function the epoch loop calls", () => {
  it("counts the function's steps in each epoch", async () => {
    const plan = (await analyze(script("        train_one_epoch(250)"))).training ?? {};
    assert.equal(plan.epochs?.value, 6);
    assert.equal(plan.steps?.value, 6 * 250);
  });

  it("does not multiply when the epoch loop does not call that function", async () => {
    const plan = (await analyze(script("        print(epoch)\n    train_one_epoch(250)"))).training ?? {};
    assert.notEqual(plan.steps?.value, 6 * 250);
  });
});
