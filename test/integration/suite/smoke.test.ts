import * as assert from "assert";
import * as vscode from "vscode";

suite("harness smoke", () => {
  test("the workspace folder is open", () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, "one workspace folder");
  });
});
