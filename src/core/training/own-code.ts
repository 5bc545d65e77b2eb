// The project's own code, as against the analyzer's built-in stand-ins (under builtinRoot) and an installed library's
// (under an environment's site-packages): a project class named like a library's reads its own rules, not the table's.
import { lookupClassAttribute } from "../interp/classes";
import { builtinRoot } from "../interp/runtime";
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import type { DatasetSize } from "./dataset-sizes";

/** Whether a file is the project's own. */
export function projectFile(home: string | undefined): boolean {
  return home !== undefined && !home.startsWith(`${builtinRoot}/`) && !/[\\/](site|dist)-packages[\\/]/.test(home);
}

/** A class of the project's own code, not a library's (torchvision's is the analyzer's stand-in). */
export function ownClass(v: Value): boolean {
  return v.kind === "class" && projectFile(v.module?.file ?? v.location?.file);
}

/** A method of an object that the project's own code defines (`trainer.fit` of a class in the workspace). */
export function ownMethod(v: Value | undefined): boolean {
  return v?.kind === "bound" && v.fn.kind === "function" && projectFile(v.fn.module.file);
}

/** A function the project's own code defines (`get_batch(...)` of a cell or a workspace module; `def MNIST(): return
 *  input_data.read_data_sets(...)` in its libs/, which named as a table dataset is no library class). */
export function ownFunction(v: Value | undefined): boolean {
  return v?.kind === "function" && projectFile(v.module.file);
}

/**
 * Whether a project's own class named as a table dataset selects its part as the library's does: its `__init__` takes
 * the table's part argument (`train=True`, `split="train"`, VOC's `image_set="train"`) and edition (`year="2012"`) at the
 * library's positions with the library's defaults, as a copy of torchvision's class does. A class with its own
 * signature (`VOCDetection(root, image_sets=[("2007", "trainval"), ("2012", "trainval")])`) reads files the table
 * does not size.
 */
export function ownClassSelectsAsTable(v: Value, known: DatasetSize): boolean {
  if (v.kind !== "class") return false;
  const init = lookupClassAttribute(v, "__init__");
  if (init?.kind !== "function" || init.definition.type !== "function") return false;
  const params = init.definition.params.slice(1);
  const at = (name: string, position: number, matches: (e: Expression) => boolean) => {
    const i = params.findIndex((p) => p.name === name);
    return i === position && params[i].default !== undefined && matches(params[i].default!);
  };
  const str = (value: string) => (e: Expression) => e.type === "str" && e.value === value;
  const split = known.split;
  if (!split) return false;
  const part = split.kind === "train-flag" ? at("train", split.position, (e) => e.type === "constant" && e.value === "True") : at(split.keyword ?? "split", split.position, str(split.trainValue));
  return part && (!known.edition || at(known.edition.keyword, known.edition.position, str(known.edition.value)));
}
