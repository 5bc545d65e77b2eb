"""Conv-heavy residual CNN, fp32 inference on CUDA at batch 32."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.skip = nn.Sequential()
        if stride != 1 or cin != cout:
            self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.skip(x))


class ResNetSmall(nn.Module):
    def __init__(self, classes=100):
        super().__init__()
        self.stem = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(64)
        self.layer1 = Block(64, 64)
        self.layer2 = Block(64, 128, 2)
        self.layer3 = Block(128, 256, 2)
        self.layer4 = Block(256, 512, 2)
        self.fc = nn.Linear(512, classes)

    def forward(self, x):
        x = F.relu(self.bn(self.stem(x)))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)


model = ResNetSmall().cuda().eval()
images = torch.randn(32, 3, 64, 64).cuda()
with torch.no_grad():
    logits = model(images)
print(logits.argmax(1))
