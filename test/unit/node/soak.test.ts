// Soak: 1,000 refresh cycles against a local server that fails at random (seeded), with outages long enough to go
// stale then offline. Every cycle's state is checked against a model, and the heap must stay bounded.
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createGridService } from "../../../src/core/grid/create-service";
import { lookupOffline } from "../../../src/core/grid/providers/offline";
import { UndiciHttpClient } from "../../../src/node/http-client";
import { ukSlots } from "../core/grid/fixtures";
import { fakeTime, seededRandom, sendJson, startLocalServer } from "../core/grid/local-server";

const MINUTE = 60_000;

/** A real garbage collection, so heap figures measure what is kept, not garbage not yet collected. */
function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  // Node's documented escape hatch: enable --expose-gc at run time and take gc from a fresh context.
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
const MAX_STALE = 3 * 60 * MINUTE;

describe("grid soak", function () {
  this.timeout(60_000);

  it("1,000 refreshes with random faults: each state matches the model, the heap stays bounded", async () => {
    const random = seededRandom(1000);
    const time = fakeTime(Date.parse("2026-01-05T00:00:00Z"));
    let cycleValue = 0;
    let failureRate = 0.3;
    const server = await startLocalServer((req, res) => {
      if (random() < failureRate) {
        const fault = Math.floor(random() * 6);
        if (fault === 0) return sendJson(res, { error: "boom" }, 500);
        if (fault === 1) return sendJson(res, { error: "slow down" }, 429, { "retry-after": "1" });
        if (fault === 2) return void res.writeHead(502, { "content-type": "text/html" }).end("<html>bad gateway</html>");
        if (fault === 3) return void res.writeHead(200).end('{"data":[{"from":"2026');
        if (fault === 4) return sendJson(res, { data: [{ from: "yesterday" }] });
        return void res.socket?.destroy(); // drop the connection without an answer
      }
      const values = Array.from({ length: 96 }, () => cycleValue);
      sendJson(res, { data: ukSlots(Math.floor(time.now() / (30 * MINUTE)) * 30 * MINUTE, req.path === "/intensity" ? [cycleValue] : values, 0) });
    });
    const { service, client } = createGridService(
      { provider: "uk", endpoint: server.url, region: "national", timeZone: "Europe/London" },
      { http: new UndiciHttpClient(), now: time.now, sleep: time.sleep, timeoutMs: 2000, retries: 2, baseDelayMs: 100 },
    );
    const offlineValue = lookupOffline("GB").gco2PerKwh;
    let lastLive: { at: number; value: number } | undefined;
    const counts = { live: 0, stale: 0, offline: 0 };
    let outageLeft = 0;
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    try {
      for (let cycle = 0; cycle < 1000; cycle++) {
        time.advance(31 * MINUTE); // past the 30-minute cache, so every cycle asks the server
        if (outageLeft === 0 && random() < 0.02) outageLeft = 3 + Math.floor(random() * 10);
        failureRate = outageLeft > 0 ? 1 : 0.3;
        if (outageLeft > 0) outageLeft--;
        cycleValue = 100 + (cycle % 300);
        const snapshot = await service.refresh();
        counts[snapshot.state]++;
        if (snapshot.state === "live") {
          assert.equal(snapshot.current.gco2PerKwh, cycleValue, `cycle ${cycle}: live value is this cycle's`);
          lastLive = { at: snapshot.at, value: cycleValue };
        } else if (snapshot.state === "stale") {
          assert.ok(lastLive, `cycle ${cycle}: stale without any good answer`);
          assert.equal(snapshot.current.gco2PerKwh, lastLive.value);
          assert.equal(snapshot.ageMs, time.now() - lastLive.at);
          assert.ok(snapshot.ageMs! <= MAX_STALE);
        } else {
          assert.ok(!lastLive || time.now() - lastLive.at > MAX_STALE, `cycle ${cycle}: offline while a good answer is fresh`);
          assert.equal(snapshot.current.gco2PerKwh, offlineValue);
          assert.ok(snapshot.error);
        }
      }
    } finally {
      await server.close();
    }
    assert.ok(counts.live > 500 && counts.stale > 10 && counts.offline > 5, JSON.stringify(counts));
    assert.ok(client!.cacheSize <= 64);
    collectGarbage();
    const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    // Generous: what is kept is one snapshot and at most 64 cached answers (about 1 MB); keeping every cycle's
    // 96-slot forecast grows it by about 18 MB (checked).
    assert.ok(growthMb < 12, `heap grew ${growthMb.toFixed(1)} MB`);
    console.log(`      soak: ${JSON.stringify(counts)}, ${server.requests.length} requests, heap growth ${growthMb.toFixed(1)} MB`);
  });
});
