// Each live provider against a real HTTP server on 127.0.0.1 serving answers shaped like the real APIs.
import assert from "node:assert/strict";
import { CarbonAwareSdkProvider } from "../../../../src/core/grid/providers/carbon-aware-sdk";
import { ElectricityMapsProvider } from "../../../../src/core/grid/providers/electricity-maps";
import { UkCarbonIntensityProvider, parseUkRegion } from "../../../../src/core/grid/providers/uk-carbon-intensity";
import { LBS_PER_MWH_TO_G_PER_KWH, WattTimeProvider } from "../../../../src/core/grid/providers/watttime";
import { ResilientClient } from "../../../../src/core/grid/resilient-client";
import { GridError } from "../../../../src/core/grid/types";
import { UndiciHttpClient } from "../../../../src/node/http-client";
import { emForecast, emLatest, sdkForecast, ukRegional, ukSlots, ukTime, wattTimeForecast, wattTimeIndex } from "./fixtures";
import { fakeTime, sendJson, startLocalServer, type LocalServer } from "./local-server";

const MINUTE = 60_000;
// A Sunday early morning in March, when UK clocks change (01:00 UTC): slots stay in UTC throughout.
const NOW = Date.parse("2026-03-29T00:10:00Z");

function clientFor(time: ReturnType<typeof fakeTime>) {
  return new ResilientClient(new UndiciHttpClient(), { now: time.now, sleep: time.sleep, timeoutMs: 2000, retries: 2, baseDelayMs: 100 });
}

async function rejectsWith(promise: Promise<unknown>, kind: GridError["kind"], pattern?: RegExp) {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof GridError, `expected a GridError, got ${String(err)}`);
    assert.equal(err.kind, kind, err.message);
    if (pattern) assert.match(err.message, pattern);
    return true;
  });
}

