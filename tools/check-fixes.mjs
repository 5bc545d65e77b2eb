#!/usr/bin/env node
// Runs every fix the rules offer over every .py file of the dev corpus and checks what a fix promises:
// the file still parses, the finding is gone afterwards, and applying all fixes twice equals applying them once.
//
//   node --import tsx tools/check-fixes.mjs [--corpus .corpus] [--sources ../shared/corpus/dev.json,../shared/corpus/keras-dev.json] [--verbose]
//
// The corpus is other people's code: it is only read here, never written, never committed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { analyzeSource, SyntaxCache } from "../src/core/analyze.ts";
import { createPythonParser } from "../src/core/python/parser.ts";
import { applyEdits } from "../src/core/rules/apply-edits.ts";
import { fixAll } from "../src/core/rules/fix-all.ts";
import { findRules } from "../src/core/rules/rules.ts";
import { diskFiles } from "../src/node/disk-files.ts";
import { readParserWasm } from "../src/node/wasm.ts";

const args = process.argv.slice(2);
const corpus = args.includes("--corpus") ? args[args.indexOf("--corpus") + 1] : ".corpus";
const verbose = args.includes("--verbose");
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

/** Findings of a text as the CLI would see them (the real analyzer, imports resolved from the repository root). */
function findingsOf(file, text, root) {
  let analysis;
  try {
    analysis = analyzeSource(parser, { file, text, root, files: disk, cache, budget: { milliseconds: 5000 } });
  } catch (err) {
    analysis = undefined;
  }
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

const totals = { files: 0, filesWithFindings: 0, findings: {}, fixes: 0, parseOk: 0, gone: 0, idempotent: 0, allStable: 0, allParse: 0 };
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
      if (remaining.length === sameRuleBefore - 1) totals.gone++;
      else failures.push(`${where}: ${remaining.length} ${f.rule} findings after the fix (before ${sameRuleBefore})`);
      // Identical code can hold identical findings: the ones like this one must be one fewer, not the same number.
      const like = (t, list) => list.filter((x) => keyOf(t, x) === keyOf(text, f) && x.fixes.some((y) => y.kind === fix.kind)).length;
      if (like(after, remaining) === like(text, findings) - 1) totals.idempotent++;
      else failures.push(`${where}: the same fix is offered again`);
      if (verbose) console.log(`ok? ${where}`);
    }
  }
  const once = fixAllOf(file, text, root);
  const twice = fixAllOf(file, once, root);
  if (once === twice) totals.allStable++;
  else failures.push(`${relative(corpus, file)}: applying all fixes twice differs from once`);
  if (parses(once) || !originalParses) totals.allParse++;
  else failures.push(`${relative(corpus, file)}: the file with all fixes applied does not parse`);
}

console.log(`files: ${totals.files} (${totals.filesWithFindings} with findings), in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`findings: ${Object.entries(totals.findings).sort().map(([r, n]) => `${r} ${n}`).join(", ") || "none"}`);
console.log(`fixes offered: ${totals.fixes}; still parse: ${totals.parseOk}; finding gone: ${totals.gone}; not offered again: ${totals.idempotent}`);
console.log(`all fixes applied: parses in ${totals.allParse}/${totals.files} files, twice = once in ${totals.allStable}/${totals.files} files`);
for (const f of failures) console.log(`FAIL ${f}`);
process.exitCode = failures.length === 0 ? 0 : 1;
