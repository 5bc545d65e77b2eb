// The editor side of the grid: a status-bar item (value coloured by level, trend arrow, tooltip with the next
// greenest window), the grid commands, settings applied without reload, keys in SecretStorage only, and the
// greenest-window scheduler. The host passes the HttpClient (undici on desktop, fetch on the web).
import * as vscode from "vscode";
import { createGridService, type GridSetup } from "../../core/grid/create-service";
import { parseDuration } from "../../core/grid/duration";
import type { GridSnapshot } from "../../core/grid/grid-service";
import type { WindowResult } from "../../core/grid/greenest-window";
import type { HttpClient } from "../../core/grid/http";
import type { IntensityLevel } from "../../core/grid/levels";
import { COUNTRY_INTENSITY, REGION_INTENSITY } from "../../core/grid/offline-tables";
import { PROVIDER_IDS, type ProviderId } from "../../core/grid/types";
import { clockTime, forecastView, greenestFor, plainGridError, staleExplanation, statusView, type ForecastView } from "./forecast-view";
import { ENDPOINT_KEY, ignoredEndpointNotice, readGridSettings, trustedEndpointValue, type GridSettingKey, type GridSettings } from "./grid-settings";
import { GreenWindowScheduler, describeJob } from "./scheduler";
import { readCredentials, SECRET_KEYS } from "./secrets";
import type { IntensitySource } from "../energy-bridge";
import { escapeMarkdown } from "../markdown";
import type { ReadOnlyDocuments } from "../read-only-documents";
import { formatIntensity } from "../../core/report/format";

/**
 * Status bar background per level. Only the two backgrounds VS Code provides for status bar items are used (they come
 * with a matching foreground in every theme); chart colours as text were faint on the light theme's blue bar.
 */
const LEVEL_BACKGROUND: Record<IntensityLevel, string | undefined> = {
  low: undefined,
  moderate: undefined,
  high: "statusBarItem.warningBackground",
  "very high": "statusBarItem.errorBackground",
};

const PROVIDER_LABEL: Record<ProviderId, string> = {
  uk: "UK Carbon Intensity (NESO, no key)",
  electricitymaps: "Electricity Maps (token)",
  watttime: "WattTime (account)",
  "carbon-aware-sdk": "Carbon Aware SDK (self-hosted)",
  offline: "Offline yearly averages (no network)",
};

const REGION_HINT: Record<ProviderId, string> = {
  uk: "national, a region id 1-17, or an outward postcode like RG10",
  electricitymaps: "an Electricity Maps zone like DE, GB or US-CAL-CISO",
  watttime: "a WattTime region like CAISO_NORTH",
  "carbon-aware-sdk": "a Carbon Aware SDK location like eastus",
  offline: "an ISO country code (GB, GBR) or a region like US-CA; empty = from the time zone",
};

/** The grid intensity every surface uses (status bar, CodeLens, hover, report), and what it replaced. */
export interface GridReadingChange {
  previous: IntensitySource | undefined;
  current: IntensitySource;
}

/** The registered grid surfaces, as the rest of the extension reads them (owned by the activation that made them). */
export interface GridSurfaces extends vscode.Disposable {
  /** The grid intensity the status bar shows now, with where it came from; undefined before the first reading. */
  reading(): IntensitySource | undefined;
  /** Fires when the reading the surfaces show changes (a refresh, another provider or region). */
  readonly onDidChangeReading: vscode.Event<GridReadingChange>;
  /** For the report view: the forecast and greenest window. */
  forecastView(): ForecastView | undefined;
  /** The greenest window for a job of `durationMs` whose IT energy is `itEnergyKwh`; grams scaled by greenlight.grid.pue. */
  greenestWindow(durationMs: number, itEnergyKwh?: number): WindowResult | undefined;
  /** The status bar item as shown (text, tooltip, screen-reader label), for the integration tests. */
  statusShown(): { text: string; tooltip: string; label: string };
}

/** Registers the grid status bar, commands and scheduler; the caller owns the result (and pushes it into context.subscriptions). */
export function registerGridSurfaces(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, http: HttpClient, documents: ReadOnlyDocuments): GridSurfaces {
  return new GridController(context, log, http, documents);
}

