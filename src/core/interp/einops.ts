import { describeKind, int, list, str, toInt, toInts, tuple, unknown } from "./construct";
import { PythonError, type NativeCall, type TensorValue, type Value } from "./values";

// einops (Rogozhnikov, ICLR 2022) on shapes: rearrange / repeat / reduce patterns such as
// "b c (h p1) (w p2) -> b (h w) (p1 p2 c)" give the output shape; they move data but do no multiply-adds
// (reduce's sums count 0 FLOPs, as reductions do under torch.utils.flop_counter). Research code (vit-pytorch and
// most of lucidrains') builds and runs models with them.

// One axis entry of a pattern side: its names, and whether they stood in parentheses ("(...)" on the right is the
// product of the ellipsis dims, a bare "..." keeps them apart).
interface Group {
  axes: string[];
  grouped: boolean;
}

function parseSide(side: string): Group[] {
  const groups: Group[] = [];
  const tokens = side.trim().replace(/\(/g, " ( ").replace(/\)/g, " ) ").split(/\s+/).filter(Boolean);
  let current: string[] | undefined;
  for (const t of tokens) {
    if (t === "(") {
      if (current) throw new PythonError(`einops: nested parentheses in '${side}'`);
      current = [];
    } else if (t === ")") {
      if (!current) throw new PythonError(`einops: unbalanced ')' in '${side}'`);
      groups.push({ axes: current, grouped: true });
      current = undefined;
    } else if (current) current.push(t);
    else groups.push({ axes: [t], grouped: false });
  }
  if (current) throw new PythonError(`einops: unbalanced '(' in '${side}'`);
  return groups;
}

function isTensor(v: Value | undefined): v is TensorValue {
  return v?.kind === "tensor";
}

/** Output shape of an einops pattern applied to a tensor shape, with known axis lengths. */
export function einopsShape(shape: number[], pattern: string, axes: Map<string, number>, operation: "rearrange" | "repeat" | "reduce"): number[] {
  const [left, right] = pattern.split("->");
  if (right === undefined) throw new PythonError(`einops: pattern '${pattern}' has no '->'`);
  const leftGroups = parseSide(left);
  const rightGroups = parseSide(right);
  const sizes = new Map(axes);
  const ellipsisAt = leftGroups.findIndex((g) => !g.grouped && g.axes[0] === "...");
  const fixed = leftGroups.length - (ellipsisAt >= 0 ? 1 : 0);
  if (ellipsisAt < 0 ? shape.length !== leftGroups.length : shape.length < fixed) throw new PythonError(`einops: pattern '${left.trim()}' expects ${leftGroups.length} dims, the tensor has ${shape.length}`);
  let ellipsis: number[] = [];
  let dim = 0;
  for (let g = 0; g < leftGroups.length; g++) {
    const group = leftGroups[g].axes;
    if (g === ellipsisAt) {
      const n = shape.length - fixed;
      ellipsis = shape.slice(dim, dim + n);
      dim += n;
      continue;
    }
    const size = shape[dim++];
    const unknownAxes = group.filter((a) => !/^\d+$/.test(a) && !sizes.has(a));
    const known = group.reduce((p, a) => p * (/^\d+$/.test(a) ? Number(a) : sizes.get(a) ?? 1), 1);
    if (unknownAxes.length > 1) throw new PythonError(`einops: cannot infer ${unknownAxes.join(", ")} in '${left.trim()}'`);
    if (unknownAxes.length === 1) {
      if (size % known !== 0) throw new PythonError(`einops: ${size} is not divisible by ${known} in '${left.trim()}'`);
      sizes.set(unknownAxes[0], size / known);
    } else if (known !== size) throw new PythonError(`einops: axis group (${group.join(" ")}) is ${known}, the tensor has ${size}`);
  }
  const out: number[] = [];
  for (const { axes: group, grouped } of rightGroups) {
    if (!grouped && group[0] === "...") {
      out.push(...ellipsis);
      continue;
    }
    let size = 1;
    for (const a of group) {
      if (a === "...") size *= ellipsis.reduce((p, d) => p * d, 1);
      else if (/^\d+$/.test(a)) size *= Number(a);
      else if (sizes.has(a)) size *= sizes.get(a)!;
      else throw new PythonError(`einops: axis ${a} of '${right.trim()}' has no length${operation === "repeat" ? " (give it as a keyword)" : ""}`);
    }
    out.push(size);
  }
  return out;
}

function axisLengths(kwargs: Map<string, Value>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of kwargs) if (k !== "reduction") out.set(k, toInt(v, `einops axis ${k}`));
  return out;
}

/** How many named axes stand before and after the one '*' of a pack/unpack pattern ("b * d": 1 and 1). */
function starPattern(pattern: string): { before: number; after: number } {
  const names = pattern.trim().split(/\s+/).filter(Boolean);
  const star = names.indexOf("*");
  if (star < 0 || names.lastIndexOf("*") !== star) throw new PythonError(`einops: pattern '${pattern}' must hold exactly one '*'`);
  return { before: star, after: names.length - star - 1 };
}

