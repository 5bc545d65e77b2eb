// PyTorch Lightning as the analyzed code sees it: a LightningModule is a torch.nn.Module (Lightning 2.x
// lightning/pytorch/core/module.py: `class LightningModule(..., HyperparametersMixin, ..., Module)`; the same base in
// pytorch_lightning 1.x core/lightning.py), so its layers, forward and parameters are a model's whether or not
// Lightning is installed. Only what model construction touches is modelled: save_hyperparameters and hparams
// (core/mixins/hparams_mixin.py), the hooks that only log, and a Trainer that takes its arguments; the rest is unknown
// by name. The training plan reads the Trainer's figures from the code's text (src/core/training).
import { lookupClassAttribute, nativeClass } from "../interp/classes";
import { NONE, dict, freshId, keyOf, str, unknown } from "../interp/construct";
import { attributesOverDict, dictStorage, dictSubclassMethods } from "../interp/dict-subclass";
import type { Interpreter } from "../interp/interpreter";
import type { NativeModuleProvider } from "../interp/runtime";
import { lightningAcceleratorModules } from "./accelerators";
import type { InstanceValue, ModuleNamespaceValue, NativeCall, Value } from "../interp/values";

/** Where Lightning's classes have lived: 1.x `pytorch_lightning` (core.lightning before 1.7, core.module after), 2.x
 *  `lightning.pytorch` and the `pytorch_lightning` mirror package. */
const PACKAGES = [
  "pytorch_lightning", "pytorch_lightning.core", "pytorch_lightning.core.lightning", "pytorch_lightning.core.module",
  "lightning", "lightning.pytorch", "lightning.pytorch.core", "lightning.pytorch.core.module",
];

/** LightningModule methods that only log or report: they return None and change no shape. */
const QUIET_METHODS = ["log", "log_dict", "print", "freeze", "unfreeze", "toggle_optimizer", "untoggle_optimizer", "manual_backward"];

/** Lightning's LightningModule, LightningDataModule and seed_everything over the interpreter's nn.Module. */
export const lightningModules: NativeModuleProvider = function lightningModules(runtime) {
  const interp = (): Interpreter => runtime.interpreter;
  const objectClass = runtime.moduleClasses.module.bases[0];
  // hparams is an AttributeDict (lightning/fabric/utilities/data.py): a dict whose keys read as attributes.
  const attributeDict = nativeClass("lightning.fabric.utilities.data.AttributeDict", [objectClass], dictSubclassMethods((v) => interp().iterate(v)));
  const newHparams = (): InstanceValue => ({ kind: "instance", cls: attributeDict, attributes: attributesOverDict(dict()), id: freshId() });
  const methods: Record<string, (call: NativeCall) => Value> = {
    // The hparams property starts empty (`self.hparams.update(vars(args))` before any save_hyperparameters).
    __init__: ({ args }) => {
      if (args[0]?.kind === "instance") interp().setAttribute(args[0], "hparams", newHparams());
      return NONE;
    },
    save_hyperparameters: (call) => saveHyperparameters(interp(), newHparams, call),
  };
  for (const name of QUIET_METHODS) methods[name] = () => NONE;
  const lightningModule = nativeClass("lightning.pytorch.LightningModule", [runtime.moduleClasses.module], methods);
  // A data module only feeds batches: the model analysis never needs more than the class to subclass.
  const dataModule = nativeClass("lightning.pytorch.LightningDataModule", [objectClass], {
    __init__: () => NONE,
    save_hyperparameters: (call) => saveHyperparameters(interp(), newHparams, call),
    from_argparse_args: (call) => fromArgparseArgs(interp(), call),
    // 1.x's add_argparse_args(parent_parser) adds __init__'s parameters with their defaults, which is what
    // from_argparse_args then passes: the parser is returned as it is, the defaults come from __init__.
    add_argparse_args: ({ args, kwargs }) => args[1] ?? kwargs.get("parent_parser") ?? NONE,
  });
  for (const name of ["from_argparse_args", "add_argparse_args"]) {
    const method = dataModule.attributes.get(name);
    if (method?.kind === "native") method.isClassMethod = true;
  }
  // The Trainer runs the training, which the analysis does not: it only takes its arguments. Lightning 1.x's
  // Trainer.add_argparse_args(parser) adds its options to the parser and returns it, so the script's own options
  // stay known (`parser = pl.Trainer.add_argparse_args(parser)`); everything else it has is unknown by name.
  const trainer = nativeClass("lightning.pytorch.Trainer", [objectClass], {
    __init__: () => NONE,
    __getattr__: ({ args }) => unknown(`Trainer.${args[1]?.kind === "str" ? args[1].value : "?"} is not modelled by the analyzer`),
    add_argparse_args: ({ args, kwargs }) => args[0] ?? kwargs.get("parent_parser") ?? NONE,
    from_argparse_args: () => ({ kind: "instance", cls: trainer, attributes: new Map(), id: freshId() }),
  });
  const modules = new Map<string, ModuleNamespaceValue>();
  for (const name of PACKAGES) {
    const names = new Map<string, Value>([
      ["LightningModule", lightningModule],
      ["LightningDataModule", dataModule],
      ["Trainer", trainer],
      // seed_everything(seed) returns the seed it set.
      ["seed_everything", { kind: "native", name: `${name}.seed_everything`, call: ({ args, kwargs }) => args[0] ?? kwargs.get("seed") ?? NONE }],
      ["__fallback__", { kind: "native", name: `${name}.__fallback__`, call: ({ args }) => unknown(`${name}.${args[0]?.kind === "str" ? args[0].value : "?"} is not modelled by the analyzer (only LightningModule, LightningDataModule, Trainer's arguments and seed_everything are)`) }],
    ]);
    modules.set(name, { kind: "namespace", name, scope: { names } });
  }
  for (const name of PACKAGES) {
    const dot = name.lastIndexOf(".");
    if (dot > 0) modules.get(name.slice(0, dot))?.scope.names.set(name.slice(dot + 1), modules.get(name)!);
  }
  for (const [name, module] of lightningAcceleratorModules(interp)) modules.set(name, module);
  return { modules };
};

