import assert from "node:assert/strict";
import { bindPublished, publishedOverloads, signatureSource, signatureVersions } from "../../../../src/core/signatures/published";
import { int, str } from "../../../../src/core/interp/construct";
import type { Value } from "../../../../src/core/interp/values";
import torchData from "../../../../src/core/signatures/torch.json";
import numpyData from "../../../../src/core/signatures/numpy.json";
import pythonData from "../../../../src/core/signatures/python.json";
import { onlyModel } from "../../helpers/analyze";

const kw = (entries: [string, Value][]) => new Map(entries);
const numbers = (vs: Value[]) => vs.map((v) => (v.kind === "int" ? v.value : v.kind));

describe("published signatures (generated from the libraries' stubs)", () => {
  it("carry their library, version, generator and source files", () => {
    for (const data of [torchData, numpyData, pythonData]) {
      assert.ok(data.version && data.version !== "unknown", data.library);
      assert.equal(data.generator, "tools/signatures/generate.py");
      assert.ok(data.sources.length >= 8, `${data.library}: ${data.sources.length} files`);
      for (const [name, e] of Object.entries(data.signatures)) assert.ok(data.sources.includes(e.from), name);
    }
    assert.deepEqual(signatureVersions().map((v) => v.library), ["torch", "numpy", "typeshed"]);
    assert.match(signatureSource("torch.arange") ?? "", /^torch 1\.13.*_VariableFunctions\.pyi$/);
  });

  it("cover torch functions, Tensor methods, nn constructors, F.* and numpy", () => {
    for (const name of ["torch.arange", "torch.cat", "torch.split", "torch.Tensor.split", "torch.Tensor.view", "torch.nn.Conv2d", "torch.nn.LayerNorm", "torch.nn.functional.conv2d", "torch.nn.functional.interpolate", "numpy.linspace", "numpy.cumsum", "numpy.ndarray.astype"]) {
      assert.ok(publishedOverloads(name)?.length, name);
    }
    assert.deepEqual(publishedOverloads("torch.Tensor.split"), [["split_size", "dim=0"]]);
    assert.deepEqual(publishedOverloads("torch.nn.Linear"), [["in_features", "out_features", "bias=True", "device=None", "dtype=None"]]);
  });

  it("bind keywords the implementation does not name, by the library's own parameter order", () => {
    // torch.arange(start=0, end=10): the (start, end) overload, passed on by position
    const arange = bindPublished("torch.arange", ["*args", "end=None", "step=None", "dtype=None"], [], kw([["start", int(2)], ["end", int(10)]]));
    assert.deepEqual(numbers(arange.args), [2, 10]);
    assert.equal(arange.kwargs.size, 0);
    // keyword-only options stay keywords
    const withDtype = bindPublished("torch.arange", ["*args", "end=None", "step=None", "dtype=None"], [], kw([["start", int(1)], ["end", int(4)], ["dtype", str("x")]]));
    assert.deepEqual(numbers(withDtype.args), [1, 4]);
    assert.deepEqual([...withDtype.kwargs.keys()], ["dtype"]);
    // a gap before a later keyword is filled with the default
    const split = bindPublished("torch.Tensor.split", ["sizes", "dim=0"], [], kw([["split_size", int(2)], ["dim", int(-1)]]));
    assert.deepEqual(numbers(split.args), [2, -1]);
  });

  it("leave a call alone when the implementation already knows every keyword, or no overload accepts it", () => {
    const args = [int(1)];
    const kwargs = kw([["dim", int(0)]]);
    const same = bindPublished("torch.cat", ["tensors", "dim=0"], args, kwargs);
    assert.equal(same.args, args);
    const newer = bindPublished("torch.nn.LayerNorm", ["normalized_shape", "eps=1e-05", "elementwise_affine=True", "bias=True"], [int(4)], kw([["bias", int(0)]]));
    assert.equal(newer.kwargs.get("bias")?.kind, "int", "an argument newer than the stubs reaches the implementation");
  });

  it("make every keyword form of a real call bind the way Python binds it", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3, padding=1)
        self.proj = nn.Linear(in_features=8, out_features=4)

    def forward(self, x):
        pos = torch.arange(start=0, end=x.shape[-1])
        a, b = x.split(split_size=[1, 2], dim=1)
        y = self.conv(torch.cat(tensors=[a, b], dim=1))
        y = F.interpolate(input=y, scale_factor=2.0, mode="nearest")
        y = y.mean(dim=(2, 3), keepdim=False)
        return self.proj(y) + pos.sum()
`, { inputs: [{ shape: [1, 3, 8, 8], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.deepEqual(m.output, [[1, 4]]);
    assert.equal(m.params, 3 * 8 * 9 + 8 + 8 * 4 + 4);
    assert.equal(m.flops, 2 * 8 * 8 * 8 * 3 * 9 + 2 * 8 * 4);
  });

  it("bind builtins and the standard library as typeshed declares them", async () => {
    // measured with PyTorch 1.13 on the same code: 1,521 parameters, output [1, 13]
    const m = await onlyModel(`
import math
import torch.nn as nn
from itertools import accumulate

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        w = round(12.3456, ndigits=1)
        n = sum([1, 2], start=3)
        idx = [i for i, _ in enumerate(["a", "b"], start=10)]
        acc = list(accumulate([1, 2, 3], initial=100))
        self.fc = nn.Linear(n + idx[0] + acc[0], int(math.ceil(w)))

    def forward(self, x):
        return self.fc(x)
`, { inputs: [{ shape: [1, 116], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 1521);
    assert.deepEqual(m.output, [[1, 13]]);
  });
});
