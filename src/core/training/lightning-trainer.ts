// Lightning's Trainer as a training run's source: `Trainer(max_epochs=..., precision=..., accumulate_grad_batches=...)`
// and Lightning 1.x's `Trainer.from_argparse_args(args, **kwargs)`, which "builds the Trainer from the namespace's
// fields that match `__init__`'s parameters, then the keyword arguments over them"
// (pytorch_lightning 1.x utilities/argparse.py `from_argparse_args`: `trainer_kwargs = {name: params[name] for name in
// valid_kwargs if name in params}; trainer_kwargs.update(**kwargs)`). A field the namespace does not hold keeps the
// Trainer's default (lightning.ai/docs/pytorch/1.9.5/common/trainer.html).
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression as Call } from "../python/syntax-walk";
import { dictEntry } from "../interp/value-figures";

// A config value as the detail shows it: numbers and strings as written, anything else elided.
const describe = (v: Value): string => (v.kind === "int" || v.kind === "float" ? String(v.value) : v.kind === "str" ? JSON.stringify(v.value) : "...");

/** One Trainer argument the call gives: its value and the code it came from. */
export interface TrainerArgument {
  value: Value;
  detail: string;
}

/** The Trainer's argument `name` as the call gives it: a keyword, or for `from_argparse_args` the namespace's field. */
export function lightningTrainerArgument(
  call: Call,
  callee: string,
  name: string,
  evaluate: (e: Expression) => Value | undefined,
  snippet: (e: Expression) => string,
): TrainerArgument | undefined {
  const given = keywordArgument(call, name);
  if (given) {
    const value = evaluate(given);
    return value === undefined ? undefined : { value, detail: `${callee}(${name}=${snippet(given)})` };
  }
  // `pl.Trainer(**config["trainer"])`, `Trainer(**cfg.trainer)`: a mapping spread into the call passes its keys as
  // keywords (a YAML's `trainer:` section read by yaml.safe_load or OmegaConf.load).
  for (const a of call.args) {
    if (a.kind !== "doublestar") continue;
    const value = dictEntry(evaluate(a.value), name);
    if (value !== undefined && value.kind !== "unknown") return { value, detail: `${callee}(**${snippet(a.value)}) with ${name}=${describe(value)}` };
  }
  if (!/(^|\.)from_argparse_args$/.test(callee)) return undefined;
  const source = positionalArgument(call, 0) ?? keywordArgument(call, "args");
  const namespace = source ? evaluate(source) : undefined;
  // Only a field the parser defines counts (`parser.add_argument("--max_epochs", default=20)`): an attribute the
  // namespace lacks is a default of the Trainer's, not of the script's.
  const field = namespace?.kind === "instance" ? namespace.attributes.get(name) : undefined;
  if (!field || field.kind === "unknown" || field.kind === "none") return undefined;
  return { value: field, detail: `${callee}(${snippet(source!)}) with ${snippet(source!)}.${name}` };
}

/** True for Lightning 1.x's `Trainer.from_argparse_args(...)` (any import path). */
export function isTrainerFromArgparse(callee: string): boolean {
  return /(^|\.)Trainer\.from_argparse_args$/.test(callee);
}
