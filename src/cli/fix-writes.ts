import { createHash, randomBytes } from "node:crypto";
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { PythonParser } from "../core/python/parser";
import { CliError } from "./cli-io";

// What `greenlight fix` checks before it writes, and how it writes: the same for .py files and notebooks.

/** Test seams: called after the new text is written to the temporary file, before the final check and rename. */
export interface FixHooks {
  beforeRename?: (file: string) => void;
}

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** True when the new text has a syntax error the old one did not have. */
export function breaksParsing(parser: PythonParser, before: string, after: string): boolean {
  const a = parser.parse(before);
  const b = parser.parse(after);
  const broke = b.rootNode.hasError && !a.rootNode.hasError;
  a.delete();
  b.delete();
  return broke;
}

/** Writes beside the file, then renames over it, unless the file's content changed since it was read. */
export function writeAtomically(file: string, text: string, readHash: string, mode: number, hooks: FixHooks): void {
  const temp = join(dirname(file), `.${basename(file)}.greenlight-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(temp, "wx", mode & 0o777);
  let renamed = false;
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, mode & 0o7777);
    hooks.beforeRename?.(file);
    let current: Buffer;
    try {
      current = readFileSync(file);
    } catch {
      throw new CliError(`${file} disappeared while fixing; nothing written`, 1);
    }
    if (sha256(current) !== readHash) throw new CliError(`${file} changed since it was read; nothing written (run the fix again)`, 1);
    renameSync(temp, file);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
  }
}
