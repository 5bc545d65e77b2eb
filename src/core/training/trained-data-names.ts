// The names a script hands its training as data, whatever they are called: `dl_train, dl_test = get_data()` then
// `train(cfg, model, dl_train, dl_test)` whose loop walks that parameter and backpropagates, or a framework's entry
// that trains on what it is given: Lightning's `trainer.fit(model, train_dataloaders)`, Ignite's
// `engine.run(data, max_epochs)`, fastai's `Learner(dls, model)`, Catalyst's `runner.train(loaders=...)`,
// torchbearer's `trial.with_generators(train_loader, ...)`. A loader
// a workspace function returns into such a name is the run's loader, as one bound to a loader-like name already was.
import type { Expression, Statement } from "../python/ast";
import { callsAnywhere, keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { CodeSite } from "./code-sites";
import { walkedName } from "./loop-shape";
import { namesPassedFor } from "./walked-parameter";
import { importsTorchbearer, trialTrainGenerator } from "./torchbearer-trial";

const BACKPROPAGATES = /\.backward\s*\(/;

/** fastai's learner builders, which take the DataLoaders first (docs.fast.ai, "Learner", "Vision learner"). */
const FASTAI_LEARNERS = /^(Learner|cnn_learner|vision_learner|unet_learner|tabular_learner|text_classifier_learner|language_model_learner|collab_learner)$/;

const nameOf = (e: Expression | undefined): string[] => (e?.type === "name" ? [e.id] : []);

/** The plain names the script passes as training data to a walked parameter or to a framework's training entry. */
export function trainingDataNames(body: Statement[], text: string, sites: readonly CodeSite[]): Set<string> {
  const out = new Set<string>();
  const functions = new Map(body.flatMap((s) => (s.type === "function" ? [[s.name, s] as const] : [])));
  const textOf = (s: Statement) => text.slice(s.pos.startIndex, s.pos.endIndex);
  // It backpropagates itself, or calls a function of the module that does (`loss = make_step(model, x, y)`).
  const backpropagates = (fn: Statement) => BACKPROPAGATES.test(textOf(fn)) || callsAnywhere([fn]).some((c) => {
    const called = c.func.type === "name" ? functions.get(c.func.id) : undefined;
    return called !== undefined && called !== fn && BACKPROPAGATES.test(textOf(called));
  });
  // A function that backpropagates in a loop over its parameter walks what the module's calls pass for it.
  for (const site of sites) {
    const fn = site.kind === "loop" ? site.context.fn : undefined;
    if (site.kind !== "loop" || !fn || !backpropagates(fn)) continue;
    const walked = walkedName(site.loop.iter);
    if (walked === undefined) continue;
    for (const p of namesPassedFor(fn, walked, body) ?? []) out.add(p.name);
  }
  const ignite = /^\s*(?:from|import)\s+ignite\b/m.test(text);
  const catalyst = /^\s*(?:from|import)\s+catalyst\b/m.test(text);
  const torchbearer = importsTorchbearer(text);
  for (const call of callsAnywhere(body)) {
    const name = call.func.type === "name" ? call.func.id : call.func.type === "attribute" ? call.func.name : "";
    const method = call.func.type === "attribute";
    // Lightning's Trainer.fit(model, train_dataloaders=None, val_dataloaders=None, datamodule=None).
    if (method && name === "fit" && call.args.length >= 2 && call.args[0].kind !== "keyword") {
      for (const n of [...nameOf(positionalArgument(call, 1)), ...nameOf(keywordArgument(call, "train_dataloaders")), ...nameOf(keywordArgument(call, "train_dataloader"))]) out.add(n);
    }
    // Ignite's Engine.run(data, max_epochs=None, epoch_length=None).
    if (ignite && method && name === "run") for (const n of [...nameOf(positionalArgument(call, 0)), ...nameOf(keywordArgument(call, "data"))]) out.add(n);
    if (FASTAI_LEARNERS.test(name)) for (const n of [...nameOf(positionalArgument(call, 0)), ...nameOf(keywordArgument(call, "dls")), ...nameOf(keywordArgument(call, "data"))]) out.add(n);
    // Catalyst's Runner.train(model=..., loaders={"train": ..., "valid": ...}, num_epochs=...).
    if (catalyst && method && name === "train") for (const n of nameOf(keywordArgument(call, "loaders"))) out.add(n);
    // torchbearer's Trial.with_generators(train_generator, ...) and with_train_generator(generator, steps=None).
    if (torchbearer) for (const n of nameOf(trialTrainGenerator(call))) out.add(n);
  }
  return out;
}