/** The shape functions behind the built-in einops package (its Python layers call these). */
export function einopsFunctions(): Record<string, (call: NativeCall) => Value> {
  const apply = (operation: "rearrange" | "repeat" | "reduce") => ({ args, kwargs }: NativeCall): Value => {
    let [tensor, pattern] = args;
    if (tensor?.kind === "list" || tensor?.kind === "tuple") {
      // a list of same-shape tensors is stacked first (einops does the same)
      const items = tensor.items;
      if (!items.every(isTensor) || items.length === 0) return unknown("einops of a list with unknown items");
      tensor = { kind: "tensor", shape: [items.length, ...items[0].shape], dtype: items[0].dtype };
    }
    if (!isTensor(tensor)) return tensor?.kind === "unknown" ? tensor : unknown(`einops.${operation} of a ${tensor ? describeKind(tensor) : "nothing"}`);
    if (pattern?.kind !== "str") return unknown("einops pattern not known");
    const shape = einopsShape(tensor.shape, pattern.value, axisLengths(kwargs), operation);
    return { kind: "tensor", shape, dtype: tensor.dtype };
  };
  return {
    rearrange: apply("rearrange"),
    repeat: apply("repeat"),
    reduce: apply("reduce"),
    // "b h i d, b h j d -> b h i j" with word axis names to torch.einsum's one-letter equation
    einsum_equation: ({ args }) => {
      const p = args[0];
      if (p?.kind !== "str") return unknown("einsum pattern not known");
      const letters = new Map<string, string>();
      const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
      const eq = p.value.replace(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*|[,>-]/g, (t) => {
        if (t === "..." || t === "," || t === "-" || t === ">") return t;
        if (!letters.has(t)) letters.set(t, alphabet[letters.size] ?? "?");
        return letters.get(t)!;
      });
      return str(eq.replace(/\s+/g, ""));
    },
    dims: ({ args }) => int(isTensor(args[0]) ? args[0].shape.length : 0),
    pack: ({ args }) => {
      const [tensors, pattern] = args;
      if ((tensors?.kind !== "list" && tensors?.kind !== "tuple") || pattern?.kind !== "str") return unknown("einops.pack of unknown tensors or pattern");
      if (!tensors.items.every(isTensor) || tensors.items.length === 0) return unknown("einops.pack of a list with unknown items");
      const { before, after } = starPattern(pattern.value);
      const starShapes = tensors.items.map((t) => {
        if (t.shape.length < before + after) throw new PythonError(`einops.pack: pattern '${pattern.value}' needs ${before + after} dims, a tensor has ${t.shape.length}`);
        return t.shape.slice(before, t.shape.length - after);
      });
      const first = tensors.items[0].shape;
      const packed = [...first.slice(0, before), starShapes.reduce((n, s) => n + s.reduce((p, d) => p * d, 1), 0), ...first.slice(first.length - after)];
      return tuple([{ kind: "tensor", shape: packed, dtype: tensors.items[0].dtype }, list(starShapes.map((s) => tuple(s.map(int))))]);
    },
    unpack: ({ args }) => {
      const [tensor, shapes, pattern] = args;
      if (!isTensor(tensor) || pattern?.kind !== "str" || (shapes?.kind !== "list" && shapes?.kind !== "tuple")) return unknown("einops.unpack of unknown arguments");
      const { before, after } = starPattern(pattern.value);
      const head = tensor.shape.slice(0, before);
      const tail = tensor.shape.slice(tensor.shape.length - after);
      return list(shapes.items.map((s) => ({ kind: "tensor", shape: [...head, ...toInts(s, "einops.unpack shape"), ...tail], dtype: tensor.dtype })));
    },
  };
}

/** Python side of the built-in einops package: functions and torch layers over the native shape functions. */
export const einopsPackage: [string, string][] = [
  ["einops/__init__.py", [
    "import torch",
    "from _greenlight_einops import rearrange, repeat, reduce, einsum_equation, pack, unpack",
    "def einsum(*args):",
    "    # einops.einsum(x, y, 'b i d, b j d -> b i j'): the pattern comes last",
    "    return torch.einsum(einsum_equation(args[-1]), *args[:-1])",
    "def parse_shape(x, pattern):",
    "    names = pattern.split()",
    "    return {n: d for n, d in zip(names, x.shape) if n != '_'}",
  ].join("\n") + "\n"],
  ["einops/layers/__init__.py", ""],
  ["einops/layers/torch.py", [
    "import torch.nn as nn",
    "from einops import rearrange, reduce",
    "class Rearrange(nn.Module):",
    "    def __init__(self, pattern, **axes_lengths):",
    "        super().__init__()",
    "        self.pattern = pattern",
    "        self.axes_lengths = axes_lengths",
    "    def forward(self, x):",
    "        return rearrange(x, self.pattern, **self.axes_lengths)",
    "class Reduce(nn.Module):",
    "    def __init__(self, pattern, reduction, **axes_lengths):",
    "        super().__init__()",
    "        self.pattern = pattern",
    "        self.reduction = reduction",
    "        self.axes_lengths = axes_lengths",
    "    def forward(self, x):",
    "        return reduce(x, self.pattern, self.reduction, **self.axes_lengths)",
  ].join("\n") + "\n"],
];
