import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { analyzeSource, EntryError, SyntaxCache, type AnalysisResult } from "../../core/analyze";
import { trainingPlanOf } from "../../core/analysis-result";
import { parseInputShape } from "../../core/pragma/input-shapes";
import { formatCount, formatFlops, formatInputSpec, formatIntensity } from "../../core/report/format";
import type { InputSpec, ModelReport } from "../../core/report/model-report";
import { partialStatus } from "../../core/report/coverage";
import { createPythonParser } from "../../core/python/parser";
import { diskFiles, findMarkedRoot, findPythonFiles, maxFileBytes } from "../../node/disk-files";
import { readParserWasm } from "../../node/wasm";
import { processCpuClock } from "../../node/cpu-clock";
import { FileSnapshots } from "../../node/file-snapshots";
import { ruleDefinitions } from "../../core/rules/rules";
import { CLI_INSTALL_ACTIONS, environmentFinder } from "../python-env-option";
import { diskEnvironmentHost } from "../../node/python-environment";
import { isNotebookPath, notebookSource, SourceLocations } from "../notebook-sources";
import { CliError, parseCommandLine, type CommandOutput } from "../cli-io";
import { COMMAND_SPECS } from "../command-specs";
import { collectFindings, findingsToJson, toSarif } from "../findings-output";
import { generationJson, generationLine, memoryAndGeneration, memoryJson, memoryLine } from "../memory-output";
import { estimateFor, estimateHeading, estimateJson, estimateLine, estimateSettingsFrom, hasTrainingFigures, trainingPlanJson, trainingPlanLine, trainingRunFor, trainingRunJson, trainingRunLine, trainingSettings, type LineText } from "../estimate-options";
import type { Finding } from "../../core/rules/types";
import { appliedText } from "../../core/report/applied";

const FORMATS = ["table", "json", "markdown", "sarif"] as const;
type Format = (typeof FORMATS)[number];

