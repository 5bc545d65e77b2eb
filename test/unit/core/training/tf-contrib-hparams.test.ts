import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A PyTorch script whose run lives in TF 1.x's tf.contrib.training.HParams (a hparams.py of its own), as Tacotron 2
// style code keeps it: the loop and loader read hparams.epochs and hparams.batch_size.
const HPARAMS = `import tensorflow as tf


def create_hparams(hparams_string=None):
    hparams = tf.contrib.training.HParams(
        epochs=40,
        batch_size=24,
        fp16_run=False,
        seed=1234,
    )
    if hparams_string:
        hparams.parse(hparams_string)
    return hparams
`;

const TRAIN = `import argparse
import torch
from torch.utils.data import DataLoader, TensorDataset
from hparams import create_hparams


def train(hparams):
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.Adam(model.parameters())
    trainset = TensorDataset(torch.zeros(960, 8), torch.zeros(960, 2))
    train_loader = DataLoader(trainset, batch_size=hparams.batch_size, shuffle=True)
    if hparams.fp16_run:
        model = model.half()
    for epoch in range(hparams.epochs):
        for x, y in train_loader:
            loss = (model(x) - y).pow(2).mean()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--hparams", type=str, required=False)
    args = parser.parse_args()
    hparams = create_hparams(args.hparams)
    train(hparams)
`;

const planOf = async (hparams: string, train = TRAIN) => (await analyze(train, { others: { "/project/hparams.py": hparams } })).training ?? {};

describe("TF 1.x tf.contrib.training.HParams", () => {
  it("holds its keyword arguments as attributes: the run's epochs, batch and precision", async () => {
    const plan = await planOf(HPARAMS);
    assert.equal(plan.epochs?.value, 40);
    assert.equal(plan.batch?.value, 24);
    assert.equal(plan.samples?.value, 960);
    assert.equal(plan.precision?.value, "fp32", "fp16_run=False: the .half() branch is not taken");
  });

  it("is importable from tensorflow.contrib.training, and parse() overrides a value in its type", async () => {
    const hp = HPARAMS.replace("import tensorflow as tf\n", "from tensorflow.contrib.training import HParams\n").replace("tf.contrib.training.HParams(", "HParams(");
    const plan = await planOf(hp.replace("    if hparams_string:\n        hparams.parse(hparams_string)\n", "    hparams.parse('epochs=12,fp16_run=true')\n"));
    assert.equal(plan.epochs?.value, 12);
    assert.equal(plan.batch?.value, 24);
    assert.equal(plan.precision?.value, "fp16", "fp16_run=true parsed as the bool True");
  });
});
