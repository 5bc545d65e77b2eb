// A script often trains through a method or function of another workspace file: `model.train(train_loader)` with the
// epoch and step loops in a class of models/dcgan.py, `solver.train()`, `train(model, loader, args)` imported from
// engine.py, or `trainer.fit()` of a class the script defines itself. Python runs that body with the call's arguments
// (and the object the method is bound to), so the plan is read there, with those bindings.
import type { ModuleNamespaceValue, Value } from "../interp/values";
import { NONE, keyOf, str } from "../interp/construct";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsAnywhere, callsInBody, forEachStatement, keywordArgument, namesIn } from "../python/syntax-walk";
import type { ModuleFiles } from "../interp/module-resolver";
import { instanceMethod, lookupClassAttribute } from "../interp/classes";
import { findCodeSites, type CodeSite } from "./code-sites";
import { argumentsByParameter, spawnedProcessCall } from "./call-site-bindings";
import { atModuleLevel, importedFunctionNames } from "./top-level-imported-calls";
import { forwardedParameter, forwardedToFunction } from "./forwarded-parameters";
import { delegatedTraining } from "./delegated-training";
import { handsTrainingToBuiltObject } from "./built-object-training";
import { callsImportedTraining } from "./imported-step-calls";
import { libraryResultNames } from "./library-result-names";
import { isOptimizerConstruction } from "./optimizer-parameters";
import { stepsOncePerCall } from "./stepping-calls";
import { callsKerasFit } from "./foreign-keras-fit";
import { callsLightningFit } from "./foreign-lightning-fit";
import { returnsLibraryTrainer, runsLibraryTrainer } from "./library-trainer-runs";
import type { ParameterBindings } from "./evaluate-site";

type CallSite = Extract<CodeSite, { kind: "call" }>;
type CallArgument = CallSite["call"]["args"][number];

/** Calls whose callee is worked out, at most: each is an evaluation of the objects it needs (a constructor runs). */
const MAX_CANDIDATES = 8;
/** Methods read with a bound training method, at most: the helpers it calls on `self` (`self.train_epoch()`). */
const MAX_HELPERS = 6;
/** A backward pass: `.backward(`, or a call of timm's loss scaler on the loss (`loss_scaler(loss, optimizer, ...)`:
 *  timm.utils NativeScaler/ApexScaler.__call__ scales the loss, runs backward and steps, timm/utils/cuda.py 0.4-1.0). */
