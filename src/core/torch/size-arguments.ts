// PyTorch allocates a layer's weights with torch.empty(shape): a float among the sizes (`out_planes / 4`, true
// division) raises "empty(): argument 'size' must be tuple of ints" at construction, whatever its value. The
// catalogue reads sizes as numbers, so this check keeps the Python type distinction PyTorch makes.
import { PythonError, type BoundArguments } from "../interp/values";

/** Constructor arguments that become weight dimensions. */
const SIZE_ARGUMENTS = new Set([
  "in_channels", "out_channels", "in_features", "out_features", "in1_features", "in2_features", "num_features",
  "num_channels", "num_embeddings", "embedding_dim", "embed_dim", "input_size", "hidden_size", "proj_size", "d_model",
  "dim_feedforward", "kdim", "vdim",
]);

// Scripts written for Python 2, where `/` of two ints floors, fail this way under Python 3 (PEP 238); the hint
// names the usual cause so the user knows what to change rather than only that PyTorch refuses.
const FLOAT_SIZE_HINT = " (in Python 3 `/` gives a float even between ints; `//` or int() gives an int)";

/** Throws PyTorch's TypeError when a size argument of a layer is a Python float. */
export function checkSizeArguments(layer: string, args: BoundArguments): void {
  for (const name of SIZE_ARGUMENTS) {
    if (!args.has(name)) continue;
    let v;
    try {
      v = args.get(name);
    } catch {
      continue;
    }
    if (v.kind === "float") {
      const text = Number.isInteger(v.value) ? v.value.toFixed(1) : String(v.value);
      throw new PythonError(`${layer}(${name}=${text}): empty(): argument 'size' must be tuple of ints, but found element of type float${FLOAT_SIZE_HINT}`);
    }
  }
}
