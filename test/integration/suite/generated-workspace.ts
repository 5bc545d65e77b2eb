// Generates many small PyTorch files into a folder of the test workspace, at test time (never in git): the load
// test's stand-in for a large repository. Written through workspace.fs, so the extension meets them as a user's
// checkout would (file watcher events, then indexing).
import * as vscode from "vscode";

/** Python source of the n-th generated file: a small model whose layer sizes vary with n, importing a shared module. */
export function generatedModule(index: number): string {
  const width = 16 + (index % 7) * 8;
  const depth = 1 + (index % 4);
  const layers = Array.from({ length: depth }, (_, layer) => `            nn.Linear(${width + layer}, ${width + layer + 1}),\n            nn.ReLU(),`).join("\n");
  return `import torch\nimport torch.nn as nn\nfrom .common import SCALE\n\nWIDTH = ${width}\n\n\n# greenlight: input=1x${width}\nclass Generated${index}(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.body = nn.Sequential(\n${layers}\n        )\n\n    def forward(self, x):\n        return self.body(x)\n`;
}

/** Writes `count` generated files (and __init__.py, common.py) under `folder`, a few at a time; returns their URIs. */
export async function writeGeneratedWorkspace(folder: vscode.Uri, count: number): Promise<vscode.Uri[]> {
  await vscode.workspace.fs.createDirectory(folder);
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, "__init__.py"), encoder.encode(""));
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, "common.py"), encoder.encode("SCALE = 2\n"));
  const uris = Array.from({ length: count }, (_, index) => vscode.Uri.joinPath(folder, `module_${String(index).padStart(4, "0")}.py`));
  const batch = 10;
  for (let start = 0; start < uris.length; start += batch) {
    await Promise.all(uris.slice(start, start + batch).map((uri, offset) => vscode.workspace.fs.writeFile(uri, encoder.encode(generatedModule(start + offset)))));
  }
  return uris;
}
