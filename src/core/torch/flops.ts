// FLOP formulas, each following torch/utils/flop_counter.py (PyTorch) so figures match FlopCounterMode:
// 2 FLOPs per multiply-accumulate, bias additions and element-wise work not counted.
import { numel } from "./shapes";

/** aten.mm / aten.addmm: [m, k] @ [k, n] → 2·m·n·k (flop_counter.py mm_flop, addmm_flop). */
export function mmFlops(m: number, k: number, n: number): number {
  return 2 * m * n * k;
}

/** aten.bmm / aten.baddbmm: [b, m, k] @ [b, k, n] → 2·b·m·n·k (flop_counter.py bmm_flop, baddbmm_flop). */
export function bmmFlops(batch: number, m: number, k: number, n: number): number {
  return 2 * batch * m * n * k;
}

/**
 * aten.convolution (flop_counter.py conv_flop_count): prod(spatial) · prod(kernel) · batch · w[0] · w[1] · 2, where
 * spatial is the output's for a regular conv and the input's for a transposed one, and w is the weight shape
 * ([out, in/groups, *k] regular, [in, out/groups, *k] transposed).
 */
export function convFlops(inputShape: readonly number[], weightShape: readonly number[], outputShape: readonly number[], transposed: boolean): number {
  const batch = inputShape[0];
  const convShape = (transposed ? inputShape : outputShape).slice(2);
  const [first, second, ...kernel] = weightShape;
  return numel(convShape) * numel(kernel) * batch * first * second * 2;
}

/**
 * aten.convolution_backward (flop_counter.py conv_backward_flop) with both input and weight gradients:
 * grad_input is a transposed conv of grad_out, grad_weight a conv of input with grad_out; each equals the forward count.
 */
export function convBackwardFlops(inputShape: readonly number[], weightShape: readonly number[], outputShape: readonly number[], transposed: boolean): number {
  const swap = (s: readonly number[]) => [s[1], s[0], ...s.slice(2)];
  const gradInput = convFlops(outputShape, weightShape, inputShape, !transposed);
  const gradWeight = transposed
    ? convFlops(swap(outputShape), swap(inputShape), swap(weightShape), false)
    : convFlops(swap(inputShape), swap(outputShape), swap(weightShape), false);
  return gradInput + gradWeight;
}

/**
 * aten._scaled_dot_product_{flash,efficient,cudnn}_attention (flop_counter.py sdpa_flop_count): two bmms,
 * q@kᵀ and scores@v: 2·b·h·Sq·Sk·Dq + 2·b·h·Sq·Sk·Dv (causal masks not discounted, as there).
 */
export function sdpaFlops(batch: number, heads: number, queryLength: number, keyLength: number, queryDim: number, valueDim: number): number {
  return bmmFlops(batch * heads, queryLength, queryDim, keyLength) + bmmFlops(batch * heads, queryLength, keyLength, valueDim);
}

/** The gate count of a recurrent cell: LSTM 4, GRU 3, plain RNN 1 (torch.nn.RNNBase gate_size / hidden_size). */
export const RECURRENT_GATES = { LSTM: 4, GRU: 3, RNN_TANH: 1, RNN_RELU: 1 } as const;

/**
 * One layer and direction of a recurrent net over T steps, counted by its matmuls as ATen's CPU path runs them
 * (aten/src/ATen/native/RNN.cpp: linear_ih over the input, linear_hh over the hidden state, optional linear_hr
 * projection): 2·T·B·G·H·I + 2·T·B·G·H·R + 2·T·B·H·P, with R = proj_size or hidden_size and P = proj_size or 0.
 */
export function recurrentLayerFlops(steps: number, batch: number, gates: number, hidden: number, input: number, projection: number): { inputFlops: number; hiddenFlops: number; projectionFlops: number } {
  const recurrent = projection > 0 ? projection : hidden;
  return {
    inputFlops: mmFlops(steps * batch, input, gates * hidden),
    hiddenFlops: mmFlops(steps * batch, recurrent, gates * hidden),
    projectionFlops: projection > 0 ? mmFlops(steps * batch, hidden, projection) : 0,
  };
}
