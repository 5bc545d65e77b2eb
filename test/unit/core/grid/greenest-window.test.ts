// Property tests of the greenest-window search (seeded, so failures repeat), checked against a brute force over a
// one-minute grid that shares no code with the search.
import assert from "node:assert/strict";
import { averageOver, findGreenestWindow, type WindowFound } from "../../../../src/core/grid/greenest-window";
import type { ForecastSlot } from "../../../../src/core/grid/types";
import { seededRandom } from "./local-server";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const EPSILON = 1e-6;

/** Random slots on whole minutes: lengths from 5 minutes to 2 hours, optional gaps, values 20–800. */
function randomSlots(random: () => number, start: number, withGaps: boolean): ForecastSlot[] {
  const slots: ForecastSlot[] = [];
  let t = start;
  const count = 5 + Math.floor(random() * 40);
  const lengths = [5, 15, 30, 60, 120];
  for (let i = 0; i < count; i++) {
    if (withGaps && random() < 0.1) t += (1 + Math.floor(random() * 60)) * MINUTE;
    const length = lengths[Math.floor(random() * lengths.length)] * MINUTE;
    slots.push({ start: t, end: t + length, gco2PerKwh: Math.round(20 + random() * 780) });
    t += length;
  }
  return slots;
}

/** Brute force: the best whole-minute start by per-minute sampling and prefix sums; undefined averages where uncovered. */
function bruteForce(slots: ForecastSlot[], now: number, durationMs: number, deadline: number) {
  const minutes = Math.ceil((deadline - now) / MINUTE);
  const value: (number | undefined)[] = [];
  for (let m = 0; m < minutes; m++) {
    const t = now + m * MINUTE;
    value.push(slots.find((s) => s.start <= t && t < s.end)?.gco2PerKwh);
  }
  const d = durationMs / MINUTE;
  let best: { start: number; average: number } | undefined;
  let nowAverage: number | undefined;
  for (let m = 0; m + d <= minutes; m++) {
    const window = value.slice(m, m + d);
    if (window.some((v) => v === undefined)) continue;
    const average = (window as number[]).reduce((a, b) => a + b, 0) / d;
    if (m === 0) nowAverage = average;
    if (!best || average < best.average - EPSILON) best = { start: now + m * MINUTE, average };
  }
  return { best, nowAverage };
}

