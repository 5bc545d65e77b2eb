import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ParserWasm } from "../core/python/parser";

// The bundles ship the .wasm files beside themselves (esbuild.mjs copies them); from sources, node_modules has them.
const candidates = (dir: string) => [
  { runtime: join(dir, "web-tree-sitter.wasm"), grammar: join(dir, "tree-sitter-python.wasm") },
  {
    runtime: join(dir, "../node_modules/web-tree-sitter/web-tree-sitter.wasm"),
    grammar: join(dir, "../node_modules/tree-sitter-python/tree-sitter-python.wasm"),
  },
  {
    runtime: join(dir, "../../node_modules/web-tree-sitter/web-tree-sitter.wasm"),
    grammar: join(dir, "../../node_modules/tree-sitter-python/tree-sitter-python.wasm"),
  },
];

/** Reads tree-sitter's runtime and the Python grammar from beside the bundle (or node_modules in development). */
export function readParserWasm(baseDir: string = moduleDir()): ParserWasm {
  for (const c of candidates(baseDir)) {
    if (existsSync(c.runtime) && existsSync(c.grammar)) {
      return { runtime: readFileSync(c.runtime), grammar: readFileSync(c.grammar) };
    }
  }
  throw new Error(`tree-sitter .wasm files not found near ${baseDir}`);
}

function moduleDir(): string {
  // CommonJS bundles have __dirname; tsx-run ESM sources fall back to the working directory's dist/.
  if (typeof __dirname === "string") return __dirname;
  return join(process.cwd(), "dist");
}

export { dirname };
