import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node, Tree } from "web-tree-sitter";
import { analyzeSource, SyntaxCache } from "../../../../src/core/analyze";
import { lowerModuleLazily } from "../../../../src/core/python/lower";
import { applyTextChanges, treeEditFor, type TextChange } from "../../../../src/core/python/text-changes";
import { findRules } from "../../../../src/core/rules/rules";
import { memoryFiles, testParser } from "../../helpers/analyze";
import { seededRandom } from "../../helpers/seeded-random";

const ROOT = join(__dirname, "../../../..");
const sources = [
  ...readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".py")).map((f) => join(ROOT, "examples", f)),
  ...readdirSync(join(ROOT, "test/fixtures/rules")).filter((f) => f.endsWith(".py")).map((f) => join(ROOT, "test/fixtures/rules", f)),
].map((path) => readFileSync(path, "utf8"));

// What people type, and what trips position arithmetic: astral characters, CRLF, indentation, half-open brackets.
const SNIPPETS = ["", "x", "é", "𝔸", "\n", "\r\n", "\n        ", "(", ")", "]", ":", "    ", "self.extra = nn.Linear(8, 8)\n", "def f(a):\n    return a\n", '"""', "# greenlight: input=[1, 8]\n"];

function randomChange(text: string, random: () => number): TextChange {
  const offset = Math.floor(random() * (text.length + 1));
  const deletedLength = random() < 0.5 ? 0 : Math.min(text.length - offset, Math.floor(random() * 24));
  return { offset, deletedLength, insertedText: SNIPPETS[Math.floor(random() * SNIPPETS.length)] };
}

/** Every node's type and span, in document order: two trees are the same parse when these agree. */
function spans(tree: Tree): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    out.push(`${node.type} ${node.startIndex}-${node.endIndex} ${node.startPosition.row}:${node.startPosition.column}-${node.endPosition.row}:${node.endPosition.column}`);
    for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  return out;
}

/** A lowered file as JSON, positions included; the first pass reads every lazy body (which sets `isGenerator`). */
function wholeSyntax(body: unknown): string {
  JSON.stringify(body);
  return JSON.stringify(body);
}

