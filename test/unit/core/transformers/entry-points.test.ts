import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSource, SyntaxCache, type AnalysisResult } from "../../../../src/core/analyze";
import { diskFiles } from "../../../../src/node/disk-files";
import { huggingFaceCaches } from "../../../../src/node/huggingface-cache";
import { findPythonEnvironment } from "../../../../src/node/python-environment";
import { testParser } from "../../helpers/analyze";

// A package laid out as Hugging Face transformers is (lazy __init__, auto mappings, config classes with an
// attribute_map, from_pretrained), written for these tests: test/fixtures/transformers-env.
const project = join(__dirname, "../../../fixtures/transformers-env");

// TinyConfig's defaults: vocab 1000, hidden 64, 2 layers, intermediate 256.
const tinyParams = (vocab: number, hidden: number, layers: number, inner: number) => vocab * hidden + layers * (hidden * inner + inner + inner * hidden + hidden);

/** Analyzes a script in the fixture project, with the project's .venv found as the CLI finds it. */
async function analyzeScript(text: string, options: { root?: string; caches?: string[] } = {}): Promise<AnalysisResult> {
  const root = options.root ?? project;
  const file = join(root, "script.py");
  const environment = findPythonEnvironment({ root, fileDir: root, variables: {} });
  return analyzeSource(await testParser(), { file, text, root, files: diskFiles(), cache: new SyntaxCache(), environment, huggingFaceCaches: options.caches ?? [] });
}

describe("transformers entry points", () => {
  it("follows a lazy package's TYPE_CHECKING star imports to XModel and XConfig", async () => {
    const result = await analyzeScript("from transformers import TinyModel, TinyConfig\nmodel = TinyModel(TinyConfig(num_hidden_layers=3))\n");
    assert.equal(result.models.length, 1, result.notes.join("; "));
    assert.equal(result.models[0].params, tinyParams(1000, 64, 3, 256));
    assert.equal(result.models[0].complete, true);
  });

  it("reads config.json from a local folder, maps an attribute_map key, and picks the class through the Auto mapping", async () => {
    const result = await analyzeScript('from transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained("./checkpoints/tiny-local")\n');
    const m = result.models[0];
    // config.json: vocab 500, n_embd (-> hidden_size) 32, 3 layers, intermediate 128; plus a 32x500 lm_head
    assert.equal(m.params, tinyParams(500, 32, 3, 128) + 32 * 500);
    assert.equal(m.layers.find((l) => l.path === "")?.type, "TinyForCausalLM");
    // transformers 5 loads in the checkpoint's dtype ("torch_dtype": "bfloat16")
    assert.equal(m.weightsPrecision, "bf16");
  });

  it("dtype= overrides the checkpoint's dtype; XModel.from_pretrained uses the class's config_class", async () => {
    const result = await analyzeScript('import torch\nfrom transformers import TinyModel\nmodel = TinyModel.from_pretrained("checkpoints/tiny-local", dtype=torch.float16, num_hidden_layers=1)\n');
    const m = result.models[0];
    assert.equal(m.params, tinyParams(500, 32, 1, 128));
    assert.equal(m.weightsPrecision, "fp16");
  });

  it("AutoConfig.from_pretrained then AutoModel.from_config builds in float32", async () => {
    const result = await analyzeScript('from transformers import AutoConfig, AutoModel\nconfig = AutoConfig.from_pretrained("./checkpoints/tiny-local")\nmodel = AutoModel.from_config(config)\n');
    const m = result.models.find((x) => x.name === "model")!;
    assert.equal(m.params, tinyParams(500, 32, 3, 128));
    assert.equal(m.weightsPrecision, undefined);
  });

  describe("the Hugging Face cache", () => {
    let cache: string;
    beforeEach(() => {
      cache = mkdtempSync(join(tmpdir(), "gl-hub-"));
      const repo = join(cache, "models--acme--tiny-chat");
      const commit = "0123456789abcdef0123456789abcdef01234567";
      mkdirSync(join(repo, "refs"), { recursive: true });
      mkdirSync(join(repo, "snapshots", commit), { recursive: true });
      mkdirSync(join(repo, "snapshots", "ffffffffffffffffffffffffffffffffffffffff"), { recursive: true });
      writeFileSync(join(repo, "refs", "main"), `${commit}\n`);
      writeFileSync(join(repo, "snapshots", commit, "config.json"), JSON.stringify({ model_type: "tiny", vocab_size: 300, hidden_size: 16, num_hidden_layers: 4, intermediate_size: 48 }));
      // Another snapshot that refs/main does not name: never read.
      writeFileSync(join(repo, "snapshots", "ffffffffffffffffffffffffffffffffffffffff", "config.json"), JSON.stringify({ model_type: "tiny", vocab_size: 7 }));
    });
    afterEach(() => rmSync(cache, { recursive: true, force: true }));

    it("reads the snapshot refs/main names", async () => {
      const result = await analyzeScript('from transformers import AutoModel\nmodel = AutoModel.from_pretrained("acme/tiny-chat")\n', { caches: [cache] });
      assert.equal(result.models[0].params, tinyParams(300, 16, 4, 48));
    });

    it("takes the caches from HF_HUB_CACHE, then HF_HOME/hub, then ~/.cache/huggingface/hub", () => {
      assert.deepEqual(huggingFaceCaches({ HF_HUB_CACHE: cache }, "/home/u"), [cache, "/home/u/.cache/huggingface/hub"]);
      assert.deepEqual(huggingFaceCaches({ HF_HOME: "/data/hf" }, "/home/u"), ["/data/hf/hub"]);
      assert.deepEqual(huggingFaceCaches({}, "/home/u"), ["/home/u/.cache/huggingface/hub"]);
    });
  });
});

