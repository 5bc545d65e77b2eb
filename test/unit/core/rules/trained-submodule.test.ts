import assert from "node:assert/strict";
import { findingsOf, NET, ofRule } from "./helpers";

// Fine-tuning a head: the optimizer gets a submodule's parameters (`model.fc.parameters()`), and the model is
// trained in the file (isTrained, src/core/rules/model-usage.ts). Quantizing it before training would break it.

const script = (params: string) => `${NET}model = Net().cuda()
optimizer = torch.optim.SGD(${params}, lr=0.01)
for x in [torch.ones(3, 4).cuda()]:
    loss = model(x).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
model.eval()
with torch.no_grad():
    y = model(torch.ones(3, 4).cuda())
`;

describe("GL001: a model whose submodule's parameters are optimized is trained here", () => {
  it("`model.fc.parameters()` to the optimizer: 'is trained here', no inline quantization before training", async () => {
    for (const params of ["model.fc.parameters()", "model.parameters()"]) {
      const [f] = ofRule(await findingsOf(script(params)), "GL001");
      assert.ok(f, params);
      assert.match(f.message, /is trained here/, `${params}: ${f.message}`);
    }
  });

  it("another model's submodule does not make this one trained", async () => {
    const text = script("other.fc.parameters()").replace("model = Net().cuda()\n", "model = Net().cuda()\nother = Net().cuda()\n");
    const findings = ofRule(await findingsOf(text), "GL001");
    const own = findings.find((f) => f.message.startsWith("'model'"));
    assert.ok(own, findings.map((f) => f.message).join("\n"));
    assert.doesNotMatch(own.message, /is trained here/);
  });
});
