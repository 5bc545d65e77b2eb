import { braceFormat, pythonText } from "../formatting";
import { describeKind, int, str, toInt, unknown } from "../construct";
import type { Value } from "../values";
import { builtin, type BuiltinScope } from "./builtin";

/** repr, format, ord and chr. */
export function installStrings({ names }: BuiltinScope): void {
  // repr quotes strings (len(repr("ab")) is 4); where the analyzer has no text for a value, str()'s answer stands.
  names.set("repr", builtin("repr", ({ args }) => {
    const text = pythonText(args[0], true);
    return text === undefined ? toStr(args[0]) : str(text);
  }));
  names.set("format", builtin("format", ({ args }) => braceFormat(`{0:${args[1]?.kind === "str" ? args[1].value : ""}}`, args.slice(0, 1), new Map())));
  names.set("ord", builtin("ord", ({ args }) => int(args[0].kind === "str" ? args[0].value.charCodeAt(0) : 0)));
  names.set("chr", builtin("chr", ({ args }) => str(String.fromCharCode(toInt(args[0])))));
}

/** Python str() of a value where it is knowable. */
export function toStr(v: Value): Value {
  switch (v.kind) {
    case "str": return v;
    case "int": return str(String(v.value));
    case "float": return str(Number.isInteger(v.value) ? `${v.value}.0` : String(v.value));
    case "bool": return str(v.value ? "True" : "False");
    case "none": return str("None");
    case "class": return str(`<class '${v.qualifiedName.replace(/^builtins\./, "")}'>`);
    default: return unknown(`str() of a ${describeKind(v)}`);
  }
}
