import assert from "node:assert/strict";
import { deviceMemory } from "../../../../src/core/memory/device-memory";
import { findingsOf, ofRule } from "./helpers";
import { wideMlp } from "../memory/wide-mlp";

const training = (batch: number, optimizer = "torch.optim.AdamW(model.parameters())") => `${wideMlp(batch)}

model = Wide()
optimizer = ${optimizer}


def step(x):
    loss = model(x).sum()
    loss.backward()
    optimizer.step()
`;

describe("GL006: peak memory exceeds the device", () => {
  it("flags a training step that needs more than the selected hardware has, with the changes that fit", async () => {
    const findings = ofRule(await findingsOf(training(65_536), { hardware: "t4" }), "GL006");
    assert.equal(findings.length, 1);
    const f = findings[0];
    assert.equal(f.line, 6);
    assert.match(f.message, /^Wide: a training step needs \d+ GiB, t4 has 16 GiB \(weights 1 GiB, gradients 1 GiB, optimizer 2 GiB, activations \d+ GiB\)\. Fits with /);
    assert.match(f.message, /activation checkpointing of each block \(\d+(\.\d)? GiB; time \+\d+%, energy \+\d+%\)/);
  });

  it("is silent when the step fits, and when the same step runs on a larger device", async () => {
    assert.equal(ofRule(await findingsOf(training(1024), { hardware: "t4" }), "GL006").length, 0);
    assert.ok(deviceMemory("h200-sxm")!.memoryBytes > 100 * 2 ** 30);
    assert.equal(ofRule(await findingsOf(training(65_536), { hardware: "h200-sxm" }), "GL006").length, 0);
  });

  it("an 8-bit optimizer in the code is what the estimate counts", async () => {
    const adam = await findingsOf(training(49_152), { hardware: "t4" });
    const eightBit = await findingsOf(training(49_152, "bnb.optim.AdamW8bit(model.parameters())"), { hardware: "t4" });
    const gib = (m: string) => Number(/needs (\d+(\.\d)?) GiB/.exec(m)?.[1]);
    const a = ofRule(adam, "GL006")[0];
    const b = ofRule(eightBit, "GL006")[0];
    assert.ok(a, "Adam at batch 49,152 does not fit a T4");
    assert.ok(!b || gib(b.message) < gib(a.message));
  });
});

describe("GL006's fix", () => {
  it("swaps AdamW for bitsandbytes' AdamW8bit and imports bitsandbytes once", async () => {
    const { fixAndCheck } = await import("./helpers");
    // Batch 51,200: 12.5 GiB of activations plus 4 GiB of weights, gradients and AdamW; 8-bit moments (0.5 GiB instead
    // of 2) bring it under 16 GiB.
    const text = training(51_200);
    const findings = ofRule(await findingsOf(text, { hardware: "t4" }), "GL006");
    assert.equal(findings.length, 1, "does not fit with AdamW");
    assert.ok(findings[0].fixes.some((f) => f.kind === "8bit-optimizer"), findings[0].message);
    const fixed = await fixAndCheck(text, "GL006", "8bit-optimizer", { hardware: "t4" });
    assert.match(fixed, /^import bitsandbytes as bnb$/m);
    assert.match(fixed, /optimizer = bnb\.optim\.AdamW8bit\(model\.parameters\(\)\)/);
  });
});
