import assert from "node:assert/strict";
import { viewFailsChannelsLast } from "../../../../src/core/torch/memory-format";

// Truth from PyTorch 1.13 (Debian python3-torch): x = torch.randn(*shape).contiguous(memory_format=torch.channels_last),
// then x.view(*target) raises or not.
const MEASURED: [number[], number[], boolean][] = [
  [[2, 5, 2, 2], [2, 20], false],
  [[2, 5, 1, 1], [2, 5], true],
  [[1, 5, 2, 2], [5, 4], true],
  [[2, 5, 3, 3], [2, 5, 9], true],
  [[2, 1, 3, 3], [2, 9], true],
  [[2, 5, 3, 3], [10, 9], false],
  [[2, 5, 1, 3], [2, 15], false],
  [[2, 5, 3, 1], [2, 15], false],
  [[2, 5, 3, 3], [2, 5, 3, 3], true],
  [[1, 1, 4, 4], [16], true],
  [[2, 4, 2, 2], [2, 2, 2, 2, 2], true],
  [[2, 4, 2, 2], [4, 2, 4], false],
];

describe("views of a channels-last tensor (ATen's computeStride)", () => {
  for (const [shape, target, works] of MEASURED) {
    it(`view(${target.join(", ")}) of a channels-last ${shape.join("x")} tensor ${works ? "works" : "raises"}, as in PyTorch`, () => {
      assert.equal(viewFailsChannelsLast(shape, target), !works);
    });
  }

  it("says nothing of tensors that are not 4-D (channels_last is a 4-D layout)", () => {
    assert.equal(viewFailsChannelsLast([2, 5, 3], [2, 15]), false);
  });
});
