import { deepCopy } from "../../torch/module-tree";
import { fn, namespace, type StandardLibrary } from "./native";

/** copy: deepcopy duplicates modules and containers (clones of a layer are separate parameters). */
export function installCopy({ modules }: StandardLibrary): void {
  modules.set("copy", namespace("copy", {
    deepcopy: fn("copy.deepcopy", ({ args }) => deepCopy(args[0])),
    copy: fn("copy.copy", ({ args }) => args[0]),
  }));
}
