// Bundles the integration suite with esbuild into the extension folder (dist/test/...): the extension host
// loads tests only from inside the extension under test, and the web host cannot read node_modules.
import path from "node:path";
import { createRequire } from "node:module";
import { repoRoot } from "./paths.mjs";

const require = createRequire(path.join(repoRoot, "package.json"));

/** The entry and bundle of each target: the Node host's suite, the multi-root window's (Node host), the web worker's. */
const TARGETS = {
  node: { entry: "test/integration/suite/index.ts", outfile: "dist/test/suite/index.js" },
  "multi-root": { entry: "test/integration/suite/multi-root-index.ts", outfile: "dist/test/multi-root/index.js" },
  web: { entry: "test/integration/suite/web-index.ts", outfile: "dist/test/web/index.js" },
};

/** Builds the target's bundle (dist/test/suite, dist/test/multi-root or dist/test/web); returns its folder. */
export async function bundleSuite(target) {
  const esbuild = require("esbuild");
  const node = target !== "web";
  const outfile = path.join(repoRoot, TARGETS[target].outfile);
  await esbuild.build({
    entryPoints: [path.join(repoRoot, TARGETS[target].entry)],
    outfile,
    bundle: true,
    format: "cjs",
    platform: node ? "node" : "browser",
    target: node ? "node20" : "es2022",
    external: ["vscode"],
    sourcemap: "inline",
    logLevel: "warning",
    // Tests that build their own engine bundle the core's Python files as text (as esbuild.mjs).
    loader: { ".py": "text" },
    // mocha's parallel mode (never used here) resolves worker files by path.
    logOverride: { "require-resolve-not-external": "silent" },
    // The browser has no `assert`: a small shim with the same calls the tests use.
    alias: node ? {} : { assert: path.join(repoRoot, "test/integration/suite/assert-shim.ts") },
    // Tests that build their own AnalysisEngine load web-tree-sitter, whose ESM build reads import.meta.url (as esbuild.mjs).
    define: node ? { "import.meta.url": "__greenlightImportMetaUrl" } : { "process.env.NODE_ENV": '"test"', "import.meta.url": '"file:///greenlight/dist/test/web/index.js"' },
    banner: node ? { js: 'var __greenlightImportMetaUrl = require("url").pathToFileURL(__filename).href;' } : {},
  });
  return path.dirname(outfile);
}
