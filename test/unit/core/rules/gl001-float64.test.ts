import assert from "node:assert/strict";
import { findingsOf, NET, ofRule } from "./helpers";

// A float64 network used for inference: autocast runs float64 ops as they are and quantized kernels take float32
// input, so GL001 names the layers' float64, offers only what takes any dtype (pruning) and says to cast to float32
// first (src/core/rules/gl001-torch.ts). A fixture of our own.

const INFERENCE = (cast: string) => `${NET}${cast}
net.eval()
x = torch.ones(8, 4, dtype=torch.float64).cuda()
with torch.no_grad():
    y = net(x)
`;

describe("GL001 on a float64 network", () => {
  it("names float64, offers no autocast or int8 fix, and says to cast to float32 first", async () => {
    const [finding] = ofRule(await findingsOf(INFERENCE("net = Net().cuda().double()")), "GL001");
    assert.ok(finding, "the network is still reported");
    assert.match(finding.message, /runs its Linear layers in fp64 for inference on CUDA/);
    assert.match(finding.message, /cast the model to float32 \(\.float\(\)\) first/);
    assert.deepEqual(finding.fixes.map((f) => f.kind), ["prune-l1"]);
  });

  it("weighs autocast and offers int8 for the same network in float32", async () => {
    const [finding] = ofRule(await findingsOf(INFERENCE("net = Net().cuda()")), "GL001");
    assert.match(finding.message, /in fp32 for inference/);
    // This network is too small for autocast to pay off: the energy model weighs it and says why it is not offered.
    assert.match(finding.message, /Not offered: bf16 autocast/);
    assert.doesNotMatch(finding.message, /float64/);
    assert.deepEqual(finding.fixes.map((f) => f.kind), ["weight-only-int8", "prune-l1"]);
  });
});
