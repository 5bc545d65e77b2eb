import { nativeClass } from "../classes";
import { NONE, unknown } from "../construct";
import { fn, namespace, type StandardLibrary } from "./native";

/** contextlib and contextvars. */
export function installContextlib({ modules, objectClass, identityDecorator }: StandardLibrary): void {
  // contextlib: `with` blocks run their body whatever the manager, so managers stand for themselves.
  const exitStack = nativeClass("contextlib.ExitStack", [objectClass], { enter_context: ({ args }) => args[1] ?? NONE, callback: () => NONE, close: () => NONE, __init__: () => NONE });
  // contextvars.ContextVar: one analysis is one context, so a variable holds what was last set (or its default).
  const contextVar = nativeClass("contextvars.ContextVar", [objectClass], {
    __init__: ({ args, kwargs }) => {
      const self = args[0];
      const initial = kwargs.get("default");
      if (self.kind === "instance" && initial) self.attributes.set("__value__", initial);
      return NONE;
    },
    get: ({ args }) => (args[0].kind === "instance" ? (args[0].attributes.get("__value__") ?? args[1] ?? unknown("a context variable never set")) : NONE),
    set: ({ args }) => {
      if (args[0].kind === "instance" && args[1]) args[0].attributes.set("__value__", args[1]);
      return NONE;
    },
    reset: () => NONE,
  });
  modules.set("contextvars", namespace("contextvars", { ContextVar: contextVar }));
  modules.set("contextlib", namespace("contextlib", {
    nullcontext: fn("nullcontext", ({ args }) => args[0] ?? NONE),
    contextmanager: identityDecorator,
    suppress: fn("suppress", () => NONE),
    ExitStack: exitStack,
  }));
}
