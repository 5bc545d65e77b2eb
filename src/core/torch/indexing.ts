// x[key] on abstract tensors, following PyTorch's (NumPy-style) basic and advanced indexing rules.
import { toInt } from "./../interp/construct";
import { PythonError, Unresolved, type OpContext, type TensorValue, type Value } from "../interp/values";
import { emit, view } from "./ops/define";
import { broadcastShapes, sliceLength } from "./shapes";
import { indexed, nonzeroCount } from "./routing";
import { knownRow } from "./known-values";

type IndexItem =
  | { kind: "int"; value: number }
  | { kind: "slice"; start?: number; stop?: number; step: number }
  | { kind: "newaxis" }
  | { kind: "ellipsis" }
  | { kind: "advanced"; shape: number[]; ints?: number[]; dims?: number };

function optionalInt(v: Value, what: string): number | undefined {
  return v.kind === "none" ? undefined : toInt(v, what);
}

function listShape(v: Value): { shape: number[]; ints: number[] } {
  if (v.kind === "list" || v.kind === "tuple") {
    if (v.items.some((x) => x.kind === "bool")) throw new Unresolved("indexing with a list of booleans selects a data-dependent count");
    const parts = v.items.map(listShape);
    const inner = parts[0]?.shape ?? [];
    return { shape: [v.items.length, ...inner], ints: parts.flatMap((p) => p.ints) };
  }
  // an element of an integer tensor's tolist() is some int: the index's shape is known, its bounds are not checked
  if (v.kind === "unknown" && v.integer) return { shape: [], ints: [] };
  return { shape: [], ints: [toInt(v, "index")] };
}

function parseItem(v: Value, context: OpContext): IndexItem {
  switch (v.kind) {
    case "int": return { kind: "int", value: v.value };
    case "none": return { kind: "newaxis" };
    case "ellipsis": return { kind: "ellipsis" };
    case "slice": {
      const step = optionalInt(v.step, "slice step") ?? 1;
      if (step <= 0) throw new PythonError("step must be greater than zero");
      return { kind: "slice", start: optionalInt(v.start, "slice start"), stop: optionalInt(v.stop, "slice stop"), step };
    }
    case "list": {
      const { shape, ints } = listShape(v);
      return { kind: "advanced", shape, ints };
    }
    case "tensor":
      if (v.dtype === "bool" || v.dtype === "uint8") {
        // a mask of known count (known contents, a router's per-expert mask) selects that many rows over its dims
        const count = nonzeroCount(v, context);
        if (count === undefined || v.shape.length === 0) throw new Unresolved("indexing with a boolean mask selects a data-dependent number of elements");
        return { kind: "advanced", shape: [count], dims: v.shape.length };
      }
      if (v.dtype !== "int64" && v.dtype !== "int32" && v.dtype !== "int8") throw new PythonError("tensors used as indices must be long, int, byte or bool tensors");
      return { kind: "advanced", shape: v.shape };
    case "bool":
      throw new Unresolved("indexing a tensor with a Python bool is not modelled");
    case "unknown":
      throw new Unresolved(`index: ${v.reason}`);
    default:
      throw new PythonError(`only integers, slices (\`:\`), ellipsis (\`...\`), None and long or byte Variables are valid indices (got ${v.kind})`);
  }
}

/**
 * x[key]: ints drop a dim, slices resize it, None adds one, Ellipsis fills; integer lists/tensors index advanced-style:
 * their shapes broadcast, and the result dims go where the first one stood when they are adjacent, else first.
 * Basic indexing is a view; any advanced index makes a gather (aten.index), a 0-FLOP kernel.
 */
export function getItem(self: TensorValue, key: Value, context: OpContext): TensorValue {
  const raw = key.kind === "tuple" && !key.isSize ? key.items : [key];
  const items = raw.map((v) => parseItem(v, context));
  const consumed = items.reduce((n, i) => n + (i.kind === "int" || i.kind === "slice" ? 1 : i.kind === "advanced" ? (i.dims ?? 1) : 0), 0);
  const ellipses = items.filter((i) => i.kind === "ellipsis").length;
  if (ellipses > 1) throw new PythonError("an index can only have a single ellipsis ('...')");
  const rank = self.shape.length;
  if (consumed > rank) throw new PythonError(`too many indices for tensor of dimension ${rank}`);
  const hasAdvanced = items.some((i) => i.kind === "advanced");

  const out: (number | "adv")[] = [];
  const advancedShapes: number[][] = [];
  const advancedPositions: number[] = [];
  let dim = 0;
  let strided = false;
  items.forEach((item, position) => {
    switch (item.kind) {
      case "ellipsis":
        for (let k = 0; k < rank - consumed; k++) out.push(self.shape[dim++]);
        break;
      case "newaxis":
        out.push(1);
        break;
      case "int": {
        const size = self.shape[dim];
        if (item.value < -size || item.value >= size) throw new PythonError(`index ${item.value} is out of bounds for dimension ${dim} with size ${size}`);
        if (hasAdvanced) {
          // Among advanced indices an int acts as a 0-d index array (NumPy rules, which PyTorch follows).
          advancedShapes.push([]);
          advancedPositions.push(position);
          out.push("adv");
        } else if (dim > 0) strided = true;
        dim++;
        break;
      }
      case "slice": {
        const size = self.shape[dim];
        const length = sliceLength(size, item.start, item.stop, item.step);
        if (length !== size && dim > 0) strided = true;
        if (item.step !== 1) strided = true;
        out.push(length);
        dim++;
        break;
      }
      case "advanced": {
        const size = self.shape[dim];
        for (const i of item.ints ?? []) if (i < -size || i >= size) throw new PythonError(`index ${i} is out of bounds for dimension ${dim} with size ${size}`);
        advancedShapes.push(item.shape);
        advancedPositions.push(position);
        out.push("adv");
        dim += item.dims ?? 1;
        break;
      }
    }
  });
  while (dim < rank) out.push(self.shape[dim++]);

  if (!hasAdvanced) {
    // one row of a tensor of known contents keeps its contents (`expert_idx[0]` of a row of a known nonzero())
    const row = key.kind === "int" && !self.numpy ? knownRow(self, key.value) : undefined;
    return row ?? indexed(self, key, view(self, out as number[], !strided));
  }

  const indexShape = broadcastShapes(...advancedShapes);
  const adjacent = advancedPositions.every((p, i) => i === 0 || p === advancedPositions[i - 1] + 1);
  const basic = out.filter((d): d is number => d !== "adv");
  let shape: number[];
  if (adjacent) {
    const at = out.indexOf("adv");
    const before = out.slice(0, at).filter((d): d is number => d !== "adv");
    shape = [...before, ...indexShape, ...basic.slice(before.length)];
  } else {
    shape = [...indexShape, ...basic];
  }
  return indexed(self, key, emit(context, "aten.index", 0, shape, self.dtype));
}