describe("greenest window", () => {
  it("matches a brute-force search and is never worse than starting now (300 seeded cases, mixed slot lengths and gaps)", () => {
    const random = seededRandom(20260329);
    let compared = 0;
    for (let run = 0; run < 300; run++) {
      const origin = Date.parse("2026-03-28T18:00:00Z") + Math.floor(random() * 24 * 60) * MINUTE;
      const slots = randomSlots(random, origin, run % 3 === 0);
      const now = origin + Math.floor(random() * 90) * MINUTE;
      const durationMs = (15 + Math.floor(random() * 300)) * MINUTE;
      const deadline = now + durationMs + Math.floor(random() * 24 * 60) * MINUTE;
      const result = findGreenestWindow({ slots, now, durationMs, deadline, energyKwh: 12 });
      const brute = bruteForce(slots, now, durationMs, deadline);
      if (!brute.best) {
        assert.equal(result.found, false, `run ${run}: found a window where none is fully forecast`);
        continue;
      }
      assert.ok(result.found, `run ${run}: ${!result.found && result.reason}`);
      const found = result as WindowFound;
      assert.ok(Math.abs(found.averageGco2PerKwh - brute.best.average) < EPSILON, `run ${run}: ${found.averageGco2PerKwh} vs brute force ${brute.best.average}`);
      assert.equal(found.start, brute.best.start, `run ${run}: the earliest of equal minima`);
      assert.equal(found.end - found.start, durationMs);
      assert.ok(found.start >= now && found.end <= deadline);
      if (brute.nowAverage !== undefined) {
        assert.ok(Math.abs(found.nowAverageGco2PerKwh! - brute.nowAverage) < EPSILON);
        assert.ok(found.averageGco2PerKwh <= found.nowAverageGco2PerKwh! + EPSILON, "never worse than now");
        assert.ok(found.savingPct! >= -EPSILON);
        assert.ok(Math.abs(found.savingGco2! - 12 * (found.nowAverageGco2PerKwh! - found.averageGco2PerKwh)) < 1e-6);
      }
      compared++;
    }
    assert.ok(compared > 150, `only ${compared} cases had a window`);
  });

  it("equal slots give the earliest start (now)", () => {
    const random = seededRandom(7);
    for (let run = 0; run < 50; run++) {
      const now = Date.parse("2026-10-25T00:00:00Z") + Math.floor(random() * 30) * MINUTE;
      const value = 100 + random() * 400;
      const slots = Array.from({ length: 48 }, (_, i) => ({ start: now - 10 * MINUTE + i * 30 * MINUTE, end: now + 20 * MINUTE + i * 30 * MINUTE, gco2PerKwh: value }));
      const result = findGreenestWindow({ slots, now, durationMs: (1 + Math.floor(random() * 10)) * HOUR, deadline: now + 23 * HOUR });
      assert.ok(result.found);
      assert.equal((result as WindowFound).start, now);
      assert.equal((result as WindowFound).savingPct, 0);
    }
  });

  it("finds a planted minimum", () => {
    const random = seededRandom(42);
    for (let run = 0; run < 100; run++) {
      const now = Date.parse("2026-06-01T00:00:00Z");
      const hours = 48;
      const durationHours = 1 + Math.floor(random() * 4);
      const plantAt = 1 + Math.floor(random() * (hours - durationHours - 1));
      const slots = Array.from({ length: hours }, (_, i) => ({
        start: now + i * HOUR,
        end: now + (i + 1) * HOUR,
        gco2PerKwh: i >= plantAt && i < plantAt + durationHours ? 10 + random() * 5 : 200 + random() * 300,
      }));
      const result = findGreenestWindow({ slots, now, durationMs: durationHours * HOUR, deadline: now + hours * HOUR });
      assert.ok(result.found);
      assert.equal((result as WindowFound).start, now + plantAt * HOUR, `run ${run}`);
    }
  });

  for (const [name, day, localOffsetBefore, localOffsetAfter] of [
    ["spring forward (Europe/London, 23-hour day)", "2026-03-29", 0, 1],
    ["fall back (Europe/London, 25-hour day)", "2026-10-25", 1, 0],
  ] as const) {
    it(`a daylight-saving day: ${name}`, () => {
      // UK slots are in UTC; the local day has 46 or 50 half-hours. The window across the clock change is elapsed time.
      const localMidnight = Date.parse(`${day}T00:00:00Z`) - localOffsetBefore * HOUR;
      const nextLocalMidnight = Date.parse(`${day}T00:00:00Z`) + 24 * HOUR - localOffsetAfter * HOUR;
      const slotCount = (nextLocalMidnight - localMidnight) / (30 * MINUTE);
      assert.equal(slotCount, localOffsetAfter > localOffsetBefore ? 46 : 50);
      const changeAt = Date.parse(`${day}T01:00:00Z`);
      const slots = Array.from({ length: slotCount }, (_, i) => {
        const start = localMidnight + i * 30 * MINUTE;
        // Greenest around the change: 00:30–03:30 UTC.
        const green = start >= changeAt - 30 * MINUTE && start < changeAt + 150 * MINUTE;
        return { start, end: start + 30 * MINUTE, gco2PerKwh: green ? 60 : 250 + (i % 7) * 10 };
      });
      const result = findGreenestWindow({ slots, now: localMidnight, durationMs: 3 * HOUR, deadline: nextLocalMidnight });
      assert.ok(result.found);
      const found = result as WindowFound;
      assert.equal(found.start, changeAt - 30 * MINUTE);
      assert.equal(found.end - found.start, 3 * HOUR, "3 hours of elapsed time, whatever the wall clock says");
      assert.equal(found.averageGco2PerKwh, 60);
    });
  }

  it("weights partial slots by overlap, across slots of different lengths", () => {
    const t = Date.parse("2026-01-01T00:00:00Z");
    const slots = [
      { start: t, end: t + HOUR, gco2PerKwh: 100 },
      { start: t + HOUR, end: t + HOUR + 5 * MINUTE, gco2PerKwh: 400 },
      { start: t + HOUR + 5 * MINUTE, end: t + 3 * HOUR, gco2PerKwh: 250 },
    ];
    const expected = (60 * 100 + 5 * 400 + 25 * 250) / 90;
    assert.ok(Math.abs(averageOver(slots, t, 90 * MINUTE)! - expected) < EPSILON);
    assert.equal(averageOver(slots, t + 2 * HOUR, 2 * HOUR), undefined, "past the forecast's end is not averaged");
  });

  it("says plainly when there is no forecast, or it is too short", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const none = findGreenestWindow({ slots: [], now, durationMs: HOUR, deadline: now + 24 * HOUR });
    assert.equal(none.found, false);
    assert.match((none as { reason: string }).reason, /no forecast/);
    const short = findGreenestWindow({ slots: [{ start: now, end: now + HOUR, gco2PerKwh: 100 }], now, durationMs: 3 * HOUR, deadline: now + 24 * HOUR });
    assert.equal(short.found, false);
    assert.match((short as { reason: string }).reason, /only 1 h ahead/);
    const misfit = findGreenestWindow({ slots: [{ start: now, end: now + HOUR, gco2PerKwh: 100 }], now, durationMs: 3 * HOUR, deadline: now + HOUR });
    assert.match((misfit as { reason: string }).reason, /does not fit/);
  });
});
