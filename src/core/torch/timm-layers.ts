// The timm helpers research code imports without depending on timm's model zoo (`from timm.models.layers import
// DropPath, to_2tuple, trunc_normal_`: ConvNeXt, Swin, DeiT, PoolFormer and many more). Without timm in the
// workspace those names stayed unknown and the models' reports stopped. This is our own compact Python written from
// timm's documented behaviour (pytorch-image-models, timm/layers: helpers, drop, mlp, patch_embed, weight_init),
// installed as virtual files like einops; a workspace's own timm wins. It defines no model zoo: timm.create_model
// stays unknown without timm's source.

const LAYERS = `import collections.abc
import math
import torch
import torch.nn as nn

def _ntuple(n):
    def parse(x):
        if isinstance(x, collections.abc.Iterable) and not isinstance(x, str):
            return tuple(x)
        return tuple([x] * n)
    return parse

to_1tuple = _ntuple(1)
to_2tuple = _ntuple(2)
to_3tuple = _ntuple(3)
to_4tuple = _ntuple(4)
to_ntuple = _ntuple

def make_divisible(v, divisor=8, min_value=None, round_limit=0.9):
    min_value = min_value or divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < round_limit * v:
        new_v += divisor
    return new_v

# weight initialisers change values, never shapes
def trunc_normal_(tensor, mean=0., std=1., a=-2., b=2.):
    return tensor

def trunc_normal_tf_(tensor, mean=0., std=1., a=-2., b=2.):
    return tensor

def variance_scaling_(tensor, scale=1.0, mode='fan_in', distribution='normal'):
    return tensor

def lecun_normal_(tensor):
    return tensor

def drop_path(x, drop_prob=0., training=False, scale_by_keep=True):
    # stochastic depth: a per-sample keep mask, element-wise work only
    if drop_prob == 0. or not training:
        return x
    keep = 1 - drop_prob
    mask = x.new_empty((x.shape[0],) + (1,) * (x.ndim - 1)).bernoulli_(keep)
    if keep > 0.0 and scale_by_keep:
        mask.div_(keep)
    return x * mask

class DropPath(nn.Module):
    def __init__(self, drop_prob=0., scale_by_keep=True):
        super().__init__()
        self.drop_prob = drop_prob
        self.scale_by_keep = scale_by_keep

    def forward(self, x):
        return drop_path(x, self.drop_prob, self.training, self.scale_by_keep)

class Mlp(nn.Module):
    def __init__(self, in_features, hidden_features=None, out_features=None, act_layer=nn.GELU, norm_layer=None,
                 bias=True, drop=0., use_conv=False):
        super().__init__()
        out_features = out_features or in_features
        hidden_features = hidden_features or in_features
        bias = to_2tuple(bias)
        drop = to_2tuple(drop)
        if use_conv:
            self.fc1 = nn.Conv2d(in_features, hidden_features, 1, bias=bias[0])
        else:
            self.fc1 = nn.Linear(in_features, hidden_features, bias=bias[0])
        self.act = act_layer()
        self.drop1 = nn.Dropout(drop[0])
        self.norm = norm_layer(hidden_features) if norm_layer is not None else nn.Identity()
        if use_conv:
            self.fc2 = nn.Conv2d(hidden_features, out_features, 1, bias=bias[1])
        else:
            self.fc2 = nn.Linear(hidden_features, out_features, bias=bias[1])
        self.drop2 = nn.Dropout(drop[1])

    def forward(self, x):
        return self.drop2(self.fc2(self.norm(self.drop1(self.act(self.fc1(x))))))

class PatchEmbed(nn.Module):
    # image to patch tokens: a patch-sized, patch-strided convolution, then (B, N, C) tokens
    def __init__(self, img_size=224, patch_size=16, in_chans=3, embed_dim=768, norm_layer=None, flatten=True, bias=True,
                 **kwargs):
        super().__init__()
        self.patch_size = to_2tuple(patch_size)
        if img_size is None:
            self.img_size = None
            self.grid_size = None
            self.num_patches = None
        else:
            self.img_size = to_2tuple(img_size)
            self.grid_size = (self.img_size[0] // self.patch_size[0], self.img_size[1] // self.patch_size[1])
            self.num_patches = self.grid_size[0] * self.grid_size[1]
        self.flatten = flatten
        self.proj = nn.Conv2d(in_chans, embed_dim, kernel_size=self.patch_size, stride=self.patch_size, bias=bias)
        self.norm = norm_layer(embed_dim) if norm_layer else nn.Identity()

    def forward(self, x):
        x = self.proj(x)
        if self.flatten:
            x = x.flatten(2).transpose(1, 2)
        return self.norm(x)

class LayerNorm2d(nn.LayerNorm):
    # LayerNorm over the channels of an NCHW tensor
    def forward(self, x):
        x = x.permute(0, 2, 3, 1)
        x = nn.functional.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2)
`;

const REGISTRY = `def register_model(fn):
    return fn
`;

// Normalisation constants as timm/data/constants.py defines them (ImageNet channel statistics; Inception's 0.5).
const DATA_CONSTANTS = `DEFAULT_CROP_PCT = 0.875
IMAGENET_DEFAULT_MEAN = (0.485, 0.456, 0.406)
IMAGENET_DEFAULT_STD = (0.229, 0.224, 0.225)
IMAGENET_INCEPTION_MEAN = (0.5, 0.5, 0.5)
IMAGENET_INCEPTION_STD = (0.5, 0.5, 0.5)
`;

// What model files take from timm's vision_transformer besides the model itself: the layers, and _cfg, the
// pretrained-config dict their registries store.
const VISION_TRANSFORMER = `from timm.layers import DropPath, Mlp, PatchEmbed, trunc_normal_, lecun_normal_, to_2tuple
from timm.data.constants import IMAGENET_DEFAULT_MEAN, IMAGENET_DEFAULT_STD

def _cfg(url='', **kwargs):
    cfg = {'url': url, 'num_classes': 1000, 'input_size': (3, 224, 224), 'pool_size': None, 'crop_pct': .9,
           'interpolation': 'bicubic', 'mean': IMAGENET_DEFAULT_MEAN, 'std': IMAGENET_DEFAULT_STD}
    cfg.update(kwargs)
    return cfg
`;

/** Virtual files of the built-in timm helpers: path under site-packages → Python text. */
export const timmLayersPackage: [string, string][] = [
  ["timm/__init__.py", ""],
  ["timm/layers/__init__.py", LAYERS],
  ["timm/models/__init__.py", "from timm.models.registry import register_model\n"],
  ["timm/models/layers/__init__.py", "from timm.layers import *\n"],
  ["timm/models/registry.py", REGISTRY],
  ["timm/models/_registry.py", REGISTRY],
  ["timm/models/vision_transformer.py", VISION_TRANSFORMER],
  // the submodules files import the same names from (timm.models.layers.helpers, timm.layers.drop, ...)
  ...["helpers", "drop", "weight_init", "mlp", "patch_embed"].flatMap((m): [string, string][] => [
    [`timm/layers/${m}.py`, "from timm.layers import *\n"],
    [`timm/models/layers/${m}.py`, "from timm.layers import *\n"],
  ]),
  ["timm/data/__init__.py", "from timm.data.constants import *\n"],
  ["timm/data/constants.py", DATA_CONSTANTS],
];
