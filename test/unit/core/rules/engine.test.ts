import assert from "node:assert/strict";
import { applyEdits } from "../../../../src/core/rules/apply-edits";
import { ruleDefinitions } from "../../../../src/core/rules/rules";
import { SourceText } from "../../../../src/core/rules/source-text";
import { ignoredRules } from "../../../../src/core/rules/suppression";
import { findingsOf, fixture, ofRule } from "./helpers";

describe("rules engine", () => {
  it("every rule has an id, a title, a rationale, fix kinds, and a default severity that is never error", () => {
    assert.deepEqual(ruleDefinitions.map((r) => r.id), ["GL001", "GL002", "GL003", "GL004", "GL005", "GL006"]);
    for (const r of ruleDefinitions) {
      assert.ok(r.title.length > 10 && r.rationale.length > 80, r.id);
      assert.ok(r.fixKinds.length > 0, r.id);
      assert.equal(r.defaultSeverity, "information");
      assert.match(r.helpUri, /^https:\/\/.*#gl00\d$/);
    }
  });

  it("comments silence findings: ignore[GL001] above the class, ignore[GL004] on the line, a bare ignore above the line", async () => {
    const text = fixture("suppressed.py");
    assert.deepEqual(await findingsOf(text), []);
    // Without the comments, the same code has all three findings: the comments are what silences them.
    const bare = text.replace(/ {2}# greenlight: ignore\[GL004\]/, "").replace(/^# greenlight: ignore.*\n/gm, "");
    const found = (await findingsOf(bare)).map((f) => f.rule).sort();
    assert.deepEqual(found, ["GL001", "GL002", "GL004"]);
    // An ignore for another rule silences nothing.
    const other = text.replace("ignore[GL001]", "ignore[GL003]");
    assert.deepEqual((await findingsOf(other)).map((f) => f.rule), ["GL001"]);
  });

  it("parses ignore comments: lists, spacing, case, and not look-alikes", () => {
    assert.equal(ignoredRules("# greenlight: ignore"), "all");
    assert.deepEqual([...(ignoredRules("#greenlight:ignore[gl001, GL004]") as Set<string>)], ["GL001", "GL004"]);
    assert.equal(ignoredRules("# greenlight: input=1x3"), undefined);
    assert.equal(ignoredRules("# greenlight: ignored"), undefined);
  });

  it("severity per rule is a setting; off disables a rule; error is lowered to warning", async () => {
    const text = fixture("inference_script.py");
    const off = await findingsOf(text, { severities: { GL001: "off" } });
    assert.equal(ofRule(off, "GL001").length, 0);
    assert.ok(ofRule(off, "GL002").length > 0);
    const loud = await findingsOf(text, { severities: { GL002: "warning", GL004: "error" as never } });
    assert.equal(ofRule(loud, "GL002")[0].severity, "warning");
    assert.equal(ofRule(loud, "GL004")[0].severity, "warning");
    assert.equal(ofRule(loud, "GL001")[0].severity, "information");
  });

  it("a bad pruning amount falls back to the default 0.3", async () => {
    const findings = await findingsOf(fixture("inference_script.py"), { pruneAmount: 7 });
    const prune = ofRule(findings, "GL001")[0].fixes.find((f) => f.kind === "prune-l1")!;
    assert.match(prune.edits.map((e) => e.newText).join(""), /amount=0\.3\)/);
  });

  it("findings carry 1-based line/column and the same place 0-based for the editor", async () => {
    const [f] = ofRule(await findingsOf(fixture("inference_script.py")), "GL001");
    assert.equal(f.line, f.range.start.line + 1);
    assert.equal(f.column, f.range.start.character + 1);
    assert.equal(f.column, 5);
    assert.equal(f.endLine, f.line, "one line at most");
  });

  it("never crashes on broken or odd input", async () => {
    for (const text of ["", "def (:\n", "class X(nn.Module:\n  pass", "\ufeffimport torch\n", "x = 1\r\ny = 2", "model = Net(\n"]) {
      assert.ok(Array.isArray(await findingsOf(text)));
    }
  });
});

describe("applyEdits and SourceText", () => {
  it("applies edits against the original text in any order; insertions at one place keep their order", () => {
    const text = "ab\ncd\n";
    const edits = [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: "X" },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "1" },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "2" },
    ];
    assert.equal(applyEdits(text, edits), "12ab\nXd\n");
  });

  it("rejects overlapping edits and positions outside the text with a clear error", () => {
    const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
    assert.throws(() => applyEdits("abcdef", [{ range: r(0, 0, 0, 3), newText: "" }, { range: r(0, 2, 0, 4), newText: "" }]), /overlap/);
    assert.throws(() => applyEdits("ab\n", [{ range: r(5, 0, 5, 0), newText: "x" }]), /outside the text/);
    assert.throws(() => applyEdits("ab\r\n", [{ range: r(0, 3, 0, 3), newText: "x" }]), /past the end of its line/);
  });

  it("detects CRLF, tabs and the indentation width", () => {
    assert.equal(new SourceText("a\r\nb\r\n").eol, "\r\n");
    assert.equal(new SourceText("a\nb\n").eol, "\n");
    assert.equal(new SourceText("if x:\n\ty = 1\n").indentUnit, "\t");
    assert.equal(new SourceText("def f():\n  if x:\n    y = 1\n  return 2\n").indentUnit, "  ");
    assert.equal(new SourceText("x = 1\n").indentUnit, "    ", "no blocks: PEP 8's four spaces");
  });

  it("counts characters in UTF-16 code units, like the editor and tree-sitter", () => {
    const s = new SourceText("s = '😀'\nx = 1\n");
    assert.deepEqual(s.positionAt(s.text.indexOf("x")), { line: 1, character: 0 });
    assert.equal(s.lineText(0).length, 8);
  });
});
