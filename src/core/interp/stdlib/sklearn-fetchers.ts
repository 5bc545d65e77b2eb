// scikit-learn's downloadable real-world datasets of a fixed, published size (fetch_california_housing and kin):
// notebooks split them and fit a network on the rows (`chd = fetch_california_housing()`;
// `train_test_split(chd.data, chd.target, test_size=5000)`), so those rows are the run's samples. Sizes are the
// fetchers' docstring tables, kept as data with their version (sklearn-fetchers.json).
import fetcherData from "../../signatures/sklearn-fetchers.json";
// Datasets an older scikit-learn bundled (load_boston, removed in 1.2): code of that era still loads them.
import removedData from "../../signatures/sklearn-removed-datasets.json";
import { FALSE, list, str, tensor, truthy, tuple, unknown } from "../construct";
import type { TensorDtype, Value } from "../values";
import { fn, namespace } from "./native";

interface FetchedShape {
  samples: number;
  features: number;
  target: TensorDtype;
  feature_names?: string[];
}

function fetcher(name: string, shape: FetchedShape): Value {
  return fn(`sklearn.datasets.${name}`, ({ kwargs }) => {
    if (truthy(kwargs.get("as_frame") ?? FALSE)) return unknown(`${name}(as_frame=True)'s data frame`);
    const data = tensor([shape.samples, shape.features], "float64");
    const target = tensor([shape.samples], shape.target);
    if (truthy(kwargs.get("return_X_y") ?? FALSE)) return tuple([data, target]);
    // sklearn.utils.Bunch: the arrays and the column names as attributes (`chd.data`, `chd.feature_names.index(...)`).
    const attributes: Record<string, Value> = { data, target };
    if (shape.feature_names) attributes.feature_names = list(shape.feature_names.map(str));
    return namespace("sklearn.utils.Bunch", attributes);
  });
}

/** sklearn.datasets' fetchers of real-world datasets whose size is published, and the bundled datasets older
 *  versions had, by name. */
export function sklearnFetchers(): Record<string, Value> {
  const entries: Record<string, Value> = {};
  for (const [name, shape] of [...Object.entries(fetcherData.fetchers), ...Object.entries(removedData.datasets)]) entries[name] = fetcher(name, shape as FetchedShape);
  return entries;
}
