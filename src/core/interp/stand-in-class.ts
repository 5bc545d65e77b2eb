// The analyzer's built-in packages stand in for libraries (torch_geometric, ogb, dgl, ...). A rule that reads what a
// stand-in knows asks whether a value's class is, or derives from, the stand-in's own class of a name: a project
// class of the same name (DGL's NeighborSampler beside PyG's) is not it.
import { builtinRoot } from "./runtime";
import type { ClassValue, Value } from "./values";

/** The class in `cls`'s MRO that a built-in package under one of `packages` (`"dgl/dataloading"`) defines under a
 *  name `isName` accepts; undefined where none does. */
export function standInClass(cls: ClassValue, isName: (name: string) => boolean, packages: readonly string[]): ClassValue | undefined {
  return cls.mro.find((c) => isName(c.name) && packages.some((p) => (c.module?.file ?? "").startsWith(`${builtinRoot}/${p}/`)));
}

/** standInClass of a class value, or of an instance's class. */
export function standInClassOf(v: Value | undefined, isName: (name: string) => boolean, packages: readonly string[]): ClassValue | undefined {
  const cls = v?.kind === "class" ? v : v?.kind === "instance" ? v.cls : undefined;
  return cls && standInClass(cls, isName, packages);
}
