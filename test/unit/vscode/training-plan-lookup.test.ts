import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type * as vscode from "vscode";
import { analyzeSource } from "../../../src/core/analyze";
import { planOfModel, TrainingPlanLookup, type PlanAnalyzer } from "../../../src/vscode/training-plan-lookup";
import { memoryFiles, testParser } from "../helpers/analyze";

// The report's plan lookup, in Node: the analyzer is the real one (analyzeSource, as AnalysisEngine.analyzeText
// calls it); the document and the log are the few members the lookup reads, since the editor's are not available
// outside VS Code (the integration suite covers them in code-server).
const text = readFileSync(join(__dirname, "../../fixtures/training/mnist_argparse.py"), "utf8");

interface TestDocument {
  uri: { path: string; toString(): string };
  version: number;
  isClosed: boolean;
  getText(): string;
}

function documentOf(content: string, version = 1): TestDocument & { content: string } {
  const path = "/project/train.py";
  return { uri: { path, toString: () => `file://${path}` }, version, isClosed: false, content, getText() { return this.content; } };
}

function recordingLog() {
  const lines: string[] = [];
  const log = { debug: (m: string) => lines.push(`debug ${m}`), warn: (m: string) => lines.push(`warn ${m}`), info: (m: string) => lines.push(`info ${m}`) };
  return { lines, log: log as unknown as vscode.LogOutputChannel };
}

/** The real analyzer behind AnalysisEngine.analyzeText, counting its calls. */
async function realAnalyzer(): Promise<PlanAnalyzer & { calls: number }> {
  const parser = await testParser();
  const analyzer = {
    calls: 0,
    async analyzeText(uri: vscode.Uri, content: string, options: { readTraining?: boolean }) {
      analyzer.calls++;
      const result = analyzeSource(parser, { file: uri.path, text: content, root: "/project", files: memoryFiles({ [uri.path]: content }), readTraining: options.readTraining });
      return { result };
    },
  };
  return analyzer;
}

const read = (lookup: TrainingPlanLookup, document: TestDocument) => lookup.read(document as unknown as vscode.TextDocument);

