// torch.cuda's questions about the device (is_available, get_device_capability, ...), answered from the CUDA device of
// the analysis's target (the estimate's hardware; src/core/torch/cuda-devices.json), so a script's own checks take the
// branch the run takes on that GPU. Each answer is recorded where the code asked, for the training plan's note.
import { NONE, bool, int, str, tuple, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import type { NativeCall, Value } from "../interp/values";

type Answer = { value: Value; text: string };

/** torch.cuda's device questions by name, answered from the interpreter's CUDA device. */
export function cudaQueryFunctions(interp: () => Interpreter): [string, Value][] {
  const query = (name: string, answer: (call: NativeCall) => Answer | undefined): [string, Value] => [name, {
    kind: "native",
    name: `torch.cuda.${name}`,
    call: (call) => {
      const a = answer(call);
      // Without a CUDA device torch raises ("No CUDA GPUs are available"): the value stays unknown.
      if (!a) return unknown(`torch.cuda.${name}() without a CUDA device on the target`);
      interp().noteCudaQuery(`torch.cuda.${name}()`, a.text);
      return a.value;
    },
  }];
  const device = () => interp().cudaDevice;
  const properties = () => {
    const d = device();
    if (!d) return undefined;
    const names = new Map<string, Value>([["name", str(d.name)], ["major", int(d.capability[0])], ["minor", int(d.capability[1])]]);
    if (d.totalMemory !== undefined) names.set("total_memory", int(d.totalMemory));
    return { value: { kind: "namespace", name: "torch.cuda._CudaDeviceProperties", scope: { names } } as Value, text: `${d.name}, capability ${d.capability.join(".")}${d.totalMemory !== undefined ? `, ${d.totalMemory / 2 ** 30} GiB` : ""}` };
  };
  return [
    query("is_available", () => ({ value: bool(device() !== undefined), text: device() ? "True" : "False" })),
    query("device_count", () => ({ value: int(device() ? 1 : 0), text: device() ? "1" : "0" })),
    query("current_device", () => (device() ? { value: int(0), text: "0" } : undefined)),
    query("is_bf16_supported", ({ kwargs, args }) => {
      const d = device();
      if (!d) return { value: bool(false), text: "False" };
      // torch/cuda/__init__.py: True from compute capability 8.0 (Ampere) on; below it, True by software emulation
      // unless including_emulation=False (the default is True since PyTorch 2.3; 2.2 answered False on a V100,
      // pytorch/pytorch#124996).
      if (d.capability[0] >= 8) return { value: bool(true), text: `True (${d.name}, capability ${d.capability.join(".")})` };
      const emulation = kwargs.get("including_emulation") ?? args[0];
      const emulated = !(emulation && (emulation.kind === "bool" || emulation.kind === "int") && !emulation.value);
      return { value: bool(emulated), text: emulated ? `True by emulation (${d.name}, capability ${d.capability.join(".")} has no bf16 units; including_emulation=False answers False)` : `False (${d.name}, capability ${d.capability.join(".")})` };
    }),
    query("get_device_capability", () => {
      const d = device();
      return d ? { value: tuple(d.capability.map(int)), text: `(${d.capability.join(", ")}) (${d.name})` } : undefined;
    }),
    query("get_device_name", () => {
      const d = device();
      return d ? { value: str(d.name), text: `'${d.name}'` } : undefined;
    }),
    query("get_device_properties", properties),
    query("mem_get_info", () => {
      const total = device()?.totalMemory;
      // Nothing is allocated before the script runs: all of the memory is free.
      return total === undefined ? undefined : { value: tuple([int(total), int(total)]), text: `(${total}, ${total}) bytes free and total` };
    }),
    ["is_initialized", { kind: "native", name: "torch.cuda.is_initialized", call: () => bool(device() !== undefined) }],
    ["set_device", { kind: "native", name: "torch.cuda.set_device", call: () => NONE }],
  ];
}
