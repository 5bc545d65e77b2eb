import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { SyntaxCache } from "../src/core/analyze";
import { analyzeWithRules } from "../src/core/document-analysis";
import type { PythonEnvironment } from "../src/core/environment/python-environment";
import type { PythonParser } from "../src/core/python/parser";
import { resolveRuleSettings } from "../src/core/rules/rules";
import { FileSnapshots } from "../src/node/file-snapshots";
import { findPythonEnvironment } from "../src/node/python-environment";
import { generateInstalledLibrary } from "./generate";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Cold and warm times of one script (ms: wall, and this process's CPU time, which other load on a shared machine inflates less) and what it built. */
export interface EngineTimes {
  cold_ms: number;
  warm_ms: number;
  cold_cpu_ms: number;
  warm_cpu_ms: number;
  params: number[];
}

/**
 * A script analyzed as the editor's worker does it (src/node/analysis-worker.ts): the disk through FileSnapshots
 * refreshed before each request, one syntax cache, the analysis and the rules. The first analysis (cold: the
 * library's files read and parsed) and the median of the next ones (warm: a keystroke's re-analysis when nothing in
 * the environment changed).
 */
export function engineTimes(parser: PythonParser, file: string, text: string, root: string, environment: PythonEnvironment | undefined, runs = 10): EngineTimes {
  const files = new FileSnapshots();
  const cache = new SyntaxCache();
  const times: number[] = [];
  const cpu: number[] = [];
  let params: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    files.refresh();
    const { result } = analyzeWithRules(parser, { file, text, root, files, cache, readTraining: false, environment, environmentFiles: files }, resolveRuleSettings(undefined), () => undefined);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    params = result.models.map((m) => m.params);
  }
  cache.dispose();
  return { cold_ms: Math.round(times[0]), warm_ms: Math.round(median(times.slice(2))), cold_cpu_ms: Math.round(cpu[0]), warm_cpu_ms: Math.round(median(cpu.slice(2))), params };
}

/**
 * The CLI's `analyze` in a new process each time (cold): the medians of `runs` wall times and of the process's own
 * CPU time (user + system, reported by a preloaded exit hook), in ms, and its JSON.
 */
export function cliColdMs(repoRoot: string, args: string[], cwd: string, runs = 3): { ms: number; cpu_ms: number; json: { models: { params: number }[] } } {
  const hook = join(cwd, ".bench-cpu-hook.cjs");
  writeFileSync(hook, 'process.on("exit", () => { const u = process.cpuUsage(); require("fs").writeSync(2, `\\ngreenlight-bench-cpu-ms ${(u.user + u.system) / 1000}\\n`); });\n');
  const times: number[] = [];
  const cpu: number[] = [];
  let stdout = "";
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ["--require", hook, join(repoRoot, "dist/cli.js"), "analyze", ...args, "--format", "json", "--no-findings"], { cwd, encoding: "utf8", env: { ...process.env, VIRTUAL_ENV: "", CONDA_PREFIX: "" } });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`CLI failed on ${args.join(" ")}: ${r.stderr}`);
    cpu.push(Number(/greenlight-bench-cpu-ms ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN));
    stdout = r.stdout;
  }
  return { ms: Math.round(median(times)), cpu_ms: Math.round(median(cpu)), json: JSON.parse(stdout) };
}

