import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Run configs written as attrs classes (src/core/interp/stdlib/attrs.ts): an instance built with no arguments holds
// each attribute's default, which the plain run trains with.

const script = (config: string, build: string) => `import torch
${config}


def main(cfg):
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(480, 8)), batch_size=cfg.batch_size, shuffle=True)
    for epoch in range(cfg.epochs):
        for (x,) in loader:
            optimizer.zero_grad()
            model(x).sum().backward()
            optimizer.step()


if __name__ == "__main__":
    main(${build})
`;

describe("attrs run configs (src/core/interp/stdlib/attrs.ts)", () => {
  it("@attr.s with attr.ib(default=...): the defaults, in the order the class declares them", async () => {
    const plan = (await analyze(script(`import attr


@attr.s
class Config:
    epochs = attr.ib(default=9)
    batch_size = attr.ib(default=16)
    tags = attr.ib(factory=list)`, "Config()"))).training;
    assert.equal(plan?.epochs?.value, 9);
    assert.equal(plan?.batch?.value, 16);
  });

  it("@define with annotated defaults, a positional argument overriding the first field, and attrs.Factory", async () => {
    const plan = (await analyze(script(`from attrs import define, field, Factory


@define
class Config:
    epochs: int = 7
    batch_size: int = field(default=24)
    layers: list = Factory(list)`, "Config(3)"))).training;
    assert.equal(plan?.epochs?.value, 3);
    assert.equal(plan?.batch?.value, 24);
  });

  it("@attr.s(auto_attribs=True) given a keyword", async () => {
    const plan = (await analyze(script(`import attr


@attr.s(auto_attribs=True)
class Config:
    epochs: int = 5
    batch_size: int = 12`, "Config(batch_size=40)"))).training;
    assert.equal(plan?.epochs?.value, 5);
    assert.equal(plan?.batch?.value, 40);
  });
});
