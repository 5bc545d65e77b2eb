import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMAND_NAMES, COMMAND_SPECS } from "../../../src/cli/command-specs";

const root = join(__dirname, "../../..");
const cli = join(root, "dist/cli.js");

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("greenlight's options: parsed by node:util parseArgs, every one in --help", function () {
  // Each case runs the CLI, some several times: a loaded machine stretches that past the suite's default.
  this.timeout(120_000);
  it("stops quietly when the reader of its output goes away (| head)", () => {
    // `true` exits without reading: greenlight's writes meet a closed pipe (EPIPE).
    const stderr = join(mkdtempSync(join(tmpdir(), "greenlight-epipe-")), "stderr");
    const r = spawnSync("sh", ["-c", `"$0" "$1" hardware 2>"$2" | true`, process.execPath, cli, stderr], { encoding: "utf8", timeout: 30_000 });
    assert.equal(r.status, 0);
    assert.equal(readFileSync(stderr, "utf8"), "", "no stack trace");
  });

  it("greenlight --help names every command and every option", () => {
    const r = run(["--help"]);
    assert.equal(r.code, 0, r.stderr);
    for (const name of COMMAND_NAMES) {
      assert.match(r.stdout, new RegExp(`^  ${name}\\b`, "m"), name);
      for (const option of COMMAND_SPECS[name].options) assert.ok(r.stdout.includes(`--${option.name}`), `--${option.name} of ${name}`);
    }
  });

  for (const name of COMMAND_NAMES) {
    it(`greenlight ${name} --help lists each of its options with what it means`, () => {
      const r = run([name, "--help"]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^usage: greenlight ${name}`));
      for (const option of COMMAND_SPECS[name].options) {
        const line = r.stdout.split("\n").findIndex((l) => l.startsWith(`  --${option.name}${option.value ? ` ${option.value}` : ""}`));
        assert.ok(line >= 0, `--${option.name} in:\n${r.stdout}`);
        assert.ok(r.stdout.includes(option.help), `the help text of --${option.name}`);
      }
    });
  }

  it("--epochs, --samples and --batch, once only in error messages, are in analyze's help", () => {
    const r = run(["analyze", "-h"]);
    for (const option of ["--epochs N", "--samples N", "--batch N"]) assert.ok(r.stdout.includes(option), option);
  });

  it("prints the version from package.json", () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const r = run(["--version"]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `greenlight ${version}\n`);
  });

  it("answers an unknown option, a missing value or a stray argument with one line and exit 2", () => {
    const cases: [string[], RegExp][] = [
      [["analyze", "x.py", "--bogus"], /^greenlight: unknown option --bogus for analyze \(see greenlight analyze --help\)\n$/],
      [["grid", "--format"], /^greenlight: --format needs a value \(see greenlight grid --help\)\n$/],
      [["fix", "--all=yes", "x.py"], /^greenlight: --all takes no value \(see greenlight fix --help\)\n$/],
      [["hardware", "h100"], /^greenlight: unexpected argument 'h100'\n$/],
      [["analyze"], /^greenlight: analyze needs at least one FILE/],
      [["frobnicate"], /^greenlight: unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.stderr, message, args.join(" "));
      assert.equal(r.stdout, "");
    }
  });

  it("the table and Markdown formats print the findings with the command that applies each fix", () => {
    const dir = mkdtempSync(join(tmpdir(), "greenlight-findings-"));
    const file = join(dir, "infer.py");
    writeFileSync(file, `import torch
import torch.nn as nn

class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(256, 10)

    def forward(self, x):
        return self.fc(x)

model = Head()
model.eval()
with torch.no_grad():
    print(model(torch.randn(4, 256)))
`);
    const table = run(["analyze", file]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^findings \(1\):$/m);
    assert.match(table.stdout, /infer\.py:\d+:\d+: GL001 /);
    assert.match(table.stdout, /fix: greenlight fix \S*infer\.py --rule GL001 --line \d+ --fix dynamic-int8/);
    const markdown = run(["analyze", file, "--format", "markdown"]);
    assert.match(markdown.stdout, /^### Findings$/m);
    assert.match(markdown.stdout, /^- \*\*GL001\*\* /m);
    const quiet = run(["analyze", file, "--no-findings"]);
    assert.doesNotMatch(quiet.stdout, /^findings|GL001/m);
  });
});
