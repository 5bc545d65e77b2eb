import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

const MODEL = ["import sys", "import torch", "import torch.nn as nn", "from tqdm import tqdm", "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(64, 10)", "    def forward(self, x):", "        return self.fc(x)", "model = Net()", "opt = torch.optim.SGD(model.parameters(), lr=0.1)", ""];

async function stepsOf(lines: string[]) {
  const result = await analyze([...MODEL, ...lines].join("\n"));
  return result.training ?? {};
}

describe("loop shapes: how a training loop ends and what it counts", () => {
  it("`if (iteration + 1) == N: sys.exit()` after the step of a `while True` whose counter rises at the end runs N steps", async () => {
    const loop = (end: string[]) => [
      "def train(num_iter):",
      "    iteration = 0",
      "    while True:",
      "        model(torch.randn(8, 64)).sum().backward()",
      "        opt.step()",
      ...end,
      "        iteration += 1",
      "train(300)",
    ];
    assert.strictEqual((await stepsOf(loop(["        if (iteration + 1) == num_iter:", "            print('end')", "            sys.exit()"]))).steps?.value, 300);
    // The same check on the counter itself: it is 0 at the first step, so the loop stops after N + 1 steps.
    assert.strictEqual((await stepsOf(loop(["        if iteration == num_iter:", "            break"]))).steps?.value, 301);
    // A `== ` test on something that is not a count (a string) says nothing about the length.
    assert.strictEqual((await stepsOf(loop(["        if str(iteration) == 'stop':", "            break"]))).steps, undefined);
  });

  it("an environment's step whose result is unpacked (`obs, reward, done, info = env.step(a)`) is not an optimizer step, in whichever loop is read", async () => {
    const loop = (step: string[]) => [
      "for episode in range(40):",
      "    for t in range(25):",
      "        obs, reward, done, info = env.step(0)",
      "        model(torch.randn(8, 64)).sum().backward()",
      ...step,
    ];
    // Only the environment steps: backward passes without an optimizer step make no step loop.
    assert.strictEqual((await stepsOf(loop([]))).steps, undefined);
    // The optimizer's own step in the inner loop: 40 episodes of 25 steps, the environment's step not counted twice.
    assert.strictEqual((await stepsOf(loop(["        opt.step()"]))).steps?.value, 1000);
    // The same script read again gives the same answer (nothing is remembered between reads).
    assert.strictEqual((await stepsOf(loop(["        opt.step()"]))).steps?.value, 1000);
    // A step whose result is kept whole (`loss = opt.step(closure)`) is the optimizer's.
    assert.strictEqual((await stepsOf(["for t in range(30):", "    model(torch.randn(8, 64)).sum().backward()", "    loss = opt.step()"])).steps?.value, 30);
  });

  it("`for optimizer in optimizers: optimizer.step()` is one step of the loop around it", async () => {
    const loop = (step: string[]) => [
      "opt2 = torch.optim.SGD(model.parameters(), lr=0.1)",
      "optimizers = (opt, opt2)",
      "for i in range(700):",
      "    model(torch.randn(8, 64)).sum().backward()",
      ...step,
    ];
    assert.strictEqual((await stepsOf(loop(["    for optimizer in optimizers:", "        optimizer.step()"]))).steps?.value, 700);
    // A loop that does more than step each optimizer is a loop of its own, not one step.
    assert.strictEqual((await stepsOf(loop(["    for optimizer in optimizers:", "        optimizer.step()", "        model(torch.randn(8, 64)).sum().backward()"]))).steps, undefined);
  });

  it("`with tqdm(range(n)) as pbar: for i in pbar:` counts the range the `with` bound", async () => {
    const plan = await stepsOf([
      "def train(n=2000):",
      "    with tqdm(range(n)) as pbar:",
      "        for i in pbar:",
      "            model(torch.randn(8, 64)).sum().backward()",
      "            opt.step()",
      "train()",
    ]);
    assert.strictEqual(plan.steps?.value, 2000);
  });

  it("a break on a counter raised only when the optimizer steps counts optimizer steps, not micro-batches", async () => {
    const loop = (increment: string[]) => [
      "max_steps = 1000",
      "accum = 4",
      "global_step = 0",
      "while global_step < max_steps:",
      "    for i, batch in enumerate(loader):",
      "        is_update = (i + 1) % accum == 0",
      "        model(batch).sum().backward()",
      "        if is_update:",
      "            opt.step()",
      ...increment,
    ];
    const perStep = await stepsOf(loop(["        if is_update:", "            global_step += 1", "            if global_step >= max_steps:", "                break"]));
    assert.strictEqual(perStep.steps?.value, 1000);
    assert.strictEqual(perStep.accumulation?.value, 4);
    // Raised at every micro-batch, the same counter counts micro-batches: a quarter of them are steps.
    const perBatch = await stepsOf(loop(["        global_step += 1", "        if global_step >= max_steps:", "            break"]));
    assert.strictEqual(perBatch.steps?.value, 250);
  });

  it("a break on an epoch number the loop reads from its iterator bounds epochs, not steps", async () => {
    // torchtext's iterators count their passes (`iterator.epoch`) and repeat forever: the loop stops at an epoch.
    const plan = await stepsOf([
      "def train(iterator, n_epochs=12):",
      "    for i, batch in enumerate(iterator):",
      "        present_epoch = int(iterator.epoch)",
      "        if present_epoch == n_epochs:",
      "            break",
      "        model(batch).sum().backward()",
      "        opt.step()",
      "train(loader)",
    ]);
    assert.strictEqual(plan.steps, undefined, "12 is the epochs, not the steps");
  });

  it("a loop over numbers of known count (an array by its size, a list of values) runs once per number", async () => {
    const seeds = await stepsOf([
      "import numpy as np",
      "def train(loader, epochs=160, start_epoch=0):",
      "    epoch_seeds = np.random.randint(2 ** 30, size=epochs)",
      "    for epoch, seed in enumerate(epoch_seeds[start_epoch:], start_epoch):",
      "        for x in loader:",
      "            model(x).sum().backward()",
      "            opt.step()",
      "train(torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(1000, 64)), batch_size=100))",
    ]);
    assert.strictEqual(seeds.epochs?.value, 160);
    assert.strictEqual(seeds.batch?.value, 100);
    const rates = await stepsOf([
      "for lr in [0.1, 0.01, 0.001]:",
      "    model(torch.randn(8, 64)).sum().backward()",
      "    opt.step()",
    ]);
    assert.strictEqual(rates.steps?.value, 3);
  });
  it("a stop on a counter raised only under a periodic check that holds no step (validations, trials) or on a count the loop never sets bounds no steps", async () => {
    const loop = (check: string[]) => [
      "def train(data, max_trial, max_epoch, valid_every):",
      "    trial = epoch = it = 0",
      "    while True:",
      "        epoch += 1",
      "        for b in data:",
      "            it += 1",
      "            model(torch.randn(8, 64)).sum().backward()",
      "            opt.step()",
      ...check,
      "train(batches(), 5, 30, 10)",
    ];
    // A trial counted at every 10th step's validation: 5 trials stop the run after some number of steps.
    const trials = ["            if it % valid_every == 0:", "                trial += 1", "                if trial == max_trial:", "                    sys.exit(0)"];
    assert.strictEqual((await stepsOf(loop(trials))).steps?.value, undefined);
    // The enclosing loop's count, tested in the step loop: the same in every pass, so no step bound.
    const epochs = ["            if it % valid_every == 0:", "                if epoch == max_epoch:", "                    sys.exit(0)"];
    assert.strictEqual((await stepsOf(loop(epochs))).steps?.value, undefined);
    // A counter raised at every step stops the run at its bound.
    const counted = ["            trial += 1", "            if trial == max_trial:", "                sys.exit(0)"];
    assert.strictEqual((await stepsOf(loop(counted))).steps?.value, 5);
  });
});
