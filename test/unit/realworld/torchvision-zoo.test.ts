import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../helpers/analyze";
import { zooSources } from "../../../src/core/torchvision/sources";

// Truth measured with PyTorch itself (test/fixtures/realworld/measure_torchvision.py on torch 2.11 /
// torchvision 0.26): parameters, FlopCounterMode FLOPs for one 1x3x224x224 input, named_modules paths and types.
interface Truth { params: number; flops: number; output: number[]; modules: string[] }
const truth = JSON.parse(readFileSync(join(__dirname, "../../fixtures/realworld/torchvision-truth.json"), "utf8")) as { models: Record<string, Truth> };

/** Constructors our zoo defines: every `def name(*, weights=None` in its sources. */
const implemented = new Set<string>();
for (const [, text] of zooSources) for (const m of text.matchAll(/^def (\w+)\(\*, weights=None/gm)) implemented.add(m[1]);

async function analyzeZoo(name: string) {
  const result = await analyze(`import torchvision\n`, { entry: `torchvision.models.${name}(weights=None)`, inputs: [{ shape: [1, 3, 224, 224], dtype: "float32" }] });
  return result.models[0];
}

describe("torchvision zoo catalogue (against PyTorch's own counts)", function () {
  this.timeout(60_000);
  const names = Object.keys(truth.models).filter((n) => implemented.has(n));

  it("covers the common constructors", () => {
    for (const n of ["resnet18", "resnet50"]) assert.ok(implemented.has(n), `${n} missing`);
  });

  for (const name of names) {
    it(`${name}: params, FLOPs, output and named_modules equal PyTorch's`, async () => {
      const want = truth.models[name];
      const model = await analyzeZoo(name);
      assert.deepEqual(model.unresolved, [], `${name} unresolved: ${JSON.stringify(model.unresolved.slice(0, 3))}`);
      assert.equal(model.params, want.params, "params");
      assert.equal(model.flops, want.flops, "flops");
      assert.deepEqual(model.output, [want.output]);
      const got = model.layers.map((l) => `${l.path}:${l.type}`);
      assert.deepEqual(got, want.modules);
    });
  }
});
