// `greenlight grid` and `greenlight window` end to end (in-process), against the offline tables and a local server.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CliError } from "../../../../src/cli/cli-io";
import { runGrid } from "../../../../src/cli/commands/grid";
import { runWindow } from "../../../../src/cli/commands/window";
import { lookupOffline } from "../../../../src/core/grid/providers/offline";
import { emForecast, ukSlots } from "../../core/grid/fixtures";
import { closedPort, sendJson, startLocalServer, type LocalServer } from "../../core/grid/local-server";

const MINUTE = 60_000;

async function run(command: typeof runGrid, argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await command(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("grid CLI", function () {
  this.timeout(15_000);
  const savedEnv = { ...process.env };
  let server: LocalServer;
  // Half-hour slots from the current half hour: 400 everywhere except a planted 2-hour dip 6 hours ahead.
  const slotStart = () => Math.floor(Date.now() / (30 * MINUTE)) * 30 * MINUTE;
  const values = Array.from({ length: 96 }, (_, i) => (i >= 12 && i < 16 ? 90 : 400));

  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.path === "/intensity") return sendJson(res, { data: ukSlots(slotStart(), [400], Date.now()) });
      if (req.path.endsWith("/fw48h")) return sendJson(res, { data: ukSlots(slotStart(), values, Date.now()) });
      sendJson(res, { message: `bad token ${String(req.headers["auth-token"])}` }, 401);
    });
  });
  after(() => server.close());
  beforeEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith("GREENLIGHT_")) delete process.env[key];
  });
  afterEach(() => {
    // Restore key by key: replacing process.env itself would turn it into a plain object for later tests.
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  });

  it("answers offline from the embedded table with the JSON contract", async () => {
    const { code, stdout } = await run(runGrid, ["--region", "GB", "--format", "json"]);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.provider, "offline");
    assert.equal(json.region, "GBR");
    assert.equal(json.gco2_per_kwh, Math.round(lookupOffline("GB").gco2PerKwh * 10) / 10);
    assert.equal(json.kind, "average");
    assert.equal(json.stale, false);
    assert.ok(!Number.isNaN(Date.parse(json.at)));
    assert.deepEqual(json.forecast, []);
    assert.match(json.forecast_note, /no forecast/);
  });

  it("takes the region from the time zone when none is set, and says so", async () => {
    process.env.TZ = "Europe/Paris";
    const { code, stdout } = await run(runGrid, []);
    assert.equal(code, 0);
    assert.match(stdout, /FRA/);
    assert.match(stdout, /time zone Europe\/Paris/);
  });

  it("reads a live provider, and the window finds the planted dip", async () => {
    const grid = await run(runGrid, ["--provider", "uk", "--endpoint", server.url, "--format", "json"]);
    assert.equal(grid.code, 0, grid.stderr);
    const json = JSON.parse(grid.stdout);
    assert.equal(json.provider, "uk");
    assert.equal(json.kind, "measured");
    assert.equal(json.stale, false);
    assert.equal(json.forecast.length, values.length);

    const window = await run(runWindow, ["--provider", "uk", "--endpoint", server.url, "--duration", "2h", "--within", "24h", "--energy-kwh", "50", "--format", "json"]);
    assert.equal(window.code, 0, window.stderr);
    const w = JSON.parse(window.stdout);
    assert.equal(Date.parse(w.start), slotStart() + 12 * 30 * MINUTE);
    assert.equal(Date.parse(w.end) - Date.parse(w.start), 2 * 60 * MINUTE);
    assert.equal(w.avg_gco2_per_kwh, 90);
    assert.ok(w.now_avg_gco2_per_kwh > w.avg_gco2_per_kwh);
    assert.ok(Math.abs(w.saving_pct - ((w.now_avg_gco2_per_kwh - 90) / w.now_avg_gco2_per_kwh) * 100) < 0.1);
    assert.ok(Math.abs(w.saving_gco2 - 50 * (w.now_avg_gco2_per_kwh - 90)) < 1);
    const table = await run(runWindow, ["--provider", "uk", "--endpoint", server.url, "--duration", "2h"]);
    assert.match(table.stdout, /best .* 90 gCO2e\/kWh on average/);
  });

  it("falls back offline with exit 0 and says so on stderr and in the table", async () => {
    process.env.TZ = "Europe/London";
    const { code, stdout, stderr } = await run(runGrid, ["--provider", "uk", "--endpoint", await closedPort(), "--timeout", "1s"]);
    assert.equal(code, 0);
    assert.match(stderr, /cannot reach .*fell back to the yearly average/);
    assert.match(stdout, /OFFLINE FALLBACK/);
  });

  it("without a forecast the window says so and shows the average", async () => {
    const { code, stdout } = await run(runWindow, ["--duration", "3h", "--region", "DE", "--format", "json"]);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.found, false);
    assert.equal(json.start, null);
    assert.equal(json.saving_pct, null);
    assert.equal(json.now_avg_gco2_per_kwh, json.gco2_per_kwh);
    assert.match(json.reason, /no forecast/);
  });

  it("never prints a key", async () => {
    process.env.GREENLIGHT_ELECTRICITYMAPS_TOKEN = "super-secret-em-token";
    const { code, stdout, stderr } = await run(runGrid, ["--provider", "electricitymaps", "--region", "DE", "--endpoint", server.url, "--format", "json"]);
    assert.equal(code, 0);
    assert.match(stderr, /HTTP 401/);
    assert.ok(!stdout.includes("super-secret-em-token") && !stderr.includes("super-secret-em-token"));
  });

  describe("window --forecast: a provider's answer saved as a file", () => {
    let dir: string;
    before(() => void (dir = mkdtempSync(join(tmpdir(), "greenlight-forecast-"))));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const save = (name: string, body: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, typeof body === "string" ? body : JSON.stringify(body));
      return path;
    };
    // A day in the past: 300 everywhere except a planted 3-hour dip at 100 from 10:00.
    const dayStart = Date.parse("2025-03-02T00:00:00Z");
    const hourly = Array.from({ length: 24 }, (_, h) => (h >= 10 && h < 13 ? 100 : 300));

    it("searches a saved forecast from its start when now is outside it, and labels it as saved, not live", async () => {
      const file = save("em.json", emForecast("DE", dayStart, hourly));
      const json = JSON.parse((await run(runWindow, ["--forecast", file, "--duration", "3h", "--energy-kwh", "2", "--format", "json"])).stdout);
      assert.equal(json.provider, "electricitymaps");
      assert.equal(json.region, "DE");
      assert.equal(json.live, false);
      assert.equal(json.from, new Date(dayStart).toISOString());
      assert.match(json.notes[0], /now is outside the saved forecast/);
      assert.equal(Date.parse(json.start), dayStart + 10 * 60 * MINUTE);
      assert.equal(json.avg_gco2_per_kwh, 100);
      assert.equal(json.now_avg_gco2_per_kwh, 300);
      assert.equal(json.saving_gco2, 400);
      const table = await run(runWindow, ["--forecast", file, "--duration", "3h"]);
      assert.match(table.stdout, /em\.json \(Electricity Maps shape\), DE: 24 slots .*; not live/);
      assert.match(table.stdout, /best +2025-03-02T10:00:00\.000Z to 2025-03-02T13:00:00\.000Z: 100 gCO2e\/kWh on average/);
    });

    it("--from and --within bound the search: a window that must end before the dip does not reach it", async () => {
      const file = save("uk.json", { data: ukSlots(dayStart, hourly.flatMap((v) => [v, v]), dayStart - 1) });
      const json = JSON.parse((await run(runWindow, ["--forecast", file, "--from", "2025-03-02T01:00Z", "--within", "6h", "--duration", "3h", "--format", "json"])).stdout);
      assert.equal(json.from, "2025-03-02T01:00:00.000Z");
      assert.deepEqual(json.notes, []);
      assert.equal(json.avg_gco2_per_kwh, 300);
      assert.equal(json.saving_pct, 0);
    });

    it("a file that is missing, not JSON or of another shape is a clear error; provider options are said to be ignored", async () => {
      await assert.rejects(run(runWindow, ["--forecast", join(dir, "missing.json"), "--duration", "1h"]), (err: unknown) => err instanceof CliError && /cannot read --forecast .*ENOENT/.test(err.message));
      await assert.rejects(run(runWindow, ["--forecast", save("page.html", "<html></html>"), "--duration", "1h"]), /is not JSON/);
      await assert.rejects(run(runWindow, ["--forecast", save("other.json", { rows: [] }), "--duration", "1h"]), /is not a UK Carbon Intensity, Electricity Maps, WattTime or Carbon Aware SDK forecast answer/);
      await assert.rejects(run(runWindow, ["--from", "2025-03-02T01:00Z", "--duration", "1h"]), /--from needs --forecast/);
      await assert.rejects(run(runWindow, ["--forecast", "x.json", "--from", "tuesday", "--duration", "1h"]), /--from must be an ISO 8601 time/);
      const ignored = await run(runWindow, ["--forecast", save("em2.json", emForecast("DE", dayStart, hourly)), "--provider", "uk", "--duration", "1h"]);
      assert.match(ignored.stderr, /--provider is ignored with --forecast/);
    });
  });

  it("rejects bad options with a clear error", async () => {
    await assert.rejects(run(runGrid, ["--provider", "acme"]), (err: unknown) => err instanceof CliError && /--provider must be one of/.test(err.message));
    await assert.rejects(run(runGrid, ["--format", "xml"]), CliError);
    await assert.rejects(run(runWindow, []), /--duration is required/);
    await assert.rejects(run(runWindow, ["--duration", "soon"]), /not a duration/);
    await assert.rejects(run(runWindow, ["--duration", "5h", "--within", "2h"]), /at least --duration/);
    await assert.rejects(run(runWindow, ["--duration", "1h", "--energy-kwh", "lots"]), /--energy-kwh/);
  });
});
