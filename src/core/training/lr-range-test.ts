// A learning-rate range test (Smith, "Cyclical Learning Rates for Training Neural Networks", 2017, section 3.3; fastai's
// `Learner.lr_find`, torch-lr-finder's `LRFinder.range_test`) steps the optimizer for a short probe while the rate
// grows, then the script restores the weights and trains for real. A script's own version of it is a function named
// for it (`def find_lr(model, loader, opt, num_iter=100):`): its loops are a probe, not the training run, and their
// steps must not stand for the run's. So is a function that puts the network's weights back after training it
// (`init = model.get_weights()`, `model.fit(X, y, epochs=1, callbacks=[exp_lr])`, `model.set_weights(init)`, as
// Géron's Hands-On Machine Learning, 3rd ed., chapter 11, finds a learning rate; torch's `load_state_dict` of a saved
// `state_dict()` alike), whatever its name: the training it does is undone, so it is no run.
import type { CodeSite } from "./code-sites";
import type { FunctionDefinition } from "../python/ast";
import { boundNames, forEachExpression, forEachStatement, ownExpressions, positionalArgument, rootName, type CallExpression } from "../python/syntax-walk";

/** The names scripts give their own range tests, after the libraries' `lr_find`/`range_test`: `find_lr`,
 *  `lr_finder`, `lr_range_test`, `findLR`. */
const RANGE_TEST_NAME = /^_*(find_?lrs?|lr_?find(er)?|lr_?range(_?test)?|range_?test|learning_?rate_?(finder|range_?test))$/i;

/** Whether a function of the script is a learning-rate range test by its name. */
export function isRangeTestName(name: string): boolean {
  return RANGE_TEST_NAME.test(name);
}

/** Keras' and torch's ways to take a network's weights and to put them back (keras.Model.get_weights/set_weights,
 *  torch.nn.Module.state_dict/load_state_dict). */
const TAKE_WEIGHTS = new Set(["get_weights", "state_dict"]);
const PUT_WEIGHTS = new Set(["set_weights", "load_state_dict"]);
/** Calls that train: a Keras fit or train_on_batch, a backward pass, an optimizer step. */
const TRAINS = new Set(["fit", "fit_generator", "train_on_batch", "backward", "step"]);

const methodOf = (call: CallExpression): string | undefined => (call.func.type === "attribute" ? call.func.name : undefined);

/** Whether a function trains and then puts back the weights it took before: a probe whose training is undone. A name
 *  bound again after the training began (`best = copy.deepcopy(model.state_dict())` when the validation loss falls,
 *  loaded at the end) keeps the best of a real run instead, and is no probe. */
export function restoresWeights(fn: FunctionDefinition): boolean {
  const taken = new Map<string, number>();
  const bound = new Map<string, number[]>();
  const trains: number[] = [];
  const restores: { name: string; line: number }[] = [];
  forEachStatement(fn.body, ({ statement }) => {
    for (const name of boundNames(statement)) bound.set(name, [...(bound.get(name) ?? []), statement.pos.line]);
    const calls: CallExpression[] = [];
    for (const e of ownExpressions(statement)) forEachExpression(e, (x) => x.type === "call" && calls.push(x));
    const target = statement.type === "assign" && statement.targets.length === 1 && statement.targets[0]!.type === "name" ? statement.targets[0]!.id : undefined;
    if (target !== undefined && !taken.has(target) && calls.some((c) => TAKE_WEIGHTS.has(methodOf(c) ?? ""))) taken.set(target, statement.pos.line);
    for (const c of calls) {
      const method = methodOf(c) ?? "";
      if (TRAINS.has(method)) trains.push(c.pos.line);
      // `set_weights(init)`, or `load_state_dict(copy.deepcopy(best))`: the name handed back.
      const saved = PUT_WEIGHTS.has(method) ? positionalArgument(c, 0) : undefined;
      const handed = saved?.type === "call" ? positionalArgument(saved, 0) : saved;
      const name = handed ? rootName(handed) : undefined;
      if (name !== undefined) restores.push({ name, line: c.pos.line });
    }
  }, [], () => false);
  return restores.some((r) => {
    const at = taken.get(r.name);
    if (at === undefined) return false;
    const between = trains.filter((line) => line > at && line < r.line);
    return between.length > 0 && (bound.get(r.name) ?? []).every((line) => line < Math.min(...between) || line > r.line);
  });
}

/** Whether a function of the script is a learning-rate range test: by its name, or by the weights it puts back. */
export function isRangeTest(fn: FunctionDefinition): boolean {
  return isRangeTestName(fn.name) || restoresWeights(fn);
}

/** The sites outside the script's own learning-rate range tests (the loops and calls of `def find_lr(...)`). */
export function sitesOutsideRangeTests(sites: CodeSite[]): CodeSite[] {
  const judged = new Map<FunctionDefinition, boolean>();
  const probe = (fn: FunctionDefinition): boolean => judged.get(fn) ?? (judged.set(fn, isRangeTest(fn)), judged.get(fn)!);
  const probes = new Set(sites.flatMap((s) => (s.context.fn !== undefined && probe(s.context.fn) ? [s.context.fn] : [])));
  return probes.size > 0 ? sites.filter((s) => s.context.fn === undefined || !probes.has(s.context.fn)) : sites;
}
