// scikit-learn's fetch_openml (0.24-1.5) downloads an OpenML dataset by name or data_id; benchmark and tuning scripts
// fit a network on a slice of it (`mnist = fetch_openml('mnist_784', as_frame=False)`, `X[:num_samples]`), so the
// rows of the published datasets are the run's samples. Sizes are the datasets' OpenML pages, kept as data
// (openml-datasets.json). Only arrays are modelled: with as_frame=False the Bunch holds numpy arrays (or
// return_X_y=True gives them as a pair); the default as_frame='auto' gives pandas tables, left unknown here.
import openmlData from "../../signatures/openml-datasets.json";
import { FALSE, str, tensor, truthy, tuple, unknown } from "../construct";
import type { TensorDtype, Value } from "../values";
import { fn, namespace } from "./native";

interface OpenmlShape {
  data_id: number;
  samples: number;
  features: number;
  target: TensorDtype;
}

const DATASETS = Object.entries(openmlData.datasets as Record<string, OpenmlShape>);

/** The published shape of the dataset a call names (`name` first, or `data_id`), if it is one of the table's. */
function named(name: Value | undefined, dataId: Value | undefined): OpenmlShape | undefined {
  if (name?.kind === "str") return DATASETS.find(([n]) => n.toLowerCase() === name.value.toLowerCase())?.[1];
  if (dataId?.kind === "int") return DATASETS.find(([, d]) => d.data_id === dataId.value)?.[1];
  return undefined;
}

/** sklearn.datasets.fetch_openml over the table's datasets: their arrays where the call asks for arrays. */
export function fetchOpenml(): Value {
  return fn("sklearn.datasets.fetch_openml", ({ args, kwargs }) => {
    const shape = named(kwargs.get("name") ?? args[0], kwargs.get("data_id"));
    if (!shape) return unknown("fetch_openml of a dataset whose size the analyzer does not know");
    const asFrame = kwargs.get("as_frame");
    if (!asFrame || asFrame.kind === "str" || truthy(asFrame)) return unknown("fetch_openml's pandas tables (as_frame='auto' or True)");
    const data = tensor([shape.samples, shape.features], "float64");
    const target = tensor([shape.samples], shape.target);
    if (truthy(kwargs.get("return_X_y") ?? FALSE)) return tuple([data, target]);
    return namespace("sklearn.utils.Bunch", { data, target, DESCR: str("") });
  });
}
