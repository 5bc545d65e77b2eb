import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const parallelOf = async (text: string): Promise<TrainingPlan["parallel"]> => (await analyze(text)).training?.parallel;

const MODEL = `import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)
    def forward(self, x):
        return self.fc(x)
`;

describe("data parallelism read from the code", () => {
  it("finds nothing in a plain training script", async () => {
    assert.equal(await parallelOf(`${MODEL}model = Net()\nloss = model(torch.randn(2, 8)).sum()\nloss.backward()\n`), undefined);
  });

  it("DDP by its alias, init_process_group(world_size=...) through an argparse default", async () => {
    const p = await parallelOf(`${MODEL}import argparse
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as Wrapped
def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--world-size", type=int, default=6)
    args = parser.parse_args()
    dist.init_process_group("nccl", world_size=args.world_size)
    model = Wrapped(Net())
`);
    assert.deepEqual([p?.kind?.value, p?.gpusPerNode?.value, p?.kind?.line], ["ddp", 6, 17]);
    assert.match(p!.gpusPerNode!.detail, /world_size=args\.world_size/);
  });

  it("Lightning strategies: deepspeed_stage_3, fsdp, DeepSpeedStrategy(stage=1), devices as a list, num_nodes", async () => {
    const base = `${MODEL}import lightning.pytorch as pl\n`;
    const a = await parallelOf(`${base}t = pl.Trainer(devices=[0, 1, 2], strategy="deepspeed_stage_3_offload", num_nodes=2)\n`);
    assert.deepEqual([a?.kind?.value, a?.zeroStage?.value, a?.gpusPerNode?.value, a?.nodes?.value], ["deepspeed", 3, 3, 2]);
    const b = await parallelOf(`${base}t = pl.Trainer(devices=8, strategy="fsdp")\n`);
    assert.deepEqual([b?.kind?.value, b?.zeroStage?.value], ["fsdp", 3]);
    const c = await parallelOf(`${base}from lightning.pytorch.strategies import DeepSpeedStrategy\nt = pl.Trainer(devices=2, strategy=DeepSpeedStrategy(stage=1))\n`);
    assert.deepEqual([c?.kind?.value, c?.zeroStage?.value, c?.gpusPerNode?.value], ["deepspeed", 1, 2]);
    // On the CPU, devices are processes, not GPUs.
    assert.equal(await parallelOf(`${base}t = pl.Trainer(accelerator="cpu", devices=4)\n`), undefined);
    // "auto" says no count.
    assert.equal((await parallelOf(`${base}t = pl.Trainer(devices="auto", strategy="ddp")\n`))?.gpusPerNode, undefined);
  });

  it("FSDP's sharding strategy, deepspeed.initialize with a config dict, and TrainingArguments(deepspeed=...)", async () => {
    const f = await parallelOf(`${MODEL}from torch.distributed.fsdp import FullyShardedDataParallel as FSDP, ShardingStrategy\nm = FSDP(Net(), sharding_strategy=ShardingStrategy.SHARD_GRAD_OP)\n`);
    assert.deepEqual([f?.kind?.value, f?.zeroStage?.value], ["fsdp", 2]);
    const d = await parallelOf(`${MODEL}import deepspeed\nds_config = {"train_batch_size": 16, "zero_optimization": {"stage": 2}}\nengine, opt, _, _ = deepspeed.initialize(model=Net(), config=ds_config)\n`);
    assert.deepEqual([d?.kind?.value, d?.zeroStage?.value], ["deepspeed", 2]);
    const t = await parallelOf(`${MODEL}from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="out", deepspeed="ds_zero3.json")\n`);
    assert.equal(t?.kind?.value, "deepspeed");
    assert.deepEqual(t?.configFiles?.map((c) => c.path), ["ds_zero3.json"]);
  });

  it("a script that reads WORLD_SIZE or builds an Accelerator runs distributed, with no count of its own", async () => {
    const w = await parallelOf(`${MODEL}import os\nworld = int(os.environ.get("WORLD_SIZE", 1))\n`);
    assert.deepEqual([w?.distributed?.line, w?.gpusPerNode], [10, undefined]);
    const a = await parallelOf(`${MODEL}from accelerate import Accelerator\naccelerator = Accelerator()\n`);
    assert.ok(a?.distributed);
  });
});
