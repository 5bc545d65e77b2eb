/**
 * `npm run bench`: analysis speed on this machine.
 * - a 2,000+ line generated model file: median analysis time (warm) next to tree-sitter's parse time alone;
 *   goals: under 50 ms and under 3x the parse;
 * - the CLI answering a one-file analysis cold (a new process each run); goal: under 400 ms;
 * - every model of a generated 200-file package; goal: over 200 files/s.
 * Results also go to .bench/results.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { analyzeSource, SyntaxCache } from "../src/core/analyze";
import { createPythonParser } from "../src/core/python/parser";
import { diskFiles } from "../src/node/disk-files";
import { readParserWasm } from "../src/node/wasm";
import { generateLargeModelFile, generatePackage } from "./generate";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const root = join(__dirname, "..");
  const parser = await createPythonParser(readParserWasm(join(root, "node_modules")));
  const work = mkdtempSync(join(tmpdir(), "greenlight-bench-"));

  // 1. the large file
  const text = generateLargeModelFile(60);
  const lines = text.split("\n").length;
  const file = join(work, "large_models.py");
  writeFileSync(file, text);
  const files = diskFiles();
  const parseTimes: number[] = [];
  const analyzeTimes: number[] = [];
  let models = 0;
  for (let i = 0; i < 25; i++) {
    let t = performance.now();
    parser.parse(text).delete();
    parseTimes.push(performance.now() - t);
    t = performance.now();
    // a fresh cache each run: this measures parse + lowering + interpretation, not a cache hit
    const fresh = new SyntaxCache();
    const result = analyzeSource(parser, { file, text, root: work, files, cache: fresh });
    analyzeTimes.push(performance.now() - t);
    fresh.dispose();
    models = result.models.length;
  }
  const parseMs = median(parseTimes.slice(5));
  const analyzeMs = median(analyzeTimes.slice(5));

  // 2. CLI cold
  const cli = join(root, "dist/cli.js");
  const small = join(work, "small.py");
  writeFileSync(small, "import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(784, 10)\n\n    def forward(self, x):\n        return self.fc(x)\n");
  const cliTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, "analyze", small, "--format", "json"], { encoding: "utf8" });
    cliTimes.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  }
  const cliMs = median(cliTimes);

  // 3. a 200-file package
  const pkgRoot = join(work, "pkg");
  const pkg = generatePackage(200);
  for (const [p, t] of pkg) {
    mkdirSync(dirname(join(pkgRoot, p)), { recursive: true });
    writeFileSync(join(pkgRoot, p), t);
  }
  const cache = new SyntaxCache(1024);
  let packageModels = 0;
  const t0 = performance.now();
  for (const [p, t] of pkg) {
    if (!p.includes("model_")) continue;
    packageModels += analyzeSource(parser, { file: join(pkgRoot, p), text: t, root: pkgRoot, files, cache }).models.length;
  }
  const packageSeconds = (performance.now() - t0) / 1000;
  cache.dispose();
  const filesPerSecond = 200 / packageSeconds;

  const results = {
    large_file: { lines, models, parse_ms: round(parseMs), analyze_ms: round(analyzeMs), ratio: round(analyzeMs / parseMs), goals: { analyze_ms: 50, ratio: 3 } },
    cli_cold_ms: { median: round(cliMs), goal: 400 },
    package: { files: 200, models: packageModels, seconds: round(packageSeconds), files_per_second: round(filesPerSecond), goal: 200 },
  };
  const ok = analyzeMs < 50 && analyzeMs / parseMs < 3 && cliMs < 400 && filesPerSecond > 200;
  console.log(`large file (${lines} lines, ${models} models): analyze ${round(analyzeMs)} ms median warm, parse alone ${round(parseMs)} ms, ratio ${round(analyzeMs / parseMs)} (goals: < 50 ms, < 3x)`);
  console.log(`CLI one-file analysis, cold: ${round(cliMs)} ms median of 7 (goal: < 400 ms)`);
  console.log(`200-file package: ${packageModels} models in ${round(packageSeconds)} s = ${round(filesPerSecond)} files/s (goal: > 200/s)`);
  mkdirSync(join(root, ".bench"), { recursive: true });
  writeFileSync(join(root, ".bench/results.json"), JSON.stringify(results, null, 1));
  console.log(ok ? "all goals met" : "SOME GOALS MISSED");
  process.exitCode = ok ? 0 : 1;
}

const round = (x: number) => Math.round(x * 100) / 100;
main();
