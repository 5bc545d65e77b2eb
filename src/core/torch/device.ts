import { nativeClass } from "../interp/classes";
import { NONE, freshId, int, str, unknown } from "../interp/construct";
import { PythonError, type InstanceValue, type NativeCall, type Value } from "../interp/values";

// One object per (type, index), shared by every analysis: PyTorch compares devices by value, and the interpreter
// compares objects by identity, so equal devices must be the same object. Ids come from one ever-growing counter.
const devices = new Map<string, InstanceValue>();

const describe = (self: Value): Value => {
  if (self.kind !== "instance") return unknown("a device's name");
  const type = self.attributes.get("type");
  const index = self.attributes.get("index");
  if (type?.kind !== "str") return unknown("a device's name");
  return str(index?.kind === "int" ? `${type.value}:${index.value}` : type.value);
};

/** torch.device: a type ("cpu", "cuda", "meta") and an index, parsed from "cuda:1", ("cuda", 1) or a GPU number. */
export const deviceClass = nativeClass("torch.device", [], {
  __str__: ({ args }) => describe(args[0]),
  __repr__: ({ args }) => {
    const name = describe(args[0]);
    return name.kind === "str" ? str(`device(type='${name.value}')`) : name;
  },
});
deviceClass.construct = ({ args, kwargs }: NativeCall): Value => {
  const spec = args[0] ?? kwargs.get("type") ?? kwargs.get("device");
  const index = args[1] ?? kwargs.get("index");
  if (!spec) throw new PythonError("torch.device() missing the device type");
  if (spec.kind === "instance" && spec.cls === deviceClass) return spec;
  if (spec.kind === "int") return device("cuda", spec.value);
  if (spec.kind !== "str") return unknown(`torch.device of a ${spec.kind}`);
  const m = /^([a-z_]+)(?::(\d+))?$/.exec(spec.value);
  if (!m) throw new PythonError(`Invalid device string: '${spec.value}'`);
  const n = m[2] !== undefined ? Number(m[2]) : index?.kind === "int" ? index.value : undefined;
  return device(m[1], n);
};

/** The device object of this type and index (the same object each time). */
export function device(type: string, index?: number): InstanceValue {
  const key = index === undefined ? type : `${type}:${index}`;
  let d = devices.get(key);
  if (!d) {
    d = { kind: "instance", cls: deviceClass, id: freshId(), attributes: new Map<string, Value>([["type", str(type)], ["index", index === undefined ? NONE : int(index)]]) };
    devices.set(key, d);
  }
  return d;
}
