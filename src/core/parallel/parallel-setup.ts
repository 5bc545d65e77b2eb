// What a data-parallel training run is, as read from the code and its launch files: how the model is replicated or
// sharded (DDP, DataParallel, FSDP, DeepSpeed ZeRO), how many GPUs run it, and where each figure was found.

/** How the devices share the work. ddp: a process per GPU, each with its own data (DDP, Lightning, Accelerate,
 *  torchrun); dp: torch.nn.DataParallel, one process that splits each batch over the GPUs; fsdp and deepspeed shard. */
export type ParallelKind = "ddp" | "dp" | "fsdp" | "deepspeed";

/** ZeRO stages (Rajbhandari et al. 2020, §5): 0 replicates everything, 1 shards optimizer state, 2 also gradients,
 *  3 also the weights. */
export type ZeroStage = 0 | 1 | 2 | 3;

/** Where a figure of the parallel setup was read. */
export interface ParallelSource {
  /** code: the analyzed file; launch: a shell script or launch config that starts it; config: a DeepSpeed/Accelerate
   *  config file; settings: the user's --gpus or greenlight.gpus. */
  from: "code" | "launch" | "config" | "settings";
  /** The file, when not the analyzed one. */
  file?: string;
  line?: number;
  detail: string;
}

/** A number of the setup and where it came from. */
export interface ParallelFigure extends ParallelSource {
  value: number;
}

/** What the code (or a file that launches it) says about data parallelism; each part only where it is said. */
export interface ParallelSetup {
  kind?: ParallelSource & { value: ParallelKind };
  zeroStage?: ParallelSource & { value: ZeroStage };
  /** Processes (GPUs) per node. */
  gpusPerNode?: ParallelFigure;
  nodes?: ParallelFigure;
  /** The code runs under torch.distributed without saying how many processes (WORLD_SIZE, init_process_group). */
  distributed?: ParallelSource;
  /** The code divides its gradient accumulation by the world size (`gradient_accumulation_steps //= world_size`):
   *  each GPU then runs accumulation ÷ N micro-batches per optimizer step. */
  accumulationSplit?: ParallelSource;
  /** The code divides its batch by the process count (`per_device_batch_size = args.batch_size // args.world_size`):
   *  the batch read at one process is the job's, and each of N GPUs loads batch ÷ N. */
  batchSplit?: ParallelSource;
  /** Config files the code or a launch line names (DeepSpeed JSON, Accelerate YAML), relative to `base`. */
  configFiles?: { path: string; base: "file" | "root"; source: ParallelSource }[];
}

/** The stage a kind implies when no config says: DDP and DataParallel replicate, FSDP shards everything (FULL_SHARD,
 *  its default), DeepSpeed's default config is stage 0. */
export function defaultStage(kind: ParallelKind): ZeroStage {
  return kind === "fsdp" ? 3 : 0;
}

/** Fills the parts of `into` that it lacks from `from` (earlier sources win). */
export function mergeSetup(into: ParallelSetup, from: ParallelSetup): ParallelSetup {
  return {
    kind: into.kind ?? from.kind,
    zeroStage: into.zeroStage ?? from.zeroStage,
    gpusPerNode: into.gpusPerNode ?? from.gpusPerNode,
    nodes: into.nodes ?? from.nodes,
    distributed: into.distributed ?? from.distributed,
    accumulationSplit: into.accumulationSplit ?? from.accumulationSplit,
    batchSplit: into.batchSplit ?? from.batchSplit,
    configFiles: [...(into.configFiles ?? []), ...(from.configFiles ?? []).filter((c) => !(into.configFiles ?? []).some((d) => d.path === c.path))],
  };
}

/** True when the setup says anything. */
export function hasSetup(setup: ParallelSetup | undefined): boolean {
  return !!setup && !!(setup.kind || setup.zeroStage || setup.gpusPerNode || setup.nodes || setup.distributed);
}
