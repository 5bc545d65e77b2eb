// keras.preprocessing.image.load_img and img_to_array (Keras 2.x keras_preprocessing/image/utils.py; keras.utils.load_img
// and keras.utils.img_to_array since Keras 2.9, the same in Keras 3 keras/src/utils/image_utils.py). A script that
// reads a folder of images one file at a time (`for f in os.listdir(d): x.append(img_to_array(load_img(d + f,
// target_size=(420, 540))))`, then `np.array(x)`) fits on as many rows as the folder holds files; each row's shape is
// what target_size and color_mode make. No pixel is read: load_img's image stands as its array of uint8 (height,
// width, channels), channels 1 for "grayscale", 3 for "rgb" (the default), 4 for "rgba"; without target_size the
// file's own size is not known, and neither is the image.
import { bindArguments, unknown } from "../interp/construct";
import { numpyArray } from "../interp/numpy-arrays";
import type { NativeCall, Value } from "../interp/values";

/** Channels of each color_mode load_img takes. */
const CHANNELS: Record<string, number> = { grayscale: 1, rgb: 3, rgba: 4 };

/** `load_img(path, color_mode="rgb", target_size=None, ...)`: the image as a uint8 array (height, width, channels). */
export function loadImg(call: NativeCall): Value {
  const a = bindArguments(["path", "grayscale=False", "color_mode='rgb'", "target_size=None", "interpolation='nearest'", "keep_aspect_ratio=False"], call.args, call.kwargs, "load_img");
  const mode = a.get("color_mode");
  const grayscale = a.get("grayscale");
  const channels = grayscale.kind === "bool" && grayscale.value ? 1 : mode.kind === "str" ? CHANNELS[mode.value] : undefined;
  const size = a.get("target_size");
  const sides = size.kind === "tuple" || size.kind === "list" ? size.items : undefined;
  if (channels === undefined || !sides || sides.length !== 2 || !sides.every((s) => s.kind === "int" && s.value > 0)) return unknown("load_img of an image whose size the analyzer cannot know (no target_size)");
  return numpyArray([...sides.map((s) => (s.kind === "int" ? s.value : 0)), channels], "uint8");
}

/** `img_to_array(img, data_format=None, dtype=None)`: a float32 array (height, width, channels), channels first where
 *  data_format says so. */
export function imgToArray(call: NativeCall): Value {
  const a = bindArguments(["img", "data_format=None", "dtype=None"], call.args, call.kwargs, "img_to_array");
  const img = a.get("img");
  if (img.kind !== "tensor" || img.shape.length !== 3) return unknown("img_to_array of an image the analyzer cannot see");
  const format = a.get("data_format");
  const [h, w, c] = img.shape;
  return numpyArray(format.kind === "str" && format.value === "channels_first" ? [c, h, w] : [h, w, c], "float32");
}
