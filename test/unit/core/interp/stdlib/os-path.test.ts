import assert from "node:assert/strict";
import { pathAbspath, pathBasename, pathDirname, pathJoin, pathNormpath } from "../../../../../src/core/interp/stdlib/os-path";

// posixpath's string functions (src/core/interp/stdlib/os-path.ts), checked against what CPython's posixpath gives.
describe("os.path on strings (src/core/interp/stdlib/os-path.ts)", () => {
  it("join restarts at an absolute part and adds one slash between parts", () => {
    assert.equal(pathJoin("a", "b", "c.py"), "a/b/c.py");
    assert.equal(pathJoin("a/", "b"), "a/b");
    assert.equal(pathJoin("a", "/etc", "x"), "/etc/x");
    assert.equal(pathJoin("/r/pkg", ".."), "/r/pkg/..");
  });

  it("dirname and basename split at the last slash, as posixpath.split does", () => {
    assert.equal(pathDirname("/r/pkg/mod.py"), "/r/pkg");
    assert.equal(pathDirname("mod.py"), "");
    assert.equal(pathDirname("/mod.py"), "/");
    assert.equal(pathDirname("a//b"), "a");
    assert.equal(pathBasename("/r/pkg/mod.py"), "mod.py");
    assert.equal(pathBasename("/r/pkg/"), "");
  });

  it("normpath drops '.' and '..'; abspath starts relative paths at the working directory", () => {
    assert.equal(pathNormpath("/r/pkg/../utils/./x"), "/r/utils/x");
    assert.equal(pathNormpath(""), ".");
    assert.equal(pathNormpath("a/.."), ".");
    assert.equal(pathAbspath("../utils", "/r/pkg"), "/r/utils");
    assert.equal(pathAbspath("/x/../y", "/r"), "/y");
  });
});
