import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSource, SyntaxCache } from "../../../src/core/analyze";
import { defaultSettings } from "../../../src/core/config";
import { diskEnvironmentHost, findPythonEnvironment } from "../../../src/node/python-environment";
import { codeLensTitle } from "../../../src/vscode/codelens-title";
import { editorPrecision, WORLD_AVERAGE_INTENSITY } from "../../../src/vscode/energy-bridge";
import { testParser } from "../helpers/analyze";

const cli = join(__dirname, "../../../dist/cli.js");
// A package laid out as Hugging Face transformers is, written for the tests (test/fixtures/transformers-env/.venv).
const project = join(__dirname, "../../fixtures/transformers-env");
const script = join(project, `from_cache_${process.pid}.py`);
const source = 'import torch\nfrom transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("acme/tiny-chat", dtype=torch.bfloat16)\n';

describe("the desktop editor's host reads what the CLI reads (src/node/python-environment.ts diskEnvironmentHost)", () => {
  let home: string;
  beforeEach(() => {
    // A Hugging Face cache under HF_HOME, with the snapshot refs/main names.
    home = mkdtempSync(join(tmpdir(), "gl-hf-home-"));
    const repo = join(home, "hub", "models--acme--tiny-chat");
    const commit = "0123456789abcdef0123456789abcdef01234567";
    mkdirSync(join(repo, "refs"), { recursive: true });
    mkdirSync(join(repo, "snapshots", commit), { recursive: true });
    writeFileSync(join(repo, "refs", "main"), `${commit}\n`);
    writeFileSync(join(repo, "snapshots", commit, "config.json"), JSON.stringify({ model_type: "tiny", vocab_size: 300, hidden_size: 16, num_hidden_layers: 4, intermediate_size: 48 }));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it("takes the Hugging Face cache from HF_HUB_CACHE / HF_HOME / the default, as the CLI does", () => {
    assert.deepEqual(diskEnvironmentHost({ HF_HOME: home }, "/home/u").huggingFaceCaches, [join(home, "hub")]);
    assert.deepEqual(diskEnvironmentHost({ HF_HUB_CACHE: "/data/hub" }, "/home/u").huggingFaceCaches, ["/data/hub", "/home/u/.cache/huggingface/hub"]);
    assert.deepEqual(diskEnvironmentHost({}, "/home/u").huggingFaceCaches, ["/home/u/.cache/huggingface/hub"]);
  });

  it("the CodeLens of a from_pretrained model in the cache shows the CLI's params, FLOPs and energy at the code's dtype", async () => {
    // The CLI, with the cache named only by the environment variable.
    writeFileSync(script, source);
    const cliRun = spawnSync(process.execPath, [cli, "analyze", script], { encoding: "utf8", timeout: 30_000, env: { ...process.env, HF_HOME: home, HF_HUB_CACHE: "", VIRTUAL_ENV: "" } });
    rmSync(script, { force: true });
    assert.equal(cliRun.status, 0, cliRun.stderr);

    // The editor: the request src/vscode/analysis-engine.ts makes, with the host src/vscode/extension.ts builds.
    const host = diskEnvironmentHost({ HF_HOME: home });
    const environment = findPythonEnvironment({ root: project, fileDir: project, variables: {} });
    const result = analyzeSource(await testParser(), { file: script, text: source, root: project, files: host.files, cache: new SyntaxCache(), environment, environmentFiles: host.files, torchHubDirs: host.torchHubDirs, huggingFaceCaches: host.huggingFaceCaches });
    assert.equal(result.models.length, 1, result.notes.join("; "));
    const model = result.models[0];
    // vocab 300 x 16 embedding, 4 layers of 16->48->16 with biases.
    assert.equal(model.params, 300 * 16 + 4 * (16 * 48 + 48 + 48 * 16 + 16));
    assert.equal(model.weightsPrecision, "bf16");

    // greenlight.precision unset: the code's bf16, as the CLI without --dtype; set: the user's choice.
    assert.equal(editorPrecision(model, defaultSettings), "bf16");
    assert.equal(editorPrecision(model, { ...defaultSettings, precision: "fp32", precisionChosen: true }), "fp32");
    const title = codeLensTitle(model, { ...defaultSettings, hardware: "h100-sxm" }, WORLD_AVERAGE_INTENSITY);
    const [, params, flops, energy, carbon] = title.split(" · ");
    assert.match(carbon, /\(h100-sxm, bf16, batch 1\)$/);
    const row = cliRun.stdout.split("\n").find((line) => line.startsWith("model ") && line.includes("from_cache"));
    assert.ok(row, cliRun.stdout);
    assert.ok(row.includes(params.replace(" params", "")), `${params} in the table row '${row}'`);
    assert.ok(row.includes(flops), `${flops} in the table row '${row}'`);
    const estimate = cliRun.stdout.split("\n").find((line) => line.trim().startsWith("model: h100-sxm"));
    assert.ok(estimate, cliRun.stdout);
    assert.ok(estimate.includes(`bf16, batch 1: ${energy}, ${carbon.replace(/ \(.*\)$/, "")}`), `'${energy}' and '${carbon}' in '${estimate}'`);
  });
});
