// The editor's pure parts: grid settings validation and the trust rule, the scheduler's timing, the status view.
import assert from "node:assert/strict";
import type { GridSnapshot } from "../../../../src/core/grid/grid-service";
import { lookupOffline } from "../../../../src/core/grid/providers/offline";
import { forecastView, statusView } from "../../../../src/vscode/grid/forecast-view";
import { GRID_DEFAULTS, ignoredEndpointNotice, readGridSettings, trustedEndpointValue } from "../../../../src/vscode/grid/grid-settings";
import { MISSED_GRACE_MS, formatCountdown, jobAction, readScheduledJob } from "../../../../src/vscode/grid/schedule-model";

const HOUR = 3_600_000;

function snapshot(values: number[], now: number, state: GridSnapshot["state"] = "live"): GridSnapshot {
  const forecast = values.map((v, i) => ({ provider: "uk" as const, region: "GB", gco2PerKwh: v, at: now + i * HOUR, start: now + i * HOUR, end: now + (i + 1) * HOUR, kind: "forecast" as const }));
  return { state, provider: "uk", region: "GB", current: { ...forecast[0], kind: "measured" }, forecast, fellBack: false, notes: [], at: now };
}

describe("grid editor models", () => {
  it("validates settings, replacing bad values by defaults and naming them", () => {
    const values: Record<string, unknown> = { provider: "acme", region: "  GB ", pue: 0.5, refreshMinutes: 15, jobDuration: "3h", "endpoints.uk": "ftp://x" };
    const { settings, problems } = readGridSettings((key) => values[key]);
    assert.equal(settings.provider, GRID_DEFAULTS.provider);
    assert.equal(settings.region, "GB");
    assert.equal(settings.pue, GRID_DEFAULTS.pue);
    assert.equal(settings.refreshMinutes, 15);
    assert.equal(settings.jobDuration, "3h");
    assert.equal(settings.endpoints.uk, "");
    assert.equal(problems.length, 3);
    assert.ok(problems.some((p) => p.startsWith("greenlight.grid.provider")));
    assert.ok(problems.some((p) => p.startsWith("greenlight.grid.endpoints.uk")));
    const good = readGridSettings((key) => ({ "endpoints.carbonAwareSdk": "http://localhost:5073" })[key as string]);
    assert.equal(good.settings.endpoints.carbonAwareSdk, "http://localhost:5073");
    assert.deepEqual(good.problems, []);
  });

  it("ignores workspace endpoint overrides in an untrusted workspace", () => {
    const inspected = { globalValue: "https://user.example", workspaceValue: "http://attacker.example" };
    assert.equal(trustedEndpointValue(inspected, false), "https://user.example");
    assert.equal(trustedEndpointValue(inspected, true), "http://attacker.example");
    assert.equal(trustedEndpointValue({ workspaceValue: "http://attacker.example" }, false), undefined);
  });

  it("says when a workspace endpoint is ignored, and why, only when it is", () => {
    const inspected = { globalValue: "https://user.example", workspaceValue: "http://attacker.example" };
    assert.match(ignoredEndpointNotice("endpoints.uk", inspected, false) ?? "", /^greenlight\.grid\.endpoints\.uk: .*not used until you trust the workspace.*your User value/);
    assert.equal(ignoredEndpointNotice("endpoints.uk", inspected, true), undefined);
    assert.equal(ignoredEndpointNotice("endpoints.uk", { globalValue: "https://user.example" }, false), undefined);
    assert.match(ignoredEndpointNotice("endpoints.uk", { workspaceFolderValue: "http://x.example" }, false) ?? "", /provider's own address/);
  });

  it("runs a scheduled job at its start, asks when the start was missed, and drops malformed state", () => {
    const job = readScheduledJob({ id: "1", kind: "task", taskName: "train", startAt: 10 * HOUR, endAt: 12 * HOUR, createdAt: 0 });
    assert.ok(job);
    assert.equal(jobAction(job, 10 * HOUR - 1), "wait");
    assert.equal(jobAction(job, 10 * HOUR), "run");
    assert.equal(jobAction(job, 10 * HOUR + MISSED_GRACE_MS + 1), "ask");
    assert.equal(readScheduledJob({ id: 1, kind: "rocket" }), undefined);
    assert.equal(readScheduledJob(undefined), undefined);
    assert.equal(formatCountdown(2 * HOUR + 5 * 60_000), "2h 05m");
    assert.equal(formatCountdown(250_000), "4m 10s");
    assert.equal(formatCountdown(-5), "0s");
  });

  it("shows the value, trend and state in the status view, and the greenest window in the forecast view", () => {
    const now = Date.parse("2026-05-01T10:00:00Z");
    const rising = statusView(snapshot([200, 300, 320, 340], now), now);
    assert.match(rising.text, /200 gCO2e\/kWh \$\(arrow-up\)/);
    const stale = statusView(snapshot([200, 150, 120, 100], now, "stale"), now);
    assert.match(stale.text, /\(stale\) \$\(arrow-down\)/);
    const view = forecastView(snapshot([400, 380, 90, 95, 400, 410], now), now, 2 * HOUR);
    assert.equal(view.greenest?.start, now + 2 * HOUR);
    assert.equal(view.slots.length, 6);
    const offline: GridSnapshot = {
      ...snapshot([1], now, "offline"),
      forecast: [],
      forecastNote: "yearly averages only",
      current: { provider: "offline", region: "GBR", gco2PerKwh: lookupOffline("GB").gco2PerKwh, at: now, kind: "average" },
    };
    const offlineView = forecastView(offline, now, 2 * HOUR);
    assert.equal(offlineView.greenest, undefined);
    assert.equal(offlineView.current.gco2PerKwh, lookupOffline("GB").gco2PerKwh, "the average is there even without a forecast");
    assert.equal(offlineView.current.kind, "average");
    assert.match(offlineView.note ?? "", /no forecast/);
    assert.match(statusView(offline, now).text, /gCO2e\/kWh yearly avg/);
  });
});
