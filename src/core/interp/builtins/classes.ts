import { unknown } from "../construct";
import { builtin, type BuiltinScope } from "./builtin";

/** super, and staticmethod, classmethod and property as values (as decorators the interpreter reads them by name). */
export function installClassHelpers({ names }: BuiltinScope): void {
  names.set("super", builtin("super", ({ args }) => {
    const [cls, self] = args;
    if (cls?.kind !== "class" || !self) return unknown("super() with unknown arguments");
    return { kind: "super", cls, self };
  }));
  // Decorators by name are handled in the interpreter; as values they wrap nothing.
  names.set("staticmethod", builtin("staticmethod", ({ args }) => args[0]));
  names.set("classmethod", builtin("classmethod", ({ args }) => args[0]));
  names.set("property", builtin("property", ({ args }) => ({ kind: "property", getter: args[0], setter: args[1] && args[1].kind !== "none" ? args[1] : undefined })));
}
