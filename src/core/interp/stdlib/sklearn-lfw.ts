// scikit-learn's fetch_lfw_people: the Labeled Faces in the Wild portraits, kept for people with at least
// min_faces_per_person of them, each cropped to 125 x 94 pixels and scaled by resize (sklearn/datasets/_lfw.py).
// Face-recognition scripts fit a network on its images (`x = lfw.images.reshape(n, 1, h, w)`, `to_categorical(
// lfw.target, len(lfw.target_names))`), so their count and size are the run's samples and the model's input. The
// counts are published for some thresholds only (sklearn-lfw.json); any other leaves the data unknown.
import lfwData from "../../signatures/sklearn-lfw.json";
import { FALSE, list, str, tensor, truthy, tuple, unknown } from "../construct";
import type { Value } from "../values";
import { fn, namespace } from "./native";

/** A number the call gives (an int or a float), or undefined. */
function numberOf(v: Value | undefined): number | undefined {
  return v?.kind === "int" || v?.kind === "float" ? v.value : undefined;
}

/** `fetch_lfw_people(..., resize=0.5, min_faces_per_person=0, color=False, slice_=default, return_X_y=False)`: a Bunch of
 *  data (n, h * w), images (n, h, w[, 3]), target (n,) and target_names, where n is published for the threshold. */
export function fetchLfwPeople(): Value {
  return fn("sklearn.datasets.fetch_lfw_people", ({ args, kwargs }) => {
    if (kwargs.has("slice_") || args.length > 5) return unknown("fetch_lfw_people with its own crop");
    const resizeGiven = kwargs.get("resize") ?? args[2];
    const resize = resizeGiven === undefined ? lfwData.default_resize : resizeGiven.kind === "none" ? 1 : numberOf(resizeGiven);
    const threshold = numberOf(kwargs.get("min_faces_per_person") ?? args[3]) ?? (kwargs.has("min_faces_per_person") || args.length > 3 ? undefined : 0);
    const counts = threshold === undefined ? undefined : (lfwData.by_min_faces_per_person as Record<string, { images: number; people: number }>)[String(threshold)];
    if (resize === undefined || resize <= 0 || !counts) return unknown("fetch_lfw_people: how many faces pass min_faces_per_person is not published for that threshold");
    const [h, w] = lfwData.crop.map((side) => Math.floor(resize * side));
    const color = truthy(kwargs.get("color") ?? args[4] ?? FALSE);
    const images = tensor(color ? [counts.images, h, w, 3] : [counts.images, h, w], "float32");
    const data = tensor([counts.images, h * w * (color ? 3 : 1)], "float32");
    const target = tensor([counts.images], "int64");
    if (truthy(kwargs.get("return_X_y") ?? FALSE)) return tuple([data, target]);
    const names = list(Array.from({ length: counts.people }, (_, i) => str(`person ${i + 1}`)));
    return namespace("sklearn.utils.Bunch", { data, images, target, target_names: names });
  });
}
