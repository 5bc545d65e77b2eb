// Builds the bundles (VS Code desktop and its worker, VS Code for the web and its worker, the report page, the CLI) and copies the .wasm files beside them.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  // The core's Python files (torchvision zoo, keras.applications) are bundled as their text.
  loader: { ".py": "text" },
  // web-tree-sitter's Node branch imports these lazily; the bundles hand it the .wasm bytes instead.
  external: ["vscode"],
};

// web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle lacks: give it the bundle's own URL.
const nodeImportMeta = {
  define: { "import.meta.url": "__greenlightImportMetaUrl" },
  banner: { js: 'var __greenlightImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
};

const builds = [
  { ...common, ...nodeImportMeta, entryPoints: ["src/vscode/extension.ts"], outfile: "dist/extension.js", platform: "node", format: "cjs", target: "node20" },
  // The analysis worker thread the desktop extension starts (src/node/analysis-worker.ts).
  { ...common, ...nodeImportMeta, entryPoints: ["src/node/analysis-worker.ts"], outfile: "dist/analysis-worker.js", platform: "node", format: "cjs", target: "node20" },
  {
    ...common,
    entryPoints: ["src/web/extension.ts"],
    outfile: "dist/web/extension.js",
    platform: "browser",
    format: "cjs",
    target: "es2022",
    external: ["vscode", "fs", "fs/promises", "module", "path", "url"],
    // web-tree-sitter builds a URL from import.meta.url even when handed the .wasm bytes; any absolute URL will do.
    define: { "process.env.NODE_ENV": production ? '"production"' : '"development"', "import.meta.url": '"file:///greenlight/dist/web/extension.js"' },
  },
  {
    // The analysis Web Worker the web extension starts (src/web/analysis-worker.ts): a classic script, as VS Code's
    // web host loads nested workers with importScripts.
    ...common,
    entryPoints: ["src/web/analysis-worker.ts"],
    outfile: "dist/web/analysis-worker.js",
    platform: "browser",
    format: "iife",
    target: "es2022",
    external: ["fs", "fs/promises", "module", "path", "url"],
    define: { "process.env.NODE_ENV": production ? '"production"' : '"development"', "import.meta.url": '"file:///greenlight/dist/web/analysis-worker.js"' },
  },
  {
    // The report view's page (src/webview/report/), type-checked against the extension's message contract; a
    // classic script, as the page loads it under its CSP nonce.
    ...common,
    entryPoints: ["src/webview/report/report.ts"],
    outfile: "dist/webview/report.js",
    platform: "browser",
    format: "iife",
    target: "es2022",
  },
  {
    // ES modules split per command, so `greenlight grid` or `--version` load a fraction of the analyzer's code;
    // dist/cli.js (below) is the launcher that package.json's bin and the docs name.
    ...common,
    entryPoints: ["src/cli/main.ts"],
    outdir: "dist/cli",
    outExtension: { ".js": ".mjs" },
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: {
      js: [
        'import { createRequire as __greenlightCreateRequire } from "node:module";',
        'import { dirname as __greenlightDirname } from "node:path";',
        'import { fileURLToPath as __greenlightFileURLToPath } from "node:url";',
        "const require = __greenlightCreateRequire(import.meta.url);",
        "const __dirname = __greenlightDirname(__greenlightFileURLToPath(import.meta.url));",
      ].join(" "),
    },
  },
];

function writeCliLauncher() {
  mkdirSync("dist", { recursive: true });
  writeFileSync("dist/cli.js", '#!/usr/bin/env node\n"use strict";\nimport("./cli/main.mjs");\n', { mode: 0o755 });
}

function copyWasm() {
  for (const dir of ["dist", "dist/web", "dist/cli"]) {
    mkdirSync(dir, { recursive: true });
    copyFileSync("node_modules/web-tree-sitter/web-tree-sitter.wasm", `${dir}/web-tree-sitter.wasm`);
    copyFileSync("node_modules/tree-sitter-python/tree-sitter-python.wasm", `${dir}/tree-sitter-python.wasm`);
  }
}

// Chunk names change with their contents: start the CLI folder empty so stale chunks never ship.
rmSync("dist/cli", { recursive: true, force: true });
copyWasm();
writeCliLauncher();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
