// nn.Identity, nn.Linear, nn.Bilinear.
import type { LayerSpec } from "../../interp/values";
import { bilinear, linear } from "../ops/linear-algebra";
import { DEVICE_DTYPE, defineLayer, input, parameter, requiredParameter } from "./define";

export const Identity = defineLayer({
  name: "Identity",
  signature: ["*args", "**kwargs"],
  forwardSignature: ["input"],
  build: () => ({ parameters: [] }),
  forward: (_layer, args) => args.get("input"),
});

export const Linear = defineLayer({
  name: "Linear",
  signature: ["in_features", "out_features", "bias=True", ...DEVICE_DTYPE],
  build: (a) => ({
    parameters: [["weight", [a.int("out_features"), a.int("in_features")]], ["bias", a.bool("bias") ? [a.int("out_features")] : null]],
  }),
  forward: (layer, args, context) => linear(input(args, "Linear"), requiredParameter(layer, "weight"), parameter(layer, "bias"), context),
});

/** MultiheadAttention's out_proj class (torch.nn.modules.linear.NonDynamicallyQuantizableLinear): a Linear. */
export const NonDynamicallyQuantizableLinear: LayerSpec = { ...Linear, name: "NonDynamicallyQuantizableLinear", subclassOf: "Linear" };

export const Bilinear = defineLayer({
  name: "Bilinear",
  signature: ["in1_features", "in2_features", "out_features", "bias=True", ...DEVICE_DTYPE],
  forwardSignature: ["input1", "input2"],
  build: (a) => ({
    parameters: [["weight", [a.int("out_features"), a.int("in1_features"), a.int("in2_features")]], ["bias", a.bool("bias") ? [a.int("out_features")] : null]],
  }),
  forward: (layer, args, context) => bilinear(input(args, "Bilinear", "input1"), input(args, "Bilinear", "input2"), requiredParameter(layer, "weight"), parameter(layer, "bias"), context),
});

export const LINEAR_LAYERS: LayerSpec[] = [Identity, Linear, Bilinear];
