// torch.utils.data's TensorDataset as a value (issue 21): scripts wrap arrays of known rows in it and then ask its
// length (`len(train_ds)`, a Sampler's `__len__` over `len(self.data)`, `n_train = len(ds)`). As in PyTorch 2.x
// (torch/utils/data/dataset.py), it keeps `tensors`, its length is the first tensor's first dimension (all share it),
// and an item is the tuple of each tensor's row. The rest of torch.utils.data stays unknown, as before.
import { nativeClass } from "../interp/classes";
import { NONE, int, tensor, tuple, unknown } from "../interp/construct";
import type { ClassValue, ModuleNamespaceValue, Value } from "../interp/values";

/** The `torch.utils.data` module: TensorDataset, with every other name unknown. `namespace` builds a module whose
 *  `fallback` answers the names it lacks. */
export function torchUtilsData(objectClass: ClassValue, namespace: (name: string, entries: Map<string, Value>, fallback: (attribute: string) => Value) => ModuleNamespaceValue): ModuleNamespaceValue {
  const tensorDataset = nativeClass("torch.utils.data.TensorDataset", [objectClass], {
    __init__: ({ args }) => {
      const [self, ...tensors] = args;
      if (self?.kind === "instance") self.attributes.set("tensors", tuple(tensors));
      return NONE;
    },
    __len__: ({ args }) => {
      const first = tensorsOf(args[0])[0];
      return first?.kind === "tensor" && first.shape.length > 0 ? int(first.shape[0]) : unknown("the length of a TensorDataset of unknown tensors");
    },
    __getitem__: ({ args }) => tuple(tensorsOf(args[0]).map((t) => (t.kind === "tensor" && t.shape.length > 0 && args[1]?.kind === "int" ? tensor(t.shape.slice(1), t.dtype) : unknown("an item of a TensorDataset")))),
  });
  return namespace("torch.utils.data", new Map<string, Value>([["TensorDataset", tensorDataset]]), (name) => unknown(`torch.utils.data.${name}`));
}

function tensorsOf(self: Value | undefined): Value[] {
  const tensors = self?.kind === "instance" ? self.attributes.get("tensors") : undefined;
  return tensors?.kind === "tuple" ? tensors.items : [];
}
