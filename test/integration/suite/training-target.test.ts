// The run target's GPU as the code sees it: the training lens reads the dtype the script picks from
// torch.cuda.get_device_capability() on the hardware setting's GPU, says what the code asked, and follows a change of
// the setting without a reload.
import * as assert from "assert";
import * as vscode from "vscode";
import { lineOf, openFixture, setSetting, waitFor } from "./helpers";

suite("training CodeLens on the target GPU", () => {
  teardown(async () => {
    await setSetting("hardware", undefined);
  });

  test("the lens's dtype and note follow greenlight.hardware (H100: bf16, V100: fp16) without a reload", async function () {
    this.timeout(120_000);
    await setSetting("hardware", "h100-sxm");
    const document = await openFixture("train_gpu_target.py");
    const trainLine = lineOf(document, "def train(");
    const lensWith = (text: string) => waitFor(`the training lens with ${text}`, async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", document.uri, 100)) ?? [];
      const command = lenses.find((lens) => lens.range.start.line === trainLine && lens.command?.title.startsWith("Training "))?.command;
      return command && `${command.title}\n${command.tooltip ?? ""}`.includes(text) ? command : undefined;
    }, 40_000);
    const h100 = await lensWith("NVIDIA H100");
    assert.match(h100.title, /, bf16\)/, h100.title);
    assert.match(h100.tooltip ?? "", /get_device_capability\(\): \(9, 0\)/, h100.tooltip);
    await setSetting("hardware", "v100");
    const v100 = await lensWith("Tesla V100");
    assert.match(v100.title, /, fp16\)/, v100.title);
    assert.match(v100.tooltip ?? "", /get_device_capability\(\): \(7, 0\)/, v100.tooltip);
  });
});
