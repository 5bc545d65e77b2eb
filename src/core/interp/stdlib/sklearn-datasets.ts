// scikit-learn's sample generators and toy datasets as arrays of known shape: tutorials train small models on them
// whole (`X, y = make_blobs(n_samples=80)`; `torch.FloatTensor(X)`), so their rows are a full-batch run's batch and
// samples. The shapes are data generated from scikit-learn's sources (sklearn-datasets.json, its version inside).
import sklearnData from "../../signatures/sklearn-datasets.json";
import { FALSE, tensor, toInts, truthy, tuple, unknown } from "../construct";
import type { NativeCall, Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";
import { sklearnFetchers } from "./sklearn-fetchers";
import { fetchLfwPeople } from "./sklearn-lfw";
import { fetchOpenml } from "./sklearn-openml";

interface GeneratorShape {
  positional: string[];
  n_samples: number;
  features: number | string;
  labels: boolean;
  [parameter: string]: unknown;
}

/** An argument by keyword or by its place in the generator's signature. */
function argument({ args, kwargs }: NativeCall, name: string, positional: string[]): Value | undefined {
  const at = positional.indexOf(name);
  return kwargs.get(name) ?? (at >= 0 ? args[at] : undefined);
}

/** A count argument: an int, or per-group counts (make_blobs' list of cluster sizes, make_moons' pair) summed. */
function count(value: Value | undefined, fallback: number, what: string): number | undefined {
  if (value === undefined || value.kind === "none") return fallback;
  if (value.kind === "int") return value.value;
  if (value.kind === "list" || value.kind === "tuple") return toInts(value, what).reduce((a, b) => a + b, 0);
  return undefined;
}

function generator(name: string, shape: GeneratorShape): Value {
  return fn(`sklearn.datasets.${name}`, (call) => {
    const rows = count(argument(call, "n_samples", shape.positional), shape.n_samples, `${name}(n_samples)`);
    const features = typeof shape.features === "number" ? shape.features : count(argument(call, shape.features, shape.positional), shape[shape.features] as number, `${name}(${shape.features})`);
    if (rows === undefined || features === undefined) return unknown(`the size of the data ${name}() draws`);
    const x = tensor([rows, features], "float64");
    return shape.labels ? tuple([x, tensor([rows], "float64")]) : x;
  });
}

function toyDataset(name: string, { samples, features }: { samples: number; features: number }): Value {
  return fn(`sklearn.datasets.${name}`, ({ kwargs }) => {
    if (truthy(kwargs.get("as_frame") ?? FALSE)) return unknown(`${name}(as_frame=True)'s data frame`);
    const data = tensor([samples, features], "float64");
    const target = tensor([samples], "int64");
    if (truthy(kwargs.get("return_X_y") ?? FALSE)) return tuple([data, target]);
    // sklearn.utils.Bunch: the arrays as attributes (`iris.data`, `iris.target`).
    return namespace("sklearn.utils.Bunch", { data, target });
  });
}

/** sklearn.datasets' sample generators, bundled toy datasets and sized fetchers (shapes only, as numpy arrays are here). */
export function installSklearnDatasets({ modules }: StandardLibrary): void {
  const entries: Record<string, Value> = {};
  for (const [name, shape] of Object.entries(sklearnData.generators)) entries[name] = generator(name, shape as GeneratorShape);
  for (const [name, size] of Object.entries(sklearnData.toy_datasets)) entries[name] = toyDataset(name, size);
  Object.assign(entries, sklearnFetchers());
  entries.fetch_lfw_people = fetchLfwPeople();
  entries.fetch_openml = fetchOpenml();
  modules.set("sklearn.datasets", namespace("sklearn.datasets", entries));
}
