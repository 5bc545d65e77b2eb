#!/usr/bin/env node
// Prints the energy model's per-run error table against measured H100 runs: the shared calibration file
// (../shared/calibration/h100.json, when present) and the held-out fixtures (test/fixtures/energy/*.json).
// Usage: node tools/calibration-report.mjs [FILE.json ...] [--hardware ID]
// The model and the network generators are TypeScript; tsx (a dev dependency) loads them.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { tsImport } from "tsx/esm/api";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const hardwareAt = args.indexOf("--hardware");
const hardware = hardwareAt >= 0 ? args[hardwareAt + 1] : "h100-sxm";
if (hardwareAt >= 0 && !hardware) {
  console.error("calibration-report: --hardware needs an id");
  process.exit(2);
}
const files = args.filter((a, i) => a !== "--hardware" && i !== hardwareAt + 1);
const defaults = [
  resolve(root, "../shared/calibration/h100.json"),
  resolve(root, "test/fixtures/energy/held-out-h100.json"),
  resolve(root, "test/fixtures/energy/held-out-2-h100.json"),
];

const { compareRuns, formatTable } = await tsImport(pathToFileURL(resolve(root, "test/unit/energy/calibration-runs.ts")).href, import.meta.url);
let failed = false;
for (const file of files.length ? files.map((f) => resolve(f)) : defaults) {
  if (!existsSync(file)) {
    console.log(`${file}: not found, skipped\n`);
    continue;
  }
  let runs;
  try {
    runs = JSON.parse(readFileSync(file, "utf8")).runs;
    if (!Array.isArray(runs)) throw new Error("no 'runs' array");
  } catch (err) {
    console.error(`${file}: ${err.message}`);
    failed = true;
    continue;
  }
  try {
    console.log(`${file} (${hardware})\n${formatTable(compareRuns(runs, hardware))}\n`);
  } catch (err) {
    console.error(`${file}: ${err.message}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
