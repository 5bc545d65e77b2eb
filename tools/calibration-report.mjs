#!/usr/bin/env node
// Prints the energy model's per-run error table against measured runs: the H100 calibration
// (data/calibration/h100.json) and the held-out fixtures (test/fixtures/energy/*.json), each on the hardware and
// host its file records ("hardware", "host"), else on --hardware ID (default h100-sxm) and --host ID (default auto).
// Usage: node tools/calibration-report.mjs [FILE.json ...] [--hardware ID] [--host ID]
// The model and the network generators are TypeScript; tsx (a dev dependency) loads them.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { tsImport } from "tsx/esm/api";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flags = {};
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--hardware" || args[i] === "--host") {
    if (!args[i + 1]) {
      console.error(`calibration-report: ${args[i]} needs an id`);
      process.exit(2);
    }
    flags[args[i].slice(2)] = args[++i];
  } else files.push(args[i]);
}
const defaults = [
  resolve(root, "data/calibration/h100.json"),
  resolve(root, "test/fixtures/energy/held-out-h100.json"),
  resolve(root, "test/fixtures/energy/held-out-2-h100.json"),
];

const { compareRuns, formatTable } = await tsImport(pathToFileURL(resolve(root, "test/unit/core/energy/calibration-runs.ts")).href, import.meta.url);
let failed = false;
for (const file of files.length ? files.map((f) => resolve(f)) : defaults) {
  if (!existsSync(file)) {
    console.log(`${file}: not found, skipped\n`);
    continue;
  }
  let runs, hardware, host;
  try {
    const set = JSON.parse(readFileSync(file, "utf8"));
    runs = set.runs;
    if (!Array.isArray(runs)) throw new Error("no 'runs' array");
    hardware = flags.hardware ?? set.hardware ?? "h100-sxm";
    host = flags.host ?? set.host ?? "auto";
  } catch (err) {
    console.error(`${file}: ${err.message}`);
    failed = true;
    continue;
  }
  try {
    console.log(`${file} (${hardware}, host ${host})\n${formatTable(compareRuns(runs, hardware, host))}\n`);
  } catch (err) {
    console.error(`${file}: ${err.message}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
