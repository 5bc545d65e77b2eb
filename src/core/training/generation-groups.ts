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
  /** steps_per_generation or generation_batch_size where written (else gradient_accumulation_steps rules). */
  perGeneration?: { steps: number } | { completions: number };
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
 * num_iterations 1), and steps_per_generation or generation_batch_size where one is written. Undefined where a figure
 * cannot be read, or where both of those are written (`__post_init__` raises: "can not be both configured").
 */
export function generationGroups(config: string, line: number, read: (name: string) => number | "unread" | undefined): GenerationGroups | undefined {
  const last = config.split(".").pop() ?? config;
  const known = Object.values(GENERATING).find((g) => g.config === last);
  if (!known) return undefined;
  const steps = read("steps_per_generation");
  const completions = read("generation_batch_size");
  if (steps === "unread" || completions === "unread" || (steps !== undefined && completions !== undefined)) return undefined;
  const generations = read("num_generations") ?? known.generations;
  const iterations = read("num_iterations") ?? 1;
  if (generations === "unread" || iterations === "unread") return undefined;
  const regrouped = steps !== undefined ? `, a generation every ${steps} micro-batches (steps_per_generation)` : completions !== undefined ? `, ${completions} completions a generation (generation_batch_size)` : "";
  const shown = `${last}: ${generations} completions of each prompt${read("num_generations") === undefined ? " (TRL's default num_generations)" : ""}${iterations > 1 ? `, ${iterations} iterations of each` : ""}${regrouped}`;
  const perGeneration = steps !== undefined ? { steps } : completions !== undefined ? { completions } : undefined;
  return { generations, iterations, ...(perGeneration ? { perGeneration } : {}), line, detail: shown };
}

/**
 * A generating trainer's optimizer steps. Each generation takes batch × steps_per_generation completions (S =
 * gradient_accumulation_steps unless steps_per_generation is written, or generation_batch_size / batch), that is that
 * many over num_generations prompts (an incomplete last chunk dropped); its completions feed S micro-batches per
 * iteration, and the Trainer steps once per `accumulation` micro-batches, a short last group included
 * (transformers' Trainer: `len_dataloader // gradient_accumulation_steps + int(remainder > 0)`). Undefined where TRL
 * would refuse the batch (a generation not a multiple of num_generations or of the batch).
 */
export function generationSteps(epochs: number, prompts: number, batch: number, accumulation: number, groups: GenerationGroups): { value: number; perStep: number; detail?: string } | undefined {
  const given = groups.perGeneration;
  const per = given === undefined ? accumulation : "steps" in given ? given.steps : given.completions / batch;
  if (!Number.isInteger(per) || per < 1) return undefined;
  const completions = batch * per;
  if (completions % groups.generations !== 0) return undefined;
  const perGeneration = completions / groups.generations;
  const micro = Math.floor(prompts / perGeneration) * groups.iterations * per;
  const perEpoch = Math.ceil(micro / accumulation);
  if (given === undefined) return { value: epochs * perEpoch, perStep: perGeneration };
  const detail = `⌊${prompts} prompts / ${perGeneration} a generation⌋ × ${groups.iterations > 1 ? `${groups.iterations} iterations × ` : ""}${per} micro-batches${accumulation > 1 ? `, one step every ${accumulation}` : ""}`;
  return { value: epochs * perEpoch, perStep: perGeneration, detail };
}

/**
 * Why building a generating config raises, or undefined (one process; TRL's `__post_init__`): its generation batch is
 * per_device_train_batch_size × steps_per_generation (gradient_accumulation_steps where neither it nor
 * generation_batch_size is written), or generation_batch_size, which the batch must divide; the two together raise;
 * so does a generation batch num_generations does not divide, and num_generations below 2.
 */
export function generationBatchRaise(config: string, read: (name: string) => number | "unread" | undefined): string | undefined {
  const last = config.split(".").pop() ?? config;
  const known = Object.values(GENERATING).find((g) => g.config === last);
  if (!known) return undefined;
  const steps = read("steps_per_generation");
  const given = read("generation_batch_size");
  if (steps !== undefined && given !== undefined) return `${last} raises ValueError: 'generation_batch_size' and 'steps_per_generation' can not be both configured at the same time`;
  const batch = read("per_device_train_batch_size") ?? 8;
  const accumulation = read("gradient_accumulation_steps") ?? 1;
  const generations = read("num_generations") ?? known.generations;
  if (batch === "unread" || accumulation === "unread" || generations === "unread" || steps === "unread" || given === "unread") return undefined;
  if (given !== undefined && given % batch !== 0) return `${last} raises ValueError: generation_batch_size (${given}) must be divisible by the global batch size (${batch})`;
  const completions = given ?? batch * (steps ?? accumulation);
  const shown = given !== undefined ? "generation_batch_size" : steps !== undefined ? "per_device_train_batch_size × steps_per_generation" : "per_device_train_batch_size × gradient_accumulation_steps";
  if (completions % generations !== 0) return `${last} raises ValueError: its generation batch (${shown} = ${completions}) is not divisible by num_generations=${generations}`;
  return generations < 2 ? `${last} raises ValueError: num_generations=${generations} is below the minimum of 2` : undefined;
}
