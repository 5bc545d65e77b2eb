// Training plans from the shape of the loop, the function's callers and the frameworks' own switches (issues 20, 21):
// real tree-sitter parses of small scripts written like the held-out ones, each varied so a wrong rule would fail.
import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("training plan: loops, callers and framework switches", () => {
  describe("a function's parameters bound from its call site", () => {
    const script = (call: string) =>
      lines(
        "import argparse",
        "def train(args, loader, optim):",
        "    pbar = range(args.iter)",
        "    for idx in pbar:",
        "        i = idx + args.start_iter",
        "        loss = loader(i)",
        "        loss.backward()",
        "        optim.step()",
        "if __name__ == '__main__':",
        "    parser = argparse.ArgumentParser()",
        "    parser.add_argument('--iter', type=int, default=800000)",
        "    args = parser.parse_args()",
        "    args.start_iter = 0",
        call,
      );

    it("reads `range(args.iter)` through the one call `train(args, ...)` at the bottom", async () => {
      const plan = await planOf(script("    train(args, None, None)"));
      assert.deepEqual([plan.steps?.value, plan.steps?.line], [800_000, 4]);
      assert.match(plan.steps!.detail, /for idx in pbar/);
      const changed = await planOf(script("    train(args, None, None)").replace("default=800000", "default=1234"));
      assert.equal(changed.steps?.value, 1234);
    });

    it("binds keyword arguments; two calls that pass different code bind nothing", async () => {
      assert.equal((await planOf(script("    train(loader=None, optim=None, args=args)"))).steps?.value, 800_000);
      const two = script("    train(args, None, None)\n    other = parser.parse_args(['--iter', '5'])\n    train(other, None, None)");
      assert.equal((await planOf(two)).steps, undefined);
    });

    it("follows a config dict built in main() into training_function(config)", async () => {
      const text = lines(
        "def training_function(config):",
        "    num_epochs = int(config['epochs_to_run'])",
        "    for epoch in range(num_epochs):",
        "        loss.backward()",
        "def main():",
        "    config = {'lr': 2e-5, 'epochs_to_run': 7}",
        "    training_function(config)",
      );
      assert.equal((await planOf(text)).epochs?.value, 7);
    });
  });

  describe("the loop's shape", () => {
    it("a loop that steps the optimizer counts steps whatever its variable; an inner backward-only loop is accumulation", async () => {
      const text = lines(
        "import torch",
        "NUM_BATCHES = int(1e5)",
        "ACCUMULATE = 4",
        "for i in range(NUM_BATCHES):",
        "    for __ in range(ACCUMULATE):",
        "        loss = model(next(loader))",
        "        loss.backward()",
        "    optim.step()",
        "    optim.zero_grad()",
      );
      const plan = await planOf(text);
      assert.deepEqual([plan.steps?.value, plan.accumulation?.value, plan.accumulation?.line], [100_000, 4, 5]);
    });

    it("an epoch loop under another name is not a step loop: the step is in the inner loop over the data", async () => {
      const text = lines(
        "for e in range(10):",
        "    for x, y in loader:",
        "        loss = model(x)",
        "        loss.backward()",
        "        optimizer.step()",
        "    scheduler.step()",
      );
      const plan = await planOf(text);
      assert.equal(plan.steps, undefined);
      assert.equal(plan.accumulation, undefined);
    });

    it("an inner loop that steps its own optimizer (a GAN's critic) is not the run's count", async () => {
      const text = lines(
        "for it in range(2000):",
        "    for _ in range(5):",
        "        d_loss.backward()",
        "        d_opt.step()",
        "    g_loss.backward()",
        "    g_opt.step()",
      );
      const plan = await planOf(text);
      assert.deepEqual([plan.steps?.value, plan.accumulation], [2000, undefined]);
    });

    it("a loop of micro-batches that steps every A iterations and breaks at max_iters runs max_iters / A steps", async () => {
      const text = (every: string) =>
        lines(
          "max_iters = 62500",
          "accumulation = 16",
          "def train(model, loader, optimizer):",
          "    for iter_num, (x, y) in enumerate(loader):",
          "        if iter_num >= max_iters:",
          "            break",
          "        loss = model(x)",
          "        loss.backward()",
          `        if ${every}:`,
          "            optimizer.step()",
          "            optimizer.zero_grad()",
        );
      const plan = await planOf(text("(iter_num + 1) % accumulation == 0"));
      assert.deepEqual([plan.steps?.value, plan.accumulation?.value], [Math.floor(62_500 / 16), 16]);
      assert.match(plan.steps!.detail, /until max_iters/);
      // Stepping at every iteration: each micro-batch is a step.
      const every = await planOf(text("True"));
      assert.deepEqual([every.steps?.value, every.accumulation], [62_500, undefined]);
    });

    it("the step condition may be a name: `is_accumulating = (i + 1) % A != 0`, then `if not is_accumulating: step`", async () => {
      const text = (guard: string) =>
        lines(
          "max_step = 1000",
          "accumulation = 8",
          "max_iters = max_step * accumulation",
          "def train(state, loader, optimizer):",
          "    for data in loader:",
          "        if state['iter_num'] >= max_iters:",
          "            break",
          "        is_accumulating = (state['iter_num'] + 1) % accumulation != 0",
          "        loss = model(data)",
          "        loss.backward()",
          guard,
          "        state['iter_num'] += 1",
        );
      const plan = await planOf(text("        if not is_accumulating:\n            optimizer.step()"));
      assert.deepEqual([plan.steps?.value, plan.accumulation?.value], [1000, 8]);
      const orelse = await planOf(text("        if is_accumulating:\n            pass\n        else:\n            optimizer.step()"));
      assert.deepEqual([orelse.steps?.value, orelse.accumulation?.value], [1000, 8]);
      // Stepping while accumulating would be every iteration but the A-th: not read as an accumulation.
      const wrong = await planOf(text("        if is_accumulating:\n            optimizer.step()"));
      assert.deepEqual([wrong.steps?.value, wrong.accumulation], [8000, undefined]);
    });

    it("a periodic extra step beside the step of every iteration (lazy regularization) is not accumulation", async () => {
      const text = lines(
        "for idx in range(800):",
        "    d_loss.backward()",
        "    d_optim.step()",
        "    d_regularize = idx % 16 == 0",
        "    if d_regularize:",
        "        r1_loss.backward()",
        "        d_optim.step()",
      );
      const plan = await planOf(text);
      assert.deepEqual([plan.steps?.value, plan.accumulation], [800, undefined]);
    });

    it("a while loop's bound, and `while True` with a break past max_iters", async () => {
      const bounded = await planOf(lines("max_steps = 300", "step = 0", "while step < max_steps:", "    loss.backward()", "    opt.step()", "    step += 1"));
      assert.equal(bounded.steps?.value, 300);
      const open = await planOf(lines("limit = 50", "def train():", "    n = 0", "    while True:", "        loss.backward()", "        opt.step()", "        n += 1", "        if n > limit:", "            break"));
      assert.equal(open.steps?.value, 51);
    });
  });

  describe("the frameworks' precision switches", () => {
    const precisionOf = async (text: string) => (await planOf(text)).precision?.value;

    it("Lightning's Trainer/Fabric(precision=), by value, through an argparse default", async () => {
      assert.equal(await precisionOf("import lightning as L\nfabric = L.Fabric(devices=1, precision='bf16-true')\n"), "bf16");
      assert.equal(await precisionOf("import lightning as L\nfabric = L.Fabric(precision='16-mixed')\n"), "fp16");
      assert.equal(await precisionOf("from pytorch_lightning import Trainer\ntrainer = Trainer(precision=16)\n"), "fp16");
      assert.equal(await precisionOf("from pytorch_lightning import Trainer\ntrainer = Trainer(precision='32-true')\n"), undefined);
      const viaArgs = (d: number) => `import argparse\nfrom pytorch_lightning import Trainer\np = argparse.ArgumentParser()\np.add_argument('--precision', type=int, default=${d})\nargs = p.parse_args()\ntrainer = Trainer(precision=args.precision)\n`;
      assert.deepEqual([await precisionOf(viaArgs(32)), await precisionOf(viaArgs(16))], [undefined, "fp16"]);
    });

    it("Lightning's trainer.fit(model, data) is not Keras' fit: no Keras default batch or epochs", async () => {
      const plan = await planOf("from pytorch_lightning import Trainer\ntrainer = Trainer(max_epochs=12)\ntrainer.fit(model, datamodule)\n");
      assert.deepEqual([plan.epochs?.value, plan.epochs?.source, plan.batch], [12, "code", undefined]);
      const keras = await planOf("model.fit(x, y)\n");
      assert.deepEqual([keras.batch?.value, keras.batch?.source], [32, "default"]);
    });

    it("a cast inside a comprehension (a state dict saved in fp16) is not the step's precision", async () => {
      const text = (save: string) => lines("import torch", "def train(model, epochs=3):", "    for epoch in range(epochs):", "        loss.backward()", "        optimizer.step()", save);
      assert.equal((await planOf(text("        torch.save({k: v.half() for k, v in model.state_dict().items()}, 'ckpt.pth')"))).precision, undefined);
      assert.equal((await planOf(text("        model.half()"))).precision?.value, "fp16");
    });

    it("transformers' TrainingArguments(fp16=True), Accelerate's mixed_precision, Keras' global policy", async () => {
      assert.equal(await precisionOf("import transformers\na = transformers.TrainingArguments(output_dir='o', fp16=True)\nprint(a)\n"), "fp16");
      assert.equal(await precisionOf("import transformers\na = transformers.TrainingArguments(output_dir='o', bf16=False)\nprint(a)\n"), undefined);
      assert.equal(await precisionOf("from accelerate import Accelerator\nacc = Accelerator(mixed_precision='bf16')\n"), "bf16");
      assert.equal(await precisionOf("from accelerate import Accelerator\nacc = Accelerator(mixed_precision=None)\n"), undefined);
      assert.equal(await precisionOf("from tensorflow import keras\nkeras.mixed_precision.set_global_policy('mixed_float16')\n"), "fp16");
    });
  });

  describe("Keras fit_generator and branches", () => {
    const script = (augment: string) =>
      lines(
        "from keras.datasets import cifar10",
        "batch_size = 32",
        "nb_epoch = 200",
        `data_augmentation = ${augment}`,
        "(X_train, y_train), (X_test, y_test) = cifar10.load_data()",
        "if not data_augmentation:",
        "    model.fit(X_train, y_train, batch_size=64, nb_epoch=3)",
        "else:",
        "    model.fit_generator(datagen.flow(X_train, y_train, batch_size=batch_size), steps_per_epoch=1000 // batch_size, epochs=nb_epoch)",
      );

    it("takes the branch the plain run takes, the batch from flow(), and steps_per_epoch × epochs", async () => {
      const plan = await planOf(script("True"));
      assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.steps?.value], [200, 32, 200 * Math.floor(1000 / 32)]);
      const other = await planOf(script("False"));
      assert.deepEqual([other.epochs?.value, other.batch?.value, other.steps], [3, 64, undefined]);
      assert.match(other.epochs!.detail, /nb_epoch=3/);
    });
  });
});
