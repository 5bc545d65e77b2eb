import { strict as assert } from "node:assert";
import { withDeadline } from "../../../src/vscode/deadline";

// The report's training-plan lookup waits through withDeadline: a slow or failing lookup must turn into a reason
// the calculator can show (it then uses the settings), never into a hang or a thrown error.
describe("withDeadline (src/vscode/deadline.ts)", () => {
  it("hands on the value of work that finishes in time", async () => {
    const result = await withDeadline(async () => 42, 1_000, "the lookup");
    assert.deepEqual(result, { ok: true, value: 42 });
  });

  it("turns a rejection into a reason naming the work and the error", async () => {
    const result = await withDeadline(() => Promise.reject(new Error("parser gone")), 1_000, "reading the plan");
    assert.deepEqual(result, { ok: false, reason: "reading the plan failed: parser gone" });
  });

  it("turns a synchronous throw into the same kind of reason", async () => {
    const result = await withDeadline(() => {
      throw new Error("no engine");
    }, 1_000, "reading the plan");
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : "", /no engine/);
  });

  it("gives up at the deadline on work that never finishes", async () => {
    const started = Date.now();
    const result = await withDeadline(() => new Promise<never>(() => undefined), 50, "reading the plan");
    const waited = Date.now() - started;
    assert.deepEqual(result, { ok: false, reason: "reading the plan took longer than 50 ms" });
    assert.ok(waited >= 45 && waited < 2_000, `waited ${waited} ms`);
  });

  it("a late answer after the deadline does not change the result", async () => {
    let finish!: (value: number) => void;
    const pending = withDeadline(() => new Promise<number>((resolve) => (finish = resolve)), 20, "the lookup");
    const result = await pending;
    finish(7);
    assert.equal(result.ok, false);
    assert.equal((await pending).ok, false);
  });
});
