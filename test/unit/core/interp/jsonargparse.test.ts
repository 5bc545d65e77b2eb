import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// jsonargparse's ArgumentParser: YAML default_config_files set the options' defaults; CLI(fn) runs fn's defaults.
const SCRIPT = (parser: string) => `from jsonargparse import ArgumentParser, ActionConfigFile, CLI
import torch
from torch.utils.data import DataLoader, TensorDataset


def main():
    parser = ${parser}
    parser.add_argument("--config", action=ActionConfigFile)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch_size", type=int, default=8)
    args = parser.parse_args()
    model = torch.nn.Linear(10, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(torch.zeros(600, 10), torch.zeros(600)), batch_size=args.batch_size, shuffle=True)
    for epoch in range(args.epochs):
        for x, y in loader:
            loss = model(x).sum()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
`;

describe("jsonargparse ArgumentParser (built-in stand-in)", () => {
  it("reads the default config files over the options' defaults, the later file winning", async () => {
    const others = { "/project/configs/base.yaml": "epochs: 8\nbatch_size: 40\n", "/project/configs/local.yaml": "batch_size: 20\n" };
    const result = await analyze(SCRIPT(`ArgumentParser(default_config_files=["configs/base.yaml", "configs/local.yaml"])`), { others });
    assert.equal(result.training?.epochs?.value, 8);
    assert.equal(result.training?.batch?.value, 20);
  });

  it("keeps the options' defaults where no default config file exists; --config (ActionConfigFile) names none in the plain run", async () => {
    const result = await analyze(SCRIPT(`ArgumentParser(default_config_files=["configs/missing.yaml"])`));
    assert.equal(result.training?.epochs?.value, 1);
    assert.equal(result.training?.batch?.value, 8);
  });
});
