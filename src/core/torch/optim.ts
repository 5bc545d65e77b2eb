// torch.optim, its learning-rate schedulers and the AMP gradient scaler, as training code uses them. An optimizer
// step is not part of a forward pass, so none of these counts FLOPs; they exist so that training loops run through
// (the energy model costs the optimizer per step from the parameter count, docs/energy.md). Names as in PyTorch
// 2.11's torch/optim/__init__.py and torch/optim/lr_scheduler.py.
import { nativeClass } from "../interp/classes";
import { NONE, float, unknown } from "../interp/construct";
import type { ClassValue, InstanceValue, ModuleNamespaceValue, NativeCall, Value } from "../interp/values";

const OPTIMIZERS = ["SGD", "Adam", "AdamW", "Adadelta", "Adagrad", "Adamax", "Adafactor", "ASGD", "LBFGS", "NAdam", "RAdam", "RMSprop", "Rprop", "SparseAdam", "Muon"];
const SCHEDULERS = [
  "LRScheduler", "StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "SequentialLR", "CosineAnnealingLR",
  "ChainedScheduler", "ReduceLROnPlateau", "CyclicLR", "CosineAnnealingWarmRestarts", "OneCycleLR", "PolynomialLR",
  "LambdaLR", "MultiplicativeLR",
];

type Namespace = (name: string, entries: Map<string, Value>, fallback?: (attribute: string) => Value) => ModuleNamespaceValue;

const none = () => NONE;

/** Stores the constructor's keyword arguments as attributes (`optimizer.defaults`-like reads find them). */
function keepArguments(call: NativeCall): Value {
  const self = call.args[0] as InstanceValue;
  for (const [key, value] of call.kwargs) if (!self.attributes.has(key)) self.attributes.set(key, value);
  return NONE;
}

/** torch.optim (optimizers, lr_scheduler) and the GradScaler class shared by torch.amp and torch.cuda.amp. */
export function createOptim(objectClass: ClassValue, namespace: Namespace): { optim: ModuleNamespaceValue; lrScheduler: ModuleNamespaceValue; gradScaler: ClassValue } {
  // Subclassable (custom optimizers derive from Optimizer): an __init__ that keeps its arguments, no-op steps.
  const optimizer = nativeClass("torch.optim.Optimizer", [objectClass], {
    __init__: keepArguments,
    zero_grad: none,
    step: none,
    add_param_group: none,
    load_state_dict: none,
    state_dict: () => unknown("an optimizer's state"),
  });
  const optimEntries = new Map<string, Value>([["Optimizer", optimizer]]);
  for (const name of OPTIMIZERS) optimEntries.set(name, nativeClass(`torch.optim.${name}`, [optimizer]));
  const scheduler = nativeClass("torch.optim.lr_scheduler.LRScheduler", [objectClass], {
    __init__: keepArguments,
    step: none,
    get_last_lr: () => unknown("the learning rates of a schedule"),
    state_dict: () => unknown("a scheduler's state"),
    load_state_dict: none,
  });
  const schedulerEntries = new Map<string, Value>([["LRScheduler", scheduler], ["_LRScheduler", scheduler]]);
  for (const name of SCHEDULERS) if (!schedulerEntries.has(name)) schedulerEntries.set(name, nativeClass(`torch.optim.lr_scheduler.${name}`, [scheduler]));
  const lrScheduler = namespace("torch.optim.lr_scheduler", schedulerEntries, (name) => unknown(`torch.optim.lr_scheduler.${name}`));
  optimEntries.set("lr_scheduler", lrScheduler);
  // scale(loss) is the loss times a factor: element-wise, the same shape.
  const gradScaler = nativeClass("torch.amp.GradScaler", [objectClass], {
    __init__: keepArguments,
    scale: (call) => call.args[1] ?? NONE,
    step: none,
    update: none,
    unscale_: none,
    get_scale: () => float(65536),
    is_enabled: () => unknown("whether a gradient scaler is enabled"),
    state_dict: () => unknown("a gradient scaler's state"),
    load_state_dict: none,
  });
  const optim = namespace("torch.optim", optimEntries, (name) => unknown(`torch.optim.${name}`));
  return { optim, lrScheduler, gradScaler };
}
