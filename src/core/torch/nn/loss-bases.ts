// torch.nn.modules.loss's base classes (torch/nn/modules/loss.py, torch 2.x): every loss module derives from _Loss,
// and those taking a class `weight` from _WeightedLoss. Library code checks them (`issubclass(type(criterion),
// nn.modules.loss._Loss)`) and users subclass them for their own losses (`class FocalLoss(_Loss)`).
import { computeMro, nativeClass } from "../../interp/classes";
import { NONE, bindArguments, str } from "../../interp/construct";
import type { ClassValue, ModuleNamespaceValue, Value } from "../../interp/values";
import { self } from "./method-arguments";

/** _Loss's qualified name: a class with it in its MRO is a loss criterion (layers/loss.ts isLossCriterion). */
export const LOSS_BASE = "torch.nn.modules.loss._Loss";

/** The loss modules whose base is _WeightedLoss (a `weight` buffer); every other `...Loss` module's is _Loss. */
const WEIGHTED_LOSSES = new Set(["CrossEntropyLoss", "NLLLoss", "BCELoss", "BCEWithLogitsLoss", "MultiLabelSoftMarginLoss", "MultiMarginLoss"]);

/** torch.nn._Reduction.legacy_get_string: the deprecated size_average/reduce flags, when given, set the reduction. */
function reductionOf(sizeAverage: Value, reduce: Value, reduction: Value): Value {
  if (sizeAverage.kind === "none" && reduce.kind === "none") return reduction;
  const flag = (v: Value) => (v.kind === "bool" ? v.value : true);
  if (!flag(reduce)) return str("none");
  return str(flag(sizeAverage) ? "mean" : "sum");
}

/** Creates _Loss and _WeightedLoss, rebases the catalogue's loss classes on them, and returns their module's namespace. */
export function createLossBases(module: ClassValue, nnEntries: Map<string, Value>, namespace: (name: string, entries: Map<string, Value>) => ModuleNamespaceValue): ModuleNamespaceValue {
  const loss = nativeClass(LOSS_BASE, [module], {
    __init__: (call) => {
      const b = bindArguments(["size_average=None", "reduce=None", "reduction='mean'"], call.args.slice(1), call.kwargs, "_Loss.__init__");
      self(call).attributes.set("reduction", reductionOf(b.get("size_average"), b.get("reduce"), b.get("reduction")));
      return NONE;
    },
  });
  const weighted = nativeClass("torch.nn.modules.loss._WeightedLoss", [loss], {
    __init__: (call) => {
      const b = bindArguments(["weight=None", "size_average=None", "reduce=None", "reduction='mean'"], call.args.slice(1), call.kwargs, "_WeightedLoss.__init__");
      const s = self(call);
      s.attributes.set("reduction", reductionOf(b.get("size_average"), b.get("reduce"), b.get("reduction")));
      const weight = b.get("weight");
      s.module!.buffers.set("weight", weight.kind === "tensor" ? weight : NONE);
      return NONE;
    },
  });
  const entries = new Map<string, Value>([["_Loss", loss], ["_WeightedLoss", weighted]]);
  for (const [name, cls] of nnEntries) {
    if (!name.endsWith("Loss") || cls.kind !== "class" || cls.bases.length !== 1 || cls.bases[0] !== module) continue;
    cls.bases = [WEIGHTED_LOSSES.has(name) ? weighted : loss];
    cls.mro = computeMro(cls);
    entries.set(name, cls);
  }
  return namespace("torch.nn.modules.loss", entries);
}