/**
 * Lightning 1.x `DataModule.from_argparse_args(args, **kwargs)` (pytorch_lightning 1.x utilities/argparse.py): the class
 * built with the namespace's fields that match its `__init__` parameters, the keyword arguments over them; the other
 * parameters keep their defaults.
 */
function fromArgparseArgs(interp: Interpreter, { args, kwargs }: NativeCall): Value {
  const cls = args[0];
  const namespace = args[1] ?? kwargs.get("args");
  if (cls?.kind !== "class") return unknown("from_argparse_args of something that is not a class");
  const init = lookupClassAttribute(cls, "__init__");
  const params = init?.kind === "function" && init.definition.type === "function" ? init.definition.params.slice(1) : [];
  const given = new Map<string, Value>();
  for (const p of params) {
    const field = namespace?.kind === "instance" && (p.kind === "normal" || p.kind === "keywordOnly") ? namespace.attributes.get(p.name) : undefined;
    if (field !== undefined) given.set(p.name, field);
  }
  for (const [name, value] of kwargs) if (name !== "args") given.set(name, value);
  return interp.call(cls, [], given);
}

/**
 * `self.save_hyperparameters()` in `__init__`: `self.hparams` holds the arguments `__init__` was called with (all of
 * its parameters but self, or only the names given; `ignore=` leaves names out), as hparams_mixin.py collects them
 * from the calling frame. Read as attributes (`self.hparams.hidden_dim`), as most code does.
 */
function saveHyperparameters(interp: Interpreter, newHparams: () => InstanceValue, { args, kwargs }: NativeCall): Value {
  const self = args[0];
  if (self?.kind !== "instance") return NONE;
  // A native method runs in its caller's frame: the frame is __init__'s.
  const frame = interp.frame;
  const definition = frame?.function?.definition;
  if (!frame?.scope || !definition || definition.type !== "function") return NONE;
  const names = (value: Value | undefined): string[] => value?.kind === "str" ? [value.value] : value?.kind === "list" || value?.kind === "tuple" ? value.items.flatMap((v) => (v.kind === "str" ? [v.value] : [])) : [];
  const chosen = args.slice(1).flatMap((a) => names(a));
  const ignored = new Set(names(kwargs.get("ignore")));
  const params = definition.params.slice(1);
  const current = self.attributes.get("hparams");
  const hparams = current && dictStorage(current) ? current : newHparams();
  const items = dictStorage(hparams)!;
  const put = (name: string, value: Value) => items.entries.set(keyOf(str(name)), { key: str(name), value });
  for (const p of params) {
    if (ignored.has(p.name) || (chosen.length > 0 && !chosen.includes(p.name))) continue;
    const value = frame.scope.names.get(p.name);
    if (value === undefined) continue;
    if (p.kind === "doublestar" && value.kind === "dict") {
      // **kwargs arrive as their own entries.
      for (const entry of value.entries.values()) if (entry.key.kind === "str") put(entry.key.value, entry.value);
    } else if (p.kind !== "star") put(p.name, value);
  }
  if (hparams !== current) interp.setAttribute(self, "hparams", hparams);
  return NONE;
}
