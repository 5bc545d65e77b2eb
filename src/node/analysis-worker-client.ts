import { Worker } from "node:worker_threads";
import type { AnalysisWorkerHandle, AnalyzeOutcome, AnalyzeRequestMessage, HostMessage, WorkerMessage } from "../core/analysis-protocol";
import type { TextChange } from "../core/python/text-changes";

/** Starts that die before the worker says it is ready, in a row, after which the worker is given up. */
const MAX_FAILED_STARTS = 3;

/** How the client starts its worker: the bundle's script (or, in tests, the sources through a loader). */
export interface WorkerScript {
  path: string;
  execArgv?: string[];
}

/**
 * Runs analyses on a worker thread (src/node/analysis-worker.ts) and answers each request by id. A worker that dies
 * is started again on the next request, and why it died is logged; requests it held are answered as failed.
 */
export class AnalysisWorkerClient implements AnalysisWorkerHandle {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: WorkerMessage) => void>();
  private failedStarts = 0;
  private ready = false;
  private disposed = false;

  constructor(
    private readonly script: WorkerScript,
    private readonly log: { warn(message: string): void; error(message: string): void },
  ) {}

  get available(): boolean {
    return !this.disposed && this.failedStarts < MAX_FAILED_STARTS;
  }

  analyze(request: AnalyzeRequestMessage): { done: Promise<AnalyzeOutcome>; cancel(): void } {
    const id = this.nextId++;
    const done = this.request<AnalyzeOutcome>(id, { kind: "analyze", id, ...request });
    return { done, cancel: () => this.worker?.postMessage({ kind: "cancel", id } satisfies HostMessage) };
  }

  recordChanges(path: string, changes: TextChange[]): void {
    // Without a worker there is no tree to edit: its next parse is a full one anyway.
    this.worker?.postMessage({ kind: "changes", path, changes } satisfies HostMessage);
  }

  async parseCounts(): Promise<{ incremental: number; full: number }> {
    if (!this.worker) return { incremental: 0, full: 0 };
    const id = this.nextId++;
    const answer = await this.request<WorkerMessage>(id, { kind: "parseCounts", id });
    return answer.kind === "parseCounts" ? { incremental: answer.incremental, full: answer.full } : { incremental: 0, full: 0 };
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll("the analysis worker was stopped");
    void worker?.terminate();
  }

  private request<T extends WorkerMessage>(id: number, message: HostMessage): Promise<T> {
    const worker = this.started();
    if (!worker) return Promise.resolve({ kind: "failed", id, message: "the analysis worker is not available" } as T);
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (outcome: WorkerMessage) => void);
      worker.postMessage(message);
    });
  }

  private started(): Worker | undefined {
    if (this.worker) return this.worker;
    if (!this.available) return undefined;
    const worker = new Worker(this.script.path, { execArgv: this.script.execArgv });
    this.worker = worker;
    this.ready = false;
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "ready") {
        this.ready = true;
        this.failedStarts = 0;
        return;
      }
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message);
    });
    worker.on("error", (error) => this.log.error(`the analysis worker failed: ${error.stack ?? error.message}`));
    worker.on("exit", (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (!this.ready) this.failedStarts++;
      this.log.warn(`the analysis worker exited (code ${code})${this.available ? "; it starts again on the next analysis" : "; analyses run on the extension host from now on"}`);
      this.failAll(`the analysis worker exited (code ${code})`);
    });
    // The host may exit while the worker still analyzes: the worker must not keep it alive.
    worker.unref();
    return worker;
  }

  private failAll(message: string): void {
    for (const [id, resolve] of this.pending) resolve({ kind: "failed", id, message });
    this.pending.clear();
  }
}
