// torch.nn.modules.utils: the argument normalisers torch's own layers use (`_pair(3)` is `(3, 3)`), which library
// code imports for its own layers (split-attention convolutions, deformable convolutions...). Semantics as in
// torch/nn/modules/utils.py: an iterable becomes a tuple of its items, anything else is repeated n times.
import { tuple, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import type { ModuleNamespaceValue, Value } from "../interp/values";

const ITERABLE = new Set(["list", "tuple", "set", "dict", "str", "range"]);

/** The torch.nn.modules.utils namespace: _single, _pair, _triple, _quadruple, _ntuple, _reverse_repeat_tuple. */
export function nnModuleUtils(interp: () => Interpreter): ModuleNamespaceValue {
  const ntuple = (n: number, name: string): Value => ({
    kind: "native",
    name,
    call: ({ args }) => {
      const x = args[0];
      if (x === undefined) return unknown(`${name}() without an argument`);
      if (x.kind === "unknown") return x;
      return ITERABLE.has(x.kind) ? tuple(interp().iterate(x)) : tuple(Array.from({ length: n }, () => x));
    },
  });
  const entries = new Map<string, Value>([
    ["_single", ntuple(1, "_single")],
    ["_pair", ntuple(2, "_pair")],
    ["_triple", ntuple(3, "_triple")],
    ["_quadruple", ntuple(4, "_quadruple")],
    ["_ntuple", {
      kind: "native",
      name: "_ntuple",
      call: ({ args }) => (args[0]?.kind === "int" ? ntuple(args[0].value, args[1]?.kind === "str" ? args[1].value : "parse") : unknown("_ntuple of an unknown length")),
    }],
    // (a, b) -> (b, b, a, a): a Conv's padding as F.pad wants it, last dimension first
    ["_reverse_repeat_tuple", {
      kind: "native",
      name: "_reverse_repeat_tuple",
      call: ({ args }) => {
        const items = args[0] && ITERABLE.has(args[0].kind) ? interp().iterate(args[0]) : undefined;
        const n = args[1]?.kind === "int" ? args[1].value : undefined;
        if (!items || n === undefined) return unknown("_reverse_repeat_tuple of unknown arguments");
        return tuple([...items].reverse().flatMap((x) => Array.from({ length: n }, () => x)));
      },
    }],
  ]);
  return { kind: "namespace", name: "torch.nn.modules.utils", scope: { names: entries } };
}
