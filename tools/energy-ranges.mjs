#!/usr/bin/env node
// Recomputes the energy model's ranges from the committed measurements and prints how well they cover them.
//   node tools/energy-ranges.mjs [FILE.json ...] [--write]
// Sets recorded on measured hardware and a measured host (data/calibration/h100.json and the H100 fixtures) fit the
// bands: each run is checked leave-one-out (its range from the other runs of its regime), each regime's level is
// the narrowest whose coverage of time and energy in that regime reaches 80%, and --write stores the bands in
// src/core/energy/error-bands.json. Sets from other hardware (a measurement file with "hardware" and "host") are
// checked held-out against the bands as written, widened for their distance from measured hardware.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const write = args.includes("--write");
const given = args.filter((a) => a !== "--write");
const files = given.length
  ? given.map((f) => resolve(f))
  : ["data/calibration/h100.json", "test/fixtures/energy/held-out-h100.json", "test/fixtures/energy/held-out-2-h100.json"].map((f) => resolve(root, f));

const runs = await tsImport(pathToFileURL(resolve(root, "test/unit/core/energy/calibration-runs.ts")).href, import.meta.url);
const bandsFile = resolve(root, "src/core/energy/error-bands.json");
const current = JSON.parse(readFileSync(bandsFile, "utf8"));

const sets = [];
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`energy-ranges: ${file} not found`);
    process.exit(2);
  }
  try {
    const data = JSON.parse(readFileSync(file, "utf8"));
    if (!Array.isArray(data.runs)) throw new Error("no 'runs' array");
    sets.push({ name: basename(file), data });
  } catch (err) {
    console.error(`energy-ranges: ${file}: ${err.message}`);
    process.exit(2);
  }
}

const rows = runs.residualRows(sets);
const fit = rows.filter(runs.onMeasuredHardware);
const other = rows.filter((r) => !runs.onMeasuredHardware(r));
const pct = (x) => `${(x * 100).toFixed(0)}%`;
const band = (b) => `${pct(Math.exp(b.low) - 1)}..+${pct(Math.exp(b.high) - 1)}`;

if (fit.length) {
  const levels = runs.chooseLevels(fit, current.widening);
  const bands = runs.fitBands(fit, levels);
  console.log(`Bands from ${fit.length} runs on measured hardware (${[...new Set(fit.map((r) => r.set))].join(", ")}):`);
  console.log("regime    runs  level  time band        energy band      leave-one-out: time in range  energy in range  median width time  energy");
  const checksAll = runs.leaveOneOut(fit, levels, current.widening);
  for (const regime of ["launch", "memory", "compute"]) {
    const checks = checksAll.filter((c) => c.row.regime === regime);
    const s = runs.summarize(checks);
    console.log(
      `${regime.padEnd(8)} ${String(bands.time[regime].runs).padStart(5)}  ${levels[regime].toFixed(2).padStart(5)}  ${band(bands.time[regime]).padEnd(15)}  ${band(bands.energy[regime]).padEnd(15)}  ` +
        `${`${checks.filter((c) => c.time.inside).length}/${checks.length}`.padStart(29)}  ${`${checks.filter((c) => c.energy.inside).length}/${checks.length}`.padStart(15)}  ${pct(s.time.medianWidth).padStart(17)}  ${pct(s.energy.medianWidth).padStart(6)}`,
    );
  }
  const all = runs.summarize(checksAll);
  console.log(`all      ${String(all.runs).padStart(5)}  leave-one-out coverage: time ${pct(all.time.coverage)}, energy ${pct(all.energy.coverage)}; median width (high − low, of the estimate): time ${pct(all.time.medianWidth)}, energy ${pct(all.energy.medianWidth)}`);
  if (write) {
    const next = { $comment: current.$comment, time: bands.time, energy: bands.energy, widening: current.widening };
    const round = (key, value) => (typeof value === "number" && !Number.isInteger(value) ? Number(value.toFixed(4)) : value);
    writeFileSync(bandsFile, `${JSON.stringify(next, round, 2)}\n`);
    console.log(`wrote ${bandsFile}`);
  }
}

if (other.length) {
  console.log(`\nHeld out: ${other.length} runs on other hardware or hosts, against the bands as written (widened for their distance):`);
  const checks = runs.heldOutCheck(other, current);
  for (const set of [...new Set(other.map((r) => r.set))]) {
    const s = runs.summarize(checks.filter((c) => c.row.set === set));
    const mine = checks.filter((c) => c.row.set === set);
    // The residual is log(measured / modelled): the estimate is within ±30% when |modelled / measured − 1| ≤ 0.3.
    const within = (figure) => mine.filter((c) => Math.abs(Math.exp(-c.row[figure]) - 1) <= 0.3).length;
    console.log(`${set} (${mine[0].row.hardware}, host ${mine[0].row.host}): ${s.runs} runs; estimate within ±30%: time ${within("time")}, energy ${within("energy")}; in range: time ${pct(s.time.coverage)}, energy ${pct(s.energy.coverage)}; median width time ${pct(s.time.medianWidth)}, energy ${pct(s.energy.medianWidth)}`);
  }
} else {
  console.log("\nNo measurements on other hardware in the repository: the held-out check on a GPU other than the H100 has not been run. Add a file from tools/measure-energy.py with \"hardware\" and \"host\" and run this again.");
}
