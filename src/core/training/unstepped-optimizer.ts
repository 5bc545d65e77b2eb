// A file that builds an optimizer and never uses it to train (an evaluation script that loads a saved model and
// builds its optimizer and scheduler as the training script did, a fragment that sets up the optimizer for a loop
// kept elsewhere) states no run: the loader batch or `epochs = 5` it holds is no training run's. The optimizer is
// unused when the file names no training at all (no backward pass, step, fit or call named for training) and hands
// the optimizer to no call but an LR scheduler's, nor returns it.
import type { Statement } from "../python/ast";
import { callsAnywhere, calleeName, forEachStatement, namesIn } from "../python/syntax-walk";
import { namesNoTraining } from "./samples-alone";

/** torch.optim's optimizers and the common ones of transformers and timm (`AdamW`, `Adafactor`, `Lion`). */
const OPTIMIZER_CLASS = /^(?:SGD|Adam|AdamW|Adamax|Adagrad|Adadelta|RMSprop|NAdam|RAdam|ASGD|Rprop|LBFGS|SparseAdam|Adafactor|Lion)$/;
/** A cheap test of the text before any walk. */
const OPTIMIZER_CALL = /\b(?:SGD|Adam\w*|Adagrad|Adadelta|RMSprop|NAdam|RAdam|ASGD|Rprop|LBFGS|Adafactor|Lion)\s*\(/;
/** Callees that take an optimizer only to schedule its learning rate (`StepLR`, `get_linear_schedule_with_warmup`). */
const SCHEDULER = /[Ss]chedul|LR$|[Ww]armup/;

/** The line of an optimizer the file builds and never uses to train, where its text names no training at all. */
export function unsteppedOptimizerLine(body: Statement[], text: string, trains: (text: string) => boolean): number | undefined {
  if (!OPTIMIZER_CALL.test(text) || !namesNoTraining(text, trains)) return undefined;
  const built = new Map<string, number>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign" || s.value.type !== "call" || !OPTIMIZER_CLASS.test(calleeName(s.value) ?? "")) return;
    for (const t of s.targets) if (t.type === "name") built.set(t.id, s.pos.line);
  });
  if (built.size === 0) return undefined;
  const names = new Set(built.keys());
  const reads = (e: Parameters<typeof namesIn>[0][number]) => [...namesIn([e], new Set())].some((n) => names.has(n));
  // Handed to a call (a training function of another file, a library trainer) or returned: it may be stepped there.
  for (const call of callsAnywhere(body)) {
    if (OPTIMIZER_CLASS.test(calleeName(call) ?? "") || SCHEDULER.test(calleeName(call) ?? "")) continue;
    if (call.args.some((a) => reads(a.value))) return undefined;
  }
  let returned = false;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "return" && s.value && reads(s.value)) returned = true;
  });
  return returned ? undefined : Math.min(...built.values());
}
