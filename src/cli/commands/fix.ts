import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { analyzeSource, SyntaxCache } from "../../core/analyze";
import { createPythonParser } from "../../core/python/parser";
import { applyEdits } from "../../core/rules/apply-edits";
import { fixAll } from "../../core/rules/fix-all";
import { ruleDefinition } from "../../core/rules/rules";
import { diskFiles, findImportRoot, maxFileBytes } from "../../node/disk-files";
import { readParserWasm } from "../../node/wasm";
import { processCpuClock } from "../../node/cpu-clock";
import { CLI_INSTALL_ACTIONS, environmentFinder } from "../python-env-option";
import { diskEnvironmentHost } from "../../node/python-environment";
import { CliError, parseCommandLine, type CommandOutput } from "../cli-io";
import { COMMAND_SPECS } from "../command-specs";
import { collectFindings } from "../findings-output";
import { breaksParsing, sha256, writeAtomically, type FixHooks } from "../fix-writes";
import { isNotebookPath } from "../notebook-sources";
import { runNotebookFix } from "./fix-notebook";

export type { FixHooks } from "../fix-writes";

/**
 * `greenlight fix FILE --rule GL001 [--fix KIND] [--line N] [--prune-amount X]`: applies one fix in place; with
 * --all, every finding's fix (of the rule, if given), one after the other. Without --rule it lists the findings. The file is written atomically (a temporary file in the same
 * folder, then a rename) and left alone when it changed since it was read.
 */
export async function runFix(argv: string[], out: CommandOutput, hooks: FixHooks = {}): Promise<number> {
  const options = parseCommandLine(COMMAND_SPECS.fix, argv);
  const file = resolve(options.positionals[0]);
  const ruleOption = options.values.get("rule");
  const rule = ruleOption === undefined ? undefined : ruleDefinition(ruleOption);
  if (ruleOption !== undefined && !rule) throw new CliError(`--rule ${ruleOption}: no such rule (GL001 to GL006)`);
  const lineOption = options.values.get("line");
  const line = lineOption === undefined ? undefined : Number(lineOption);
  if (line !== undefined && (!Number.isSafeInteger(line) || line < 1)) throw new CliError(`--line ${lineOption}: give a line number (1 or more)`);
  const amountOption = options.values.get("prune-amount");
  const pruneAmount = amountOption === undefined ? undefined : Number(amountOption);
  if (pruneAmount !== undefined && !(pruneAmount > 0 && pruneAmount < 1)) throw new CliError(`--prune-amount ${amountOption}: give a fraction between 0 and 1`);
  const kind = options.values.get("fix");
  if (kind !== undefined && rule && !rule.fixKinds.includes(kind)) throw new CliError(`--fix ${kind}: ${rule.id} offers ${rule.fixKinds.join(", ")}`);

  let bytes: Buffer;
  try {
    const limit = maxFileBytes(file);
    if (statSync(file).size > limit) throw new CliError(`${file}: too large to fix (limit ${limit / 1024 / 1024} MB)`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: cannot read`);
  }
  const text = bytes.toString("utf8");
  if (text.includes("\u0000")) throw new CliError(`${file}: binary file, not Python source`);
  const readHash = sha256(bytes);
  const cellOption = options.values.get("cell");
  const cell = cellOption === undefined ? undefined : Number(cellOption);
  if (cell !== undefined && (!Number.isSafeInteger(cell) || cell < 1)) throw new CliError(`--cell ${cellOption}: give a cell number (1 or more)`);
  if (isNotebookPath(file)) {
    const request = { file, text, readHash, mode: statSync(file).mode, rule: rule?.id, kind, line, cell, all: options.flags.has("all"), pruneAmount, root: options.values.get("root") };
    return runNotebookFix(request, out, hooks);
  }
  if (cell !== undefined) throw new CliError("--cell is for notebooks (.ipynb)");

  const parser = await createPythonParser(readParserWasm());
  const root = options.values.get("root") ?? findImportRoot(dirname(file));
  const cache = new SyntaxCache();
  const environment = environmentFinder(undefined)(file, root);
  const host = diskEnvironmentHost(process.env);
  const findingsOf = (t: string) => collectFindings(parser, file, t, analyzeSource(parser, { file, text: t, root, files: diskFiles(), cache, environment, installActions: CLI_INSTALL_ACTIONS, torchHubDirs: host.torchHubDirs, huggingFaceCaches: host.huggingFaceCaches, now: processCpuClock() }), { pruneAmount }, cache);
  const findings = findingsOf(text);

  if (options.flags.has("all")) {
    if (line !== undefined) throw new CliError("--all and --line do not go together");
    const result = fixAll(text, findingsOf, { rule: rule?.id, kind });
    if (result.applied.length === 0) {
      out.stderr(`greenlight: nothing to fix${rule ? ` for ${rule.id}` : ""} in ${file}\n`);
      return 1;
    }
    if (breaksParsing(parser, text, result.text)) {
      out.stderr(`greenlight: the fixes would leave ${file} with a syntax error; nothing written\n`);
      return 1;
    }
    writeAtomically(file, result.text, readHash, statSync(file).mode, hooks);
    for (const a of result.applied) out.stdout(`${file}:${a.line}: ${a.rule} fixed (${a.kind})\n`);
    return 0;
  }

  if (!rule) {
    // Without --rule: list what could be fixed.
    if (findings.length === 0) out.stdout("no findings\n");
    for (const f of findings) out.stdout(`${file}:${f.line}:${f.column}: ${f.rule} ${f.message}\n${f.fixes.map((x) => `    --rule ${f.rule} --line ${f.line} --fix ${x.kind}   ${x.title}\n`).join("")}`);
    return 0;
  }
  const matching = findings.filter((f) => f.rule === rule.id && (line === undefined || f.line === line));
  if (matching.length === 0) {
    out.stderr(`greenlight: no ${rule.id} finding${line === undefined ? "" : ` on line ${line}`} in ${file}\n`);
    return 1;
  }
  if (matching.length > 1) {
    out.stderr(`greenlight: ${matching.length} ${rule.id} findings in ${file} (lines ${matching.map((f) => f.line).join(", ")}); pick one with --line\n`);
    return 1;
  }
  const finding = matching[0];
  const fix = kind === undefined ? finding.fixes[0] : finding.fixes.find((x) => x.kind === kind);
  if (!fix) {
    const offered = finding.fixes.map((x) => x.kind).join(", ") || "none";
    out.stderr(`greenlight: ${rule.id} on line ${finding.line} has no ${kind ?? ""} fix here (offered: ${offered})\n`);
    return 1;
  }
  if (fix.edits.some((e) => resolve(e.file) !== file)) throw new CliError("the fix edits other files; apply it in the editor");
  const fixed = applyEdits(text, fix.edits);
  if (breaksParsing(parser, text, fixed)) {
    out.stderr(`greenlight: the ${fix.kind} fix would leave ${file} with a syntax error; nothing written\n`);
    return 1;
  }
  writeAtomically(file, fixed, readHash, statSync(file).mode, hooks);
  out.stdout(`${file}:${finding.line}: ${rule.id} fixed: ${fix.title}\n`);
  return 0;
}
