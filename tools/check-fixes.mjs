#!/usr/bin/env node
// Runs every fix the rules offer over every .py file of the dev corpus and checks what a fix promises:
// the file still parses, the finding is gone afterwards (or, GL001, stays without that fix, naming the layers no fix
// reached), applying all fixes twice equals applying them once, and a GL001 fix's stated energy ("A instead of B on
// HW") is the energy model's estimate of the fixed code as written against the original's.
// With --torch PYTHON, each GL001 fix's inserted code is also run on the real model in real PyTorch
// (tools/measure/run-fix.py): built from the file, forward, fix, forward again; fixes for a device or a package
// this machine lacks are reported as not run, with the reason. --report FILE writes every result as JSON.
// For a machine that has what this one lacks (a GPU, torchao) but no Node: --torch-jobs DIR writes the jobs there
// (jobs.json and the Python files they build from, paths relative to DIR) to run with `cd DIR && python3
// tools/measure/run-fix.py jobs.json > results.jsonl`; --torch-results results.jsonl then reads those results in
// place of running PyTorch here (the same corpus gives the same jobs, matched by id).
//
//   node --import tsx --import ./tools/python-text/register.mjs tools/check-fixes.mjs [--corpus .corpus] [--sources ../shared/corpus/dev.json,../shared/corpus/keras-dev.json]
//        [--torch /usr/bin/python3 | --torch-jobs DIR | --torch-results FILE] [--report results.json] [--verbose]
//
// The corpus is other people's code: it is only read here, never written, never committed.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { hardwareFor, inferenceEnergy } from "../src/core/rules/energy-saving.ts";
import { formatJoules } from "../src/core/rules/gl001-common.ts";
import { modelAsWritten } from "../src/core/rules/gl001-torch.ts";
import { assignmentsFromCalls, entryCallee, rootClass } from "../src/core/rules/model-usage.ts";
import { PythonFile } from "../src/core/rules/python-file.ts";
import { analyzeSource, SyntaxCache } from "../src/core/analyze.ts";
import { createPythonParser } from "../src/core/python/parser.ts";
import { applyEdits } from "../src/core/rules/apply-edits.ts";
import { fixAll } from "../src/core/rules/fix-all.ts";
import { findRules, layerActionsOf } from "../src/core/rules/rules.ts";
import { diskFiles } from "../src/node/disk-files.ts";
import { readParserWasm } from "../src/node/wasm.ts";

const args = process.argv.slice(2);
const corpus = args.includes("--corpus") ? args[args.indexOf("--corpus") + 1] : ".corpus";
const verbose = args.includes("--verbose");
const torchPython = args.includes("--torch") ? args[args.indexOf("--torch") + 1] : undefined;
const reportFile = args.includes("--report") ? args[args.indexOf("--report") + 1] : undefined;
const jobsDir = args.includes("--torch-jobs") ? args[args.indexOf("--torch-jobs") + 1] : undefined;
const resultsFile = args.includes("--torch-results") ? args[args.indexOf("--torch-results") + 1] : undefined;
const wantTorch = Boolean(torchPython || jobsDir || resultsFile);
// --sources ../shared/corpus/dev.json[,...]: only the files those lists name (`owner/repo@commit:path`), else every .py file.
const sourceLists = args.includes("--sources") ? args[args.indexOf("--sources") + 1].split(",") : [];
const named = new Set(
  sourceLists.flatMap((list) => JSON.parse(readFileSync(list, "utf8")).map((m) => {
    const [repo, path] = m.source.split(":");
    return join(corpus, repo.split("@")[0].replace("/", "+"), path);
  })),
);

function pythonFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...pythonFiles(p));
    else if (e.isFile() && e.name.endsWith(".py")) out.push(p);
  }
  return out.sort();
}

const parser = await createPythonParser(readParserWasm(join(process.cwd(), "node_modules")));
const disk = diskFiles();
// One cache for the whole run: it bounds how many syntax trees stay alive (a cache per call would keep them all).
const cache = new SyntaxCache();

