#!/usr/bin/env node
// `npm run test:integration`: runs test/integration/suite in code-server's real Node extension host.
// Installs its tools on first use into .vscode-harness/ (see README.md), builds the extension and the suite,
// copies the fixtures into a scratch workspace, runs, runs the multi-root tests in a window of two folders, and ends
// with `N passed, N failed`.
// Options: --no-build (reuse dist/), --verbose, --timeout MS, --vsix (also package the .vsix,
// install it into code-server with --install-extension and check that it activates).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureDebianPackages, ensureCodeServer, ensurePlaywright } from "./install-tools.mjs";
import { runInCodeServer } from "./code-server-driver.mjs";
import { bundleSuite } from "./bundle-suite.mjs";
import { repoRoot, cacheDir, screenshotsDir } from "./paths.mjs";
import { closingLine, summarise } from "./results.mjs";
import { checkVsix } from "./check-vsix.mjs";
import { prepareWorkspace } from "./workspace.mjs";

const argv = process.argv.slice(2);
const option = (name) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};
const verbose = argv.includes("--verbose") || process.env.VERBOSE === "1";

function npmRun(script) {
  const result = spawnSync("npm", ["run", script, "--silent"], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status})`);
}

async function main() {
  ensureDebianPackages({ forCodeServer: true });
  const codeServer = ensureCodeServer();
  ensurePlaywright();
  if (!argv.includes("--no-build")) npmRun("build");
  const testsPath = await bundleSuite("node");
  const workspace = prepareWorkspace("workspace");
  const result = await runInCodeServer({
    codeServer,
    extensionPath: repoRoot,
    testsPath,
    workspace,
    state: path.join(cacheDir, "state"),
    screenshotDir: screenshotsDir,
    timeoutMs: Number(option("timeout") ?? 600_000),
    verbose,
  });
  const results = [summarise(result, "integration suite (code-server)")];
  // A multi-root window (a .code-workspace of two folders with their own .vscode/settings.json): resource-scoped
  // settings per folder, which a single-folder window cannot show. Its own code-server run, since adding a folder to
  // an open window restarts the extension host.
  const multiRoot = prepareWorkspace("multi-root", "test/fixtures/multi-root");
  const multiRootResult = await runInCodeServer({
    codeServer,
    extensionPath: repoRoot,
    testsPath: await bundleSuite("multi-root"),
    workspace: path.join(multiRoot, "multi-root.code-workspace"),
    state: path.join(cacheDir, "state"),
    timeoutMs: Number(option("timeout") ?? 600_000),
    verbose,
  });
  results.push(summarise(multiRootResult, "multi-root workspace (code-server)"));
  if (argv.includes("--vsix")) results.push(await checkVsix({ codeServer, verbose }));
  return closingLine(results);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[vscode-test] ${error instanceof Error ? error.message : String(error)}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
