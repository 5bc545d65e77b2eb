import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { generationGroups, generationSteps } from "../../../../src/core/training/generation-groups";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own GRPO run over GSM8K's 7,473 training problems; CONFIG is the trainer's args (or none).
const grpo = (config: string) => `from datasets import load_dataset
from trl import GRPOConfig, GRPOTrainer

problems = load_dataset("openai/gsm8k", "main", split="train")

def short(completions, **kwargs):
    return [-len(c) for c in completions]

trainer = GRPOTrainer(model="some/model", reward_funcs=short, train_dataset=problems${config})
trainer.train()
`;

describe("GRPO and RLOO batches count completions, num_generations of each prompt", () => {
  it("a step takes batch × accumulation / num_generations prompts", async () => {
    const plan = await planOf(grpo(`, args=GRPOConfig("out", num_generations=4, per_device_train_batch_size=8, gradient_accumulation_steps=2, num_train_epochs=1)`));
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, plan.steps?.value, plan.precision?.value], [1, 7_473, 8, Math.floor(7_473 / 4), "bf16"]);
    assert.match(plan.steps!.detail, /4 completions of each prompt/);
  });

  it("a trainer given no config builds GRPOConfig's defaults: 3 epochs of 8 completions, 8 of each prompt", async () => {
    const plan = await planOf(grpo(""));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.steps?.value, plan.precision?.value], [3, 8, 3 * 7_473, "bf16"]);
  });

  it("num_iterations reuses each chunk", async () => {
    assert.equal((await planOf(grpo(`, args=GRPOConfig("out", num_generations=4, num_iterations=2, num_train_epochs=1)`))).steps?.value, 2 * Math.floor(7_473 / 2));
  });

  it("steps_per_generation or generation_batch_size regroups the chunks: S micro-batches of each, a step every accumulation", async () => {
    // 8 completions a micro-batch, 4 micro-batches a generation: 32 completions, 4 prompts of 8; one step a micro-batch.
    const regrouped = await planOf(grpo(`, args=GRPOConfig("out", steps_per_generation=4, num_train_epochs=1)`));
    assert.equal(regrouped.steps?.value, Math.floor(7_473 / 4) * 4);
    assert.match(regrouped.steps!.detail, /a generation every 4 micro-batches \(steps_per_generation\)/);
    assert.equal((await planOf(grpo(`, args=GRPOConfig("out", generation_batch_size=32, num_train_epochs=1)`))).steps?.value, Math.floor(7_473 / 4) * 4);
    // 4 of each prompt: 32 completions are 8 prompts; 4 micro-batches of each generation, a step every 2.
    assert.equal((await planOf(grpo(`, args=GRPOConfig("out", num_generations=4, steps_per_generation=4, gradient_accumulation_steps=2, num_train_epochs=1)`))).steps?.value, Math.floor(7_473 / 8) * 4 / 2);
  });

  it("both regroupings, or a generation_batch_size the batch does not divide, stop the plain run", async () => {
    assert.match((await planOf(grpo(`, args=GRPOConfig("out", steps_per_generation=4, generation_batch_size=32)`))).notes?.join(" ") ?? "", /can not be both configured/);
    assert.match((await planOf(grpo(`, args=GRPOConfig("out", generation_batch_size=20)`))).notes?.join(" ") ?? "", /generation_batch_size \(20\) must be divisible by the global batch size \(8\)/);
  });

  it("a generation batch num_generations does not divide, or fewer than 2 generations, stops the plain run", async () => {
    const refused = await planOf(grpo(`, args=GRPOConfig("out", num_generations=4, per_device_train_batch_size=6, num_train_epochs=1)`));
    assert.deepEqual([refused.epochs, refused.steps, refused.batch], [undefined, undefined, undefined]);
    assert.match(refused.notes?.join(" ") ?? "", /no training run: .*GRPOConfig raises ValueError: its generation batch .* = 6\) is not divisible by num_generations=4/);
    assert.match((await planOf(grpo(`, args=GRPOConfig("out", num_generations=1)`))).notes?.join(" ") ?? "", /num_generations=1 is below the minimum of 2/);
    // Divisible by an accumulation, or regrouped by steps_per_generation: no raise read.
    assert.equal((await planOf(grpo(`, args=GRPOConfig("out", num_generations=4, per_device_train_batch_size=6, gradient_accumulation_steps=2)`))).notes?.some((n) => /no training run/.test(n)) ?? false, false);
    assert.equal((await planOf(grpo(`, args=GRPOConfig("out", num_generations=4, per_device_train_batch_size=6, steps_per_generation=4)`))).notes?.some((n) => /no training run/.test(n)) ?? false, false);
  });

  it("the arithmetic: an incomplete last chunk of prompts is dropped", () => {
    const groups = generationGroups("RLOOConfig", 1, () => undefined)!;
    assert.equal(groups.generations, 2);
    assert.deepEqual(generationSteps(2, 101, 4, 1, groups), { value: 2 * 50, perStep: 2 });
    // 3 micro-batches of 4 a generation: 6 prompts; 16 generations × 3 micro-batches, a step every 2 (the last short).
    const regrouped = generationGroups("RLOOConfig", 1, (name) => (name === "steps_per_generation" ? 3 : undefined))!;
    assert.equal(generationSteps(1, 101, 4, 2, regrouped)?.value, Math.ceil((16 * 3) / 2));
    assert.equal(generationGroups("SFTConfig", 1, () => undefined), undefined);
  });
});
