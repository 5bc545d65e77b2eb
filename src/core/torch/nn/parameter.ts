import { nativeClass } from "../../interp/classes";
import { bool, freshId } from "../../interp/construct";
import { Unresolved, UnknownInput, type ClassValue, type Value } from "../../interp/values";

/** nn.Parameter and nn.Buffer: tensors a module registers as weights or buffers when assigned. */
export function createParameterClasses(objectClass: ClassValue): { parameter: ClassValue; buffer: ClassValue } {
  const parameter = nativeClass("torch.nn.Parameter", [objectClass]);
  parameter.construct = ({ args, kwargs }) => {
    // Parameter() and Parameter(None) hold torch.empty(0) (torch/nn/parameter.py): a placeholder, e.g. for .device
    const given = args[0] ?? kwargs.get("data");
    const data: Value | undefined = !given || given.kind === "none" ? { kind: "tensor", shape: [0], dtype: "float32" } : given;
    const requiresGrad = args[1] ?? kwargs.get("requires_grad") ?? bool(true);
    if (data.kind !== "tensor") {
      if (data.kind === "unknown") throw new UnknownInput(data);
      throw new Unresolved("nn.Parameter of a non-tensor");
    }
    return { ...data, parameter: { id: freshId(), requiresGrad: requiresGrad.kind === "bool" ? requiresGrad.value : true } };
  };

  // torch.nn.Buffer(data, persistent=True) (torch 2.5): a tensor a module keeps as a buffer once assigned.
  const buffer = nativeClass("torch.nn.Buffer", [objectClass]);
  buffer.construct = ({ args, kwargs }) => {
    const data = args[0] ?? kwargs.get("data");
    if (data?.kind !== "tensor") throw new Unresolved(`nn.Buffer of ${data?.kind === "unknown" ? `an unknown tensor: ${data.reason}` : "a non-tensor"}`);
    return { ...data, buffer: true };
  };

  return { parameter, buffer };
}
