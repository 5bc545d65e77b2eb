import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeSource, SyntaxCache } from "../src/core/analyze";
import type { PythonParser } from "../src/core/python/parser";
import { diskFiles } from "../src/node/disk-files";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A 7B-sized model from its config.json through transformers' entry point (AutoModelForCausalLM.from_pretrained on
 * a local folder), on the package test/fixtures/transformers-env lays out as transformers does: the first analysis
 * (cold: the package parsed and run) and the median of the next ones (warm, as the editor re-analyzes on a keystroke).
 */
export function transformersConfigTimes(parser: PythonParser, repoRoot: string, work: string): { cold_ms: number; warm_ms: number; params: number } {
  const project = join(work, "hf-project");
  mkdirSync(join(project, "llama-7b-shaped"), { recursive: true });
  // Llama-2-7B's sizes (its config.json): what is built is the fixture's layer stack at those sizes.
  writeFileSync(join(project, "llama-7b-shaped", "config.json"), JSON.stringify({ model_type: "tiny", vocab_size: 32000, hidden_size: 4096, num_hidden_layers: 32, intermediate_size: 11008, torch_dtype: "bfloat16" }));
  const file = join(project, "load.py");
  const text = 'from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("./llama-7b-shaped")\nmodel.eval()\n';
  writeFileSync(file, text);
  const root = join(repoRoot, "test/fixtures/transformers-env/.venv/lib/python3.11/site-packages");
  const cache = new SyntaxCache();
  const times: number[] = [];
  let params = 0;
  for (let i = 0; i < 12; i++) {
    const t = performance.now();
    const result = analyzeSource(parser, { file, text, root, files: diskFiles(), cache, readTraining: false });
    times.push(performance.now() - t);
    params = result.models[0]?.params ?? 0;
  }
  cache.dispose();
  if (params === 0) throw new Error("the transformers bench case built no model");
  return { cold_ms: Math.round(times[0]), warm_ms: Math.round(median(times.slice(2))), params };
}
