// What kind of data object a workspace class's instance is, by the protocol it implements (pytorch.org/docs/stable/
// data.html): a map-style dataset, or an iterator that yields whole batches.
import { lookupClassAttribute } from "../interp/classes";
import type { Value } from "../interp/values";

/** An object of a workspace class that is its own iterator over batches (`__next__`, and `__len__` for their count),
 *  as TensorFlow YOLO ports write their `Dataset`: not a module, not a map-style dataset. */
export function isBatchIterator(v: Value): v is Extract<Value, { kind: "instance" }> {
  return v.kind === "instance" && v.module === undefined && lookupClassAttribute(v.cls, "__next__")?.kind === "function" && lookupClassAttribute(v.cls, "__len__")?.kind === "function" && lookupClassAttribute(v.cls, "__getitem__") === undefined;
}

/** An object of a class that has a length and items (`__len__` and `__getitem__`) and is not a module: a map-style
 *  dataset (pytorch.org/docs/stable/data.html#map-style-datasets). */
export function isDataset(v: Value): boolean {
  // A module container (`nn.Sequential`, `nn.ModuleList`) has both too, and is a model, not data.
  return v.kind === "instance" && v.module === undefined && lookupClassAttribute(v.cls, "__len__") !== undefined && lookupClassAttribute(v.cls, "__getitem__") !== undefined;
}
