// What kind of data object a workspace class's instance is, by the protocol it implements (pytorch.org/docs/stable/
// data.html): a map-style dataset, or an iterator that yields whole batches.
import { lookupClassAttribute } from "../interp/classes";
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

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

/** The attributes of an iterator of a workspace class that has no `__len__` and whose `__next__` slices each batch from
 *  data it holds at a cursor it keeps (`xb = self.x[self.pos:self.pos + self.batch_size]`, raising StopIteration at the
 *  end of the data): `batch` the slice's width, `data` what it slices. Python's for calls `__next__` until the
 *  StopIteration, so a pass walks the data once in batches of that width. */
export function slicedBatchIterator(v: Value): { batch: string; data: string } | undefined {
  if (v.kind !== "instance" || v.module !== undefined || lookupClassAttribute(v.cls, "__len__") !== undefined || lookupClassAttribute(v.cls, "__getitem__") !== undefined) return undefined;
  const next = lookupClassAttribute(v.cls, "__next__") ?? lookupClassAttribute(v.cls, "next");
  if (next?.kind !== "function" || next.definition.type !== "function") return undefined;
  const self = next.definition.params[0]?.name;
  if (self === undefined) return undefined;
  const attribute = (e: Expression | undefined): string | undefined => (e?.type === "attribute" && e.object.type === "name" && e.object.id === self ? e.name : undefined);
  let found: { batch: string; data: string } | undefined;
  forEachStatement(next.definition.body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (found || e.type !== "subscript" || e.index.type !== "slice") return;
      const data = attribute(e.object);
      const cursor = attribute(e.index.start);
      const stop = e.index.stop;
      if (!data || !cursor || stop?.type !== "binary" || stop.op !== "+") return;
      const width = attribute(stop.left) === cursor ? attribute(stop.right) : attribute(stop.right) === cursor ? attribute(stop.left) : undefined;
      if (width) found = { batch: width, data };
    });
  });
  return found && raisesStopIteration(next.definition.body) ? found : undefined;
}

/** Whether a block raises StopIteration somewhere (the end of an iterator's data). */
function raisesStopIteration(body: Statement[]): boolean {
  let raises = false;
  forEachStatement(body, ({ statement }) => {
    if (statement.type !== "raise" || !statement.value) return;
    const e = statement.value.type === "call" ? statement.value.func : statement.value;
    if (e.type === "name" && e.id === "StopIteration") raises = true;
  });
  return raises;
}
