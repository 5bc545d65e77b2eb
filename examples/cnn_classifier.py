"""A small image classifier: conv blocks with batch norm, then a linear head."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(out_channels)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


# greenlight: input=1x3x64x64
class SmallConvNet(nn.Module):
    def __init__(self, num_classes=10, widths=(32, 64, 128)):
        super().__init__()
        layers = []
        in_channels = 3
        for i, width in enumerate(widths):
            layers.append(ConvBlock(in_channels, width, stride=1 if i == 0 else 2))
            in_channels = width
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d((1, 1))
        self.classifier = nn.Linear(in_channels, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = self.pool(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


if __name__ == "__main__":
    model = SmallConvNet()
    model.eval()
    with torch.no_grad():
        print(model(torch.randn(8, 3, 64, 64)).shape)
