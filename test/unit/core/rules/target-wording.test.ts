import assert from "node:assert/strict";
import { findingsOf, NET, ofRule } from "./helpers";
import { targetIsCpu } from "../../../../src/core/rules/target-wording";

// GL003 said "runs in fp32 on a GPU" whatever the selected hardware; with a CPU selected the script's torch.cuda
// checks answer "no GPU", so the message says what fits the target (src/core/rules/target-wording.ts).

const LOOP = `${NET}device = "cuda" if torch.cuda.is_available() else "cpu"
net = Net().to(device)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for x in [torch.ones(3, 4).to(device)]:
    loss = net(x).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

const KERAS = `import keras
model = keras.Sequential([keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3, batch_size=32)
`;

describe("GL003's wording follows the selected hardware (rules/target-wording)", () => {
  it("knows a CPU profile from a GPU one", () => {
    assert.equal(targetIsCpu("cpu-epyc-9755"), true);
    assert.equal(targetIsCpu("h100-sxm"), false);
    assert.equal(targetIsCpu("no-such-profile"), false);
  });

  it("on a GPU target the loop runs on a GPU; on a CPU target the message names the CPU and does not claim a GPU", async () => {
    const gpu = ofRule(await findingsOf(LOOP, { hardware: "h100-sxm" }), "GL003");
    assert.equal(gpu.length, 1);
    assert.match(gpu[0].message, /^This training loop runs in fp32 on a GPU: torch\.autocast/);
    const cpu = ofRule(await findingsOf(LOOP, { hardware: "cpu-epyc-9755" }), "GL003");
    assert.equal(cpu.length, 1);
    assert.ok(!cpu[0].message.includes("runs in fp32 on a GPU:"), cpu[0].message);
    assert.match(cpu[0].message, /on a GPU when the script finds one \(the selected hardware, cpu-epyc-9755, is a CPU without tensor cores/);
  });

  it("Keras: the tensor-core saving is said to be a GPU's when a CPU is selected", async () => {
    const gpu = ofRule(await findingsOf(KERAS, { hardware: "h100-sxm" }), "GL003");
    const cpu = ofRule(await findingsOf(KERAS, { hardware: "cpu-epyc-9755" }), "GL003");
    assert.equal(gpu.length, 1);
    assert.equal(cpu.length, 1);
    assert.ok(!gpu[0].message.includes("is a CPU"), gpu[0].message);
    assert.match(cpu[0].message, /on a GPU \(the selected hardware, cpu-epyc-9755, is a CPU, without tensor cores\)/);
  });
});
