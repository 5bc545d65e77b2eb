import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CliError } from "../../../../src/cli/cli-io";
import { runAnalyze } from "../../../../src/cli/commands/analyze";
import { runFix } from "../../../../src/cli/commands/fix";
import { findingsToJson, toSarif } from "../../../../src/cli/findings-output";
import { ruleDefinitions } from "../../../../src/core/rules/rules";
import { findingsOf, fixture, hasSyntaxError, withCrlf } from "../../core/rules/helpers";

function collector() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe("findings output", () => {
  it("JSON: the contract's fields for each finding and fix", async () => {
    const json = findingsToJson(await findingsOf(fixture("inference_script.py")));
    assert.ok(json.length >= 3);
    for (const f of json) {
      for (const k of ["rule", "severity", "file", "line", "column", "message", "fixes"]) assert.ok(k in f, k);
      const fixes = f.fixes as { title: string; edits: { file: string; range: unknown; newText: string }[] }[];
      for (const x of fixes) {
        assert.ok(x.title);
        for (const e of x.edits) for (const k of ["file", "range", "newText"]) assert.ok(k in e, k);
      }
    }
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(json)));
  });

  it("SARIF 2.1.0: driver greenlight with every rule, results with level, location and fixes", async () => {
    const findings = await findingsOf(fixture("inference_script.py"));
    const sarif = toSarif(findings, ruleDefinitions, { root: "/project" }) as any;
    assert.equal(sarif.version, "2.1.0");
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, "greenlight");
    // The version package.json states, as `greenlight --version` prints it.
    const { version } = JSON.parse(readFileSync(join(__dirname, "../../../../package.json"), "utf8")) as { version: string };
    assert.equal(run.tool.driver.version, version);
    assert.deepEqual(run.tool.driver.rules.map((r: any) => r.id), ["GL001", "GL002", "GL003", "GL004", "GL005", "GL006"]);
    for (const r of run.tool.driver.rules) {
      assert.ok(r.shortDescription.text && r.helpUri);
      assert.equal(r.defaultConfiguration.level, "note");
    }
    assert.equal(run.results.length, findings.length);
    findings.forEach((f, i) => {
      const r = run.results[i];
      assert.equal(r.ruleId, f.rule);
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, f.rule);
      assert.ok(["note", "warning"].includes(r.level));
      const loc = r.locations[0].physicalLocation;
      assert.deepEqual(loc.artifactLocation, { uri: "main.py", uriBaseId: "%SRCROOT%" });
      assert.equal(loc.region.startLine, f.line);
      assert.equal(loc.region.startColumn, f.column);
      assert.equal(r.fixes.length, f.fixes.length);
      for (const fix of r.fixes) {
        const change = fix.artifactChanges[0];
        assert.equal(change.artifactLocation.uri, "main.py");
        for (const rep of change.replacements) {
          assert.ok(rep.deletedRegion.startLine >= 1 && rep.deletedRegion.startColumn >= 1);
          assert.equal(typeof rep.insertedContent.text, "string");
        }
      }
    });
    // Outside the root, the artifact is an absolute file:// URI.
    const outside = toSarif(findings, ruleDefinitions, { root: "/elsewhere" }) as any;
    assert.equal(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "file:///project/main.py");
  });
});

describe("greenlight analyze with findings", () => {
  it("--format json adds the findings; --format sarif prints a SARIF log with the same results", async () => {
    const dir = mkdtempSync(join(tmpdir(), "greenlight-analyze-"));
    const file = join(dir, "script.py");
    writeFileSync(file, fixture("inference_script.py"));
    const json = collector();
    assert.equal(await runAnalyze([file, "--format", "json"], json.io), 0, json.out.stderr);
    const parsed = JSON.parse(json.out.stdout);
    assert.equal(parsed.models.length > 0, true);
    assert.deepEqual(parsed.findings.map((f: any) => f.rule).sort(), ["GL001", "GL002", "GL004"]);
    const sarif = collector();
    assert.equal(await runAnalyze([file, "--format", "sarif"], sarif.io), 0, sarif.out.stderr);
    const log = JSON.parse(sarif.out.stdout);
    assert.equal(log.version, "2.1.0");
    assert.deepEqual(log.runs[0].results.map((r: any) => r.ruleId).sort(), ["GL001", "GL002", "GL004"]);
  });
});

