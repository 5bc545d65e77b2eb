// TRL's online trainers train on completions they generate: GRPOTrainer and RLOOTrainer sample num_generations
// completions of each prompt, and their per_device_train_batch_size counts completions, not the dataset's prompts
// (trl/trainer/grpo_config.py and rloo_config.py, TRL 1.10.0.dev0 at f2cd577: "The effective batch size
// (num_processes * per_device_batch_size * gradient_accumulation_steps) must be evenly divisible by this value").
// Their RepeatSampler (trl/trainer/utils.py) cuts the prompts into chunks of generation_batch_size / num_generations
// (generation_batch_size = per_device_train_batch_size * num_processes * steps_per_generation, and steps_per_generation
// = gradient_accumulation_steps unless set), drops an incomplete last chunk, and hands each chunk's completions over
// num_iterations * steps_per_generation micro-batches: one optimizer step per chunk and iteration.

/** The trainers whose batch counts generated completions, their config, and that config's num_generations default. */
const GENERATING: Record<string, { config: string; generations: number }> = {
  GRPOTrainer: { config: "GRPOConfig", generations: 8 },
  RLOOTrainer: { config: "RLOOConfig", generations: 2 },
};

/** Completions sampled per prompt, and the optimizer steps each chunk of prompts gives. */
export interface GenerationGroups {
  generations: number;
  iterations: number;
  line: number;
  detail: string;
}

/** The config a generating trainer builds for itself when given none (`GRPOConfig(f"{model_name}-GRPO")`). */
export function generatingTrainerConfig(trainer: string): string | undefined {
  return GENERATING[trainer.split(".").pop() ?? trainer]?.config;
}

/** Whether a config of this name is a generating trainer's (GRPOConfig, RLOOConfig). */
export function isGenerationConfig(name: string): boolean {
  const last = name.split(".").pop() ?? name;
  return Object.values(GENERATING).some((g) => g.config === last);
}

/**
 * A generating config's groups, from its keywords as `read` gives them (a positive integer, "unread" where written but
 * not readable, undefined where not written): the defaults where unwritten (num_generations 8 for GRPO, 2 for RLOO;
 * num_iterations 1). Undefined where a figure cannot be read, or where generation_batch_size or steps_per_generation
 * regroup the chunks (not followed here).
 */
export function generationGroups(config: string, line: number, read: (name: string) => number | "unread" | undefined): GenerationGroups | undefined {
  const last = config.split(".").pop() ?? config;
  const known = Object.values(GENERATING).find((g) => g.config === last);
  if (!known) return undefined;
  if (read("generation_batch_size") !== undefined || read("steps_per_generation") !== undefined) return undefined;
  const generations = read("num_generations") ?? known.generations;
  const iterations = read("num_iterations") ?? 1;
  if (generations === "unread" || iterations === "unread") return undefined;
  const shown = `${last}: ${generations} completions of each prompt${read("num_generations") === undefined ? " (TRL's default num_generations)" : ""}${iterations > 1 ? `, ${iterations} iterations of each` : ""}`;
  return { generations, iterations, line, detail: shown };
}

/**
 * A generating trainer's optimizer steps: each step takes batch × accumulation completions, that is that many over
 * num_generations prompts, and an incomplete last chunk of prompts is dropped; undefined where TRL would refuse the
 * batch (not a multiple of num_generations).
 */
export function generationSteps(epochs: number, prompts: number, batch: number, accumulation: number, groups: GenerationGroups): { value: number; perStep: number } | undefined {
  const completions = batch * accumulation;
  if (completions % groups.generations !== 0) return undefined;
  const perStep = completions / groups.generations;
  return { value: epochs * Math.floor(prompts / perStep) * groups.iterations, perStep };
}

/**
 * Why building a generating config raises, or undefined: with neither generation_batch_size nor steps_per_generation
 * written, its generation batch is per_device_train_batch_size × gradient_accumulation_steps (one process), and
 * `__post_init__` raises ValueError unless num_generations divides it, or where num_generations is below 2.
 */
export function generationBatchRaise(config: string, read: (name: string) => number | "unread" | undefined): string | undefined {
  const last = config.split(".").pop() ?? config;
  const known = Object.values(GENERATING).find((g) => g.config === last);
  if (!known || read("generation_batch_size") !== undefined || read("steps_per_generation") !== undefined) return undefined;
  const batch = read("per_device_train_batch_size") ?? 8;
  const accumulation = read("gradient_accumulation_steps") ?? 1;
  const generations = read("num_generations") ?? known.generations;
  if (batch === "unread" || accumulation === "unread" || generations === "unread") return undefined;
  if (generations < 2) return `${last} raises ValueError: num_generations=${generations} is below the minimum of 2`;
  const completions = batch * accumulation;
  return completions % generations !== 0 ? `${last} raises ValueError: its generation batch (per_device_train_batch_size × gradient_accumulation_steps = ${completions}) is not divisible by num_generations=${generations}` : undefined;
}
