import { nativeClass } from "../classes";
import { NONE, tuple, unknown } from "../construct";
import type { Interpreter } from "../interpreter";
import type { ClassValue, Value } from "../values";

/** The classes every program shares: object, type, exceptions, and builtin value types. */
export interface BuiltinClasses {
  object: ClassValue;
  exception: ClassValue;
}

/** object, Exception and the builtin exception classes, NotImplemented and Ellipsis. */
export function installRootClasses(names: Map<string, Value>, interp: () => Interpreter): BuiltinClasses {
  const object = nativeClass("builtins.object", [], {
    __init__: () => NONE,
    __init_subclass__: () => NONE,
    // What a class's own __getattribute__ ends in (`super().__getattribute__(key)`): the lookup without it.
    __getattribute__: ({ args }) => (args[1]?.kind === "str" ? interp().plainAttribute(args[0], args[1].value) : unknown("__getattribute__ of a non-string")),
    // What a class's own __setattr__ ends in (`super().__setattr__(key, value)`, transformers' attribute_map).
    __setattr__: ({ args }) => {
      const [self, name, value] = args;
      if (self?.kind === "instance" && name?.kind === "str" && value) interp().storeAttribute(self, name.value, value);
      return NONE;
    },
  });
  object.mro = [object];
  const exception = nativeClass("builtins.Exception", [object], {
    __init__: ({ args }) => {
      const self = args[0];
      if (self.kind === "instance") self.attributes.set("args", tuple(args.slice(1)));
      return NONE;
    },
  });
  names.set("object", object);
  names.set("Exception", exception);
  names.set("BaseException", exception);
  for (const e of ["ValueError", "TypeError", "KeyError", "IndexError", "AttributeError", "NotImplementedError", "RuntimeError", "ImportError", "ModuleNotFoundError", "AssertionError", "StopIteration", "ZeroDivisionError", "OSError", "FileNotFoundError", "Warning", "UserWarning", "DeprecationWarning"]) {
    names.set(e, nativeClass(`builtins.${e}`, [exception]));
  }
  names.set("NotImplemented", NONE);
  names.set("Ellipsis", { kind: "ellipsis" });
  return { object, exception };
}
