// A data-parallel run resolved from what the code and its launch files say, else the user's GPU count; its memory
// per GPU (ZeRO's sharding, Rajbhandari et al. 2020) and the communication of each step over the GPUs' link.
import { deviceMemory } from "../memory/device-memory";
import { formatBytes } from "../report/format";
import { defaultStage, type ParallelKind, type ParallelSetup, type ParallelSource, type ZeroStage } from "./parallel-setup";

/** A run on more than one GPU. */
export interface ParallelRun {
  /** GPUs in all: gpusPerNode × nodes. */
  gpus: number;
  gpusPerNode: number;
  nodes: number;
  kind: ParallelKind;
  zeroStage: ZeroStage;
  sources: { gpus: ParallelSource; kind: ParallelSource; zeroStage: ParallelSource };
}

/** The run, or why there is none. */
export interface ParallelResolution {
  run?: ParallelRun;
  notes: string[];
}

const KIND_NAMES: Record<ParallelKind, string> = { ddp: "DDP", dp: "DataParallel", fsdp: "FSDP", deepspeed: "DeepSpeed" };

/** "DDP", "FSDP (ZeRO-3)", "DeepSpeed ZeRO-2": the strategy in a few words. */
export function strategyName(run: Pick<ParallelRun, "kind" | "zeroStage">): string {
  if (run.kind === "deepspeed") return `DeepSpeed ZeRO-${run.zeroStage}`;
  if (run.kind === "fsdp") return run.zeroStage === 3 ? "FSDP (full shard)" : run.zeroStage === 2 ? "FSDP (shard grad op)" : "FSDP (no shard)";
  return KIND_NAMES[run.kind];
}

/**
 * The code and launch files first (issue 18: "takes a GPU count and data parallelism from the code ... or a
 * setting"), then `gpus` from the settings. One GPU in all is no parallel run.
 */
export function resolveParallelRun(setup: ParallelSetup | undefined, gpus?: number): ParallelResolution {
  const notes: string[] = [];
  const settings: ParallelSource | undefined = gpus === undefined ? undefined : { from: "settings", detail: `--gpus ${gpus}` };
  const perNode = setup?.gpusPerNode ?? (gpus !== undefined && settings ? { value: gpus, ...settings } : undefined);
  const says = setup?.kind ?? setup?.distributed;
  if (!perNode) {
    // DataParallel is one process over the devices it is given, all visible ones by default (torch.nn.DataParallel's
    // device_ids=None): a count the code works out from what it cannot know (a GPU picker) is the target's one GPU.
    if (setup?.kind?.value === "dp" && !setup.distributed) notes.push(`the code runs DataParallel (${setup.kind.detail}) on GPUs it does not count: read as the one GPU the run targets (--gpus N for more)`);
    else if (says) notes.push(`the code runs data-parallel (${says.detail}) but no launch file states how many GPUs: pass --gpus N`);
    return { notes };
  }
  const nodes = setup?.nodes?.value ?? 1;
  const total = perNode.value * nodes;
  if (total <= 1) return { notes };
  const kind = setup?.kind ?? { value: "ddp" as const, from: (setup?.distributed ?? perNode).from, file: (setup?.distributed ?? perNode).file, line: (setup?.distributed ?? perNode).line, detail: setup?.distributed ? `${setup.distributed.detail}: a process per GPU, as DDP` : `${perNode.detail}: data-parallel (DDP) assumed` };
  const stage = setup?.zeroStage ?? { value: defaultStage(kind.value), from: kind.from, file: kind.file, line: kind.line, detail: kind.value === "fsdp" ? "FSDP's default FULL_SHARD" : kind.value === "deepspeed" ? "DeepSpeed without a zero_optimization stage (0)" : "replicated weights, gradients and optimizer state" };
  if (setup?.gpusPerNode && gpus !== undefined && gpus !== total) notes.push(`--gpus ${gpus} ignored: ${perNode.detail}${nodes > 1 ? ` × ${nodes} nodes` : ""} says ${total}`);
  if (nodes > 1) notes.push(`${nodes} nodes: communication between nodes goes over the network, which no profile gives; the GPU link's bandwidth makes the communication time a lower bound`);
  const gpusSource: ParallelSource = { ...perNode, detail: nodes > 1 ? `${perNode.detail} × ${setup!.nodes!.detail}` : perNode.detail };
  return {
    run: { gpus: total, gpusPerNode: perNode.value, nodes, kind: kind.value, zeroStage: stage.value, sources: { gpus: gpusSource, kind, zeroStage: stage } },
    notes,
  };
}

