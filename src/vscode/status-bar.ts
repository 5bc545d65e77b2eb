import * as vscode from "vscode";
import type { Settings } from "../core/config";

/** Two items: background progress (indexing, workspace analysis) and the current hardware/precision choice. */
export class StatusBar implements vscode.Disposable {
  private readonly progress = vscode.window.createStatusBarItem("greenlight.progress", vscode.StatusBarAlignment.Left, 10);
  private readonly target = vscode.window.createStatusBarItem("greenlight.target", vscode.StatusBarAlignment.Right, 100);
  private readonly tasks = new Map<string, string>();

  constructor() {
    this.progress.name = "Greenlight progress";
    this.target.name = "Greenlight hardware";
    this.target.command = "greenlight.selectHardware";
  }

  /** Shows (or updates) a background task's text; `undefined` ends it. */
  setTask(id: string, text: string | undefined): void {
    if (text === undefined) this.tasks.delete(id);
    else this.tasks.set(id, text);
    const texts = [...this.tasks.values()];
    if (texts.length === 0) {
      this.progress.hide();
      return;
    }
    this.progress.text = `$(sync~spin) ${texts.join(" · ")}`;
    this.progress.tooltip = "Greenlight is working in the background; typing is not blocked.";
    this.progress.show();
  }

  /** The text of the running tasks (for tests and logs). */
  get activeTasks(): string[] {
    return [...this.tasks.values()];
  }

  /** Updates the hardware item; shown while a Python editor is active. */
  showTarget(settings: Settings, visible: boolean, levels: string[] = []): void {
    // Unless the user chose a precision, each model is estimated at the one its code runs it at (autocast, .half(),
    // int8 layers), so no one precision is named here.
    const precision = settings.precisionChosen ? settings.precision : "precision from code";
    this.target.text = `$(zap) ${settings.hardware} · ${precision} · batch ${settings.batchSize}`;
    this.target.tooltip = settings.precisionChosen
      ? "Greenlight estimates energy for this hardware, precision and batch size. Click to change the hardware."
      : "Greenlight estimates energy for this hardware and batch size, each model at the precision its code runs it at (torch.autocast, .half(), quantized layers; else fp32): Greenlight: Select Precision sets one for all. Click to change the hardware.";
    // Which settings level each value comes from, and what it overrides: a User value that seems to do nothing is explained.
    if (levels.length > 0) this.target.tooltip += `\n\n${levels.join("\n")}`;
    this.targetVisible = visible;
    if (visible) this.target.show();
    else this.target.hide();
  }

  private targetVisible = false;

  /** The target item as shown (the integration tests read it: no VS Code API reads a status bar item). */
  targetShown(): { text: string; tooltip: string; visible: boolean } {
    return { text: this.target.text, tooltip: typeof this.target.tooltip === "string" ? this.target.tooltip : (this.target.tooltip?.value ?? ""), visible: this.targetVisible };
  }

  dispose(): void {
    this.progress.dispose();
    this.target.dispose();
  }
}
