// torch.nn.DataParallel and DistributedDataParallel as the analyzed code sees them. Both are modules that hold the
// model they wrap as `self.module` and whose forward calls it (torch/nn/parallel/data_parallel.py, distributed.py):
// parameters, FLOPs and energy are the wrapped model's. Without them a factory that returns
// `DataParallel(model, device_ids=...)` built nothing, and the training run it feeds had no model energy. How the
// batch is split over GPUs is the parallel setup's business (src/core/parallel/), not the module's.
import { nativeClass } from "../../interp/classes";
import { NONE } from "../../interp/construct";
import type { Interpreter } from "../../interp/interpreter";
import { PythonError, type ClassValue, type InstanceValue, type NativeCall, type Value } from "../../interp/values";
import { self } from "./method-arguments";

const WRAPPER_NAMES = new Set(["torch.nn.parallel.DataParallel", "torch.nn.parallel.DistributedDataParallel"]);

/** The wrapper classes of torch.nn.parallel, keyed by their name there. */
export function createParallelWrappers(interp: () => Interpreter, module: ClassValue): Map<string, ClassValue> {
  const wrapped = (call: NativeCall): Value => {
    const inner = self(call).module!.children.get("module");
    if (!inner) throw new PythonError("AttributeError: the wrapper holds no module");
    return inner;
  };
  const wrapper = (name: string) => nativeClass(`torch.nn.parallel.${name}`, [module], {
    __init__: (call) => {
      const inner = call.args[1] ?? call.kwargs.get("module");
      if (inner?.kind !== "instance" || !inner.module) throw new PythonError(`${name}() needs the module it wraps`);
      self(call).module!.children.set("module", inner as InstanceValue);
      return NONE;
    },
    forward: (call) => interp().call(wrapped(call), call.args.slice(1), call.kwargs),
  });
  return new Map([["DataParallel", wrapper("DataParallel")], ["DistributedDataParallel", wrapper("DistributedDataParallel")]]);
}

/** The model a DataParallel / DistributedDataParallel object wraps (nested wrappers unwrapped); else the object. */
export function wrappedModel(v: InstanceValue): InstanceValue {
  let m = v;
  while (WRAPPER_NAMES.has(m.cls.qualifiedName)) {
    const inner = m.module?.children.get("module");
    if (inner?.kind !== "instance" || !inner.module) break;
    m = inner;
  }
  return m;
}
