// How a training script is launched, read from the workspace files that start it: shell and Slurm scripts
// (torchrun / python -m torch.distributed.run|launch --nproc_per_node N --nnodes M, accelerate launch
// --num_processes N, deepspeed --num_gpus N --num_nodes M), VS Code's .vscode/launch.json, and the config files
// those lines or the code name (Accelerate's YAML, DeepSpeed's JSON). Only a command that names the script counts.
import type { ModuleFiles } from "../interp/module-resolver";
import { basename, dirname, joinPath as join } from "../interp/paths";
import { mergeSetup, type ParallelFigure, type ParallelKind, type ParallelSetup, type ParallelSource, type ZeroStage } from "./parallel-setup";

/** File names of launch scripts. */
const LAUNCH_SCRIPT = /\.(sh|bash|slurm|sbatch)$/i;
/** Bytes and count of launch scripts read per analysis: a workspace of generated scripts must not slow the editor. */
const MAX_LAUNCH_CHARACTERS = 200_000;
const MAX_LAUNCH_FILES = 40;

/** Accelerate's fsdp_sharding_strategy, by number or name (accelerate/utils/constants.py FSDP_SHARDING_STRATEGY). */
const ACCELERATE_FSDP: Record<string, ZeroStage> = { "1": 3, FULL_SHARD: 3, "2": 2, SHARD_GRAD_OP: 2, "3": 0, NO_SHARD: 0, "4": 3, HYBRID_SHARD: 3, "5": 2, HYBRID_SHARD_ZERO2: 2 };

/** A launch command's words, the line it starts on, and the file. */
interface Command {
  words: string[];
  line: number;
  file: string;
}

/** Shell text as commands: continuation lines joined, comments dropped, `;`/`&&` split, $VAR and ${VAR:-x} expanded
 *  from the script's own assignments. */
