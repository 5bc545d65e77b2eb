/** A wide MLP of 8 blocks (Linear, ReLU, Linear) at `batch` × 4096: 16 × 4096² parameters (1 GiB in fp32); each block
 *  keeps its input and the ReLU's output for backward (batch / 4096 GiB in all). Shared by the fit and GL006 tests. */
export function wideMlp(batch: number): string {
  return `import torch
import torch.nn as nn


# greenlight: input=${batch}x4096
class Wide(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([nn.Sequential(nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, 4096)) for _ in range(8)])

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x
`;
}
