import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { declaredScopes, describeLevels } from "../../../src/vscode/setting-levels";

const packageJson = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as unknown;

describe("settings levels (vscode/setting-levels)", () => {
  it("package.json declares the per-model settings resource-scoped and the window-wide ones window-scoped", () => {
    const scopes = declaredScopes(packageJson);
    for (const key of ["hardware", "host", "precision", "batchSize", "gpus", "rules.severities", "rules.pruneAmount", "codeLens.enabled"]) assert.equal(scopes[key], "resource", key);
    for (const key of ["analysis.timeoutMs", "workspace.maxFiles", "grid.provider", "grid.endpoints.uk"]) assert.equal(scopes[key], "window", key);
    assert.equal(scopes.pythonEnvironment, "machine-overridable");
  });

  it("names the level in effect and the lower level it overrides, with both values", () => {
    const report = describeLevels("hardware", { globalValue: "h100-sxm", workspaceValue: "a100-sxm" }, { scope: "resource", multiRoot: false });
    assert.equal(report.from, "the Workspace settings");
    assert.deepEqual(report.overridden, ["your User settings (h100-sxm): the Workspace settings set a100-sxm, which wins here"]);
    assert.deepEqual(report.ignored, []);
  });

  it("a folder's value wins for a resource setting in a multi-root workspace", () => {
    const report = describeLevels("precision", { globalValue: "fp32", workspaceValue: "bf16", workspaceFolderValue: "fp16" }, { scope: "resource", multiRoot: true, folderName: "api" });
    assert.equal(report.from, "the settings of folder 'api'");
    assert.equal(report.overridden.length, 2);
    assert.match(report.overridden[1]!, /^the Workspace settings \(bf16\): the settings of folder 'api' set fp16/);
  });

  it("a window setting in a folder's settings is reported as ignored, and the value in effect stays the workspace's", () => {
    const report = describeLevels("analysis.timeoutMs", { workspaceValue: 5000, workspaceFolderValue: 100 }, { scope: "window", multiRoot: true, folderName: "api" });
    assert.equal(report.from, "the Workspace settings");
    assert.equal(report.ignored.length, 1);
    assert.match(report.ignored[0]!, /settings of folder 'api', but it applies to the whole window, so VS Code ignores it there/);
  });

  it("a machine setting in the Workspace settings is ignored; in a remote window the user level is named User or Remote", () => {
    const report = describeLevels("x", { globalValue: "/opt/a", workspaceValue: "/opt/b" }, { scope: "machine", multiRoot: false, remoteName: "ssh-remote" });
    assert.equal(report.from, "your User or Remote settings");
    assert.match(report.ignored[0]!, /belongs to the machine, so VS Code reads it from your User or Remote settings only/);
  });

  it("the same value at two levels overrides nothing worth telling; nothing set is the default", () => {
    assert.deepEqual(describeLevels("hardware", { globalValue: "l4", workspaceValue: "l4" }, { scope: "resource", multiRoot: false }).overridden, []);
    assert.equal(describeLevels("hardware", {}, { scope: "resource", multiRoot: false }).from, "default");
  });
});