function writeTree(root: string, files: Map<string, string>): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A project whose `.venv` holds `site-packages`, for the environment search the CLI and editor make. */
function venvProject(work: string, name: string): { project: string; site: string } {
  const project = join(work, name);
  const site = join(project, ".venv", "lib", "python3.11", "site-packages");
  mkdirSync(site, { recursive: true });
  writeFileSync(join(project, ".venv", "pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.7\n");
  return { project, site };
}

/**
 * A generated library installed in a project's .venv (generateInstalledLibrary: a star-importing `__init__`, a decorator
 * registry, `modules` model files and a large one): a script building two of its models through the registry, in
 * the editor's engine, and the CLI on one entry of the large file.
 */
export function installedPackageTimes(parser: PythonParser, repoRoot: string, work: string, modules: number, largeBlocks: number) {
  const { project, site } = venvProject(work, "lib-project");
  const library = generateInstalledLibrary(modules, largeBlocks);
  writeTree(site, library);
  const file = join(project, "train.py");
  const text = `import benchlib\n\nmodel = benchlib.create_model("model_${Math.floor(modules / 2)}")\nlarge = benchlib.create_model("large_net")\n`;
  writeFileSync(file, text);
  const environment = findPythonEnvironment({ root: project, fileDir: project, variables: {} });
  const engine = engineTimes(parser, file, text, project, environment);
  if (engine.params.length !== 2 || engine.params.some((p) => p === 0)) throw new Error(`the installed-package bench case built ${engine.params.length} models`);
  const large = library.get("benchlib/models/large_models.py")!;
  const cli = cliColdMs(repoRoot, [join(site, "benchlib/models/large_models.py"), "--entry", "large_net()", "--python-env", ".venv"], project);
  const lines = [...library.values()].reduce((n, t) => n + t.split("\n").length, 0);
  return { files: library.size, lines, large_file_lines: large.split("\n").length, engine, cli_entry_cold_ms: cli.ms, cli_entry_cold_cpu_ms: cli.cpu_ms };
}

/** The wheels of ../shared/wheels (timm, transformers) unpacked into a .venv, or why not. */
function realWheelsProject(repoRoot: string, work: string): { project: string; site: string } | string {
  const wheels = join(repoRoot, "..", "shared", "wheels");
  const names = ["transformers-5.17.0-py3-none-any.whl", "timm-1.0.29-py3-none-any.whl"];
  const missing = names.filter((n) => !existsSync(join(wheels, n)));
  if (missing.length > 0) return `${missing.join(", ")} not in ${wheels}`;
  const { project, site } = venvProject(work, "wheels-project");
  for (const name of names) {
    const r = spawnSync("unzip", ["-q", "-o", join(wheels, name), "-d", site], { encoding: "utf8" });
    if (r.error || r.status !== 0) return `could not unpack ${name} (${r.error?.message ?? r.stderr.trim()}): needs unzip`;
  }
  return { project, site };
}

/**
 * The real libraries, when their wheels are in ../shared/wheels: a 7B model from Llama-2-7B's config.json through
 * AutoModelForCausalLM.from_pretrained in the editor's engine (cold, warm) and the CLI (cold), and one entry of
 * timm's vision_transformer.py (5,000 lines) from the CLI, cold.
 */
export function realWheelTimes(parser: PythonParser, repoRoot: string, work: string) {
  const found = realWheelsProject(repoRoot, work);
  if (typeof found === "string") return { skipped: found };
  const { project, site } = found;
  mkdirSync(join(project, "llama-2-7b"), { recursive: true });
  // Llama-2-7B's published config.json (sizes only; the library builds the model from them).
  writeFileSync(join(project, "llama-2-7b", "config.json"), JSON.stringify({ architectures: ["LlamaForCausalLM"], model_type: "llama", vocab_size: 32000, hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 32, max_position_embeddings: 4096, rms_norm_eps: 1e-5, torch_dtype: "float16", hidden_act: "silu", tie_word_embeddings: false }));
  const file = join(project, "load.py");
  const text = 'from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("./llama-2-7b")\nmodel.eval()\n';
  writeFileSync(file, text);
  const environment = findPythonEnvironment({ root: project, fileDir: project, variables: {} });
  const engine = engineTimes(parser, file, text, project, environment);
  const cli = cliColdMs(repoRoot, [file], project);
  const vit = cliColdMs(repoRoot, [join(site, "timm/models/vision_transformer.py"), "--entry", "vit_small_patch16_224()", "--python-env", ".venv"], project);
  return { transformers_7b: { engine, cli_cold_ms: cli.ms, cli_cold_cpu_ms: cli.cpu_ms }, timm_vit_entry: { cli_cold_ms: vit.ms, cli_cold_cpu_ms: vit.cpu_ms, params: vit.json.models[0]?.params ?? 0 } };
}
