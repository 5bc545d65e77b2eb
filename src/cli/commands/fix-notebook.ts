import { dirname } from "node:path";
import { analyzeSource, SyntaxCache } from "../../core/analyze";
import { withCellSource } from "../../core/notebook/notebook-file";
import { fixInOneCell } from "../../core/notebook/notebook-fixes";
import { createPythonParser } from "../../core/python/parser";
import { applyEdits } from "../../core/rules/apply-edits";
import { fixAllIn } from "../../core/rules/fix-all";
import type { Finding, Fix, RuleId } from "../../core/rules/types";
import { diskFiles, findImportRoot } from "../../node/disk-files";
import { readParserWasm } from "../../node/wasm";
import { processCpuClock } from "../../node/cpu-clock";
import type { CommandOutput } from "../cli-io";
import { collectFindings } from "../findings-output";
import { breaksParsing, writeAtomically, type FixHooks } from "../fix-writes";
import { notebookSource, SourceLocations, type NotebookSource } from "../notebook-sources";

/** `greenlight fix` on a notebook, its options already checked by runFix. */
export interface NotebookFixRequest {
  file: string;
  /** The notebook's JSON as read, and its hash (the write is refused when the file changed since). */
  text: string;
  readHash: string;
  mode: number;
  rule?: RuleId;
  kind?: string;
  /** Line within the cell, and the cell (1-based, markdown cells counted). */
  line?: number;
  cell?: number;
  all: boolean;
  pruneAmount?: number;
  root?: string;
}

/**
 * Fixes findings of a notebook: the code cells are analyzed as one program, and a fix rewrites the source of the
 * one cell it edits; every other byte of the file (outputs, metadata, ids, the JSON's layout) stays. A malformed
 * notebook is a CliError (exit 2) before anything is written.
 */
export async function runNotebookFix(request: NotebookFixRequest, out: CommandOutput, hooks: FixHooks): Promise<number> {
  const { file, rule, kind, line, cell } = request;
  const original = notebookSource(file, request.text);
  const parser = await createPythonParser(readParserWasm());
  const root = request.root ?? findImportRoot(dirname(file));
  const cache = new SyntaxCache();
  const views = new Map<string, { source: NotebookSource; findings: Finding[] }>();
  const read = (text: string) => {
    let view = views.get(text);
    if (!view) {
      const source = text === request.text ? original : notebookSource(file, text);
      const program = source.program.text;
      const analysis = analyzeSource(parser, { file, text: program, root, files: diskFiles(), cache, now: processCpuClock() });
      view = { source, findings: collectFindings(parser, file, program, analysis, { pruneAmount: request.pruneAmount }, cache) };
      views.set(text, view);
    }
    return view;
  };
  const locationsOf = (source: NotebookSource) => {
    const locations = new SourceLocations();
    locations.add(file, source);
    return locations;
  };
  /** The notebook with one fix applied to the one cell it edits; undefined when it would span cells. */
  const applyFix = (text: string, fix: Fix, finding: Finding): string | undefined => {
    const { source } = read(text);
    const one = fixInOneCell(source.program, fix.edits, finding.line);
    return one && withCellSource(source.notebook, one.cell.index, applyEdits(one.cell.source, one.edits));
  };
  const breaks = (before: string, after: string) => breaksParsing(parser, read(before).source.program.text, notebookSource(file, after).program.text);

  if (request.all) {
    const labels: string[] = [];
    const result = fixAllIn(
      request.text,
      (text) => {
        const view = read(text);
        const lines = view.source.program.text.split("\n");
        return { findings: view.findings, lineText: (l) => lines[l - 1] ?? "" };
      },
      (text, fix, finding) => {
        const fixed = applyFix(text, fix, finding);
        if (fixed !== undefined) labels.push(locationsOf(read(text).source).label(file, finding.line, (f) => f));
        return fixed;
      },
      { rule, kind },
    );
    if (result.applied.length === 0) {
      out.stderr(`greenlight: nothing to fix${rule ? ` for ${rule}` : ""} in ${file}\n`);
      return 1;
    }
    if (breaks(request.text, result.state)) {
      out.stderr(`greenlight: the fixes would leave ${file} with a syntax error; nothing written\n`);
      return 1;
    }
    writeAtomically(file, result.state, request.readHash, request.mode, hooks);
    result.applied.forEach((a, i) => out.stdout(`${labels[i]}: ${a.rule} fixed (${a.kind})\n`));
    return 0;
  }

  const locations = locationsOf(original);
  const findings = read(request.text).findings.map((f) => ({ raw: f, local: locations.finding(f) }));
  const label = (f: Finding) => locations.label(file, f.line, (x) => x);
  if (!rule) {
    if (findings.length === 0) out.stdout("no findings\n");
    for (const { raw, local } of findings) {
      const where = `--rule ${raw.rule} --cell ${local.cell?.index} --line ${local.line}`;
      out.stdout(`${label(raw)}:${raw.column}: ${raw.rule} ${raw.message}\n${local.fixes.map((x) => `    ${where} --fix ${x.kind}   ${x.title}\n`).join("")}`);
    }
    return 0;
  }
  const matching = findings.filter(({ local }) => local.rule === rule && (cell === undefined || local.cell?.index === cell) && (line === undefined || local.line === line));
  const place = `${cell === undefined ? "" : ` in cell ${cell}`}${line === undefined ? "" : ` on line ${line}`}`;
  if (matching.length === 0) {
    out.stderr(`greenlight: no ${rule} finding${place} in ${file}\n`);
    return 1;
  }
  if (matching.length > 1) {
    out.stderr(`greenlight: ${matching.length} ${rule} findings in ${file} (${matching.map(({ raw }) => label(raw).slice(file.length + 1)).join(", ")}); pick one with --cell and --line\n`);
    return 1;
  }
  const { raw, local } = matching[0];
  // The local fixes are those that edit a single cell; the raw fix of the same kind carries the program's edits.
  const chosen = kind === undefined ? local.fixes[0] : local.fixes.find((x) => x.kind === kind);
  const fix = chosen && raw.fixes.find((x) => x.kind === chosen.kind);
  if (!fix) {
    const offered = local.fixes.map((x) => x.kind).join(", ") || "none";
    out.stderr(`greenlight: ${rule} at ${label(raw)} has no ${kind ?? ""} fix here (offered: ${offered})\n`);
    return 1;
  }
  const fixed = applyFix(request.text, fix, raw)!;
  if (breaks(request.text, fixed)) {
    out.stderr(`greenlight: the ${fix.kind} fix would leave ${file} with a syntax error; nothing written\n`);
    return 1;
  }
  writeAtomically(file, fixed, request.readHash, request.mode, hooks);
  out.stdout(`${label(raw)}: ${rule} fixed: ${fix.title}\n`);
  return 0;
}
