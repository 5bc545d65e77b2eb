// The design's layers hold only if no module reaches itself through its imports: a cycle (type imports included,
// as they tie the layers' meanings together) fails here with its files named.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const srcRoot = path.resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

/** Relative imports and re-exports of a file, resolved to files of `src/` (what tsc's pre-processor finds). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  const out: string[] = [];
  for (const ref of info.importedFiles) {
    if (!ref.fileName.startsWith(".")) continue;
    const base = path.resolve(path.dirname(file), ref.fileName).replace(/\.js$/, "");
    const target = [`${base}.ts`, path.join(base, "index.ts")].find((c) => fs.existsSync(c));
    if (target) out.push(target);
  }
  return out;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan, 1972). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe("import structure of src/", () => {
  it("finds a cycle when there is one (the check can fail)", () => {
    const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
    assert.deepEqual(importCycles(graph), [["a", "b", "c"]]);
    assert.deepEqual(importCycles(new Map([["a", ["b"]], ["b", []]])), []);
  });

  it("has no import cycle, type imports included", () => {
    const graph = new Map(sourceFiles(srcRoot).map((f) => [f, importsOf(f)]));
    assert.ok(graph.size > 100, `read ${graph.size} files`);
    const cycles = importCycles(graph).map((c) => c.map((f) => path.relative(srcRoot, f)).join(" → "));
    assert.deepEqual(cycles, [], `import cycles:\n${cycles.join("\n")}`);
  });
});
