import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { applyEdits } from "../../../../src/core/rules/apply-edits";
import { assertAllCrlf, findingsOf, fixture, hasSyntaxError, withCrlf, withTabs } from "./helpers";

const fixtures = readdirSync(join(__dirname, "../../../fixtures/rules")).filter((n) => n.endsWith(".py")).sort();

describe("every fix on every fixture, in every style", () => {
  for (const name of fixtures) {
    for (const [style, transform] of [
      ["spaces, LF", (t: string) => t],
      ["tabs, CRLF", (t: string) => withCrlf(withTabs(t))],
      ["2 spaces, LF", (t: string) => t.replace(/^((?: {4})+)/gm, (m) => " ".repeat(m.length / 2))],
    ] as [string, (t: string) => string][]) {
      it(`${name} (${style})`, async () => {
        const text = transform(fixture(name));
        const findings = await findingsOf(text);
        for (const finding of findings) {
          for (const fix of finding.fixes) {
            const where = `${finding.rule}:${finding.line} ${fix.kind}`;
            const after = applyEdits(text, fix.edits);
            assert.equal(await hasSyntaxError(after), false, `${where} breaks parsing:\n${after}`);
            if (style.includes("CRLF")) assertAllCrlf(after);
            // Every line a fix adds is indented like the file: tabs in a tab file, a multiple of the width otherwise.
            const added = after.split(/\r?\n/).filter((l) => !text.split(/\r?\n/).includes(l));
            for (const line of added) {
              const indent = /^[ \t]*/.exec(line)![0];
              if (style.startsWith("tabs")) assert.equal(indent.includes(" "), false, `${where}: space indentation in a tab file: ${JSON.stringify(line)}`);
              if (style.startsWith("2 spaces")) assert.equal(indent.includes("\t") || indent.length % 2 !== 0, false, `${where}: ${JSON.stringify(line)}`);
            }
            // The finding is gone, or (GL001, layers the fix does not reach) it stays without this fix.
            const offering = (list: typeof findings) => list.filter((f) => f.rule === finding.rule && f.fixes.some((x) => x.kind === fix.kind)).length;
            const remaining = await findingsOf(after);
            assert.equal(offering(remaining), offering(findings) - 1, `${where}: the fix is still offered as often`);
            const stays = remaining.filter((f) => f.rule === finding.rule).length === findings.filter((f) => f.rule === finding.rule).length;
            if (stays) assert.equal(finding.rule, "GL001", `${where}: the finding stays`);
          }
        }
      });
    }
  }
});
