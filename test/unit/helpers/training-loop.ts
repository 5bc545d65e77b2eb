/** Python lines that train a linear CIFAR-10 classifier for two epochs over `loader`, indented by `indent`: the
 *  training loop test scripts share when only their data differs. */
export function linearLoop(loader: string, indent = ""): string {
  return [
    "model = nn.Linear(3072, 10)",
    "opt = torch.optim.SGD(model.parameters(), lr=0.1)",
    "for epoch in range(2):",
    `    for x, y in ${loader}:`,
    "        opt.zero_grad()",
    "        nn.functional.cross_entropy(model(x.flatten(1)), y).backward()",
    "        opt.step()",
  ].map((l) => indent + l).join("\n");
}

/** Python of a LightningModule `Net` over flattened 28x28 digits (a linear layer, cross-entropy, Adam), whose
 *  `__init__` takes `initParameters`: the module test scripts share when only their data or Trainer differs. */
export function lightningDigitsNet(initParameters = ""): string {
  return `class Net(LightningModule):
    def __init__(self${initParameters ? `, ${initParameters}` : ""}):
        super().__init__()
        self.layer = nn.Linear(784, 10)

    def forward(self, x):
        return self.layer(x.flatten(1))

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self(x), y)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters())
`;
}
