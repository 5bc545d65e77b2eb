# EfficientNet B0-B7 (Tan & Le, 2019) and EfficientNetV2 S/M/L (Tan & Le, 2021), with the papers' settings.
import math
from functools import partial
import torch
from torch import nn
from ..ops.misc import Conv2dNormActivation, SqueezeExcitation, StochasticDepth, _make_divisible
from ._utils import register_model, Weights


class MBConvConfig:
    def __init__(self, expand_ratio, kernel, stride, input_channels, out_channels, num_layers, width_mult=1.0,
                 depth_mult=1.0, block=None):
        self.expand_ratio = expand_ratio
        self.kernel = kernel
        self.stride = stride
        self.input_channels = _make_divisible(input_channels * width_mult, 8)
        self.out_channels = _make_divisible(out_channels * width_mult, 8)
        self.num_layers = int(math.ceil(num_layers * depth_mult))
        self.block = block if block is not None else MBConv

    def with_input(self, input_channels, stride):
        # The config of a stage's later blocks: the stage's width in, stride 1.
        c = MBConvConfig(self.expand_ratio, self.kernel, stride, 8, 8, 1, block=self.block)
        c.input_channels = input_channels
        c.out_channels = self.out_channels
        return c


def FusedMBConvConfig(expand_ratio, kernel, stride, input_channels, out_channels, num_layers):
    return MBConvConfig(expand_ratio, kernel, stride, input_channels, out_channels, num_layers, block=FusedMBConv)


