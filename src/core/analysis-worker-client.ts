// The host's client of an analysis worker, whatever runs it (a Node worker thread, a browser Web Worker): numbers
// requests and answers each by id, starts the worker again after it died, and gives it up after repeated failed starts.
import type { AnalysisWorkerHandle, AnalyzeOutcome, AnalyzeRequestMessage, HostMessage, WorkerMessage } from "./analysis-protocol";
import type { TextChange } from "./python/text-changes";

/** Starts that die before the worker says it is ready, in a row, after which the worker is given up. */
const MAX_FAILED_STARTS = 3;

/** A running worker as the client sees it. */
export interface WorkerConnection {
  postMessage(message: HostMessage): void;
  terminate(): void;
}

/** What a started worker reports: its messages, its errors, and its end (with an exit code where there is one). */
export interface WorkerEvents {
  message(message: WorkerMessage): void;
  error(error: Error): void;
  exit(code: number | undefined): void;
}

/** Starts one worker (the platform's part). */
export type StartWorker = (events: WorkerEvents) => WorkerConnection;

/** Runs analyses on a worker and answers each request by id; a worker that dies is started again on the next request. */
export class AnalysisWorkerClient implements AnalysisWorkerHandle {
  private worker: WorkerConnection | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: WorkerMessage) => void>();
  private failedStarts = 0;
  private ready = false;
  private disposed = false;

  constructor(
    private readonly start: StartWorker,
    private readonly log: { warn(message: string): void; error(message: string): void },
    /** Where the worker reads saved files. */
    readonly files: "disk" | "host",
    /** Called with each freshly started worker before any request reaches it (the browser sends the parser and the files). */
    private readonly onStart?: (worker: WorkerConnection) => void,
  ) {}

  get available(): boolean {
    return !this.disposed && this.failedStarts < MAX_FAILED_STARTS;
  }

  analyze(request: AnalyzeRequestMessage): { done: Promise<AnalyzeOutcome>; cancel(): void } {
    const id = this.nextId++;
    const done = this.request<AnalyzeOutcome>(id, { kind: "analyze", id, ...request });
    return { done, cancel: () => this.worker?.postMessage({ kind: "cancel", id }) };
  }

  recordChanges(path: string, changes: TextChange[]): void {
    // Without a worker there is no tree to edit: its next parse is a full one anyway.
    this.worker?.postMessage({ kind: "changes", path, changes });
  }

  /** Sends a message to the worker if one runs (a new one gets what it needs from `onStart`). */
  post(message: HostMessage): void {
    this.worker?.postMessage(message);
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
    worker?.terminate();
  }

  private request<T extends WorkerMessage>(id: number, message: HostMessage): Promise<T> {
    const worker = this.started();
    if (!worker) return Promise.resolve({ kind: "failed", id, message: "the analysis worker is not available" } as T);
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (outcome: WorkerMessage) => void);
      worker.postMessage(message);
    });
  }

  private started(): WorkerConnection | undefined {
    if (this.worker) return this.worker;
    if (!this.available) return undefined;
    let worker: WorkerConnection | undefined;
    const current = () => worker !== undefined && this.worker === worker;
    worker = this.start({
      message: (message) => {
        if (message.kind === "ready") {
          this.ready = true;
          this.failedStarts = 0;
          return;
        }
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message);
      },
      error: (error) => this.log.error(`the analysis worker failed: ${error.stack ?? error.message}`),
      exit: (code) => {
        if (!current()) return;
        this.worker = undefined;
        if (!this.ready) this.failedStarts++;
        this.log.warn(`the analysis worker exited (code ${code ?? "none"})${this.available ? "; it starts again on the next analysis" : "; analyses run on the extension host from now on"}`);
        this.failAll(`the analysis worker exited (code ${code ?? "none"})`);
      },
    });
    this.worker = worker;
    this.ready = false;
    this.onStart?.(worker);
    return worker;
  }

  private failAll(message: string): void {
    for (const [id, resolve] of this.pending) resolve({ kind: "failed", id, message });
    this.pending.clear();
  }
}