/** The analysis of a text as the CLI would see it (the real analyzer, imports resolved from the repository root). */
function analysisOf(file, text, root) {
  try {
    return analyzeSource(parser, { file, text, root, files: disk, cache, budget: { milliseconds: 5000 } });
  } catch {
    return undefined;
  }
}

/** The layer actions (Quantize/Prune this layer) the editor offers on a text. */
function layerActionsIn(file, text, root) {
  const analysis = analysisOf(file, text, root);
  const tree = parser.parse(text);
  try {
    return { analysis, actions: layerActionsOf({ file, text, tree, analysis }) };
  } finally {
    tree.delete();
  }
}

/** Findings of a text as the CLI would see them. */
function findingsOf(file, text, root) {
  const analysis = analysisOf(file, text, root);
  const tree = parser.parse(text);
  try {
    return findRules({ file, text, tree, analysis });
  } finally {
    tree.delete();
  }
}

function parses(text) {
  const tree = parser.parse(text);
  const ok = !tree.rootNode.hasError;
  tree.delete();
  return ok;
}

const lineOf = (text, line) => text.split(/\r?\n/)[line - 1] ?? "";
/** A finding's identity across edits: rule, message and the text of its line. */
const keyOf = (text, f) => `${f.rule}|${f.message}|${lineOf(text, f.line)}`;

/** "Fix all": the first fix of every finding, one at a time, re-reading the findings after each. */
const fixAllOf = (file, text, root) => fixAll(text, (t) => findingsOf(file, t, root)).text;

const results = [];
const torchJobs = [];
// Every job's PyTorch result, layer actions' included (results holds GL001's fixes only).
const torchResults = [];
const totals = { files: 0, filesWithFindings: 0, findings: {}, fixes: 0, parseOk: 0, gone: 0, idempotent: 0, allStable: 0, allParse: 0, layerFixes: 0, layerParse: 0, layerIdempotent: 0 };
const failures = [];
const started = Date.now();
for (const file of pythonFiles(corpus).filter((f) => named.size === 0 || named.has(f))) {
  const root = join(corpus, relative(corpus, file).split("/")[0]);
  const text = readFileSync(file, "utf8");
  if (statSync(file).size > 2 * 1024 * 1024) continue;
  totals.files++;
  const originalParses = parses(text);
  const findings = findingsOf(file, text, root);
  if (findings.length > 0) totals.filesWithFindings++;
  for (const f of findings) {
    totals.findings[f.rule] = (totals.findings[f.rule] ?? 0) + 1;
    const sameRuleBefore = findings.filter((x) => x.rule === f.rule).length;
    for (const fix of f.fixes) {
      totals.fixes++;
      const where = `${relative(corpus, file)}:${f.line} ${f.rule} ${fix.kind}`;
      let after;
      try {
        after = applyEdits(text, fix.edits);
      } catch (err) {
        failures.push(`${where}: edits do not apply (${err.message})`);
        continue;
      }
      if (parses(after) || !originalParses) totals.parseOk++;
      else failures.push(`${where}: the fixed file does not parse`);
      const remaining = findingsOf(file, after, root).filter((x) => x.rule === f.rule);
      const offering = (list) => list.filter((x) => x.rule === f.rule && x.fixes.some((y) => y.kind === fix.kind)).length;
      // Gone, or (GL001, layers the fix does not reach) still there without this fix.
      if (remaining.length === sameRuleBefore - 1 || (f.rule === "GL001" && offering(remaining) === offering(findings) - 1)) totals.gone++;
      else failures.push(`${where}: ${remaining.length} ${f.rule} findings after the fix (before ${sameRuleBefore}), still offering it`);
      if (f.rule === "GL001") {
        const stated = checkStatedSaving(file, text, after, root, f, fix);
        results.push({ where, kind: fix.kind, device: deviceOf(f, fix), saving: stated });
        if (stated.status === "mismatch") failures.push(`${where}: ${stated.detail}`);
        if (wantTorch) torchJobs.push(...torchJob(file, text, root, f, fix, where));
      }
      if (f.rule === "GL003" && wantTorch) torchJobs.push(...trainStepJob(file, text, root, fix, where));
      // Identical code can hold identical findings: the ones like this one must be one fewer, not the same number.
      const like = (t, list) => list.filter((x) => keyOf(t, x) === keyOf(text, f) && x.fixes.some((y) => y.kind === fix.kind)).length;
      if (like(after, remaining) === like(text, findings) - 1) totals.idempotent++;
      else failures.push(`${where}: the same fix is offered again`);
      if (verbose) console.log(`ok? ${where}`);
    }
  }
  // Layer actions: each parses, is not offered again on its line once applied, and (--torch) runs on the model.
  const { analysis: layerAnalysis, actions } = layerActionsIn(file, text, root);
  for (const action of actions) {
    for (const fix of action.fixes) {
      totals.layerFixes++;
      const where = `${relative(corpus, file)}:${action.line} ${action.layer} ${fix.kind}`;
      const after = applyEdits(text, fix.edits);
      if (parses(after)) totals.layerParse++;
      else failures.push(`${where}: the fixed file does not parse`);
      const again = layerActionsIn(file, after, root).actions.find((a) => a.line === action.line && a.layer === action.layer);
      if (!again?.fixes.some((f) => f.kind === fix.kind)) totals.layerIdempotent++;
      else failures.push(`${where}: offered again once applied`);
      if (wantTorch) torchJobs.push(...layerTorchJob(file, layerAnalysis, action, fix, where));
    }
  }
  const once = fixAllOf(file, text, root);
  const twice = fixAllOf(file, once, root);
  if (once === twice) totals.allStable++;
  else failures.push(`${relative(corpus, file)}: applying all fixes twice differs from once`);
  if (parses(once) || !originalParses) totals.allParse++;
  else failures.push(`${relative(corpus, file)}: the file with all fixes applied does not parse`);
}

