import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

// TRL's classic PPO loop, on 900 prompts held in memory: the trainer batches them itself and the script walks its
// dataloader, one `step` per rollout batch. A dict of pipeline settings names a batch_size that is not the run's.
const ppo = (config: string, head = "", indent = "") => `import torch
from datasets import Dataset
from transformers import AutoTokenizer
from trl import AutoModelForCausalLMWithValueHead, PPOConfig, PPOTrainer

${config}
scoring = {"top_k": None, "batch_size": 16}
prompts = Dataset.from_list([{"query": "tell me " + str(i)} for i in range(900)])
policy = AutoModelForCausalLMWithValueHead.from_pretrained("policy-base")
frozen = AutoModelForCausalLMWithValueHead.from_pretrained("policy-base")
tok = AutoTokenizer.from_pretrained("policy-base")
trainer = PPOTrainer(settings, policy, frozen, tok, dataset=prompts)
${head}
${indent}for rollout in trainer.dataloader:
${indent}    answers = [trainer.generate(q) for q in rollout["input_ids"]]
${indent}    rewards = [torch.tensor(1.0) for _ in answers]
${indent}    trainer.step(rollout["input_ids"], answers, rewards)
`;

describe("TRL's classic PPOTrainer walked through its dataloader", () => {
  it("PPOConfig's defaults: one pass in batches of 128, ⌊900 / 128⌋ rollouts × 4 ppo_epochs optimizer steps", async () => {
    const plan = await planOf(ppo("settings = PPOConfig(learning_rate=1.41e-5)"));
    assert.equal(plan.epochs?.value, 1);
    assert.equal(plan.batch?.value, 128);
    assert.equal(plan.samples?.value, 900);
    assert.equal(plan.steps?.value, 28);
    assert.equal(plan.dropLast, true);
  });

  it("a config of another file, mini-batches and accumulation, and an epoch loop around the pass", async () => {
    const plan = await planOf(ppo("from ppo_settings import settings", "for epoch in range(3):", "    "), {
      "/project/ppo_settings.py": "from trl import PPOConfig\n\nsettings = PPOConfig(batch_size=64, mini_batch_size=16, gradient_accumulation_steps=2, ppo_epochs=2)\n",
    });
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 16);
    assert.equal(plan.accumulation?.value, 2);
    // 3 passes × ⌊900 / 64⌋ = 14 rollouts × 2 ppo_epochs × 64 / (16 × 2) = 2 steps each
    assert.equal(plan.steps?.value, 168);
  });

  it("a pass inside a while loop is no count of passes; a mini-batch of an unknown rollout batch is no batch", async () => {
    const repeated = await planOf(ppo("settings = PPOConfig(batch_size=64, mini_batch_size=8)", "while True:", "    "));
    assert.equal(repeated.batch?.value, 8);
    assert.equal(repeated.epochs, undefined);
    const unsized = await planOf(ppo("settings = PPOConfig(batch_size=int(input()))"));
    assert.notEqual(unsized.batch?.value, 128);
  });

  it("TRL 0.12's PPOTrainer(args=..., train_dataset=...) is not read as the classic loop", async () => {
    const plan = await planOf(ppo("settings = PPOConfig(batch_size=64)").replace("PPOTrainer(settings, policy, frozen, tok, dataset=prompts)", "PPOTrainer(args=settings, model=policy, ref_model=frozen, train_dataset=prompts)"));
    assert.notEqual(plan.batch?.value, 64);
  });
});
