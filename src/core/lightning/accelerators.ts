// Lightning's accelerator classes answer whether their hardware is present (lightning 2.x
// lightning/fabric/accelerators/{mps,cuda}.py, `is_available()` static methods; the same classes under
// lightning.pytorch.accelerators and pytorch_lightning.accelerators). Scripts choose their precision with them
// (`if MPSAccelerator.is_available() or not torch.cuda.is_bf16_supported(): "16-mixed"`), so they are answered from
// the analysis's target as torch.cuda's questions are: an NVIDIA GPU is no Apple Metal (MPS) device.
import { bool, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import type { ModuleNamespaceValue, Value } from "../interp/values";

/** Where Lightning keeps its accelerators. */
const ACCELERATOR_PACKAGES = ["lightning.fabric.accelerators", "lightning.pytorch.accelerators", "pytorch_lightning.accelerators"];

/** The accelerator modules, their classes' `is_available()` answered from the target's CUDA device. */
export function lightningAcceleratorModules(interp: () => Interpreter): [string, ModuleNamespaceValue][] {
  const answer = (question: string, value: (cuda: boolean) => boolean | undefined): Value => ({
    kind: "native",
    name: question,
    call: () => {
      const cuda = interp().cudaDevice !== undefined;
      const known = value(cuda);
      if (known === undefined) return unknown(`${question} on a target with no CUDA device`);
      interp().noteCudaQuery(`${question}()`, known ? "True" : "False");
      return bool(known);
    },
  });
  const accelerator = (name: string, value: (cuda: boolean) => boolean | undefined): Value => ({
    kind: "namespace",
    name,
    scope: { names: new Map([["is_available", answer(`${name}.is_available`, value)]]) },
  });
  return ACCELERATOR_PACKAGES.map((pkg) => [pkg, {
    kind: "namespace",
    name: pkg,
    scope: {
      names: new Map<string, Value>([
        // MPS is Apple silicon's: a machine with an NVIDIA GPU has none; without one, the target may be a Mac.
        ["MPSAccelerator", accelerator("MPSAccelerator", (cuda) => (cuda ? false : undefined))],
        ["CUDAAccelerator", accelerator("CUDAAccelerator", (cuda) => cuda)],
        ["__fallback__", { kind: "native", name: `${pkg}.__fallback__`, call: ({ args }) => unknown(`${pkg}.${args[0]?.kind === "str" ? args[0].value : "?"} is not modelled by the analyzer (only MPSAccelerator and CUDAAccelerator's is_available are)`) }],
      ]),
    },
  }]);
}
