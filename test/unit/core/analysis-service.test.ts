import assert from "node:assert/strict";
import type { AnalyzeMessage, WorkerMessage } from "../../../src/core/analysis-protocol";
import { createAnalysisService } from "../../../src/core/analysis-service";
import { memoryModuleFiles } from "../../../src/core/interp/module-resolver";
import { overlaidFiles } from "../../../src/core/overlaid-files";
import { testParser } from "../helpers/analyze";

// The worker side of the message contract, as both workers run it (the desktop's thread, the browser's Web Worker):
// real analyses of in-memory files, the event loop's turns driven by the test.
const RULES = { severities: {}, pruneAmount: 0.3, hardware: "a100-40gb" };
const net = (width: number) => `import torch.nn as nn\nfrom layers import WIDTH\n\n# greenlight: input=1x${width}\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(${width}, WIDTH)\n\n    def forward(self, x):\n        return self.fc(x)\n`;

function analyzeMessage(id: number, text: string, overlays: [string, string][] = []): AnalyzeMessage {
  return { kind: "analyze", id, key: "/p/net.py", file: "/p/net.py", text, root: "/p", budget: { steps: 5_000_000, milliseconds: 10_000 }, rules: RULES, readTraining: false, overlays };
}

function service() {
  const sent: WorkerMessage[] = [];
  const turns: (() => void)[] = [];
  const saved = new Map([["/p/layers.py", "WIDTH = 16\n"]]);
  const analysis = createAnalysisService({
    send: (message) => sent.push(message),
    filesFor: (request) => ({ files: overlaidFiles(memoryModuleFiles(saved), new Map(request.overlays)) }),
    later: (callback) => turns.push(callback),
  });
  const runTurns = () => {
    while (turns.length > 0) turns.shift()!();
  };
  return { analysis, sent, runTurns };
}

describe("analysis service (src/core/analysis-service.ts)", () => {
  it("holds requests until the parser is ready, then answers the newest of a document; the older one is cancelled", async () => {
    const { analysis, sent, runTurns } = service();
    analysis.receive(analyzeMessage(1, net(8)));
    analysis.receive(analyzeMessage(2, net(32)));
    runTurns();
    assert.deepEqual(sent, [{ kind: "cancelled", id: 1 }]);
    analysis.ready(await testParser());
    runTurns();
    assert.equal(sent[1]!.kind, "ready");
    const answer = sent[2]!;
    assert.ok(answer.kind === "analyzed" && answer.id === 2, JSON.stringify(answer).slice(0, 200));
    // 32·16 + 16 parameters: the imported WIDTH was read from the worker's files.
    assert.equal(answer.result.models[0]!.params, 32 * 16 + 16);
    assert.equal(answer.result.importedFunctions, undefined, "no syntax crosses the seam");
  });

  it("reads a request's unsaved texts over its files, and drops a cancelled request unanswered-as-cancelled", async () => {
    const { analysis, sent, runTurns } = service();
    analysis.ready(await testParser());
    analysis.receive(analyzeMessage(3, net(8), [["/p/layers.py", "WIDTH = 4\n"]]));
    analysis.receive({ ...analyzeMessage(4, net(8)), key: "/p/other.py" });
    analysis.receive({ kind: "cancel", id: 4 });
    runTurns();
    const answers = sent.filter((message) => message.kind !== "ready");
    assert.deepEqual(answers.map((message) => [message.kind, "id" in message ? message.id : undefined]), [["cancelled", 4], ["analyzed", 3]]);
    const analyzed = answers[1]!;
    assert.ok(analyzed.kind === "analyzed");
    assert.equal(analyzed.result.models[0]!.params, 8 * 4 + 4);
  });

  it("a request whose analysis throws is answered as failed, and the next one still runs", async () => {
    const sent: WorkerMessage[] = [];
    const turns: (() => void)[] = [];
    let calls = 0;
    const analysis = createAnalysisService({
      send: (message) => sent.push(message),
      filesFor: () => {
        if (calls++ === 0) throw new Error("the files could not be read");
        return { files: memoryModuleFiles(new Map([["/p/layers.py", "WIDTH = 2\n"]])) };
      },
      later: (callback) => turns.push(callback),
    });
    analysis.ready(await testParser());
    analysis.receive(analyzeMessage(5, net(8)));
    analysis.receive({ ...analyzeMessage(6, net(8)), key: "/p/again.py" });
    while (turns.length > 0) turns.shift()!();
    const failed = sent.find((message) => message.kind === "failed");
    assert.ok(failed?.kind === "failed" && failed.id === 5 && failed.message.includes("could not be read"));
    const analyzed = sent.find((message) => message.kind === "analyzed");
    assert.ok(analyzed?.kind === "analyzed" && analyzed.id === 6 && analyzed.result.models[0]!.params === 8 * 2 + 2);
  });
});
