import { NONE, bool, dict, int, keyOf, list, namespaceDict, str, unknown } from "../construct";
import type { Value } from "../values";
import { builtin, type BuiltinScope } from "./builtin";

/** getattr, hasattr, setattr, delattr, vars, dir, and an object's identity: hash and id. */
export function installAttributes({ names, interp }: BuiltinScope): void {
  names.set("getattr", builtin("getattr", ({ args }) => {
    const name = args[1];
    if (name.kind !== "str") return unknown("getattr with an unknown name");
    const v = interp().getAttribute(args[0], name.value);
    if (v.kind === "unknown" && args.length > 2 && args[0].kind !== "unknown") return args[2];
    return v;
  }));
  names.set("hasattr", builtin("hasattr", ({ args }) => {
    const name = args[1];
    if (name.kind !== "str" || args[0].kind === "unknown") return unknown("hasattr of an unknown value");
    return bool(interp().getAttribute(args[0], name.value).kind !== "unknown");
  }));
  names.set("setattr", builtin("setattr", ({ args }) => {
    if (args[1].kind === "str") interp().setAttribute(args[0], args[1].value, args[2]);
    return NONE;
  }));
  names.set("delattr", builtin("delattr", () => NONE));
  names.set("hash", builtin("hash", ({ args }) => int(keyOf(args[0]).length)));
  names.set("id", builtin("id", ({ args }) => int(args[0].kind === "instance" ? args[0].id : 0)));
  names.set("vars", builtin("vars", ({ args }) => {
    const v = args[0];
    // vars(obj) is obj.__dict__, the live mapping of its attributes (docs.python.org/3/library/functions.html#vars):
    // `vars(args).update(cfg)` sets the options
    if (v && v.kind === "instance" && !v.module) return interp().plainAttribute(v, "__dict__");
    if (v && v.kind === "instance") return dict([...v.attributes].map(([k, x]) => [str(k), x] as [Value, Value]));
    if (v && v.kind === "namespace") return namespaceDict(v);
    return unknown("vars()");
  }));
  // dir(obj) (docs.python.org/3/library/functions.html#dir), sorted: a module's names, a class's attributes through its
  // bases, an object's own and its class's, or with no argument the caller's local names. Code walks it to copy a
  // settings module's UPPERCASE names onto an object; the names `object` itself gives every class are not listed.
  names.set("dir", builtin("dir", ({ args }) => {
    const v = args[0];
    const listed = v === undefined ? [...(interp().frame?.scope?.names.keys() ?? [])]
      : v.kind === "namespace" ? [...v.scope.names.keys()].filter((k) => k !== "__fallback__")
        : v.kind === "class" && v.location ? v.mro.flatMap((c) => [...c.attributes.keys()])
          : v.kind === "instance" && !v.module && v.cls.location ? [...v.attributes.keys(), ...v.cls.mro.flatMap((c) => [...c.attributes.keys()])]
            : undefined;
    if (!listed) return unknown("dir() of an object whose attributes the analyzer does not list");
    return list([...new Set(listed.filter((k) => !k.startsWith("__greenlight")))].sort().map((k) => str(k)));
  }));
}
