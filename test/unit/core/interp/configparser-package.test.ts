import assert from "node:assert/strict";
import { analyze, onlyModel } from "../../helpers/analyze";

// Python's configparser as a built-in package (src/core/interp/configparser-package.ts): an INI file in the workspace
// read as Python 3.11 reads it, its values strings; a model or a training run sized from it has those sizes.
const INI = `[DEFAULT]
root = /data
width = 8

[Net]
    # a comment line, indented
    ; another kind
    Hidden = 32
    layers = [1,
        2, 3]
    path = %(root)s/mnist
    use_bias = yes
    note = 5 ; not an inline comment by default

[Other]
width = 4
`;

const MODEL = (read: string) => `import configparser
import torch.nn as nn

${read}

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(SIZES[0], SIZES[1])

    def forward(self, x):
        return self.fc(x)

model = Net()
`;
const params = async (read: string, ini = INI) => (await onlyModel(MODEL(read), { others: { "/project/net.ini": ini } })).params;

describe("configparser (src/core/interp/configparser-package.ts)", () => {
  it("reads sections, lowercased keys, DEFAULT values, continuation lines and %(name)s interpolation", async () => {
    assert.equal(await params(`p = configparser.ConfigParser()
p.read("net.ini")
SIZES = [p.getint("Net", "hidden"), int(p["Net"]["width"])]`), 32 * 8 + 8);
    // "[1,\\n2, 3]" is one value of 9 characters: the continuation line joins with a newline.
    assert.equal(await params(`p = configparser.ConfigParser()
p.read(["net.ini"])
SIZES = [len(p.get("Net", "layers")), len(p.get("Net", "path"))]`), 9 * 11 + 11);
    // An inline ';' is part of the value unless inline_comment_prefixes says otherwise.
    assert.equal(await params(`p = configparser.ConfigParser()
p.read("net.ini")
SIZES = [len(p["Net"]["note"]), 2]`), "5 ; not an inline comment by default".length * 2 + 2);
    assert.equal(await params(`p = configparser.ConfigParser(inline_comment_prefixes=(";",))
p.read("net.ini")
SIZES = [int(p["Net"]["note"]), 2]`), 5 * 2 + 2);
  });

  it("keeps key case under optionxform = str, reads getboolean's words, dict(section) and fallbacks", async () => {
    assert.equal(await params(`p = configparser.ConfigParser()
p.optionxform = str
p.read("net.ini")
section = dict(p["Net"])
SIZES = [int(section["Hidden"]), 3 if p.getboolean("Net", "use_bias") else 1]`), 32 * 3 + 3);
    assert.equal(await params(`p = configparser.ConfigParser()
p.read("net.ini")
SIZES = [p.getint("Net", "missing", fallback=6), p.getint("Other", "width")]`), 6 * 4 + 4);
  });

  it("ExtendedInterpolation's \${section:option}, read_string, and RawConfigParser leaving %(...)s alone", async () => {
    const extended = "[paths]\nbase = 12\n[net]\nin = ${paths:base}\nout = ${in}\n";
    assert.equal(await params(`p = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
p.read_string(open("net.ini").read())
SIZES = [int(p["net"]["in"]), int(p["net"]["out"])]`, extended), 12 * 12 + 12);
    assert.equal(await params(`p = configparser.RawConfigParser()
p.read("net.ini")
SIZES = [len(p.get("Net", "path")), 1]`), "%(root)s/mnist".length + 1);
  });

  it("a file the workspace does not hold reads nothing, and the model is left unknown rather than made up", async () => {
    const result = await analyze(MODEL(`p = configparser.ConfigParser()
p.read("missing.ini")
SIZES = [p.getint("Net", "hidden"), int(p["Net"]["width"])]`));
    const model = result.models.find((m) => m.name === "Net");
    assert.ok(model, "the model is still listed");
    assert.equal(model.complete, false, "sized from a file that is not there, it is marked incomplete");
    assert.notEqual(model.params, 32 * 8 + 8);
    // Python skips a file it cannot open: what the script looks up is unknown because the file is not there.
    assert.ok(model.unresolved.some((u) => /missing\.ini is not in the workspace/.test(u.reason)), JSON.stringify(model.unresolved));
  });

  it("gives a training run the epochs and batch its argparse defaults take from an INI section through ast.literal_eval", async () => {
    const script = `import argparse
import ast
import configparser
import torch
from torchvision import datasets

def get_config_section(filenames, section):
    parser = configparser.ConfigParser()
    parser.optionxform = str
    files = parser.read(filenames)
    if len(files) == 0:
        raise ValueError("no config")
    return {k: ast.literal_eval(v) for k, v in dict(parser[section]).items()}

defaults = get_config_section(["hyper.ini"], "Custom")
parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=defaults["epochs"])
parser.add_argument("--batch-size", type=int, default=defaults["batch_size"])
args = parser.parse_args()

loader = torch.utils.data.DataLoader(datasets.MNIST("data", train=True), batch_size=args.batch_size)
model = torch.nn.Linear(784, 10)
optimizer = torch.optim.Adam(model.parameters())
for epoch in range(args.epochs):
    for x, y in loader:
        optimizer.zero_grad()
        model(x.flatten(1)).sum().backward()
        optimizer.step()
`;
    const ini = "[Custom]\n    # Training options\n    epochs = 100\n    batch_size = 64\n    dataset = 'mnist'\n";
    const plan = (await analyze(script, { others: { "/project/hyper.ini": ini } })).training ?? {};
    assert.equal(plan.epochs?.value, 100);
    assert.equal(plan.batch?.value, 64);
    assert.ok(plan.configFiles?.some((f) => f.endsWith("hyper.ini")), "the plan names the INI file it read");
  });
});
