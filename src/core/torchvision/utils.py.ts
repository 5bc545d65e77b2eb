/** The zoo's registry (get_model, list_models) and a stand-in for the pretrained-weights enums. */
export const utilsSource = String.raw`
BUILTIN_MODELS = {}


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
    return BUILTIN_MODELS[name.lower()]


def get_model(name, **config):
    return BUILTIN_MODELS[name.lower()](**config)


def list_models(module=None, include=None, exclude=None):
    return sorted(BUILTIN_MODELS.keys())


def get_weight(name):
    return name


def get_model_weights(name):
    return Weights
`;
