// Builds the three bundles (VS Code desktop, VS Code for the web, CLI) and copies the .wasm files beside them.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
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
    ...common,
    entryPoints: ["src/cli/main.ts"],
    outfile: "dist/cli.js",
    platform: "node",
    format: "cjs",
    target: "node20",
    ...nodeImportMeta,
    banner: { js: `#!/usr/bin/env node\n${nodeImportMeta.banner.js}` },
  },
];

function copyWasm() {
  for (const dir of ["dist", "dist/web"]) {
    mkdirSync(dir, { recursive: true });
    copyFileSync("node_modules/web-tree-sitter/web-tree-sitter.wasm", `${dir}/web-tree-sitter.wasm`);
    copyFileSync("node_modules/tree-sitter-python/tree-sitter-python.wasm", `${dir}/tree-sitter-python.wasm`);
  }
}

copyWasm();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
