import vggSource from "./vgg.py";
import mobilenetV2Source from "./mobilenetv2.py";
import mobilenetV3Source from "./mobilenetv3.py";
import efficientnetSource from "./efficientnet.py";
import densenetSource from "./densenet.py";
import convnextSource from "./convnext.py";
import vitSource from "./vit.py";
import squeezenetSource from "./squeezenet.py";
import shufflenetSource from "./shufflenet.py";
import regnetSource from "./regnet.py";
import swinSource from "./swin.py";
import mnasnetSource from "./mnasnet.py";
import opsSource from "./ops.py";
import resnetSource from "./resnet.py";
import utilsSource from "./utils.py";
import transformsSource from "./transforms.py";
import { datasetsSource } from "./datasets";

/** Package-relative paths of the zoo's Python files and their text. */
export const zooSources: [string, string][] = [
  ["torchvision/__init__.py", "from . import models\nfrom . import ops\n__version__ = '0.26.0'\n\n\ndef _is_tracing():\n    return False\n"],
  ["torchvision/transforms/__init__.py", transformsSource],
  ["torchvision/transforms/v2/__init__.py", "from torchvision.transforms import *\n"],
  ["torchvision/datasets/__init__.py", datasetsSource()],
  ["torchvision/ops/__init__.py", "from .misc import *\n"],
  ["torchvision/ops/misc.py", opsSource],
  ["torchvision/models/__init__.py", [
    "from ._utils import get_model, get_model_builder, get_model_weights, get_weight, list_models, Weights",
    "from .resnet import *",
    "from .vgg import *",
    "from .mobilenetv2 import *",
    "from .mobilenetv3 import *",
    "from .efficientnet import *",
    "from .densenet import *",
    "from .convnext import *",
    "from .vit import *",
    "from .squeezenet import *",
    "from .shufflenet import *",
    "from .regnet import *",
    "from .swin import *",
    "from .mnasnet import *",
  ].join("\n") + "\n"],
  ["torchvision/models/_utils.py", utilsSource],
  ["torchvision/models/resnet.py", resnetSource],
  ["torchvision/models/vgg.py", vggSource],
  ["torchvision/models/mobilenetv2.py", mobilenetV2Source],
  ["torchvision/models/mobilenetv3.py", mobilenetV3Source],
  ["torchvision/models/efficientnet.py", efficientnetSource],
  ["torchvision/models/densenet.py", densenetSource],
  ["torchvision/models/convnext.py", convnextSource],
  ["torchvision/models/vit.py", vitSource],
  ["torchvision/models/squeezenet.py", squeezenetSource],
  ["torchvision/models/shufflenet.py", shufflenetSource],
  ["torchvision/models/regnet.py", regnetSource],
  ["torchvision/models/swin.py", swinSource],
  ["torchvision/models/mnasnet.py", mnasnetSource],
];