const BACKWARD = /\.backward\s*\(|scaler\s*\(\s*loss\b/;

/** Whether the definition's code (not a comment: `# loss.backward()` left out while debugging) calls backward or a
 *  loss scaler. */
function backwardCalled(d: FunctionDefinition): boolean {
  const scaler = /scaler$/i;
  return callsAnywhere(d.body).some((c) => (c.func.type === "attribute" && (c.func.name === "backward" || scaler.test(c.func.name))) || (c.func.type === "name" && scaler.test(c.func.id)));
}
/** A TensorFlow update: a 1.x training operation (`train_op = optimizer.minimize(loss)`, TF-Slim's
 *  `create_train_op(loss, optimizer)`, run in a session) or gradients applied (`optimizer.apply_gradients(...)`). */
const TENSORFLOW_UPDATE = /\.(minimize|apply_gradients|create_train_op)\s*\(/;
/** A library trainer built in the body that runs the backward passes itself: Ignite's `create_supervised_trainer(...)`
 *  (its update function calls loss.backward() and optimizer.step(), pytorch.org/ignite/generated/
 *  ignite.engine.create_supervised_trainer.html, ignite 0.4-0.5), whose `run(loader, max_epochs=N)` the body calls. */
const LIBRARY_TRAINER = /\bcreate_supervised_trainer\s*\(/;
/** Methods of lists, dicts, sets and files, and dunders (`super().__init__()`): a statement calling one trains nothing. */
const CONTAINER_METHOD = /(^|\.)(append|extend|insert|update|add|pop|remove|clear|sort|reverse|write|writelines|close|flush|__\w+__)$/;

/** Methods that log, load or draw but never train, whatever object they are called on: torch.utils.tensorboard's
 *  `SummaryWriter.add_scalar`/`add_histogram`/... (pytorch.org/docs/stable/tensorboard.html), `nn.Module.load_state_dict`,
 *  gym's `Env.seed`/`render`, and matplotlib's drawing methods of an Axes or Figure (matplotlib.org/stable/api/axes_api.html
 *  and figure_api.html, matplotlib 3.8). An RL script's loop logs four scalars an episode, a notebook's grid of sample
 *  images calls `ax.imshow`, `ax.set_title` and `ax.axis` each: tried as training calls, they used up the candidates
 *  before `agent.run(max_step)` or `trainer.fit(...)` was reached. */
const NEVER_TRAINS = /^(add_(scalars?|histogram|images?|figure|text|graph|embedding|pr_curve|hparams|video|audio|mesh)|load_state_dict|seed|render|imshow|set_(title|xlabel|ylabel|xlim|ylim|xticks|yticks|aspect)|axis|legend|grid|suptitle|tight_layout|savefig|colorbar)$/;

/** argparse's configuration methods (docs.python.org/3/library/argparse.html), optparse's (`parser.add_option(...)`,
 *  docs.python.org/3/library/optparse.html) and absl's flag definers (`flags.DEFINE_integer(...)`,
 *  abseil.io/docs/python/guides/flags). */
const PARSER_CONFIGURATION = /^(add_argument|add_argument_group|add_mutually_exclusive_group|add_option|add_option_group|set_defaults|DEFINE_\w+)$/;

/** A training body of another file that a call of this file runs, with its parameters bound as the call binds them. */
export interface ForeignTraining {
  definition: FunctionDefinition;
  module: ModuleNamespaceValue;
  file: string;
  text: string;
  bindings: ParameterBindings;
  /** The methods of the same file that a bound method calls on `self`, with `self` bound the same way: the epoch loop
   *  of `train()` calling `self.train_epoch()`, where the steps are; and the functions of that file it calls by name
   *  that train (`train_one_epoch(model, optimizer, loader)`), bound as a plain function's helpers are. */
  helpers: FunctionDefinition[];
  /** The call in this file. */
  site: CallSite;
  /** The loops of the script's method around the call it hands the training on through (`while not done:` around
   *  `self.model.train_net()`): the held method's loops are one pass's, not the run's. */
  perPassOf?: string;
  /** The function trains through an object it builds (`trainer = Trainer(config); trainer.train()`): its plan follows
   *  that call into the class's file (built-object-training.ts). */
  handsOn?: boolean;
}

/**
 * The first call statement of the file (`model.train(loader)`, `solver.train()`) whose callee, worked out where the
 * call is, is a function defined in another workspace file, or a bound method of any workspace file, whose body runs
 * backward passes. Statement calls come first (a training call's result is seldom kept), then method calls unpacked
 * into several names (`loss, acc = model.run_epoch(...)`). `runs` says whether the plain run reaches a site.
 */
export function foreignTraining(
  body: Statement[],
  text: string,
  file: string,
  files: ModuleFiles,
  evaluate: (site: CallSite, e: Expression) => Value | undefined,
  runs: (site: CallSite) => boolean,
  /** Read this call alone (a later one of calls in turn, foreign-calls-in-turn.ts). */
  only?: Expression,
  /** What the module binds a name to once loaded, for the callees of module-level calls. */
  moduleName?: (name: string) => Value | undefined,
): ForeignTraining | undefined {
  const statementCalls = new Set<Expression>();
  const keptCalls = new Set<Expression>();
  const namedCalls = new Set<Expression>();
  // `p = mp.Process(target=train, args=(rank, args, shared_model, optimizer))`: each worker runs the target function
  // with those arguments (multiprocessing.Process and threading.Thread call `target(*args, **kwargs)` in run(),
  // docs.python.org/3/library/multiprocessing.html#multiprocessing.Process), as A3C workers are started.
  const spawned = new Set<Expression>();
  // A class's own methods (`super().__init__()`, `data.append(x)` in a Dataset) never start the script's training;
  // counted, they would use up the candidates before the script's `trainer.train()` is reached.
  const classes: Statement[] = [];
  // `arg = parser.add_argument`: that name's calls configure the parser, as add_argument's own do.
  const configuring = new Set<string>();
  // A call an epoch loop makes (`for epoch in range(n): train.train(...)`) is tried whatever came before it: a script's
  // setup (plots, `.cuda()` moves) can use up the candidates before the loop that trains is reached.
  const perEpoch = new Set<Expression>();
  const importedNames = importedFunctionNames(body);
  // `ax.plot(...)` of `fig, ax = plt.subplots()`: a library object's method (library-result-names.ts).
  const libraryObjects = libraryResultNames(body);
  // A call handed an optimizer the script built (`accs = run_epochs(model, data, optimizer, N_EPOCHS)`) is where the
  // script's training is done: tried whatever came before it, as a notebook's data preparation calls many functions of
  // its project first.
  const optimizers = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.value.type === "call" && isOptimizerConstruction(s.value)) for (const t of s.targets) if (t.type === "name") optimizers.add(t.id);
  });
  const handedOptimizer = (call: Expression) => call.type === "call" && call.args.some((a) => (a.kind === "positional" || a.kind === "keyword") && a.value.type === "name" && optimizers.has(a.value.id));
  /** Calls whose result the file runs `.train()` on. */
  const resultTrained = new Set<Expression>();
  forEachStatement(body, ({ statement: s, ancestors }) => {
    if (s.type === "expression" && s.value.type === "call" && ancestors.some((a) => a.type === "for" && a.target.type === "name" && /epoch/i.test(a.target.id))) perEpoch.add(s.value);
    if (s.type === "class") classes.push(s);
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.value.type === "attribute" && PARSER_CONFIGURATION.test(s.value.name)) configuring.add(s.targets[0].id);
    if (s.type === "expression" && s.value.type === "call" && (s.value.func.type === "attribute" || s.value.func.type === "name")) statementCalls.add(s.value);
    // A method call whose results the script keeps (`train_loss, val_acc = model.run_epoch(train_iter, val_iter, i)`):
    // tried after the plain statement calls.
    if (s.type === "assign" && s.value.type === "call" && s.value.func.type === "attribute" && s.targets.some((t) => t.type === "tuple" || t.type === "list")) keptCalls.add(s.value);
    // So is any call whose result the `__main__` block keeps (`test_loss = train.initiate(hyp_params, ...)`): that
    // block is what `python FILE` runs, whatever its calls are named.
    else if (s.type === "assign" && s.value.type === "call" && (s.value.func.type === "attribute" || s.value.func.type === "name") && ancestors.some(isMainGuard)) keptCalls.add(s.value);
    // So is a module-level call of a function the file imports by name (`val_loss, ms = main(hparam_overrides=...)`
    // in a benchmark driver): `python FILE` runs it as it would the `__main__` block's (top-level-imported-calls.ts).
    else if (s.type === "assign" && s.value.type === "call" && s.value.func.type === "name" && importedNames.has(s.value.func.id) && atModuleLevel(ancestors)) keptCalls.add(s.value);
    // So is `trainer = create_trainer(model, ..., args)` whose result the file then trains (`trainer.train()`): a
    // function of another file that builds a library trainer and returns it configures the run there.
    else if (s.type === "assign" && s.value.type === "call" && s.value.func.type === "name" && s.targets.length === 1 && s.targets[0].type === "name" && trainsResult(text, s.targets[0].id, s.pos.endIndex)) {
      keptCalls.add(s.value);
      resultTrained.add(s.value);
    }
    // A function named for training whose result is kept in one name (`train_stats = train_one_epoch(model, ...)`, as
    // DeiT's and timm's train.py call engine.py): tried last.
    else if (s.type === "assign" && s.value.type === "call" && namedForTraining(s.value.func)) namedCalls.add(s.value);
    const made = s.type === "assign" || s.type === "expression" ? s.value : undefined;
    if (made?.type === "call" && WORKER.test(calleeName(made.func)) && keywordArgument(made, "target")) spawned.add(made);
    // `mp.spawn(train_model, args=(world_size, ...), nprocs=n)` runs `train_model(0, world_size, ...)` in the first process.
    else if (made?.type === "call" && SPAWNS.test(calleeName(made.func))) spawned.add(made);
  });
  const inClass = (e: Expression) => classes.some((c) => c.pos.startIndex <= e.pos.startIndex && e.pos.endIndex <= c.pos.endIndex);
  if (statementCalls.size === 0 && keptCalls.size === 0 && namedCalls.size === 0 && spawned.size === 0) return undefined;
  const found = findCodeSites(body, text, /\w\s*\(/).filter((s): s is CallSite => s.kind === "call" && !s.inComprehension);
  const sites = [...found.filter((s) => statementCalls.has(s.call)), ...found.filter((s) => keptCalls.has(s.call))];
  // Named training calls come first among themselves: the statement calls before them may use up the candidates.
  const named = found.filter((s) => namedCalls.has(s.call));
  // A worker's target is read as the call `target(*args)`, made where the worker is built.
  const workers = found.flatMap((s) => (spawned.has(s.call) ? [workerCall(s) ?? spawnedProcessCall(s)] : [])).filter((s): s is CallSite => s !== undefined);
  // A class of the script that the script constructs outside any class (`controller = Controller()`) runs its
  // `__init__` on the new object (Python's type call), so a training call made there is the run's.
  const constructed = new Set(found.filter((s) => !inClass(s.call)).map((s) => s.callee));
  const inConstructorRun = (e: Expression) => classes.some((c) => c.type === "class" && constructed.has(c.name) && c.body.some((m) => m.type === "function" && m.name === "__init__" && m.pos.startIndex <= e.pos.startIndex && e.pos.endIndex <= m.pos.endIndex));
  let tried = 0;
  for (const site of only ? found.filter((s) => s.call === only) : [...sites, ...named, ...workers]) {
    // A call named for training (`w, loss = local.train(net=net)` in a federated round) is tried whatever came before.
    if (tried >= MAX_CANDIDATES && !namedCalls.has(site.call) && !workers.includes(site) && !perEpoch.has(site.call) && !namedForTraining(site.call.func) && !handedOptimizer(site.call)) continue;
    // Builtins and library calls (print, os.makedirs, torch.manual_seed) are never another workspace file's training.
    // pandas and seaborn by their usual aliases too (a notebook's `pd.set_option(...)` lines, `sns.scatterplot(...)`).
    if (/^(print|exit|quit|os|sys|np|numpy|torch|random|time|logging|logger|warnings|json|shutil|plt|wandb|pd|pandas|sns|seaborn|display)(\.|$)/.test(site.callee)) continue;
    if (libraryObjects.has(site.callee.split(".")[0]) && site.callee.includes(".")) continue;
    // argparse's configuration calls (a parser's fifteen add_argument lines) come first in most scripts and train nothing.
    if (PARSER_CONFIGURATION.test(site.callee.split(".").pop()!) || configuring.has(site.callee)) continue;
    if ((inClass(site.call) && !inConstructorRun(site.call)) || (CONTAINER_METHOD.test(site.callee) && !ownMethodCall(site, evaluate, file)) || NEVER_TRAINS.test(site.callee.split(".").pop()!)) continue;
    // A module-level call of a class (`dataset = Planetoid(...)`, `data = Data(x=x)`) or of a function no workspace
    // file defines (`G = to_networkx(data)`) is never another file's training function: not counted, it cannot use up
    // the candidates before a notebook's `accs = run_epochs(model, data, ...)` is reached.
    const bound = moduleName && site.call.func.type === "name" && !site.context.fn ? moduleName(site.call.func.id) : undefined;
    if (bound?.kind === "class" || (bound?.kind === "function" && !bound.module.file)) continue;
    tried++;
    if (!runs(site)) continue;
    const callee = calledMethod(evaluate(site, site.call.func));
    const fn = callee?.kind === "bound" ? callee.fn : callee;
    if (fn?.kind !== "function" || fn.definition.type !== "function") continue;
    const home = fn.module.file;
    // A method of the file's own class (`trainer.fit()`) runs its loops with the object bound, as another file's does.
    if (!home || (home === file && callee?.kind !== "bound")) continue;
    const source = home === file ? text : files.read(home);
    const definition = fn.definition;
    if (source === undefined) continue;
    // A bound method's first parameter is the object; the call's arguments fill the ones after it.
    const self = callee?.kind === "bound" ? callee.self : undefined;
    const elsewhere: { definition: FunctionDefinition; file: string }[] = [];
    // The body trains when it, or a method it calls on self (`train()` → `self.train_epoch()`, in this file or
    // another's subclass), runs backward passes, TensorFlow updates or a Keras fit (foreign-keras-fit.ts).
    const runsBackward = (d: FunctionDefinition, text: string | undefined) => {
      const body = text?.slice(d.pos.startIndex, d.pos.endIndex);
      // A Lightning or Hugging Face trainer built and run there (library-trainer-runs.ts) trains as a loop would.
      return body !== undefined && ((BACKWARD.test(body) && backwardCalled(d)) || TENSORFLOW_UPDATE.test(body) || LIBRARY_TRAINER.test(body) || callsKerasFit(body, text!) || callsLightningFit(body, text!) || runsLibraryTrainer(d, text!));
    };
    // A plain function's helpers are the functions of its own module it calls by name (`train(args)` running
    // `training_step(loader, model, ...)` each epoch): only those that train, so an evaluation pass adds no loop.
    // So are those that build the loaders it walks from a parameter it passes on (`train_dataloader, ... =
    // get_ds(config)`): Python binds their parameter to the caller's argument (forwarded-parameters.ts).
    const buildsLoader = (d: FunctionDefinition) => source !== undefined && LOADER_BUILT.test(source.slice(d.pos.startIndex, d.pos.endIndex));
    const ownMethods = self ? selfHelpers(definition, self, home, elsewhere) : [];
    // A method's own loop may leave the step to a function of its module called by name (`for epoch in
    // range(self.epochs): train_one_epoch(model, optimizer, loader)`): Python runs that function on each call, as it
    // does a plain function's helper, so those that train are the method's helpers too, with their parameters bound
    // as a plain function's are (not to the object).
    const namedFunctions = self ? [definition, ...ownMethods].flatMap((d) => moduleHelpers(d, fn.module, home)).filter((d, i, all) => all.indexOf(d) === i && !ownMethods.includes(d) && runsBackward(d, source)) : [];
    const helpers = self ? [...ownMethods, ...namedFunctions] : moduleHelpers(definition, fn.module, home).filter((d) => runsBackward(d, source) || buildsLoader(d));
    // The methods the script ran on the same object before (`model.build_model()` then `model.train_model()`) set the
    // attributes the training method reads (`self.dataloaders`): Python ran them first, so they are read with it.
    // A method that trains is a training call of its own, not setup (one the defaults skip may come first in the text).
    if (self) for (const d of setupMethods(body, site.call, self, home)) if (d !== definition && !helpers.includes(d) && !runsBackward(d, source)) helpers.push(d), ownMethods.push(d);
    const passed = argumentsByParameter(self ? { ...definition, params: definition.params.slice(1) } : definition, site.call);
    // ... or calls a method on an object the call passes it (a shared episode helper's `agent.update(batch_size)`,
    // `mini_batch_train(env, agent, ...)`) that does: Python runs that method on the object given, and the methods it
    // calls on itself (`agent.step(...)` storing the transition, then `self.learn(experiences)` every few steps).
    const throughArgument = () => callsInBody(definition.body).some((call) => {
      if (call.func.type !== "attribute" || call.func.object.type !== "name") return false;
      const argument = passed.get(call.func.object.id);
      const object = argument ? evaluate(site, argument) ?? NONE : NONE;
      const method = argument ? instanceMethod(object, call.func.name) : undefined;
      const home = method?.module.file;
      if (method === undefined || home === undefined) return false;
      const source = home === file ? text : files.read(home);
      return [method.definition, ...selfHelpers(method.definition, object, home)].some((d) => runsBackward(d, source));
    });
    const delegatingText = source;
    // A method that hands the training on to an object it holds (`self.net.train(labeled_data)` in an active-learning
    // strategy's `train()`): Python runs that object's method, whose loops are the run's (delegated-training.ts).
    // ... or calls a function its module imports from a third file that does (`train_generator(...)` of
    // module_utils.py in a worker's batch loop, imported-step-calls.ts).
    // So does a bound method whose loop calls such a function (`train_one_epoch` of a detection engine module).
    const importedTraining = () => (self ? [definition, ...ownMethods] : [definition]).some((d) => callsImportedTraining(d, fn.module, home, (h, at) => runsBackward(h, at === file ? text : files.read(at))));
    // A library trainer the function builds and returns, which the file then trains (library-trainer-runs.ts).
    const returnsTrainer = resultTrained.has(site.call) && returnsLibraryTrainer(definition, source);
    const delegated = !returnsTrainer && ![definition, ...helpers].some((d) => runsBackward(d, source)) && !elsewhere.some((e) => runsBackward(e.definition, files.read(e.file))) && !throughArgument() && !importedTraining()
      ? (self ? delegatedTraining(definition, self, site.call.func.type === "attribute" ? site.call.func.object : undefined, (e) => evaluate(site, e), (d, home) => runsBackward(d, home === file ? text : files.read(home))) : undefined) ?? null
      : undefined;
    // A plain function that builds a workspace object and runs its training method (`trainer = Trainer(config);
    // trainer.train()`): its plan follows that call one file further (built-object-training.ts).
    const buildsTrainer = delegated === null && !self && handsTrainingToBuiltObject(definition, fn.module, (d, object, at) => [d, ...selfHelpers(d, object, at)].some((m) => runsBackward(m, at === file ? text : files.read(at))));
    if (delegated === null && !buildsTrainer) continue;
    // Unless the held method steps once a call from a loop of this one (DDPG's `for i in range(iter):` reaching
    // `self.q_net.optimize(s, a, y)`): that loop is the step loop, read below in this method with the object bound.
    if (delegated && !(delegated.stepsOnce && delegated.loops.length > 0)) {
      const home = delegated.module.file!;
      const source = home === file ? text : files.read(home);
      if (source === undefined) continue;
      const helpers = selfHelpers(delegated.definition, delegated.self, home);
      const first = delegated.definition.params[0]?.name;
      const bindings: ParameterBindings = (f, name) => ((f === delegated.definition || helpers.includes(f)) && name === (f.params[0]?.name ?? first) ? delegated.self : undefined);
      // The loops of the delegating method around the call, as that method's file writes them (`while not done`).
      const perPassOf = delegated.loops.length > 0 ? delegated.loops.map((l) => `${delegatingText.slice(l.pos.startIndex, l.body[0]?.pos.startIndex ?? l.pos.endIndex).trim().replace(/:$/, "")} (line ${l.pos.line})`).join(" in ") : undefined;
      return { definition: delegated.definition, module: delegated.module, file: home, text: source, bindings, helpers, site, ...(perPassOf ? { perPassOf } : {}) };
    }
    const selfName = self ? definition.params[0]?.name : undefined;
    const memo = new Map<string, Value | undefined>();
    let depth = 0;
    // `engine.run(**engine_run_kwargs(cfg))`: a dict spread into the call binds the parameters its keys name.
    const spreads = site.call.args.flatMap((a) => (a.kind === "doublestar" ? [a.value] : []));
    let spread: Value[] | undefined;
    const fromSpread = (name: string): Value | undefined => {
      spread ??= spreads.map((e) => evaluate(site, e) ?? NONE);
      for (const d of spread) {
        const entry = d.kind === "dict" ? d.entries.get(keyOf(str(name))) : undefined;
        if (entry) return entry.value;
      }
      return undefined;
    };
    const bindings: ParameterBindings = (f, name) => {
      if (self && ownMethods.includes(f) && name === f.params[0]?.name) return self;
      // A helper's parameter that the one call of it passes a caller's parameter (`self.train_iter(loader,
      // max_batches=max_batches)`) is bound as that caller's is (forwarded-parameters.ts).
      const forwarded = helpers.includes(f) ? (ownMethods.includes(f) ? forwardedParameter(f, name, [definition, ...helpers]) : forwardedToFunction(f, name, [definition, ...helpers])) : undefined;
      if (forwarded && depth < MAX_HELPERS) {
        depth++;
        try {
          return bindings(forwarded.caller, forwarded.parameter);
        } finally {
          depth--;
        }
      }
      if (f !== definition) return undefined;
      if (self && name === selfName) return self;
      if (!memo.has(name)) {
        const argument = passed.get(name);
        memo.set(name, argument ? evaluate(site, argument) : spreads.length > 0 ? fromSpread(name) : undefined);
      }
      return memo.get(name);
    };
    return { definition, module: fn.module, file: home, text: source, bindings, helpers, site, ...(buildsTrainer ? { handsOn: true } : {}) };
  }
  return undefined;
}

/** A call named as a container's method (`agent.update(iter=10, n=100)`) on an object of a class of another workspace
 *  file that defines that method itself: Python runs the class's method, not dict.update. Dunders
 *  (`super().__init__()`) stay out, and so do the script's own classes, whose methods the script's plan reads in place,
 *  and a method that steps once a call, which is a step of the loop that calls it. */
function ownMethodCall(site: CallSite, evaluate: (site: CallSite, e: Expression) => Value | undefined, file: string): boolean {
  const func = site.call.func;
  if (func.type !== "attribute" || /^__\w+__$/.test(func.name) || func.object.type !== "name") return false;
  const receiver = evaluate(site, func.object);
  const home = receiver?.kind === "instance" && !receiver.module ? instanceMethod(receiver, func.name)?.module.file : undefined;
  if (home === undefined || home === file || receiver?.kind !== "instance") return false;
  // One that steps once a call is a step of the script's own loop, read there with its cadences (own-call-cadences.ts).
  const fn = lookupClassAttribute(receiver.cls, func.name);
  return fn === undefined || !stepsOncePerCall({ kind: "bound", self: receiver, fn });
}

/** Constructors of a worker that runs a function given as `target` (multiprocessing's, torch.multiprocessing's and
 *  threading's). */
const WORKER = /^(Process|Thread)$/;
/** torch.multiprocessing's process starters (pytorch.org/docs/stable/multiprocessing.html#spawning-subprocesses). */
const SPAWNS = /(^|\.)(spawn|start_processes)$/;

/** The site of a worker's constructor as the call its run makes: `target(*args, **kwargs)`, at the constructor's place. */
function workerCall(site: CallSite): CallSite | undefined {
  const target = keywordArgument(site.call, "target");
  if (!target) return undefined;
  const given = keywordArgument(site.call, "args");
  const mapping = keywordArgument(site.call, "kwargs");
  // `args=(rank, args)` or `args=[...]`; a single value not in a tuple is no argument list Python would accept.
  if (given && given.type !== "tuple" && given.type !== "list") return undefined;
  const args: CallArgument[] = [
    ...(given && (given.type === "tuple" || given.type === "list") ? given.items.map((value): CallArgument => ({ kind: "positional", value })) : []),
    ...(mapping ? [{ kind: "doublestar", value: mapping } as CallArgument] : []),
  ];
  const callee = target.type === "name" ? target.id : target.type === "attribute" ? `${calleeName(target)}` : "";
  return { ...site, call: { type: "call", func: target, args, pos: site.call.pos }, callee };
}

/** A torch DataLoader built in a function's body. */
const LOADER_BUILT = /\bDataLoader\s*\(/;

/** Functions named for training a model: `train`, `train_one_epoch`, `train_epoch`, `training_loop`, and a word
 *  `train` later in the name (`mini_batch_train`, `run_training`). */
const TRAINING_NAMED = /(^|_)train(ing)?(_|$)/;
/** ... or for fitting one (`fit_model`, `model_fit`). */
const FITTING_NAMED = /^fit_|_fit$/;
/** scikit-learn's estimator verbs (`encoder.fit(X)`, `scaler.fit_transform(X)`): an object's own method, or its
 *  library's function, never the project's training. */
const ESTIMATOR_VERB = /^fit(_(transform|predict|resample))?$/;

/** Whether a call is named for training: `train...` by the name above, a project function `fit(...)` called by its
 *  name, or one whose name joins fit to another word (`fit_model`) but is no estimator's verb. */
export function namedForTraining(func: Expression): boolean {
  const name = calleeName(func);
  if (TRAINING_NAMED.test(name)) return true;
  if (func.type === "name" && name === "fit") return true;
  return FITTING_NAMED.test(name) && !ESTIMATOR_VERB.test(name);
}

/** `if __name__ == "__main__":`. */
const isMainGuard = (s: Statement): boolean => s.type === "if" && namesIn([s.test], new Set()).has("__name__");

/** The last name of a callee (`engine.train_one_epoch` → `train_one_epoch`). */
const calleeName = (func: Expression): string => (func.type === "name" ? func.id : func.type === "attribute" ? func.name : "");

/** An object of a workspace class called as a function (`trainer(loader, epochs=n)`) runs its class's `__call__`. */
function calledMethod(callee: Value | undefined): Value | undefined {
  if (callee?.kind !== "instance" || callee.module) return callee;
  const call = lookupClassAttribute(callee.cls, "__call__");
  return call?.kind === "function" ? { kind: "bound", self: callee, fn: call } : callee;
}

/** The functions of `home` that `definition` calls by name (`training_step(...)`), and those they call, at most
 *  MAX_HELPERS, as the module binds the names. */
function moduleHelpers(definition: FunctionDefinition, module: ModuleNamespaceValue, home: string): FunctionDefinition[] {
  const found: FunctionDefinition[] = [];
  const queue = [definition];
  for (let i = 0; i < queue.length && found.length < MAX_HELPERS; i++) {
    for (const call of callsInBody(queue[i].body)) {
      if (call.func.type !== "name") continue;
      const helper = module.scope.names.get(call.func.id);
      if (helper?.kind !== "function" || helper.definition.type !== "function" || helper.module.file !== home) continue;
      if (helper.definition === definition || found.includes(helper.definition) || found.length >= MAX_HELPERS) continue;
      found.push(helper.definition);
      queue.push(helper.definition);
    }
  }
  return found;
}

/** The methods (of the file `home`) that `definition` calls on its first parameter, and those they call, in order;
 *  `elsewhere` collects those of other files (a subclass's override of a hook the base class's loop calls:
 *  torchreid's `Engine.train()` calling `self.forward_backward(data)`, defined by `ImageSoftmaxEngine` in another
 *  file), which Python runs just the same. */
/** The methods of `home` that the script calls on the training call's receiver before that call (`model.build_model()`
 *  ahead of `model.train_model()`), with the helpers each calls on its object; at most MAX_HELPERS in all. */
function setupMethods(body: Statement[], call: Extract<Expression, { type: "call" }>, self: Value, home: string): FunctionDefinition[] {
  if (call.func.type !== "attribute" || call.func.object.type !== "name") return [];
  const receiver = call.func.object.id;
  const trained = call.func.name;
  const out: FunctionDefinition[] = [];
  forEachStatement(body, ({ statement: s }) => {
    if (out.length >= MAX_HELPERS || s.type !== "expression" || s.value.type !== "call" || s.pos.endIndex > call.pos.startIndex) return;
    const f = s.value.func;
    if (f.type !== "attribute" || f.object.type !== "name" || f.object.id !== receiver || f.name === trained) return;
    const method = instanceMethod(self, f.name);
    if (!method || method.module.file !== home || out.includes(method.definition)) return;
    out.push(method.definition, ...selfHelpers(method.definition, self, home).filter((d) => !out.includes(d)));
  });
  return out.slice(0, MAX_HELPERS);
}

function selfHelpers(definition: FunctionDefinition, self: Value, home: string, elsewhere: { definition: FunctionDefinition; file: string }[] = []): FunctionDefinition[] {
  if (self.kind !== "instance") return [];
  const found: FunctionDefinition[] = [];
  const queue = [definition];
  // Every method queued is read for the calls it makes, so one of another file is seen even once `found` is full.
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i].params[0]?.name;
    for (const call of callsInBody(queue[i].body)) {
      if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id !== name) continue;
      const helper = instanceMethod(self, call.func.name);
      if (!helper || helper.definition === definition || found.includes(helper.definition)) continue;
      if (helper.module.file !== home) {
        if (helper.module.file && elsewhere.length < MAX_HELPERS && !elsewhere.some((e) => e.definition === helper.definition)) elsewhere.push({ definition: helper.definition, file: helper.module.file });
        continue;
      }
      if (found.length >= MAX_HELPERS) continue;
      found.push(helper.definition);
      queue.push(helper.definition);
    }
  }
  return found;
}

/** Whether the text after `from` runs `.train(` on `name` (`trainer.train()`), a library trainer's training call. */
function trainsResult(text: string, name: string, from: number): boolean {
  return new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, "")}\\s*\\.\\s*train\\s*\\(`).test(text.slice(from));
}
