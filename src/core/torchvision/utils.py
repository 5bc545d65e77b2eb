# The zoo's registry (get_model, list_models) and a stand-in for the pretrained-weights enums.
from collections import OrderedDict
from torch import nn

BUILTIN_MODELS = {}


class IntermediateLayerGetter(nn.ModuleDict):
    # Keeps a model's children up to the last requested one; forward returns the requested outputs by new name.
    def __init__(self, model, return_layers):
        orig_return_layers = return_layers
        return_layers = {str(k): str(v) for k, v in return_layers.items()}
        layers = OrderedDict()
        for name, module in model.named_children():
            layers[name] = module
            if name in return_layers:
                del return_layers[name]
            if not return_layers:
                break
        super().__init__(layers)
        self.return_layers = orig_return_layers

    def forward(self, x):
        out = OrderedDict()
        for name, module in self.items():
            x = module(x)
            if name in self.return_layers:
                out[self.return_layers[name]] = x
        return out


# The builders take weights and progress by position or keyword, as torchvision's do through its kwonly_to_pos_or_kw
# decorator (torchvision/models/_utils.py, 0.13+), where a bool in weights' place is the older `pretrained` flag:
# `vgg16(True)`, `resnet50(not args.scratch)`. Weights fill in values only, so the builders here ignore them.
def register_model(name=None):
    # A registry decorator: stores the builder by name and returns it unchanged (as torchvision's does).
    def wrapper(fn):
        key = name if name is not None else fn.__name__
        BUILTIN_MODELS[key] = fn
        return fn
    return wrapper


class Weights:
    # Weights only fill in the parameters' values; the architecture (and so params and FLOPs) is the same.
    DEFAULT = "DEFAULT"
    IMAGENET1K_V1 = "IMAGENET1K_V1"
    IMAGENET1K_V2 = "IMAGENET1K_V2"
    IMAGENET1K_SWAG_E2E_V1 = "IMAGENET1K_SWAG_E2E_V1"
    IMAGENET1K_SWAG_LINEAR_V1 = "IMAGENET1K_SWAG_LINEAR_V1"

    @classmethod
    def verify(cls, obj):
        return obj


def get_model_builder(name):
    name = name.lower()
    if name not in BUILTIN_MODELS:
        # torchvision raises ValueError(f"Unknown model {name}"); here the model may well exist, outside this table.
        raise ValueError(
            f"torchvision model '{name}' is not among the analyzer's built-in torchvision models: "
            "install torchvision in the project's Python environment (select that interpreter, or pass --python-env) "
            "so that its own sources are read"
        )
    return BUILTIN_MODELS[name]


def get_model(name, **config):
    return get_model_builder(name)(**config)


def list_models(module=None, include=None, exclude=None):
    return sorted(BUILTIN_MODELS.keys())


def get_weight(name):
    return name


def get_model_weights(name):
    return Weights
