// tf.distribute's strategies as the plain run builds them on the analysis's target, one GPU (tensorflow.org/api_docs/
// python/tf/distribute, TF 2.x): MirroredStrategy() mirrors over every visible GPU (the CPU when there is none), one
// replica each, or over the `devices` it is given; MultiWorkerMirroredStrategy and CentralStorageStrategy over one
// worker's GPUs; OneDeviceStrategy and the default strategy (get_strategy()) run one replica. So a script's global
// batch, `BATCH_SIZE_PER_REPLICA * strategy.num_replicas_in_sync`, is its per-replica batch on that GPU. Anything else
// of a strategy (scope(), run(), reduce()) stays unknown to the analyzer, as before.
import { int, unknown } from "../interp/construct";
import type { ModuleNamespaceValue, NativeCall, Value } from "../interp/values";

/** The target's GPUs as a strategy without `devices` sees them: the analysis targets one. */
const TARGET_REPLICAS = 1;

const native = (name: string, call: (c: NativeCall) => Value): Value => ({ kind: "native", name, call });

/** A strategy object: its replica count, every other attribute unknown. */
function strategy(name: string, replicas: number | undefined): ModuleNamespaceValue {
  const names = new Map<string, Value>([["__fallback__", native(`${name}.__fallback__`, ({ args }) => unknown(`${name}.${args[0]?.kind === "str" ? args[0].value : "?"} is not modelled`))]]);
  if (replicas !== undefined) names.set("num_replicas_in_sync", int(replicas));
  return { kind: "namespace", name, scope: { names } };
}

/** How many devices a `devices=` list or tuple names, where it is one. */
function deviceCount(v: Value | undefined): number | undefined {
  if (v === undefined || v.kind === "none") return TARGET_REPLICAS;
  return (v.kind === "list" || v.kind === "tuple") && v.items.length > 0 ? v.items.length : undefined;
}

/** The tensorflow.distribute module: the strategies whose replica count the plain run fixes. */
export function tfDistributeModule(): ModuleNamespaceValue {
  const mirrored = (name: string) => native(name, ({ args, kwargs }) => strategy(name, deviceCount(kwargs.get("devices") ?? args[0])));
  const single = (name: string) => native(name, () => strategy(name, 1));
  const perWorker = (name: string) => native(name, () => strategy(name, TARGET_REPLICAS));
  const experimental: ModuleNamespaceValue = {
    kind: "namespace",
    name: "tensorflow.distribute.experimental",
    scope: { names: new Map<string, Value>([
      ["MultiWorkerMirroredStrategy", perWorker("MultiWorkerMirroredStrategy")],
      ["CentralStorageStrategy", perWorker("CentralStorageStrategy")],
      ["__fallback__", native("tensorflow.distribute.experimental.__fallback__", ({ args }) => unknown(`tf.distribute.experimental.${args[0]?.kind === "str" ? args[0].value : "?"} is not modelled`))],
    ]) },
  };
  return {
    kind: "namespace",
    name: "tensorflow.distribute",
    scope: { names: new Map<string, Value>([
      ["MirroredStrategy", mirrored("MirroredStrategy")],
      ["MultiWorkerMirroredStrategy", perWorker("MultiWorkerMirroredStrategy")],
      ["OneDeviceStrategy", single("OneDeviceStrategy")],
      ["get_strategy", single("get_strategy")],
      ["experimental", experimental],
      ["__fallback__", native("tensorflow.distribute.__fallback__", ({ args }) => unknown(`tf.distribute.${args[0]?.kind === "str" ? args[0].value : "?"} is not modelled`))],
    ]) },
  };
}
