import { PythonError, Unresolved, type TensorDtype, type Value, UnknownInput } from "../interp/values";

/** torch dtype attribute names and their canonical dtype (torch docs, "torch.dtype" table). */
export const DTYPE_NAMES: Record<string, TensorDtype> = {
  float32: "float32", float: "float32",
  float64: "float64", double: "float64",
  float16: "float16", half: "float16",
  bfloat16: "bfloat16",
  int64: "int64", long: "int64",
  int32: "int32", int: "int32",
  int16: "int32", short: "int32",
  int8: "int8",
  uint8: "uint8",
  bool: "bool",
  // No complex dtype: a complex tensor is kept as its real-valued shape (ops/complex.ts), at its parts' precision.
  complex64: "float32", cfloat: "float32",
  complex128: "float64", cdouble: "float64",
  complex32: "float16", chalf: "float16",
};

const FLOAT_RANK: Record<TensorDtype, number> = {
  bool: 0, uint8: 1, int8: 1, int32: 2, int64: 3, float16: 4, bfloat16: 4, float32: 5, float64: 6,
};

/** True for floating-point dtypes. */
export function isFloating(dtype: TensorDtype): boolean {
  return dtype === "float16" || dtype === "bfloat16" || dtype === "float32" || dtype === "float64";
}

/** Bytes per element of a dtype. */
export function dtypeBytes(dtype: TensorDtype): number {
  switch (dtype) {
    case "float64": case "int64": return 8;
    case "float32": case "int32": return 4;
    case "float16": case "bfloat16": return 2;
    default: return 1;
  }
}

/** Result dtype of two tensors (torch.result_type, simplified: float16 with bfloat16 gives float32). */
export function promoteTypes(a: TensorDtype, b: TensorDtype): TensorDtype {
  if (a === b) return a;
  if ((a === "float16" && b === "bfloat16") || (a === "bfloat16" && b === "float16")) return "float32";
  if ((a === "int8" && b === "uint8") || (a === "uint8" && b === "int8")) return "int32";
  return FLOAT_RANK[a] >= FLOAT_RANK[b] ? a : b;
}

/** Result dtype of a tensor with a Python scalar: scalars only lift the category (int → float), not the width. */
export function promoteWithScalar(tensorDtype: TensorDtype, scalar: Value): TensorDtype {
  if (scalar.kind === "float" && !isFloating(tensorDtype)) return "float32";
  if (scalar.kind === "int" && tensorDtype === "bool") return "int64";
  return tensorDtype;
}

/** Reads a dtype argument (torch.float16, "float16", Python float/int/bool classes), or throws Unresolved. */
export function toDtype(v: Value, what = "dtype"): TensorDtype {
  if (v.kind === "dtype") return v.name;
  if (v.kind === "str") {
    const name = v.value.replace(/^torch\./, "");
    const d = DTYPE_NAMES[name];
    if (d) return d;
    if (["cuda", "cpu", "mps", "meta"].some((dev) => name.startsWith(dev))) throw new PythonError(`${what}: '${v.value}' is a device, not a dtype`);
    throw new Unresolved(`${what}: unknown dtype '${v.value}'`);
  }
  if (v.kind === "class") {
    // numpy's scalar types are dtypes too (numpy.float32, numpy.int64)
    if (v.qualifiedName.startsWith("numpy.") && DTYPE_NAMES[v.name.replace(/_$/, "")]) return DTYPE_NAMES[v.name.replace(/_$/, "")];
    if (v.name === "float") return "float64";
    if (v.name === "int") return "int64";
    if (v.name === "bool") return "bool";
  }
  if (v.kind === "unknown") throw new UnknownInput(v);
  throw new Unresolved(`${what} is a ${v.kind}, not a dtype`);
}

/**
 * torch.finfo figures of the floating dtypes: IEEE 754 binary64/binary32/binary16 limits and bfloat16's (8 exponent,
 * 7 mantissa bits), as PyTorch's "Type Info" docs list them. Models read `-torch.finfo(x.dtype).max` as a mask value.
 */
export const FLOAT_INFO: Partial<Record<TensorDtype, { bits: number; max: number; eps: number; tiny: number; resolution: number }>> = {
  float64: { bits: 64, max: 1.7976931348623157e308, eps: 2.220446049250313e-16, tiny: 2.2250738585072014e-308, resolution: 1e-15 },
  float32: { bits: 32, max: 3.4028234663852886e38, eps: 1.1920928955078125e-7, tiny: 1.1754943508222875e-38, resolution: 1e-6 },
  float16: { bits: 16, max: 65504, eps: 0.0009765625, tiny: 6.103515625e-5, resolution: 0.001 },
  bfloat16: { bits: 16, max: 3.3895313892515355e38, eps: 0.0078125, tiny: 1.1754943508222875e-38, resolution: 0.01 },
};
