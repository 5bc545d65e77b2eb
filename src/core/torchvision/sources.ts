import { opsSource } from "./ops.py";
import { resnetSource } from "./resnet.py";
import { utilsSource } from "./utils.py";

/** Package-relative paths of the zoo's Python files and their text. */
export const zooSources: [string, string][] = [
  ["torchvision/__init__.py", "from . import models\nfrom . import ops\n"],
  ["torchvision/ops/__init__.py", "from .misc import *\n"],
  ["torchvision/ops/misc.py", opsSource],
  ["torchvision/models/__init__.py", [
    "from ._utils import get_model, get_model_builder, get_model_weights, get_weight, list_models, Weights",
    "from .resnet import *",
  ].join("\n") + "\n"],
  ["torchvision/models/_utils.py", utilsSource],
  ["torchvision/models/resnet.py", resnetSource],
];
