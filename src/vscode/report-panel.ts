import * as vscode from "vscode";
import type { ModelReport } from "../core/report/model-report";
import type { ForecastSlot } from "../core/grid/types";
import type { SettingsStore } from "./settings";
import { estimateInference, estimateTraining, knownHardware, type IntensitySource, type TrainingRun } from "./energy-bridge";
import { exportReport, type ExportFormat } from "./report-export";

/** The grid forecast as the report draws it (filled by the grid module when it is wired in). */
export interface GridForecastView {
  region: string;
  provider: string;
  slots: ForecastSlot[];
  greenest?: { start: number; end: number; gco2PerKwh: number };
  note?: string;
}

/** Where the report gets the grid forecast (region and provider are the grid settings'); undefined when none. */
export type GridForecastSource = () => Promise<GridForecastView | undefined>;

/** Messages the webview sends (media/report/report.js). */
type FromWebview = { type: "ready" } | { type: "calculate"; run: TrainingRun } | { type: "export"; format: ExportFormat };

function nonce(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let text = "";
  for (let i = 0; i < 32; i++) text += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return text;
}

/**
 * The report view: one webview panel, reused, showing one model. Data goes in by postMessage; the page loads only
 * its own script and style from media/ (CSP default-src 'none' with a nonce; no remote resources).
 */
export class ReportPanel implements vscode.Disposable {
  static readonly viewType = "greenlight.report";
  private panel: vscode.WebviewPanel | undefined;
  private model: ModelReport | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly messages = new vscode.EventEmitter<string>();
  /** Fires with the type of every message the webview sends (tests wait for "ready"). */
  readonly onDidReceiveMessage = this.messages.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: SettingsStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly intensity: () => IntensitySource,
    private readonly gridForecast?: GridForecastSource,
  ) {
    this.disposables.push(store.onDidChange(() => void this.post()));
  }

  /** The model shown, if the panel is open. */
  get shownModel(): ModelReport | undefined {
    return this.panel ? this.model : undefined;
  }

  get isReady(): boolean {
    return this.panel !== undefined && this.ready;
  }

  /** Opens (or reveals) the panel on this model. */
  show(model: ModelReport): void {
    this.model = model;
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, "media");
      this.panel = vscode.window.createWebviewPanel(ReportPanel.viewType, `Greenlight: ${model.name}`, vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [media],
        retainContextWhenHidden: true,
      });
      this.panel.iconPath = vscode.Uri.joinPath(media, "icon.svg");
      this.ready = false;
      this.panel.webview.html = this.html(this.panel.webview, media);
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message), undefined, this.disposables);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
      }, undefined, this.disposables);
    } else {
      this.panel.title = `Greenlight: ${model.name}`;
      this.panel.reveal(undefined, true);
    }
    void this.post();
  }

  /** Export text of the model shown (Markdown, CSV or JSON). */
  exportText(format: ExportFormat): string | undefined {
    if (!this.model) return undefined;
    return exportReport(this.model, format, estimateInference(this.model, this.store.values, this.intensity()));
  }

  private async receive(message: FromWebview): Promise<void> {
    try {
      this.messages.fire(message.type);
      if (message.type === "ready") {
        this.ready = true;
        await this.post();
      } else if (message.type === "calculate" && this.model) {
        const estimate = estimateTraining(this.model, message.run, this.store.values, this.intensity());
        await this.panel?.webview.postMessage(
          estimate instanceof Error ? { type: "training", estimate: null, message: estimate.message } : { type: "training", estimate },
        );
      } else if (message.type === "export" && this.model) {
        const text = this.exportText(message.format);
        if (text === undefined) return;
        const language = { markdown: "markdown", csv: "csv", json: "json" }[message.format] ?? "plaintext";
        const document = await vscode.workspace.openTextDocument({ content: text, language });
        await vscode.window.showTextDocument(document, vscode.ViewColumn.Active);
      }
    } catch (error) {
      this.log.error(`report view: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private async post(): Promise<void> {
    if (!this.panel || !this.model || !this.ready) return;
    const settings = this.store.values;
    let grid: GridForecastView | undefined;
    try {
      grid = await this.gridForecast?.();
    } catch (error) {
      this.log.warn(`grid forecast unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.panel.webview.postMessage({
      type: "report",
      model: this.model,
      energy: estimateInference(this.model, settings, this.intensity()) ?? null,
      hardware: knownHardware(),
      settings: { hardware: settings.hardware, batch: settings.batchSize, precision: settings.precision },
      grid: grid ?? null,
    });
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, "report", "report.js"));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, "report", "report.css"));
    const token = nonce();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; script-src 'nonce-${token}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Greenlight report</title>
</head>
<body>
<main id="app"><p class="muted">Loading the report…</p></main>
<script nonce="${token}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.messages.dispose();
  }
}