export function shellCommands(text: string, file: string): Command[] {
  const variables = new Map<string, string>();
  const commands: Command[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i];
    while (/\\\s*$/.test(line) && i + 1 < lines.length) line = line.replace(/\\\s*$/, " ") + lines[++i];
    line = line.replace(/(^|\s)#.*$/, "");
    for (const part of line.split(/;|&&|\|\|/)) {
      const assignment = /^\s*(?:export\s+)?([A-Za-z_]\w*)=(?:"([^"]*)"|'([^']*)'|(\S*))\s*$/.exec(part);
      if (assignment) {
        variables.set(assignment[1], expand(assignment[2] ?? assignment[3] ?? assignment[4] ?? "", variables));
        continue;
      }
      const words = (part.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => expand(w.replace(/^["']|["']$/g, ""), variables));
      if (words.length > 0) commands.push({ words, line: start, file });
    }
  }
  return commands;
}

function expand(word: string, variables: Map<string, string>): string {
  return word
    // ${1:-train.py}: a positional parameter the launch is not given takes its default.
    .replace(/\$\{([A-Za-z_]\w*|\d+)(?::?-([^}]*))?\}/g, (_, name: string, fallback?: string) => variables.get(name) ?? fallback ?? "")
    .replace(/\$([A-Za-z_]\w*)/g, (_, name: string) => variables.get(name) ?? "");
}

/** `--name value` or `--name=value` among words (underscores and dashes alike). */
function option(words: string[], ...names: string[]): string | undefined {
  const wanted = new Set(names.map((n) => n.replace(/_/g, "-")));
  for (let i = 0; i < words.length; i++) {
    const [flag, inline] = words[i].split(/=(.*)/s, 2);
    if (!flag.startsWith("-") || !wanted.has(flag.replace(/_/g, "-"))) continue;
    return inline !== undefined ? inline : words[i + 1];
  }
  return undefined;
}

function flag(words: string[], name: string): boolean {
  return words.some((w) => w.replace(/_/g, "-") === name);
}

function count(value: string | undefined): number | undefined {
  // torchrun's --nnodes may be a range "1:4": the run starts with the most it waits for.
  const n = value === undefined ? NaN : Number(value.includes(":") ? value.split(":").pop() : value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** The setup one command states when it launches `script`; undefined when it does not run it through a launcher. */
export function launchSetup(command: Command, script: string): ParallelSetup | undefined {
  const words = command.words;
  const at = words.findIndex((w) => w === script || w.endsWith(`/${script}`));
  if (at < 0) return undefined;
  const before = words.slice(0, at);
  const after = words.slice(at + 1);
  const program = before.map((w) => basename(w));
  const source = (detail: string): ParallelSource => ({ from: "launch", file: command.file, line: command.line, detail });
  const figure = (value: number | undefined, detail: string): ParallelFigure | undefined => (value === undefined ? undefined : { value, ...source(detail) });
  const setup: ParallelSetup = {};
  const shown = (name: string, value: string) => `${name} ${value}`;
  const launcher = program.findIndex((w, i) => w === "torchrun" || (w === "-m" && /^torch\.distributed\.(run|launch)$/.test(program[i + 1] ?? "")));
  if (launcher >= 0) {
    const args = before.slice(launcher + 1);
    const perNode = option(args, "--nproc-per-node");
    const nodes = option(args, "--nnodes");
    setup.distributed = source(`torchrun ... ${script}`);
    setup.gpusPerNode = figure(count(perNode), shown("--nproc_per_node", perNode ?? ""));
    setup.nodes = figure(count(nodes), shown("--nnodes", nodes ?? ""));
  } else if (program.some((w, i) => w === "accelerate" && program[i + 1] === "launch")) {
    const total = count(option(before, "--num-processes"));
    const machines = count(option(before, "--num-machines")) ?? 1;
    setup.distributed = source(`accelerate launch ... ${script}`);
    // Accelerate's num_processes counts every process of every machine.
    if (total !== undefined) setup.gpusPerNode = figure(Math.max(1, Math.floor(total / machines)), `--num_processes ${total}${machines > 1 ? ` over --num_machines ${machines}` : ""}`);
    if (machines > 1) setup.nodes = figure(machines, `--num_machines ${machines}`);
    if (flag(before, "--use-fsdp")) {
      setup.kind = { value: "fsdp", ...source("--use_fsdp") };
      const strategy = option(before, "--fsdp-sharding-strategy");
      const stage = strategy === undefined ? 3 : ACCELERATE_FSDP[strategy.toUpperCase()];
      if (stage !== undefined) setup.zeroStage = { value: stage, ...source(strategy ? `--fsdp_sharding_strategy ${strategy}` : "--use_fsdp: FULL_SHARD by default") };
    } else if (flag(before, "--use-deepspeed")) {
      setup.kind = { value: "deepspeed", ...source("--use_deepspeed") };
      const stage = count(option(before, "--zero-stage")) ?? (option(before, "--zero-stage") === "0" ? 0 : undefined);
      if (stage !== undefined && stage <= 3) setup.zeroStage = { value: stage as ZeroStage, ...source(`--zero_stage ${stage}`) };
    } else if (flag(before, "--multi-gpu")) setup.kind = { value: "ddp", ...source("--multi_gpu") };
    const config = option(before, "--config-file");
    if (config) setup.configFiles = [{ path: config, base: "root", source: source(`--config_file ${config}`) }];
    const deepspeedConfig = option(before, "--deepspeed-config-file");
    if (deepspeedConfig) (setup.configFiles ??= []).push({ path: deepspeedConfig, base: "root", source: source(`--deepspeed_config_file ${deepspeedConfig}`) });
  } else if (program.includes("deepspeed")) {
    setup.kind = { value: "deepspeed", ...source(`deepspeed ... ${script}`) };
    setup.distributed = source(`deepspeed ... ${script}`);
    const include = option(before, "--include");
    // --include localhost:0,1,2,3 names the GPUs of one node.
    const included = include && /^[^@:]+:[\d,]+$/.test(include) ? include.split(":")[1].split(",").filter(Boolean).length : undefined;
    setup.gpusPerNode = figure(count(option(before, "--num-gpus")) ?? included, option(before, "--num-gpus") ? `--num_gpus ${option(before, "--num-gpus")}` : `--include ${include}`);
    setup.nodes = figure(count(option(before, "--num-nodes")), `--num_nodes ${option(before, "--num-nodes")}`);
  } else return undefined;
  // The script's own arguments may name a DeepSpeed config (HF scripts: --deepspeed ds.json).
  const deepspeedConfig = option(after, "--deepspeed", "--deepspeed-config");
  if (deepspeedConfig && /\.json$/i.test(deepspeedConfig)) {
    setup.kind ??= { value: "deepspeed", ...source(`--deepspeed ${deepspeedConfig}`) };
    (setup.configFiles ??= []).push({ path: deepspeedConfig, base: "root", source: source(`--deepspeed ${deepspeedConfig}`) });
  }
  return setup;
}

/** Accelerate's config YAML (`accelerate config`): num_processes (all machines), num_machines, distributed_type,
 *  zero_stage, fsdp_sharding_strategy, deepspeed_config_file. Read line by line: the file is flat key: value pairs. */
export function readAccelerateConfig(text: string, file: string): ParallelSetup {
  const values = new Map<string, { value: string; line: number }>();
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^\s*([A-Za-z_]+):\s*['"]?([^'"#\s]+)['"]?\s*(#.*)?$/.exec(line);
    if (m && !values.has(m[1])) values.set(m[1], { value: m[2], line: i + 1 });
  });
  const source = (key: string): ParallelSource => ({ from: "config", file, line: values.get(key)?.line, detail: `${key}: ${values.get(key)?.value}` });
  const setup: ParallelSetup = {};
  const type = values.get("distributed_type")?.value.toUpperCase();
  const kinds: Record<string, ParallelKind> = { MULTI_GPU: "ddp", FSDP: "fsdp", DEEPSPEED: "deepspeed" };
  if (type && kinds[type]) setup.kind = { value: kinds[type], ...source("distributed_type") };
  const total = count(values.get("num_processes")?.value);
  const machines = count(values.get("num_machines")?.value) ?? 1;
  if (total !== undefined) setup.gpusPerNode = { value: Math.max(1, Math.floor(total / machines)), ...source("num_processes") };
  if (machines > 1) setup.nodes = { value: machines, ...source("num_machines") };
  const zero = values.get("zero_stage")?.value;
  if (type === "DEEPSPEED" && zero !== undefined && /^[0-3]$/.test(zero)) setup.zeroStage = { value: Number(zero) as ZeroStage, ...source("zero_stage") };
  const fsdp = values.get("fsdp_sharding_strategy")?.value.toUpperCase();
  if (type === "FSDP") {
    const stage = fsdp === undefined ? 3 : ACCELERATE_FSDP[fsdp];
    if (stage !== undefined) setup.zeroStage = { value: stage, ...(fsdp === undefined ? { from: "config" as const, file, detail: "distributed_type: FSDP (FULL_SHARD by default)" } : source("fsdp_sharding_strategy")) };
  }
  const deepspeedConfig = values.get("deepspeed_config_file")?.value;
  if (deepspeedConfig) setup.configFiles = [{ path: deepspeedConfig, base: "root", source: source("deepspeed_config_file") }];
  return setup;
}

/** DeepSpeed's JSON config: zero_optimization.stage (absent: stage 0). "auto" or a bad file says nothing. */
export function readDeepSpeedConfig(text: string, file: string): ParallelSetup {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return {};
  }
  if (!config || typeof config !== "object") return {};
  const zero = (config as Record<string, unknown>).zero_optimization;
  const stage = zero && typeof zero === "object" ? (zero as Record<string, unknown>).stage : 0;
  if (typeof stage !== "number" || !Number.isInteger(stage) || stage < 0 || stage > 3) return {};
  const line = text.split(/\r?\n/).findIndex((l) => /"stage"/.test(l)) + 1;
  return { kind: { value: "deepspeed", from: "config", file, detail: "a DeepSpeed config" }, zeroStage: { value: stage as ZeroStage, from: "config", file, line: line > 0 ? line : undefined, detail: zero ? `zero_optimization.stage: ${stage}` : "no zero_optimization (stage 0)" } };
}

/** VS Code launch configurations that run the script through torchrun or torch.distributed.run, as commands. */
export function launchJsonCommands(text: string, file: string): Command[] {
  let parsed: unknown;
  try {
    // launch.json is JSON with comments and trailing commas.
    parsed = JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, s: string | undefined) => s ?? "").replace(/,(\s*[}\]])/g, "$1"));
  } catch {
    return [];
  }
  const configurations = (parsed as { configurations?: unknown })?.configurations;
  if (!Array.isArray(configurations)) return [];
  const commands: Command[] = [];
  for (const c of configurations) {
    if (!c || typeof c !== "object") continue;
    const { module, program, args } = c as { module?: unknown; program?: unknown; args?: unknown };
    const list = Array.isArray(args) ? args.filter((a): a is string => typeof a === "string").map((a) => a.replace(/\$\{workspaceFolder\}\/?/g, "")) : [];
    const head = typeof module === "string" ? ["python", "-m", module] : typeof program === "string" ? [program.replace(/\$\{workspaceFolder\}\/?/g, "")] : [];
    const name = (c as { name?: unknown }).name;
    const line = typeof name === "string" ? text.split(/\r?\n/).findIndex((l) => l.includes(JSON.stringify(name))) + 1 : 0;
    if (head.length > 0) commands.push({ words: [...head, ...list], line: line > 0 ? line : 1, file });
  }
  return commands;
}

