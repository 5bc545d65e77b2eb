// Figures of the fixture models worked out by hand from the layer formulas, independently of the analyzer.
// FLOPs follow torch.utils.flop_counter: 2 per multiply-accumulate of conv and linear, bias and activations 0.

export const conv2dParams = (cin: number, cout: number, k: number, bias = true) => cout * cin * k * k + (bias ? cout : 0);
export const conv2dFlops = (cin: number, cout: number, k: number, outH: number, outW: number, batch = 1) => 2 * batch * cin * k * k * cout * outH * outW;
export const linearParams = (fin: number, fout: number) => fin * fout + fout;
export const linearFlops = (fin: number, fout: number, batch = 1) => 2 * batch * fin * fout;

/** simple_cnn.py at its pragma input 1x3x32x32: conv 3→16 (3x3, pad 1) at 32x32, pool to 16x16, linear 4096→10. */
export const simpleCnn = {
  name: "SimpleCNN",
  params: conv2dParams(3, 16, 3) + linearParams(16 * 16 * 16, 10),
  flops: conv2dFlops(3, 16, 3, 32, 32) + linearFlops(16 * 16 * 16, 10),
  conv1Params: conv2dParams(3, 16, 3),
  conv1Flops: conv2dFlops(3, 16, 3, 32, 32),
  shapes: { afterPool: [1, 16, 16, 16], output: [1, 10] },
};

/** imports_block.py at 1x3x16x16: two ConvBlocks (conv without bias + BatchNorm2d with 2 params per channel). */
export const twoBlocks = {
  name: "TwoBlocks",
  params: conv2dParams(3, 8, 3, false) + 2 * 8 + conv2dParams(8, 8, 3, false) + 2 * 8,
  flops: conv2dFlops(3, 8, 3, 16, 16) + conv2dFlops(8, 8, 3, 16, 16),
};
