// tfds.Split's members are the split names as strings (tensorflow_datasets/core/splits.py, TFDS 4.x: Split.TRAIN is
// NamedSplit("train"), TEST "test", VALIDATION "validation", ALL "all"), so `tfds.load(name, split=tfds.Split.TRAIN)`
// loads the "train" split.
import type { Expression } from "../python/ast";
import { dottedName } from "../python/syntax-walk";

const MEMBERS: Record<string, string> = { TRAIN: "train", TEST: "test", VALIDATION: "validation", ALL: "all" };

/** The split string `<tfds>.Split.TRAIN` (or `<tfds>.core.Split.TRAIN`) names, where `tfds` is the module's name. */
export function tfdsSplitMember(e: Expression | undefined, tfdsModule: string): string | undefined {
  const name = e ? dottedName(e) : undefined;
  if (!name?.startsWith(`${tfdsModule}.`)) return undefined;
  const m = /^(?:core\.)?Split\.([A-Z]+)$/.exec(name.slice(tfdsModule.length + 1));
  return m ? MEMBERS[m[1]] : undefined;
}
