// TRL's SFT packing: with `packing=True` (an SFTConfig field in TRL 1.x, an SFTTrainer keyword before 0.12) the
// trainer concatenates the dataset's tokenized rows and cuts them into sequences of max_length tokens
// (huggingface.co/docs/trl/sft_trainer, "Packing"; trl/trainer/sft_trainer.py, TRL 1.10.0.dev0 at f2cd577), so the
// samples a run trains on are those sequences, whose count only the tokenizer tells: the dataset's rows are not them.

/** The calls that take TRL's packing switch. */
const PACKING_CALLS = /^(SFTTrainer|SFTConfig)$/;

/** Whether a call of this name takes `packing=` (SFTTrainer, SFTConfig). */
export function takesPacking(callee: string): boolean {
  return PACKING_CALLS.test(callee.split(".").pop() ?? callee);
}

/** The note a plan gives where packing makes the dataset's rows other than the run's samples. */
export function packedRowsNote(call: string, line: number): string {
  return `samples: ${call} packs the dataset's rows into sequences of max_length tokens (packing=True, line ${line}), so the rows are not the run's samples; the sequences' count depends on the tokenizer: pass --samples N`;
}
