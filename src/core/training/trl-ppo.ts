// TRL's classic PPO (TRL 0.4 to 0.11): `ppo_trainer = PPOTrainer(config, model, ref_model, tokenizer, dataset=ds)`
// batches the dataset itself, `self.dataloader = DataLoader(dataset, batch_size=config.batch_size, shuffle=True,
// drop_last=True)` (trl/trainer/ppo_trainer.py, prepare_dataloader), and the script walks it:
// `for batch in ppo_trainer.dataloader: ... ppo_trainer.step(queries, responses, rewards)`. Each step call runs
// config.ppo_epochs passes over the rollout batch in mini-batches of mini_batch_size, and the optimizer steps once
// every gradient_accumulation_steps mini-batches (PPOTrainer.step: `for _ in range(ppo_epochs)`, then backward batches
// of backward_batch_size = mini_batch_size × gradient_accumulation_steps). So the batch a forward and backward pass
// sees is mini_batch_size, and each rollout batch is ppo_epochs × batch_size / backward_batch_size optimizer steps.
// The config's fields come from the PPOConfig stand-in (trl-ppo-package.ts). TRL 0.12's PPOTrainer(args=...,
// train_dataset=...) with `trainer.train()` is another API, not read here.
import type { Value } from "../interp/values";
import type { Expression, Statement } from "../python/ast";
import { dottedName, forEachExpression, forEachStatement, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

type ForStatement = Extract<Statement, { type: "for" }>;

/** What a classic PPOTrainer and the script's loop over its dataloader make of the run. */
export interface ClassicPpoRun {
  /** The loop over `<trainer>.dataloader` that calls `<trainer>.step(...)`: one pass over the dataset a turn. */
  loop: ForStatement;
  /** Whether the loop runs inside another loop: its passes are then that loop's turns, not one. */
  nested: boolean;
  /** The dataset the trainer is handed: the rows its dataloader walks. */
  dataset: Expression;
  /** The config's mini_batch_size: the rows of each forward and backward pass. */
  batch?: number;
  /** Its batch_size: the rollout rows the dataloader gives each step call (its last partial batch dropped). */
  rollout?: number;
  accumulation?: number;
  ppoEpochs?: number;
}

/** Whether the file imports PPOTrainer from trl (`from trl import PPOTrainer`, one name of a parenthesized list too). */
export function importsTrlPpoTrainer(text: string): boolean {
  return /^\s*from\s+trl(?:\.[\w.]+)?\s+import\s+(?:\([^)]*\bPPOTrainer\b|[^\n]*\bPPOTrainer\b)/m.test(text);
}

/** Whether `e` reads `<name>.dataloader`. */
function readsDataloaderOf(e: Expression, name: string): boolean {
  let found = false;
  forEachExpression(e, (x) => {
    if (x.type === "attribute" && x.name === "dataloader" && dottedName(x.object) === name) found = true;
  });
  return found;
}

/** Whether a block calls `<name>.step(...)`. */
function callsStepOf(body: Statement[], name: string): boolean {
  let found = false;
  forEachStatement(body, ({ statement }) => {
    if (statement.type !== "expression" && statement.type !== "assign" && statement.type !== "annotated") return;
    const value = statement.type === "expression" ? statement.value : statement.value;
    if (value) forEachExpression(value, (x) => {
      if (x.type === "call" && x.func.type === "attribute" && x.func.name === "step" && dottedName(x.func.object) === name) found = true;
    });
  });
  return found;
}

/**
 * The classic PPO run a `PPOTrainer(...)` call builds, given the names it is bound to and the file's statements:
 * undefined unless the call is the classic API's (a config first, no `args=`), is handed a dataset, and a loop of the
 * file walks the trainer's dataloader and calls its `step`.
 */
export function classicPpoRun(call: CallExpression, assignedTo: readonly string[], body: Statement[], evaluate: (e: Expression) => Value | undefined): ClassicPpoRun | undefined {
  if (keywordArgument(call, "args") || keywordArgument(call, "train_dataset")) return undefined;
  const config = keywordArgument(call, "config") ?? positionalArgument(call, 0);
  const dataset = keywordArgument(call, "dataset") ?? positionalArgument(call, 4);
  if (!config || !dataset || assignedTo.length !== 1) return undefined;
  const name = assignedTo[0];
  let loop: ForStatement | undefined;
  let nested = false;
  forEachStatement(body, ({ statement, ancestors }) => {
    if (loop || statement.type !== "for" || !readsDataloaderOf(statement.iter, name) || !callsStepOf(statement.body, name)) return;
    loop = statement;
    nested = ancestors.some((a) => a.type === "for" || a.type === "while");
  });
  if (!loop) return undefined;
  const settings = evaluate(config);
  const field = (key: string): number | undefined => {
    if (settings?.kind !== "instance" || settings.cls.name !== "PPOConfig") return undefined;
    const v = settings.attributes.get(key);
    return v?.kind === "int" && v.value > 0 ? v.value : undefined;
  };
  // The mini-batch divides the rollout batch (TRL's __post_init__ checks it): with the rollout's size unknown, a
  // default mini-batch says nothing.
  const rollout = field("batch_size");
  const mini = field("mini_batch_size");
  const batch = rollout !== undefined && mini !== undefined && mini <= rollout ? mini : undefined;
  return { loop, nested, dataset, batch, rollout, accumulation: field("gradient_accumulation_steps"), ppoEpochs: field("ppo_epochs") };
}

/** Optimizer steps of the whole run: passes × ⌊samples / batch_size⌋ rollout batches (drop_last) × the steps of each
 *  step call. Undefined when a figure is missing. */
export function classicPpoSteps(run: ClassicPpoRun, passes: number, samples: number): number | undefined {
  const { rollout, batch, ppoEpochs } = run;
  if (!rollout || !batch || !ppoEpochs) return undefined;
  const perStepCall = ppoEpochs * Math.max(1, Math.floor(rollout / (batch * (run.accumulation ?? 1))));
  return passes * Math.floor(samples / rollout) * perStepCall;
}
