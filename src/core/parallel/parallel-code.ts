// Data parallelism as the analyzed file writes it: DistributedDataParallel / DataParallel / FSDP wrapping,
// torch.distributed.init_process_group and WORLD_SIZE, Lightning's Trainer(devices=, strategy=, num_nodes=),
// Accelerate's Accelerator and its plugins, deepspeed.initialize, and transformers' TrainingArguments(deepspeed=,
// fsdp=). Argument values are worked out at their call site (constants, argparse defaults), never by running code.
import { dictEntry, lengthOf, positiveInteger } from "../interp/value-figures";
import { snippet } from "../python/code-snippet";
import type { Interpreter } from "../interp/interpreter";
import type { ModuleNamespaceValue, Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { findCodeSites, type CodeSite } from "../training/code-sites";
import { ACCUMULATION_CONSTANT, runsByDefault } from "../training/training-plan";
import { dottedName, forEachExpression, forEachStatement, keywordArgument, ownExpressions, positionalArgument, type CallExpression as Call } from "../python/syntax-walk";
import { evaluateAtSite } from "../training/evaluate-site";
import { deepSpeedRun } from "../training/deepspeed-config";
import type { ParallelKind, ParallelSetup, ParallelSource, ZeroStage } from "./parallel-setup";

/** Words without which a file says nothing about data parallelism. */
/** A count of the job's processes, as scripts name it (`world_size`, `args.ngpus_per_node`, `num_replicas`,
 *  `torch.cuda.device_count()`). */
const PROCESS_COUNT = /world_?size|num_replicas|num_processes|n_?procs|n_?gpus|num_gpus|gpus_per_node|device_count\(\)/i;

export const PARALLEL_WORDS = /DistributedDataParallel|DataParallel|\bDDP\b|FSDP|fully_shard|init_process_group|WORLD_SIZE|Trainer|Accelerator|deepspeed|DeepSpeed/;

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** PyTorch FSDP's ShardingStrategy (torch/distributed/fsdp/api.py) as ZeRO stages; HYBRID_SHARD shards within a node. */
const FSDP_STRATEGIES: Record<string, ZeroStage> = { FULL_SHARD: 3, HYBRID_SHARD: 3, SHARD_GRAD_OP: 2, _HYBRID_SHARD_ZERO2: 2, NO_SHARD: 0 };

/** Reads the parallel setup a file's code states. */
export function readParallelCode(input: { interpreter: Interpreter; namespace: ModuleNamespaceValue; body: Statement[]; text: string; file: string; now?: () => number }): ParallelSetup {
  const setup: ParallelSetup = {};
  if (!PARALLEL_WORDS.test(input.text)) return setup;
  const now = input.now ?? (() => Date.now());
  // Names bound by `from torch.nn.parallel import DistributedDataParallel as DDP` stand for their class.
  const aliases = importAliases(input.body);
  const sites = findCodeSites(input.body, input.text, PARALLEL_WORDS);
  const evaluate = (site: CallSite, e: Expression | undefined): Value | undefined =>
    e ? evaluateAtSite(input.interpreter, input.namespace.scope, input.file, site.context, [e], now)[0] : undefined;
  const code = (e: Expression) => snippet(input.text, e);
  const source = (line: number, detail: string): ParallelSource => ({ from: "code", line, detail });
  const setKind = (kind: ParallelKind, line: number, detail: string) => {
    if (!setup.kind) setup.kind = { value: kind, ...source(line, detail) };
  };
  const setStage = (stage: ZeroStage, line: number, detail: string) => {
    if (!setup.zeroStage) setup.zeroStage = { value: stage, ...source(line, detail) };
  };
  const setGpus = (value: number | undefined, line: number, detail: string) => {
    if (value !== undefined && !setup.gpusPerNode) setup.gpusPerNode = { value, ...source(line, detail) };
  };
  const configFile = (path: string, line: number, detail: string) => {
    (setup.configFiles ??= []).push({ path, base: "file", source: source(line, detail) });
  };

  for (const site of sites) {
    if (site.kind !== "call") continue;
    const call = site.call;
    const line = call.pos.line;
    const written = site.callee.split(".").pop() ?? "";
    const name = aliases.get(written) ?? written;
    const keyword = (k: string) => keywordArgument(call, k);
    const shown = `${site.callee}(...)`;
    switch (name) {
      case "DistributedDataParallel":
        setKind("ddp", line, shown);
        break;
      case "DataParallel": {
        setKind("dp", line, shown);
        const ids = keyword("device_ids") ?? positionalArgument(call, 1);
        if (ids) setGpus(lengthOf(evaluate(site, ids)), line, `${site.callee}(device_ids=${code(ids)})`);
        break;
      }
      case "FullyShardedDataParallel":
      case "fully_shard": {
        setKind("fsdp", line, shown);
        const strategy = keyword("sharding_strategy");
        const stage = strategy ? FSDP_STRATEGIES[(dottedName(strategy) ?? "").split(".").pop() ?? ""] : 3;
        if (stage !== undefined) setStage(stage, line, strategy ? `${site.callee}(sharding_strategy=${code(strategy)})` : `${site.callee}: FULL_SHARD by default`);
        break;
      }
      case "init_process_group": {
        // `if config.train.distributed:` (False by default): the plain run is one process.
        if (!runsByDefault(site, (e) => evaluate(site, e))) break;
        setup.distributed ??= source(line, shown);
        const world = keyword("world_size");
        if (world) setGpus(positiveInteger(evaluate(site, world)), line, `${site.callee}(world_size=${code(world)})`);
        break;
      }
      case "Trainer":
        readLightningTrainer(site, { keyword, evaluate: (e) => evaluate(site, e), code, setKind, setStage, setGpus, setNodes: (value, detail) => {
          if (value !== undefined && !setup.nodes) setup.nodes = { value, ...source(line, detail) };
        } });
        break;
      case "DDPStrategy":
        setKind("ddp", line, shown);
        break;
      case "FSDPStrategy":
      case "FullyShardedDataParallelPlugin": {
        setKind("fsdp", line, shown);
        const strategy = keyword("sharding_strategy");
        const value = strategy ? evaluate(site, strategy) : undefined;
        const stage = !strategy ? 3 : FSDP_STRATEGIES[value?.kind === "str" ? value.value.toUpperCase() : (dottedName(strategy) ?? "").split(".").pop() ?? ""];
        if (stage !== undefined) setStage(stage, line, strategy ? `${site.callee}(sharding_strategy=${code(strategy)})` : `${site.callee}: FULL_SHARD by default`);
        break;
      }
      case "DeepSpeedStrategy":
      case "DeepSpeedPlugin": {
        setKind("deepspeed", line, shown);
        const stageArgument = keyword(name === "DeepSpeedPlugin" ? "zero_stage" : "stage");
        const stage = stageArgument ? zeroStage(evaluate(site, stageArgument)) : 2;
        // Lightning's DeepSpeedStrategy and Accelerate's DeepSpeedPlugin both default to stage 2.
        if (stage !== undefined) setStage(stage, line, stageArgument ? `${site.callee}(${name === "DeepSpeedPlugin" ? "zero_stage" : "stage"}=${code(stageArgument)})` : `${site.callee}: stage 2 by default`);
        const config = keyword("config") ?? keyword("hf_ds_config");
        if (config) readDeepSpeedArgument(evaluate(site, config), line, `${site.callee}(config=${code(config)})`, setStage, configFile);
        break;
      }
      case "Accelerator":
        // `accelerate launch` runs one process per GPU; its count and sharding come from the launch line or config.
        setup.distributed ??= source(line, shown);
        break;
      case "initialize":
      case "deepspeed.initialize":
        if (name === "deepspeed.initialize" || /(^|\.)deepspeed\.initialize$/.test(site.callee)) {
          setKind("deepspeed", line, shown);
          const config = keyword("config") ?? keyword("config_params");
          const given = config ? evaluate(site, config) : undefined;
          if (config) readDeepSpeedArgument(given, line, `${site.callee}(config=${code(config)})`, setStage, configFile);
          // A config of train_batch_size alone states the job's batch: each of N processes loads 1/N of it.
          if (config && deepSpeedRun(given, 1)?.fromTotal && !setup.batchSplit) setup.batchSplit = source(line, `${site.callee}(config=${code(config)}): train_batch_size is the job's batch over every GPU (DeepSpeed config)`);
        }
        break;
      case "TrainingArguments":
      case "Seq2SeqTrainingArguments": {
        const deepspeed = keyword("deepspeed");
        if (deepspeed) {
          setKind("deepspeed", line, `${site.callee}(deepspeed=${code(deepspeed)})`);
          readDeepSpeedArgument(evaluate(site, deepspeed), line, `${site.callee}(deepspeed=${code(deepspeed)})`, setStage, configFile);
        }
        const fsdp = keyword("fsdp");
        const options = fsdp ? evaluate(site, fsdp) : undefined;
        if (fsdp && options?.kind === "str" && options.value.trim()) {
          setKind("fsdp", line, `${site.callee}(fsdp=${code(fsdp)})`);
          const stage = /shard_grad_op/i.test(options.value) ? 2 : /no_shard/i.test(options.value) ? 0 : 3;
          setStage(stage, line, `${site.callee}(fsdp=${code(fsdp)})`);
        }
        break;
      }
    }
  }
  // `gradient_accumulation_steps //= ddp_world_size` (nanoGPT): the accumulation the plan read is the whole job's.
  forEachStatement(input.body, ({ statement: s }) => {
    if (setup.accumulationSplit || s.type !== "augmented" || (s.op !== "//" && s.op !== "/") || s.target.type !== "name" || !ACCUMULATION_CONSTANT.test(s.target.id)) return;
    const divisor = snippet(input.text, s.value);
    if (/world_?size|num_processes|num_replicas/i.test(divisor)) setup.accumulationSplit = source(s.pos.line, `${s.target.id} ${s.op}= ${divisor}`);
  });
  // `per_device_batch_size = args.batch_size // args.world_size`, `DataLoader(ds, batch_size=int(args.batch_size /
  // ngpus_per_node))`: the batch read at one process is the whole job's; each of N processes loads batch ÷ N.
  forEachStatement(input.body, ({ statement: s }) => {
    if (setup.batchSplit) return;
    for (const root of ownExpressions(s)) {
      forEachExpression(root, (e) => {
        if (setup.batchSplit || e.type !== "binary" || (e.op !== "//" && e.op !== "/")) return;
        const [left, right] = [snippet(input.text, e.left), snippet(input.text, e.right)];
        if (/batch/i.test(left) && PROCESS_COUNT.test(right)) setup.batchSplit = source(e.pos.line, `${left} ${e.op} ${right}`);
      });
    }
  });
  // os.environ["WORLD_SIZE"] and friends: the script expects a launcher to start it once per process. One that only
  // reads them where they are set (`"WORLD_SIZE" in os.environ`, `os.environ.get("WORLD_SIZE", 1)`) also runs as
  // one plain process, which is the plain run.
  const environment = [...input.text.matchAll(ENVIRONMENT_READ)];
  // `int(os.environ["WORLD_SIZE"]) if "WORLD_SIZE" in os.environ else 1`: a name the code tests for is read under it.
  const tested = new Set(environment.filter((m) => isPresenceTest(input.text, m.index! + m[0].length)).map((m) => m[1]));
  const required = environment.find((m) => !tested.has(m[1]) && !isDefaultedRead(input.text, m.index!, m[0].length));
  if (required && !setup.distributed) {
    setup.distributed = source(lineAt(input.text, required.index!), `reads ${required[1]} from the environment`);
  }
  return setup;
}

/** A launcher's variable named in the code: torchrun sets them in each process (pytorch.org/docs/stable/elastic/run.html). */
const ENVIRONMENT_READ = /["'](WORLD_SIZE|LOCAL_RANK|LOCAL_WORLD_SIZE)["']/g;

/** Whether the quoted name ending at `end` is tested for: `"WORLD_SIZE" in os.environ`. */
function isPresenceTest(text: string, end: number): boolean {
  return /^\s+(not\s+)?in\s+os\.environ\b/.test(text.slice(end, end + 40));
}

/** Whether the quoted name at `index` is read with a default for a run without it: `os.environ.get(name, 1)`,
 *  `os.getenv(name, "1")`. */
function isDefaultedRead(text: string, index: number, length: number): boolean {
  return /(environ\.get|getenv)\s*\(\s*$/.test(text.slice(Math.max(0, index - 40), index)) && /^\s*,/.test(text.slice(index + length, index + length + 10));
}

interface TrainerReaders {
  keyword(name: string): Expression | undefined;
  evaluate(e: Expression): Value | undefined;
  code(e: Expression): string;
  setKind(kind: ParallelKind, line: number, detail: string): void;
  setStage(stage: ZeroStage, line: number, detail: string): void;
  setGpus(value: number | undefined, line: number, detail: string): void;
  setNodes(value: number | undefined, detail: string): void;
}

/** Lightning's Trainer(devices=N or gpus=N, strategy=..., num_nodes=M); transformers' Trainer takes none of these. */
function readLightningTrainer(site: CallSite, r: TrainerReaders): void {
  const line = site.call.pos.line;
  const accelerator = r.keyword("accelerator");
  const acceleratorValue = accelerator ? r.evaluate(accelerator) : undefined;
  if (acceleratorValue?.kind === "str" && /^(cpu|mps)$/i.test(acceleratorValue.value)) return;
  const devicesArgument = r.keyword("devices") ?? r.keyword("gpus");
  const strategyArgument = r.keyword("strategy");
  const nodesArgument = r.keyword("num_nodes");
  let gpus: number | undefined;
  if (devicesArgument) {
    const value = r.evaluate(devicesArgument);
    // devices=4, devices=[0, 1], devices="0,1" or "4"; "auto" and -1 mean every visible GPU, which the code does not say.
    if (value?.kind === "int" && value.value > 0) gpus = value.value;
    else if (value?.kind === "list" || value?.kind === "tuple") gpus = lengthOf(value);
    else if (value?.kind === "str" && /^\s*\d+\s*$/.test(value.value)) gpus = Number(value.value) || undefined;
    else if (value?.kind === "str" && /^\s*\d+(\s*,\s*\d+)+\s*,?\s*$/.test(value.value)) gpus = value.value.split(",").filter((s) => s.trim()).length;
    r.setGpus(gpus, line, `${site.callee}(${devicesArgumentName(site.call)}=${r.code(devicesArgument)})`);
  }
  if (nodesArgument) r.setNodes(positiveInteger(r.evaluate(nodesArgument)), `${site.callee}(num_nodes=${r.code(nodesArgument)})`);
  if (strategyArgument) {
    const value = r.evaluate(strategyArgument);
    const shown = `${site.callee}(strategy=${r.code(strategyArgument)})`;
    if (value?.kind === "str") {
      const s = value.value.toLowerCase();
      const deepspeed = /^deepspeed(_stage_(\d))?/.exec(s);
      if (deepspeed) {
        r.setKind("deepspeed", line, shown);
        r.setStage((deepspeed[2] ? Number(deepspeed[2]) : 2) as ZeroStage, line, shown);
      } else if (s.startsWith("fsdp")) {
        r.setKind("fsdp", line, shown);
        r.setStage(3, line, `${shown}: FULL_SHARD by default`);
      } else if (s === "dp") r.setKind("dp", line, shown);
      else if (s.startsWith("ddp")) r.setKind("ddp", line, shown);
    }
  } else if (gpus !== undefined && gpus > 1) {
    // Lightning's "auto" strategy on several GPUs is DDP (lightning/pytorch/trainer/connectors/accelerator_connector.py).
    r.setKind("ddp", line, `${site.callee}(devices=${gpus}): strategy "auto" is DDP on several devices`);
  }
}

function devicesArgumentName(call: Call): string {
  return call.args.some((a) => a.kind === "keyword" && a.name === "devices") ? "devices" : "gpus";
}

/** A DeepSpeed config given as a dict (its zero_optimization.stage) or a path (read later with the launch files). */
function readDeepSpeedArgument(
  value: Value | undefined,
  line: number,
  detail: string,
  setStage: (stage: ZeroStage, line: number, detail: string) => void,
  configFile: (path: string, line: number, detail: string) => void,
): void {
  if (value?.kind === "str" && value.value.trim()) configFile(value.value.trim(), line, detail);
  else if (value?.kind === "dict") {
    const zero = dictEntry(value, "zero_optimization");
    const stage = zero ? zeroStage(dictEntry(zero, "stage")) : 0;
    if (stage !== undefined) setStage(stage, line, zero ? `${detail}: zero_optimization.stage` : `${detail}: no zero_optimization (stage 0)`);
  }
}

function zeroStage(v: Value | undefined): ZeroStage | undefined {
  return v?.kind === "int" && v.value >= 0 && v.value <= 3 ? (v.value as ZeroStage) : undefined;
}

/** Local names of imported parallel classes: `DDP` for DistributedDataParallel, `initialize` for deepspeed's. */
function importAliases(body: Statement[]): Map<string, string> {
  const aliases = new Map<string, string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "importFrom" || s.names === "*") return;
    for (const n of s.names) {
      if (n.alias) aliases.set(n.alias, n.name);
      if (s.module === "deepspeed" && n.name === "initialize") aliases.set(n.alias ?? n.name, "deepspeed.initialize");
    }
  });
  return aliases;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
