import * as assert from "assert";
import { analyze, modelNamed } from "../../helpers/analyze";

// Scripts written for these tests: data read from a file the analyzer cannot see, reshaped to stated sizes with the
// function forms (torch.reshape, np.reshape) and rearranged with numpy's functions on torch tensors; a probe layer
// sized by the result's last dimension shows the shape the analyzer worked out.
const probe = (steps: string[]) => `import numpy as np
import torch
import torch.nn as nn

a = torch.from_numpy(np.load("cube.npy"))
${steps.join("\n")}
probe = nn.Linear(a.shape[-1], 1)
`;
const inFeatures = async (steps: string[]) => (modelNamed(await analyze(probe(steps)), "probe").params - 1);

describe("numpy's shape functions on tensors, and reshape's function forms on unseen data (src/core/interp/numpy-wrapped.ts)", () => {
  it("torch.reshape(data, sizes) of unseen data gives those sizes, as data.reshape(sizes) does", async () => {
    assert.strictEqual(await inFeatures(["a = torch.reshape(a, [21, 33, 2048])"]), 2048);
    assert.strictEqual(await inFeatures(["a = np.reshape(a, (7, 40))"]), 40);
  });

  it("np.swapaxes / np.moveaxis on a torch tensor run the tensor's own method (numpy's _wrapfunc)", async () => {
    assert.strictEqual(await inFeatures(["a = torch.reshape(a, [21, 33, 2048])", "a = np.swapaxes(a, 0, 2)"]), 21);
    assert.strictEqual(await inFeatures(["a = torch.reshape(a, [21, 33, 2048])", "a = np.moveaxis(a, 1, 2)"]), 33);
  });

  it("np.transpose without axes reverses them, with axes permutes; np.squeeze drops a size-1 axis", async () => {
    assert.strictEqual(await inFeatures(["a = torch.reshape(a, [5, 6, 7])", "a = np.transpose(a)"]), 5);
    assert.strictEqual(await inFeatures(["a = torch.reshape(a, [5, 6, 7])", "a = np.transpose(a, (0, 2, 1))"]), 6);
    assert.strictEqual(await inFeatures(["a = torch.reshape(a, [5, 6, 1])", "a = np.squeeze(a, axis=2)"]), 6);
  });

  it("a -1 size leaves unseen data unknown: no probe is sized from a guess", async () => {
    const result = await analyze(probe(["a = torch.reshape(a, [-1, 16])"]));
    const p = result.models.find((m) => m.name === "probe");
    assert.ok(!p || p.params <= 0 || !p.complete, `probe sized from a guess: ${p?.params}`);
  });
});
