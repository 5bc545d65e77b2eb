import * as vscode from "vscode";
import { createPythonParser, type PythonParser } from "../core/python/parser";

/** Why the parser could not be loaded, in words for a status message. */
export class ParserUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParserUnavailable";
  }
}

/**
 * Loads tree-sitter and the Python grammar from the extension's own dist/ through workspace.fs, so the same code
 * works on disk, in remote hosts and in the browser (vscode-anycode does the same).
 */
export async function loadPythonParser(extensionUri: vscode.Uri): Promise<PythonParser> {
  // Looked up on globalThis: some web hosts have no WebAssembly, and the core's lib has no type for it.
  const webAssembly = (globalThis as { WebAssembly?: { instantiate?: unknown } }).WebAssembly;
  if (typeof webAssembly !== "object" || typeof webAssembly.instantiate !== "function") {
    throw new ParserUnavailable("this host has no WebAssembly, so Greenlight cannot parse Python here");
  }
  const read = (name: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, "dist", name));
  const [runtime, grammar] = await Promise.all([read("web-tree-sitter.wasm"), read("tree-sitter-python.wasm")]);
  return createPythonParser({ runtime, grammar });
}
