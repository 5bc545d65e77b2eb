// torchvision's DatasetFolder family (ImageFolder and the code's subclasses of it that keep its __len__): a loader given
// one trains on the files of its class folders an epoch, which the stand-in counts where the workspace holds the root
// (interp/class-folders.ts). The dataset table cannot size these: the folder is the user's own data.
import { lookupClassAttribute } from "../interp/classes";
import type { Value } from "../interp/values";
import { ownClass } from "./own-code";

/** The root folder of a DatasetFolder object whose `__len__` is torchvision's (the stand-in's), else undefined. */
export function folderDatasetRoot(v: Value | undefined): string | undefined {
  if (v?.kind !== "instance") return undefined;
  const base = v.cls.mro.find((c) => c.name === "DatasetFolder" && !ownClass(c));
  if (!base || lookupClassAttribute(v.cls, "__len__") !== base.attributes.get("__len__")) return undefined;
  const root = v.attributes.get("root");
  return root?.kind === "str" ? root.value : "its root";
}
