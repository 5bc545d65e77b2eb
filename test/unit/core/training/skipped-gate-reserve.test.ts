import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// The tests gating the step loops are read last, when reading the data the loops walk may have spent the search's step
// allowance (triplets built item by item, several slices of them in the loop): a gate's test is read on an allowance
// of its own (training-plan.ts, GATE_STEPS), so the "skipped by default" note does not hang on what came before it.
const SCRIPT = `import numpy as np
import torch
import torch.nn as nn
import torchvision


def load_split(held_out):
    data = torchvision.datasets.FashionMNIST("./fm", download=True)
    images = data.data.numpy()
    labels = data.targets.numpy()
    keep = np.ones((len(labels),), dtype=bool)
    for label in held_out:
        keep = keep * (labels != label)
    return images[keep], labels[keep]


def make_triplets(images, labels, count):
    anchors = np.zeros((count, 1, 28, 28))
    positives = np.zeros((count, 1, 28, 28))
    classes = np.unique(labels)
    for k in range(count):
        c = np.random.choice(classes)
        same = np.where(labels == c)[0]
        anchors[k] = images[np.random.choice(same)]
        positives[k] = images[np.random.choice(same)]
    return torch.from_numpy(anchors), torch.from_numpy(positives)


if __name__ == "__main__":
    rounds = 7
    batch = 32
    size = 60000
    fit_now = False
    images, labels = load_split([6, 7])
    anchors, positives = make_triplets(images, labels, size)
    checks, _ = make_triplets(images, labels, size // 5)
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, 8))
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    if fit_now:
        for r in range(rounds):
            for b in range(size // batch):
                a = anchors[b * batch:(b + 1) * batch].float()
                p = positives[b * batch:(b + 1) * batch].float()
                q = checks[b * batch:(b + 1) * batch].float()
                w = checks[b * batch + 1:(b + 1) * batch + 1].float()
                v = anchors[b * batch + 1:(b + 1) * batch + 1].float()
                opt.zero_grad()
                (net(a) - net(p) + net(q) - net(w) + net(v)).pow(2).sum().backward()
                opt.step()
`;

describe("a gate is read whatever the data before it spent (training-plan.ts, GATE_STEPS)", function () {
  this.timeout(120_000);
  it("notes the loop the defaults skip after data that spends the search's allowance", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.steps?.value, 7 * 1875);
    const note = (plan.notes ?? []).find((n) => n.startsWith("skipped by default: "));
    assert.match(note ?? "", /runs only when fit_now is true, and the script's defaults make it false/);
  });
});
