import { analyzeSource, type AnalysisResult, type AnalyzeRequest, type WorkspaceFiles } from "../../../src/core/analyze";
import { createPythonParser, type PythonParser } from "../../../src/core/python/parser";
import type { ModelReport } from "../../../src/core/report/model-report";
import { readParserWasm } from "../../../src/node/wasm";
import { join } from "node:path";

let parser: Promise<PythonParser> | undefined;

/** The real tree-sitter parser, loaded once for all tests. */
export function testParser(): Promise<PythonParser> {
  parser ??= createPythonParser(readParserWasm(join(__dirname, "../../../node_modules")));
  return parser;
}

/** Workspace files held in memory: path → text. */
export function memoryFiles(files: Record<string, string>): WorkspaceFiles {
  return {
    read: (p) => files[p],
    exists: (p) => p in files,
    listPython: (dir) => Object.keys(files).filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes("/") && p.endsWith(".py")),
  };
}

/** Analyzes main.py (or the named file) of an in-memory project. */
export async function analyze(text: string, options: Partial<AnalyzeRequest> & { others?: Record<string, string> } = {}): Promise<AnalysisResult> {
  const file = options.file ?? "/project/main.py";
  const files = memoryFiles({ ...(options.others ?? {}), [file]: text });
  return analyzeSource(await testParser(), { file, text, root: "/project", files, ...options });
}

/** The one model of a file, failing the test when there is not exactly one. */
export async function onlyModel(text: string, options: Parameters<typeof analyze>[1] = {}): Promise<ModelReport> {
  const result = await analyze(text, options);
  if (result.models.length !== 1) throw new Error(`expected one model, found ${result.models.map((m) => m.name).join(", ") || "none"} (${result.notes.join("; ")})`);
  return result.models[0];
}

/** A model by name. */
export function modelNamed(result: AnalysisResult, name: string): ModelReport {
  const m = result.models.find((x) => x.name === name);
  if (!m) throw new Error(`no model ${name}; found ${result.models.map((x) => x.name).join(", ")}`);
  return m;
}