const KIND_LABEL: Record<GridSnapshot["current"]["kind"], string> = { measured: "now", forecast: "forecast for now", average: "yearly average" };

/** A snapshot's current value as the one reading all surfaces use: value and a plain description of it. */
function readingOf(snapshot: GridSnapshot): IntensitySource {
  const { current } = snapshot;
  const where = current.provider === "offline" ? `offline table, ${current.region}` : `${PROVIDER_LABEL[current.provider].replace(/ \(.*\)$/, "")}, ${current.region}`;
  const stale = snapshot.state === "stale" ? `, stale since ${clockTime(snapshot.at - (snapshot.ageMs ?? 0))}` : snapshot.fellBack ? ", provider unreachable" : "";
  return { gco2PerKwh: current.gco2PerKwh, source: `${where}, ${KIND_LABEL[current.kind]}${stale}` };
}

class GridController implements GridSurfaces {
  private readonly readingChanged = new vscode.EventEmitter<GridReadingChange>();
  readonly onDidChangeReading = this.readingChanged.event;
  private readonly item = vscode.window.createStatusBarItem("greenlight.grid", vscode.StatusBarAlignment.Right, 98);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduler: GreenWindowScheduler;
  private settings: GridSettings = readGridSettings(() => undefined).settings;
  private setup: GridSetup | undefined;
  private snapshot: GridSnapshot | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private generation = 0;
  private reported = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly http: HttpClient,
    private readonly documents: ReadOnlyDocuments,
  ) {
    this.item.name = "Greenlight grid carbon intensity";
    this.item.command = "greenlight.grid.showMenu";
    this.scheduler = new GreenWindowScheduler(context, log);
    const command = (id: string, run: () => unknown) =>
      vscode.commands.registerCommand(id, async () => {
        try {
          await run();
        } catch (error) {
          this.log.error(`${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          void vscode.window.showErrorMessage(`Greenlight: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    this.disposables.push(
      this.item,
      this.scheduler,
      command("greenlight.grid.showMenu", () => this.showMenu()),
      command("greenlight.grid.chooseProvider", () => this.chooseProvider()),
      command("greenlight.grid.chooseRegion", () => this.chooseRegion()),
      command("greenlight.grid.setKey", () => this.setKey()),
      command("greenlight.grid.clearKey", () => this.clearKey()),
      command("greenlight.grid.refresh", () => this.refresh(true, true)),
      command("greenlight.grid.showForecast", () => this.showForecast()),
      command("greenlight.grid.findGreenestWindow", () => this.findGreenestWindow()),
      command("greenlight.grid.runTaskInGreenestWindow", () => this.runTaskInGreenestWindow()),
      command("greenlight.grid.cancelScheduledTask", () => this.cancelScheduledTask()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("greenlight.grid")) void this.rebuild();
      }),
      context.secrets.onDidChange((event) => {
        if (Object.values(SECRET_KEYS).includes(event.key as never)) void this.rebuild();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.rebuild()),
    );
    void this.rebuild();
  }

  greenestWindow(durationMs: number, itEnergyKwh?: number): WindowResult | undefined {
    if (!this.snapshot) return undefined;
    return greenestFor(this.snapshot, Date.now(), durationMs, 24 * 3_600_000, itEnergyKwh === undefined ? undefined : itEnergyKwh * this.settings.pue);
  }

  statusShown(): { text: string; tooltip: string; label: string } {
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === "string" ? tooltip : (tooltip?.value ?? ""), label: this.item.accessibilityInformation?.label ?? "" };
  }

  /** The snapshot's current value, as every surface shows it. */
  reading(): IntensitySource | undefined {
    return this.snapshot && readingOf(this.snapshot);
  }

  /** The report view's data: forecast slots and the greenest window for the configured job length. */
  forecastView(): ForecastView | undefined {
    if (!this.snapshot) return undefined;
    return forecastView(this.snapshot, Date.now(), this.jobDurationMs());
  }

  private readSettings(): GridSettings {
    const configuration = vscode.workspace.getConfiguration("greenlight.grid");
    const notices: string[] = [];
    const { settings, problems } = readGridSettings((key: GridSettingKey) => {
      if (!key.startsWith("endpoints.")) return configuration.get(key);
      const inspected = configuration.inspect(key);
      const notice = ignoredEndpointNotice(key, inspected, vscode.workspace.isTrusted);
      if (notice) notices.push(notice);
      return trustedEndpointValue(inspected, vscode.workspace.isTrusted);
    });
    problems.push(...notices);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.log.warn(problem);
      void vscode.window.showWarningMessage(`Greenlight: ${problem}`);
    }
    return settings;
  }

  /** Re-reads settings and keys and builds a new service; a newer rebuild wins over one still in flight. */
  private async rebuild(): Promise<void> {
    const generation = ++this.generation;
    const settings = this.readSettings();
    const credentials = await readCredentials(this.context.secrets);
    if (generation !== this.generation) return;
    this.settings = settings;
    const endpoint = settings.provider === "offline" ? undefined : settings.endpoints[ENDPOINT_KEY[settings.provider]] || undefined;
    this.setup = createGridService(
      {
        provider: settings.provider,
        region: settings.region || undefined,
        endpoint,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        credentials,
      },
      { http: this.http, now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    );
    this.log.info(`grid: provider ${settings.provider}, region ${this.setup.region || "(default)"}${endpoint ? `, endpoint ${endpoint}` : ""}`);
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh(false, false), settings.refreshMinutes * 60_000);
    this.render(this.setup.service.snapshot());
    await this.refresh(false, false);
  }

  private async refresh(force: boolean, announce: boolean): Promise<GridSnapshot | undefined> {
    const setup = this.setup;
    if (!setup) return undefined;
    if (force) setup.client?.clearCache();
    const snapshot = await setup.service.refresh();
    if (setup !== this.setup) return snapshot;
    const previous = this.snapshot;
    this.render(snapshot);
    if (snapshot.state !== previous?.state || snapshot.error !== previous?.error) {
      const line = `grid: ${snapshot.state}, ${formatIntensity(snapshot.current.gco2PerKwh)} (${snapshot.current.provider} ${snapshot.current.region})`;
      if (snapshot.error) this.log.warn(`${line}: ${snapshot.error}`);
      else this.log.info(line);
    }
    if (announce) {
      void vscode.window.showInformationMessage(
        `Greenlight: ${formatIntensity(snapshot.current.gco2PerKwh)} in ${snapshot.current.region} (${snapshot.state})${snapshot.error ? `: ${snapshot.error}` : ""}`,
      );
    }
    return snapshot;
  }

  private render(snapshot: GridSnapshot): void {
    const previous = this.snapshot && readingOf(this.snapshot);
    this.snapshot = snapshot;
    const current = readingOf(snapshot);
    if (!previous || previous.gco2PerKwh !== current.gco2PerKwh || previous.source !== current.source) {
      if (previous) this.log.info(`grid: the surfaces now use ${formatIntensity(current.gco2PerKwh)} (${current.source}), was ${Math.round(previous.gco2PerKwh)} (${previous.source})`);
      this.readingChanged.fire({ previous, current });
    }
    const now = Date.now();
    const view = statusView(snapshot, now);
    this.item.text = view.text;
    // Colour says whether now is a good time to run: only a live reading can say that, not a yearly average.
    const background = snapshot.current.kind === "average" ? undefined : LEVEL_BACKGROUND[view.level];
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Grid carbon intensity**: ${formatIntensity(snapshot.current.gco2PerKwh)} (${view.level}, ${view.trend})\n\n`);
    tooltip.appendMarkdown(escapeMarkdown(`${snapshot.current.provider}, ${snapshot.current.region}, ${snapshot.current.kind}, ${snapshot.state}`));
    if (snapshot.ageMs !== undefined) tooltip.appendMarkdown(escapeMarkdown(`, ${Math.round(snapshot.ageMs / 60_000)} min old`));
    tooltip.appendMarkdown("\n\n");
    const window = greenestFor(snapshot, now, this.jobDurationMs());
    if (window.found) {
      const saving = window.savingPct !== undefined ? `, ${window.savingPct.toFixed(0)}% less than starting now` : "";
      tooltip.appendMarkdown(escapeMarkdown(`Next greenest ${this.settings.jobDuration} window: ${new Date(window.start).toLocaleString()} (${formatIntensity(window.averageGco2PerKwh)}${saving})`));
    } else {
      tooltip.appendMarkdown(escapeMarkdown(`Greenest window: ${window.reason}`));
    }
    const stale = staleExplanation(snapshot, PROVIDER_LABEL[snapshot.provider].replace(/ \(.*\)$/, ""));
    if (stale) tooltip.appendMarkdown(escapeMarkdown(`\n\n${stale}`));
    else if (snapshot.error) tooltip.appendMarkdown(escapeMarkdown(`\n\nWhy not live: ${plainGridError(snapshot.error)}`));
    for (const note of snapshot.notes) tooltip.appendMarkdown(escapeMarkdown(`\n\n${note}`));
    tooltip.appendMarkdown("\n\n_Click for grid commands._");
    this.item.tooltip = tooltip;
    // A plain label for screen readers (the Markdown tooltip escapes spaces as entities).
    this.item.accessibilityInformation = {
      label: `Grid carbon intensity ${Math.round(snapshot.current.gco2PerKwh)} grams CO2e per kilowatt-hour, ${KIND_LABEL[snapshot.current.kind]}${snapshot.state === "stale" ? `, stale since ${clockTime(snapshot.at - (snapshot.ageMs ?? 0))}` : ""}, ${snapshot.current.region}. Grid commands.`,
      role: "button",
    };
    this.item.show();
  }

  private jobDurationMs(): number {
    try {
      return parseDuration(this.settings.jobDuration);
    } catch {
      return 2 * 3_600_000;
    }
  }

  private async update(key: "provider" | "region", value: string): Promise<void> {
    await vscode.workspace.getConfiguration("greenlight.grid").update(key, value, vscode.ConfigurationTarget.Global);
  }

  private async showMenu(): Promise<void> {
    const items: (vscode.QuickPickItem & { command: string })[] = [
      { label: "$(refresh) Refresh", command: "greenlight.grid.refresh" },
      { label: "$(graph-line) Show forecast", command: "greenlight.grid.showForecast" },
      { label: "$(search) Find the greenest window", command: "greenlight.grid.findGreenestWindow" },
      { label: "$(play) Run a task in the greenest window", command: "greenlight.grid.runTaskInGreenestWindow" },
      ...(this.scheduler.job ? [{ label: "$(close) Cancel the scheduled job", description: describeJob(this.scheduler.job), command: "greenlight.grid.cancelScheduledTask" }] : []),
      { label: "$(server) Choose provider", description: this.settings.provider, command: "greenlight.grid.chooseProvider" },
      { label: "$(globe) Choose region", description: this.setup?.region, command: "greenlight.grid.chooseRegion" },
      { label: "$(key) Set key", command: "greenlight.grid.setKey" },
      { label: "$(trash) Clear key", command: "greenlight.grid.clearKey" },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: "Greenlight: grid" });
    if (picked) await vscode.commands.executeCommand(picked.command);
  }

  private async chooseProvider(): Promise<void> {
    const picked = await vscode.window.showQuickPick(
      PROVIDER_IDS.map((id) => ({ label: PROVIDER_LABEL[id], description: id === this.settings.provider ? "current" : undefined, id })),
      { title: "Greenlight: grid data provider" },
    );
    if (!picked) return;
    await this.update("provider", picked.id);
    if ((picked.id === "electricitymaps" || picked.id === "watttime") && !(await this.hasKey(picked.id))) {
      const choice = await vscode.window.showInformationMessage(`${PROVIDER_LABEL[picked.id]} needs a key.`, "Set key");
      if (choice) await this.setKey(picked.id);
    }
  }

  private async hasKey(provider: "electricitymaps" | "watttime"): Promise<boolean> {
    const credentials = await readCredentials(this.context.secrets);
    return provider === "electricitymaps" ? !!credentials.electricityMapsToken : !!(credentials.wattTimeUsername && credentials.wattTimePassword);
  }

  private async chooseRegion(): Promise<void> {
    const provider = this.settings.provider;
    if (provider === "offline") {
      const countries = Object.entries(COUNTRY_INTENSITY).map(([code, row]) => ({
        label: code,
        description: `${row.name}: ${formatIntensity(row.gco2_per_kwh)} (${row.year})`,
      }));
      const regions = REGION_INTENSITY.filter((row) => row.location.includes("-")).map((row) => ({
        label: row.location,
        description: `${row.region}, ${row.country}: ${formatIntensity(row.gco2PerKwh)}`,
      }));
      const picked = await vscode.window.showQuickPick([{ label: "", description: "from the time zone" }, ...countries, ...regions], {
        title: "Greenlight: offline region",
        matchOnDescription: true,
      });
      if (picked) await this.update("region", picked.label);
      return;
    }
    const value = await vscode.window.showInputBox({ title: "Greenlight: grid region", prompt: REGION_HINT[provider], value: this.settings.region });
    if (value !== undefined) await this.update("region", value.trim());
  }

  private async setKey(preselected?: "electricitymaps" | "watttime"): Promise<void> {
    const which =
      preselected ??
      (
        await vscode.window.showQuickPick(
          [
            { label: "Electricity Maps token", id: "electricitymaps" as const },
            { label: "WattTime account", id: "watttime" as const },
          ],
          { title: "Greenlight: set a grid key (stored in VS Code's secret storage)" },
        )
      )?.id;
    if (which === "electricitymaps") {
      const token = await vscode.window.showInputBox({ title: "Electricity Maps API token", password: true, ignoreFocusOut: true });
      if (token?.trim()) await this.context.secrets.store(SECRET_KEYS.electricityMapsToken, token.trim());
    } else if (which === "watttime") {
      const username = await vscode.window.showInputBox({ title: "WattTime username", ignoreFocusOut: true });
      if (!username?.trim()) return;
      const password = await vscode.window.showInputBox({ title: "WattTime password", password: true, ignoreFocusOut: true });
      if (!password) return;
      await this.context.secrets.store(SECRET_KEYS.wattTimeUsername, username.trim());
      await this.context.secrets.store(SECRET_KEYS.wattTimePassword, password);
    }
  }

  private async clearKey(): Promise<void> {
    const picked = await vscode.window.showQuickPick(
      [
        { label: "Electricity Maps token", keys: [SECRET_KEYS.electricityMapsToken] },
        { label: "WattTime account", keys: [SECRET_KEYS.wattTimeUsername, SECRET_KEYS.wattTimePassword] },
        { label: "All grid keys", keys: Object.values(SECRET_KEYS) },
      ],
      { title: "Greenlight: clear a grid key" },
    );
    if (!picked) return;
    for (const key of picked.keys) await this.context.secrets.delete(key);
    void vscode.window.showInformationMessage(`Greenlight: ${picked.label} removed.`);
  }

  private async showForecast(): Promise<void> {
    const snapshot = (await this.refresh(false, false)) ?? this.snapshot;
    if (!snapshot) return;
    const view = forecastView(snapshot, Date.now(), this.jobDurationMs());
    const lines = [
      `# Grid forecast: ${view.region} (${view.provider}, ${snapshot.state})`,
      "",
      `Now: **${formatIntensity(snapshot.current.gco2PerKwh)}** (${snapshot.current.kind}).`,
      "",
    ];
    if (view.greenest) {
      lines.push(`Greenest ${this.settings.jobDuration} window: **${new Date(view.greenest.start).toLocaleString()}** to ${new Date(view.greenest.end).toLocaleString()}, ${formatIntensity(view.greenest.gco2PerKwh)} on average.`, "");
    }
    if (view.note) lines.push(`_${view.note}_`, "");
    if (view.slots.length) {
      const max = Math.max(...view.slots.map((s) => s.gco2PerKwh));
      lines.push("| start (local) | gCO2e/kWh | |", "|---|---:|---|");
      for (const slot of view.slots) {
        const bar = "█".repeat(Math.max(1, Math.round((slot.gco2PerKwh / max) * 20)));
        lines.push(`| ${new Date(slot.start).toLocaleString()} | ${Math.round(slot.gco2PerKwh)} | ${bar} |`);
      }
    }
    const document = await this.documents.open(`/Grid forecast ${view.region}.md`, lines.join("\n"));
    await vscode.commands.executeCommand("markdown.showPreview", document.uri);
  }

  /** Asks for a job length and computes the window on fresh data; undefined when cancelled or none was found. */
  private async askForWindow(): Promise<{ start: number; end: number; averageGco2PerKwh: number; savingPct?: number } | undefined> {
    const text = await vscode.window.showInputBox({
      title: "Greenlight: how long does the job run?",
      prompt: "like 3h, 90m or 1h30m; it must end within 24 hours",
      value: this.settings.jobDuration,
      validateInput: (value) => {
        try {
          parseDuration(value);
          return undefined;
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      },
    });
    if (text === undefined) return undefined;
    const snapshot = (await this.refresh(false, false)) ?? this.snapshot;
    if (!snapshot) return undefined;
    const window = greenestFor(snapshot, Date.now(), parseDuration(text));
    if (!window.found) {
      void vscode.window.showWarningMessage(
        `Greenlight: ${window.reason}. Now: ${formatIntensity(snapshot.current.gco2PerKwh)} (${snapshot.current.kind === "average" ? "yearly average" : snapshot.current.kind}).`,
      );
      return undefined;
    }
    return window;
  }

  private async findGreenestWindow(): Promise<void> {
    const window = await this.askForWindow();
    if (!window) return;
    const saving = window.savingPct !== undefined ? `, ${window.savingPct.toFixed(1)}% less carbon than starting now` : "";
    const choice = await vscode.window.showInformationMessage(
      `Greenlight: greenest start ${new Date(window.start).toLocaleString()} (${formatIntensity(window.averageGco2PerKwh)} on average${saving}).`,
      "Run a task then",
    );
    if (choice) await this.runTaskInGreenestWindow();
  }

  private async runTaskInGreenestWindow(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage("Greenlight: running tasks or commands needs a trusted workspace.");
      return;
    }
    if (this.scheduler.job) {
      const replace = await vscode.window.showWarningMessage(`Greenlight already has ${describeJob(this.scheduler.job)} scheduled. Replace it?`, { modal: true }, "Replace");
      if (!replace) return;
    }
    const tasks = await vscode.tasks.fetchTasks();
    const shell = { label: "$(terminal) A shell command…", description: "typed next", task: undefined as vscode.Task | undefined };
    const picked = await vscode.window.showQuickPick([shell, ...tasks.map((task) => ({ label: task.name, description: task.source, task }))], {
      title: "Greenlight: what should run in the greenest window?",
    });
    if (!picked) return;
    let command: string | undefined;
    if (!picked.task) {
      command = (await vscode.window.showInputBox({ title: "Shell command to run in the greenest window", ignoreFocusOut: true }))?.trim();
      if (!command) return;
    }
    const window = await this.askForWindow();
    if (!window) return;
    const job = {
      id: `${Date.now()}`,
      kind: picked.task ? ("task" as const) : ("shell" as const),
      taskName: picked.task?.name,
      taskSource: picked.task?.source,
      command,
      cwd: vscode.workspace.workspaceFolders?.[0]?.uri.scheme === "file" ? vscode.workspace.workspaceFolders[0].uri.fsPath : undefined,
      startAt: window.start,
      endAt: window.end,
      averageGco2PerKwh: window.averageGco2PerKwh,
      savingPct: window.savingPct,
      createdAt: Date.now(),
    };
    await this.scheduler.schedule(job);
    void vscode.window.showInformationMessage(`Greenlight will start ${describeJob(job)} at ${new Date(job.startAt).toLocaleString()}.`);
  }

  private async cancelScheduledTask(): Promise<void> {
    const job = this.scheduler.job;
    if (!job) {
      void vscode.window.showInformationMessage("Greenlight: no job is scheduled.");
      return;
    }
    const confirm = await vscode.window.showWarningMessage(`Cancel ${describeJob(job)} scheduled for ${new Date(job.startAt).toLocaleString()}?`, { modal: true }, "Cancel job");
    if (confirm) await this.scheduler.cancel();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.generation++;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.readingChanged.dispose();
  }
}
