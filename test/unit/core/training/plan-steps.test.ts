import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import type { PlanFigure } from "../../../../src/core/training/training-plan";

const code = (value: number, detail = "code"): PlanFigure => ({ value, source: "code", line: 1, detail });

describe("planOptimizerSteps", () => {
  it("counts an epoch-based plan's steps with ⌈⌉, or ⌊⌋ when the loader drops its last partial batch", () => {
    const plan = { epochs: code(10), samples: code(5_717), batch: code(256) };
    assert.equal(planOptimizerSteps(plan)?.value, 10 * 23);
    const dropping = planOptimizerSteps({ ...plan, dropLast: true });
    assert.equal(dropping?.value, 10 * 22);
    assert.match(dropping!.detail, /drop_last/);
  });

  it("groups each epoch's batches by the accumulation, stepping the last partial group", () => {
    assert.equal(planOptimizerSteps({ epochs: code(3), samples: code(1_000), batch: code(8), accumulation: code(4) })?.value, 3 * Math.ceil(125 / 4));
  });

  it("keeps the plan's own step count, and gives none when a figure is missing or unusable", () => {
    assert.equal(planOptimizerSteps({ steps: code(5_000, "max_steps=5000"), epochs: code(2), samples: code(10), batch: code(1) })?.value, 5_000);
    assert.equal(planOptimizerSteps({ epochs: code(2), batch: code(16) }), undefined);
    assert.equal(planOptimizerSteps({ epochs: code(2), samples: code(10.5), batch: code(16) }), undefined);
  });
});
