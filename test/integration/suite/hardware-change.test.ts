// Issue 21: a change of greenlight.hardware re-analyzes the open documents (the code's torch.cuda checks and the
// rules answer for the selected hardware), without a reload. Before, only unit tests covered it.
import * as assert from "assert";
import * as vscode from "vscode";
import { greenlight, greenlightDiagnostics, openFixture, setSetting, waitFor } from "./helpers";

suite("hardware setting: open documents follow", () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration("greenlight").update("hardware", undefined, vscode.ConfigurationTarget.Global);
  });

  test("GL003 on an open fp32 training loop says what fits the GPU, then the CPU selected, then the GPU again", async function () {
    this.timeout(90_000);
    await greenlight();
    const document = await openFixture("cuda_train.py");
    const gl003 = () => greenlightDiagnostics(document.uri).find((d) => typeof d.code === "object" && d.code.value === "GL003")?.message;
    await setSetting("hardware", "h100-sxm");
    const gpu = await waitFor("GL003 for the GPU", () => (gl003()?.startsWith("This training loop runs in fp32 on a GPU:") ? gl003() : undefined), 30_000);
    assert.ok(!gpu.includes("is a CPU"), gpu);
    await setSetting("hardware", "cpu-epyc-9755");
    const cpu = await waitFor("GL003 re-published for the CPU", () => (gl003()?.includes("cpu-epyc-9755, is a CPU") ? gl003() : undefined), 30_000);
    assert.ok(!cpu.includes("runs in fp32 on a GPU:"), cpu);
    await setSetting("hardware", "h100-sxm");
    await waitFor("GL003 back to the GPU's wording", () => gl003()?.startsWith("This training loop runs in fp32 on a GPU:"), 30_000);
  });
});
