// Lets Node load the core's `.py` files as their text, as esbuild's `loader: { ".py": "text" }` does in the bundles:
// mocha (.mocharc.json), `npm run bench`, the fuzz run and the tools that import src/ through tsx preload it with
// `--import ./tools/python-text/register.mjs`.
import { readFileSync } from "node:fs";
import { createRequire, register } from "node:module";

// tsx compiles this package's .ts files to CommonJS, so their `import text from "./x.py"` reaches require().
createRequire(import.meta.url).extensions[".py"] = (module, filename) => {
  module.exports = readFileSync(filename, "utf8");
};
// ES modules (tools/*.mjs, tsx's ESM path) reach the loader hooks instead.
register("./hooks.mjs", import.meta.url);
