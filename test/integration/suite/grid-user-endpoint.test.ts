// Issue 21: a grid endpoint set in the User settings applies in a remote window. code-server's windows are remote
// ones, and its User settings file is the one a person edits; with the endpoint scoped `machine-overridable`
// VS Code read it only from the Machine (remote) settings and silently ignored the User value.
import * as assert from "assert";
import * as vscode from "vscode";
import * as http from "http";
import type { AddressInfo } from "net";
import { waitFor } from "./helpers";

/** Opens the User settings.json as a person does (Preferences: Open User Settings (JSON)) and replaces its text. */
async function writeUserSettings(transform: (text: string) => string): Promise<string> {
  await vscode.commands.executeCommand("workbench.action.openSettingsJson");
  const editor = await waitFor("the User settings editor", () => {
    const active = vscode.window.activeTextEditor;
    return active && active.document.uri.path.endsWith("/User/settings.json") ? active : undefined;
  });
  const before = editor.document.getText();
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  const edited = await editor.edit((builder) => builder.replace(whole, transform(before)));
  assert.ok(edited, `the settings edit applied (${editor.document.uri.toString()})`);
  await vscode.commands.executeCommand("workbench.action.files.save");
  await waitFor("the User settings to be saved", () => !editor.document.isDirty);
  await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  return before;
}

suite("grid: endpoint in User settings", () => {
  test("an endpoint written into the User settings file is the one the grid calls", async function () {
    this.timeout(90_000);
    const paths: string[] = [];
    const server = http.createServer((request, response) => {
      paths.push(request.url ?? "");
      response.writeHead(503, { "content-type": "application/json" });
      response.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let before: string | undefined;
    try {
      before = await writeUserSettings((text) => {
        const current = text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
        return JSON.stringify({ ...current, "greenlight.grid.provider": "uk", "greenlight.grid.region": "national", "greenlight.grid.endpoints.uk": endpoint }, null, 2);
      });
      await waitFor("VS Code to read the edited User settings", () => vscode.workspace.getConfiguration("greenlight.grid").get("endpoints.uk") === endpoint, 30_000).catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify(vscode.workspace.getConfiguration("greenlight.grid").inspect("endpoints.uk"))}`);
      });
      await waitFor(
        "a request to the User-level endpoint",
        async () => {
          if (paths.length > 0) return true;
          await vscode.commands.executeCommand("greenlight.grid.refresh");
          return paths.length > 0;
        },
        45_000,
      );
      assert.ok(paths.some((p) => p.startsWith("/intensity")), paths.join(", "));
    } finally {
      if (before !== undefined) {
        const original = before;
        await writeUserSettings(() => original);
      }
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
