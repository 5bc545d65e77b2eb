import assert from "node:assert/strict";
import { findingsOf, NET, ofRule } from "./helpers";

// A training loop of a float64 network: torch.autocast leaves float64 ops as they are, so GL003 offers no autocast
// fix there and says to train in float32 first (src/core/rules/gl003-mixed-precision.ts). A fixture of our own.

const LOOP = (cast: string) => `${NET}${cast}
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(2):
    for x in [torch.ones(3, 4, dtype=torch.float64).cuda()]:
        loss = net(x).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

describe("GL003 on a float64 training loop", () => {
  it("offers no autocast fix for a network cast with .double(), and names the cast", async () => {
    const [finding] = ofRule(await findingsOf(LOOP("net = Net().double().cuda()")), "GL003");
    assert.ok(finding, "the loop is still reported");
    assert.equal(finding.fixes.length, 0);
    assert.match(finding.message, /float64 \(Net\(\)\.double\(\), line \d+\).*Train in float32 first/);
  });

  it("offers none where the default dtype a module sets makes the network's weights float64", async () => {
    const [finding] = ofRule(await findingsOf(LOOP("torch.set_default_dtype(torch.float64)\nnet = Net().cuda()")), "GL003");
    assert.equal(finding.fixes.length, 0);
    assert.match(finding.message, /runs in float64/);
  });

  it("keeps the autocast fixes for the same loop in float32", async () => {
    const [finding] = ofRule(await findingsOf(LOOP("net = Net().cuda()")), "GL003");
    assert.ok(finding.fixes.some((f) => f.kind === "autocast-bf16" || f.kind === "autocast-fp16"));
  });
});
