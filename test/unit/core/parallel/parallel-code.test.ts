import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { parallelTraining } from "../../../../src/core/parallel/parallel-training";
import { resolveTrainingRun } from "../../../../src/core/training/resolve-run";
import { dividedBatch } from "../../../../src/core/parallel/parallel-run";

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

  it("a process group the plain run does not start (`if args.distributed:` off by default) is no distributed run", async () => {
    const script = (flag: string) => `${MODEL}import argparse
import torch.distributed as dist
def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--distributed", type=bool, default=${flag})
    args = parser.parse_args()
    if args.distributed:
        dist.init_process_group("nccl")
    model = Net()
`;
    assert.equal((await parallelOf(script("False")))?.distributed, undefined);
    assert.equal((await parallelOf(script("True")))?.distributed?.line, 16);
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

  it("DataParallel over a device count the code cannot know (a GPU picker) is the target's one GPU; DDP without a count asks", async () => {
    const text = `${MODEL}import argparse
import picker
parser = argparse.ArgumentParser()
parser.add_argument("--gpu", default=None)
args = parser.parse_args()
args.gpu = picker.select(args.gpu)
model = torch.nn.DataParallel(Net(), device_ids=range(len(args.gpu)))
`;
    const result = await analyze(text);
    const dp = parallelTraining(result.models[0], result.training?.parallel, { hardware: "h100-sxm" });
    assert.equal(dp.training, undefined);
    assert.deepEqual(dp.notes.map((n) => /one GPU the run targets/.test(n)), [true]);
    const ddp = await analyze(`${MODEL}import os\nworld = int(os.environ["WORLD_SIZE"])\nmodel = Net()\n`);
    assert.match(parallelTraining(ddp.models[0], ddp.training?.parallel, { hardware: "h100-sxm" }).notes.join(" "), /pass --gpus N/);
  });

  it("a script that reads WORLD_SIZE or builds an Accelerator runs distributed, with no count of its own", async () => {
    const w = await parallelOf(`${MODEL}import os\nworld = int(os.environ["WORLD_SIZE"])\n`);
    assert.deepEqual([w?.distributed?.line, w?.gpusPerNode], [10, undefined]);
    const a = await parallelOf(`${MODEL}from accelerate import Accelerator\naccelerator = Accelerator()\n`);
    assert.ok(a?.distributed);
  });

  it("a script that reads WORLD_SIZE only where a launcher set it runs as one plain process", async () => {
    // Each reads the variable with a fallback for a run without torchrun: the plain run is one process.
    for (const read of [
      `world = int(os.environ.get("WORLD_SIZE", 1))`,
      `local_rank = int(os.getenv('LOCAL_RANK', -1))`,
      `world = int(os.environ["WORLD_SIZE"]) if "WORLD_SIZE" in os.environ else 1`,
      `if "LOCAL_RANK" not in os.environ:\n    rank = 0\nelse:\n    rank = int(os.environ["LOCAL_RANK"])`,
    ]) {
      const p = await parallelOf(`${MODEL}import os\n${read}\n`);
      assert.equal(p?.distributed, undefined, read);
    }
    // One unguarded read of another launcher variable still says the script expects a launcher.
    const mixed = await parallelOf(`${MODEL}import os\nworld = int(os.environ.get("WORLD_SIZE", 1))\nrank = int(os.environ["LOCAL_RANK"])\n`);
    assert.match(mixed?.distributed?.detail ?? "", /reads LOCAL_RANK from the environment/);
  });

  it("nanoGPT's `gradient_accumulation_steps //= world_size`: each GPU runs its share; gradients are exchanged once per optimizer step", async () => {
    const text = `${MODEL}import os
from torch.nn.parallel import DistributedDataParallel as DDP
gradient_accumulation_steps = 40
batch_size = 12
max_iters = 100
ddp = int(os.environ.get("RANK", -1)) != -1
if ddp:
    ddp_world_size = int(os.environ["WORLD_SIZE"])
    gradient_accumulation_steps //= ddp_world_size
model = Net()
optimizer = torch.optim.AdamW(model.parameters())
for iter_num in range(max_iters):
    for micro_step in range(gradient_accumulation_steps):
        loss = model(torch.randn(batch_size, 8)).sum()
        loss.backward()
    optimizer.step()
`;
    const result = await analyze(text);
    const plan = result.training!;
    assert.match(plan.parallel?.accumulationSplit?.detail ?? "", /gradient_accumulation_steps \/\/= ddp_world_size/);
    const model = result.models[0];
    const stepAt = (batch?: number) => estimateModel(model, { hardware: "h100-sxm", dtype: "fp32", mode: "train", batch });
    const parallel = parallelTraining(model, plan.parallel, { gpus: 8, hardware: "h100-sxm" }).training!;
    const one = resolveTrainingRun(plan, {}, stepAt).run!;
    const eight = resolveTrainingRun(plan, {}, stepAt, parallel);
    // 100 optimizer steps either way: 40 micro-batches each on one GPU, 5 on each of eight.
    assert.deepEqual([one.steps, one.microBatches], [100, 100 * 40]);
    assert.deepEqual([eight.run!.steps, eight.run!.microBatches], [100, 100 * 5]);
    assert.equal(eight.accumulation?.value, 5);
    // 100 optimizer steps exchange gradients 100 times, not 500.
    assert.ok(Math.abs(eight.run!.communicationSeconds - 100 * parallel.communication!.seconds) < 1e-12);
    assert.ok(Math.abs(eight.run!.seconds - (500 * eight.step.seconds_per_iter + 100 * parallel.communication!.seconds)) < 1e-9);
  });
});

