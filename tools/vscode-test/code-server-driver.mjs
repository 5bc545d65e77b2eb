// Runs an extension's tests in code-server's real Node extension host, with headless Debian chromium (through
// playwright-core) as the workbench client. Only 127.0.0.1 is used; state, HOME and XDG dirs live in the cache.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import util from "node:util";
import { driverDir, homeDir, tmpDir, node24Home } from "./paths.mjs";
import { freePort } from "./free-port.mjs";
import { WORKBENCH_SETTINGS } from "./workbench-settings.mjs";
import { reportedCounts } from "./results.mjs";

/** Workbench chatter that says nothing about the tests (shown with verbose). */
const NOISE =
  /^(\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)|Resolv(ing|ed) connection token|Creating a socket|Updating additional builtin|Ignoring fetching additional builtin)/;

/**
 * The workbench's own errors that are not Greenlight's and that no setting turns off (README, Known limits): the
 * default-account service's GitHub session request timing out when the extension host starts late under load. One
 * line is kept so the log still says it happened; the stack trace only with --verbose.
 */
const WORKBENCH_OWN = /Timed out waiting for authentication provider '(github|microsoft)'/;

/** A marker the suite prints to ask for a screenshot; the driver answers by writing `<ackDir>/<name>.done`. */
const SCREENSHOT_REQUEST = /^GREENLIGHT-SCREENSHOT (\S+)$/;
/**
 * A marker asking the driver to type into the focused workbench input (a quick pick or input box, which the
 * extension API cannot fill) and press Enter: `GREENLIGHT-TYPE <name> <base64 text>`; answered with `<name>.done`.
 * Base64 so the text (a test key) is not printed in the log as plain text.
 */
const TYPE_REQUEST = /^GREENLIGHT-TYPE (\S+) ?(\S*)$/;

/**
 * Starts code-server, opens the workbench with the test payload and resolves with the extension host's exit code
 * (0 = every test passed; 124 timeout; 2 start-up failure) and every line the extension host printed.
 * With `endOnResult`, the run ends when the tests print their `HARNESS-RESULT` line: the driver closes the workbench
 * then, before stopping code-server, for tests that leave the ending to it (see vsix-probe/probe-test.js).
 */
