// nn.Conv1d/2d/3d and nn.ConvTranspose1d/2d/3d.
import { toInts } from "../../interp/construct";
import { PythonError, type BoundArguments, type LayerSpec } from "../../interp/values";
import { convolution, convolutionTranspose, outputPaddingFor, splitSpatial, type ConvPadding } from "../ops/conv-pool";
import { pad } from "../ops/nn-ops";
import { DEVICE_DTYPE, defineLayer, input, parameter, requiredParameter } from "./define";

/** padding as ints per dim, or 'same' / 'valid'. */
export function convPadding(a: BoundArguments, nd: number): ConvPadding {
  const p = a.get("padding");
  if (p.kind === "str") {
    if (p.value !== "same" && p.value !== "valid") throw new PythonError(`Invalid padding string '${p.value}', should be one of {'valid', 'same'}`);
    return p.value;
  }
  return a.ints("padding", nd);
}

function checkGroups(a: BoundArguments, name: string): void {
  const groups = a.int("groups");
  if (groups <= 0) throw new PythonError(`${name}: groups must be a positive integer`);
  if (a.int("in_channels") % groups !== 0) throw new PythonError(`${name}: in_channels must be divisible by groups`);
  if (a.int("out_channels") % groups !== 0) throw new PythonError(`${name}: out_channels must be divisible by groups`);
}

function conv(nd: number): LayerSpec {
  const name = `Conv${nd}d`;
  return defineLayer({
    name,
    signature: ["in_channels", "out_channels", "kernel_size", "stride=1", "padding=0", "dilation=1", "groups=1", "bias=True", "padding_mode='zeros'", ...DEVICE_DTYPE],
    build: (a) => {
      checkGroups(a, name);
      const padding = convPadding(a, nd);
      if (padding === "same" && a.ints("stride", nd).some((s) => s !== 1)) throw new PythonError("padding='same' is not supported for strided convolutions");
      const mode = a.str("padding_mode");
      if (!["zeros", "reflect", "replicate", "circular"].includes(mode)) throw new PythonError(`padding_mode must be one of 'zeros', 'reflect', 'replicate' or 'circular', but got padding_mode='${mode}'`);
      const out = a.int("out_channels");
      return {
        parameters: [["weight", [out, a.int("in_channels") / a.int("groups"), ...a.ints("kernel_size", nd)]], ["bias", a.bool("bias") ? [out] : null]],
      };
    },
    forward: (layer, args, context) => {
      const a = layer.config;
      const weight = requiredParameter(layer, "weight");
      let x = input(args, name);
      let padding = convPadding(a, nd);
      const dilation = a.ints("dilation", nd);
      const mode = a.str("padding_mode");
      if (mode !== "zeros") {
        // Non-zero padding modes pad explicitly (F.pad), then convolve without padding (torch.nn.modules.conv._conv_forward).
        const kernel = weight.shape.slice(2);
        const perDim = padding === "valid" ? kernel.map(() => [0, 0])
          : padding === "same" ? kernel.map((k, i) => { const total = dilation[i] * (k - 1); return [Math.floor(total / 2), total - Math.floor(total / 2)]; })
          : padding.map((p) => [p, p]);
        const pads = perDim.reverse().flat();
        if (pads.some((p) => p > 0)) x = pad(x, pads, mode === "zeros" ? "constant" : mode, context);
        padding = kernel.map(() => 0);
      }
      return convolution(x, weight, parameter(layer, "bias"), a.ints("stride", nd), padding, dilation, a.int("groups"), nd, context, name);
    },
  });
}

function convTranspose(nd: number): LayerSpec {
  const name = `ConvTranspose${nd}d`;
  return defineLayer({
    name,
    signature: ["in_channels", "out_channels", "kernel_size", "stride=1", "padding=0", "output_padding=0", "groups=1", "bias=True", "dilation=1", "padding_mode='zeros'", ...DEVICE_DTYPE],
    forwardSignature: ["input", "output_size=None"],
    build: (a) => {
      checkGroups(a, name);
      if (a.get("padding").kind === "str") throw new PythonError(`${name}: padding='${a.str("padding")}' is not supported for transposed convolutions`);
      if (a.str("padding_mode") !== "zeros") throw new PythonError(`Only "zeros" padding mode is supported for ${name}`);
      const out = a.int("out_channels");
      return {
        parameters: [["weight", [a.int("in_channels"), out / a.int("groups"), ...a.ints("kernel_size", nd)]], ["bias", a.bool("bias") ? [out] : null]],
      };
    },
    forward: (layer, args, context) => {
      const a = layer.config;
      const x = input(args, name);
      const weight = requiredParameter(layer, "weight");
      const stride = a.ints("stride", nd);
      const padding = a.ints("padding", nd);
      const dilation = a.ints("dilation", nd);
      let outputPadding = a.ints("output_padding", nd);
      if (!args.isNone("output_size")) {
        const { spatial } = splitSpatial(x, nd, name);
        outputPadding = outputPaddingFor(spatial, toInts(args.get("output_size"), "output_size"), weight.shape.slice(2), stride, padding, dilation);
      }
      return convolutionTranspose(x, weight, parameter(layer, "bias"), stride, padding, outputPadding, a.int("groups"), dilation, nd, context, name);
    },
  });
}

export const CONV_LAYERS: LayerSpec[] = [conv(1), conv(2), conv(3), convTranspose(1), convTranspose(2), convTranspose(3)];
