import assert from "node:assert/strict";
import { formatPragma, parsePragma, pragmaSettingNear } from "../../../../src/core/pragma/grammar";
import { inputListProblem, parseInputList, parseInputShape } from "../../../../src/core/pragma/input-shapes";
import { pragmaInputs } from "../../../../src/core/interp/input-discovery";
import { parseGeneratePragma } from "../../../../src/core/generation/generation-plan";
import { ignoredRules } from "../../../../src/core/rules/suppression";

describe("the pragma grammar (one home for `# greenlight:` comments)", () => {
  it("reads keywords, rule lists and settings in any order", () => {
    const p = parsePragma("x = f(x)  # greenlight: config=./cfg.json ignore[gl001, GL004] input=1x3x32x32, 1x10 entry=Net(10)")!;
    assert.deepEqual([...(p.ignore as Set<string>)], ["GL001", "GL004"]);
    assert.equal(p.settings.get("config"), "./cfg.json");
    assert.equal(p.settings.get("input"), "1x3x32x32, 1x10");
    assert.equal(p.settings.get("entry"), "Net(10)");
    assert.equal(p.ignoreFile, undefined);
    assert.equal(p.generate, false);
  });

  it("is not a pragma without the prefix, and a later comment is not part of a value", () => {
    assert.equal(parsePragma("# greenlight ignore"), undefined);
    assert.equal(parsePragma("# just a comment"), undefined);
    assert.equal(parsePragma("# greenlight: input = 1x8:int64  # token ids")!.settings.get("input"), "1x8:int64");
    assert.deepEqual(parsePragma("# greenlight: ignored")!.unknown, ["ignored"]);
    assert.equal(ignoredRules("# greenlight: ignored"), undefined);
  });

  it("keeps an entry's keyword arguments in its value: items start only outside brackets", () => {
    const p = parsePragma("# greenlight: entry=Net(width=64, depth=2, name=\"a b=c\") input=1x3x32x32")!;
    assert.equal(p.settings.get("entry"), 'Net(width=64, depth=2, name="a b=c")');
    assert.equal(p.settings.get("input"), "1x3x32x32");
    assert.deepEqual(parsePragma(formatPragma(p)), p);
    // An apostrophe outside brackets quotes nothing: the next setting still starts.
    const prompt = parsePragma("# greenlight: generate prompt=it's new=20")!;
    assert.equal(prompt.settings.get("prompt"), "it's");
    assert.equal(prompt.settings.get("new"), "20");
  });

  it("formats what it parses back to an equal pragma", () => {
    const text = "# greenlight: ignore-file[GL003] ignore generate prompt=512 new=64";
    const p = parsePragma(text)!;
    assert.equal(formatPragma(p), text);
    assert.deepEqual(parsePragma(formatPragma(p)), p);
  });

  it("reads a setting that is not the first on its line (the core used to miss `config=... input=...`)", () => {
    const comments = new Map([[3, "# greenlight: config=cfg.json input=2x16:int64"]]);
    assert.deepEqual(pragmaInputs(comments, 4), [{ shape: [2, 16], dtype: "int64" }]);
    assert.equal(pragmaSettingNear(comments, 4, "config"), "cfg.json");
    assert.equal(pragmaSettingNear(new Map([[1, "# greenlight: input=1x3"]]), 5, "input"), undefined, "too far above");
  });

  it("has one input grammar for the pragma, the CLI and the editor's box", () => {
    assert.deepEqual(parseInputList("1x3x32x32;1x10"), [{ shape: [1, 3, 32, 32], dtype: "float32" }, { shape: [1, 10], dtype: "float32" }]);
    assert.deepEqual(parseInputList("1,3,224,224"), [{ shape: [1, 3, 224, 224], dtype: "float32" }], "commas inside one shape");
    assert.deepEqual(parseInputShape("1x128:long"), { shape: [1, 128], dtype: "int64" });
    // what the analyzer cannot use, the editor's box refuses, with the analyzer's reason
    assert.match(inputListProblem("1x3:float16")!, /bad dtype 'float16'/);
    assert.match(inputListProblem("1x0")!, /positive/);
    assert.match(inputListProblem("big")!, /not a shape/);
    assert.equal(inputListProblem("1x3x224x224"), undefined);
  });

  it("reads generation settings after the keyword and refuses unknown ones", () => {
    const plan = parseGeneratePragma("# greenlight: generate prompt=128 new=32 beams=2", 7)!;
    assert.equal(plan.promptTokens?.value, 128);
    assert.equal(plan.newTokens?.value, 32);
    assert.equal(plan.beams?.value, 2);
    assert.equal(parseGeneratePragma("# greenlight: input=1x3", 1), undefined);
    assert.throws(() => parseGeneratePragma("# greenlight: generate new=0", 1), /bad generate setting 'new=0'/);
  });
});
