// Tensor methods that change a tensor's dtype, device or autograd state and keep its shape (pytorch.org/docs/stable:
// torch.Tensor.float/long/double/half/int/bool/to/cuda/cpu/type/requires_grad_/detach/clone/contiguous): code that
// follows what data or output a name holds reads through them.

/** The names of those methods. */
export const TENSOR_CONVERSIONS: ReadonlySet<string> = new Set(["float", "long", "double", "half", "int", "bool", "to", "cuda", "cpu", "type", "requires_grad_", "detach", "clone", "contiguous"]);