describe("training plan lookup for the report (src/vscode/training-plan-lookup.ts)", () => {
  it("reads the plan with readTraining, once per document version", async () => {
    const analyzer = await realAnalyzer();
    const { lines, log } = recordingLog();
    const lookup = new TrainingPlanLookup(async () => analyzer, log);
    const document = documentOf(text);
    const first = await read(lookup, document);
    assert.ok(first.ok);
    assert.equal(first.value.epochs?.value, 14);
    assert.equal(first.value.batch?.value, 64);
    await read(lookup, document);
    assert.equal(analyzer.calls, 1, "the same version is not analyzed twice");
    document.version = 2;
    document.content = text.replace('"--epochs", type=int, default=14', '"--epochs", type=int, default=5');
    const second = await read(lookup, document);
    assert.ok(second.ok);
    assert.equal(second.value.epochs?.value, 5);
    assert.equal(analyzer.calls, 2);
    assert.ok(lines.some((line) => line.startsWith("debug training plan of /project/train.py v2 read in")), lines.join("\n"));
  });

  it("another document read in between does not start a second request for the first one's version", async () => {
    const analyzer = await realAnalyzer();
    const lookup = new TrainingPlanLookup(async () => analyzer, recordingLog().log);
    const first = documentOf(text);
    const other = { ...documentOf(text), uri: { path: "/project/other.py", toString: () => "file:///project/other.py" } };
    // The report asks, a lens of another file asks, then the lens of the first file asks while the report still waits:
    // a second request for the same version would supersede the report's in the worker.
    const report = read(lookup, first);
    await read(lookup, other);
    const lens = read(lookup, first);
    assert.equal(lens, report, "the first document's version is answered by the request already made");
    assert.ok((await report).ok);
    assert.equal(analyzer.calls, 2);
  });

  it("a failing analysis becomes a logged reason, and the next opening tries again", async () => {
    const { lines, log } = recordingLog();
    let calls = 0;
    const failing: PlanAnalyzer = {
      async analyzeText() {
        calls++;
        throw new Error("grammar not loaded");
      },
    };
    const lookup = new TrainingPlanLookup(async () => failing, log);
    const document = documentOf(text);
    const result = await read(lookup, document);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : "", /grammar not loaded/);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.ok(lines.some((line) => line.startsWith("warn ") && line.includes("grammar not loaded") && line.includes("uses the settings")), lines.join("\n"));
    await read(lookup, document);
    assert.equal(calls, 2, "a failure is not kept for the version");
  });

  it("an engine that never starts ends at the deadline instead of hanging the report", async () => {
    const { lines, log } = recordingLog();
    const lookup = new TrainingPlanLookup(() => new Promise<PlanAnalyzer>(() => undefined), log, 60);
    const started = Date.now();
    const result = await read(lookup, documentOf(text));
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : "", /took longer than 60 ms/);
    assert.ok(Date.now() - started < 2_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.ok(lines.some((line) => line.startsWith("warn ")), lines.join("\n"));
  });

  it("without an analyzer, or on a closed document, there is no plan and the reason says why", async () => {
    const { log } = recordingLog();
    const none = await read(new TrainingPlanLookup(undefined, log), documentOf(text));
    assert.equal(none.ok, false);
    assert.match(!none.ok ? none.reason : "", /no analysis engine/);
    const analyzer = await realAnalyzer();
    const closed = documentOf(text);
    closed.isClosed = true;
    const result = await read(new TrainingPlanLookup(async () => analyzer, log), closed);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : "", /closed/);
    assert.equal(analyzer.calls, 0);
  });

  it("reads the plan again when the run's target hardware changes (the code's torch.cuda checks answer for it)", async () => {
    const parser = await testParser();
    let hardware = "h100-sxm";
    let calls = 0;
    // As AnalysisEngine.analyzeText does: the hardware setting of the moment goes with the analysis.
    const analyzer: PlanAnalyzer = {
      async analyzeText(uri, content, options) {
        calls++;
        return { result: analyzeSource(parser, { file: uri.path, text: content, root: "/project", files: memoryFiles({ [uri.path]: content }), readTraining: options.readTraining, hardware }) };
      },
    };
    const { log } = recordingLog();
    const lookup = new TrainingPlanLookup(async () => analyzer, log, undefined, () => hardware);
    const script = `${text}\nuse_bf16 = True if torch.cuda.get_device_capability()[0] == 8 else False\n`;
    const document = documentOf(script);
    const h100 = await read(lookup, document);
    assert.ok(h100.ok);
    assert.match(h100.value.cudaQueries ?? "", /\(9, 0\)/);
    await read(lookup, document);
    assert.equal(calls, 1, "the same version and target are not analyzed twice");
    hardware = "a100-sxm";
    const a100 = await read(lookup, document);
    assert.equal(calls, 2);
    assert.ok(a100.ok);
    assert.match(a100.value.cudaQueries ?? "", /\(8, 0\)/);
  });

  it("drops a plan only when a config file it read changed (configFiles), so an unrelated YAML edit reads nothing again", async () => {
    const parser = await testParser();
    const script = [
      "import torch, yaml",
      "import torch.nn as nn",
      "cfg = yaml.safe_load(open('train.yaml'))",
      "model = nn.Linear(32, 4)",
      "opt = torch.optim.SGD(model.parameters(), lr=0.1)",
      "def train():",
      "    for epoch in range(cfg['epochs']):",
      "        model(torch.randn(8, 32)).sum().backward()",
      "        opt.step()",
      "train()",
    ].join("\n");
    const disk: Record<string, string> = { "/project/train.py": script, "/project/train.yaml": "epochs: 3\n", "/project/other.yaml": "a: 1\n" };
    let calls = 0;
    const analyzer: PlanAnalyzer = {
      async analyzeText(uri, content, options) {
        calls++;
        return { result: analyzeSource(parser, { file: uri.path, text: content, root: "/project", files: memoryFiles({ ...disk, [uri.path]: content }), readTraining: options.readTraining }) };
      },
    };
    const lookup = new TrainingPlanLookup(async () => analyzer, recordingLog().log);
    const document = documentOf(script);
    const first = await read(lookup, document);
    assert.ok(first.ok);
    assert.deepEqual(first.value.configFiles, ["/project/train.yaml"]);
    assert.equal(first.value.steps?.value ?? first.value.epochs?.value, 3);
    const uri = document.uri as unknown as vscode.Uri;
    assert.equal(lookup.forgetReading(uri, new Set(["/project/other.yaml"])), false, "the plan never read other.yaml");
    await read(lookup, document);
    assert.equal(calls, 1, "an unrelated config's change reads nothing again");
    disk["/project/train.yaml"] = "epochs: 7\n";
    assert.equal(lookup.forgetReading(uri, new Set(["/project/other.yaml", "/project/train.yaml"])), true);
    const again = await read(lookup, document);
    assert.equal(calls, 2);
    assert.ok(again.ok);
    assert.equal(again.value.steps?.value ?? again.value.epochs?.value, 7, "the plan follows the config it read");
  });

  it("keeps the own plan of each model a file trains in turn, which the lens and the report pick by the model", async () => {
    const analyzer = await realAnalyzer();
    const { log } = recordingLog();
    const lookup = new TrainingPlanLookup(async () => analyzer, log);
    const document = documentOf(`import torch
from torch import nn

x = torch.randn(500, 4)
model_0 = nn.Linear(4, 1)
opt = torch.optim.SGD(model_0.parameters(), lr=0.1)
epochs = 30
for epoch in range(epochs):
    opt.zero_grad()
    model_0(x).sum().backward()
    opt.step()

model_1 = nn.Linear(4, 2)
opt = torch.optim.SGD(model_1.parameters(), lr=0.1)
epochs = 300
for epoch in range(epochs):
    opt.zero_grad()
    model_1(x).sum().backward()
    opt.step()
`);
    const plan = await read(lookup, document);
    assert.ok(plan.ok);
    assert.equal(planOfModel(plan.value, { name: "model_0", line: 5 })?.epochs?.value, 30);
    assert.equal(planOfModel(plan.value, { name: "model_1", line: 13 })?.epochs?.value, 300);
    assert.equal(planOfModel(plan.value, { name: "other", line: 1 })?.epochs?.value, 30, "a model without its own plan takes the file's");
  });
});
