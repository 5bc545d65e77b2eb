// What the interpreter needs of a tensor library: the contract the torch catalogue (torch/catalogue.ts) fills, so
// that interp/ depends on this interface and never on the library it interprets.
import type { LayerSpec, NativeCall, OpContext, TensorValue, Value } from "./values";

/** The torch API the interpreter calls: nn layers, functions, tensor methods and attributes, operators, constants. */
export interface TorchCatalogue {
  /** torch.nn layer classes by name under torch.nn ("Linear", "Conv2d", "TransformerEncoderLayer", ...). */
  layers: Map<string, LayerSpec>;
  /** Functions by full dotted name: "torch.cat", "torch.nn.functional.relu", "torch.nn.init.normal_", ... */
  functions: Map<string, (call: NativeCall) => Value>;
  /** Tensor methods by name; `self` is the tensor. */
  tensorMethods: Map<string, (self: TensorValue, call: NativeCall) => Value>;
  /** Tensor attributes (shape, dtype, T, ...); undefined when not an attribute. */
  tensorAttribute(self: TensorValue, name: string): Value | undefined;
  /** Python binary operators where at least one side is a tensor. */
  binaryOperator(op: string, left: Value, right: Value, context: OpContext): Value;
  unaryOperator(op: "-" | "+" | "~", operand: TensorValue, context: OpContext): Value;
  /** x[key]. */
  getItem(self: TensorValue, key: Value, context: OpContext): Value;
  /** torch.float32, torch.long, ... as DtypeValue; torch.pi etc. as floats. */
  constants: Map<string, Value>;
}
