// A provider's forecast answer saved as a file reads as the live provider reads it, whatever the provider.
import assert from "node:assert/strict";
import { LBS_PER_MWH_TO_G_PER_KWH } from "../../../../src/core/grid/providers/watttime";
import { parseSavedForecast } from "../../../../src/core/grid/saved-forecast";
import { GridError } from "../../../../src/core/grid/types";
import { emForecast, sdkForecast, ukRegional, ukSlots, wattTimeForecast } from "./fixtures";

const START = Date.parse("2026-01-15T00:00:00Z");
const MINUTE = 60_000;
const parse = (body: unknown) => parseSavedForecast(JSON.stringify(body), "saved.json");

describe("saved forecast files", () => {
  it("reads a UK national answer: half-hour slots with their forecast values, past ones kept", () => {
    const saved = parse({ data: ukSlots(START, [210, 90, 150], START - 1) });
    assert.equal(saved.provider, "uk");
    assert.equal(saved.region, "GB");
    assert.deepEqual(
      saved.readings.map((r) => [r.start, r.end, r.gco2PerKwh, r.kind]),
      [0, 1, 2].map((i) => [START + i * 30 * MINUTE, START + (i + 1) * 30 * MINUTE, [210, 90, 150][i], "forecast"]),
    );
  });

  it("reads a UK regional answer under its region id, as an object or an array", () => {
    for (const asObject of [true, false]) {
      const saved = parse(ukRegional(13, ukSlots(START, [120, 80], START - 1), asObject));
      assert.equal(saved.region, "GB region 13");
      assert.deepEqual(saved.readings.map((r) => r.gco2PerKwh), [120, 80]);
    }
  });

  it("reads Electricity Maps (hourly, each point lasting to the next) and sorts it", () => {
    const body = emForecast("DE", START, [300, 250, 200]);
    body.forecast.reverse();
    const saved = parse(body);
    assert.equal(saved.provider, "electricitymaps");
    assert.equal(saved.region, "DE");
    assert.deepEqual(saved.readings.map((r) => [r.start, r.gco2PerKwh]), [[START, 300], [START + 60 * MINUTE, 250], [START + 120 * MINUTE, 200]]);
  });

  it("reads WattTime MOER in lbs/MWh as gCO2/kWh, and refuses a percentile", () => {
    const saved = parse(wattTimeForecast("CAISO_NORTH", START, [1000, 500]));
    assert.equal(saved.provider, "watttime");
    assert.equal(saved.region, "CAISO_NORTH");
    assert.deepEqual(saved.readings.map((r) => r.gco2PerKwh), [1000 * LBS_PER_MWH_TO_G_PER_KWH, 500 * LBS_PER_MWH_TO_G_PER_KWH]);
    assert.equal(saved.readings[0].end! - saved.readings[0].start!, 5 * MINUTE);
    assert.throws(() => parse(wattTimeForecast("CAISO_NORTH", START, [50], "percentile")), /not an emission rate/);
  });

  it("reads a Carbon Aware SDK answer with its point durations", () => {
    const saved = parse(sdkForecast("eastus", START, [400, 300], "plural", 15));
    assert.equal(saved.provider, "carbon-aware-sdk");
    assert.equal(saved.region, "eastus");
    assert.deepEqual(saved.readings.map((r) => [r.start, r.end, r.gco2PerKwh]), [[START, START + 15 * MINUTE, 400], [START + 15 * MINUTE, START + 30 * MINUTE, 300]]);
  });

  it("gives a clear error for text that is not JSON, JSON of another shape, or a forecast with no value", () => {
    const fails = (text: string, pattern: RegExp) =>
      assert.throws(() => parseSavedForecast(text, "saved.json"), (err: unknown) => err instanceof GridError && pattern.test(err.message));
    fails("<html>", /saved\.json is not JSON/);
    fails(JSON.stringify({ hello: 1 }), /saved\.json is not a UK Carbon Intensity, Electricity Maps, WattTime or Carbon Aware SDK/);
    fails(JSON.stringify({ zone: "DE", forecast: [{ carbonIntensity: null, datetime: "2026-01-15T00:00:00Z" }] }), /holds no value/);
  });
});
