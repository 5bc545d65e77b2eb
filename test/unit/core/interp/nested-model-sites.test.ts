import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

describe("library models built in main() or under `if __name__ == \"__main__\":` (src/core/interp/nested-model-sites.ts)", () => {
  it("finds a library model a script builds inside main(), located where it is built", async () => {
    const result = await analyze(`import torch
import torchvision.models as models

def main():
    model = models.resnet18()
    model.eval()
    with torch.no_grad():
        model(torch.randn(1, 3, 224, 224))

if __name__ == "__main__":
    main()
`);
    const m = modelNamed(result, "model");
    assert.equal(m.line, 5);
    assert.equal(m.params, 11_689_512, "torchvision's resnet18");
    assert.equal(m.inputSource, "example");
    assert.equal(m.complete, true);
  });

  it("builds one under the main guard; one that reads the function's own variables is listed with what it needs", async () => {
    const result = await analyze(`import torch
from torchvision.models import mobilenet_v2, resnet18

def build(num_classes):
    head = resnet18(num_classes=num_classes)
    head.eval()
    return head

if __name__ == "__main__":
    net = mobilenet_v2()
    net.eval()
`);
    assert.deepEqual(result.models.map((m) => m.name), ["head", "net"]);
    const [head, net] = result.models;
    assert.equal(net.line, 10);
    assert.equal(net.params, 3_504_872, "torchvision's mobilenet_v2");
    assert.equal(head.line, 5);
    assert.equal(head.params, 0, "not built: its argument is the function's own");
    assert.match(head.unresolved[0].reason, /own variables \(num_classes\).*--entry/);
  });

  it("a model whose config comes from a statement that failed names that failure, not the unbound name", async () => {
    // The plain run (`python main.py`, no launcher setting LOCAL_RANK) stops in parse_option with a KeyError.
    const result = await analyze(`import os
from torchvision.models import resnet18


def parse_option():
    config = {"classes": 10}
    config["rank"] = int(os.environ["LOCAL_RANK"])
    return config


def main(config):
    model = resnet18(num_classes=config["classes"])
    model.train()


if __name__ == "__main__":
    config = parse_option()
    main(config)
`);
    const model = modelNamed(result, "model");
    assert.equal(model.params, 0);
    assert.match(model.unresolved[0].reason, /\(config: KeyError: 'LOCAL_RANK'\)/);
  });

  it("leaves out what a model class's own methods build (its parts) and calls of torch itself", async () => {
    const result = await analyze(`import torch
import torch.nn as nn
import torchvision.models as models

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        backbone = models.resnet18()
        backbone.eval()
        self.features = nn.Sequential(*list(backbone.children())[:-1])

    def forward(self, x):
        return self.features(x).flatten(1)

def main():
    layer = torch.nn.Linear(4, 2)
    layer.eval()
`);
    assert.deepEqual(result.models.map((m) => m.name), ["Net"]);
  });

  it("builds a Keras functional model that the main guard assembles with Model imported by name", async () => {
    const script = (guard: string) => `from keras.layers import Conv2D, Dense, Input, GlobalAveragePooling2D
from keras.models import Model

def network(img_input, classes):
    x = Conv2D(16, (3, 3), padding='same')(img_input)
    x = GlobalAveragePooling2D()(x)
    return Dense(classes, activation='softmax')(x)

${guard}
    img_input = Input(shape=(32, 32, 3))
    output = network(img_input, 10)
    net = Model(img_input, output)
    net.compile(loss='categorical_crossentropy', optimizer='sgd')
    net.fit(x_train, y_train, batch_size=128, epochs=3)
`;
    for (const guard of ["if __name__ == '__main__':", "def main():"]) {
      const m = modelNamed(await analyze(script(guard)), "net");
      // conv 3*3*3*16 + 16, dense 16*10 + 10
      assert.equal(m.params, 448 + 170, guard);
      assert.deepEqual(m.inputs[0].shape, [1, 32, 32, 3]);
    }
  });

  it("builds a model whose class the function imports itself, from a @hydra.main config read as a mapping", async () => {
    const script = `import hydra
import torch

def run(args):
    from models.net import Net
    kwargs = dict(args.net)
    kwargs['classes'] = args.classes
    model = Net(**kwargs)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(args.epochs):
        loss = model(torch.randn(8, 4)).sum()
        loss.backward()
        opt.step()

@hydra.main(config_path="conf", config_name="config")
def main(args):
    run(args)

if __name__ == "__main__":
    main()
`;
    const others = {
      "/project/conf/config.yaml": "epochs: 3\nclasses: 5\nnet:\n  N: 16\n  norm: False\n",
      "/project/models/__init__.py": "",
      "/project/models/net.py": `from torch import nn

class Net(nn.Module):
    def __init__(self, N, norm, classes):
        super().__init__()
        self.hidden = nn.Linear(4, N)
        self.out = nn.Linear(N, classes)

    def forward(self, x):
        return self.out(self.hidden(x))
`,
    };
    const result = await analyze(script, { others });
    const m = modelNamed(result, "model");
    assert.equal(m.line, 8);
    assert.equal(m.params, 4 * 16 + 16 + 16 * 5 + 5, "N from the config (a key, not YAML 1.1's boolean n), classes set after dict()");
  });

  it("builds a model whose class the function first picks from a package into a variable, then calls", async () => {
    const script = `import argparse
import torch
import models

parser = argparse.ArgumentParser()
parser.add_argument('--model', default='small')
parser.add_argument('--width', type=int, default=8)

def main():
    args = parser.parse_args()
    model = models.__dict__[args.model]
    config = {'width': args.width}
    model = model(**config)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(3):
        model(torch.randn(2, 4)).sum().backward()
        opt.step()

if __name__ == '__main__':
    main()
`;
    const others = {
      "/project/models/__init__.py": "from .small import *\n",
      "/project/models/small.py": "import torch.nn as nn\n\n__all__ = ['small']\n\ndef small(width=4):\n    return nn.Linear(4, width)\n",
    };
    const m = modelNamed(await analyze(script, { others }), "model");
    assert.equal(m.line, 13);
    assert.equal(m.params, 4 * 8 + 8, "small(width=8) from models.__dict__['small']");
  });

  it("says why a site's own variable is unknown: a vocabulary read from a data file at run time", async () => {
    const others = { "/project/net.py": "import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self, vocab_size):\n        super().__init__()\n        self.embed = nn.Embedding(vocab_size, 16)\n\n    def forward(self, x):\n        return self.embed(x)\n" };
    const result = await analyze(`import json
from net import Net

def main():
    with open("data/vocab.json") as f:
        vocab = json.load(f)
    vocab_size = len(vocab)
    model = Net(vocab_size)
    model.train()

main()
`, { others });
    const m = modelNamed(result, "model");
    assert.equal(m.params, 0, "no size is made up");
    assert.match(m.unresolved[0].reason, /own variables \(vocab_size\).*--entry.*\(vocab_size: .+\)/);
  });

  it("builds a model class of the file that needs arguments inside a training function that mentions only torch, with its config read in `with`/`try`", async () => {
    const script = `import argparse
import yaml
import torch
from torch.utils.data import DataLoader, TensorDataset


class Net(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = torch.nn.Linear(width, 2)

    def forward(self, x):
        return self.fc(x)


def train(args):
    with open(args.config_path) as handle:
        try:
            config = yaml.safe_load(handle)
        except yaml.YAMLError as exc:
            print(exc)
    model = Net(config["model"]["width"])
    loader = DataLoader(TensorDataset(torch.zeros(320, 4)), batch_size=config["train"]["batch_size"])
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(3):
        for (x,) in loader:
            opt.zero_grad()
            model(x).sum().backward()
            opt.step()


def main(args):
    net = Net(args.width)
    print(net)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", dest="config_path", default="conf.yaml")
    parser.add_argument("--width", type=int, default=6)
    args = parser.parse_args()
    main(args)
    train(args)
`;
    const result = await analyze(script, { others: { "/project/conf.yaml": "model:\n  width: 24\ntrain:\n  batch_size: 16\n" } });
    const built = result.models.filter((m) => m.params > 0).map((m) => m.params).sort((a, b) => a - b);
    // main's Net(6) and train's Net(24), each from what its caller passes or its config gives.
    assert.deepEqual(built, [6 * 2 + 2, 24 * 2 + 2]);
    assert.equal(result.training?.batch?.value, 16);
  });
  it("builds a workspace model that torch's DataParallel wraps in the same expression, the wrapper holding it", async () => {
    const script = `import argparse
import torch
import torch.nn as nn
import nets

parser = argparse.ArgumentParser()
parser.add_argument('--arch', default='wide')

def main():
    args = parser.parse_args()
    model = torch.nn.DataParallel(nets.__dict__[args.arch]())
    other = nn.parallel.DistributedDataParallel(nets.narrow())
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(3):
        model(torch.randn(2, 4)).sum().backward()
        opt.step()

if __name__ == '__main__':
    main()
`;
    const others = { "/project/nets.py": "import torch.nn as nn\n\ndef wide():\n    return nn.Linear(4, 16)\n\ndef narrow():\n    return nn.Linear(4, 2)\n" };
    const result = await analyze(script, { others });
    assert.equal(modelNamed(result, "model").params, 4 * 16 + 16, "wide() picked by --arch, inside DataParallel");
    assert.equal(modelNamed(result, "other").params, 4 * 2 + 2, "narrow() inside nn.parallel.DistributedDataParallel");
  });
  it("builds a workspace factory's model that main() hands to a trainer, its flags read from what the __main__ guard binds", async () => {
    const script = `import torch
from zoo.nets import plain_net, gated_net

def main():
    if args.baseline:
        model = plain_net()
    else:
        model = gated_net(num_classes=10, width=args.width)
    trainer = Trainer(model, torch.optim.SGD, epochs=args.epochs)

if __name__ == "__main__":
    import argparse
    p = argparse.ArgumentParser()
    p.add_argument("--width", type=int, default=6)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--baseline", action="store_true")
    args = p.parse_args()
    main()
`;
    const nets = `import torch.nn as nn

class Gated(nn.Module):
    def __init__(self, width, num_classes):
        super().__init__()
        self.fc = nn.Linear(4, width)
        self.out = nn.Linear(width, num_classes)

    def forward(self, x):
        return self.out(self.fc(x))

def plain_net():
    return nn.Linear(4, 10)

def gated_net(**kwargs):
    model = Gated(**kwargs)
    return model
`;
    const result = await analyze(script, { others: { "/project/zoo/__init__.py": "", "/project/zoo/nets.py": nets } });
    const m = modelNamed(result, "model");
    assert.equal(m.line, 8, "the else branch: --baseline is off by default");
    assert.equal(m.params, 4 * 6 + 6 + 6 * 10 + 10, "gated_net(num_classes=10, width=6), width from the guard's args");
  });

  it("builds the model item of a tuple a workspace factory returns, unpacked in main() or at top level", async () => {
    // guided-diffusion's `model, diffusion = create_model_and_diffusion(...)`, through a factory of a factory.
    const util = `import torch.nn as nn

class UNet(nn.Module):
    def __init__(self, width, depth):
        super().__init__()
        self.blocks = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])

    def forward(self, x):
        for b in self.blocks:
            x = b(x)
        return x

class Diffusion:
    def __init__(self, steps):
        self.steps = steps

def create_model(width, depth):
    return UNet(width, depth)

def create_model_and_diffusion(width, depth, steps):
    model = create_model(width, depth)
    diffusion = Diffusion(steps)
    return model, diffusion
`;
    const others = { "/project/zoo/__init__.py": "", "/project/zoo/util.py": util };
    const inMain = await analyze(`from zoo.util import create_model_and_diffusion

def main():
    model, diffusion = create_model_and_diffusion(width=args.width, depth=2, steps=1000)
    model.to("cuda")

if __name__ == "__main__":
    import argparse
    p = argparse.ArgumentParser()
    p.add_argument("--width", type=int, default=64)
    args = p.parse_args()
    main()
`, { others });
    assert.deepEqual(inMain.models.map((m) => [m.name, m.line, m.params]), [["model", 4, 2 * (64 * 64 + 64)]]);
    const topLevel = await analyze("from zoo.util import create_model_and_diffusion\nmodel, diffusion = create_model_and_diffusion(8, 3, 1000)\n", { others });
    assert.deepEqual(topLevel.models.map((m) => [m.name, m.params]), [["model", 3 * (8 * 8 + 8)]]);
  });

  it("builds a model handed to a workspace helper that returns it, under the main guard; not one the helper replaces", async () => {
    // `src_encoder = init_model(net=LeNetEncoder(), restore=...)`: the helper initialises and returns the model it is given.
    const utils = `import os
import torch

def init_weights(layer):
    pass

def init_model(net, restore):
    net.apply(init_weights)
    if restore is not None and os.path.exists(restore):
        net.load_state_dict(torch.load(restore))
    return net

def fresh_model(net):
    net = torch.nn.Linear(2, 2)
    return net
`;
    const models = `import torch.nn as nn

class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 8)

    def forward(self, x):
        return self.fc(x)
`;
    const others = { "/project/utils.py": utils, "/project/models.py": models };
    const handed = await analyze(`from models import Encoder
from utils import init_model, fresh_model

if __name__ == "__main__":
    encoder = init_model(net=Encoder(), restore="snapshots/encoder.pt")
    print(encoder)
    other = fresh_model(Encoder())
    print(other)
`, { others });
    assert.deepEqual(handed.models.map((m) => [m.name, m.params]), [["encoder", 16 * 8 + 8]]);
  });

  it("reads each arm of a conditional expression as a site under its condition, and lists a site whose call fails with why", async () => {
    const models = `import torch.nn as nn

class Net(nn.Module):
    def __init__(self, params):
        super().__init__()
        if params.kind not in ("wide", "narrow"):
            raise ValueError("no such kind: " + params.kind)
        self.fc = nn.Linear(16, params.num_channels)

    def forward(self, x):
        return self.fc(x)

class Teacher(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        return self.fc(x)
`;
    const script = (setup: string) => `import torch
import net

class Params:
    def __init__(self, **kw):
        self.__dict__.update(kw)

if __name__ == "__main__":
    ${setup}
    params.cuda = torch.cuda.is_available()
    model = net.Net(params).cuda() if params.cuda else net.Net(params)
    teacher = net.Teacher()
    teacher.eval()
    optimizer = torch.optim.Adam(model.parameters())
`;
    const others = { "/project/net.py": models };
    const built = await analyze(script('params = Params(kind="wide", num_channels=8)'), { others });
    assert.deepEqual(built.models.map((m) => [m.name, m.params]), [["model", 16 * 8 + 8], ["teacher", 16 * 4 + 4]]);
    const failed = await analyze(script('params = Params(kind="deep", num_channels=8)'), { others });
    const model = modelNamed(failed, "model");
    assert.equal(model.complete, false);
    // The site is the construction (the `.cuda()` after it moves the model, and is not what failed).
    assert.match(model.unresolved[0].reason, /its call net\.Net\(params\) could not be worked out: .*no such kind: deep/);
  });

  it("lists no runner of the project's own class whose train() is its own method, and still lists a module whose train() is nn.Module's", async () => {
    const runner = `class Runner:
    def __init__(self, model, optimizer, loader):
        self.model = model
        self.optimizer = optimizer
        self.loader = loader

    def train(self):
        for x, y in self.loader:
            self.optimizer.zero_grad()
            self.model(x).sum().backward()
            self.optimizer.step()
`;
    const script = `from engine import Runner


def main(model, optimizer, loader):
    runner = Runner(model, optimizer, loader)
    runner.train()
`;
    const result = await analyze(script, { others: { "/project/engine.py": runner } });
    assert.deepEqual(result.models.map((m) => m.name), []);
    // The same use of a torch module built from its own variables is still a model the user can build with --entry.
    const module = `import torch.nn as nn


class Runner(nn.Module):
    def __init__(self, model, optimizer, loader):
        super().__init__()
        self.body = model
`;
    const listed = await analyze(script, { others: { "/project/engine.py": module } });
    assert.deepEqual(listed.models.map((m) => m.name), ["runner"]);
  });

  it("builds a model of the file's own class that needs arguments where a function builds it and moves it (`.to(device)`)", async () => {
    const result = await analyze(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.fc = nn.Linear(10, hidden)
        self.out = nn.Linear(hidden, 2)
    def forward(self, x):
        return self.out(self.fc(x))

def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = Net(64).to(device).train()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)

if __name__ == "__main__":
    main()
`);
    const m = modelNamed(result, "model");
    assert.equal(m.line, 14);
    assert.equal(m.params, 10 * 64 + 64 + 64 * 2 + 2);
    assert.equal(m.complete, true);
    // Moved inside a wrapper: `DataParallel(Net(64).cuda())`.
    const wrapped = await analyze(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.fc = nn.Linear(10, hidden)
    def forward(self, x):
        return self.fc(x)

def main():
    model = torch.nn.DataParallel(Net(24).cuda(), device_ids=[0])
    opt = torch.optim.SGD(model.parameters(), lr=0.1)

main()
`);
    assert.equal(modelNamed(wrapped, "model").params, 10 * 24 + 24);
  });

  it("builds the model a builder function of the file returns where main() calls it with arguments", async () => {
    const result = await analyze(`import argparse
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.fc = nn.Linear(10, hidden)
    def forward(self, x):
        return self.fc(x)

def build(args):
    return Net(args.hidden).cuda()

def loss_of(model, x):
    return model(x).pow(2).mean()

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hidden", type=int, default=48)
    args = parser.parse_args()
    model = build(args)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss = loss_of(model, torch.randn(4, 10))
    loss.backward()
    opt.step()

main()
`);
    assert.deepEqual(result.models.map((m) => [m.name, m.line, m.params]), [["model", 22, 10 * 48 + 48]]);
  });

  it("a class of the file whose defaults fail to build is the model its main guard builds with arguments", async () => {
    const result = await analyze(`import torch
from torch import nn

class Tiles(nn.Module):
    def __init__(self, size=30, tile=7, width=8):
        super().__init__()
        # Python raises here for the defaults: 30 is no multiple of 7.
        mask = torch.zeros(1, size, size, 1).view(1, size // tile, tile, size // tile, tile, 1)
        self.embed = nn.Conv2d(3, width, tile, stride=tile)
        self.head = nn.Linear(width, 4)

    def forward(self, x):
        return self.head(self.embed(x).mean((2, 3)))

if __name__ == "__main__":
    model = Tiles(size=32, tile=8)
    print(model(torch.randn(2, 3, 32, 32)).shape)
`);
    assert.ok(result.notes.some((n) => n.startsWith("Tiles (line 4) could not be built")), "the defaults' failure is still said");
    const model = modelNamed(result, "model");
    // conv 3*8*8*8 + 8, head 8*4 + 4
    assert.equal(model.params, 1544 + 36);
    assert.deepEqual(model.inputs.map((i) => i.shape), [[2, 3, 32, 32]]);
    assert.equal(model.complete, true);
  });
  it("does not take a TF 1.x tensor evaluated with a feed dict (`accuracy.eval({x: ...})`) for a model's eval()", async () => {
    const script = `import tensorflow as tf

def fit(x_data, y_data):
    x = tf.placeholder(tf.float32, (None, 4))
    y = tf.placeholder(tf.float32, (None, 3))
    w = tf.get_variable("w", (4, 3))
    logits = tf.matmul(x, w)
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, "float"))
    with tf.Session() as sess:
        print(accuracy.eval({x: x_data, y: y_data}))

if __name__ == "__main__":
    fit(None, None)
`;
    const result = await analyze(script);
    assert.deepEqual(result.models.map((m) => m.name), []);
    // nn.Module.eval() takes no argument: the same name called with none is still read as a model's use.
    const module = await analyze(script.replace("accuracy.eval({x: x_data, y: y_data})", "accuracy.eval()"));
    assert.deepEqual(module.models.map((m) => m.name), ["accuracy"]);
  });
});
