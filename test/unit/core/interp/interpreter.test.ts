// The interpreter's configuration: what an analysis and each run inside it hand it, and what it gives back after.
import assert from "node:assert/strict";
import { Budget } from "../../../../src/core/interp/budget";
import type { ModuleLoader } from "../../../../src/core/interp/module-loader";
import { Recorder } from "../../../../src/core/interp/recorder";
import { createRuntime } from "../../../../src/core/runtime";

/** A loader that finds no module (these tests import nothing). */
const noModules: ModuleLoader = { importModule: () => undefined, importSubmodule: () => undefined };

describe("interpreter configuration", () => {
  it("a run's recorder and budget hold only while it lasts, and the analysis's come back even when it throws", () => {
    const interp = createRuntime().interpreter;
    const analysisBudget = new Budget(100, 1e9, () => 0);
    interp.beginAnalysis({ budget: analysisBudget, loader: noModules });
    const analysisRecorder = interp.recorder;
    const run = { recorder: new Recorder(), budget: new Budget(100, 1e9, () => 0) };
    run.recorder.recording = true;
    assert.throws(() =>
      interp.withRun(run, () => {
        assert.equal(interp.recorder, run.recorder);
        assert.equal(interp.budget, run.budget);
        interp.context.addFlops(7, "matmul");
        throw new Error("the run failed");
      }),
    /the run failed/);
    assert.equal(interp.recorder, analysisRecorder);
    assert.equal(interp.budget, analysisBudget);
    assert.deepEqual(run.recorder.ops.map((o) => [o.op, o.flops]), [["matmul", 7]]);
  });

  it("a nested run without a budget spends its enclosing run's", () => {
    const interp = createRuntime().interpreter;
    interp.beginAnalysis({ budget: new Budget(100, 1e9, () => 0), loader: noModules });
    const outer = { recorder: new Recorder(), budget: new Budget(100, 1e9, () => 0) };
    const inner = new Recorder();
    interp.withRun(outer, () =>
      interp.withRun({ recorder: inner }, () => {
        assert.equal(interp.recorder, inner);
        assert.equal(interp.budget, outer.budget);
      }),
    );
  });

  it("beginAnalysis starts afresh: a new recorder (the last analysis's notes gone) and this analysis's loader", () => {
    const interp = createRuntime().interpreter;
    interp.beginAnalysis({ budget: new Budget(100, 1e9, () => 0), loader: noModules });
    const first = interp.recorder;
    first.note("a gap of the first analysis", undefined);
    interp.beginAnalysis({ budget: new Budget(100, 1e9, () => 0), loader: noModules });
    assert.notEqual(interp.recorder, first);
    assert.deepEqual(interp.recorder.notes, []);
    assert.equal(interp.loader, noModules);
  });

  it("the torch bindings give type() of a tensor its classes at construction", () => {
    const interp = createRuntime().interpreter;
    assert.equal(interp.tensorClasses?.tensor.name, "Tensor");
    assert.equal(interp.tensorClasses?.parameter.bases[0], interp.tensorClasses?.tensor);
  });
});
