import { nativeClass } from "../classes";
import { unknown } from "../construct";
import { pythonText } from "../formatting";
import { valuesEqual } from "../operators";
import { PythonError, type NativeCall, type Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** enum: Enum and IntEnum, whose members are their plain values. */
export function installEnum({ modules, objectClass }: StandardLibrary): void {
  // Enum members are their plain values here (Format.NCHW is 'NCHW'), so Format('NCHW') looks the value up.
  const enumMethods = {
    __new__: ({ args }: NativeCall): Value => {
      const [cls, value] = args;
      if (cls?.kind !== "class" || value === undefined) return unknown("an enum member");
      for (const c of cls.mro) for (const [k, v] of c.attributes) if (!k.startsWith("_") && valuesEqual(v, value)) return v;
      throw new PythonError(`ValueError: ${describeValue(value)} is not a valid ${cls.name}`);
    },
  };
  modules.set("enum", namespace("enum", { Enum: nativeClass("enum.Enum", [objectClass], enumMethods), IntEnum: nativeClass("enum.IntEnum", [objectClass], enumMethods), auto: fn("auto", () => unknown("enum value")) }));
}

function describeValue(v: Value): string {
  return pythonText(v, true) ?? v.kind;
}
