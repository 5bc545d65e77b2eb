// Issue 21: a training script that reads its run from a YAML config (the lens's notes say "config read: ...")
// follows edits of that config without a reload: saved on disk, or typed (unsaved) in an editor.
import * as assert from "assert";
import * as vscode from "vscode";
import { fixtureUri, greenlight, lineOf, openFixture, revertAndClose, waitFor } from "./helpers";

const CONFIG = "train_config.yaml";
/** A YAML no script of the workspace reads. */
const UNRELATED = "unrelated_settings.yaml";

/** The title of the training lens above `def train(` once it names `steps` steps. */
async function lensWithSteps(document: vscode.TextDocument, steps: number): Promise<string> {
  const trainLine = lineOf(document, "def train(");
  return waitFor(
    `the training lens with ${steps} steps`,
    async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", document.uri, 100)) ?? [];
      const title = lenses.find((lens) => lens.range.start.line === trainLine && lens.command?.title.startsWith("Training "))?.command?.title;
      return title?.includes(` ${steps} steps`) ? title : undefined;
    },
    30_000,
  );
}

suite("training CodeLens: the config file it reads", () => {
  let original: Uint8Array | undefined;
  suiteSetup(async () => {
    original = await vscode.workspace.fs.readFile(fixtureUri(CONFIG));
  });
  suiteTeardown(async () => {
    if (original) await vscode.workspace.fs.writeFile(fixtureUri(CONFIG), original);
    await vscode.workspace.fs.delete(fixtureUri(UNRELATED)).then(undefined, () => undefined);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  test("saving and typing in the YAML the script reads changes the lens's steps", async function () {
    this.timeout(120_000);
    const document = await openFixture("train_from_config.py");
    // 2 epochs x 4,000 samples / batch 100 (the YAML's epochs and batch_size).
    const before = await lensWithSteps(document, 80);
    assert.match(before, /batch 100/, before);
    // Saved on disk (another tool, a git checkout): 5 epochs.
    await vscode.workspace.fs.writeFile(fixtureUri(CONFIG), new TextEncoder().encode("epochs: 5\nbatch_size: 100\nlr: 0.01\n"));
    await lensWithSteps(document, 200);
    // Typed in an editor, not saved: batch 50 -> 5 x 4,000 / 50.
    const config = await vscode.workspace.openTextDocument(fixtureUri(CONFIG));
    const editor = await vscode.window.showTextDocument(config, { preview: false });
    const line = lineOf(config, "batch_size:");
    assert.ok(await editor.edit((edit) => edit.replace(config.lineAt(line).range, "batch_size: 50")));
    const typed = await lensWithSteps(document, 400);
    assert.match(typed, /batch 50/, typed);
    // The unsaved edit dropped: back to what is on disk.
    await revertAndClose(config);
    await lensWithSteps(document, 200);
  });

  test("an edit of a YAML no open script reads analyzes nothing again; an edit of the one it reads refreshes that script", async function () {
    this.timeout(120_000);
    const probes = await greenlight();
    const document = await openFixture("train_from_config.py");
    await vscode.workspace.fs.writeFile(fixtureUri(CONFIG), new TextEncoder().encode("epochs: 2\nbatch_size: 100\nlr: 0.01\n"));
    await lensWithSteps(document, 80);
    const latest = () => probes.configRefreshes().at(-1)?.burst ?? 0;
    const burstAfter = (after: number, file: string) =>
      waitFor(`the settled change of ${file}`, () => probes.configRefreshes().find((burst) => burst.burst > after && burst.changed.includes(fixtureUri(file).path)));
    // Another YAML in the same folder, saved on disk: the watcher sees it, and analyzes no document again.
    const beforeUnrelated = latest();
    await vscode.workspace.fs.writeFile(fixtureUri(UNRELATED), new TextEncoder().encode("colour: green\n"));
    const unrelated = await burstAfter(beforeUnrelated, UNRELATED);
    assert.deepStrictEqual(unrelated.refreshed, [], JSON.stringify(unrelated));
    // The YAML the script reads: that script is analyzed again, and its lens follows (5 epochs).
    const beforeRead = latest();
    await vscode.workspace.fs.writeFile(fixtureUri(CONFIG), new TextEncoder().encode("epochs: 5\nbatch_size: 100\nlr: 0.01\n"));
    const read = await burstAfter(beforeRead, CONFIG);
    assert.ok(read.refreshed.includes(document.uri.path), JSON.stringify(read));
    await lensWithSteps(document, 200);
  });
});
