// The standard library's module names are data generated from Python itself (tools/stdlib/generate.py), with their
// source and version beside them.
import assert from "node:assert/strict";
import stdlibData from "../../../../src/core/environment/stdlib-modules.json";
import { isStandardLibrary } from "../../../../src/core/environment/standard-library";

describe("Python's standard library by name (src/core/environment/standard-library.ts)", () => {
  it("names its source, the Python it came from and the script that regenerates it", () => {
    assert.equal(stdlibData.source, "sys.stdlib_module_names");
    assert.match(stdlibData.python, /^3\.\d+\.\d+$/);
    assert.equal(stdlibData.generator, "tools/stdlib/generate.py");
    assert.ok(stdlibData.modules.length > 200, String(stdlibData.modules.length));
  });

  it("knows top-level standard modules and packages, and no third-party package", () => {
    for (const name of ["ctypes", "concurrent", "sqlite3", "os", "_thread"]) assert.equal(isStandardLibrary(name), true, name);
    for (const name of ["torch", "numpy", "einops", "concurrent.futures", "Ctypes"]) assert.equal(isStandardLibrary(name), false, name);
  });
});