describe("a batch the code divides by the process count (parallel code)", () => {
  const text = (division: string) => `${MODEL}import os
import argparse
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler
parser = argparse.ArgumentParser()
parser.add_argument("--batch-size", type=int, default=256, help="all GPUs together")
parser.add_argument("--world-size", type=int, default=1)
args = parser.parse_args()
data = TensorDataset(torch.randn(51200, 8))
${division}
loader = DataLoader(data, batch_size=per_process, shuffle=True)
model = torch.nn.parallel.DistributedDataParallel(Net())
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for (x,) in loader:
        optimizer.zero_grad()
        model(x).sum().backward()
        optimizer.step()
`;
  const runs = async (division: string) => {
    const result = await analyze(text(division));
    const plan = result.training!;
    const model = result.models[0];
    const stepAt = (batch?: number) => estimateModel(model, { hardware: "h100-sxm", dtype: "fp32", mode: "train", batch });
    const parallel = parallelTraining(model, plan.parallel, { gpus: 4, hardware: "h100-sxm" }).training!;
    return { plan, one: resolveTrainingRun(plan, {}, stepAt), four: resolveTrainingRun(plan, {}, stepAt, parallel) };
  };

  it("`args.batch_size // args.world_size`: the job's 256 on one GPU, 64 per process on four, the same 200 steps an epoch", async () => {
    const { plan, one, four } = await runs("per_process = args.batch_size // args.world_size");
    assert.match(plan.parallel?.batchSplit?.detail ?? "", /args\.batch_size \/\/ args\.world_size/);
    assert.deepEqual([one.batch.value, one.run?.steps], [256, 3 * 200]);
    assert.deepEqual([four.batch.value, four.run?.steps], [64, 3 * 200]);
  });

  it("dividedBatch: DataParallel's one process keeps the batch it splits itself; DDP's processes take floor(batch / N)", () => {
    const run = (kind: "dp" | "ddp", gpus: number) => ({ gpus, gpusPerNode: gpus, nodes: 1, kind, zeroStage: 0 as const, sources: {} as never });
    assert.deepEqual([dividedBatch(run("ddp", 4), 256), dividedBatch(run("ddp", 3), 256), dividedBatch(run("dp", 4), 256), dividedBatch(run("ddp", 8), 4)], [64, 85, 256, 1]);
  });

  it("a per-process batch the code does not divide: each of four processes loads 256, a quarter of the steps", async () => {
    const { plan, four } = await runs("per_process = args.batch_size");
    assert.equal(plan.parallel?.batchSplit, undefined);
    assert.deepEqual([four.batch.value, four.run?.steps], [256, 3 * 50]);
  });
});
