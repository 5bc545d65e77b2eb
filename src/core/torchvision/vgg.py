# VGG (Simonyan & Zisserman, 2015) and AlexNet (Krizhevsky et al., 2012, torchvision's one-GPU variant).
import torch
from torch import nn
from ._utils import register_model, Weights

# Per-configuration layer lists from the VGG paper's Table 1: numbers are 3x3 conv widths, "M" a 2x2 max pool.
CONFIGS = {
    "A": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "B": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "D": [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
    "E": [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
}


class VGG(nn.Module):
    def __init__(self, features, num_classes=1000, init_weights=True, dropout=0.5):
        super().__init__()
        self.features = features
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 4096), nn.ReLU(True), nn.Dropout(p=dropout),
            nn.Linear(4096, 4096), nn.ReLU(True), nn.Dropout(p=dropout),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


def make_layers(cfg, batch_norm=False):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1)
            if batch_norm:
                layers += [conv2d, nn.BatchNorm2d(v), nn.ReLU(inplace=True)]
            else:
                layers += [conv2d, nn.ReLU(inplace=True)]
            in_channels = v
    return nn.Sequential(*layers)


def _vgg(cfg, batch_norm, weights, progress, **kwargs):
    return VGG(make_layers(CONFIGS[cfg], batch_norm=batch_norm), **kwargs)


@register_model()
def vgg11(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _vgg("A", False, weights, progress, **kwargs)


@register_model()
def vgg11_bn(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _vgg("A", True, weights, progress, **kwargs)


@register_model()
def vgg13(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _vgg("B", False, weights, progress, **kwargs)


@register_model()
def vgg13_bn(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _vgg("B", True, weights, progress, **kwargs)


@register_model()
def vgg16(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _vgg("D", False, weights, progress, **kwargs)


@register_model()
def vgg16_bn(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _vgg("D", True, weights, progress, **kwargs)


@register_model()
def vgg19(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _vgg("E", False, weights, progress, **kwargs)


@register_model()
def vgg19_bn(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return _vgg("E", True, weights, progress, **kwargs)


class AlexNet(nn.Module):
    def __init__(self, num_classes=1000, dropout=0.5):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(64, 192, kernel_size=5, padding=2), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(192, 384, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(384, 256, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(256, 256, kernel_size=3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
        )
        self.avgpool = nn.AdaptiveAvgPool2d((6, 6))
        self.classifier = nn.Sequential(
            nn.Dropout(p=dropout), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(inplace=True),
            nn.Dropout(p=dropout), nn.Linear(4096, 4096), nn.ReLU(inplace=True),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


@register_model()
def alexnet(weights=None, progress=True, **kwargs):
    kwargs.pop("pretrained", None)  # the older API's flag: weights only, same architecture
    return AlexNet(**kwargs)


VGG11_Weights = VGG11_BN_Weights = VGG13_Weights = VGG13_BN_Weights = Weights
VGG16_Weights = VGG16_BN_Weights = VGG19_Weights = VGG19_BN_Weights = AlexNet_Weights = Weights
