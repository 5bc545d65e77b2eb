// The analysis worker thread behind its message contract: the same figures and findings as the in-process path,
// unsaved texts win over the disk, a newer request of a document supersedes a queued older one, and a worker that
// cannot start is given up (answered as failed, never a hang).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SyntaxCache } from "../../../src/core/analyze";
import { analyzeWithRules } from "../../../src/core/document-analysis";
import { createPythonParser } from "../../../src/core/python/parser";
import { startNodeAnalysisWorker } from "../../../src/node/analysis-worker-client";
import type { AnalysisWorkerClient } from "../../../src/core/analysis-worker-client";
import { diskFiles } from "../../../src/node/disk-files";
import { readParserWasm } from "../../../src/node/wasm";
import type { AnalyzeRequestMessage } from "../../../src/core/analysis-protocol";

const SOURCES = { path: join(process.cwd(), "test/unit/helpers/analysis-worker-sources.mjs") };
const RULES = { severities: {}, pruneAmount: 0.3, hardware: "a100-40gb" };
const log = { warnings: [] as string[], warn(message: string) { this.warnings.push(message); }, error(message: string) { this.warnings.push(message); } };

const model = (width: string) => `import torch.nn as nn\nfrom layers import WIDTH\n\n# greenlight: input=1x${width}\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(${width}, WIDTH)\n\n    def forward(self, x):\n        return self.fc(x)\n`;

describe("analysis worker client", function () {
  this.timeout(60_000);
  let dir: string;
  let client: AnalysisWorkerClient;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-worker-"));
    writeFileSync(join(dir, "layers.py"), "WIDTH = 16\n");
    client = startNodeAnalysisWorker(SOURCES, log);
  });
  after(() => {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const request = (text: string, overlays: [string, string][] = []): AnalyzeRequestMessage => ({
    key: `${dir}/net.py`,
    file: `${dir}/net.py`,
    text,
    root: dir,
    budget: { steps: 5_000_000, milliseconds: 10_000 },
    rules: RULES,
    readTraining: false,
    overlays,
  });

  it("answers with the in-process analysis and findings, structured-clone data", async () => {
    const text = model("32");
    const outcome = await client.analyze(request(text)).done;
    assert.equal(outcome.kind, "analyzed", JSON.stringify(outcome).slice(0, 300));
    if (outcome.kind !== "analyzed") return;
    const parser = await createPythonParser(readParserWasm());
    const here = analyzeWithRules(parser, { file: `${dir}/net.py`, text, root: dir, files: diskFiles(), cache: new SyntaxCache() }, RULES, () => undefined);
    assert.equal(outcome.result.models[0]?.params, 32 * 16 + 16);
    assert.deepEqual(outcome.result.models, here.result.models);
    assert.deepEqual(outcome.findings, here.findings);
    assert.equal(outcome.result.importedFunctions, undefined);
  });

  it("reads an unsaved text of an imported file instead of the disk", async () => {
    const outcome = await client.analyze(request(model("32"), [[join(dir, "layers.py"), "WIDTH = 8\n"]])).done;
    assert.equal(outcome.kind === "analyzed" && outcome.result.models[0]?.params, 32 * 8 + 8);
  });

  it("drops a queued request when a newer one of the same document arrives, and parses the edit incrementally", async () => {
    const before = await client.parseCounts();
    const text = model("32");
    // Keep the worker busy with another document first, so both requests are queued when it next looks (under load
    // the older one could otherwise start before the newer one arrives).
    const layers = Array.from({ length: 400 }, (_, i) => `        self.l${i} = nn.Linear(64, 64)`).join("\n");
    const calls = Array.from({ length: 400 }, (_, i) => `        x = self.l${i}(x)`).join("\n");
    const busy = `import torch.nn as nn\n\n# greenlight: input=1x64\nclass Big(nn.Module):\n    def __init__(self):\n        super().__init__()\n${layers}\n\n    def forward(self, x):\n${calls}\n        return x\n`;
    const blocker = client.analyze({ ...request(busy), key: `${dir}/big.py`, file: `${dir}/big.py` });
    const older = client.analyze(request(`${text}# older\n`));
    const newer = client.analyze(request(`${text}\n`));
    const [first, second] = await Promise.all([older.done, newer.done, blocker.done]);
    assert.equal(first.kind, "cancelled");
    assert.equal(second.kind === "analyzed" && second.result.models[0]?.params, 32 * 16 + 16);
    client.recordChanges(`${dir}/net.py`, [{ offset: text.length + 1, deletedLength: 0, insertedText: "x = 1\n" }]);
    const edited = await client.analyze(request(`${text}\nx = 1\n`)).done;
    assert.equal(edited.kind, "analyzed");
    const after = await client.parseCounts();
    assert.ok(after.incremental > before.incremental, `incremental ${before.incremental} → ${after.incremental}`);
  });

  it("gives up a worker that dies before it is ready, answering its requests as failed", async () => {
    const script = join(dir, "dies.js");
    writeFileSync(script, "process.exit(3);\n");
    const dying = startNodeAnalysisWorker({ path: script }, log);
    for (let attempt = 0; attempt < 5 && dying.available; attempt++) {
      const outcome = await dying.analyze(request("x = 1\n")).done;
      assert.equal(outcome.kind, "failed");
    }
    assert.equal(dying.available, false);
    assert.ok(log.warnings.some((warning) => warning.includes("exited (code 3)")), log.warnings.join("\n"));
    dying.dispose();
  });

  it("says when a worker sends something other than its encoded messages, and its requests end as failed when it is stopped", async () => {
    const script = join(dir, "garbles.js");
    // A plain object where the host expects worker-wire bytes: decoding it fails.
    writeFileSync(script, 'require("node:worker_threads").parentPort.postMessage({ kind: "ready" });\nsetInterval(() => undefined, 1000);\n');
    const errors: string[] = [];
    const garbled = startNodeAnalysisWorker({ path: script }, { warn: () => undefined, error: (message) => errors.push(message) });
    const running = garbled.analyze(request("x = 1\n"));
    for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(errors.some((error) => error.includes("unreadable message")), errors.join("\n"));
    garbled.dispose();
    assert.equal((await running.done).kind, "failed");
  });
});
