import { strict as assert } from "node:assert";
import { resolveInterpolations } from "../../../../src/core/hydra/interpolate";
import { analyze } from "../../helpers/analyze";

describe("OmegaConf interpolations in a composed config", () => {
  it("resolves absolute, sibling and parent references, keeping the node's type, and text with references inside", () => {
    const config = resolveInterpolations({
      batch_size: "${agent.batch_size}",
      agent: { batch_size: 1024, bs: "${.batch_size}", name: "ddpg", parent: "${..seed}" },
      seed: 3,
      dir: "runs/${agent.name}/${seed}",
      chain: "${batch_size}",
    });
    assert.equal(config.batch_size, 1024);
    assert.deepEqual(config.agent, { batch_size: 1024, bs: 1024, name: "ddpg", parent: 3 });
    assert.equal(config.dir, "runs/ddpg/3");
    assert.equal(config.chain, 1024);
  });

  it("leaves resolvers, missing keys and cycles as written", () => {
    const config = resolveInterpolations({ when: "${now:%H%M}", gone: "${nowhere.key}", a: "${b}", b: "${a}" });
    assert.equal(config.when, "${now:%H%M}");
    assert.equal(config.gone, "${nowhere.key}");
    assert.equal(config.a, "${b}");
  });

  it("a @hydra.main run reads a batch that a group file chosen by the defaults list gives through ${...}", async () => {
    const script = `import hydra
import torch
from torch.utils.data import DataLoader, TensorDataset


@hydra.main(config_path="conf", config_name="config")
def main(cfg):
    model = torch.nn.Linear(10, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(torch.zeros(600, 10), torch.zeros(600)), batch_size=cfg.batch_size, shuffle=True)
    for epoch in range(cfg.trainer.max_epochs):
        for x, y in loader:
            loss = model(x).sum()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
`;
    const others = {
      "/project/conf/config.yaml": "defaults:\n  - trainer: default\n\nbatch_size: ${trainer.bs}\n",
      "/project/conf/trainer/default.yaml": "max_epochs: 6\nbs: 20\n",
    };
    const result = await analyze(script, { others });
    assert.equal(result.training?.epochs?.value, 6);
    assert.equal(result.training?.batch?.value, 20);
  });
});
