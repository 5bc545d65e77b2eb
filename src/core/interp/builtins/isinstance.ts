import { isSubclass, lookupClassAttribute } from "../classes";
import { bool, unknown } from "../construct";
import { enumMember } from "../enum-members";
import type { ClassValue, Value } from "../values";
import { builtin, type BuiltinScope } from "./builtin";

/** isinstance, issubclass and callable: abstract classes (collections.abc, numbers) decide by the value's kind. */
export function installTypeChecks({ names }: BuiltinScope): void {
  const callableTypeKinds: Record<string, Value["kind"][]> = {
    "functools.partial": ["partial"],
    "types.FunctionType": ["function"],
    "types.LambdaType": ["function"],
    "types.MethodType": ["bound"],
    "types.BuiltinFunctionType": ["native"],
  };
  const abstractKinds: Record<string, Value["kind"][]> = {
    "collections.abc.Iterable": ["list", "tuple", "dict", "set", "str", "range", "iterator", "tensor"],
    "collections.abc.Collection": ["list", "tuple", "dict", "set", "str", "range", "tensor"],
    "collections.abc.Iterator": ["iterator"],
    "collections.abc.Sequence": ["list", "tuple", "str", "range"],
    "collections.abc.Mapping": ["dict"],
    "collections.abc.Callable": ["function", "native", "class", "bound", "partial"],
    "numbers.Number": ["int", "float", "bool"],
    "numbers.Complex": ["int", "float", "bool"],
    "numbers.Real": ["int", "float", "bool"],
    "numbers.Rational": ["int", "bool"],
    "numbers.Integral": ["int", "bool"],
  };
  const isInstance = (v: Value, spec: Value): boolean | undefined => {
    if (spec.kind === "tuple") {
      let unsure = false;
      for (const s of spec.items) {
        const r = isInstance(v, s);
        if (r) return true;
        if (r === undefined) unsure = true;
      }
      return unsure ? undefined : false;
    }
    // Type objects that are functions here: functools.partial, types.FunctionType...
    if (spec.kind === "native" && spec.name in callableTypeKinds) return v.kind === "unknown" ? undefined : callableTypeKinds[spec.name].includes(v.kind);
    if (spec.kind === "native" && spec.instanceCheck) return v.kind === "unknown" ? undefined : spec.instanceCheck(v);
    // None is an instance of NoneType and object only: no class from code the analyzer cannot see is either.
    if (spec.kind === "unknown" && v.kind === "none") return false;
    if (spec.kind !== "class" || v.kind === "unknown") return undefined;
    const abstract = abstractKinds[spec.qualifiedName];
    if (abstract) {
      if (v.kind === "instance") return isSubclass(v.cls, spec) || (spec.name === "Callable" && !!lookupClassAttribute(v.cls, "__call__")) || ((spec.name === "Iterable" || spec.name === "Collection") && !!lookupClassAttribute(v.cls, "__iter__"));
      return abstract.includes(v.kind);
    }
    if (v.kind === "instance") return isSubclass(v.cls, spec) || isCatalogueChildOf(v.cls, spec);
    const member = enumMember(v);
    if (member && isSubclass(member.cls, spec)) return true;
    if (spec.qualifiedName === "builtins.type") return v.kind === "class";
    const builtin: Record<string, string[]> = { int: ["int", "bool"], float: ["float"], str: ["str"], list: ["list"], tuple: ["tuple"], dict: ["dict"], bool: ["bool"], set: ["set"] };
    const kinds = builtin[spec.name];
    if (kinds && spec.qualifiedName.startsWith("builtins.")) return kinds.includes(v.kind);
    if (spec.qualifiedName === "torch.Tensor" || spec.qualifiedName === "torch.nn.Parameter") return v.kind === "tensor" && (spec.name === "Tensor" || !!v.parameter);
    if (spec.qualifiedName === "builtins.object") return true;
    return false;
  };
  names.set("isinstance", builtin("isinstance", ({ args }) => {
    const r = isInstance(args[0], args[1]);
    return r === undefined ? unknown("isinstance of an unknown value") : bool(r);
  }));
  names.set("issubclass", builtin("issubclass", ({ args }) => {
    const [c, spec] = args;
    if (c.kind !== "class") return unknown("issubclass of a non-class");
    const bases = spec.kind === "tuple" ? spec.items : [spec];
    return bool(bases.some((b) => b.kind === "class" && isSubclass(c, b)));
  }));
  names.set("callable", builtin("callable", ({ args }) => bool(["function", "native", "class", "bound", "partial"].includes(args[0].kind) || (args[0].kind === "instance" && !!lookupClassAttribute(args[0].cls, "__call__")))));
}

/**
 * A catalogue layer's own children (TransformerEncoderLayer.linear1, MultiheadAttention.out_proj) are built from the
 * catalogue's spec, not from the torch.nn class the program sees: they are instances of that class by layer name, and
 * of the class torch derives them from (an out_proj is an nn.Linear), and their ModuleLists are nn.ModuleLists, as
 * `self.apply(self._init_weights)` asks.
 */
function isCatalogueChildOf(cls: ClassValue, spec: ClassValue): boolean {
  const asked = spec.layer?.name;
  const own = cls.layer;
  if (asked && own) return own.name === asked || own.subclassOf === asked;
  // the containers they hold their children in (TransformerEncoder.layers: a ModuleList)
  return spec.qualifiedName.startsWith("torch.nn.") && cls.qualifiedName === spec.qualifiedName;
}
