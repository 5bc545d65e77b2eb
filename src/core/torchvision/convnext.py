# ConvNeXt (Liu et al., 2022): depthwise 7x7, channels-last LayerNorm, inverted MLP, layer scale.
from functools import partial
import torch
from torch import nn
from torch.nn import functional as F
from ..ops.misc import Conv2dNormActivation, Permute, StochasticDepth
from ._utils import register_model, Weights


class LayerNorm2d(nn.LayerNorm):
    # LayerNorm over the channels of an NCHW tensor.
    def forward(self, x):
        x = x.permute(0, 2, 3, 1)
        x = F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2)


class CNBlock(nn.Module):
    def __init__(self, dim, layer_scale, stochastic_depth_prob, norm_layer=None):
        super().__init__()
        if norm_layer is None:
            norm_layer = partial(nn.LayerNorm, eps=1e-6)
        self.block = nn.Sequential(
            nn.Conv2d(dim, dim, kernel_size=7, padding=3, groups=dim, bias=True),
            Permute([0, 2, 3, 1]),
            norm_layer(dim),
            nn.Linear(in_features=dim, out_features=4 * dim, bias=True),
            nn.GELU(),
            nn.Linear(in_features=4 * dim, out_features=dim, bias=True),
            Permute([0, 3, 1, 2]),
        )
        self.layer_scale = nn.Parameter(torch.ones(dim, 1, 1) * layer_scale)
        self.stochastic_depth = StochasticDepth(stochastic_depth_prob, "row")

    def forward(self, input):
        result = self.layer_scale * self.block(input)
        result = self.stochastic_depth(result)
        result += input
        return result


class CNBlockConfig:
    def __init__(self, input_channels, out_channels, num_layers):
        self.input_channels = input_channels
        self.out_channels = out_channels
        self.num_layers = num_layers


class ConvNeXt(nn.Module):
    def __init__(self, block_setting, stochastic_depth_prob=0.0, layer_scale=1e-6, num_classes=1000, block=None,
                 norm_layer=None, **kwargs):
        super().__init__()
        if block is None:
            block = CNBlock
        if norm_layer is None:
            norm_layer = partial(LayerNorm2d, eps=1e-6)
        layers = []
        firstconv_output_channels = block_setting[0].input_channels
        layers.append(Conv2dNormActivation(3, firstconv_output_channels, kernel_size=4, stride=4, padding=0,
                                           norm_layer=norm_layer, activation_layer=None, bias=True))
        total_stage_blocks = sum(cnf.num_layers for cnf in block_setting)
        stage_block_id = 0
        for cnf in block_setting:
            stage = []
            for _ in range(cnf.num_layers):
                sd_prob = stochastic_depth_prob * stage_block_id / (total_stage_blocks - 1.0)
                stage.append(block(cnf.input_channels, layer_scale, sd_prob))
                stage_block_id += 1
            layers.append(nn.Sequential(*stage))
            if cnf.out_channels is not None:
                # downsampling between stages: norm, then a 2x2 stride-2 conv
                layers.append(nn.Sequential(norm_layer(cnf.input_channels),
                                            nn.Conv2d(cnf.input_channels, cnf.out_channels, kernel_size=2, stride=2)))
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        lastblock = block_setting[-1]
        lastconv_output_channels = lastblock.out_channels if lastblock.out_channels is not None else lastblock.input_channels
        self.classifier = nn.Sequential(norm_layer(lastconv_output_channels), nn.Flatten(1),
                                        nn.Linear(lastconv_output_channels, num_classes))

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        return self.classifier(x)


def _convnext(widths, depths, stochastic_depth_prob, kwargs):
    setting = [CNBlockConfig(widths[i], widths[i + 1] if i + 1 < len(widths) else None, depths[i]) for i in range(len(depths))]
    return ConvNeXt(setting, stochastic_depth_prob=kwargs.pop("stochastic_depth_prob", stochastic_depth_prob), **kwargs)


@register_model()
def convnext_tiny(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _convnext([96, 192, 384, 768], [3, 3, 9, 3], 0.1, kwargs)


@register_model()
def convnext_small(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _convnext([96, 192, 384, 768], [3, 3, 27, 3], 0.4, kwargs)


@register_model()
def convnext_base(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _convnext([128, 256, 512, 1024], [3, 3, 27, 3], 0.5, kwargs)


@register_model()
def convnext_large(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _convnext([192, 384, 768, 1536], [3, 3, 27, 3], 0.5, kwargs)


ConvNeXt_Tiny_Weights = ConvNeXt_Small_Weights = ConvNeXt_Base_Weights = ConvNeXt_Large_Weights = Weights
