/** Generates synthetic but realistic model code for the benchmarks (our own text, never a real project's). */

/** A model-library-style file: many building blocks with arguments, a few configurable top-level models. */
export function generateLargeModelFile(blocks: number): string {
  const out: string[] = [
    '"""Generated model library for benchmarking Greenlight."""',
    "import math",
    "from dataclasses import dataclass",
    "",
    "import torch",
    "import torch.nn as nn",
    "import torch.nn.functional as F",
    "",
  ];
  for (let i = 0; i < blocks; i++) {
    out.push(
      `class ConvBlock${i}(nn.Module):`,
      `    """Block ${i}: conv, norm, activation, optional squeeze-excitation and a residual."""`,
      "",
      "    def __init__(self, in_channels, out_channels, stride=1, expansion=2, use_se=True):",
      "        super().__init__()",
      "        hidden = int(round(in_channels * expansion))",
      "        self.expand = nn.Conv2d(in_channels, hidden, kernel_size=1, bias=False)",
      "        self.bn1 = nn.BatchNorm2d(hidden)",
      "        self.depthwise = nn.Conv2d(hidden, hidden, kernel_size=3, stride=stride, padding=1, groups=hidden, bias=False)",
      "        self.bn2 = nn.BatchNorm2d(hidden)",
      "        if use_se:",
      "            squeezed = max(8, hidden // 4)",
      "            self.se = nn.Sequential(",
      "                nn.AdaptiveAvgPool2d(1),",
      "                nn.Conv2d(hidden, squeezed, 1),",
      "                nn.ReLU(inplace=True),",
      "                nn.Conv2d(squeezed, hidden, 1),",
      "                nn.Sigmoid(),",
      "            )",
      "        else:",
      "            self.se = None",
      "        self.project = nn.Conv2d(hidden, out_channels, kernel_size=1, bias=False)",
      "        self.bn3 = nn.BatchNorm2d(out_channels)",
      "        self.use_residual = stride == 1 and in_channels == out_channels",
      "",
      "    def forward(self, x):",
      "        out = F.relu(self.bn1(self.expand(x)))",
      "        out = F.relu(self.bn2(self.depthwise(out)))",
      "        if self.se is not None:",
      "            out = out * self.se(out)",
      "        out = self.bn3(self.project(out))",
      "        if self.use_residual:",
      "            out = out + x",
      "        return out",
      "",
      "",
    );
  }
  out.push(
    "@dataclass",
    "class NetConfig:",
    "    width: int = 32",
    "    depth: int = 4",
    "    num_classes: int = 1000",
    "",
    "",
    "class Net(nn.Module):",
    "    def __init__(self, config):",
    "        super().__init__()",
    "        self.stem = nn.Conv2d(3, config.width, 3, stride=2, padding=1, bias=False)",
    "        blocks = []",
    "        channels = config.width",
    "        for i in range(config.depth):",
    "            out_channels = channels * 2 if i % 2 else channels",
    `            blocks.append([${Array.from({ length: Math.min(blocks, 8) }, (_, i) => `ConvBlock${i}`).join(", ")}][i % ${Math.min(blocks, 8)}](channels, out_channels, stride=2 if i % 2 else 1))`,
    "            channels = out_channels",
    "        self.blocks = nn.Sequential(*blocks)",
    "        self.pool = nn.AdaptiveAvgPool2d(1)",
    "        self.head = nn.Linear(channels, config.num_classes)",
    "",
    "    def forward(self, x):",
    "        x = self.blocks(self.stem(x))",
    "        return self.head(torch.flatten(self.pool(x), 1))",
    "",
  );
  return out.join("\n");
}

/** A package of many small model files importing shared layers, like a model zoo. */
export function generatePackage(files: number): Map<string, string> {
  const out = new Map<string, string>();
  out.set("zoo/__init__.py", "");
  out.set("zoo/layers.py", [
    "import torch.nn as nn",
    "",
    "def conv_bn(cin, cout, stride=1):",
    "    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))",
    "",
  ].join("\n"));
  for (let i = 0; i < files; i++) {
    const width = 8 + (i % 5) * 8;
    out.set(`zoo/model_${i}.py`, [
      "import torch",
      "import torch.nn as nn",
      "from .layers import conv_bn",
      "",
      `class Model${i}(nn.Module):`,
      `    def __init__(self, num_classes=${10 + i}):`,
      "        super().__init__()",
      `        self.features = nn.Sequential(conv_bn(3, ${width}), conv_bn(${width}, ${width * 2}, 2), conv_bn(${width * 2}, ${width * 4}, 2))`,
      "        self.pool = nn.AdaptiveAvgPool2d(1)",
      `        self.fc = nn.Linear(${width * 4}, num_classes)`,
      "",
      "    def forward(self, x):",
      "        return self.fc(torch.flatten(self.pool(self.features(x)), 1))",
      "",
      "",
    ].join("\n"));
  }
  return out;
}

