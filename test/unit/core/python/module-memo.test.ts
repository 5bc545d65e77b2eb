import { strict as assert } from "node:assert";
import { perModuleText } from "../../../../src/core/python/module-memo";
import type { Statement } from "../../../../src/core/python/ast";

describe("facts read once per module text (src/core/python/module-memo.ts)", () => {
  it("reads again only when the body or its text changes", () => {
    let reads = 0;
    const count = perModuleText((body, text) => (reads++, `${body.length}:${text.length}`));
    const body: Statement[] = [];
    assert.equal(count(body, "abc"), "0:3");
    assert.equal(count(body, "abc"), "0:3");
    assert.equal(reads, 1);
    assert.equal(count(body, "abcd"), "0:4");
    assert.equal(count([], "abcd"), "0:4");
    assert.equal(reads, 3);
  });
});
