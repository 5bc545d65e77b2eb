// Which views fail on a channels-last (NHWC) tensor. A fix that puts a model in torch.channels_last makes its
// convolutions' outputs channels-last; a later `.view()` that merges the channel dim with spatial ones then raises
// ("view size is not compatible with input tensor's size and stride"), where `.reshape()` would copy. The stride rule
// follows ATen's computeStride (aten/src/ATen/TensorUtils.cpp), which `Tensor.view` uses.

/** Strides of a 4-D tensor (N, C, H, W) in torch.channels_last layout. */
export function channelsLastStrides(shape: readonly number[]): number[] {
  const [, c, , w] = shape;
  return [shape[1] * shape[2] * shape[3], 1, w * c, c];
}

/** The strides a view to `target` would have, or undefined where torch.Tensor.view raises (ATen's computeStride). */
export function viewStrides(shape: readonly number[], strides: readonly number[], target: readonly number[]): number[] | undefined {
  if (shape.length === 0) return target.map(() => 1);
  if (shape.some((d) => d === 0)) return target.map(() => 1);
  const out = new Array<number>(target.length).fill(0);
  let viewD = target.length - 1;
  let chunkBaseStride = strides[strides.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let tensorD = shape.length - 1; tensorD >= 0; tensorD--) {
    tensorNumel *= shape[tensorD];
    // A chunk ends where the next-outer dim is not laid out right after this one.
    if (tensorD === 0 || (shape[tensorD - 1] !== 1 && strides[tensorD - 1] !== tensorNumel * chunkBaseStride)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || target[viewD] === 1)) {
        out[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= target[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return undefined;
      if (tensorD > 0) {
        chunkBaseStride = strides[tensorD - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? out : undefined;
}

/** True when `x.view(target)` of this 4-D tensor would raise once x is channels-last. */
export function viewFailsChannelsLast(shape: readonly number[], target: readonly number[]): boolean {
  if (shape.length !== 4) return false;
  return viewStrides(shape, channelsLastStrides(shape), target) === undefined;
}
