import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../helpers/analyze";
import { DATASET_SIZES } from "../../../../src/core/training/dataset-sizes";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const fixture = (name: string): string => readFileSync(join(__dirname, "../../../fixtures/training", name), "utf8");
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};
/** 1-based line of the first line containing `needle`, so tests follow the fixture when it is edited. */
const lineOf = (text: string, needle: string): number => {
  const index = text.split("\n").findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `no line with ${needle}`);
  return index + 1;
};

describe("training plan read from code", () => {
  describe("a PyTorch MNIST script with argparse in main()", () => {
    const text = fixture("mnist_argparse.py");

    it("reads epochs from the epoch loop through args.epochs' argparse default", async () => {
      const plan = await planOf(text);
      assert.equal(plan.epochs?.value, 14);
      assert.equal(plan.epochs?.source, "code");
      assert.equal(plan.epochs?.line, lineOf(text, "for epoch in range("));
      assert.match(plan.epochs!.detail, /range\(1, args\.epochs \+ 1\)/);
    });

    it("follows the argparse default when it changes (range(1, N + 1) runs N epochs)", async () => {
      const plan = await planOf(text.replace('"--epochs", type=int, default=14', '"--epochs", type=int, default=3'));
      assert.equal(plan.epochs?.value, 3);
    });

    it("takes the batch from the training DataLoader's **train_kwargs, not the test loader's", async () => {
      const plan = await planOf(text);
      assert.equal(plan.batch?.value, 64);
      assert.equal(plan.batch?.line, lineOf(text, "DataLoader(dataset1"));
      const other = await planOf(text.replace('"--batch-size", type=int, default=64', '"--batch-size", type=int, default=256'));
      assert.equal(other.batch?.value, 256);
    });

    it("counts MNIST's training split from the dataset table, with its source", async () => {
      const plan = await planOf(text);
      const mnist = DATASET_SIZES.find((d) => d.name === "MNIST")!;
      assert.equal(plan.samples?.value, mnist.trainSamples);
      assert.equal(plan.samples?.source, "dataset table");
      assert.ok(plan.samples!.detail.includes(mnist.source));
      assert.equal(plan.samples?.line, lineOf(text, "train=True"));
    });
  });

  describe("a Keras fit script", () => {
    const text = fixture("keras_fit.py");

    it("reads epochs and batch_size from fit() through module constants", async () => {
      const plan = await planOf(text);
      assert.equal(plan.epochs?.value, 15);
      assert.equal(plan.batch?.value, 128);
      assert.equal(plan.epochs?.line, lineOf(text, "model.fit("));
    });

    it("takes keras.datasets.mnist's training set less the validation split", async () => {
      const plan = await planOf(text);
      assert.equal(plan.samples?.value, Math.floor(60_000 * 0.9));
      assert.match(plan.samples!.detail, /validation_split=0\.1/);
      const whole = await planOf(text.replace(", validation_split=0.1", ""));
      assert.equal(whole.samples?.value, 60_000);
    });

    it("falls back to fit's documented defaults, marked as defaults", async () => {
      const bare = text.replace("batch_size=batch_size, epochs=epochs, ", "").replace("batch_size = 128\nepochs = 15\n", "");
      assert.ok(!/epochs|batch_size/.test(bare.replace(/^#.*$/m, "")), "the fixture still names them");
      const plan = await planOf(bare);
      assert.deepEqual([plan.batch?.value, plan.batch?.source, plan.epochs?.value, plan.epochs?.source], [32, "default", 1, "default"]);
    });
  });

  describe("module-level constants", () => {
    const text = fixture("module_constants.py");

    it("evaluates constant expressions and a Subset of the training set", async () => {
      const plan = await planOf(text);
      assert.equal(plan.epochs?.value, 3 * 4);
      assert.equal(plan.batch?.value, 2 ** 7);
      assert.equal(plan.samples?.value, 10_000);
      assert.equal(plan.samples?.source, "code");
      assert.equal(plan.dropLast, true);
    });

    it("uses the whole training set when the loader takes it directly", async () => {
      const plan = await planOf(text.replace("DataLoader(train_subset,", "DataLoader(train_set,"));
      assert.equal(plan.samples?.value, 50_000);
    });
  });

  it("finds nothing in a file without training code", async () => {
    assert.deepEqual(await planOf(fixture("nothing_to_find.py")), {});
  });

  describe("what the plain run does (held-out training scripts, issue 21)", () => {
    const flagged = (guard: string) => [
      "import argparse",
      "import torch",
      "parser = argparse.ArgumentParser()",
      "parser.add_argument('--fp16', action='store_true')",
      "parser.add_argument('--epochs', type=int, default=3)",
      "args = parser.parse_args()",
      "model = torch.nn.Linear(8, 2)",
      `${guard}`,
      "    model = model.half()",
      "for epoch in range(args.epochs):",
      "    loss = model(torch.randn(4, 8)).sum()",
      "    loss.backward()",
    ].join("\n");

    it("a cast under `if args.fp16:` (a store_true flag, off by default) is not the run's precision; on by default it is", async () => {
      assert.equal((await planOf(flagged("if args.fp16:"))).precision?.value, "fp32");
      assert.equal((await planOf(flagged("if not args.fp16:"))).precision?.value, "fp16");
      assert.equal((await planOf(flagged("if True:"))).precision?.value, "fp16");
    });

    it("autocast(enabled=<a switch>) sets the precision only when the switch is known to be on", async () => {
      const loop = (enabled: string) => [
        "import torch",
        "from torch.cuda.amp import autocast",
        "class Runner:",
        "    def train(self, model, loader, optimizer):",
        "        for epoch in range(5):",
        "            for x in loader:",
        `                with autocast(${enabled}):`,
        "                    loss = model(x).sum()",
        "                loss.backward()",
        "                optimizer.step()",
      ].join("\n");
      assert.equal((await planOf(loop("enabled=self.args.fp16_precision"))).precision?.value, "fp32");
      assert.equal((await planOf(loop("enabled=False"))).precision?.value, "fp32");
      assert.equal((await planOf(loop("enabled=True"))).precision?.value, "fp16");
      assert.equal((await planOf(loop(""))).precision?.value, "fp16");
    });

    it("the batch is the training loader's (a DataLoader wrapper included), not an evaluation function's", async () => {
      const text = [
        "import argparse",
        "from torch.utils.data import DataLoader",
        "class InfiniteDataLoader:",
        "    def __init__(self, dataset, **kwargs):",
        "        self.loader = DataLoader(dataset, **kwargs)",
        "def evaluate(model, dataset, batch_size=50):",
        "    loader = DataLoader(dataset, shuffle=True, batch_size=batch_size)",
        "    return sum(model(x) for x in loader)",
        "parser = argparse.ArgumentParser()",
        "parser.add_argument('--batch-size', '-b', type=int, default=32)",
        "args = parser.parse_args()",
        "batch_loader = InfiniteDataLoader(train_dataset, batch_size=args.batch_size)",
      ].join("\n");
      const plan = await planOf(text);
      assert.equal(plan.batch?.value, 32);
      assert.equal(plan.batch?.line, 12);
    });
  });

  describe("patterns", () => {
    it("range(start, N) counts N - start; a constant named epochs is the fallback", async () => {
      const plan = await planOf("EPOCHS = 40\nSTART = 10\nfor epoch in range(START, EPOCHS):\n    pass\n");
      assert.equal(plan.epochs?.value, 30);
      // Beside a call that may train (a file of settings alone runs nothing: settings-module.ts).
      const constant = await planOf("num_epochs = 7\nrun(num_epochs)\n");
      assert.deepEqual([constant.epochs?.value, constant.epochs?.line], [7, 1]);
    });

    it("reads argparse behind a get_args() helper and inside `if __name__ == '__main__'`", async () => {
      const helper = [
        "import argparse",
        "def get_args():",
        "    p = argparse.ArgumentParser()",
        "    p.add_argument('--n-epochs', type=int, default=6)",
        "    return p.parse_args()",
        "def main():",
        "    args = get_args()",
        "    for ep_epoch in range(args.n_epochs):",
        "        pass",
      ].join("\n");
      assert.equal((await planOf(helper)).epochs?.value, 6);
      const guarded = [
        "import argparse",
        "if __name__ == '__main__':",
        "    parser = argparse.ArgumentParser()",
        "    parser.add_argument('--epochs', type=int, default=9)",
        "    args = parser.parse_args()",
        "    for epoch in range(args.epochs):",
        "        pass",
      ].join("\n");
      assert.equal((await planOf(guarded)).epochs?.value, 9);
    });

    it("falls back to a module-level parser's defaults when the loop's args come from the caller (ImageNet example style)", async () => {
      const text = [
        "import argparse",
        "parser = argparse.ArgumentParser()",
        "parser.add_argument('--epochs', default=90, type=int)",
        "parser.add_argument('-b', '--batch-size', default=256, type=int)",
        "def main_worker(gpu, args):",
        "    for epoch in range(args.start_epoch, args.epochs):",
        "        pass",
      ].join("\n");
      const plan = await planOf(text);
      assert.deepEqual([plan.epochs?.value, plan.epochs?.line, plan.batch?.value, plan.batch?.line], [90, 3, 256, 4]);
    });

    it("a loop offset by a start epoch counts its length (pytorch-cifar style)", async () => {
      const text = [
        "import torch, torchvision",
        "start_epoch = 0",
        "trainset = torchvision.datasets.CIFAR10(root='./data', train=True, download=True)",
        "trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=2)",
        "testset = torchvision.datasets.CIFAR10(root='./data', train=False, download=True)",
        "testloader = torch.utils.data.DataLoader(testset, batch_size=100, shuffle=False, num_workers=2)",
        "for epoch in range(start_epoch, start_epoch + 200):",
        "    pass",
      ].join("\n");
      const plan = await planOf(text);
      assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value], [200, 50_000, 128]);
    });

    it("reads Hugging Face TrainingArguments and a tf.data pipeline's batch", async () => {
      const hf = await planOf("from transformers import TrainingArguments\nargs = TrainingArguments(output_dir='out', num_train_epochs=4, per_device_train_batch_size=16)\nprint(args)\n");
      assert.deepEqual([hf.epochs?.value, hf.batch?.value, hf.batch?.source], [4, 16, "code"]);
      const defaults = await planOf("from transformers import TrainingArguments\nargs = TrainingArguments(output_dir='out')\nprint(args)\n");
      assert.deepEqual([defaults.epochs?.source, defaults.batch?.source], ["default", "default"]);
      const tfdata = await planOf("import tensorflow as tf\nds = tf.data.Dataset.from_tensor_slices(x).shuffle(1000).batch(48)\nmodel.fit(ds, epochs=2)\n");
      assert.deepEqual([tfdata.batch?.value, tfdata.batch?.line, tfdata.epochs?.value], [48, 2, 2]);
    });

    it("leaves a figure unset when it depends on a caller's argument", async () => {
      const plan = await planOf("def fit_model(model, num_epochs):\n    for epoch in range(num_epochs):\n        pass\n");
      assert.equal(plan.epochs, undefined);
    });

    it("skips test splits and datasets the file defines itself", async () => {
      // A call named for training: a file that names none states no run (samples-alone.ts).
      const svhn = await planOf("from torchvision import datasets\ntest = datasets.SVHN('d', split='test')\ntrain = datasets.SVHN('d', split='train')\ntrain_model(train)\n");
      assert.deepEqual([svhn.samples?.value, svhn.samples?.line], [73_257, 3]);
      const own = await planOf("class MNIST:\n    def __init__(self, root, train=True):\n        self.root = root\nds = MNIST('x')\n");
      assert.equal(own.samples, undefined);
      const testOnly = await planOf("import torchvision\nds = torchvision.datasets.CIFAR10('d', train=False)\n");
      assert.equal(testOnly.samples, undefined);
    });

    it("takes random_split's first part and a TensorDataset's rows", async () => {
      const split = await planOf("import torch\nfrom torch.utils.data import random_split, DataLoader\nfrom torchvision.datasets import MNIST\nfull = MNIST('d')\ntrain_ds, val_ds = random_split(full, [55000, 5000])\nloader = DataLoader(train_ds, batch_size=50, shuffle=True)\n");
      assert.deepEqual([split.samples?.value, split.batch?.value], [55_000, 50]);
      const tensors = await planOf("import torch\nfrom torch.utils.data import TensorDataset, DataLoader\nds = TensorDataset(torch.randn(2048, 16), torch.randn(2048, 1))\nloader = DataLoader(ds, batch_size=32)\n");
      assert.deepEqual([tensors.samples?.value, tensors.batch?.value], [2048, 32]);
    });

    it("a DataLoader without batch_size has PyTorch's default of 1, marked as such", async () => {
      const plan = await planOf("from torch.utils.data import DataLoader\nloader = DataLoader([1, 2, 3])\n");
      assert.deepEqual([plan.batch?.value, plan.batch?.source], [1, "default"]);
    });

    it("never runs loops or training calls of the enclosing function, and stays bounded", async () => {
      const text = [
        "import argparse",
        "def endless():",
        "    while True:",
        "        pass",
        "def main():",
        "    parser = argparse.ArgumentParser()",
        "    parser.add_argument('--epochs', type=int, default=5)",
        "    for i in range(10 ** 12):",
        "        parser.add_argument('--x', default=i)",
        "    stall = endless()",
        "    args = parser.parse_args()",
        "    for epoch in range(args.epochs + stall):",
        "        pass",
      ].join("\n");
      // It ends (the test's timeout would say if it hung): the loop and `endless()` stop at their budgets.
      const plan = await planOf(text);
      // `stall` never finishes (its budget ends), so the sum is unknown: the loop says nothing, argparse's default does.
      assert.deepEqual([plan.epochs?.value, plan.epochs?.source], [5, "code"]);
      assert.match(plan.epochs!.detail, /argparse --epochs/);
    });

    it("survives syntax errors and odd values", async () => {
      const plan = await planOf("epochs = 'many'\nbatch_size = -4\nfor epoch in range(:\n");
      assert.equal(plan.epochs, undefined);
      assert.equal(plan.batch, undefined);
    });
  });
});
