import { deepCopy } from "../../torch/module-tree";
import { lookupClassAttribute } from "../classes";
import { freshId } from "../construct";
import type { Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** A shallow copy as copy.copy makes it (docs.python.org/3/library/copy.html): a plain object becomes a new object of
 *  its class with the same attributes, so setting one on the copy leaves the original as it was (PyG's
 *  `Dataset.index_select` copies the dataset and gives the copy its part's indices). A module, an object of a class
 *  with its own `__copy__`, and any other value stay the object itself, as before. */
function shallowCopy(v: Value | undefined): Value | undefined {
  if (v?.kind !== "instance" || v.module || lookupClassAttribute(v.cls, "__copy__")) return v;
  return { kind: "instance", cls: v.cls, attributes: new Map(v.attributes), id: freshId() };
}

/** copy: deepcopy duplicates modules and containers (clones of a layer are separate parameters); copy makes a plain
 *  object's shallow copy. */
export function installCopy({ modules }: StandardLibrary): void {
  modules.set("copy", namespace("copy", {
    deepcopy: fn("copy.deepcopy", ({ args }) => deepCopy(args[0])),
    copy: fn("copy.copy", ({ args }) => shallowCopy(args[0]) ?? args[0]),
  }));
}
