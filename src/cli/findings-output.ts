import { relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { AnalysisResult, SyntaxCache } from "../core/analyze";
import type { PythonParser } from "../core/python/parser";
import { findRules } from "../core/rules/rules";
import { VERSION } from "./version";
import type { Finding, FindingSeverity, RuleDefinition, RuleSettings } from "../core/rules/types";

/**
 * Runs the rules on one analyzed file, on the analysis's own tree and lowered syntax when the syntax cache still
 * holds them (else parsing the text once more).
 */
export function collectFindings(
  parser: PythonParser,
  file: string,
  text: string,
  analysis: AnalysisResult | undefined,
  settings?: Partial<RuleSettings>,
  cache?: SyntaxCache,
): Finding[] {
  const cached = cache?.lookup(file, text);
  const tree = cached?.tree ?? parser.parse(text);
  try {
    return findRules({ file, text, tree, syntax: cached?.syntax, analysis, settings });
  } finally {
    if (!cached) tree.delete();
  }
}

/** The `findings` array of `analyze --format json` (issue 5's contract; ranges 0-based like LSP, line/column 1-based). */
export function findingsToJson(findings: readonly Finding[]): Record<string, unknown>[] {
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    end_line: f.endLine,
    end_column: f.endColumn,
    message: f.message,
    // A notebook's finding: the cell it is in (its lines are the cell's), and the cell each fix edits.
    ...cellOf(f),
    fixes: f.fixes.map((x) => ({ kind: x.kind, title: x.title, ...cellOf(x), edits: x.edits.map((e) => ({ file: e.file, range: e.range, newText: e.newText })) })),
  }));
}

function cellOf(located: object): { cell?: unknown } {
  return "cell" in located ? { cell: located.cell } : {};
}

const SARIF_LEVEL: Record<FindingSeverity, "note" | "warning"> = { hint: "note", information: "note", warning: "warning" };

/** The URI SARIF viewers resolve: relative to the root (code scanning's %SRCROOT%) when inside it, else file://. */
function artifactUri(file: string, root: string | undefined): { uri: string; uriBaseId?: string } {
  if (root !== undefined) {
    const rel = relative(root, file);
    if (rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel)) {
      return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
    }
  }
  return { uri: pathToFileURL(file).href };
}

/**
 * SARIF 2.1.0 for code scanning: one run of the `greenlight` driver with every rule, one result per finding, and
 * each fix as artifact changes (SARIF regions are 1-based, end column exclusive).
 */
export function toSarif(
  findings: readonly Finding[],
  rules: readonly RuleDefinition[],
  options: { root?: string; notebookPlace?: (f: Finding) => NotebookPlace | undefined } = {},
): Record<string, unknown> {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "greenlight",
            informationUri: "https://github.com/greenlight-energy/greenlight",
            version: VERSION,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : "")).replace(/^./, (c) => c.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: r.rationale },
              helpUri: r.helpUri,
              help: { text: r.rationale },
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: findings.map((f) => sarifResult(f, options.notebookPlace?.(f))),
      },
    ],
  };

  function sarifResult(f: Finding, notebook: NotebookPlace | undefined): Record<string, unknown> {
    return {
      ruleId: f.rule,
      ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactUri(f.file, options.root),
            region: notebook?.region ?? { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      ...(notebook ? { properties: { cell: notebook.cell } } : {}),
      // A notebook's fixes edit a cell's source, not bytes of the .ipynb a SARIF replacement could name.
      fixes: notebook
        ? []
        : f.fixes.map((x) => ({
            description: { text: x.title },
            artifactChanges: groupByFile(x.edits).map(([file, edits]) => ({
              artifactLocation: artifactUri(file, options.root),
              replacements: edits.map((e) => ({
                deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
                insertedContent: { text: e.newText },
              })),
            })),
          })),
    };
  }
}

/** A notebook finding's place for SARIF: the .ipynb line that holds it, and the cell with the finding's range in it. */
export interface NotebookPlace {
  region: { startLine: number };
  cell: { index: number; id?: string; line: number; column: number; endLine: number; endColumn: number };
}

function groupByFile<T extends { file: string }>(edits: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const e of edits) groups.set(e.file, [...(groups.get(e.file) ?? []), e]);
  return [...groups];
}