describe("grid providers against a local HTTP server", () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((_req, res) => sendJson(res, {}, 404));
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  describe("UK Carbon Intensity", () => {
    const values = Array.from({ length: 96 }, (_, i) => 150 + 60 * Math.sin(i / 8));
    const forecastStart = Date.parse("2026-03-29T00:00:00Z");

    it("reads the national current slot, preferring the measured value", async () => {
      const time = fakeTime(NOW);
      server.setHandler((req, res) => {
        if (req.path === "/intensity") return sendJson(res, { data: ukSlots(forecastStart, [231], NOW) });
        sendJson(res, { error: "unexpected" }, 404);
      });
      const provider = new UkCarbonIntensityProvider({ client: clientFor(time), now: time.now, endpoint: server.url });
      const reading = await provider.current("national");
      assert.equal(reading.kind, "measured");
      assert.equal(reading.gco2PerKwh, 234, "actual (forecast + 3 in the fixture) wins over forecast");
      assert.equal(reading.start, forecastStart);
      assert.equal(reading.end, forecastStart + 30 * MINUTE);
      assert.equal(reading.index, "high");
    });

    it("reads the 48 h national forecast from the current half hour, and caches it for 30 minutes", async () => {
      const time = fakeTime(NOW);
      server.setHandler((req, res) => {
        if (req.path === `/intensity/${ukTime(forecastStart)}/fw48h`) return sendJson(res, { data: ukSlots(forecastStart, values, NOW) });
        sendJson(res, { error: "unexpected" }, 404);
      });
      const provider = new UkCarbonIntensityProvider({ client: clientFor(time), now: time.now, endpoint: server.url });
      const forecast = await provider.forecast("");
      assert.equal(forecast.length, values.length);
      assert.ok(forecast.every((r, i) => r.end! - r.start! === 30 * MINUTE && r.gco2PerKwh === values[i]));
      time.advance(10 * MINUTE);
      await provider.forecast("");
      assert.equal(server.requests.length, 1, "a second call inside the slot is served from the cache");
      time.advance(21 * MINUTE);
      server.setHandler((req, res) => sendJson(res, { data: ukSlots(forecastStart + 30 * MINUTE, values, time.now()) }));
      const later = await provider.forecast("");
      assert.equal(server.requests.length, 2);
      assert.equal(later[0].start, forecastStart + 30 * MINUTE);
    });

    it("reads a region by id (data as an array) and a postcode forecast (data as an object)", async () => {
      const time = fakeTime(NOW);
      server.setHandler((req, res) => {
        if (req.path === "/regional/regionid/12") return sendJson(res, ukRegional(12, ukSlots(forecastStart, [180], NOW), false));
        if (req.path === `/regional/intensity/${ukTime(forecastStart)}/fw48h/postcode/RG10`) return sendJson(res, ukRegional(12, ukSlots(forecastStart, values, NOW), true));
        sendJson(res, { error: "unexpected" }, 404);
      });
      const provider = new UkCarbonIntensityProvider({ client: clientFor(time), now: time.now, endpoint: server.url });
      const current = await provider.current("12");
      assert.equal(current.gco2PerKwh, 180);
      assert.equal(current.kind, "forecast", "regional slots carry no measured value");
      const forecast = await provider.forecast("rg10 1ab");
      assert.equal(forecast.length, values.length);
      assert.equal(forecast[5].gco2PerKwh, values[5]);
    });

    it("rejects regions it cannot name, before any request", async () => {
      assert.equal(parseUkRegion("13").kind, "regionid");
      assert.equal(parseUkRegion("SW1A 1AA").kind, "postcode");
      const time = fakeTime(NOW);
      const provider = new UkCarbonIntensityProvider({ client: clientFor(time), now: time.now, endpoint: server.url });
      await rejectsWith(provider.current("18"), "bad-region", /1 to 17/);
      await rejectsWith(provider.current("not a region"), "bad-region");
      assert.equal(server.requests.length, 0);
    });
  });

  describe("Electricity Maps", () => {
    it("sends the token header and asks for no caller-IP guess; reads latest and an hourly forecast", async () => {
      const time = fakeTime(NOW);
      const values = [302, 290, 250, 240, 260, 310];
      server.setHandler((req, res) => {
        if (req.headers["auth-token"] !== "em-secret-token") return sendJson(res, { message: "bad token" }, 401);
        const url = new URL(req.path, server.url);
        if (url.searchParams.get("zone") !== "DE" || url.searchParams.get("shouldUseFallbackCallerLookup") !== "false") return sendJson(res, {}, 400);
        if (url.pathname === "/carbon-intensity/latest") return sendJson(res, emLatest("DE", 302, NOW - 10 * MINUTE));
        if (url.pathname === "/carbon-intensity/forecast") return sendJson(res, emForecast("DE", NOW - 10 * MINUTE, values));
        sendJson(res, {}, 404);
      });
      const provider = new ElectricityMapsProvider({ client: clientFor(time), now: time.now, endpoint: server.url, token: "em-secret-token" });
      const current = await provider.current("DE");
      assert.equal(current.gco2PerKwh, 302);
      assert.equal(current.kind, "measured");
      assert.equal(current.region, "DE");
      const forecast = await provider.forecast("DE");
      assert.deepEqual(forecast.map((r) => r.gco2PerKwh), values);
      assert.ok(forecast.every((r) => r.end! - r.start! === 60 * MINUTE));
    });

    it("without a token says so and sends nothing; a plan without forecasts is 'no forecast'", async () => {
      const time = fakeTime(NOW);
      const noToken = new ElectricityMapsProvider({ client: clientFor(time), now: time.now, endpoint: server.url, token: undefined });
      await rejectsWith(noToken.current("DE"), "config", /token/);
      assert.equal(server.requests.length, 0);
      server.setHandler((_req, res) => sendJson(res, { message: "Forbidden: not in plan" }, 403));
      const free = new ElectricityMapsProvider({ client: clientFor(time), now: time.now, endpoint: server.url, token: "free-tier-token" });
      await rejectsWith(free.forecast("DE"), "no-forecast", /plan/);
    });

    it("never echoes the token in an error", async () => {
      const time = fakeTime(NOW);
      server.setHandler((req, res) => sendJson(res, { message: `invalid token ${req.headers["auth-token"]}` }, 400));
      const provider = new ElectricityMapsProvider({ client: clientFor(time), now: time.now, endpoint: server.url, token: "em-secret-token" });
      await assert.rejects(provider.current("DE"), (err: Error) => !err.message.includes("em-secret-token") && err.message.includes("***"));
    });
  });

  describe("WattTime", () => {
    const lbs = Array.from({ length: 288 }, (_, i) => 800 + 200 * Math.cos(i / 30));
    function wattTimeServer(token: string, logins: { count: number }, options: { expireFirstToken?: boolean } = {}) {
      server.setHandler((req, res) => {
        const url = new URL(req.path, server.url);
        if (url.pathname === "/login") {
          const expected = `Basic ${Buffer.from("ada:pässword").toString("base64")}`;
          if (req.headers.authorization !== expected) return sendJson(res, { error: "bad credentials" }, 401);
          logins.count++;
          return sendJson(res, { token: `${token}-${logins.count}` });
        }
        const bearer = req.headers.authorization ?? "";
        if (!bearer.startsWith(`Bearer ${token}-`) || (options.expireFirstToken && bearer === `Bearer ${token}-1`)) return sendJson(res, { error: "token expired" }, 401);
        if (url.pathname === "/v3/forecast") return sendJson(res, wattTimeForecast(url.searchParams.get("region")!, NOW - 2 * MINUTE, lbs));
        if (url.pathname === "/v3/signal-index") return sendJson(res, wattTimeIndex(url.searchParams.get("region")!, NOW, 96));
        sendJson(res, {}, 404);
      });
    }

    it("logs in with Basic auth, uses the bearer token, converts lbs/MWh to g/kWh", async () => {
      const time = fakeTime(NOW);
      const logins = { count: 0 };
      wattTimeServer("tok", logins);
      const provider = new WattTimeProvider({ client: clientFor(time), now: time.now, endpoint: server.url, username: "ada", password: "pässword" });
      const forecast = await provider.forecast("CAISO_NORTH");
      assert.equal(forecast.length, lbs.length);
      forecast.forEach((r, i) => assert.ok(Math.abs(r.gco2PerKwh - lbs[i] * LBS_PER_MWH_TO_G_PER_KWH) < 1e-9));
      const current = await provider.current("CAISO_NORTH");
      assert.equal(current.gco2PerKwh, forecast[0].gco2PerKwh, "now lies in the first 5-minute point");
      assert.equal(current.index, "percentile 96");
      assert.equal(logins.count, 1);
    });

    it("keeps the token about 30 minutes, then logs in again; a revoked token triggers one new login", async () => {
      const time = fakeTime(NOW);
      const logins = { count: 0 };
      wattTimeServer("tok", logins);
      const provider = new WattTimeProvider({ client: clientFor(time), now: time.now, endpoint: server.url, username: "ada", password: "pässword" });
      await provider.forecast("CAISO_NORTH");
      time.advance(6 * MINUTE);
      await provider.forecast("CAISO_NORTH");
      assert.equal(logins.count, 1, "token reused after the 5-minute data cache expired");
      time.advance(25 * MINUTE);
      await provider.forecast("CAISO_NORTH");
      assert.equal(logins.count, 2, "token renewed after about 30 minutes");

      const revoked = { count: 0 };
      wattTimeServer("rev", revoked, { expireFirstToken: true });
      const fresh = new WattTimeProvider({ client: clientFor(time), now: time.now, endpoint: server.url, username: "ada", password: "pässword" });
      const forecast = await fresh.forecast("CAISO_NORTH");
      const ended = Math.floor((time.now() - (NOW - 2 * MINUTE)) / (5 * MINUTE));
      assert.equal(forecast.length, lbs.length - ended, "points already over are dropped");
      assert.ok(forecast[0].end! > time.now());
      assert.equal(revoked.count, 2);
    });

    it("refuses to send the password over plain http to a remote host", () => {
      const time = fakeTime(NOW);
      assert.throws(
        () => new WattTimeProvider({ client: clientFor(time), now: time.now, endpoint: "http://watttime.example.com", username: "ada", password: "x" }),
        (err: GridError) => err.kind === "config" && /plain http/.test(err.message),
      );
    });
  });

  describe("Carbon Aware SDK", () => {
    for (const optimal of ["plural", "singular"] as const) {
      it(`reads forecastData and the optimal point (${optimal})`, async () => {
        const time = fakeTime(NOW);
        const values = [380.99, 359.23, 340.5, 365.1, 390];
        server.setHandler((req, res) => {
          const url = new URL(req.path, server.url);
          if (url.pathname === "/emissions/forecasts/current" && url.searchParams.get("location") === "eastus") {
            return sendJson(res, sdkForecast("eastus", NOW - 5 * MINUTE, values, optimal));
          }
          sendJson(res, {}, 404);
        });
        const provider = new CarbonAwareSdkProvider({ client: clientFor(time), now: time.now, endpoint: server.url });
        const { forecast, optimal: best } = await provider.forecastWithOptimal("eastus");
        assert.deepEqual(forecast.map((r) => r.gco2PerKwh), values);
        assert.equal(best.length, 1);
        assert.equal(best[0].gco2PerKwh, Math.min(...values));
        const current = await provider.current("eastus");
        assert.equal(current.gco2PerKwh, values[0]);
      });
    }

    it("needs an endpoint: it has no public instance", () => {
      const time = fakeTime(NOW);
      assert.throws(() => new CarbonAwareSdkProvider({ client: clientFor(time), now: time.now, endpoint: undefined }), /self-hosted/);
    });
  });
});
