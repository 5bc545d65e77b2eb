import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSource, type AnalysisResult } from "../../../src/core/analyze";
import { diskFiles } from "../../../src/node/disk-files";
import { testParser } from "./analyze";

/** A real folder tree in the temp folder, analyzed as the CLI reads the disk: for rules that list the workspace's folders. */
export interface WorkspaceFolder {
  root: string;
  /** Writes an empty file (its folders made) at a path under the root. */
  put(path: string): void;
  /** Writes files beside train.py, then analyzes train.py holding `text`. */
  analyze(text: string, others?: Record<string, string>): Promise<AnalysisResult>;
  remove(): void;
}

/** A fresh workspace folder named with `prefix`. */
export function workspaceFolder(prefix: string): WorkspaceFolder {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    put: (path) => {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), "");
    },
    analyze: async (text, others = {}) => {
      for (const [name, body] of Object.entries(others)) writeFileSync(join(root, name), body);
      const file = join(root, "train.py");
      writeFileSync(file, text);
      return analyzeSource(await testParser(), { file, text, root, files: diskFiles() });
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
