"""Linear-heavy MLP, fp32 inference on CUDA at batch 256."""
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, d=2048, hidden=8192, classes=1000):
        super().__init__()
        self.fc1 = nn.Linear(d, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, classes)

    def forward(self, x):
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


device = torch.device("cuda")
model = MLP().to(device)
model.eval()
x = torch.randn(256, 2048, device=device)
with torch.no_grad():
    y = model(x)
print(y.shape)
