import assert from "node:assert/strict";
import { StacklessError } from "../../../../src/core/interp/stackless-error";
import { PythonError, Unresolved, UnknownInput } from "../../../../src/core/interp/values";

describe("errors the interpreter throws as control flow", () => {
  it("carry their message and class but no JavaScript frames", () => {
    const error = new Unresolved("a comprehension's filter is unknown");
    assert.ok(error instanceof StacklessError && error instanceof Error);
    assert.equal(error.name, "Unresolved");
    assert.equal(error.message, "a comprehension's filter is unknown");
    // V8 writes the stack as "Name: message" followed by one "    at ..." line per frame captured.
    assert.ok(!/\n\s+at /.test(error.stack ?? ""), error.stack);
  });

  it("leave the engine's stack limit as it was, so other errors keep their stacks", () => {
    const before = Error.stackTraceLimit;
    new PythonError("TypeError: unsupported operand");
    new UnknownInput({ kind: "unknown", reason: "a file the workspace lacks" });
    assert.equal(Error.stackTraceLimit, before);
    assert.match(new Error("ordinary").stack ?? "", /\n\s+at /);
  });
});