describe("models whose library or config is missing", () => {
  it("shows a model whose config is not in the cache where it is built, with the reason and the action", async () => {
    const result = await analyzeScript('from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")\n', { caches: ["/nonexistent/hub"] });
    assert.equal(result.models.length, 1);
    const m = result.models[0];
    assert.equal(m.line, 3);
    assert.equal(m.complete, false);
    assert.match(m.unresolved[0].reason, /no config\.json for 'meta-llama\/Llama-3\.1-8B' in the Hugging Face cache .*download it once, or point '# greenlight: config=\.\.\.' at one/);
  });

  it("a `# greenlight: config=` pragma points the model at a config.json", async () => {
    const result = await analyzeScript('from transformers import AutoModelForCausalLM\n\n# greenlight: config=checkpoints/tiny-local/config.json\nmodel = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")\n');
    assert.equal(result.models[0].params, tinyParams(500, 32, 3, 128) + 32 * 500);
  });

  it("says a local folder has no config.json", async () => {
    const result = await analyzeScript('from transformers import AutoModel\nmodel = AutoModel.from_pretrained("./checkpoints")\n');
    assert.match(result.models[0].unresolved[0].reason, /no config\.json in .*checkpoints/);
  });

  it("shows a model whose library is not installed, with the action", async () => {
    const empty = mkdtempSync(join(tmpdir(), "gl-noenv-"));
    try {
      const result = await analyzeScript('from transformers import AutoModel\nmodel = AutoModel.from_pretrained("acme/tiny-chat")\nmodel.eval()\n', { root: empty });
      assert.equal(result.models.length, 1);
      assert.match(result.models[0].unresolved[0].reason, /transformers is not installed.*select the interpreter/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("shows XModel(XConfig()) where it is built when the library is not installed, and no tokenizer or config as a model", async () => {
    const empty = mkdtempSync(join(tmpdir(), "gl-noenv-"));
    try {
      const result = await analyzeScript(
        'from transformers import AutoConfig, AutoTokenizer, ViTConfig, ViTModel\nconfig = AutoConfig.from_pretrained("acme/tiny-chat")\ntokenizer = AutoTokenizer.from_pretrained("acme/tiny-chat")\nmodel = ViTModel(ViTConfig(image_size=32))\n',
        { root: empty },
      );
      assert.deepEqual(result.models.map((m) => [m.name, m.line]), [["model", 4]]);
      assert.match(result.models[0].unresolved[0].reason, /transformers is not installed.*select the interpreter/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("a model class whose construction fails is listed with the reason", async () => {
    const result = await analyzeScript("from transformers import TinyModel\nmodel = TinyModel()\n");
    assert.equal(result.models.length, 1);
    assert.equal(result.models[0].complete, false);
    assert.match(result.models[0].unresolved[0].reason, /not built: .*config/);
  });

  it("a failing call that nothing uses as a model is not reported as one", async () => {
    const result = await analyzeScript('from transformers import AutoTokenizer\ntokenizer = AutoTokenizer.from_pretrained("acme/none")\n');
    assert.equal(result.models.length, 0);
  });
});
