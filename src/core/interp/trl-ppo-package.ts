import { OPTIONAL_STAND_IN_LINE } from "./module-resolver";

// TRL's PPOConfig of the classic PPO API (TRL 0.4 to 0.11: `PPOTrainer(config, model, ref_model, tokenizer,
// dataset=...)`, `ppo_trainer.step(queries, responses, rewards)` in the script's own loop over
// `ppo_trainer.dataloader`) as a built-in stand-in: without trl in the environment the config was unknown, so the
// batch the trainer's dataloader gives (`config.batch_size`) and the optimizer steps each `step` takes were too. Our own
// compact Python holding the fields that decide the run, with TRL 0.11.4's defaults (trl/trainer/ppo_config.py:
// batch_size 128, mini_batch_size 128, gradient_accumulation_steps 1, ppo_epochs 4, steps 20000; TRL 0.4 to 0.7 had
// batch_size 256 and mini_batch_size 1); `forward_batch_size`, deprecated, sets mini_batch_size as TRL's
// __post_init__ does. Every other field stays unknown. TRL 0.12's PPOConfig, a TrainingArguments, is read from the
// call's keywords (trl-configs.ts), as before; an installed trl wins, and an import the script guards with `try` finds
// trl absent (OPTIONAL_STAND_IN_LINE). Read by trl-ppo.ts.
const PPO_CONFIG = `${OPTIONAL_STAND_IN_LINE}
from _greenlight_unknown import unknown as _unknown


class PPOConfig:
    def __init__(self, steps=20000, batch_size=128, forward_batch_size=None, mini_batch_size=128, gradient_accumulation_steps=1, ppo_epochs=4, **kwargs):
        self.steps = steps
        self.batch_size = batch_size
        if forward_batch_size is not None:
            mini_batch_size = forward_batch_size
        self.mini_batch_size = mini_batch_size
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.ppo_epochs = ppo_epochs
        self.backward_batch_size = mini_batch_size * gradient_accumulation_steps

    def __getattr__(self, name):
        return _unknown("trl.PPOConfig's " + name + " is not modelled")
`;

/** Virtual files of the built-in trl stand-in: path under site-packages → Python text. */
export const trlPpoPackage: [string, string][] = [
  ["trl/__init__.py", `${OPTIONAL_STAND_IN_LINE}\nfrom trl.trainer.ppo_config import PPOConfig\n`],
  ["trl/trainer/__init__.py", `${OPTIONAL_STAND_IN_LINE}\nfrom trl.trainer.ppo_config import PPOConfig\n`],
  ["trl/trainer/ppo_config.py", PPO_CONFIG],
];
