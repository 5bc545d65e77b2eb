import assert from "node:assert/strict";
import { findingsInProject, NET, ofRule } from "./helpers";

// A function imported from another workspace file (`from engine import train_one_epoch`) calls that file's own
// functions by their names there (`_step`), which this file never imports: GL002, GL003 and GL005 follow them.

const ENGINE = `import torch


def _step(model, x, y, optimizer):
    loss = torch.nn.functional.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    for x, y in loader:
        _step(model, x.to(device), y.to(device), optimizer)


def _forward(model, x):
    return model(x)


def evaluate(model, batches):
    return [_forward(model, x) for x in batches]
`;

describe("rules follow a from-imported helper into its own file's functions", () => {
  it("GL003: `from engine import train_one_epoch`, whose backward is in engine's `_step`", async () => {
    const script = `${NET}from engine import train_one_epoch

device = torch.device("cuda")
net = Net().to(device)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(3):
    train_one_epoch(net, [], optimizer, device)
`;
    const [f] = ofRule(await findingsInProject(script, { "/project/engine.py": ENGINE }), "GL003");
    assert.ok(f, "the loop trains in fp32 on CUDA through train_one_epoch -> _step");
    assert.match(f.message, /^train_one_epoch\(\) runs a training loop \(engine\.py:7\) in fp32 on a GPU/);
    assert.deepEqual(f.fixes, []);
    // Autocast in the sibling that holds the step: mixed precision, nothing to say.
    const amp = ENGINE.replace("    loss = torch.nn", '    with torch.autocast("cuda", dtype=torch.bfloat16):\n        pass\n    loss = torch.nn');
    assert.equal(ofRule(await findingsInProject(script, { "/project/engine.py": amp }), "GL003").length, 0);
  });

  it("GL002 and GL005: `from engine import evaluate`, which runs the model through engine' own `_forward`", async () => {
    const evalThen = `${NET}from engine import evaluate

net = Net()
net.load_state_dict(torch.load("net.pt"))
net.eval()
scores = evaluate(net, [torch.ones(3, 4)])
`;
    const [f] = ofRule(await findingsInProject(evalThen, { "/project/engine.py": ENGINE }), "GL002");
    assert.ok(f, "evaluate -> _forward runs the eval'd model with autograd on");
    assert.match(f.message, /'net' runs in eval mode with autograd on \(through evaluate\(\)\)/);
    const guarded = ENGINE.replace("def _forward(model, x):\n", "@torch.no_grad()\ndef _forward(model, x):\n");
    assert.equal(ofRule(await findingsInProject(evalThen, { "/project/engine.py": guarded }), "GL002").length, 0, "the sibling guards its forward");
    // GL005 is about inference under no_grad without eval(): here the guard is in the sibling.
    const noEval = evalThen.replace("net.eval()\n", "");
    const [g] = ofRule(await findingsInProject(noEval, { "/project/engine.py": guarded }), "GL005");
    assert.ok(g, "loaded and run under no_grad through evaluate -> _forward, without eval()");
    assert.match(g.message, /'net' runs inference \(through evaluate\(\)\) without net\.eval\(\): Dropout stays active/);
    const evalInside = guarded.replace("def _forward(model, x):\n", "def _forward(model, x):\n    model.eval()\n");
    assert.equal(ofRule(await findingsInProject(noEval, { "/project/engine.py": evalInside }), "GL005").length, 0, "the sibling puts it in eval mode");
  });

  it("a sibling is reached only from its own file: this file's call of the same name is not it", async () => {
    // `_forward` here is the script's own function, which does not run the model; engine's `_forward` is not imported.
    const script = `${NET}from engine import train_one_epoch


def _forward(model, x):
    return x


net = Net()
net.load_state_dict(torch.load("net.pt"))
net.eval()
out = _forward(net, torch.ones(3, 4))
`;
    assert.equal(ofRule(await findingsInProject(script, { "/project/engine.py": ENGINE }), "GL002").length, 0);
  });
});
