import type * as vscode from "vscode";
import type { TrainingPlan } from "../core/training/training-plan";
import type { AnalysisResult } from "../core/analysis-result";
import type { ModelReport } from "../core/report/model-report";
import { withDeadline, type Bounded } from "./deadline";

// The report's calculator starts from the training plan of the model's file. Reading it costs one analysis with
// the plan (up to a few hundred ms on a training script), so it happens once per report opening and document
// version, never on the keystroke path; a failure or a timeout leaves the calculator on its settings.

/** What the lookup needs of the analysis engine (AnalysisEngine.analyzeText: off the host where it can be). */
export interface PlanAnalyzer {
  analyzeText(uri: vscode.Uri, text: string, options: { readTraining?: boolean }): Promise<{ result: Pick<AnalysisResult, "training" | "modelTraining"> & { models?: readonly Pick<ModelReport, "name" | "line">[] } } | undefined>;
}

/** A document's training plan, and the own plans of the models its file trains in turn (models-in-turn.ts). */
export type DocumentPlan = TrainingPlan & { ofModels?: { name: string; line: number; plan: TrainingPlan }[] };

/** The plan a model of the document runs: its own where the file trains several in turn, else the document's. */
export function planOfModel(plan: DocumentPlan | undefined, model: Pick<ModelReport, "name" | "line">): TrainingPlan | undefined {
  return plan?.ofModels?.find((m) => m.name === model.name && m.line === model.line)?.plan ?? plan;
}

/** Longest wait for the plan (the engine's start included) before the calculator stays on its settings. */
export const PLAN_LOOKUP_MILLISECONDS = 10_000;

/** How many documents' plans are kept (the report's and the visible editors' training lenses). */
const KEPT_DOCUMENTS = 16;

/** Reads a document's training plan, once per document version and run target. */
export class TrainingPlanLookup {
  /** The plan of each document's latest version asked for, by document URI: one request per version, so the report's
   *  and a lens's requests never supersede each other in the worker when other documents are read in between. */
  private readonly latest = new Map<string, { version: number; target: string; plan: Promise<Bounded<DocumentPlan>> }>();
  /** The config files each settled plan read (none for a failed read, which is not kept). */
  private readonly settledFiles = new WeakMap<Promise<Bounded<DocumentPlan>>, readonly string[]>();

  constructor(
    private readonly analyzer: (() => Promise<PlanAnalyzer>) | undefined,
    private readonly log: vscode.LogOutputChannel,
    private readonly milliseconds = PLAN_LOOKUP_MILLISECONDS,
    /** The hardware the run targets (greenlight.hardware): the code's torch.cuda checks answer for it, so another
     *  target is read again. */
    private readonly target: (uri: vscode.Uri) => string = () => "",
  ) {}

  /** Whether an analyzer was given (without one, the calculator is filled from the settings only). */
  get available(): boolean {
    return this.analyzer !== undefined;
  }

  /**
   * Drops the kept plan of a document that read one of the `changed` config files (its `configFiles`), or whose plan
   * is still being read (it may have read the old text); true when one was dropped, so the document's figures are
   * out of date.
   */
  forgetReading(uri: vscode.Uri, changed: ReadonlySet<string>): boolean {
    const kept = this.latest.get(uri.toString());
    if (!kept) return false;
    const files = this.settledFiles.get(kept.plan);
    if (files !== undefined && !files.some((file) => changed.has(file))) return false;
    this.latest.delete(uri.toString());
    return true;
  }

  /** The plan of this document's current text; `{ ok: false }` with the reason when it could not be read in time. */
  read(document: vscode.TextDocument): Promise<Bounded<DocumentPlan>> {
    const uri = document.uri.toString();
    const version = document.version;
    const target = this.target(document.uri);
    const kept = this.latest.get(uri);
    if (kept?.version === version && kept.target === target) return kept.plan;
    const analyzer = this.analyzer;
    const started = Date.now();
    const plan = analyzer
      ? withDeadline(
          async () => {
            const engine = await analyzer();
            // Let the report's first message go out before an analysis on the host (web) takes the thread.
            await new Promise((resolve) => setTimeout(resolve, 0));
            if (document.isClosed) throw new Error("the document was closed");
            const analysis = await engine.analyzeText(document.uri, document.getText(), { readTraining: true });
            if (!analysis) throw new Error("the analysis failed (see the log)");
            const { training, models, modelTraining } = analysis.result;
            const ofModels = (modelTraining ?? []).flatMap((t) => (models?.[t.model] ? [{ name: models[t.model].name, line: models[t.model].line, plan: t.plan }] : []));
            const plan: DocumentPlan = { ...(training ?? {}), ...(ofModels.length > 0 ? { ofModels } : {}) };
            return plan;
          },
          this.milliseconds,
          `reading the training plan of ${document.uri.path}`,
        )
      : Promise.resolve<Bounded<DocumentPlan>>({ ok: false, reason: "no analysis engine was given to the report" });
    void plan.then((result) => {
      this.settledFiles.set(plan, result.ok ? (result.value.configFiles ?? []) : []);
      if (result.ok) this.log.debug(`training plan of ${document.uri.path} v${document.version} read in ${Date.now() - started} ms`);
      else {
        this.log.warn(`${result.reason}; the training calculator uses the settings`);
        // Try again on the next opening rather than keep the failure for this version.
        if (this.latest.get(uri)?.plan === plan) this.latest.delete(uri);
      }
    });
    this.latest.delete(uri);
    this.latest.set(uri, { version, target, plan });
    // Oldest first in a Map: the documents not asked about for longest are dropped.
    for (const old of this.latest.keys()) {
      if (this.latest.size <= KEPT_DOCUMENTS) break;
      this.latest.delete(old);
    }
    return plan;
  }
}
