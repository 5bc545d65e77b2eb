import * as assert from "assert";
import { readFileSync } from "fs";
import * as path from "path";

// The TextMate injection that highlights `# greenlight:` pragmas. Its patterns use no Oniguruma-only syntax, so
// JavaScript's RegExp reads them the same way VS Code's tokenizer does.
const root = path.join(__dirname, "../../..");
const grammar = JSON.parse(readFileSync(path.join(root, "syntaxes/greenlight-pragma.tmLanguage.json"), "utf8"));
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

describe("pragma grammar injection (syntaxes/)", () => {
  it("is contributed as an injection into Python comments", () => {
    const entry = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
    assert.ok(entry, "listed in contributes.grammars");
    assert.deepStrictEqual(entry.injectTo, ["source.python"]);
    assert.ok(grammar.injectionSelector.includes("comment.line.number-sign.python"));
  });

  it("matches the keyword and each setting of a pragma", () => {
    const pragma = new RegExp(grammar.repository.pragma.match);
    const found = pragma.exec("# greenlight: input=1x3x224x224 ignore[GL001,GL004]");
    assert.ok(found);
    assert.strictEqual(found[1], "greenlight");
    assert.strictEqual(found[3].trim(), "input=1x3x224x224 ignore[GL001,GL004]");
    const [assignment, bracket] = grammar.repository.setting.patterns.map((p: { match: string }) => new RegExp(p.match));
    assert.deepStrictEqual(assignment.exec(found[3])!.slice(1, 4), ["input", "=", "1x3x224x224"]);
    assert.deepStrictEqual(bracket.exec(found[3])!.slice(1, 5), ["ignore", "[", "GL001,GL004", "]"]);
  });

  it("matches the file-wide ignore-file[...] as one setting", () => {
    const pragma = new RegExp(grammar.repository.pragma.match);
    const found = pragma.exec("# greenlight: ignore-file[GL002]")!;
    assert.strictEqual(found[3].trim(), "ignore-file[GL002]");
    const bracket = new RegExp(grammar.repository.setting.patterns[1].match);
    assert.deepStrictEqual(bracket.exec(found[3])!.slice(1, 4), ["ignore-file", "[", "GL002"]);
  });

  it("leaves ordinary comments alone", () => {
    const pragma = new RegExp(grammar.repository.pragma.match);
    assert.strictEqual(pragma.exec("# this model is green lighted: yes"), null);
  });
});
