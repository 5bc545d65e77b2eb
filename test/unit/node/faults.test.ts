// Every provider against broken servers: each fault ends in a clear state (offline fallback with the reason, or
// live without a forecast), never a throw or a hang.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { createGridService, type GridConfig } from "../../../src/core/grid/create-service";
import { lookupOffline } from "../../../src/core/grid/providers/offline";
import { UndiciHttpClient } from "../../../src/node/http-client";
import { emForecast, emLatest, sdkForecast, ukSlots, wattTimeForecast, wattTimeIndex } from "../core/grid/fixtures";
import { closedPort, fakeTime, sendJson, startLocalServer, type LocalServer, type RecordedRequest } from "../core/grid/local-server";

const MINUTE = 60_000;
const NOW = Date.parse("2026-07-01T12:05:00Z");

interface ProviderCase {
  name: string;
  config: (endpoint: string) => GridConfig;
  /** The offline table key it falls back to. */
  fallback: string;
  /** A correct answer for any of its paths. */
  good: (req: RecordedRequest, res: ServerResponse) => void;
  /** The same answer with intensities in the wrong unit. */
  wrongUnits: (req: RecordedRequest, res: ServerResponse) => void;
  /** Current value fine, forecast empty. */
  emptyForecast: (req: RecordedRequest, res: ServerResponse) => void;
  /** Whether the current value survives an empty forecast (WattTime and the SDK derive "now" from the forecast). */
  currentWithoutForecast: boolean;
  isLogin?: (req: RecordedRequest) => boolean;
}

const pathOf = (req: RecordedRequest) => new URL(req.path, "http://x").pathname;
const hourly = Array.from({ length: 24 }, (_, i) => 200 + 10 * i);

const cases: ProviderCase[] = [
  {
    name: "uk",
    config: (endpoint) => ({ provider: "uk", endpoint, region: "national", timeZone: "Europe/London" }),
    fallback: "GB",
    good: (req, res) => sendJson(res, { data: ukSlots(NOW - 5 * MINUTE, pathOf(req) === "/intensity" ? [231] : hourly, NOW) }),
    wrongUnits: (_req, res) => sendJson(res, { data: ukSlots(NOW - 5 * MINUTE, hourly.map((v) => v * 1000), NOW) }),
    emptyForecast: (req, res) => sendJson(res, { data: pathOf(req) === "/intensity" ? ukSlots(NOW - 5 * MINUTE, [231], NOW) : [] }),
    currentWithoutForecast: true,
  },
  {
    name: "electricitymaps",
    config: (endpoint) => ({ provider: "electricitymaps", endpoint, region: "DE", credentials: { electricityMapsToken: "tok-em" } }),
    fallback: "DE",
    good: (req, res) => sendJson(res, pathOf(req).endsWith("latest") ? emLatest("DE", 302, NOW) : emForecast("DE", NOW, hourly)),
    wrongUnits: (req, res) => sendJson(res, pathOf(req).endsWith("latest") ? emLatest("DE", 302_000, NOW) : emForecast("DE", NOW, hourly.map((v) => v * 1000))),
    emptyForecast: (req, res) => sendJson(res, pathOf(req).endsWith("latest") ? emLatest("DE", 302, NOW) : emForecast("DE", NOW, [])),
    currentWithoutForecast: true,
  },
  {
    name: "watttime",
    config: (endpoint) => ({
      provider: "watttime",
      endpoint,
      region: "CAISO_NORTH",
      timeZone: "America/Los_Angeles",
      credentials: { wattTimeUsername: "ada", wattTimePassword: "pw-secret" },
    }),
    fallback: "US",
    good: (req, res) => {
      if (pathOf(req) === "/login") return sendJson(res, { token: "bearer-1" });
      if (pathOf(req) === "/v3/signal-index") return sendJson(res, wattTimeIndex("CAISO_NORTH", NOW, 40));
      sendJson(res, wattTimeForecast("CAISO_NORTH", NOW - MINUTE, hourly.map((v) => v * 2)));
    },
    wrongUnits: (req, res) => {
      if (pathOf(req) === "/login") return sendJson(res, { token: "bearer-1" });
      sendJson(res, wattTimeForecast("CAISO_NORTH", NOW - MINUTE, hourly, "percentile"));
    },
    emptyForecast: (req, res) => {
      if (pathOf(req) === "/login") return sendJson(res, { token: "bearer-1" });
      sendJson(res, wattTimeForecast("CAISO_NORTH", NOW - MINUTE, []));
    },
    currentWithoutForecast: false,
    isLogin: (req) => pathOf(req) === "/login",
  },
  {
    name: "carbon-aware-sdk",
    config: (endpoint) => ({ provider: "carbon-aware-sdk", endpoint, region: "eastus", timeZone: "America/New_York" }),
    fallback: "US",
    good: (_req, res) => sendJson(res, sdkForecast("eastus", NOW - MINUTE, hourly, "plural")),
    wrongUnits: (_req, res) => sendJson(res, sdkForecast("eastus", NOW - MINUTE, hourly.map((v) => v * 1000), "plural")),
    emptyForecast: (_req, res) => sendJson(res, [{ location: "eastus", forecastData: [], optimalDataPoints: [] }]),
    currentWithoutForecast: false,
  },
];

