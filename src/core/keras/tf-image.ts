// tf.image's resizing functions as shapes: each keeps the images' batch and channels and makes the height and width
// the ones it is given (tensorflow.org/api_docs/python/tf/image/resize: `images` 4-D [batch, height, width, channels]
// or 3-D [height, width, channels], `size` [new_height, new_width]; resize_with_pad and resize_with_crop_or_pad take
// `target_height, target_width`; TF 2.x). So the rows of a batch drawn, resized and fitted stay the rows drawn.
// Everything else under tf.image stays unknown, as before.
import { tensor, toInt, toInts, unknown } from "../interp/construct";
import type { ModuleNamespaceValue, NativeCall, Value } from "../interp/values";

const native = (name: string, call: (c: NativeCall) => Value): Value => ({ kind: "native", name, call });

/** Images of a known 3-D or 4-D shape with a new height and width; unknown otherwise. */
function resized(images: Value | undefined, height: number, width: number, name: string): Value {
  if (images?.kind !== "tensor" || (images.shape.length !== 3 && images.shape.length !== 4)) return unknown(`tf.image.${name} of images of unknown shape`);
  const shape = [...images.shape];
  shape[shape.length - 3] = height;
  shape[shape.length - 2] = width;
  return tensor(shape, images.dtype);
}

/** A resize given `target_height, target_width` (after the images, positional or by keyword). */
function targetResize(name: string): Value {
  return native(`tf.image.${name}`, ({ args, kwargs }) => {
    const h = args[1] ?? kwargs.get("target_height");
    const w = args[2] ?? kwargs.get("target_width");
    if (!h || !w) return unknown(`tf.image.${name} without a target size`);
    return resized(args[0] ?? kwargs.get("image"), toInt(h), toInt(w), name);
  });
}

/** The tensorflow.image module: its resizing functions. */
export function tfImageModule(): ModuleNamespaceValue {
  const resize = native("tf.image.resize", ({ args, kwargs }) => {
    const size = args[1] ?? kwargs.get("size");
    const dims = size ? toInts(size, "size") : [];
    return dims.length === 2 ? resized(args[0] ?? kwargs.get("images"), dims[0]!, dims[1]!, "resize") : unknown("tf.image.resize without a [height, width] size");
  });
  return {
    kind: "namespace",
    name: "tensorflow.image",
    scope: { names: new Map<string, Value>([
      ["resize", resize],
      ["resize_with_pad", targetResize("resize_with_pad")],
      ["resize_with_crop_or_pad", targetResize("resize_with_crop_or_pad")],
      ["__fallback__", native("tensorflow.image.__fallback__", ({ args }) => unknown(`tf.image.${args[0]?.kind === "str" ? args[0].value : "?"} is not modelled`))],
    ]) },
  };
}
