// The small pure parts: offline lookups, time-zone default, endpoints, Retry-After, base64, durations, the cache.
import assert from "node:assert/strict";
import { base64Utf8 } from "../../../../src/core/grid/base64";
import { parseDuration } from "../../../../src/core/grid/duration";
import { redact, resolveEndpoint } from "../../../../src/core/grid/endpoint";
import { levelOf, trendOf } from "../../../../src/core/grid/levels";
import { ALPHA2_TO_ALPHA3, COUNTRY_INTENSITY, REGION_INTENSITY } from "../../../../src/core/grid/offline-tables";
import { OfflineProvider, lookupOffline } from "../../../../src/core/grid/providers/offline";
import { ResilientClient, parseRetryAfter } from "../../../../src/core/grid/resilient-client";
import { regionFromTimeZone } from "../../../../src/core/grid/time-zone-region";
import type { HttpClient } from "../../../../src/core/grid/http";
import { fakeTime } from "./local-server";

describe("grid basics", () => {
  describe("offline tables", () => {
    it("finds countries by alpha-2 or alpha-3 in the country table", () => {
      for (const alpha2 of ["GB", "DE", "FR", "US", "IN", "BR"]) {
        const alpha3 = ALPHA2_TO_ALPHA3[alpha2];
        const byAlpha2 = lookupOffline(alpha2);
        const byAlpha3 = lookupOffline(alpha3.toLowerCase());
        assert.equal(byAlpha2.region, alpha3);
        assert.equal(byAlpha2.gco2PerKwh, COUNTRY_INTENSITY[alpha3].gco2_per_kwh);
        assert.deepEqual(byAlpha3, byAlpha2);
        assert.equal(byAlpha2.usedWorldFallback, false);
      }
    });

    it("finds every sub-national row of the region table, and falls back to WORLD for unknown names", () => {
      const world = REGION_INTENSITY.find((r) => r.location === "WORLD")!;
      for (const row of REGION_INTENSITY.filter((r) => r.location.includes("-"))) {
        const found = lookupOffline(row.location);
        assert.equal(found.gco2PerKwh, row.gco2PerKwh, row.location);
        assert.match(found.source, /Green Algorithms/);
      }
      const unknown = lookupOffline("Atlantis");
      assert.equal(unknown.usedWorldFallback, true);
      assert.equal(unknown.gco2PerKwh, world.gco2PerKwh);
    });

    it("every country figure names its year and is a plausible intensity", () => {
      for (const [code, row] of Object.entries(COUNTRY_INTENSITY)) {
        assert.match(code, /^[A-Z]{3}$/);
        assert.ok(row.gco2_per_kwh >= 0 && row.gco2_per_kwh < 1500, `${code}: ${row.gco2_per_kwh}`);
        assert.ok(row.year >= 2000 && row.year <= 2030, `${code}: ${row.year}`);
      }
    });

    it("the offline provider answers yearly averages and refuses a forecast plainly", async () => {
      const provider = new OfflineProvider(() => 1234);
      const reading = await provider.current("US-CA");
      assert.equal(reading.kind, "average");
      assert.equal(reading.at, 1234);
      assert.equal(reading.gco2PerKwh, lookupOffline("US-CA").gco2PerKwh);
      assert.match((await provider.current("Narnia")).source ?? "", /not in the tables/);
      await assert.rejects(provider.forecast(), (err: Error & { kind?: string }) => err.kind === "no-forecast");
    });

    it("takes the default region from the time zone and says so", () => {
      assert.equal(regionFromTimeZone("Europe/London").region, "GB");
      assert.match(regionFromTimeZone("Europe/London").note, /Europe\/London/);
      assert.equal(regionFromTimeZone("Asia/Calcutta").region, "IN", "old names follow their tz links");
      assert.equal(regionFromTimeZone("UTC").region, "WORLD");
      assert.equal(regionFromTimeZone(undefined).region, "WORLD");
    });
  });

  describe("endpoints and secrets", () => {
    it("accepts https, plain http only when set by the user, and keys over http only to loopback", () => {
      assert.equal(resolveEndpoint(undefined, "https://api.example.org/v3/", true).base, "https://api.example.org/v3");
      assert.equal(resolveEndpoint("http://sdk.lan:8080", "https://x", false).secure, false);
      assert.throws(() => resolveEndpoint("http://sdk.lan:8080", "https://x", true), /plain http/);
      assert.equal(resolveEndpoint("http://127.0.0.1:5073", "https://x", true).loopback, true);
      assert.throws(() => resolveEndpoint("ftp://x", "https://x", false), /not an http/);
      assert.throws(() => resolveEndpoint("https://x y", "https://x", false), /not an http/);
    });

    it("redacts secrets", () => {
      assert.equal(redact("token abc123 in abc123", ["abc123"]), "token *** in ***");
    });

    it("encodes Basic auth as base64 of UTF-8", () => {
      for (const text of ["ada:pässword", "user:p@ss:w0rd", "", "日本:🌍"]) {
        assert.equal(base64Utf8(text), Buffer.from(text, "utf8").toString("base64"));
      }
    });
  });

  describe("Retry-After and the cache", () => {
    it("reads Retry-After as seconds or an HTTP date", () => {
      const now = Date.parse("2026-01-01T00:00:00Z");
      assert.equal(parseRetryAfter("120", now), 120_000);
      assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now), 30_000);
      assert.equal(parseRetryAfter("soon", now), undefined);
      assert.equal(parseRetryAfter(undefined, now), undefined);
    });

    it("backs off exponentially, capped, when no Retry-After is given", async () => {
      const time = fakeTime(0);
      const http: HttpClient = { get: async () => ({ status: 503, headers: {}, text: "" }) };
      const client = new ResilientClient(http, { now: time.now, sleep: time.sleep, retries: 4, baseDelayMs: 100, maxDelayMs: 500 });
      await assert.rejects(client.getJson({ url: "https://x/a", ttlMs: 1000, what: "t", parse: JSON.parse }), /HTTP 503 .*after 5 attempts/);
      assert.deepEqual(time.sleeps, [100, 200, 400, 500]);
    });

    it("after a long Retry-After, sends nothing to that host until the time has passed", async () => {
      const time = fakeTime(0);
      let calls = 0;
      const http: HttpClient = {
        get: async () => (++calls === 1 ? { status: 429, headers: { "retry-after": "600" } as Record<string, string>, text: "" } : { status: 200, headers: {}, text: "{}" }),
      };
      const client = new ResilientClient(http, { now: time.now, sleep: time.sleep, maxDelayMs: 10_000 });
      const request = { url: "https://api.example/x", ttlMs: 0, what: "t", parse: JSON.parse };
      await assert.rejects(client.getJson(request), /retry after 600 s/);
      time.advance(300_000);
      await assert.rejects(client.getJson(request), /another 300 s/);
      assert.equal(calls, 1);
      time.advance(300_000);
      assert.deepEqual(await client.getJson(request), {});
      assert.equal(calls, 2);
    });

    it("keeps the cache bounded and serves within the TTL only", async () => {
      const time = fakeTime(0);
      let calls = 0;
      const http: HttpClient = { get: async (url) => ({ status: 200, headers: {}, text: JSON.stringify({ url, n: ++calls }) }) };
      const client = new ResilientClient(http, { now: time.now, sleep: time.sleep, maxCacheEntries: 8 });
      for (let i = 0; i < 50; i++) await client.getJson({ url: `https://x/${i}`, ttlMs: 1000, what: "t", parse: JSON.parse });
      assert.equal(client.cacheSize, 8);
      const first = await client.getJson({ url: "https://x/49", ttlMs: 1000, what: "t", parse: JSON.parse });
      assert.equal(calls, 50, "served from the cache");
      time.advance(1000);
      const second = await client.getJson<{ n: number }>({ url: "https://x/49", ttlMs: 1000, what: "t", parse: JSON.parse });
      assert.equal(calls, 51);
      assert.notEqual(second.n, (first as { n: number }).n);
    });
  });

  it("parses durations and rejects the rest", () => {
    assert.equal(parseDuration("1h30m"), 90 * 60_000);
    assert.equal(parseDuration("2.5h"), 2.5 * 3_600_000);
    assert.equal(parseDuration("45min"), 45 * 60_000);
    for (const bad of ["", "3", "h", "-1h", "0m", "3 hours"]) assert.throws(() => parseDuration(bad), /not a duration/);
  });

  it("levels and trend", () => {
    assert.ok(["low", "moderate", "high", "very high"].indexOf(levelOf(50)) < ["low", "moderate", "high", "very high"].indexOf(levelOf(700)));
    const now = 0;
    const current = { provider: "uk" as const, region: "GB", gco2PerKwh: 200, at: now, kind: "measured" as const };
    const ahead = (v: number) => [1, 2, 3].map((h) => ({ ...current, kind: "forecast" as const, at: h * 3_600_000 - 1, start: h * 3_600_000 - 1, gco2PerKwh: v }));
    assert.equal(trendOf(current, ahead(300), now), "rising");
    assert.equal(trendOf(current, ahead(100), now), "falling");
    assert.equal(trendOf(current, ahead(202), now), "steady");
    assert.equal(trendOf(current, [], now), "unknown");
  });
});
