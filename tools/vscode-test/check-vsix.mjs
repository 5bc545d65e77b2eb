// Packages the extension (npm run package → dist/greenlight.vsix), installs it into a fresh code-server with
// --install-extension, and runs test/integration/vsix-probe/probe-test.js to check that it activates.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { runInCodeServer } from "./code-server-driver.mjs";
import { repoRoot, cacheDir } from "./paths.mjs";
import { summarise } from "./results.mjs";
import { prepareWorkspace } from "./workspace.mjs";

/** Checks that the packaged extension installs and activates; returns summarise()'s counts and exit code. */
export async function checkVsix({ codeServer, verbose, timeoutMs = 300_000 }) {
  const packaged = spawnSync("npm", ["run", "package", "--silent"], { cwd: repoRoot, stdio: "inherit" });
  if (packaged.status !== 0) {
    console.log("[vscode-test] npm run package failed");
    return { exitCode: 1, passed: 0, failed: 1 };
  }
  const workspace = prepareWorkspace("vsix-workspace");
  const probe = path.join(repoRoot, "test/integration/vsix-probe");
  const result = await runInCodeServer({
    codeServer,
    extensionPath: probe,
    testsPath: path.join(probe, "probe-test.js"),
    workspace,
    state: path.join(cacheDir, "vsix-state"),
    installExtensions: [path.join(repoRoot, "dist/greenlight.vsix")],
    endOnResult: true,
    timeoutMs,
    verbose,
  });
  return summarise(result, ".vsix check");
}
