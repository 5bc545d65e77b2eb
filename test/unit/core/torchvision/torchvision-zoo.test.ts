import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../helpers/analyze";
import { zooSources } from "../../../../src/core/torchvision/sources";

// Truth measured with PyTorch itself (test/fixtures/realworld/measure_torchvision.py on torch 2.11 /
// torchvision 0.26): parameters, FlopCounterMode FLOPs for one 1x3x224x224 input, named_modules paths and types.
interface Truth { params: number; flops: number; output: number[]; modules: string[] }
const truth = JSON.parse(readFileSync(join(__dirname, "../../../fixtures/realworld/torchvision-truth.json"), "utf8")) as { models: Record<string, Truth> };

/** Constructors our zoo defines: every `def name(weights=None` in its sources. */
const implemented = new Set<string>();
for (const [, text] of zooSources) for (const m of text.matchAll(/^def (\w+)\(weights=None/gm)) implemented.add(m[1]);

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

describe("torchvision zoo in user code", function () {
  this.timeout(30_000);
  const image = [{ shape: [1, 3, 224, 224], dtype: "float32" as const }];

  it("a backbone whose classifier is replaced by nn.Identity, and a new head on fc.in_features", async () => {
    const result = await analyze([
      "import torch.nn as nn",
      "from torchvision import models",
      "from torchvision.models import ResNet18_Weights",
      "class Net(nn.Module):",
      "    def __init__(self, n=10):",
      "        super().__init__()",
      "        self.backbone = models.resnet18(weights=ResNet18_Weights.DEFAULT)",
      "        features = self.backbone.fc.in_features",
      "        self.backbone.fc = nn.Identity()",
      "        self.head = nn.Linear(features, n)",
      "    def forward(self, x):",
      "        return self.head(self.backbone(x))",
    ].join("\n"), { inputs: image });
    const net = result.models.find((m) => m.name === "Net")!;
    const resnet18 = truth.models.resnet18;
    // resnet18 without its 512x1000 fc, plus a 512x10 head
    assert.equal(net.params, resnet18.params - (512 * 1000 + 1000) + (512 * 10 + 10));
    assert.equal(net.flops, resnet18.flops - 2 * 512 * 1000 + 2 * 512 * 10);
    assert.ok(net.layers.some((l) => l.path === "backbone.fc" && l.type === "Identity"));
    assert.deepEqual(net.unresolved, []);
  });

  it("takes weights by position, a bool there being the older pretrained flag (torchvision's kwonly_to_pos_or_kw)", async () => {
    for (const call of ["vgg11(False)", "vgg11(not args.scratch)", "vgg11(None, True)"]) {
      const result = await analyze(`import argparse\nfrom torchvision.models import vgg11\nparser = argparse.ArgumentParser()\nparser.add_argument('--scratch', action='store_true')\nargs = parser.parse_args()\nnet = ${call}\nnet.eval()\n`, { inputs: [{ shape: [1, 3, 224, 224], dtype: "float32" }] });
      assert.equal(result.models.find((m) => m.name === "net")?.params, truth.models.vgg11.params, call);
    }
  });

  it("import torchvision; torchvision.models.get_model by name with num_classes", async () => {
    const result = await analyze("import torchvision\n", { entry: "torchvision.models.get_model('mobilenet_v2', num_classes=10)", inputs: image });
    const want = truth.models.mobilenet_v2;
    assert.equal(result.models[0].params, want.params - (1280 * 1000 + 1000) + (1280 * 10 + 10));
  });

  it("a workspace's own torchvision package wins over the built-in zoo", async () => {
    const result = await analyze("from torchvision.models import resnet18\n", {
      entry: "resnet18()",
      others: {
        "/project/torchvision/__init__.py": "",
        "/project/torchvision/models.py": "import torch.nn as nn\ndef resnet18():\n    return nn.Linear(3, 2)\n",
      },
      inputs: [{ shape: [1, 3], dtype: "float32" }],
    });
    assert.equal(result.models[0].params, 8);
  });
});

describe("torchvision helpers that detection code uses", function () {
  this.timeout(30_000);

  it("getattr(torchvision.models, name)(pretrained=..., norm_layer=FrozenBatchNorm2d) inside IntermediateLayerGetter", async () => {
    const result = await analyze([
      "import torch.nn as nn, torchvision",
      "from torchvision.models._utils import IntermediateLayerGetter",
      "from torchvision.ops.misc import FrozenBatchNorm2d",
      "class Backbone(nn.Module):",
      "    def __init__(self, name='resnet50'):",
      "        super().__init__()",
      "        body = getattr(torchvision.models, name)(replace_stride_with_dilation=[False, False, False], pretrained=True, norm_layer=FrozenBatchNorm2d)",
      "        self.body = IntermediateLayerGetter(body, return_layers={'layer4': '0'})",
      "    def forward(self, x):",
      "        return self.body(x)['0']",
    ].join("\n"), { inputs: [{ shape: [1, 3, 224, 224], dtype: "float32" }] });
    const model = result.models.find((m) => m.name === "Backbone")!;
    const resnet50 = truth.models.resnet50;
    // no fc (2048 x 1000 + 1000) and frozen norms hold buffers, not parameters (53,120 in ResNet-50's BatchNorms)
    assert.equal(model.params, resnet50.params - (2048 * 1000 + 1000) - 53_120);
    assert.equal(model.flops, resnet50.flops - 2 * 2048 * 1000);
    assert.deepEqual(model.output, [[1, 2048, 7, 7]]);
    assert.ok(!model.layers.some((l) => l.path === "body.avgpool" || l.path === "body.fc"));
  });

  it("del removes dict keys, list items and slices", async () => {
    const result = await analyze([
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        d = {'a': 1, 'b': 2, 'c': 3}",
      "        del d['b']",
      "        xs = [1, 2, 3, 4, 5]",
      "        del xs[0]",
      "        del xs[1:3]",
      "        self.fc = nn.Linear(len(d) + sum(xs), 1)",
      "    def forward(self, x):",
      "        return self.fc(x)",
    ].join("\n"), { inputs: [{ shape: [1, 9], dtype: "float32" }] });
    // d has 2 keys, xs is [2, 5]: Linear(9, 1)
    assert.equal(result.models[0].params, 10);
  });
});

describe("torchvision models outside the built-in table (src/core/torchvision/utils.py)", function () {
  it("get_model of one the table lacks lists the model with the reason and the action", async () => {
    const report = await analyze(`import torchvision

model = torchvision.models.get_model("r3d_18", weights=None)
`);
    const listed = report.models.find((m) => m.name === "model");
    assert.ok(listed, `models: ${report.models.map((m) => m.name).join(", ")}`);
    assert.match(listed.unresolved[0]?.reason ?? "", /'r3d_18' is not among the analyzer's built-in torchvision models: install torchvision in the project's Python environment/);
  });
});
