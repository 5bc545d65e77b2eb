import { strict as assert } from "node:assert";
import { deviceMemory } from "../../../../src/core/memory/device-memory";
import { estimateMemory } from "../../../../src/core/memory/memory-estimate";
import { checkFit, memoryOptions } from "../../../../src/core/memory/memory-fit";
import { onlyModel } from "../../helpers/analyze";
import { wideMlp } from "./wide-mlp";

const model = wideMlp;

describe("the fit check", () => {
  it("says a step fits exactly when its peak is within the device's memory", async () => {
    const m = await onlyModel(model(64));
    const context = { hardware: "t4", dtype: "fp32" as const, mode: "train" as const };
    const memory = estimateMemory(m, memoryOptions(m, context));
    const t4 = deviceMemory("t4")!.memoryBytes;
    const fit = checkFit(m, context, memory)!;
    assert.equal(fit.fits, memory.peak_bytes <= t4);
    // Move the boundary: a device of exactly the peak fits, one byte less does not.
    const exact = checkFit(m, context, { ...memory, peak_bytes: t4 })!;
    assert.equal(exact.fits, true);
    const over = checkFit(m, context, { ...memory, peak_bytes: t4 + 1 })!;
    assert.equal(over.fits, false);
    assert.match(over.summary, /^needs 16 GiB, t4 has 16 GiB$/);
  });

  it("a step too big for the device lists the changes that fit, each with its time and energy cost", async () => {
    // 16 × 4096² parameters: 1 GiB of fp32 weights, 4 GiB with gradients and Adam. At batch 65,536 each block keeps
    // its input and the ReLU's output (2 × 1 GiB): 16 GiB of activations, past a 16 GiB T4.
    const m = await onlyModel(model(65_536));
    const fit = checkFit(m, { hardware: "t4", dtype: "fp32", mode: "train" })!;
    assert.equal(fit.fits, false);
    assert.ok(fit.changes.length > 0);
    for (const c of fit.changes) {
      assert.ok(c.fits && c.peak_bytes <= fit.device.memoryBytes, c.label);
      assert.ok(Number.isFinite(c.time_factor) && c.time_factor > 0, c.label);
    }
    const checkpointing = fit.changes.find((c) => c.label.startsWith("activation checkpointing"));
    assert.ok(checkpointing && checkpointing.time_factor > 1, "recomputing the forward costs time");
    const smaller = fit.changes.find((c) => c.label.includes("gradient-accumulation"));
    assert.ok(smaller, fit.changes.map((c) => c.label).join(", "));
  });

  it("knows no capacity for hardware missing from the data", async () => {
    const m = await onlyModel(model(4));
    assert.equal(checkFit(m, { hardware: "cpu-x86-server", dtype: "fp32", mode: "train" }), undefined);
  });
});