/**
 * A notebook's cells as a data scientist writes them, from the large model file: an import cell, one cell per
 * top-level definition, a magic here and there, markdown between, and a last cell that builds the model and runs it
 * on a batch. `cells` code cells in all (markdown cells come on top, as in the notebook).
 */
export function generateNotebookCells(cells: number): { kind: "code" | "markdown"; source: string }[] {
  const lines = generateLargeModelFile(Math.max(8, cells - 4)).split("\n");
  const chunks: string[][] = [[]];
  for (const line of lines) {
    // a top-level definition (its decorator first) starts a cell; the imports stay together in the first
    if (/^(@|class |def )/.test(line) && !/^class /.test(chunks[chunks.length - 1].at(-1) ?? "") && !chunks[chunks.length - 1].at(-1)?.startsWith("@")) chunks.push([]);
    chunks[chunks.length - 1].push(line);
  }
  const code = chunks.map((c) => c.join("\n").trim()).filter((c) => c !== "").slice(0, cells - 1);
  code.push("%%time\nmodel = Net(NetConfig())\nmodel.eval()\n!nvidia-smi\nbatch = torch.randn(8, 3, 64, 64)\nout = model(batch)");
  code[0] = `%matplotlib inline\n${code[0]}`;
  const out: { kind: "code" | "markdown"; source: string }[] = [];
  code.forEach((source, i) => {
    if (i % 5 === 0) out.push({ kind: "markdown", source: `## Part ${i / 5 + 1}\nThe next blocks.` });
    out.push({ kind: "code", source });
  });
  return out;
}

/**
 * An installed library laid out as timm is: an `__init__` that star-imports every model module (read lazily by the
 * analyzer), a registry filled by decorators, `modules` small model files re-exported through `models/__init__`,
 * shared layers, and one large model file of
 * `largeBlocks` blocks (about 36 lines each). Paths are relative to site-packages.
 */
export function generateInstalledLibrary(modules: number, largeBlocks: number): Map<string, string> {
  const out = new Map<string, string>();
  out.set("benchlib/__init__.py", ["from ._registry import create_model, register_model", "from .models import *", ""].join("\n"));
  out.set("benchlib/_registry.py", [
    "_model_entrypoints = {}",
    "",
    "def register_model(fn):",
    "    _model_entrypoints[fn.__name__] = fn",
    "    return fn",
    "",
    "def create_model(model_name, pretrained=False, **kwargs):",
    "    if model_name not in _model_entrypoints:",
    "        raise RuntimeError(f'Unknown model ({model_name})')",
    "    return _model_entrypoints[model_name](**kwargs)",
    "",
  ].join("\n"));
  out.set("benchlib/layers.py", generatePackage(0).get("zoo/layers.py")!);
  const models = ["from .large_models import *"];
  for (let i = 0; i < modules; i++) {
    const text = generatePackage(i + 1).get(`zoo/model_${i}.py`)!.replace("from .layers import", "from ..layers import");
    out.set(`benchlib/models/model_${i}.py`, [`from .._registry import register_model`, text, `__all__ = ["Model${i}", "model_${i}"]`, "", "@register_model", `def model_${i}(**kwargs):`, `    return Model${i}(**kwargs)`, ""].join("\n"));
    models.push(`from .model_${i} import *`);
  }
  out.set("benchlib/models/__init__.py", `${models.join("\n")}\n`);
  const large = generateLargeModelFile(largeBlocks).replace("import torch.nn.functional as F\n", "import torch.nn.functional as F\n\nfrom .._registry import register_model\n");
  out.set("benchlib/models/large_models.py", `${large}\n\n@register_model\ndef large_net(**kwargs):\n    return Net(NetConfig(**kwargs))\n`);
  return out;
}
