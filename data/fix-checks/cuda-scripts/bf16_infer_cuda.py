"""An MLP cast to bf16 and run on CUDA: already 16-bit, no precision fix should claim a saving."""
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4096, 11008)
        self.fc2 = nn.Linear(11008, 4096)

    def forward(self, x):
        return self.fc2(torch.nn.functional.silu(self.fc1(x)))


model = MLP().cuda().to(torch.bfloat16).eval()
x = torch.randn(64, 4096, device="cuda", dtype=torch.bfloat16)
with torch.no_grad():
    y = model(x)
