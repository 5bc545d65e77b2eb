// The workspace a test run opens: a fresh copy of test/fixtures/integration in the cache, because tests edit
// files (quick fixes, pragmas) and the repository's copies must stay as written.
import { cpSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { repoRoot, cacheDir } from "./paths.mjs";

/** Copies the fixtures (test/fixtures/integration, or `fixtures`) into .vscode-harness/<name> and returns that folder. */
export function prepareWorkspace(name, fixtures = "test/fixtures/integration") {
  const workspace = path.join(cacheDir, name);
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  cpSync(path.join(repoRoot, fixtures), workspace, { recursive: true });
  return workspace;
}
