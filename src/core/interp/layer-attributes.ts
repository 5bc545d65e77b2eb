import { tuple } from "./construct";
import type { ClassValue, InstanceValue, Value } from "./values";
import { layerConfigOf } from "./layer-configs";

// PyTorch keeps a layer's constructor arguments as attributes (`fc.in_features`, `conv.out_channels`), and real
// code reads them (`nn.Linear(model.fc.in_features, 10)`, subclasses of nn.LayerNorm reading normalized_shape).
// Convolutions store their size arguments as tuples (torch.nn.modules.conv's _pair/_triple), LayerNorm its
// normalized_shape as a tuple.

const convSizes = new Set(["kernel_size", "stride", "padding", "dilation", "output_padding"]);

function layerSpecName(cls: ClassValue): string | undefined {
  for (const c of cls.mro) if (c.layer) return c.layer.name;
  return undefined;
}

/** A catalogue layer's constructor argument read as an attribute, as PyTorch stores it; undefined when none. */
export function layerAttribute(o: InstanceValue, name: string): Value | undefined {
  const spec = layerSpecName(o.cls);
  if (!spec) return undefined;
  const config = layerConfigOf(o);
  if (!config || !config.has(name)) return undefined;
  let v: Value;
  try {
    v = config.get(name);
  } catch {
    return undefined;
  }
  const conv = /^(?:Lazy)?Conv(?:Transpose)?([123])d$/.exec(spec);
  if (conv && convSizes.has(name) && (v.kind === "int" || v.kind === "bool")) return tuple(new Array(Number(conv[1])).fill(v));
  if (name === "normalized_shape" && v.kind === "int") return tuple([v]);
  return v;
}