/** The files read for a script's launch: where to look, and what reading them found. */
export interface LaunchReading {
  setup: ParallelSetup;
  /** Launch files that named the script, in the order read. */
  files: string[];
}

/**
 * Reads how `scriptFile` is launched: shell scripts beside it, one folder up, at the root and in scripts/ folders, and
 * .vscode/launch.json; then the config files those (or the code's `setup.configFiles`) name. Needs `listFiles` to
 * find scripts; without it only launch.json and the named configs are read.
 */
export function readLaunchFiles(files: ModuleFiles, root: string, scriptFile: string, code: ParallelSetup = {}): LaunchReading {
  const script = basename(scriptFile);
  const parent = dirname(dirname(scriptFile));
  // The script's folder, its parent (inside the workspace), the root, and their scripts/ folders.
  const folders = [...new Set([dirname(scriptFile), ...(parent.startsWith(root) && parent !== dirname(scriptFile) ? [parent] : []), root, join(root, "scripts"), join(dirname(scriptFile), "scripts")])];
  const candidates: string[] = [];
  for (const folder of folders) for (const path of files.listFiles?.(folder) ?? []) if (LAUNCH_SCRIPT.test(path) && !candidates.includes(path)) candidates.push(path);
  let setup: ParallelSetup = {};
  const found: string[] = [];
  let budget = MAX_LAUNCH_CHARACTERS;
  const consider = (commands: Command[], file: string) => {
    for (const command of commands) {
      const launched = launchSetup(command, script);
      if (!launched) continue;
      if (!found.includes(file)) found.push(file);
      setup = mergeSetup(setup, launched);
    }
  };
  for (const path of candidates.slice(0, MAX_LAUNCH_FILES)) {
    const text = files.read(path);
    if (text === undefined || text.length > budget) continue;
    budget -= text.length;
    consider(shellCommands(text, path), path);
  }
  const launchJson = join(root, ".vscode/launch.json");
  const json = files.exists(launchJson) ? files.read(launchJson) : undefined;
  if (json !== undefined && json.length <= MAX_LAUNCH_CHARACTERS) consider(launchJsonCommands(json, launchJson), launchJson);
  // Config files: the launch line's (relative to the root, where launches run) and the code's (its folder, then the root).
  const named = [...(setup.configFiles ?? []), ...(code.configFiles ?? [])];
  const read = new Set<string>();
  // A worklist: an Accelerate config may name a DeepSpeed config in turn.
  for (let i = 0; i < named.length && i < MAX_LAUNCH_FILES; i++) {
    const config = named[i];
    const bases = config.base === "file" ? [dirname(scriptFile), root] : [root, dirname(scriptFile)];
    const path = config.path.startsWith("/") ? config.path : bases.map((b) => join(b, config.path)).find((p) => files.exists(p));
    if (!path || read.has(path)) continue;
    read.add(path);
    const text = files.exists(path) ? files.read(path) : undefined;
    if (text === undefined || text.length > MAX_LAUNCH_CHARACTERS) continue;
    const stated = /\.json$/i.test(path) ? readDeepSpeedConfig(text, path) : /\.ya?ml$/i.test(path) ? readAccelerateConfig(text, path) : {};
    named.push(...(stated.configFiles ?? []));
    setup = mergeSetup(setup, { ...stated, configFiles: [] });
    if (!found.includes(path)) found.push(path);
  }
  return { setup, files: found };
}

/**
 * The whole setup of a script: its code's wrapping and its launch files. The launch line's process count wins (it is
 * what runs); the code's strategy and stage win over a config's (the code is what the user edits).
 */
export function combineSetup(code: ParallelSetup, launch: ParallelSetup): ParallelSetup {
  // The code first, except for the process counts; accumulation splitting is only ever the code's.
  return { ...mergeSetup(code, launch), gpusPerNode: launch.gpusPerNode ?? code.gpusPerNode, nodes: launch.nodes ?? code.nodes, accumulationSplit: code.accumulationSplit, batchSplit: code.batchSplit };
}