if (jobsDir) writeTorchJobs(jobsDir);
else if (wantTorch && torchJobs.length > 0) runTorchJobs();
if (reportFile) writeFileSync(reportFile, `${JSON.stringify({ totals, results, torch: torchResults, failures }, null, 2)}\n`);
const savings = results.map((r) => r.saving.status);
console.log(`GL001 stated energy: ${savings.filter((s) => s === "matches").length} match the fixed code's estimate, ${savings.filter((s) => s === "mismatch").length} do not, ${savings.filter((s) => s === "not checked").length} not checked (no figure, or no instance to build)`);
console.log(`files: ${totals.files} (${totals.filesWithFindings} with findings), in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`findings: ${Object.entries(totals.findings).sort().map(([r, n]) => `${r} ${n}`).join(", ") || "none"}`);
console.log(`fixes offered: ${totals.fixes}; still parse: ${totals.parseOk}; finding gone: ${totals.gone}; not offered again: ${totals.idempotent}`);
console.log(`layer actions offered: ${totals.layerFixes}; still parse: ${totals.layerParse}; not offered again on their line: ${totals.layerIdempotent}`);
console.log(`all fixes applied: parses in ${totals.allParse}/${totals.files} files, twice = once in ${totals.allStable}/${totals.files} files`);
for (const f of failures) console.log(`FAIL ${f}`);
process.exitCode = failures.length === 0 ? 0 : 1;

/** The device a GL001 fix runs on: its finding's (on CPU/CUDA), or the helper's own. */
function deviceOf(finding, fix) {
  if (/^(channels-last-bf16|autocast-bf16|weight-only-int8|weight-only-int4)$/.test(fix.kind)) return "cuda";
  // Pruning runs anywhere: checked on the CPU.
  if (fix.kind === "dynamic-int8" || fix.kind === "prune-l1") return "cpu";
  return / on CUDA \(/.test(finding.message) ? "cuda" : "cpu";
}

/** The variable a GL001 finding is about (`'model' (Net) runs ...`), undefined for a class's helper finding. */
function variableOf(finding) {
  return /^'([A-Za-z_]\w*)' \(/.exec(finding.message)?.[1];
}

/**
 * A fix's title says "A instead of B on HW, energy model": A must be the estimate of the fixed code as the rules read
 * it (its device, precision, layout and the analyzer's report of the fixed model), B the original's.
 */
function checkStatedSaving(file, text, after, root, finding, fix) {
  // "A instead of B on HW", or within 1% one figure: "no energy saving per inference (B on HW, energy model)".
  const same = /no energy saving per inference \(([\d.]+ [µm]?J) on ([\w-]+), energy model\)/.exec(fix.title);
  const m = /\(([\d.]+ [µm]?J) instead of ([\d.]+ [µm]?J) on ([\w-]+), energy model\)/.exec(fix.title) ?? (same && [same[0], same[1], same[1], same[2]]);
  if (!m) return { status: "not checked" };
  const className = /^'\w+' \((\w+)\)/.exec(finding.message)?.[1] ?? /^(\w+) runs/.exec(finding.message)?.[1];
  // The site is the `ordinal`-th assignment of the variable: a fix may insert lines above it (a helper's def), and
  // the assignments it adds (`m = quantize_dynamic(m)`) come after it.
  const sitesOf = (pf, variable) => assignmentsFromCalls(pf).filter((a) => a.variable === variable).sort((a, b) => a.statement.pos.line - b.statement.pos.line);
  const asWritten = (t, variable, ordinal) => {
    const analysis = analysisOf(file, t, root);
    const tree = parser.parse(t);
    try {
      const pf = new PythonFile(file, t, tree);
      const site = sitesOf(pf, variable)[ordinal];
      // The model of this variable (two Sequential models in one file are two reports), else of the class.
      const models = analysis?.models.filter((x) => x.file === file) ?? [];
      // As the rules match them: the report of the builder the site calls (`net = densenet_cifar()`), then by name.
      const callee = site?.callee;
      const model = models.find((x) => x.name === variable && rootClass(x) === className) ?? models.find((x) => callee !== undefined && entryCallee(x) === callee) ?? models.find((x) => rootClass(x) === className);
      if (!site || !model) return undefined;
      const { target, variant } = modelAsWritten(pf, site, model);
      return inferenceEnergy(model, hardwareFor(m[3], target.device), variant);
    } finally {
      tree.delete();
    }
  };
  let before;
  let fixed;
  const variable = variableOf(finding);
  const helper = / add (\w+)\(model\)$/.exec(fix.title);
  if (variable) {
    // A finding about a variable: its model as the file writes it, before and after (a helper named after the
    // variable counts as applied to it once defined, as the rules read it).
    const tree = parser.parse(text);
    let ordinal;
    try {
      ordinal = sitesOf(new PythonFile(file, text, tree), variable).findIndex((a) => a.statement.pos.line === finding.line);
    } finally {
      tree.delete();
    }
    if (ordinal < 0) return { status: "not checked" };
    before = asWritten(text, variable, ordinal);
    fixed = asWritten(after, variable, ordinal);
  } else if (helper && className) {
    // A helper fix adds `def helper(model)` beside a class the file never builds: check it as a user would call it,
    // on an instance built with the class's defaults (`m = Net(); m = helper(m)`), against the bare instance.
    const probe = "__greenlight_probe";
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const tail = (t) => (t.endsWith("\n") ? t : `${t}${eol}`);
    // On the device the fix is for: a CUDA fix's helper runs on a model the user moved there.
    const built = `${probe} = ${className}()${deviceOf(finding, fix) === "cuda" ? '.to("cuda")' : ""}${eol}`;
    before = asWritten(`${tail(text)}${built}`, probe, 0);
    fixed = asWritten(`${tail(after)}${built}${probe} = ${helper[1]}(${probe})${eol}`, probe, 0);
  } else return { status: "not checked" };
  if (!before || !fixed) return { status: "not checked" };
  const ok = same ? formatJoules(before.joules) === m[2] && Math.abs(fixed.joules / before.joules - 1) <= 0.01 : formatJoules(fixed.joules) === m[1] && formatJoules(before.joules) === m[2];
  return { status: ok ? "matches" : "mismatch", detail: `stated ${m[1]} instead of ${m[2]}; the fixed code is estimated at ${formatJoules(fixed.joules)}, the original at ${formatJoules(before.joules)}` };
}

/** The job that runs a GL001 fix's inserted code on the real model (tools/measure/run-fix.py). */
function torchJob(file, text, root, finding, fix, where) {
  const analysis = analysisOf(file, text, root);
  const className = /^'\w+' \((\w+)\)/.exec(finding.message)?.[1] ?? /^(\w+) runs/.exec(finding.message)?.[1];
  const model = analysis?.models.find((x) => x.file === file && rootClass(x) === className);
  if (/^(keras|tflite)/.test(fix.kind)) return [{ where, skip: "a Keras fix: run-fix.py runs PyTorch only" }];
  if (!model) return [{ where, skip: "no model report to build it from" }];
  const isImport = (e) => e.newText.trim().split(/\r?\n/).every((l) => /^(import|from) /.test(l.trim()));
  const imports = fix.edits.filter(isImport).flatMap((e) => e.newText.trim().split(/\r?\n/).map((l) => l.trim()));
  const inserted = fix.edits.filter((e) => !isImport(e)).map((e) => e.newText).join("");
  const lines = inserted.split(/\r?\n/).filter((l) => l.trim() !== "");
  const indent = Math.min(...lines.map((l) => /^\s*/.exec(l)[0].length));
  let code = lines.map((l) => l.slice(indent)).join("\n");
  let variable = variableOf(finding) ?? "model";
  const helper = /^def (\w+)\(model\):/m.exec(code)?.[1];
  if (helper) {
    variable = "model";
    code += `\nmodel = ${helper}(model)`;
  }
  const inputs = model.inputs.map((i) => `${i.shape.join("x")}${i.dtype === "int64" ? ":int64:2" : ""}`);
  return [{ where, job: { id: where, file, entry: model.entry, inputs, variable, imports: [...new Set(["import torch", ...imports])], code, device: deviceOf(finding, fix), cpu_smoke: /autocast|channels-last/.test(fix.kind) } }];
}

/**
 * The job that runs a GL003 fix on the CPU (tools/measure/run-fix.py, mode "train-step"): one training step of the
 * file's model under the autocast context and GradScaler the fix inserts, its device made "cpu". The loop itself
 * (its data) is the script's and is not run; the model is the one the file's analysis reports (the first trained).
 */
function trainStepJob(file, text, root, fix, where) {
  const analysis = analysisOf(file, text, root);
  const models = (analysis?.models ?? []).filter((x) => x.file === file && x.params > 0);
  const inserted = fix.edits.map((e) => e.newText).join("\n");
  const autocast = /with\s+(torch\.(?:amp\.|cuda\.amp\.|cpu\.amp\.)?autocast\([^\n]*\)):/.exec(inserted)?.[1];
  const scaler = /^\s*((\w+)\s*=\s*torch\.(?:cuda\.)?amp\.GradScaler\([^\n]*\))\s*$/m.exec(inserted);
  if (!autocast) return [{ where, skip: "no autocast context in the fix" }];
  const model = models[0];
  if (!model) return [{ where, skip: "no model report to build it from" }];
  const inputs = model.inputs.map((i) => `${i.shape.join("x")}${i.dtype === "int64" ? ":int64:2" : ""}`);
  return [{ where, job: { id: where, file, entry: model.entry, inputs, variable: "model", imports: ["import torch"], code: "", device: "cpu", cpu_smoke: false, mode: "train-step", autocast, scaler: scaler?.[1], scaler_name: scaler?.[2] } }];
}

/** The job that runs a layer action's inserted code on the real model: the variable its code names. */
function layerTorchJob(file, analysis, action, fix, where) {
  const model = analysis?.models.find((x) => x.file === file && x.layers.some((l) => l.line === action.line && l.path === action.layer));
  if (!model) return [{ where, skip: "no model report to build it from" }];
  const isImport = (e) => e.newText.trim().split(/\r?\n/).every((l) => /^(import|from) /.test(l.trim()));
  const imports = fix.edits.filter(isImport).flatMap((e) => e.newText.trim().split(/\r?\n/).map((l) => l.trim()));
  const lines = fix.edits.filter((e) => !isImport(e)).map((e) => e.newText).join("").split(/\r?\n/).filter((l) => l.trim() !== "");
  const indent = Math.min(...lines.map((l) => /^\s*/.exec(l)[0].length));
  const code = lines.map((l) => l.slice(indent)).join("\n");
  const variable = /^(\w+) = torch\.ao/m.exec(code)?.[1] ?? /quantize_\((\w+),/.exec(code)?.[1] ?? /l1_unstructured\((\w+)/.exec(code)?.[1] ?? "model";
  const inputs = model.inputs.map((i) => `${i.shape.join("x")}${i.dtype === "int64" ? ":int64:2" : ""}`);
  const device = / CUDA\)/.test(fix.title) ? "cuda" : "cpu";
  return [{ where, job: { id: where, file, entry: model.entry, inputs, variable, imports: [...new Set(["import torch", ...imports])], code, device, cpu_smoke: false } }];
}

/**
 * The jobs for another machine: jobs.json with each file's path relative to dir, and the Python files of each job's
 * repository copied under dir/src (a model file imports its neighbours). Only the corpus is copied, never run here.
 */
function writeTorchJobs(dir) {
  const runnable = torchJobs.filter((j) => j.job);
  const copied = new Set();
  const jobs = runnable.map(({ job }) => {
    const top = relative(corpus, job.file).split("/")[0];
    if (!copied.has(top)) {
      copied.add(top);
      const from = join(corpus, top);
      const files = statSync(from).isDirectory() ? pythonFiles(from) : [from];
      for (const f of files) {
        const to = join(dir, "src", relative(corpus, f));
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(f, to);
      }
    }
    return { ...job, file: join("src", relative(corpus, job.file)) };
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "jobs.json"), `${JSON.stringify(jobs, null, 1)}\n`);
  console.log(`wrote ${jobs.length} PyTorch jobs (and ${torchJobs.length - jobs.length} not runnable) to ${join(dir, "jobs.json")}; run them with: cd ${dir} && python3 tools/measure/run-fix.py jobs.json > results.jsonl`);
}

function runTorchJobs() {
  let out;
  if (resultsFile) {
    if (!existsSync(resultsFile)) throw new Error(`--torch-results: ${resultsFile} does not exist`);
    out = readFileSync(resultsFile, "utf8");
  } else {
    const dir = mkdtempSync(join(tmpdir(), "greenlight-fixes-"));
    const jobsFile = join(dir, "jobs.json");
    writeFileSync(jobsFile, JSON.stringify(torchJobs.filter((j) => j.job).map((j) => j.job)));
    out = execFileSync(torchPython, [join(process.cwd(), "tools/measure/run-fix.py"), jobsFile], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  }
  const byId = new Map(out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.id, r]));
  const counts = { ok: 0, failed: 0, skipped: 0 };
  for (const j of torchJobs) {
    // A results file may hold a chosen part of the jobs (those for its machine): the others were not run there.
    const absent = resultsFile ? { status: "skipped", reason: `not in ${resultsFile}` } : { status: "failed", reason: "no result" };
    const r = j.job ? byId.get(j.job.id) ?? absent : { status: "skipped", reason: j.skip };
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    const entry = results.find((x) => x.where === j.where);
    if (entry) entry.torch = r;
    torchResults.push({ where: j.where, device: j.job?.device, ...r, id: undefined });
    if (r.status === "failed") failures.push(`${j.where}: fails in PyTorch ${r.torch ?? ""}: ${r.reason}`);
    if (verbose || r.status !== "ok" || r.note) console.log(`torch ${r.status}: ${j.where}${r.reason ? ` (${r.reason})` : ""}${r.note ? ` (${r.note})` : ""}${r.changed ? ` ${JSON.stringify(r.changed)}` : ""}${r.latency_ms ? ` latency ${r.latency_ms.before} -> ${r.latency_ms.after} ms` : ""}${r.autocast_dtype ? ` (${r.ran}: ${r.autocast_dtype} outputs, ${r.grads} gradients)` : ""}`);
  }
  console.log(`GL001 and GL003 fixes and layer actions run in PyTorch: ${counts.ok} ran, ${counts.failed} failed, ${counts.skipped} not run`);
}
