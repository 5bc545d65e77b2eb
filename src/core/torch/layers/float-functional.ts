// torch.ao.nn.quantized.FloatFunctional (torch/ao/nn/quantized/modules/functional_modules.py, PyTorch 1.13; also
// torch.nn.quantized.FloatFunctional): a module that stands for tensor operations so quantization can observe them.
// In a float model it is those operations: add, mul, cat, add_relu, matmul (add_scalar and mul_scalar skip the
// observer); its only child is the observer, an Identity until the model is prepared. MiDaS/DPT heads use `add`.
import { PythonError, type BoundArguments, type LayerSpec, type OpContext, type Value } from "../../interp/values";
import { sequenceItems, tensorArg, toTensor } from "../args";
import { constructChild } from "../layer-instance";
import { elementwise, unary } from "../ops/elementwise";
import { matmul } from "../ops/linear-algebra";
import { cat } from "../ops/shape-ops";
import { defineLayer } from "./define";
import { Identity } from "./linear";

const CHILD_SPECS = new Map<string, LayerSpec>([["Identity", Identity]]);

const binary = (op: string) => ({
  signature: ["x", "y"],
  call: (_layer: unknown, a: BoundArguments, context: OpContext): Value => elementwise(op, [a.get("x"), a.get("y")], context),
});

export const FloatFunctional = defineLayer({
  name: "FloatFunctional",
  signature: [],
  build: (_a, context) => ({ parameters: [], children: [["activation_post_process", constructChild(CHILD_SPECS, "Identity", [], new Map(), context)]] }),
  forward: () => {
    throw new PythonError("RuntimeError: FloatFunctional is not intended to use the 'forward'. Please use the underlying operation");
  },
  methods: {
    add: binary("add"),
    add_scalar: binary("add"),
    mul: binary("mul"),
    mul_scalar: binary("mul"),
    add_relu: {
      signature: ["x", "y"],
      call: (_layer, a, context) => unary("relu", elementwise("add", [a.get("x"), a.get("y")], context), context),
    },
    cat: {
      signature: ["x", "dim=0"],
      call: (_layer, a, context) => cat(sequenceItems(a.get("x"), "FloatFunctional.cat").map((t, i) => toTensor(t, `FloatFunctional.cat[${i}]`)), a.int("dim"), context),
    },
    matmul: {
      signature: ["x", "y"],
      call: (_layer, a, context) => matmul(tensorArg(a, "x", "FloatFunctional.matmul"), tensorArg(a, "y", "FloatFunctional.matmul"), context),
    },
  },
});

