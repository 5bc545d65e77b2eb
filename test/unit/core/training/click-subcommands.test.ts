import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A click group's subcommand runs only when the command line names it (src/core/training/click-groups.ts): the plain
// run of a file ending in `cli()` prints the group's help. Scripts written for this test.
const script = (group: string, register: string, entry = "cli()") => `import click
import torch
import torch.nn as nn

${group}
def cli():
    pass

${register.startsWith("@") ? register : "@click.command()"}
@click.option("--epochs", default=7)
def train(epochs):
    model = nn.Linear(10, 2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(epochs):
        for _ in range(3):
            x = torch.randn(16, 10)
            loss = model(x).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()

${register.startsWith("@") ? "" : register}

if __name__ == "__main__":
    ${entry}
`;

const planOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!);
};
const skipped = (notes: string[] | undefined) => (notes ?? []).some((n) => /subcommand of the file's click group/.test(n));

describe("a click group's subcommands", () => {
  it("a subcommand registered with the group's decorator is not the plain run: the note says so, the figures are its run's", async () => {
    const plan = await planOf(script("@click.group()", "@cli.command()"));
    assert.equal(plan?.epochs?.value, 7);
    assert.ok(skipped(plan?.notes), plan?.notes?.join("; "));
  });

  it("so is one added with add_command", async () => {
    assert.ok(skipped((await planOf(script("@click.group()", "cli.add_command(train)")))?.notes));
  });

  it("a group whose callback runs without a subcommand, or a command the file calls itself, is no such case", async () => {
    assert.ok(!skipped((await planOf(script("@click.group(invoke_without_command=True)", "cli.add_command(train)")))?.notes));
    assert.ok(!skipped((await planOf(script("@click.group()", "cli.add_command(train)", "train()")))?.notes));
  });
});
