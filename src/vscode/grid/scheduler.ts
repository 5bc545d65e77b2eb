// "Run task in the greenest window": one job at a time, persisted in globalState so a window reload keeps it, with a
// countdown in the status bar. Tasks run through vscode.tasks; shell commands in a terminal.
import * as vscode from "vscode";
import { formatCountdown, jobAction, readScheduledJob, type ScheduledJob } from "./schedule-model";

const STATE_KEY = "greenlight.grid.scheduledJob";
const TICK_MS = 1000;

export class GreenWindowScheduler implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("greenlight.grid.countdown", vscode.StatusBarAlignment.Right, 99);
  private timer: ReturnType<typeof setInterval> | undefined;
  private asking = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.item.name = "Greenlight scheduled job";
    this.item.command = "greenlight.grid.cancelScheduledTask";
    this.restart();
  }

  get job(): ScheduledJob | undefined {
    return readScheduledJob(this.context.globalState.get(STATE_KEY));
  }

  async schedule(job: ScheduledJob): Promise<void> {
    await this.context.globalState.update(STATE_KEY, job);
    this.log.info(`scheduled ${describeJob(job)} at ${new Date(job.startAt).toISOString()}`);
    this.restart();
  }

  async cancel(): Promise<ScheduledJob | undefined> {
    const job = this.job;
    await this.context.globalState.update(STATE_KEY, undefined);
    this.stop();
    if (job) this.log.info(`cancelled ${describeJob(job)}`);
    return job;
  }

  private restart(): void {
    this.stop();
    if (!this.job) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    void this.tick();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.item.hide();
  }

  private async tick(): Promise<void> {
    const job = this.job;
    if (!job) return this.stop();
    const now = Date.now();
    const action = jobAction(job, now);
    if (action === "wait") {
      this.item.text = `$(clock) ${formatCountdown(job.startAt - now)}`;
      this.item.tooltip = `Greenlight starts ${describeJob(job)} at ${new Date(job.startAt).toLocaleString()} (the greenest window${
        job.savingPct !== undefined ? `, ${job.savingPct.toFixed(0)}% less carbon than now` : ""
      }). Click to cancel.`;
      this.item.show();
      return;
    }
    if (action === "ask") {
      if (this.asking) return;
      this.asking = true;
      this.stop();
      const choice = await vscode.window.showWarningMessage(
        `Greenlight: the greenest window for ${describeJob(job)} began at ${new Date(job.startAt).toLocaleString()} while VS Code was closed.`,
        "Run now",
        "Discard",
      );
      this.asking = false;
      if (choice === "Run now") await this.run(job);
      else await this.cancel();
      return;
    }
    await this.context.globalState.update(STATE_KEY, undefined);
    this.stop();
    await this.run(job);
  }

  private async run(job: ScheduledJob): Promise<void> {
    await this.context.globalState.update(STATE_KEY, undefined);
    try {
      if (job.kind === "task") {
        const tasks = await vscode.tasks.fetchTasks();
        const task = tasks.find((t) => t.name === job.taskName && (job.taskSource === undefined || t.source === job.taskSource));
        if (!task) throw new Error(`the task '${job.taskName}' is no longer defined`);
        await vscode.tasks.executeTask(task);
      } else {
        const terminal = vscode.window.createTerminal({ name: "Greenlight: greenest window", cwd: job.cwd });
        terminal.show(true);
        terminal.sendText(job.command ?? "", true);
      }
      this.log.info(`started ${describeJob(job)} in the greenest window`);
      void vscode.window.showInformationMessage(`Greenlight started ${describeJob(job)} in the greenest window.`);
    } catch (error) {
      this.log.error(`could not start ${describeJob(job)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void vscode.window.showErrorMessage(`Greenlight could not start ${describeJob(job)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.stop();
    this.item.dispose();
  }
}

export function describeJob(job: ScheduledJob): string {
  return job.kind === "task" ? `task '${job.taskName}'` : `'${job.command}'`;
}