describe("incremental parsing after recorded edits", () => {
  it("applies changes in order, each to the text the previous one left, and refuses one that does not fit", () => {
    const changes: TextChange[] = [
      { offset: 0, deletedLength: 1, insertedText: "ab" },
      { offset: 2, deletedLength: 0, insertedText: "c" },
    ];
    assert.equal(applyTextChanges("xyz", changes), "abcyz");
    assert.equal(applyTextChanges("xyz", [{ offset: 2, deletedLength: 2, insertedText: "" }]), undefined);
    assert.equal(applyTextChanges("xyz", [{ offset: -1, deletedLength: 0, insertedText: "" }]), undefined);
  });

  it("describes an edit to tree-sitter in code units, rows counted by line feeds", () => {
    const before = "ab\r\n𝔸c\nd";
    // replace "c\nd" (offset 6, after the two code units of 𝔸) by "x\nyz\nw"
    const edit = treeEditFor(before, { offset: 6, deletedLength: 3, insertedText: "x\nyz\nw" });
    assert.deepEqual(
      { ...edit },
      {
        startIndex: 6,
        oldEndIndex: 9,
        newEndIndex: 12,
        startPosition: { row: 1, column: 2 },
        oldEndPosition: { row: 2, column: 1 },
        newEndPosition: { row: 3, column: 1 },
      },
    );
    const insertion = treeEditFor(before, { offset: 1, deletedLength: 0, insertedText: "é" });
    assert.deepEqual([insertion.startPosition, insertion.oldEndPosition, insertion.newEndPosition], [{ row: 0, column: 1 }, { row: 0, column: 1 }, { row: 0, column: 2 }]);
  });

  it("reuses the previous tree and gives exactly the tree and syntax of a fresh parse, over random edits", async () => {
    const parser = await testParser();
    const random = seededRandom(4242);
    const cache = new SyntaxCache();
    let steps = 0;
    let takenOver = 0;
    try {
      for (const [index, source] of sources.entries()) {
        const path = `/project/file_${index}.py`;
        let text = source;
        cache.get(parser, path, text);
        for (let step = 0; step < 12; step++) {
          const previous = text;
          const changes = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({}) as TextChange);
          for (let i = 0; i < changes.length; i++) {
            changes[i] = randomChange(text, random);
            text = applyTextChanges(text, [changes[i]])!;
          }
          cache.recordChanges(path, changes);
          const syntax = cache.get(parser, path, text);
          if (text !== previous) steps++; // an unchanged text is a cache hit, not a parse
          const fresh = parser.parse(text);
          try {
            const cached = cache.lookup(path, text)!;
            assert.deepEqual(spans(cached.tree), spans(fresh), `file ${index}, step ${step}`);
            const freshSyntax = lowerModuleLazily(fresh.copy(), text);
            assert.equal(wholeSyntax(syntax.body), wholeSyntax(freshSyntax.body), `file ${index}, step ${step}`);
            assert.deepEqual(syntax.syntaxErrors, freshSyntax.syntaxErrors);
            freshSyntax.discard();
            takenOver += cache.lookup(path, text)!.syntax.loweredBodies.takenOver;
          } finally {
            fresh.delete();
          }
        }
      }
      assert.equal(cache.parses.incremental, steps, "every edited version re-parsed from its previous tree");
      assert.ok(takenOver > 0, "unchanged function bodies taken over");
    } finally {
      cache.dispose();
    }
  });

  it("lowers again only the function bodies an edit touched; the others are taken over, moved", async () => {
    const parser = await testParser();
    const cache = new SyntaxCache();
    const path = "/project/three.py";
    const method = (name: string, body: string) => `    def ${name}(self, x):\n        def inner(y):\n            return y\n        ${body}\n`;
    const text = `import torch\n\nclass Net(torch.nn.Module):\n${method("a", "return x")}\n${method("b", "return x * 2")}\n${method("c", "return inner(x)")}`;
    const cases: [string, (t: string) => string, number][] = [
      // a and c, and b's `inner`, which ends before the edit; b itself is lowered again
      ["an edit inside b", (t) => t.replace("x * 2", "x * 3 + 1"), 3],
      ["a line added at the top", (t) => `# header\n${t}`, 3],
      ["a line removed above c", (t) => t.replace("\n\n    def c", "\n    def c"), 3],
    ];
    for (const [what, edit, expected] of cases) {
      const before = cache.get(parser, path, text);
      wholeSyntax(before.body);
      const after = edit(text);
      cache.get(parser, path, after);
      const lowered = cache.lookup(path, after)!.syntax;
      const fresh = lowerModuleLazily(parser.parse(after), after);
      assert.equal(wholeSyntax(lowered.body), wholeSyntax(fresh.body), what);
      fresh.discard();
      // each method's body holds `inner`'s: both come over together, counted once
      assert.equal(lowered.loweredBodies.takenOver, expected, what);
      cache.get(parser, path, text); // back to the original for the next case
    }
    cache.dispose();
  });

  it("parses afresh when the recorded edits do not lead to the new text (a missed event), and stays correct", async () => {
    const parser = await testParser();
    const cache = new SyntaxCache();
    const path = "/project/model.py";
    const text = sources[0];
    cache.get(parser, path, text);
    cache.recordChanges(path, [{ offset: 0, deletedLength: 0, insertedText: "# one\n" }]);
    const other = `# two\n${text}`;
    const syntax = cache.get(parser, path, other);
    assert.deepEqual(cache.parses, { incremental: 0, full: 2 });
    const fresh = lowerModuleLazily(parser.parse(other), other);
    assert.equal(wholeSyntax(syntax.body), wholeSyntax(fresh.body));
    fresh.discard();
    cache.dispose();
  });

  it("edits that cannot be right (negative, past the end, fractional, too many) never break a parse", async () => {
    const parser = await testParser();
    const cache = new SyntaxCache();
    const path = "/project/garbage.py";
    let text = sources[1];
    const bad: TextChange[][] = [
      [{ offset: -3, deletedLength: 0, insertedText: "x" }],
      [{ offset: text.length + 10, deletedLength: 1, insertedText: "" }],
      [{ offset: 1.5, deletedLength: 0, insertedText: "y" }],
      [{ offset: Number.NaN, deletedLength: 0, insertedText: "z" }],
      Array.from({ length: 300 }, () => ({ offset: 0, deletedLength: 0, insertedText: "" })),
    ];
    cache.get(parser, path, text);
    for (const [index, changes] of bad.entries()) {
      cache.recordChanges(path, changes);
      text = `# variant ${index}\n${sources[1]}`;
      const syntax = cache.get(parser, path, text);
      const fresh = lowerModuleLazily(parser.parse(text), text);
      assert.equal(wholeSyntax(syntax.body), wholeSyntax(fresh.body), `case ${index}`);
      fresh.discard();
    }
    assert.deepEqual(cache.parses, { incremental: 0, full: 1 + bad.length });
    cache.dispose();
  });

  it("frees a replaced version without lowering its unread bodies; reading one later is a clear error", async () => {
    const parser = await testParser();
    const cache = new SyntaxCache();
    const path = "/project/lazy.py";
    const before = "def unread():\n    return 1\n";
    const old = cache.get(parser, path, before);
    cache.get(parser, path, `${before}x = 2\n`);
    const definition = old.body[0];
    assert.equal(definition.type, "function");
    assert.throws(() => (definition.type === "function" ? definition.body : undefined), /belongs to a version of the file that was replaced/);
    cache.dispose();
  });

  it("analyses of edited text equal analyses from scratch, model for model", async () => {
    const parser = await testParser();
    const random = seededRandom(7);
    const cache = new SyntaxCache();
    for (const [index, source] of sources.slice(0, 4).entries()) {
      const path = `/project/example_${index}.py`;
      let text = source;
      analyzeSource(parser, { file: path, text, root: "/project", files: memoryFiles({ [path]: text }), cache });
      for (let step = 0; step < 5; step++) {
        // Appending a line keeps the models intact more often than random edits, so there is something to compare.
        const change = random() < 0.5 ? { offset: text.length, deletedLength: 0, insertedText: "\nunused = 1\n" } : randomChange(text, random);
        text = applyTextChanges(text, [change])!;
        cache.recordChanges(path, [change]);
        const files = memoryFiles({ [path]: text });
        const incremental = analyzeSource(parser, { file: path, text, root: "/project", files, cache });
        const fromScratch = new SyntaxCache();
        const expected = analyzeSource(parser, { file: path, text, root: "/project", files, cache: fromScratch });
        fromScratch.dispose();
        assert.deepEqual(incremental, expected, `example ${index}, step ${step}`);
      }
    }
    assert.ok(cache.parses.incremental >= 20, `${cache.parses.incremental} incremental parses`);
    cache.dispose();
  });

  it("the rules find the same on the cache's lazily lowered syntax as on their own full lowering", async () => {
    const parser = await testParser();
    const cache = new SyntaxCache();
    let findings = 0;
    for (const [index, text] of sources.entries()) {
      const path = `/project/rules_${index}.py`;
      const analysis = analyzeSource(parser, { file: path, text, root: "/project", files: memoryFiles({ [path]: text }), cache });
      const cached = cache.lookup(path, text)!;
      const withCache = findRules({ file: path, text, tree: cached.tree, syntax: cached.syntax, analysis });
      const tree = parser.parse(text);
      const own = findRules({ file: path, text, tree, analysis });
      tree.delete();
      assert.deepEqual(withCache, own, `file ${index}`);
      findings += own.length;
    }
    assert.ok(findings > 10, `${findings} findings compared`);
    cache.dispose();
  });
});
