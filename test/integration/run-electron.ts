// Runs the integration suite in VS Code desktop through @vscode/test-electron, for contributors whose machines
// can download VS Code (CI and offline machines use tools/vscode-test/run.mjs with code-server instead).
// Usage: npm run build && node tools/vscode-test/bundle-suite-cli.mjs && npx tsx test/integration/run-electron.ts
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runTests } from "@vscode/test-electron";

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, "../..");
  // Tests edit fixture files (quick fixes): work on a copy.
  const workspace = mkdtempSync(path.join(tmpdir(), "greenlight-it-"));
  cpSync(path.join(repoRoot, "test/fixtures/integration"), workspace, { recursive: true });
  await runTests({
    // The minimum VS Code the extension supports (package.json engines), then the current one.
    version: process.env.VSCODE_VERSION ?? "stable",
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, "dist/test/suite/index.js"),
    launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust"],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
