import assert from "node:assert/strict";
import { applyEdits } from "../../../../src/core/rules/apply-edits";
import { fileIgnoredRules, ignoreInFileEdit, ignoreOnLineEdit } from "../../../../src/core/rules/suppression";
import { FILE, findingsOf, fixture, ofRule, withCrlf } from "./helpers";

describe("disable a rule for a line or a file (the quick fixes' edits)", () => {
  it("'for this line' silences that finding only, and a second rule joins the same comment", async () => {
    const text = fixture("inference_script.py");
    const before = await findingsOf(text);
    const [gl002] = ofRule(before, "GL002");
    const once = applyEdits(text, [ignoreOnLineEdit(text, gl002.range.start.line, "GL002", FILE)]);
    const after = await findingsOf(once);
    assert.equal(ofRule(after, "GL002").length, ofRule(before, "GL002").length - 1);
    assert.deepEqual(ofRule(after, "GL001").length, ofRule(before, "GL001").length, "other rules still report");
    const inserted = once.split("\n")[gl002.range.start.line];
    assert.match(inserted, /^\s*# greenlight: ignore\[GL002\]$/);
    assert.equal(/^\s*/.exec(inserted)![0], /^\s*/.exec(text.split("\n")[gl002.range.start.line])![0], "same indentation");
    // Another rule on the line below the comment joins its list instead of stacking comments.
    const twice = applyEdits(once, [ignoreOnLineEdit(once, gl002.range.start.line + 1, "GL004", FILE)]);
    assert.match(twice.split("\n")[gl002.range.start.line], /# greenlight: ignore\[GL002, GL004\]$/);
    assert.equal(twice.split("\n").length, once.split("\n").length);
  });

  it("'for this file' silences the rule everywhere, keeps CRLF, and goes below a shebang", async () => {
    const text = withCrlf(`#!/usr/bin/env python\n${fixture("inference_script.py")}`);
    assert.ok(ofRule(await findingsOf(text), "GL001").length > 0);
    const edited = applyEdits(text, [ignoreInFileEdit(text, "GL001", FILE)]);
    assert.equal(edited.split("\r\n")[1], "# greenlight: ignore-file[GL001]");
    assert.ok(!/[^\r]\n/.test(edited), "no bare LF in a CRLF file");
    const findings = await findingsOf(edited);
    assert.equal(ofRule(findings, "GL001").length, 0);
    assert.ok(findings.length > 0, "other rules still report");
    const both = applyEdits(edited, [ignoreInFileEdit(edited, "GL002", FILE)]);
    assert.equal(both.split("\r\n")[1], "# greenlight: ignore-file[GL001, GL002]");
  });

  it("parses ignore-file, and a line ignore is not a file ignore", () => {
    assert.deepEqual([...(fileIgnoredRules("# greenlight: ignore-file[gl001]") as Set<string>)], ["GL001"]);
    assert.equal(fileIgnoredRules("# greenlight: ignore-file"), "all");
    assert.equal(fileIgnoredRules("# greenlight: ignore[GL001]"), undefined);
  });
});
