import { nativeClass } from "../classes";
import { unknown } from "../construct";
import { AUTO, enumMember, enumMembers } from "../enum-members";
import { pythonText } from "../formatting";
import { valuesEqual } from "../operators";
import { PythonError, type NativeCall, type Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** enum: Enum and its kin (IntEnum, StrEnum, Flag, IntFlag), whose members are their tagged values (enum-members.ts). */
export function installEnum({ modules, objectClass }: StandardLibrary): void {
  // Format('NCHW') looks the member up by value; a member given to its own class is itself.
  const enumMethods = {
    __new__: ({ args }: NativeCall): Value => {
      const [cls, value] = args;
      if (cls?.kind !== "class" || value === undefined) return unknown("an enum member");
      if (enumMember(value)?.cls === cls) return value;
      for (const m of enumMembers(cls)) if (valuesEqual(enumMember(m)!.value, value)) return m;
      throw new PythonError(`ValueError: ${describeValue(value)} is not a valid ${cls.name}`);
    },
  };
  const Enum = nativeClass("enum.Enum", [objectClass], enumMethods);
  const Flag = nativeClass("enum.Flag", [Enum]);
  modules.set("enum", namespace("enum", {
    Enum,
    IntEnum: nativeClass("enum.IntEnum", [Enum]),
    StrEnum: nativeClass("enum.StrEnum", [Enum]),
    Flag,
    IntFlag: nativeClass("enum.IntFlag", [Flag]),
    auto: fn("auto", () => AUTO),
    unique: fn("unique", ({ args }) => args[0]),
  }));
}

function describeValue(v: Value): string {
  return pythonText(v, true) ?? v.kind;
}
