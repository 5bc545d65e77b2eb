import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: options added through a name bound to the parser's method (`arg =
// parser.add_argument`), read where the script's values are worked out (evaluate-site.ts) and skipped when looking for
// the training call into another file (foreign-loops.ts).
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const UTILS = `import torch


def train(args, model, train_loader, init_optimizer, n_epochs=None, fold=None):
    n_epochs = n_epochs or args.n_epochs
    optimizer = init_optimizer(args.lr)
    for epoch in range(1, n_epochs + 1):
        for (x,) in train_loader:
            optimizer.zero_grad()
            model(x).sum().backward()
            optimizer.step()
`;

const script = (add: string) => `import argparse
import torch
from torch.utils.data import DataLoader, TensorDataset
import utils


def main():
    parser = argparse.ArgumentParser()
    arg = parser.add_argument
${["--jaccard-weight", "--fold", "--root", "--lr", "--workers", "--crop-height", "--crop-width", "--type", "--model"].map((o, i) => `    ${add}('${o}', default=${i + 1})`).join("\n")}
    ${add}('--batch-size', type=int, default=2)
    ${add}('--n-epochs', type=int, default=60)
    args = parser.parse_args()
    model = torch.nn.Linear(8, 2)
    train_loader = DataLoader(TensorDataset(torch.zeros(100, 8)), batch_size=args.batch_size, shuffle=True)
    utils.train(
        init_optimizer=lambda lr: torch.optim.Adam(model.parameters(), lr=lr),
        args=args,
        model=model,
        train_loader=train_loader,
    )


if __name__ == '__main__':
    main()
`;

describe("argparse options added through an alias of add_argument", () => {
  it("`arg = parser.add_argument; arg('--n-epochs', default=60)` gives another file's train(args) its 60 epochs", async () => {
    const plan = await planOf(script("arg"), { "/project/utils.py": UTILS });
    assert.equal(plan.epochs?.value, 60);
    assert.equal(plan.batch?.value, 2);
  });

  it("reads the same as parser.add_argument written out", async () => {
    const plan = await planOf(script("parser.add_argument"), { "/project/utils.py": UTILS });
    assert.equal(plan.epochs?.value, 60);
  });
});
