import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

describe("library models built in main() or under `if __name__ == \"__main__\":` (src/core/interp/nested-model-sites.ts)", () => {
  it("finds a library model a script builds inside main(), located where it is built", async () => {
    const result = await analyze(`import torch
import torchvision.models as models

def main():
    model = models.resnet18()
    model.eval()
    with torch.no_grad():
        model(torch.randn(1, 3, 224, 224))

if __name__ == "__main__":
    main()
`);
    const m = modelNamed(result, "model");
    assert.equal(m.line, 5);
    assert.equal(m.params, 11_689_512, "torchvision's resnet18");
    assert.equal(m.inputSource, "example");
    assert.equal(m.complete, true);
  });

  it("builds one under the main guard; one that reads the function's own variables is listed with what it needs", async () => {
    const result = await analyze(`import torch
from torchvision.models import mobilenet_v2, resnet18

def build(num_classes):
    head = resnet18(num_classes=num_classes)
    head.eval()
    return head

if __name__ == "__main__":
    net = mobilenet_v2()
    net.eval()
`);
    assert.deepEqual(result.models.map((m) => m.name), ["head", "net"]);
    const [head, net] = result.models;
    assert.equal(net.line, 10);
    assert.equal(net.params, 3_504_872, "torchvision's mobilenet_v2");
    assert.equal(head.line, 5);
    assert.equal(head.params, 0, "not built: its argument is the function's own");
    assert.match(head.unresolved[0].reason, /own variables \(num_classes\).*--entry/);
  });

  it("leaves out what a model class's own methods build (its parts) and calls of torch itself", async () => {
    const result = await analyze(`import torch
import torch.nn as nn
import torchvision.models as models

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        backbone = models.resnet18()
        backbone.eval()
        self.features = nn.Sequential(*list(backbone.children())[:-1])

    def forward(self, x):
        return self.features(x).flatten(1)

def main():
    layer = torch.nn.Linear(4, 2)
    layer.eval()
`);
    assert.deepEqual(result.models.map((m) => m.name), ["Net"]);
  });
});