/** The batch each process loads when the code divides the job's batch by the process count (`args.batch_size //
 *  world_size`, read at one process): ⌊batch / N⌋ on N GPUs, except under DataParallel, whose one process splits it. */
export function dividedBatch(run: ParallelRun, batch: number): number {
  return run.kind === "dp" || run.gpus <= 1 ? batch : Math.max(1, Math.floor(batch / run.gpus));
}

/** The batch each GPU runs: DataParallel splits the batch the code gives; every other kind runs it per process. */
export function perGpuBatch(run: ParallelRun, batch: number): number {
  return run.kind === "dp" ? Math.ceil(batch / run.gpus) : batch;
}

/** The memory option of a run's sharding (memory-estimate.ts divides the parts; Rajbhandari et al. 2020, §5). */
export function shardOption(run: ParallelRun): { gpus: number; zeroStage: ZeroStage; strategy: string; dataParallel: boolean } {
  return { gpus: run.gpus, zeroStage: run.zeroStage, strategy: strategyName(run), dataParallel: run.kind === "dp" };
}

/** The communication one training step adds on each GPU. */
export interface StepCommunication {
  /** Bytes each GPU sends (and receives) per optimizer step. */
  bytes: number;
  seconds: number;
  link: string;
  linkBytesPerSecond: number;
  /** The formula in words, with its source. */
  formula: string;
  /** Overlap with compute, stated as the estimate's assumption. */
  assumption: string;
}

/** Communication assumption: stated once, shown with every figure that uses it. */
export const OVERLAP_ASSUMPTION = "not overlapped with compute (DDP and ZeRO overlap bucketed communication with backward, so a real step lies between the compute time and compute + communication)";

/**
 * Bytes each GPU moves per step and their time at the link's one-direction bandwidth (NCCL's bus bandwidth can only
 * be lower, so the time is a lower bound for that part):
 * - replicated (DDP, ZeRO-1/2, FSDP shard-grad-op): ring all-reduce, or reduce-scatter + all-gather, of the gradients,
 *   2(N−1)/N × gradient bytes (Patarasuk and Yuan 2009; NCCL's tests, doc/PERFORMANCE.md "bus bandwidth";
 *   Rajbhandari et al. 2020 §7.2.1);
 * - ZeRO-3 / FSDP full shard: all-gather of the weights in forward and in backward and reduce-scatter of the
 *   gradients, 3(N−1)/N × weight bytes (ibid. §7.2.2: 1.5× data parallelism);
 * - DataParallel: the weights broadcast to the replicas and the gradients reduced onto the first GPU every step,
 *   about 2 × weight bytes through the busiest link (torch/nn/parallel/data_parallel.py, replicate and
 *   reduce_add_coalesced).
 * Undefined when the hardware has no device-to-device link in the data.
 */
export function stepCommunication(run: ParallelRun, hardware: string, bytes: { gradients: number; weights: number }): StepCommunication | undefined {
  const device = deviceMemory(hardware);
  if (!device?.linkBytesPerSecond) return undefined;
  const n = run.gpus;
  let moved: number;
  let formula: string;
  if (run.kind === "dp") {
    moved = 2 * bytes.weights;
    formula = `DataParallel: weights broadcast and gradients reduced through the first GPU, 2 × ${formatBytes(bytes.weights)} per step`;
  } else if (run.zeroStage === 3) {
    moved = (3 * (n - 1) / n) * bytes.weights;
    formula = `${strategyName(run)}: all-gather of the weights in forward and backward and reduce-scatter of the gradients, 3(N−1)/N × ${formatBytes(bytes.weights)} (Rajbhandari et al. 2020, §7.2.2)`;
  } else {
    moved = (2 * (n - 1) / n) * bytes.gradients;
    formula = `${strategyName(run)}: ring all-reduce of the gradients, 2(N−1)/N × ${formatBytes(bytes.gradients)} (Patarasuk and Yuan 2009; NCCL bus bandwidth)`;
  }
  return { bytes: moved, seconds: moved / device.linkBytesPerSecond, link: device.link, linkBytesPerSecond: device.linkBytesPerSecond, formula, assumption: OVERLAP_ASSUMPTION };
}
