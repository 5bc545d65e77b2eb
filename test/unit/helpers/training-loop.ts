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
