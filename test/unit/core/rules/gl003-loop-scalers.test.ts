import assert from "node:assert/strict";
import { applyEdits } from "../../../../src/core/rules/apply-edits";
import { findingsOf, hasSyntaxError, NET, ofRule } from "./helpers";

// A GradScaler belongs to the loops that scale their loss with it: fixing one of two fp32 training loops leaves the
// other reported (src/core/rules/loop-scalers.ts).

const TWO_LOOPS = `${NET}net = Net().cuda()
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for x in [torch.ones(3, 4).cuda()]:
    loss = net(x).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()

head = Net().cuda()
opt2 = torch.optim.SGD(head.parameters(), lr=0.1)
for epoch in range(2):
    for x in [torch.ones(3, 4).cuda()]:
        loss = head(x).sum()
        opt2.zero_grad()
        loss.backward()
        opt2.step()
`;

describe("GL003: a GradScaler is its loops' mixed precision, not the file's", () => {
  it("the fp16 fix of one of two loops leaves the other loop's finding, and fixing that too clears both", async () => {
    const before = ofRule(await findingsOf(TWO_LOOPS), "GL003");
    assert.equal(before.length, 2, "two fp32 loops");
    const fp16 = before[0].fixes.find((f) => f.kind === "autocast-fp16");
    assert.ok(fp16, "the first loop has an fp16 fix");
    const once = applyEdits(TWO_LOOPS, fp16.edits);
    assert.equal(await hasSyntaxError(once), false);
    assert.match(once, /GradScaler/);
    const after = ofRule(await findingsOf(once), "GL003");
    assert.equal(after.length, 1, "the second loop is still fp32");
    assert.equal(after[0].line, before[1].line + (once.split("\n").length - TWO_LOOPS.split("\n").length));
    const second = after[0].fixes.find((f) => f.kind === "autocast-fp16");
    assert.ok(second);
    const both = applyEdits(once, second.edits);
    assert.equal(await hasSyntaxError(both), false);
    assert.equal(ofRule(await findingsOf(both), "GL003").length, 0);
  });

  it("a scaler handed to a function, or scaling outside any loop, still counts for the whole file", async () => {
    const passed = TWO_LOOPS.replace("net = Net().cuda()\n", "net = Net().cuda()\nscaler = torch.cuda.amp.GradScaler()\nsetup(scaler)\n");
    assert.equal(ofRule(await findingsOf(passed), "GL003").length, 0);
    const outside = TWO_LOOPS.replace("net = Net().cuda()\n", "net = Net().cuda()\nscaler = torch.cuda.amp.GradScaler()\nscaler.scale(net(torch.ones(3, 4).cuda()).sum()).backward()\n");
    assert.equal(ofRule(await findingsOf(outside), "GL003").length, 0);
  });
});
