// PyTorch-Ignite's Engine: `trainer.run(data, max_epochs=None, epoch_length=None)` runs max_epochs epochs (1 when a
// fresh run is given none) of epoch_length iterations each (len(data) by default), one optimizer step per iteration
// of a training engine (pytorch.org/ignite/generated/ignite.engine.engine.Engine.html#ignite.engine.engine.Engine.run,
// ignite 0.4-0.5). A training engine is one `create_supervised_trainer(...)` builds, or `Engine(step)` whose step
// function runs backward passes; evaluators (`create_supervised_evaluator`, `Engine(validation_step)`) also `run`.
import type { Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Whether the file imports PyTorch-Ignite. */
export function importsIgnite(text: string): boolean {
  return /^\s*(?:from|import)\s+ignite\b/m.test(text);
}

const BACKWARD = /\.backward\s*\(/;

/** Whether a call builds an Ignite training engine: `create_supervised_trainer(...)`, or `Engine(step)` (also
 *  `DeterministicEngine`) whose step function, defined in the file, runs backward passes. */
export function buildsIgniteTrainer(call: CallExpression, body: Statement[], text: string): boolean {
  const name = call.func.type === "name" ? call.func.id : call.func.type === "attribute" ? call.func.name : "";
  if (name === "create_supervised_trainer") return true;
  if (name !== "Engine" && name !== "DeterministicEngine") return false;
  const step = positionalArgument(call, 0) ?? keywordArgument(call, "process_function");
  if (step?.type !== "name") return false;
  let found: FunctionDefinition | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "function" && s.name === step.id) found = s;
  });
  return found !== undefined && BACKWARD.test(text.slice(found.pos.startIndex, found.pos.endIndex));
}

/** Whether a call of a function of the file returns a training engine it builds (`def train(): trainer =
 *  Engine(step) ... return trainer`, then `trainer = train()`): the name the script runs is that engine. */
export function returnsIgniteTrainer(call: CallExpression, body: Statement[], text: string): boolean {
  if (call.func.type !== "name") return false;
  const id = call.func.id;
  const fn = body.find((s): s is FunctionDefinition => s.type === "function" && s.name === id);
  if (!fn) return false;
  const returned = new Set<string>();
  const built = new Map<string, CallExpression>();
  forEachStatement(fn.body, ({ statement: s }) => {
    if (s.type === "return" && s.value?.type === "name") returned.add(s.value.id);
    if (s.type === "assign" && s.value.type === "call") for (const t of s.targets) if (t.type === "name") built.set(t.id, s.value);
  });
  return [...returned].some((n) => {
    const c = built.get(n);
    return c !== undefined && buildsIgniteTrainer(c, body, text);
  });
}

const positive = (v: Value | undefined): number | undefined => (v?.kind === "int" && v.value > 0 ? v.value : undefined);

/** The epochs and iterations per epoch a training engine's `run(data, max_epochs, epoch_length)` call states. */
export function igniteRun(call: CallExpression, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): {
  epochs?: { value: number; defaulted: boolean; detail: string };
  perEpoch?: { value: number; detail: string };
} {
  const epochsArgument = keywordArgument(call, "max_epochs") ?? positionalArgument(call, 1);
  const lengthArgument = keywordArgument(call, "epoch_length") ?? positionalArgument(call, 2);
  const code = `${snippet(call.func)}(${call.args.map((a) => snippet(a.value)).join(", ")})`;
  const result: ReturnType<typeof igniteRun> = {};
  if (epochsArgument) {
    const value = positive(evaluate(epochsArgument));
    if (value !== undefined) result.epochs = { value, defaulted: false, detail: `${code}: Ignite's Engine.run max_epochs=${snippet(epochsArgument)}` };
  } else if (!keywordArgument(call, "max_iters")) {
    result.epochs = { value: 1, defaulted: true, detail: `${code}: Ignite's Engine.run runs max_epochs=1 when a fresh run is given none (pytorch.org/ignite, Engine.run)` };
  }
  if (lengthArgument) {
    const value = positive(evaluate(lengthArgument));
    if (value !== undefined) result.perEpoch = { value, detail: `epoch_length=${snippet(lengthArgument)} iterations per epoch` };
  }
  return result;
}
