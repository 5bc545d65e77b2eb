import { strict as assert } from "node:assert";
import { PythonError } from "../../../../src/core/interp/values";
import { bmmFlops, convBackwardFlops, convFlops, mmFlops, recurrentLayerFlops, sdpaFlops } from "../../../../src/core/torch/flops";
import { broadcastShapes, convOutputLength, convTransposeOutputLength, inferViewShape, poolOutputLength, reducedShape, sliceLength } from "../../../../src/core/torch/shapes";

describe("torch shapes", () => {
  it("conv output length: floor((L + 2p - d(k-1) - 1)/s + 1)", () => {
    assert.equal(convOutputLength(224, 7, 2, 3, 1), 112); // (224 + 6 - 6 - 1)/2 + 1 = 112.5 → 112
    assert.equal(convOutputLength(50, 3, 2, 0, 1), 24); // (50 - 2 - 1)/2 + 1 = 24.5 → 24
    assert.equal(convOutputLength(31, 3, 1, 2, 2), 31); // (31 + 4 - 4 - 1) + 1
    assert.throws(() => convOutputLength(2, 5, 1, 0, 1), PythonError);
  });

  it("transposed conv length: (L-1)s - 2p + d(k-1) + output_padding + 1", () => {
    assert.equal(convTransposeOutputLength(12, 3, 2, 1, 1, 1), 24); // 22 - 2 + 2 + 1 + 1
    assert.equal(convTransposeOutputLength(10, 3, 1, 0, 2, 0), 14); // 9 + 4 + 1
  });

  it("pool length with ceil_mode, including the window that would start in the right padding", () => {
    assert.equal(poolOutputLength(112, 3, 2, 0, 1, false), 55); // floor(109/2) + 1
    assert.equal(poolOutputLength(112, 3, 2, 0, 1, true), 56); // ceil(109/2) + 1; (56-1)·2 = 110 < 112
    assert.equal(poolOutputLength(14, 3, 2, 1, 1, true), 8); // ceil(13/2) + 1 = 8; 7·2 = 14 < 15
    assert.equal(poolOutputLength(5, 2, 2, 1, 1, true), 3); // ceil(5/2) + 1 = 4, but (4-1)·2 = 6 >= 5 + 1: dropped
    assert.throws(() => poolOutputLength(10, 2, 2, 2, 1, false), /at most half/);
  });

  it("broadcasts from the trailing dims and rejects mismatches", () => {
    assert.deepEqual(broadcastShapes([8, 1, 6, 1], [7, 1, 5]), [8, 7, 6, 5]);
    assert.deepEqual(broadcastShapes([], [3]), [3]);
    assert.deepEqual(broadcastShapes([2, 1], [1, 3], [4, 1, 1]), [4, 2, 3]);
    assert.throws(() => broadcastShapes([2, 3], [3, 2]), PythonError);
  });

  it("infers one -1 in a view and checks the element count", () => {
    assert.deepEqual(inferViewShape([-1, 400], 4 * 16 * 5 * 5, [4, 16, 5, 5]), [4, 400]);
    assert.throws(() => inferViewShape([-1, 7], 24, [2, 12]), /invalid for input of size 24/);
    assert.throws(() => inferViewShape([-1, -1], 24, [24]), /only one dimension/);
  });

  it("reduces dims with and without keepdim; slices like Python", () => {
    assert.deepEqual(reducedShape([2, 3, 4], [1, -1], false), [2]);
    assert.deepEqual(reducedShape([2, 3, 4], [1], true), [2, 1, 4]);
    assert.equal(sliceLength(10, 1, undefined, 3), 3); // 1, 4, 7
    assert.equal(sliceLength(10, -3, undefined, 1), 3);
    assert.equal(sliceLength(10, 8, 2, 1), 0);
  });
});

describe("torch FLOP formulas (torch/utils/flop_counter.py)", () => {
  it("mm and bmm count 2 per multiply-accumulate", () => {
    assert.equal(mmFlops(8, 512, 1000), 2 * 8 * 512 * 1000);
    assert.equal(bmmFlops(3, 4, 5, 6), 2 * 3 * 4 * 5 * 6);
  });

  it("conv uses the output's spatial size, a transposed conv the input's", () => {
    // Conv2d(3, 64, 7, stride 2, pad 3) on 1x3x224x224: 2 · 64 · 112 · 112 · 3 · 7 · 7 = 236,027,904
    assert.equal(convFlops([1, 3, 224, 224], [64, 3, 7, 7], [1, 64, 112, 112], false), 236_027_904);
    // ConvTranspose2d(16, 33, 3) on [2, 16, 12, 12] → [2, 33, 24, 24]: 12·12 · 9 · 2 · 16 · 33 · 2 = 2,737,152
    assert.equal(convFlops([2, 16, 12, 12], [16, 33, 3, 3], [2, 33, 24, 24], true), 2_737_152);
  });

  it("conv backward (input and weight gradients) is twice the forward for a plain conv", () => {
    const forward = convFlops([2, 8, 10, 10], [16, 8, 3, 3], [2, 16, 8, 8], false);
    assert.equal(convBackwardFlops([2, 8, 10, 10], [16, 8, 3, 3], [2, 16, 8, 8], false), 2 * forward);
  });

  it("sdpa is two bmms: 4·b·h·Sq·Sk·d for equal head dims", () => {
    assert.equal(sdpaFlops(2, 8, 16, 32, 64, 64), 4 * 2 * 8 * 16 * 32 * 64); // 2,097,152
  });

  it("a recurrent layer counts its input, hidden and projection matmuls", () => {
    // LSTM (G = 4), T = 5, B = 3, H = 20, I = 10: 2·15·80·10 and 2·15·80·20
    const f = recurrentLayerFlops(5, 3, 4, 20, 10, 0);
    assert.deepEqual(f, { inputFlops: 24_000, hiddenFlops: 48_000, projectionFlops: 0 });
    // With proj_size 8 the hidden state is 8 wide and a [8, 20] projection runs each step.
    const p = recurrentLayerFlops(7, 3, 4, 20, 10, 8);
    assert.deepEqual(p, { inputFlops: 2 * 21 * 80 * 10, hiddenFlops: 2 * 21 * 80 * 8, projectionFlops: 2 * 21 * 20 * 8 });
  });
});