/** `greenlight analyze FILE... [--entry EXPR] [--input SHAPE]... [--root DIR] [--python-env DIR] [--format table|json|markdown|sarif]` */
export async function runAnalyze(argv: string[], out: CommandOutput): Promise<number> {
  const options = parseCommandLine(COMMAND_SPECS.analyze, argv);
  const format = (options.values.get("format") ?? "table") as Format;
  if (!FORMATS.includes(format)) throw new CliError(`--format must be one of ${FORMATS.join(", ")}`);
  let inputs: InputSpec[] | undefined;
  try {
    inputs = options.repeated.get("input")?.map(parseInputShape);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const estimateSettings = estimateSettingsFrom(options.values);
  const entry = options.values.get("entry");
  const rootOption = options.values.get("root");
  if (rootOption !== undefined && !isFolder(rootOption)) throw new CliError(`--root ${rootOption}: not a folder`);

  const files: string[] = [];
  for (const p of options.positionals) {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new CliError(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) files.push(...findPythonFiles(abs, { notebooks: true }));
    else files.push(abs);
  }
  if (entry !== undefined && files.length !== 1) throw new CliError("--entry needs exactly one FILE");
  // A notebook is analyzed as the one program its code cells make; a malformed one is skipped with one line (exit 2).
  const locations = new SourceLocations();
  let exitCode = 0;
  const texts = files.flatMap((f) => {
    const text = readSource(f);
    if (!isNotebookPath(f)) return [{ file: f, text }];
    try {
      const source = notebookSource(f, text);
      locations.add(f, source);
      return [{ file: f, text: source.program.text }];
    } catch (err) {
      if (!(err instanceof CliError) || files.length === 1) throw err;
      out.stderr(`greenlight: ${err.message}\n`);
      exitCode = 2;
      return [];
    }
  });

  const parser = await createPythonParser(readParserWasm());
  // The budget counts CPU time: a loaded machine gives the same answer as an idle one.
  const now = processCpuClock();
  // One read of each file for the whole run: a library's files are read many times over (re-exports, registries).
  const snapshots = new FileSnapshots();
  const cache = new SyntaxCache();
  // The same caches and hub folders the desktop editor reads (src/vscode/extension.ts).
  const host = diskEnvironmentHost(process.env);
  const results: AnalysisResult[] = [];
  const environmentOf = environmentFinder(options.values.get("python-env"));
  for (const { file, text } of texts) {
    // No --root and no project marker above the file: its own folder, which the analysis may move up (rootGuessed).
    const marked = rootOption ? resolve(rootOption) : findMarkedRoot(dirname(file));
    const root = marked ?? dirname(file);
    const environment = environmentOf(file, root);
    try {
      results.push(locations.inCells(analyzeSource(parser, { file, text, root, ...(marked === undefined ? { rootGuessed: true } : {}), files: snapshots, entry, inputs, cache, environment, installActions: CLI_INSTALL_ACTIONS, huggingFaceCaches: host.huggingFaceCaches, torchHubDirs: host.torchHubDirs, hardware: estimateSettings.hardware, now })));
    } catch (err) {
      if (err instanceof EntryError) throw new CliError(err.message);
      throw err;
    }
  }
  const models = results.flatMap((r) => r.models);
  for (const note of estimateSettings.notes) out.stderr(`greenlight: ${note}\n`);
  // With --mode train, each model's whole run: the training plan read from its file, then --epochs/--samples/--batch.
  const plans = new Map(results.flatMap((r) => r.models.map((m) => [m, trainingPlanOf(r, m)] as const)));
  // A training step runs at the precision the training code sets (autocast, .half()) unless --dtype says otherwise.
  // A training step is estimated at the batch the run loads (per GPU on several), as the run's own step is.
  const estimateOf = (m: ModelReport) => (m.ops.length > 0 ? stepOfRun(m) ?? estimateFor(m, trainingSettings(estimateSettings, plans.get(m))) : undefined);
  const resultOf = new Map(results.flatMap((r) => r.models.map((m) => [m, r] as const)));
  // Memory (each part, the peak, the fit) and, for a language model in a file that generates, prefill and decode.
  const memoryOf = (m: ModelReport) => (m.ops.length > 0 ? memoryAndGeneration(m, resultOf.get(m), estimateSettings) : undefined);
  const runs = new Map<ModelReport, ReturnType<typeof trainingRunFor>>();
  const runOf = (m: ModelReport) => {
    if (estimateSettings.mode !== "train" || m.ops.length === 0) return undefined;
    if (!runs.has(m)) runs.set(m, trainingRunFor(m, estimateSettings, plans.get(m), undefined, resultOf.get(m)?.runSetup?.weights?.format));
    return runs.get(m);
  };
  const stepOfRun = (m: ModelReport) => {
    const run = runOf(m);
    return run && !run.untrained ? run.step : undefined;
  };
  for (const r of results) for (const e of r.syntaxErrors.slice(0, 3)) out.stderr(`${locations.label(r.file, e.line, (f) => f)}:${e.column + 1}: ${e.message}\n`);
  // Findings of the rules (GL001...) with their fixes: in every format (SARIF 2.1.0 for code scanning).
  const withFindings = !options.flags.has("no-findings") || format === "json" || format === "sarif";
  const findings = withFindings ? texts.flatMap(({ file, text }, i) => collectFindings(parser, file, text, results[i], { hardware: estimateSettings.hardware, host: estimateSettings.host }, cache)) : [];
  // With --mode train, a file whose training code states a run but whose own models give none (the model is built in
  // another file, from a checkpoint or a hub) still shows what its code runs: steps, batch, dtype, with no energy.
  // A network the run uses but does not train (a frozen encoder) does not carry the file's run.
  const carriesRun = (run: ReturnType<typeof runOf>) => run !== undefined && !run.untrained;
  const planOnlyResults = () => (estimateSettings.mode === "train" ? results.filter((r) => hasTrainingFigures(r.training) && !r.models.some((m) => carriesRun(runOf(m)))) : []);
  const planItems = () => planOnlyResults().map((r) => `${r.file}: ${trainingPlanLine(r.training!, cellLineText(r.file, locations), r.models.filter((m) => m.file === r.file && m.ops.length === 0).map((m) => ({ name: m.name, line: m.line })))}`);
  if (format === "json") {
    // In a notebook each figure's line is the line within its cell, with the cell named (as models and layers are).
    const inCells = (file: string, run: Record<string, unknown>) => ({ ...run, sources: locations.figureSources(file, run.sources as Record<string, unknown>) });
    // A generation's line and its figures' lines likewise (the generation is in the analyzed file, the model may not be).
    const generationInCells = (file: string, g: Record<string, unknown>) => {
      const { at, ...figures } = locations.figureSources(file, { at: { line: g.line }, prompt_tokens: g.prompt_tokens, new_tokens: g.new_tokens, batch: g.batch, beams: g.beams }) as Record<string, unknown> & { at: { line: number; cell?: unknown } };
      return { ...g, ...figures, line: at.line, ...(at.cell ? { cell: at.cell } : {}) };
    };
    const json = models.map((m) => {
      const estimate = estimateOf(m);
      const run = estimate ? runOf(m) : undefined;
      const memory = estimate ? memoryOf(m) : undefined;
      const extras = {
        ...(run ? { training_run: inCells(m.file, trainingRunJson(run)) } : {}),
        ...(memory ? { memory: memoryJson(memory) } : {}),
        ...(memory?.generation ? { generation: generationInCells(resultOf.get(m)!.file, generationJson(memory.generation)) } : {}),
      };
      return { ...toJson(m, locations), estimate: estimate ? { ...estimateJson(estimate), ...extras } : null };
    });
    const notes = results.flatMap((r) => r.notes.map((note) => ({ file: r.file, note })));
    const plans = planOnlyResults().map((r) => ({ file: r.file, ...inCells(r.file, trainingPlanJson(r.training!)) }));
    out.stdout(`${JSON.stringify({ version: 1, models: json, ...(estimateSettings.mode === "train" ? { training_plans: plans } : {}), findings: findingsToJson(findings.map((f) => locations.finding(f))), notes }, null, 1)}\n`);
  }
  else if (format === "sarif") out.stdout(`${JSON.stringify(toSarif(findings, ruleDefinitions, { root: process.cwd(), notebookPlace: (f) => locations.sarifPlace(f) }), null, 1)}\n`);
  else {
    // The files' own notes (what a plain run stops at, why no run was read), as JSON's `notes`: with no models the
    // table's one line already says them.
    const fileNotes = models.length === 0 ? [] : results.flatMap((r) => r.notes.map((note) => `${relative(r.file)}: ${note}`));
    if (format === "markdown") {
      out.stdout(
        markdownTable(models, locations) + markdownSection(estimateHeading(estimateSettings), estimateItems(models, estimateOf)) + markdownSection("training runs", [...trainingRunItems(models, runOf, locations), ...planItems()]) +
          markdownSection("memory and generation", memoryItems(models, memoryOf, (m) => cellLineText(resultOf.get(m)!.file, locations))) + markdownSection("notes", fileNotes) + markdownFindings(findings, locations),
      );
    } else {
      out.stdout(
        textTable(models, results, locations) + textSection(estimateHeading(estimateSettings), estimateItems(models, estimateOf)) + textSection("training runs", [...trainingRunItems(models, runOf, locations), ...planItems()]) +
          textSection("memory and generation", memoryItems(models, memoryOf, (m) => cellLineText(resultOf.get(m)!.file, locations))) + textSection("notes", fileNotes) + textFindings(findings, locations),
      );
    }
  }
  return exitCode;
}

function estimateItems(models: ModelReport[], estimateOf: (m: ModelReport) => ReturnType<typeof estimateFor> | undefined): string[] {
  return models.map((m) => {
    const e = estimateOf(m);
    const none = m.needs ? "no estimate (the model needs constructor arguments: see the entry to try above)" : "no estimate (the forward pass was not analyzed)";
    const applied = appliedText(m);
    return `${m.name}: ${e ? estimateLine(e) : none}${e && !m.complete ? " (partial model: a lower bound)" : ""}${applied ? ` [${applied}]` : ""}`;
  });
}

function trainingRunItems(models: ModelReport[], runOf: (m: ModelReport) => ReturnType<typeof trainingRunFor> | undefined, locations: SourceLocations): string[] {
  return models.flatMap((m) => {
    const run = runOf(m);
    return run ? [`${m.name}: ${trainingRunLine(run, cellLineText(m.file, locations))}`] : [];
  });
}

/** A figure's line as the reader finds it: in a notebook, the cell and the line within it. */
function cellLineText(file: string, locations: SourceLocations): (line: number) => string {
  return (line) => {
    const cell = locations.cell(file, line);
    return cell ? `cell ${cell.index} line ${cell.line}` : `line ${line}`;
  };
}

function textSection(heading: string, items: string[]): string {
  return items.length > 0 ? `\n${heading}:\n${items.map((item) => `  ${item}`).join("\n")}\n` : "";
}

function markdownSection(heading: string, items: string[]): string {
  return items.length > 0 ? `\n### ${heading[0].toUpperCase()}${heading.slice(1)}\n\n${items.map((item) => `- ${item}`).join("\n")}\n` : "";
}

/** The `greenlight fix` command that applies one fix of a finding (a notebook's finding by cell and cell line). */
function fixCommand(f: Finding, kind: string, locations: SourceLocations): string {
  const cell = locations.cell(f.file, f.line);
  const place = cell ? `--cell ${cell.index} --line ${cell.line}` : `--line ${f.line}`;
  return `greenlight fix ${quote(relative(f.file))} --rule ${f.rule} ${place} --fix ${kind}`;
}

/** Each finding with the command that applies each of its fixes. */
function textFindings(findings: Finding[], locations: SourceLocations): string {
  if (findings.length === 0) return "";
  const lines = findings.flatMap((f) => [
    `  ${locations.label(f.file, f.line, relative)}:${f.column}: ${f.rule} ${f.message}`,
    ...f.fixes.map((x) => `      fix: ${fixCommand(f, x.kind, locations)}   (${x.title})`),
  ]);
  return `\nfindings (${findings.length}):\n${lines.join("\n")}\n`;
}

function markdownFindings(findings: Finding[], locations: SourceLocations): string {
  if (findings.length === 0) return "";
  const items = findings.map((f) => {
    const fixes = f.fixes.map((x) => `  - ${x.title}: \`${fixCommand(f, x.kind, locations)}\``);
    return [`- **${f.rule}** \`${locations.label(f.file, f.line, relative)}\`: ${f.message}`, ...fixes].join("\n");
  });
  return `\n### Findings\n\n${items.join("\n")}\n`;
}

/** A path as a shell argument: quoted when it holds anything but plain characters. */
function quote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

/** Each model's memory line, and its generation's with the generation's line as the reader finds it (`lineTextOf`). */
function memoryItems(models: ModelReport[], memoryOf: (m: ModelReport) => ReturnType<typeof memoryAndGeneration> | undefined, lineTextOf: (m: ModelReport) => LineText): string[] {
  return models.flatMap((m) => {
    const memory = memoryOf(m);
    if (!memory) return [];
    return [`${m.name}: ${memoryLine(memory)}`, ...(memory.generation ? [`${m.name}: ${generationLine(memory.generation, lineTextOf(m))}`] : [])];
  });
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readSource(file: string): string {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new CliError(`${file}: cannot read`);
  }
  const limit = maxFileBytes(file);
  if (st.size > limit) throw new CliError(`${file}: ${Math.round(st.size / 1024 / 1024)} MB is too large to analyze (limit ${limit / 1024 / 1024} MB)`);
  const text = disk().read(file);
  if (text === undefined) throw new CliError(`${file}: cannot read`);
  if (text.includes("\u0000")) throw new CliError(`${file}: binary file, not Python source`);
  return text;
}

const disk = diskFiles;

/**
 * The JSON contract of `analyze --format json` (tools outside the project depend on it). In a notebook, `line` is
 * the line within the cell and `cell` says which (index 1-based, markdown cells counted, and its id).
 */
export function toJson(m: ModelReport, locations = new SourceLocations()): Record<string, unknown> {
  return {
    name: m.name,
    ...locations.json({ file: m.file, line: m.line }),
    entry: m.entry,
    inputs: m.inputs.map((i) => ({ shape: i.shape, dtype: i.dtype })),
    input_source: m.inputSource,
    output: m.output,
    params: m.params,
    trainable_params: m.trainableParams,
    buffers: m.buffers,
    macs: m.macs,
    flops: m.flops,
    complete: m.complete,
    coverage: {
      layers_known: m.coverage.layersKnown,
      layers_total: m.coverage.layersTotal,
      flops_known: m.coverage.flopsKnown,
      flops_estimated_missing: m.coverage.flopsEstimatedMissing,
      flops_share: m.coverage.flopsShare,
      ...(m.coverage.partsUnknown && !m.complete ? { parts_unknown: m.coverage.partsUnknown } : {}),
    },
    unresolved: m.unresolved.map((n) => locations.json(n)),
    ...(m.importNotes ? { import_notes: m.importNotes.map((n) => locations.json(n)) } : {}),
    ...(m.weightsPrecision ? { weights_precision: m.weightsPrecision } : {}),
    ...(m.assumptions ? { assumptions: m.assumptions.map((n) => ({ ...locations.json(n), text: n.text })) } : {}),
    ...(m.needs ? { needs_arguments: { required: m.needs.required, entry: m.needs.entry, prefilled_from: m.needs.prefilledFrom, input: m.needs.input ?? null, input_why: m.needs.inputWhy ?? null } } : {}),
    layers: m.layers.map((l) => ({ path: l.path, type: l.type, ...locations.json({ file: l.file, line: l.line }), params: l.params, ...(l.tiedParams ? { tied_params: l.tiedParams, tied_to: l.tiedTo } : {}), flops: l.flops, output: l.output })),
  };
}

function inputText(m: ModelReport): string {
  return m.inputs.map(formatInputSpec).join(", ") || "-";
}

function textTable(models: ModelReport[], results: AnalysisResult[], locations: SourceLocations): string {
  if (models.length === 0) {
    const notes = results.flatMap((r) => r.notes);
    return `no models found${notes.length ? ` (${notes.join("; ")})` : ""}\n`;
  }
  const rows = models.map((m) => [
    m.name,
    locations.label(m.file, m.line, relative),
    `${inputText(m)} (${m.inputSource})`,
    formatCount(m.params),
    formatFlops(m.flops),
    statusOf(m),
  ]);
  const header = ["model", "where", "input", "params", "FLOPs", "status"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  const text = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  for (const m of models.filter((x) => !x.complete)) {
    for (const n of m.unresolved.slice(0, 3)) text.push(`  ${m.name}: ${locations.label(n.file, n.line, relative)}: ${n.reason}`);
    if (m.needs) text.push(`    try: ${entryCommand(m, locations)}${m.needs.inputWhy ? `   (${m.needs.inputWhy})` : ""}`);
  }
  for (const m of models) for (const n of (m.assumptions ?? []).slice(0, 1)) text.push(`  ${m.name}: ${locations.label(n.file, n.line, relative)}: assumed: ${n.text}`);
  return `${text.join("\n")}\n`;
}

function statusOf(m: ModelReport): string {
  if (m.complete) return "complete";
  return m.needs ? "needs constructor arguments" : partialStatus(m.coverage, m.unresolved.length);
}

/** The `greenlight analyze` command that builds a model needing constructor arguments: its entry (`...` to fill in) and input hint. */
function entryCommand(m: ModelReport, locations: SourceLocations): string {
  const needs = m.needs!;
  const file = locations.label(m.file, m.line, relative).replace(/:\d+$/, "");
  // One --input per forward argument (the hint writes them as the pragma does, `;` between inputs).
  const inputs = needs.input ? needs.input.split(";").map((i) => ` --input ${i.trim()}`).join("") : "";
  return `greenlight analyze ${quote(file)} --entry ${shellWord(needs.entry)}${inputs}`;
}

/** A shell word in single quotes (a Python expression holds parentheses, spaces and quotes). */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

function markdownTable(models: ModelReport[], locations: SourceLocations): string {
  const rows = models.map((m) => `| ${m.name} | \`${locations.label(m.file, m.line, relative)}\` | ${inputText(m)} | ${formatCount(m.params)} | ${formatFlops(m.flops)} | ${statusOf(m)} |`);
  const tries = models.filter((m) => m.needs).map((m) => `- ${m.name} needs ${m.needs!.required.join(", ")}: \`${entryCommand(m, locations)}\`${m.needs!.inputWhy ? ` (${m.needs!.inputWhy})` : ""}`);
  return `| model | where | input | params | FLOPs | status |\n|---|---|---|---:|---:|---|\n${rows.join("\n")}\n${tries.length ? `\n${tries.join("\n")}\n` : ""}`;
}

function relative(file: string): string {
  const cwd = process.cwd();
  return file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file;
}