function setUp(testCase: ProviderCase, endpoint: string, timeoutMs = 2000) {
  const time = fakeTime(NOW);
  const setup = createGridService(testCase.config(endpoint), {
    http: new UndiciHttpClient(),
    now: time.now,
    sleep: time.sleep,
    timeoutMs,
    retries: 2,
    baseDelayMs: 200,
    maxDelayMs: 5000,
  });
  return { time, ...setup };
}

describe("grid providers against faults", function () {
  this.timeout(10_000);
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((_req, res) => sendJson(res, {}, 404));
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  for (const testCase of cases) {
    describe(testCase.name, () => {
      const expectFallback = async (fault: (req: RecordedRequest, res: ServerResponse) => void, error: RegExp, timeoutMs?: number, endpoint?: string) => {
        server.setHandler((req, res) => (testCase.isLogin?.(req) ? testCase.good(req, res) : fault(req, res)));
        const { service } = setUp(testCase, endpoint ?? server.url, timeoutMs);
        const snapshot = await service.refresh();
        assert.equal(snapshot.state, "offline", snapshot.error);
        assert.equal(snapshot.fellBack, true);
        assert.equal(snapshot.current.kind, "average");
        assert.equal(snapshot.current.gco2PerKwh, lookupOffline(testCase.fallback).gco2PerKwh, `falls back to ${testCase.fallback}'s yearly average`);
        assert.deepEqual(snapshot.forecast, []);
        assert.match(snapshot.error ?? "", error);
        assert.ok(!/pw-secret|tok-em|bearer-1/.test(snapshot.error ?? ""), "no secret in the message");
        return snapshot;
      };

      it("serves a live answer when the server is healthy", async () => {
        server.setHandler(testCase.good);
        const { service } = setUp(testCase, server.url);
        const snapshot = await service.refresh();
        assert.equal(snapshot.state, "live", snapshot.error);
        assert.ok(snapshot.forecast.length > 0);
        assert.notEqual(snapshot.current.kind, "average");
      });

      it("500s: retries with backoff, then falls back offline", async () => {
        await expectFallback((_req, res) => sendJson(res, { error: "internal" }, 500), /HTTP 500.*after 3 attempts/);
      });

      it("429 with Retry-After: waits as told, then succeeds", async () => {
        let refused = 0;
        server.setHandler((req, res) => {
          if (testCase.isLogin?.(req)) return testCase.good(req, res);
          if (refused++ < 1) return sendJson(res, { error: "slow down" }, 429, { "retry-after": "2" });
          testCase.good(req, res);
        });
        // The wait has to fit the call's budget (a 2 s Retry-After within 5 s).
        const { service, time } = setUp(testCase, server.url, 5000);
        const snapshot = await service.refresh();
        assert.equal(snapshot.state, "live", snapshot.error);
        assert.ok(time.sleeps.includes(2000), `slept ${time.sleeps.join(",")} ms`);
      });

      it("429 with a Retry-After past the bound: stops asking and falls back", async () => {
        const snapshot = await expectFallback((_req, res) => sendJson(res, { error: "quota" }, 429, { "retry-after": "3600" }), /retry after 3600 s/);
        assert.ok(snapshot.error);
      });

      it("a server slower than the timeout: gives up in bounded time", async () => {
        const started = Date.now();
        await expectFallback((_req, res) => void setTimeout(() => sendJson(res, {}), 1500), /within 150 ms/, 150);
        assert.ok(Date.now() - started < 1400, `took ${Date.now() - started} ms`);
      });

      it("an HTML error page", async () => {
        await expectFallback((_req, res) => {
          res.writeHead(502, { "content-type": "text/html" });
          res.end("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>");
        }, /HTML error page/);
      });

      it("an HTML page with status 200", async () => {
        await expectFallback((_req, res) => {
          res.writeHead(200, { "content-type": "text/html" });
          res.end("<html><body>Captive portal: please log in</body></html>");
        }, /not JSON \(an HTML page\)/);
      });

      it("truncated JSON", async () => {
        await expectFallback((req, res) => {
          const chunks: string[] = [];
          const fake = { writeHead: () => fake, end: (body: string) => chunks.push(body) } as unknown as ServerResponse;
          testCase.good(req, fake);
          res.writeHead(200, { "content-type": "application/json" });
          res.end(chunks[0].slice(0, Math.floor(chunks[0].length / 2)));
        }, /not JSON/);
      });

      it("JSON of the wrong shape", async () => {
        await expectFallback((_req, res) => sendJson(res, { data: "maintenance", forecast: 7, token: 1 }), /unexpected answer shape/);
      });

      it("intensities in the wrong unit", async () => {
        await expectFallback(testCase.wrongUnits, /unit/);
      });

      it("an empty forecast", async () => {
        server.setHandler(testCase.emptyForecast);
        const { service } = setUp(testCase, server.url);
        const snapshot = await service.refresh();
        assert.deepEqual(snapshot.forecast, []);
        if (testCase.currentWithoutForecast) {
          assert.equal(snapshot.state, "live");
          assert.match(snapshot.forecastNote ?? "", /empty/);
        } else {
          assert.equal(snapshot.state, "offline");
          assert.match(snapshot.error ?? "", /empty/);
        }
      });

      it("a closed port", async () => {
        await expectFallback(testCase.good, /cannot reach 127\.0\.0\.1:\d+ \(the connection was refused \(nothing answers at that address and port\) \[ECONNREFUSED\]\)/, undefined, await closedPort());
      });
    });
  }

  describe("stale, then offline", () => {
    it("shows the last good value with its age, then the yearly average after 3 hours", async () => {
      const uk = cases[0];
      server.setHandler(uk.good);
      const { service, time } = setUp(uk, server.url);
      const live = await service.refresh();
      assert.equal(live.state, "live");
      server.setHandler((_req, res) => sendJson(res, {}, 503));
      time.advance(40 * MINUTE);
      const stale = await service.refresh();
      assert.equal(stale.state, "stale");
      assert.equal(stale.current.gco2PerKwh, live.current.gco2PerKwh);
      assert.ok(stale.ageMs! >= 40 * MINUTE, `age ${stale.ageMs}`);
      assert.ok(stale.forecast.every((r) => r.end! > time.now()), "slots already over are dropped");
      assert.match(stale.error ?? "", /HTTP 503/);
      time.advance(3 * 60 * MINUTE);
      const offline = await service.refresh();
      assert.equal(offline.state, "offline");
      assert.equal(offline.current.gco2PerKwh, lookupOffline("GB").gco2PerKwh);
    });

    it("bad settings become a clear offline answer, not a throw", async () => {
      const time = fakeTime(NOW);
      const { service } = createGridService(
        { provider: "watttime", timeZone: "Europe/Paris" },
        { http: new UndiciHttpClient(), now: time.now, sleep: time.sleep },
      );
      const snapshot = await service.refresh();
      assert.equal(snapshot.state, "offline");
      assert.match(snapshot.error ?? "", /needs a region/);
      assert.equal(snapshot.current.gco2PerKwh, lookupOffline("FR").gco2PerKwh);
    });
  });
});
