import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Runs whose figures live in configuration: dataclasses HfArgumentParser parses, Hydra's YAML, other files' loaders.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const HF = `from dataclasses import dataclass, field
from typing import Optional
import torch
import transformers
from transformers import Trainer


@dataclass
class ModelArguments:
    model_name_or_path: Optional[str] = field(default="gpt2")


@dataclass
class TrainingArguments(transformers.TrainingArguments):
    optim: str = field(default="adamw_torch")
    per_device_train_batch_size: int = field(default=4, metadata={"help": "batch per GPU"})
    gradient_accumulation_steps: int = 16
    max_steps: int = field(default=1000)


def train():
    parser = transformers.HfArgumentParser((ModelArguments, TrainingArguments))
    model_args, training_args = parser.parse_args_into_dataclasses()
    model = transformers.AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path, torch_dtype=torch.bfloat16)
    trainer = Trainer(model=model, args=training_args)
    trainer.train()


if __name__ == "__main__":
    train()
`;

describe("training plans from configuration", () => {
  it("reads the TrainingArguments subclass HfArgumentParser parses: its field defaults, transformers' for the rest", async () => {
    const plan = await planOf(HF);
    assert.equal(plan.batch?.value, 4);
    assert.match(plan.batch!.detail, /per_device_train_batch_size/);
    assert.equal(plan.accumulation?.value, 16);
    assert.equal(plan.steps?.value, 1000);
    assert.equal(plan.epochs, undefined, "max_steps overrides num_train_epochs");
    assert.equal(plan.precision?.value, "bf16", "from_pretrained(torch_dtype=torch.bfloat16) loads the weights it trains in bf16");
    const plain = await planOf(HF.replace(/    per_device_train_batch_size.*\n    gradient_accumulation_steps: int = 16\n    max_steps: int = field\(default=1000\)\n/, "").replace(", torch_dtype=torch.bfloat16", ""));
    assert.equal(plain.batch?.value, 8, "transformers' default per_device_train_batch_size");
    assert.equal(plain.batch?.source, "default");
    assert.equal(plain.epochs?.value, 3, "transformers' default num_train_epochs");
    assert.equal(plain.steps, undefined);
    assert.equal(plain.precision, undefined);
  });

  it("reads a bf16/fp16 field that defaults to True as the run's precision", async () => {
    const plan = await planOf(HF.replace("    max_steps: int = field(default=1000)\n", "    fp16: bool = field(default=True)\n").replace(", torch_dtype=torch.bfloat16", ""));
    assert.equal(plan.precision?.value, "fp16");
  });

  const HYDRA = `import hydra
from hydra.utils import instantiate


@hydra.main(version_base="1.3", config_path="../configs", config_name="train.yaml")
def main(cfg):
    train(cfg)


def train(cfg):
    datamodule = instantiate(cfg.data)
    model = instantiate(cfg.model)
    trainer = instantiate(cfg.trainer)
    trainer.fit(model=model, datamodule=datamodule)


if __name__ == "__main__":
    main()
`;
  const CONFIGS = {
    "/project/configs/train.yaml": "defaults:\n  - _self_\n  - data: mnist\n  - trainer: default\nseed: 12\n",
    "/project/configs/data/mnist.yaml": "_target_: src.data.MNISTDataModule\nbatch_size: 128\n",
    "/project/configs/trainer/default.yaml": "_target_: lightning.pytorch.trainer.Trainer\nmax_epochs: 10\nprecision: 16-mixed\n",
  };

  it("composes a @hydra.main config from the workspace's YAML and reads instantiate(cfg.trainer) as Lightning's Trainer", async () => {
    const plan = await analyze(HYDRA, { file: "/project/src/train.py", others: CONFIGS });
    const training = plan.training ?? {};
    assert.equal(training.epochs?.value, 10, training.epochs?.detail);
    assert.match(training.epochs!.detail, /max_epochs=10/);
    assert.equal(training.batch?.value, 128);
    assert.equal(training.precision?.value, "fp16");
    const changed = await analyze(HYDRA, { file: "/project/src/train.py", others: { ...CONFIGS, "/project/configs/trainer/default.yaml": "_target_: lightning.pytorch.trainer.Trainer\nmax_epochs: 4\n" } });
    assert.equal(changed.training?.epochs?.value, 4);
    assert.equal(changed.training?.precision, undefined);
  });

  it("reads config keys named as a run's figures, naming the file, and reads nothing when the config files are absent", async () => {
    const text = `import hydra
from accelerate import Accelerator


@hydra.main(config_path="configs", config_name="default")
def main(args):
    accelerator = Accelerator(mixed_precision=args.precision)
    run(args, accelerator)
`;
    const others = { "/project/configs/default.yaml": "precision: bf16\noptim:\n  batch_size: 64\n  total_steps: 2000\n  epochs: -1\n" };
    const plan = await planOf(text, others);
    assert.equal(plan.batch?.value, 64);
    assert.match(plan.batch!.detail, /optim\.batch_size: 64 in configs\/default\.yaml/);
    assert.equal(plan.steps?.value, 2000);
    assert.equal(plan.epochs, undefined, "epochs: -1 is not a count");
    assert.equal(plan.precision?.value, "bf16");
    const none = await planOf(text);
    assert.equal(none.batch, undefined);
    assert.equal(none.precision, undefined);
  });

  it("adds up Keras fits of one model in turn, each running epochs - initial_epoch", async () => {
    const text = `from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(4, input_shape=(8,))])
model.compile(optimizer="adam", loss="mse")
model.fit_generator(gen, steps_per_epoch=10, epochs=50, initial_epoch=0)
for layer in model.layers:
    layer.trainable = True
model.fit_generator(gen, steps_per_epoch=10, epochs=120, initial_epoch=50)
`;
    const plan = await planOf(text);
    assert.equal(plan.epochs?.value, 120);
    assert.match(plan.epochs!.detail, /2 fits of model/);
    const one = await planOf(text.replace(/model\.fit_generator\(gen, steps_per_epoch=10, epochs=50, initial_epoch=0\)\n/, ""));
    assert.equal(one.epochs?.value, 70, "one fit from epoch 50 to 120");
  });

  it("takes the batch of a loader that a function of another file builds, with its parameters bound", async () => {
    const text = `import torch
from data_utils import get_loader
params = {"bsize": 96, "nepochs": 4}
dataloader = get_loader(params)
model = torch.nn.Linear(10, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(params["nepochs"]):
    for x, y in dataloader:
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
`;
    const helper = `import torch

def get_loader(params):
    dataset = torch.utils.data.TensorDataset(torch.zeros(100, 10), torch.zeros(100))
    test_loader = torch.utils.data.DataLoader(dataset, batch_size=1000)
    loader = torch.utils.data.DataLoader(dataset, batch_size=params["bsize"], shuffle=True)
    return loader
`;
    const plan = await planOf(text, { "/project/data_utils.py": helper });
    assert.equal(plan.batch?.value, 96);
    assert.match(plan.batch!.detail, /data_utils\.py line 6/);
    assert.equal(plan.epochs?.value, 4);
    const other = await planOf(text.replace('"bsize": 96', '"bsize": 12'), { "/project/data_utils.py": helper });
    assert.equal(other.batch?.value, 12);
  });
});
