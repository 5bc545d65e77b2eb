import { nativeClass } from "../classes";
import { NONE, bool } from "../construct";
import type { Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** typing and typing_extensions; `abcClasses` are collections.abc's classes, which typing's aliases of them are. */
export function installTyping({ modules, objectClass, identityDecorator }: StandardLibrary, abcClasses: Record<string, Value>): void {
  // typing: every name is a harmless class-like value that can be subscripted (List[int]) and ignored.
  const typingNames = ["Any", "Callable", "Dict", "List", "Optional", "Tuple", "Union", "Type", "Sequence", "Iterable", "Mapping", "Set", "Literal", "ClassVar", "Final", "TypeVar", "Generic", "Protocol", "Iterator", "cast", "overload", "TYPE_CHECKING", "Annotated", "NamedTuple"];
  const typing: Record<string, Value> = {};
  // typing's generic aliases of the collections.abc classes are those classes to isinstance (isinstance(x, Sequence)
  // with `from typing import Sequence`: torchvision checks its block settings so).
  for (const n of typingNames) typing[n] = abcClasses[n] ?? nativeClass(`typing.${n}`, [objectClass]);
  // typing's aliases of collections' classes are those classes, callable as they are (typing.OrderedDict() builds
  // one: torchvision's MaxViT builds its stem's layers in one).
  const collections = modules.get("collections")?.scope.names;
  for (const [alias, name] of [["OrderedDict", "OrderedDict"], ["DefaultDict", "defaultdict"], ["Counter", "Counter"], ["Deque", "deque"]]) {
    const v = collections?.get(name);
    if (v) typing[alias] = v;
  }
  typing.TYPE_CHECKING = bool(false);
  typing.cast = fn("typing.cast", ({ args }) => args[1]);
  typing.overload = identityDecorator;
  typing.TypeVar = fn("TypeVar", () => NONE);
  modules.set("typing", namespace("typing", typing));
  modules.set("typing_extensions", namespace("typing_extensions", typing));
}
