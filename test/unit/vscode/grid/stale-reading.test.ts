// A provider that fails after a good reading: the editor keeps the last value and says it is stale, since when, and why.
import assert from "node:assert/strict";
import { GridService } from "../../../../src/core/grid/grid-service";
import { GridError, type GridProvider } from "../../../../src/core/grid/types";
import { clockTime, plainGridError, staleExplanation } from "../../../../src/vscode/grid/forecast-view";

const MINUTE = 60_000;

describe("grid stale reading (vscode/grid/forecast-view)", () => {
  it("after a good reading then a failure: the last value, the time it was read, and the failure in words", async () => {
    let now = Date.UTC(2026, 11, 4, 14, 5);
    let failing = false;
    const provider = {
      id: "uk",
      async current(region: string) {
        if (failing) throw new GridError("http", "UK Carbon Intensity current: HTTP 503 from api.example after 3 attempts", 503);
        return { provider: "uk" as const, region, gco2PerKwh: 123, at: now, kind: "measured" as const };
      },
      async forecast() {
        if (failing) throw new GridError("http", "UK Carbon Intensity forecast: HTTP 503 from api.example after 3 attempts", 503);
        return [];
      },
    } as unknown as GridProvider;
    const service = new GridService({ provider, region: "national", offlineRegion: "GB", now: () => now });
    const live = await service.refresh();
    assert.equal(live.state, "live");
    assert.equal(staleExplanation(live, "UK Carbon Intensity"), undefined, "a live reading is not called stale");
    const readAt = now;
    failing = true;
    now += 12 * MINUTE;
    const stale = await service.refresh();
    assert.equal(stale.state, "stale");
    assert.equal(stale.current.gco2PerKwh, 123, "the last good value is kept");
    const text = staleExplanation(stale, "UK Carbon Intensity");
    assert.ok(text, "a stale reading is explained");
    assert.ok(text.includes(`from ${clockTime(readAt)} (12 min ago)`), text);
    assert.ok(text.includes("UK Carbon Intensity has not answered since: UK Carbon Intensity current: api.example had an error on its side (HTTP 503) after 3 attempts"), text);
  });

  it("HTTP statuses are said in words; other errors are left as they are", () => {
    assert.equal(plainGridError("x: HTTP 429 from h.example"), "x: h.example asked to be called less often (HTTP 429)");
    assert.equal(plainGridError("x: HTTP 502 from h.example after 2 attempts"), "x: h.example had an error on its side (HTTP 502) after 2 attempts");
    assert.equal(plainGridError("x: HTTP 503 from 127.0.0.1:8080: {} after 3 attempts"), "x: 127.0.0.1:8080 had an error on its side (HTTP 503): {} after 3 attempts");
    assert.equal(plainGridError("x: cannot reach h (refused)"), "x: cannot reach h (refused)");
  });
});
