import { strict as assert } from "node:assert";
import { join } from "node:path";
import { runAnalyze } from "../../../src/cli/commands/analyze";

const fixtures = join(__dirname, "../../fixtures/parallel");

async function analyzeJson(args: string[]): Promise<{ estimate: Record<string, unknown>; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runAnalyze([...args, "--mode", "train", "--format", "json", "--no-findings"], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  assert.equal(code, 0, stderr);
  return { estimate: JSON.parse(stdout).models[0].estimate as Record<string, unknown>, stderr };
}

interface Parallel {
  gpus: number;
  nodes: number;
  strategy: string;
  zero_stage: number;
  per_gpu_batch: number;
  sources: Record<string, { from: string; file: string | null; line: number | null; detail: string }>;
  communication: { bytes_per_step: number; seconds_per_step: number; seconds: number; link_bytes_per_second: number; formula: string; assumption: string } | null;
}
interface Run { steps: number; seconds: number; joules: number; gpus: number; gpu_hours: number; seconds_per_step: number; joules_per_step: number; parallel: Parallel | null; notes: string[] }
interface Memory { parts: { name: string; bytes: number; detail: string }[]; peak_bytes: number; per_gpu: { gpus: number; zero_stage: number } | null }

const run = (e: Record<string, unknown>) => e.training_run as Run;
const memory = (e: Record<string, unknown>) => e.memory as Memory;
const part = (m: Memory, name: string) => m.parts.find((p) => p.name === name)!.bytes;
const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-3 * Math.max(Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);

describe("runs on several GPUs (issue 18)", () => {
  it("DDP started by torchrun in run.sh: 4 GPUs from the launch line, the samples split over them, gradients all-reduced", async () => {
    const { estimate } = await analyzeJson([join(fixtures, "ddp/train_ddp.py"), "--hardware", "h100-sxm"]);
    const r = run(estimate);
    const p = r.parallel!;
    assert.deepEqual([p.gpus, p.strategy, p.zero_stage, p.per_gpu_batch, r.gpus], [4, "ddp", 0, 128, 4]);
    assert.equal(p.sources.gpus.from, "launch");
    assert.match(p.sources.gpus.file!, /run\.sh$/);
    assert.equal(p.sources.gpus.line, 4);
    assert.equal(p.sources.strategy.from, "code");
    // DistributedSampler: each of 4 replicas reads ⌈50,000 / 4⌉ = 12,500 CIFAR-10 images, 98 batches of 128 per epoch.
    assert.equal(r.steps, 10 * Math.ceil(12_500 / 128));
    // ConvNet has 157,578 parameters: fp32 gradients, 2(N−1)/N of them per step over NVLink 4's 450 GB/s.
    const gradients = 157_578 * 4;
    assert.equal(p.communication!.bytes_per_step, Math.round(2 * (3 / 4) * gradients));
    near(p.communication!.seconds_per_step, (1.5 * gradients) / 450e9, "communication seconds");
    near(r.seconds, r.steps * (r.seconds_per_step + p.communication!.seconds_per_step), "wall time");
    near(r.gpu_hours, (4 * r.seconds) / 3600, "GPU-hours");
    // Energy: 4 GPUs, each at the step's power for compute plus communication.
    assert.ok(r.joules > 4 * r.steps * r.joules_per_step * (1 - 1e-3), `${r.joules} vs 4 × ${r.steps} × ${r.joules_per_step}`);
    const m = memory(estimate);
    assert.equal(m.per_gpu?.gpus, 4);
    // DDP replicates everything: nothing is divided.
    assert.equal(part(m, "weights"), gradients);
    assert.equal(part(m, "gradients"), gradients);
  });

  it("Lightning Trainer(devices=4) with no strategy: DDP on 4 GPUs, read from the code", async () => {
    const { estimate } = await analyzeJson([join(fixtures, "lightning/train_lightning.py"), "--hardware", "a100-sxm"]);
    const p = run(estimate).parallel!;
    assert.deepEqual([p.gpus, p.strategy, p.sources.gpus.from, p.sources.gpus.line], [4, "ddp", "code", 36]);
    assert.equal(run(estimate).steps, 5 * Math.ceil(15_000 / 64));
    assert.match(p.communication!.formula, /2\(N−1\)\/N/);
  });

  it("FSDP full shard on 8 GPUs: weights, gradients and optimizer state each ÷ 8; 3(N−1)/N of the weights moved per step", async () => {
    const { estimate } = await analyzeJson([join(fixtures, "fsdp/train_fsdp.py"), "--hardware", "h100-sxm"]);
    const p = run(estimate).parallel!;
    assert.deepEqual([p.gpus, p.strategy, p.zero_stage], [8, "fsdp", 3]);
    const params = 256 * 4096 + 4096 + 4096 * 256 + 256;
    const m = memory(estimate);
    assert.equal(part(m, "weights"), Math.ceil((params * 4) / 8));
    assert.equal(part(m, "gradients"), Math.ceil((params * 4) / 8));
    // AdamW: two fp32 moments per parameter and a 4-byte step per tensor (4 tensors), sharded.
    assert.equal(part(m, "optimizer"), Math.ceil((2 * params * 4 + 4 * 4) / 8));
    assert.equal(p.communication!.bytes_per_step, Math.round(3 * (7 / 8) * params * 4));
    assert.equal(run(estimate).steps, 1000);
  });

  it("DataParallel(device_ids=[0, 1]): the batch of 256 split into 128 per GPU, steps counted on the whole batch", async () => {
    const { estimate } = await analyzeJson([join(fixtures, "dp/train_dp.py"), "--hardware", "h100-sxm"]);
    const r = run(estimate);
    assert.deepEqual([r.parallel!.gpus, r.parallel!.strategy, r.parallel!.per_gpu_batch], [2, "dp", 128]);
    assert.equal(r.steps, 2 * Math.ceil(10_000 / 256));
    const params = 512 * 2048 + 2048 + 2048 * 10 + 10;
    assert.equal(r.parallel!.communication!.bytes_per_step, 2 * params * 4);
  });

  it("--gpus N where the code says nothing: DDP assumed and said so; without it, one GPU", async () => {
    const file = join(fixtures, "plain/train_plain.py");
    const one = run((await analyzeJson([file, "--hardware", "l4"])).estimate);
    assert.equal(one.parallel, null);
    assert.equal(one.gpus, 1);
    const { estimate } = await analyzeJson([file, "--hardware", "l4", "--gpus", "2"]);
    const two = run(estimate);
    assert.deepEqual([two.parallel!.gpus, two.parallel!.strategy, two.parallel!.sources.gpus.from], [2, "ddp", "settings"]);
    assert.match(two.parallel!.sources.strategy.detail, /DDP\) assumed/);
    // Half the steps, each on a GPU; about the same energy in all, plus communication over PCIe.
    assert.equal(two.steps, one.steps / 2);
    near(two.parallel!.communication!.seconds_per_step, (2 * 0.5 * (128 * 128 + 128) * 4) / 32e9, "PCIe Gen4 communication");
    assert.ok(two.joules >= one.joules * (1 - 1e-3), `${two.joules} vs ${one.joules}`);
  });

  it("the code's own GPU count wins over --gpus, with a note", async () => {
    const { estimate } = await analyzeJson([join(fixtures, "lightning/train_lightning.py"), "--hardware", "h100-sxm", "--gpus", "2"]);
    assert.equal(run(estimate).parallel!.gpus, 4);
    assert.match(run(estimate).notes.join(" "), /--gpus 2 ignored/);
  });

  it("the table line says N × GPU, the strategy and where the count came from", async () => {
    let stdout = "";
    await runAnalyze([join(fixtures, "ddp/train_ddp.py"), "--hardware", "h100-sxm", "--mode", "train", "--no-findings"], { stdout: (t) => (stdout += t), stderr: () => undefined });
    assert.match(stdout, /on 4 × h100-sxm \(DDP, --nproc_per_node 4, run\.sh line 4; batch 128 per GPU; gradients' communication .* over NVLink 4/);
    assert.match(stdout, /GPU-hours on 4 GPUs/);
    assert.match(stdout, /memory \(train, batch 128, per GPU of 4 \(DDP\)\)/);
  });
});
