import { strict as assert } from "node:assert";
import { processCpuClock, threadCpuClock } from "../../../src/node/cpu-clock";

// The analysis budget's clock (src/node/cpu-clock.ts): it must count work and not waiting, so that an analysis on a
// loaded machine, which waits for a core, is stopped by the same amount of work as on an idle one.
describe("the analysis budget's CPU clock (src/node/cpu-clock.ts)", () => {
  it("advances while the thread works", () => {
    const now = processCpuClock();
    const start = now();
    const wallStart = Date.now();
    // Spin until the clock has moved 20 ms (or 10 s of wall time pass, which would mean it does not move).
    while (now() - start < 20 && Date.now() - wallStart < 10_000) Math.sqrt(Math.random());
    assert.ok(now() - start >= 20, `the clock moved ${now() - start} ms in ${Date.now() - wallStart} ms of work`);
  });

  it("does not count time spent waiting", async () => {
    const now = processCpuClock();
    const start = now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A 300 ms sleep costs the process next to no CPU (a timer, a little of V8's background work).
    assert.ok(now() - start < 150, `the clock moved ${now() - start} ms while the thread slept 300 ms`);
  });

  it("never runs ahead of wall time (the process's other threads add CPU time on an idle machine)", () => {
    // Wall time from before the clock starts, so that the clock's own later start can only put it behind.
    const wallStart = performance.now();
    const now = processCpuClock();
    const start = now();
    // Work that makes V8's background threads busy too: many short-lived objects for the collector.
    let kept: number[][] = [];
    while (performance.now() - wallStart < 100) kept = [Array.from({ length: 1000 }, Math.random), ...kept.slice(0, 50)];
    assert.ok(kept.length > 0);
    const moved = now() - start;
    const wall = performance.now() - wallStart;
    assert.ok(moved <= wall, `the clock moved ${moved} ms in ${wall} ms of wall time`);
  });

  it("the thread clock, where Node has one, is a clock of this thread", function () {
    const now = threadCpuClock();
    // Node without process.threadCpuUsage: the editor's worker keeps wall time.
    if (!now) this.skip();
    const start = now();
    assert.ok(Number.isFinite(start) && start >= 0);
    const wallStart = Date.now();
    while (now() - start < 5 && Date.now() - wallStart < 10_000) Math.sqrt(Math.random());
    assert.ok(now() - start >= 5);
  });
});