class MBConv(nn.Module):
    def __init__(self, cnf, stochastic_depth_prob, norm_layer, se_layer=SqueezeExcitation):
        super().__init__()
        self.use_res_connect = cnf.stride == 1 and cnf.input_channels == cnf.out_channels
        layers = []
        activation_layer = nn.SiLU
        expanded_channels = _make_divisible(cnf.input_channels * cnf.expand_ratio, 8)
        if expanded_channels != cnf.input_channels:
            layers.append(Conv2dNormActivation(cnf.input_channels, expanded_channels, kernel_size=1,
                                               norm_layer=norm_layer, activation_layer=activation_layer))
        layers.append(Conv2dNormActivation(expanded_channels, expanded_channels, kernel_size=cnf.kernel,
                                           stride=cnf.stride, groups=expanded_channels, norm_layer=norm_layer,
                                           activation_layer=activation_layer))
        squeeze_channels = max(1, cnf.input_channels // 4)
        layers.append(se_layer(expanded_channels, squeeze_channels, activation=partial(nn.SiLU, inplace=True)))
        layers.append(Conv2dNormActivation(expanded_channels, cnf.out_channels, kernel_size=1, norm_layer=norm_layer,
                                           activation_layer=None))
        self.block = nn.Sequential(*layers)
        self.stochastic_depth = StochasticDepth(stochastic_depth_prob, "row")
        self.out_channels = cnf.out_channels

    def forward(self, input):
        result = self.block(input)
        if self.use_res_connect:
            result = self.stochastic_depth(result)
            result += input
        return result


class FusedMBConv(nn.Module):
    # EfficientNetV2's fused block: the expansion and depthwise convs merged into one full conv.
    def __init__(self, cnf, stochastic_depth_prob, norm_layer):
        super().__init__()
        self.use_res_connect = cnf.stride == 1 and cnf.input_channels == cnf.out_channels
        layers = []
        activation_layer = nn.SiLU
        expanded_channels = _make_divisible(cnf.input_channels * cnf.expand_ratio, 8)
        if expanded_channels != cnf.input_channels:
            layers.append(Conv2dNormActivation(cnf.input_channels, expanded_channels, kernel_size=cnf.kernel,
                                               stride=cnf.stride, norm_layer=norm_layer, activation_layer=activation_layer))
            layers.append(Conv2dNormActivation(expanded_channels, cnf.out_channels, kernel_size=1,
                                               norm_layer=norm_layer, activation_layer=None))
        else:
            layers.append(Conv2dNormActivation(cnf.input_channels, cnf.out_channels, kernel_size=cnf.kernel,
                                               stride=cnf.stride, norm_layer=norm_layer, activation_layer=activation_layer))
        self.block = nn.Sequential(*layers)
        self.stochastic_depth = StochasticDepth(stochastic_depth_prob, "row")
        self.out_channels = cnf.out_channels

    def forward(self, input):
        result = self.block(input)
        if self.use_res_connect:
            result = self.stochastic_depth(result)
            result += input
        return result


class EfficientNet(nn.Module):
    def __init__(self, inverted_residual_setting, dropout, stochastic_depth_prob=0.2, num_classes=1000,
                 norm_layer=None, last_channel=None):
        super().__init__()
        if norm_layer is None:
            norm_layer = nn.BatchNorm2d
        layers = []
        firstconv_output_channels = inverted_residual_setting[0].input_channels
        layers.append(Conv2dNormActivation(3, firstconv_output_channels, kernel_size=3, stride=2, norm_layer=norm_layer,
                                           activation_layer=nn.SiLU))
        total_stage_blocks = sum(cnf.num_layers for cnf in inverted_residual_setting)
        stage_block_id = 0
        for cnf in inverted_residual_setting:
            stage = []
            for i in range(cnf.num_layers):
                block_cnf = cnf if i == 0 else cnf.with_input(cnf.out_channels, 1)
                sd_prob = stochastic_depth_prob * float(stage_block_id) / total_stage_blocks
                stage.append(block_cnf.block(block_cnf, sd_prob, norm_layer))
                stage_block_id += 1
            layers.append(nn.Sequential(*stage))
        lastconv_input_channels = inverted_residual_setting[-1].out_channels
        lastconv_output_channels = last_channel if last_channel is not None else 4 * lastconv_input_channels
        layers.append(Conv2dNormActivation(lastconv_input_channels, lastconv_output_channels, kernel_size=1,
                                           norm_layer=norm_layer, activation_layer=nn.SiLU))
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(nn.Dropout(p=dropout, inplace=True),
                                        nn.Linear(lastconv_output_channels, num_classes))

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


def _efficientnet_conf(arch, width_mult=1.0, depth_mult=1.0):
    if arch.startswith("efficientnet_b"):
        bneck_conf = partial(MBConvConfig, width_mult=width_mult, depth_mult=depth_mult)
        # expand ratio, kernel, stride, in, out, layers: the B0 baseline of the paper's Table 1
        setting = [bneck_conf(1, 3, 1, 32, 16, 1), bneck_conf(6, 3, 2, 16, 24, 2), bneck_conf(6, 5, 2, 24, 40, 2),
                   bneck_conf(6, 3, 2, 40, 80, 3), bneck_conf(6, 5, 1, 80, 112, 3), bneck_conf(6, 5, 2, 112, 192, 4),
                   bneck_conf(6, 3, 1, 192, 320, 1)]
        return setting, None
    if arch == "efficientnet_v2_s":
        setting = [FusedMBConvConfig(1, 3, 1, 24, 24, 2), FusedMBConvConfig(4, 3, 2, 24, 48, 4),
                   FusedMBConvConfig(4, 3, 2, 48, 64, 4), MBConvConfig(4, 3, 2, 64, 128, 6),
                   MBConvConfig(6, 3, 1, 128, 160, 9), MBConvConfig(6, 3, 2, 160, 256, 15)]
        return setting, 1280
    if arch == "efficientnet_v2_m":
        setting = [FusedMBConvConfig(1, 3, 1, 24, 24, 3), FusedMBConvConfig(4, 3, 2, 24, 48, 5),
                   FusedMBConvConfig(4, 3, 2, 48, 80, 5), MBConvConfig(4, 3, 2, 80, 160, 7),
                   MBConvConfig(6, 3, 1, 160, 176, 14), MBConvConfig(6, 3, 2, 176, 304, 18),
                   MBConvConfig(6, 3, 1, 304, 512, 5)]
        return setting, 1280
    setting = [FusedMBConvConfig(1, 3, 1, 32, 32, 4), FusedMBConvConfig(4, 3, 2, 32, 64, 7),
               FusedMBConvConfig(4, 3, 2, 64, 96, 7), MBConvConfig(4, 3, 2, 96, 192, 10),
               MBConvConfig(6, 3, 1, 192, 224, 19), MBConvConfig(6, 3, 2, 224, 384, 25),
               MBConvConfig(6, 3, 1, 384, 640, 7)]
    return setting, 1280


def _efficientnet_b(arch, width_mult, depth_mult, dropout, kwargs, norm_layer=None):
    setting, last_channel = _efficientnet_conf(arch, width_mult=width_mult, depth_mult=depth_mult)
    if norm_layer is not None and "norm_layer" not in kwargs:
        kwargs["norm_layer"] = norm_layer
    return EfficientNet(setting, kwargs.pop("dropout", dropout), last_channel=last_channel, **kwargs)


@register_model()
def efficientnet_b0(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_b0", 1.0, 1.0, 0.2, kwargs)


@register_model()
def efficientnet_b1(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_b1", 1.0, 1.1, 0.2, kwargs)


@register_model()
def efficientnet_b2(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_b2", 1.1, 1.2, 0.3, kwargs)


@register_model()
def efficientnet_b3(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_b3", 1.2, 1.4, 0.3, kwargs)


@register_model()
def efficientnet_b4(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_b4", 1.4, 1.8, 0.4, kwargs)


@register_model()
def efficientnet_b5(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_b5", 1.6, 2.2, 0.4, kwargs, partial(nn.BatchNorm2d, eps=0.001, momentum=0.01))


@register_model()
def efficientnet_b6(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_b6", 1.8, 2.6, 0.5, kwargs, partial(nn.BatchNorm2d, eps=0.001, momentum=0.01))


@register_model()
def efficientnet_b7(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_b7", 2.0, 3.1, 0.5, kwargs, partial(nn.BatchNorm2d, eps=0.001, momentum=0.01))


@register_model()
def efficientnet_v2_s(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_v2_s", 1.0, 1.0, 0.2, kwargs, partial(nn.BatchNorm2d, eps=1e-03))


@register_model()
def efficientnet_v2_m(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_v2_m", 1.0, 1.0, 0.3, kwargs, partial(nn.BatchNorm2d, eps=1e-03))


@register_model()
def efficientnet_v2_l(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _efficientnet_b("efficientnet_v2_l", 1.0, 1.0, 0.4, kwargs, partial(nn.BatchNorm2d, eps=1e-03))


EfficientNet_B0_Weights = EfficientNet_B1_Weights = EfficientNet_B2_Weights = EfficientNet_B3_Weights = Weights
EfficientNet_B4_Weights = EfficientNet_B5_Weights = EfficientNet_B6_Weights = EfficientNet_B7_Weights = Weights
EfficientNet_V2_S_Weights = EfficientNet_V2_M_Weights = EfficientNet_V2_L_Weights = Weights
