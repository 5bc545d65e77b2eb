import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyzeSource, SyntaxCache, type AnalysisResult } from "../../../src/core/analyze";
import type { PythonParser } from "../../../src/core/python/parser";
import { memoryFiles, testParser } from "../helpers/analyze";
import { mutations, seededRandom, tokenBoundaries } from "./mutations";

// `npm run fuzz` sets GREENLIGHT_FUZZ_SCALE (e.g. 20) for a longer run; npm test keeps it small.
const SCALE = Number(process.env.GREENLIGHT_FUZZ_SCALE ?? "1");
const SEED = Number(process.env.GREENLIGHT_FUZZ_SEED ?? "20261122");
const examples = join(__dirname, "../../../examples");
const corpus = readdirSync(examples).filter((f) => f.endsWith(".py")).map((f) => readFileSync(join(examples, f), "utf8"));
const BUDGET = { steps: 200_000, milliseconds: 2_000 };

async function analyzeText(text: string, others: Record<string, string> = {}): Promise<AnalysisResult> {
  const file = "/fuzz/main.py";
  const started = Date.now();
  const result = analyzeSource(await testParser(), { file, text, root: "/fuzz", files: memoryFiles({ ...others, [file]: text }), budget: BUDGET });
  // Each analysis ends within its budget (plus parse time), whatever the input.
  assert.ok(Date.now() - started < BUDGET.milliseconds * 3, `analysis took ${Date.now() - started} ms`);
  assert.ok(Array.isArray(result.models));
  for (const m of result.models) {
    assert.ok(Number.isFinite(m.params) && m.params >= 0);
    assert.ok(Number.isFinite(m.flops) && m.flops >= 0);
    if (!m.complete) assert.ok(m.unresolved.length > 0, "a partial report says why");
  }
  return result;
}

describe("fuzzing the analyzer (seeded, bounded)", function () {
  this.timeout(120_000 * SCALE);

  it("survives truncation at token boundaries", async () => {
    const random = seededRandom(SEED);
    let runs = 0;
    for (const text of corpus) {
      const cuts = tokenBoundaries(text);
      const step = Math.max(1, Math.floor(cuts.length / (40 * SCALE)));
      for (let i = Math.floor(random() * step); i < cuts.length; i += step) {
        await analyzeText(text.slice(0, cuts[i]));
        runs++;
      }
    }
    assert.ok(runs > 100, `${runs} truncations`);
  });

  it("survives deleted and duplicated lines, random bytes, unbalanced brackets and broken indentation", async () => {
    const random = seededRandom(SEED + 1);
    const names = Object.keys(mutations);
    for (let i = 0; i < 150 * SCALE; i++) {
      let text = corpus[Math.floor(random() * corpus.length)];
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) text = mutations[names[Math.floor(random() * names.length)]](text, random);
      await analyzeText(text);
    }
  });

  it("survives 10,000-deep nesting of brackets, calls and blocks", async () => {
    const depth = 10_000;
    await analyzeText(`x = ${"(".repeat(depth)}1${")".repeat(depth)}\n`);
    await analyzeText(`x = ${"[".repeat(depth)}${"]".repeat(depth)}\n`);
    await analyzeText(`x = ${"f(".repeat(depth)}1${")".repeat(depth)}\n`);
    await analyzeText(`x = 1${" + 1".repeat(depth)}\n`);
    let blocks = "";
    for (let i = 0; i < 2_000; i++) blocks += `${" ".repeat(i)}if True:\n`;
    await analyzeText(`${blocks}${" ".repeat(2_000)}pass\n`);
  });

  it("ends long loops and runaway recursion in a partial report", async () => {
    const result = await analyzeText(`
import torch.nn as nn
total = 0
for i in range(100000):
    total += i

class Loop(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.me = None
    def forward(self, x):
        while True:
            x = self.fc(x)

class Recursive(nn.Module):
    def __init__(self, depth=0):
        super().__init__()
        self.child = Recursive(depth + 1)
`);
    const loop = result.models.find((m) => m.name === "Loop");
    assert.ok(loop && !loop.complete, "the endless forward is cut off and says so");
    assert.ok(!result.models.some((m) => m.name === "Recursive"), "a class that builds itself forever is not a model");
  });

  it("survives self-imports, import cycles and classes that inherit from themselves", async () => {
    await analyzeText("from main import *\nimport main\nclass A(A):\n    pass\n");
    const others = {
      "/fuzz/a.py": "from b import *\nclass A: pass\n",
      "/fuzz/b.py": "from a import *\nfrom c import C\n",
      "/fuzz/c.py": "import b\nimport a\nC = 1\n",
    };
    await analyzeText("import a\nimport b\nfrom c import *\n", others);
  });

  it("keeps memory bounded: every WASM syntax tree is freed once its file changes or leaves the cache", async () => {
    const real = await testParser();
    let live = 0;
    const counting: PythonParser = {
      parse(text, previous) {
        const tree = real.parse(text, previous);
        live++;
        const free = tree.delete.bind(tree);
        tree.delete = () => {
          live--;
          free();
        };
        return tree;
      },
    };
    const cache = new SyntaxCache(8);
    const random = seededRandom(SEED + 2);
    for (let i = 0; i < 300 * SCALE; i++) {
      // the same file edited over and over, and a stream of other files passing through the cache
      const file = i % 3 === 0 ? `/fuzz/other_${i}.py` : "/fuzz/main.py";
      const text = `${mutations.duplicateLine(corpus[i % corpus.length], random)}\n# variant ${i}\n`;
      analyzeSource(counting, { file, text, root: "/fuzz", files: memoryFiles({ [file]: text }), budget: BUDGET, cache });
    }
    assert.ok(live <= 8, `${live} syntax trees still allocated after ${300 * SCALE} analyses (cache holds 8)`);
  });

  it("refuses files too large to analyze with a clear note, quickly", async () => {
    const big = "x = 1\n".repeat(900_000); // about 5 MB
    const started = Date.now();
    const result = analyzeSource(await testParser(), { file: "/fuzz/big.py", text: big, root: "/fuzz", files: memoryFiles({}), budget: BUDGET });
    assert.ok(Date.now() - started < 1000);
    assert.equal(result.models.length, 0);
    assert.match(result.notes.join(" "), /too large/);
  });
});
