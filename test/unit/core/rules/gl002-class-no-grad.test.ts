import assert from "node:assert/strict";
import { findingsInProject, findingsOf, NET, ofRule } from "./helpers";

// A method its class decorates @torch.inference_mode()/@torch.no_grad() runs without autograd wherever it is called
// from, the class being the file's own or imported (src/core/interp/no-grad-methods.ts, rules/class-no-grad.ts).

const MODELS = `import torch
import torch.nn as nn


class Captioner(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.drop = nn.Dropout(0.1)

    def forward(self, x):
        return self.fc(self.drop(x))

    @torch.inference_mode()
    def generate(self, x, steps=2):
        return [self(x) for _ in range(steps)]

    def sample(self, x):
        return self(x)

    @classmethod
    def from_pretrained(cls, path):
        return cls()
`;

const script = (call: string) => `import torch
from models.captioner import Captioner


def main():
    model = Captioner.from_pretrained("ckpt").to("cuda")
    model.eval()
    out = model.${call}(torch.ones(3, 4))
    print(out)


main()
`;

describe("GL002: methods a class decorates inference_mode/no_grad", () => {
  it("an imported class's @torch.inference_mode() generate gets no finding; its undecorated sample does", async () => {
    const others = { "/project/models/captioner.py": MODELS, "/project/models/__init__.py": "" };
    assert.equal(ofRule(await findingsInProject(script("generate"), others), "GL002").length, 0);
    const [f] = ofRule(await findingsInProject(script("sample"), others), "GL002");
    assert.ok(f, "sample() is not decorated");
    assert.match(f.message, /'model' runs in eval mode with autograd on/);
  });

  it("the file's own class: a decorated forward covers `model(x)`; a model re-bound to another value loses it", async () => {
    const own = `${NET.replace("    def forward(self, x):", "    @torch.no_grad()\n    def forward(self, x):")}net = Net()
net.eval()
y = net(torch.ones(3, 4))
`;
    assert.equal(ofRule(await findingsOf(own), "GL002").length, 0);
    const plain = `${NET}net = Net()
net.eval()
y = net(torch.ones(3, 4))
`;
    assert.equal(ofRule(await findingsOf(plain), "GL002").length, 1, "an undecorated forward runs with autograd");
    const rebound = own.replace("net.eval()\n", "net = torch.load('other.pt')\nnet.eval()\n");
    assert.equal(ofRule(await findingsOf(rebound), "GL002").length, 1, "the name may hold another model");
  });
});
