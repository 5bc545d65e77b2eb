import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A project written for these tests: the model and the device come from a config module, and the step runs under
// an autocast whose device type is an expression that names "cpu" only for a machine without CUDA.
const CONFIG = (device: string) => `import torch
from torch import nn

amp = True
device = ${device}
model = nn.Linear(8, 2)
model.to(device=device)
`;

const SCRIPT = (deviceType: string) => `import torch
from config import amp, device, model


def train_model():
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    data = torch.utils.data.TensorDataset(torch.randn(100, 8), torch.randn(100, 2))
    loader = torch.utils.data.DataLoader(data, batch_size=10)
    for epoch in range(3):
        for x, y in loader:
            with torch.autocast(${deviceType}, enabled=amp):
                loss = model(x).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()


if __name__ == "__main__":
    train_model()
`;

const CUDA = `torch.device("cuda" if torch.cuda.is_available() else "cpu")`;
const precisionOf = async (device: string, deviceType: string) => (await analyze(SCRIPT(deviceType), { others: { "/project/config.py": CONFIG(device) } })).training?.precision?.value;

describe("the device an autocast casts on", () => {
  it("reads an autocast whose device type evaluates to cuda as fp16, though its text names cpu for another machine", async () => {
    assert.equal(await precisionOf(CUDA, `device.type if device.type != "mps" else "cpu"`), "fp16");
  });

  it("reads none where the device type is cpu, by value or as written", async () => {
    assert.notEqual(await precisionOf(`torch.device("cpu")`, `device.type if device.type != "mps" else "cpu"`), "fp16");
    assert.notEqual(await precisionOf(CUDA, `"cpu"`), "fp16");
  });
});
