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

describe("GL006 on several GPUs: the per-GPU peak", () => {
  // Batch 53,248 per GPU: 13 GiB of activations and 4 GiB of weights, gradients and AdamW state: 17 GiB, over a T4's
  // 16 GiB when replicated (DDP), 14 GiB when FSDP shards the 4 GiB over 4 GPUs.
  it("with greenlight.gpus 4 (DDP assumed): says each GPU's need and offers sharding, with its communication cost", async () => {
    const [f] = ofRule(await findingsOf(training(53_248), { hardware: "t4", gpus: 4 }), "GL006");
    assert.ok(f, "a replicated step does not fit");
    assert.match(f.message, /^Wide: a training step on each of 4 GPUs \(DDP\) needs 17 GiB, t4 has 16 GiB/);
    assert.match(f.message, /FSDP full shard over the 4 GPUs \(14 GiB; time \+\d+%, energy \+\d+%\)/);
  });

  it("FSDP in the code shards weights, gradients and optimizer state: the same step fits", async () => {
    const distributed = (wrap: string) => training(53_248).replace("model = Wide()", `import torch.distributed as dist
from torch.distributed.fsdp import FullyShardedDataParallel
dist.init_process_group("nccl", world_size=4)
model = ${wrap}`);
    assert.equal(ofRule(await findingsOf(distributed("FullyShardedDataParallel(Wide())"), { hardware: "t4" }), "GL006").length, 0);
    const [ddp] = ofRule(await findingsOf(distributed("torch.nn.parallel.DistributedDataParallel(Wide())"), { hardware: "t4" }), "GL006");
    assert.match(ddp?.message ?? "", /on each of 4 GPUs \(DDP\) needs 17 GiB/);
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