describe("greenlight fix", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-fix-"));
  });

  it("applies one fix in place; a second run finds nothing left to fix", async () => {
    const file = join(dir, "script.py");
    writeFileSync(file, fixture("inference_script.py"));
    chmodSync(file, 0o640);
    const { out, io } = collector();
    assert.equal(await runFix([file, "--rule", "GL001", "--fix", "dynamic-int8"], io), 0, out.stderr);
    const text = readFileSync(file, "utf8");
    assert.ok(text.includes("model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)"));
    assert.equal(await hasSyntaxError(text), false);
    assert.equal(statSync(file).mode & 0o777, 0o640, "the file keeps its permissions");
    assert.deepEqual(readdirSync(dir), ["script.py"], "no temporary file left behind");
    const second = collector();
    assert.equal(await runFix([file, "--rule", "GL001", "--fix", "dynamic-int8"], second.io), 1);
    // The convolution stays fp32 (no CPU fix reaches it): the finding stays, without the fix just applied.
    assert.match(second.out.stderr, /GL001 on line 19 has no dynamic-int8 fix here \(offered: prune-l1\)/);
    assert.equal(readFileSync(file, "utf8"), text, "nothing changed the second time");
  });

  it("keeps CRLF line endings on disk", async () => {
    const file = join(dir, "crlf.py");
    writeFileSync(file, withCrlf(fixture("no_eval.py")));
    const { out, io } = collector();
    assert.equal(await runFix([file, "--rule", "GL005"], io), 0, out.stderr);
    const text = readFileSync(file, "utf8");
    assert.ok(text.includes("regressor.eval()\r\nwith torch.no_grad():\r\n"));
    assert.equal(/[^\r]\n/.test(text), false);
  });

  it("refuses, writing nothing, when the file changes between reading and writing", async () => {
    const file = join(dir, "busy.py");
    writeFileSync(file, fixture("inference_script.py"));
    const edited = `${fixture("inference_script.py")}# edited meanwhile\n`;
    await assert.rejects(
      runFix([file, "--rule", "GL002"], collector().io, { beforeRename: (f) => writeFileSync(f, edited) }),
      (err: unknown) => err instanceof CliError && err.exitCode === 1 && /changed since it was read; nothing written/.test(err.message),
    );
    assert.equal(readFileSync(file, "utf8"), edited, "the other writer's text is kept");
    assert.deepEqual(readdirSync(dir), ["busy.py"], "the temporary file is removed");
  }).timeout(30_000);

  it("lists findings and fixes without --rule; asks for --line when a rule has several findings", async () => {
    const file = join(dir, "tower.py");
    writeFileSync(file, fixture("sequential_convs.py"));
    const listing = collector();
    assert.equal(await runFix([file], listing.io), 0);
    assert.match(listing.out.stdout, /GL004 .*\n +--rule GL004 --line 6 --fix bias-false/);
    const ambiguous = collector();
    assert.equal(await runFix([file, "--rule", "GL004"], ambiguous.io), 1);
    assert.match(ambiguous.out.stderr, /\(lines 6, 16\); pick one with --line/);
    const one = collector();
    assert.equal(await runFix([file, "--rule", "gl004", "--line", "16"], one.io), 0, one.out.stderr);
    assert.ok(readFileSync(file, "utf8").includes("nn.Conv2d(8, 8, 1, bias=False)"));
  });

  it("--all applies every finding's fix one after the other; imports are added once", async () => {
    const file = join(dir, "all.py");
    writeFileSync(file, fixture("inference_script.py"));
    const { out, io } = collector();
    assert.equal(await runFix([file, "--all"], io), 0, out.stderr);
    assert.deepEqual(out.stdout.trim().split("\n").map((l) => l.replace(/^.*: (GL\d+) fixed \((.*)\)$/, "$1 $2")).sort(), ["GL001 dynamic-int8", "GL001 prune-l1", "GL002 inference-mode", "GL004 bias-false"]);
    const text = readFileSync(file, "utf8");
    assert.equal(await hasSyntaxError(text), false);
    const left = await findingsOf(text);
    assert.deepEqual(left.map((f) => [f.rule, f.fixes.length]), [["GL001", 0]], "only the convolution no CPU fix reaches is left, with nothing to apply");
    const again = collector();
    assert.equal(await runFix([file, "--all"], again.io), 1, "a second --all has nothing to do");
    assert.equal(readFileSync(file, "utf8"), text);
  });

  it("rejects bad arguments with a clear error", async () => {
    const file = join(dir, "x.py");
    writeFileSync(file, fixture("inference_script.py"));
    for (const [args, pattern] of [
      [[file, "--rule", "GL999"], /no such rule/],
      [[file, "--rule", "GL001", "--fix", "make-faster"], /GL001 offers dynamic-int8/],
      [[file, "--rule", "GL001", "--line", "abc"], /--line abc/],
      [[file, "--rule", "GL001", "--prune-amount", "2"], /between 0 and 1/],
      [[join(dir, "missing.py"), "--rule", "GL001"], /cannot read/],
      [[], /exactly one FILE/],
    ] as [string[], RegExp][]) {
      await assert.rejects(runFix(args, collector().io), pattern);
    }
  });
});
