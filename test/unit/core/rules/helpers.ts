import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyEdits } from "../../../../src/core/rules/apply-edits";
import { findRules } from "../../../../src/core/rules/rules";
import type { Finding, RuleId, RuleSettings } from "../../../../src/core/rules/types";
import type { RuleInput } from "../../../../src/core/rules/rule-context";
import { analyzeSource, SyntaxCache } from "../../../../src/core/analyze";
import { analyze, memoryFiles, testParser } from "../../helpers/analyze";

export const FILE = "/project/main.py";

/** A small model with a Dropout (train/eval differ): the subject of the GL002/GL005 tests. */
export const NET = `import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.drop = nn.Dropout(0.1)

    def forward(self, x):
        return self.fc(self.drop(x))


`;


/** A fixture of test/fixtures/rules. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, "../../../fixtures/rules", name), "utf8");
}

/** Findings of a text, with the real analyzer and the real tree-sitter parser. */
export async function findingsOf(text: string, settings?: Partial<RuleSettings>, estimateEnergy?: RuleInput["estimateEnergy"]): Promise<Finding[]> {
  const analysis = await analyze(text, { file: FILE });
  const tree = (await testParser()).parse(text);
  try {
    return findRules({ file: FILE, text, tree, analysis, settings, estimateEnergy });
  } finally {
    tree.delete();
  }
}

/** Findings of main.py in a project that also holds `others` (path → text), which its imports may reach. */
export async function findingsInProject(text: string, others: Record<string, string>): Promise<Finding[]> {
  const analysis = await analyze(text, { file: FILE, others });
  const tree = (await testParser()).parse(text);
  try {
    return findRules({ file: FILE, text, tree, analysis });
  } finally {
    tree.delete();
  }
}

/** A synchronous findings reader (for fixAll), once the parser is loaded. */
export async function findingsReader(settings?: Partial<RuleSettings>): Promise<(text: string) => Finding[]> {
  const parser = await testParser();
  return (text) => {
    const analysis = analyzeSource(parser, { file: FILE, text, root: "/project", files: memoryFiles({ [FILE]: text }), cache: new SyntaxCache() });
    const tree = parser.parse(text);
    try {
      return findRules({ file: FILE, text, tree, analysis, settings });
    } finally {
      tree.delete();
    }
  };
}

export async function hasSyntaxError(text: string): Promise<boolean> {
  const tree = (await testParser()).parse(text);
  try {
    return tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

export function ofRule(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/**
 * Applies one fix (the first finding of `rule` offering `kind`) and checks what every fix must guarantee: the result
 * parses, that finding is gone (or, for layers the fix does not reach, stays without this fix), and fixing again changes nothing. Returns the fixed text.
 */
export async function fixAndCheck(text: string, rule: RuleId, kind: string, settings?: Partial<RuleSettings>): Promise<string> {
  const before = ofRule(await findingsOf(text, settings), rule);
  const finding = before.find((f) => f.fixes.some((x) => x.kind === kind));
  assert.ok(finding, `no ${rule} finding offers ${kind}; found ${before.map((f) => `${f.line}:${f.fixes.map((x) => x.kind)}`).join("; ")}`);
  const fix = finding.fixes.find((x) => x.kind === kind)!;
  const after = applyEdits(text, fix.edits);
  assert.notEqual(after, text, "the fix changed nothing");
  assert.equal(await hasSyntaxError(after), false, `the fixed text does not parse:\n${after}`);
  const remaining = ofRule(await findingsOf(after, settings), rule);
  // The finding is gone, or it stays (GL001: layers no fix has reached yet) and no longer offers this fix.
  const offering = (list: Finding[]) => list.filter((f) => f.fixes.some((x) => x.kind === kind)).length;
  assert.ok(remaining.length === before.length - 1 || (remaining.length === before.length && offering(remaining) === offering(before) - 1), `the finding is still there after the fix, offering it again:\n${after}`);
  // Idempotence: whatever the rule still offers for this kind, it is not at the place just fixed.
  // Identical code can hold identical findings: those like this one must be one fewer afterwards.
  const lineOf = (t: string, line: number) => t.split(/\r?\n/)[line - 1];
  const like = (t: string, list: Finding[]) => list.filter((f) => f.message === finding.message && lineOf(t, f.line) === lineOf(text, finding.line) && f.fixes.some((x) => x.kind === kind)).length;
  assert.equal(like(after, remaining), like(text, before) - 1, "fixing again would apply the same fix twice");
  return after;
}

/** The same text indented with tabs instead of 4 spaces. */
export function withTabs(text: string): string {
  return text.replace(/^((?: {4})+)/gm, (m) => "\t".repeat(m.length / 4));
}

export function withCrlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/** Every line ending is CRLF (no bare LF left). */
export function assertAllCrlf(text: string): void {
  assert.equal(/(^|[^\r])\n/.test(text), false, "a bare LF line ending slipped in");
}

export function countOccurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}
