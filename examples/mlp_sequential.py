"""A tabular MLP built with nn.Sequential at module level."""
import torch.nn as nn

HIDDEN = [512, 256, 128]


def make_mlp(in_features=64, num_classes=2):
    layers = []
    width = in_features
    for hidden in HIDDEN:
        layers += [nn.Linear(width, hidden), nn.ReLU(), nn.Dropout(0.2)]
        width = hidden
    layers.append(nn.Linear(width, num_classes))
    return nn.Sequential(*layers)
