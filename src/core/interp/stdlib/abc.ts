import { nativeClass } from "../classes";
import { fn, namespace, type StandardLibrary } from "./native";

/** abc: abstract bases are plain bases here, and @abstractmethod returns the method. */
export function installAbc({ modules, objectClass }: StandardLibrary): void {
  modules.set("abc", namespace("abc", { ABC: nativeClass("abc.ABC", [objectClass]), abstractmethod: fn("abstractmethod", ({ args }) => args[0]), ABCMeta: nativeClass("abc.ABCMeta", [objectClass]) }));
}
