import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A config.py of ml_collections ConfigDicts (as ViT ports keep theirs) that the model and the run are built from.
const CONFIGS = `import ml_collections


def get_b16_config():
    config = ml_collections.ConfigDict()
    config.patches = ml_collections.ConfigDict({'size': (16, 16)})
    config.hidden_size = 64
    config.transformer = ml_collections.ConfigDict()
    config.transformer.mlp_dim = 128
    config.transformer.num_layers = 3
    config.training = dict(batch_size=48, num_epochs=7)
    return config
`;

const MODEL = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from configs import get_b16_config


class Net(nn.Module):
    def __init__(self, config, num_classes=10):
        super().__init__()
        size = config.patches["size"]
        self.embed = nn.Conv2d(3, config.hidden_size, kernel_size=size, stride=size)
        self.blocks = nn.Sequential(*[nn.Sequential(nn.Linear(config.hidden_size, config.transformer.mlp_dim), nn.GELU(), nn.Linear(config.transformer.mlp_dim, config.hidden_size)) for _ in range(config.transformer.num_layers)])
        self.head = nn.Linear(config.hidden_size, num_classes)

    def forward(self, x):
        x = self.embed(x).flatten(2).transpose(1, 2)
        return self.head(self.blocks(x).mean(1))


config = get_b16_config()
model = Net(config)
loader = DataLoader(TensorDataset(torch.zeros(960, 3, 32, 32), torch.zeros(960)), batch_size=config.training.batch_size, shuffle=True)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(config.training.num_epochs):
    for x, y in loader:
        loss = model(x).sum()
        loss.backward()
        optimizer.step()
`;

describe("ml_collections ConfigDict (built-in stand-in)", () => {
  it("holds fields as attributes and items, nested dicts as ConfigDicts: the model builds and the run reads its figures", async () => {
    const result = await analyze(MODEL, { others: { "/project/configs.py": CONFIGS } });
    const net = result.models.find((m) => m.name === "model");
    // embed 3*64*16*16 + 64; 3 blocks of (64*128 + 128 + 128*64 + 64); head 64*10 + 10
    assert.equal(net?.params, 3 * 64 * 16 * 16 + 64 + 3 * (64 * 128 + 128 + 128 * 64 + 64) + 64 * 10 + 10);
    assert.equal(result.training?.batch?.value, 48);
    assert.equal(result.training?.epochs?.value, 7);
  });
});
