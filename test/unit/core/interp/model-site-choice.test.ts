import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

describe("the model a script picks by its flags (src/core/interp/model-site-choice.ts)", () => {
  const flagged = (net: string) => `import argparse
import torch
from torchvision.models import resnet18, mobilenet_v2

parser = argparse.ArgumentParser()
parser.add_argument('--net', default='${net}')
args = parser.parse_args()

if args.net == 'res18':
    net = resnet18()
elif args.net == 'mobilenet':
    net = mobilenet_v2()
net.train()
`;

  it("builds the branch the defaults take, not the first assignment, and says why", async () => {
    const result = await analyze(flagged("mobilenet"));
    const net = modelNamed(result, "net");
    assert.equal(net.params, 3_504_872, "torchvision's mobilenet_v2");
    assert.equal(net.line, 12);
    assert.ok(result.notes.some((n) => /net: built from the branch whose conditions hold .*line 12.* of 2 assignments/.test(n)), result.notes.join("\n"));
    const other = modelNamed(await analyze(flagged("res18")), "net");
    assert.equal(other.params, 11_689_512, "torchvision's resnet18");
  });

  it("works out main()'s own variables, set under if/elif by the defaults, before building the model", async () => {
    const text = `import argparse
from torchvision.models import resnet18

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='imagenet')

def main():
    args = parser.parse_args()
    if args.dataset == 'cifar10':
        numberofclass = 10
    elif args.dataset == 'imagenet':
        numberofclass = 1000
    else:
        raise Exception('unknown dataset')
    model = resnet18(num_classes=numberofclass)
    model.train()

if __name__ == "__main__":
    main()
`;
    assert.equal(modelNamed(await analyze(text), "model").params, 11_689_512, "1000 classes");
    const cifar = modelNamed(await analyze(text.replace("default='imagenet'", "default='cifar10'")), "model");
    assert.equal(cifar.params, 11_689_512 - 990 * 513, "10 classes: the head's 990 fewer rows of 512 weights and a bias");
  });

  it("builds a model class of another workspace file from main()'s argparse values", async () => {
    const result = await analyze(`import argparse
from nets.mlp import MLP

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--width', type=int, default='64')
    args = parser.parse_args()
    model = MLP(args.width)
    model.train()

main()
`, { others: { "/project/nets/__init__.py": "", "/project/nets/mlp.py": `import torch.nn as nn

class MLP(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(8, width)

    def forward(self, x):
        return self.fc(x)
` } });
    assert.equal(modelNamed(result, "model").params, 8 * 64 + 64, "argparse parses the string default with type=int");
  });

  it("leaves a model whose argument stays unknown listed with what it needs", async () => {
    const result = await analyze(`from torchvision.models import resnet18

def build(num_classes):
    head = resnet18(num_classes=num_classes)
    head.eval()
    return head
`);
    const head = modelNamed(result, "head");
    assert.equal(head.params, 0);
    assert.match(head.unresolved[0].reason, /own variables \(num_classes\)/);
  });

  it("an undecided branch test that reads a required argument names that argument in the note", async () => {
    const script = (option: string) => `import argparse
from torchvision.models import resnet18, resnet50


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(${option})
    args = parser.parse_args()
    if args.arch == "resnet18":
        model = resnet18()
    else:
        model = resnet50()
    model.train()


if __name__ == "__main__":
    main()
`;
    const required = await analyze(script(`"--arch", required=True`));
    const note = required.notes.find((n) => n.startsWith("model: built from the first of 2"));
    assert.match(note ?? "", /its test reads the command-line argument --arch, which the script requires/);
    // A test that is undecided for another reason (an unknown library value) keeps the plain note.
    const other = await analyze(script(`"--arch", default=open("arch.txt").read()`));
    const plain = other.notes.find((n) => n.startsWith("model: built from the first of 2"));
    assert.ok(plain, other.notes.join("\n"));
    assert.doesNotMatch(plain, /its test reads/);
  });
  it("a second name for the model a branch built (`raw = net.module if ddp else net`) lists it once, under the name that built it", async () => {
    const text = `${flagged("mobilenet")}ddp = False
raw = net.module if ddp else net
`;
    const result = await analyze(text);
    // Before, \`raw\` was listed as a model of its own beside \`net\`: the same network's figures twice.
    assert.deepEqual(result.models.map((m) => m.name), ["net"]);
    assert.equal(modelNamed(result, "net").params, 3_504_872);
  });
});
