import { Language, Parser, type Tree } from "web-tree-sitter";

/** The bytes a host hands in: web-tree-sitter's runtime and the Python grammar, both as .wasm. */
export interface ParserWasm {
  runtime: Uint8Array;
  grammar: Uint8Array;
}

/** A Python parser backed by tree-sitter; one per host, reused for every file. */
export interface PythonParser {
  parse(text: string, previous?: Tree): Tree;
}

let initialised: Promise<Language> | undefined;

/** Loads tree-sitter and the Python grammar from bytes (no file or network access here), once per process. */
export async function createPythonParser(wasm: ParserWasm): Promise<PythonParser> {
  initialised ??= (async () => {
    // Handing in the bytes avoids web-tree-sitter's own file lookup, which breaks in bundles (import.meta.url).
    await Parser.init({ wasmBinary: wasm.runtime } as object);
    return Language.load(wasm.grammar);
  })();
  const language = await initialised;
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(text, previous) {
      const tree = parser.parse(text, previous ?? null);
      if (!tree) throw new Error("tree-sitter returned no tree");
      return tree;
    },
  };
}
