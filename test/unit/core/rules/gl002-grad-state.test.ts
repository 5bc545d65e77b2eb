import assert from "node:assert/strict";
import { findingsOf, NET, ofRule } from "./helpers";

// Where autograd is off without a `with` around the call: a function the file calls only under no_grad, and a
// transformers model's generate() (decorated @torch.no_grad()). And `.train(False)`, which is `.eval()`.

describe("GL002: autograd state the code sets elsewhere", () => {
  it("a function the file calls only under torch.no_grad() runs without autograd: no finding inside it", async () => {
    const script = `${NET}def evaluate(model, batches):
    model.eval()
    return [model(x) for x in batches]


net = Net()
with torch.no_grad():
    scores = evaluate(net, [torch.ones(3, 4)])
`;
    assert.equal(ofRule(await findingsOf(script), "GL002").length, 0);
    // One call outside the guard: evaluate's body does run with autograd on.
    const unguarded = `${script}scores = evaluate(net, [torch.ones(3, 4)])\n`;
    const [f] = ofRule(await findingsOf(unguarded), "GL002");
    assert.ok(f, "called once without no_grad");
    assert.match(f.message, /'model' runs in eval mode with autograd on/);
  });

  it("`.train(False)` puts the model in eval mode as `.eval()` does; `.train(True)` does not", async () => {
    const script = `${NET}net = Net()
net.train(False)
y = net(torch.ones(3, 4))
`;
    const [f] = ofRule(await findingsOf(script), "GL002");
    assert.ok(f, "eval mode by train(False), run with autograd on");
    assert.match(f.message, /'net' runs in eval mode with autograd on/);
    assert.equal(ofRule(await findingsOf(script.replace("train(False)", "train(True)")), "GL002").length, 0);
    // eval() returns the module: `net = net.eval()` is the same statement.
    const [assigned] = ofRule(await findingsOf(script.replace("net.train(False)", "net = net.eval()")), "GL002");
    assert.ok(assigned, "eval mode by `net = net.eval()`");
    assert.equal(ofRule(await findingsOf(script.replace("net.train(False)", "other = net.eval()")), "GL002").length, 0, "another name: not followed here");
  });

  it("a transformers model's generate() runs under no_grad already, through a helper too; a model's own call does not", async () => {
    const script = `import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("gpt2", torch_dtype=torch.bfloat16)
model = model.to("cuda")
model.eval()


def reply(m, ids):
    return m.generate(ids, max_new_tokens=8)


out = reply(model, torch.ones(1, 4, dtype=torch.long))
out = model.generate(torch.ones(1, 4, dtype=torch.long))
`;
    assert.equal(ofRule(await findingsOf(script), "GL002").length, 0);
    const forward = script.replace("out = model.generate(", "out = model(");
    assert.equal(ofRule(await findingsOf(forward), "GL002").length, 1, "model(ids) records the graph");
    // A workspace model's generate() is the file's own code: no library knowledge applies.
    const own = `${NET}net = Net()
net.eval()
out = net.generate(torch.ones(3, 4))
`;
    assert.equal(ofRule(await findingsOf(own), "GL002").length, 1);
  });
});
