import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSettings } from "../../../src/core/config";
import { codeLensTitle } from "../../../src/vscode/codelens-title";
import { WORLD_AVERAGE_INTENSITY } from "../../../src/vscode/energy-bridge";
import { onlyModel } from "../helpers/analyze";

const cli = join(__dirname, "../../../dist/cli.js");

// A model whose example call runs a batch of 32: both surfaces must say per what and at which batch.
const source = `import torch
import torch.nn as nn

class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3, padding=1)
        self.fc = nn.Linear(16 * 32 * 32, 10)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).flatten(1))

model = Classifier()
logits = model(torch.randn(32, 3, 32, 32))
`;

describe("the CLI and the editor print the same figures the same way", function () {
  // Each case runs the CLI, some several times: a loaded machine stretches that past the suite's default.
  this.timeout(120_000);
  it("params, FLOPs, energy per sample and carbon per 1,000 samples read identically in the CLI table and the CodeLens", async () => {
    const dir = mkdtempSync(join(tmpdir(), "greenlight-same-"));
    const file = join(dir, "classifier.py");
    writeFileSync(file, source);
    const r = spawnSync(process.execPath, [cli, "analyze", file, "--hardware", "h100-sxm"], { encoding: "utf8", timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);

    const model = await onlyModel(source, { file });
    assert.equal(model.inputs[0].shape[0], 32, "the example call's batch");
    // The editor at the same hardware, precision and batch as the CLI's estimate (the file's batch of 32).
    const title = codeLensTitle(model, { ...defaultSettings, hardware: "h100-sxm", precision: "fp32", batchSize: 32 }, WORLD_AVERAGE_INTENSITY);
    const [name, params, flops, energy, carbon] = title.split(" · ");
    assert.equal(name, "Classifier");
    const row = r.stdout.split("\n").find((line) => line.startsWith("Classifier "));
    assert.ok(row, r.stdout);
    assert.ok(row.includes(params.replace(" params", "")), `${params} in the table row '${row}'`);
    assert.ok(row.includes(flops), `${flops} in the table row '${row}'`);
    assert.match(energy, /^[\d.]+ [mµn]?J per sample$/);
    assert.match(carbon, /^[\d.]+ [mµ]?gCO2e per 1,000 samples \(h100-sxm, fp32, batch 32\)$/);
    const estimate = r.stdout.split("\n").find((line) => line.includes("Classifier: h100-sxm"));
    assert.ok(estimate, r.stdout);
    // The CLI names the host class too ("h100-sxm (host server-x86), fp32, batch 32").
    assert.ok(estimate.includes(`fp32, batch 32: ${energy}, ${carbon.replace(/ \(.*\)$/, "")}`), `'${energy}' and '${carbon}' in '${estimate}'`);
    assert.match(estimate, /per batch-32 forward/);
  });
});
