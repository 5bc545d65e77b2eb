// Tests mirror src/: a test of src/core/interp/x.ts lives in test/unit/core/interp/. Shared test infrastructure
// (helpers/, and fuzz/, which drives the whole core) is the only exception.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const unitRoot = __dirname;
const srcRoot = path.resolve(__dirname, "../../src");
const SHARED = new Set(["helpers", "fuzz"]);

function folders(dir: string, base = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return [rel, ...folders(path.join(dir, e.name), rel)];
  });
}

describe("test layout", () => {
  it("every folder of test/unit mirrors a folder of src/ (helpers and fuzz aside)", () => {
    const strays = folders(unitRoot)
      .filter((rel) => !SHARED.has(rel.split("/")[0]))
      .filter((rel) => !fs.existsSync(path.join(srcRoot, rel)) && !/(^|\/)reference$/.test(rel));
    assert.deepEqual(strays, [], `test folders with no src/ counterpart: ${strays.join(", ")}`);
  });
});