export async function runInCodeServer(options) {
  const { codeServer, extensionPath, testsPath, workspace, state, timeoutMs = 300_000, verbose = false } = options;
  const screenshotDir = options.screenshotDir;
  const env = {
    ...process.env,
    HOME: homeDir,
    TMPDIR: tmpDir,
    PATH: `${path.join(node24Home, "bin")}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(state, "xdg-config"),
    XDG_DATA_HOME: path.join(state, "xdg-data"),
    GREENLIGHT_HARNESS_ACK_DIR: path.join(state, "acks"),
    // code-server would query open-vsx.org for extension updates. An empty gallery (no serviceUrl) turns the
    // workbench's gallery off, so it asks nothing at all: no update checks, no lookups of running extensions.
    EXTENSIONS_GALLERY: "{}",
  };

  // Fresh, isolated state (user data, extensions, XDG dirs) so nothing touches the real ~/.config or ~/.local.
  rmSync(state, { recursive: true, force: true });
  for (const dir of ["user-data/User", "extensions", "xdg-config", "xdg-data", "acks"]) mkdirSync(path.join(state, dir), { recursive: true });
  mkdirSync(homeDir, { recursive: true });
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(path.join(state, "config.yaml"), "auth: none\ncert: false\n");
  writeFileSync(
    path.join(state, "user-data/User/settings.json"),
    JSON.stringify(
      { ...WORKBENCH_SETTINGS, ...options.userSettings },
      null,
      1,
    ),
  );
  const baseArgs = ["--config", path.join(state, "config.yaml"), "--user-data-dir", path.join(state, "user-data"), "--extensions-dir", path.join(state, "extensions")];

  for (const vsix of options.installExtensions ?? []) {
    const result = spawnSync(codeServer, [...baseArgs, "--install-extension", vsix], { env, encoding: "utf8" });
    console.log(`[vscode-test] code-server --install-extension ${path.basename(vsix)}: exit ${result.status}`);
    process.stdout.write(result.stdout ?? "");
    if (result.status !== 0) {
      process.stderr.write(result.stderr ?? "");
      return { exitCode: 2, lines: [] };
    }
  }

  const port = await freePort();
  const started = Date.now();
  const log = (...parts) => console.log(`[vscode-test +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...parts);
  const server = spawn(
    codeServer,
    [
      ...baseArgs,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override",
      "--ignore-last-opened",
      // The workbench honours ?payload=[["extensionDevelopmentPath",..],["extensionTestsPath",..]] only with the
      // smoke-test driver on; without it the extension never loads and the run hangs.
      "--vscode-option", "enable-smoke-test-driver",
    ],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let serverOutput = "";
  server.stdout.on("data", (data) => { serverOutput += data; if (verbose) process.stdout.write(`[code-server] ${data}`); });
  server.stderr.on("data", (data) => { serverOutput += data; if (verbose) process.stderr.write(`[code-server:err] ${data}`); });

  const require = createRequire(path.join(driverDir, "package.json"));
  const { chromium } = require("playwright-core");
  const lines = [];
  let browser;
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  let done = false;
  const finish = async (exitCode) => {
    if (done) return;
    done = true;
    try { await browser?.close(); } catch { /* already gone */ }
    if (server.exitCode === null) server.kill("SIGTERM"); // only the process started here
    settle({ exitCode, lines });
  };
  const timer = setTimeout(() => {
    log(`timed out after ${timeoutMs} ms; code-server output tail:\n${serverOutput.slice(-4000)}`);
    void finish(124);
  }, timeoutMs);
  server.on("exit", (code) => {
    if (!done) {
      log(`code-server exited early (${code})\n${serverOutput.slice(-4000)}`);
      void finish(2);
    }
  });

  for (let attempt = 0; !done; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (attempt > 600) {
      log(`code-server did not come up\n${serverOutput.slice(-4000)}`);
      await finish(2);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!done) {
    log(`code-server up on 127.0.0.1:${port}`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("pageerror", (error) => console.error("[page error]", error.message));
    page.on("crash", () => { log("page crashed"); void finish(3); });
    if (verbose) page.on("console", (message) => console.log(`[browser:${message.type()}]`, message.text()));
    await page.exposeFunction("codeAutomationLog", async (_type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      lines.push(line);
      const typing = TYPE_REQUEST.exec(line.trim());
      if (typing) {
        const text = Buffer.from(typing[2], "base64").toString("utf8");
        if (text) await page.keyboard.type(text);
        await page.keyboard.press("Enter");
        writeFileSync(path.join(env.GREENLIGHT_HARNESS_ACK_DIR, `${typing[1]}.done`), "");
        return;
      }
      const request = SCREENSHOT_REQUEST.exec(line.trim());
      if (request) {
        if (screenshotDir) {
          mkdirSync(screenshotDir, { recursive: true });
          const file = path.join(screenshotDir, `${request[1]}.png`);
          await page.screenshot({ path: file });
          log(`screenshot ${path.relative(process.cwd(), file)}`);
        }
        writeFileSync(path.join(env.GREENLIGHT_HARNESS_ACK_DIR, `${request[1]}.done`), "");
        return;
      }
      if (verbose) console.log(line);
      else if (WORKBENCH_OWN.test(line)) console.log(`[workbench, not Greenlight] ${line.split("\n")[0].trim()} (its stack: --verbose)`);
      else if (!NOISE.test(line)) console.log(line);
      const counts = options.endOnResult ? reportedCounts(line) : undefined;
      if (counts) {
        log("tests reported their result; closing the workbench");
        void finish(counts.failed > 0 ? 1 : 0);
      }
    });
    await page.exposeFunction("codeAutomationExit", async (code) => {
      log(`extension tests finished, exit code ${code}`);
      await finish(code);
    });
    const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
    const payload = [["extensionDevelopmentPath", remote(extensionPath)], ["skipWelcome", "true"]];
    if (testsPath) payload.push(["extensionTestsPath", remote(testsPath)]);
    // A folder opens as a single-folder window; a `.code-workspace` file as a (multi-root) workspace.
    const opened = workspace.endsWith(".code-workspace") ? `workspace=${encodeURIComponent(workspace)}` : `folder=${encodeURIComponent(workspace)}`;
    await page.goto(`http://127.0.0.1:${port}/?${opened}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    log("workbench loaded, waiting for the extension tests");
  }
  const result = await finished;
  clearTimeout(timer);
  return result;
}
