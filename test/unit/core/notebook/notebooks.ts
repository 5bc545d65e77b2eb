/** A cell for a test notebook: code (the default) or markdown, its source lines joined. */
export interface TestCell {
  markdown?: boolean;
  source: string;
  id?: string;
  /** Write the source as one string instead of nbformat's list of lines. */
  asString?: boolean;
  outputs?: unknown[];
}

/** A notebook's JSON as Jupyter writes it (nbformat 4.5, one-space indentation, source as lists of lines). */
export function notebookJson(cells: TestCell[], options: { language?: string; indent?: number } = {}): string {
  const nb = {
    cells: cells.map((c, i) => ({
      cell_type: c.markdown ? "markdown" : "code",
      ...(c.markdown ? {} : { execution_count: i + 1 }),
      id: c.id ?? `cell-${i}`,
      metadata: {},
      ...(c.markdown ? {} : { outputs: c.outputs ?? [] }),
      source: c.asString ? c.source : (c.source.match(/[^\n]*\n|[^\n]+$/g) ?? []),
    })),
    metadata: {
      kernelspec: { display_name: "Python 3", language: options.language ?? "python", name: "python3" },
      language_info: { name: options.language ?? "python", version: "3.11.4" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(nb, null, options.indent ?? 1)}\n`;
}

/** A model spread over cells with magics, shell escapes and markdown between them; `spreadPython` is the same code. */
export const SPREAD_CELLS: TestCell[] = [
  { markdown: true, source: "# A small CNN\nThe model is spread over cells." },
  { source: "%matplotlib inline\n!pip install torch\nimport torch\nimport torch.nn as nn\n\nWIDTH = 32\nCLASSES = 10" },
  { markdown: true, source: "## The model" },
  {
    source:
      "class Net(nn.Module):\n    def __init__(self, classes=CLASSES):\n        super().__init__()\n        self.conv = nn.Conv2d(3, WIDTH, 3, padding=1)\n        self.bn = nn.BatchNorm2d(WIDTH)\n        self.head = nn.Linear(WIDTH, classes)\n\n    def forward(self, x):\n        x = self.bn(self.conv(x)).relu()\n        return self.head(x.mean((2, 3)))",
  },
  { source: "%%time\nmodel = Net()\nmodel.eval()\nbatch = torch.randn(16, 3, 28, 28)\nfiles = !ls\nout = model(batch)\nmodel?" },
];

/** SPREAD_CELLS's code as a .py file, without the IPython syntax. */
export const SPREAD_PYTHON = `import torch
import torch.nn as nn

WIDTH = 32
CLASSES = 10


class Net(nn.Module):
    def __init__(self, classes=CLASSES):
        super().__init__()
        self.conv = nn.Conv2d(3, WIDTH, 3, padding=1)
        self.bn = nn.BatchNorm2d(WIDTH)
        self.head = nn.Linear(WIDTH, classes)

    def forward(self, x):
        x = self.bn(self.conv(x)).relu()
        return self.head(x.mean((2, 3)))


model = Net()
model.eval()
batch = torch.randn(16, 3, 28, 28)
out = model(batch)
`;
