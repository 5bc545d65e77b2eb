import { attributesReadOffArgument, fitsConfigArgument } from "./interp/config-argument-fit";
import { srcLayoutFolder } from "./interp/src-layout";
import { Budget, BudgetExceeded } from "./interp/budget";
import { tensor, unknown } from "./interp/construct";
import { forwardArguments, requiredInputCount, takesDecoderTokens } from "./interp/forward-arguments";
import { dataImageSides, exampleInputs, pragmaConfig, pragmaInputs } from "./interp/input-discovery";
import { defaultInputsPerArgument } from "./interp/argument-inputs";
import { locateConfig, type LocatedConfig } from "./transformers/config-files";
import { CONFIG_FILE } from "./interp/stdlib/config-files";
import { buildsModel, ENTRY_POINTS, transformersEntryPoint, type PretrainedConfigs } from "./transformers/from-pretrained";
import type { Interpreter } from "./interp/interpreter";
import { Program, SyntaxCache, type WorkspaceFiles } from "./interp/program";
import { Recorder } from "./interp/recorder";
import { builtinRoot, modelledRoot, type NativeModuleProvider, type Runtime } from "./interp/runtime";
import { runtimeFor } from "./runtime";
import { memoryModuleFiles, ModuleResolver, type ImportRoot, type ModuleFiles } from "./interp/module-resolver";
import { dirname, relativeTo } from "./interp/paths";
import { notInstalledReason, type InstallActions, type PythonEnvironment } from "./environment/python-environment";

const DEFAULT_INSTALL_ACTIONS: InstallActions = { installed: "install it there, or select the interpreter that has it", noEnvironment: "select the interpreter that has it, or create a .venv in the workspace" };
import { PythonError, Unresolved, type ClassValue, type InstanceValue, type ModuleNamespaceValue, type Scope, type Value } from "./interp/values";
import { lowerExpression } from "./python/lower";
import type { PythonParser } from "./python/parser";
import type { ClassDefinition, FunctionDefinition, ModuleSyntax, Statement } from "./python/ast";
import type { AnalysisResult, ImportedFunction } from "./analysis-result";
import { buildReport, modulePaths } from "./report/build-report";
import type { InputSource, InputSpec, ModelReport } from "./report/model-report";
import { namedModules } from "./torch/module-tree";
import { isLossCriterion } from "./torch/layers/loss";
import { childBodies, dottedName, namesIn } from "./python/syntax-walk";
import { firstModuleBindingLines } from "./python/module-bindings";
import { snippet } from "./python/code-snippet";
import { lookupClassAttribute } from "./interp/classes";
import { componentClassNames, constructorNeed } from "./interp/constructor-needs";
import { namesUsedAlone } from "./interp/used-alone";
import { nestedModelSites, siteItem, unpackedNames, type NestedModelSite } from "./interp/nested-model-sites";
import { heldModules } from "./interp/held-modules";
import { optimizedAttributes } from "./interp/optimized-attributes";
import { returnsModelArgument, returnsModelClass } from "./interp/model-factories";
import { chooseModelSite } from "./interp/model-site-choice";
import { fedInputs, inputsFedTo } from "./interp/fed-inputs";
import { pragmaSettingNear } from "./pragma/grammar";
import { kerasDatasetInputs, isKerasObject } from "./keras/data-inputs";
import { gymObservationInputs } from "./keras/gym-inputs";
import { wrappedModel } from "./torch/nn/parallel";
import { declaredInputs, declaredInputsOfParts } from "./interp/declared-inputs";
import { isIdleKerasLayer } from "./keras/idle-layers";
import { discoverTrainingPlan, PLAN_STEPS, type TrainingPlan } from "./training/training-plan";
import { lineWithin, otherModelsTraining } from "./training/models-in-turn";
import { kerasWrapperBuilders } from "./keras/sklearn-wrapper";
import { loopsTrainingNoModel } from "./training/model-free-loops";
import { planOfCallsInTurn } from "./training/calls-in-turn";
import { modulesTrainingOnImport } from "./training/import-time-training";
import type { OnlyCall } from "./training/call-site-bindings";
import { runBindings, type RunBindings } from "./training/run-bindings";
import { findCodeSites } from "./training/code-sites";
import { evaluateAtSite, type ParameterBindings } from "./training/evaluate-site";
import { discoverGenerations } from "./generation/generation-plan";
import { readRunSetup } from "./memory/run-setup";
import { findTrainingSites } from "./training/training-sites";
import { planAtCadence, withoutCadences, withoutOthersCadenceNotes } from "./training/cadence-plans";
import { modelsFeeding } from "./interp/chained-model-inputs";
import type { UpdateCadence } from "./training/update-cadence";
import { classBindings } from "./training/class-bindings";
import { frozenParametersReason } from "./training/frozen-parameters";
import { frozenModels } from "./training/frozen-models";
import { emptyPathOptions, requiredOptions } from "./training/required-options";
import { readCodePrecision } from "./rules/code-precision";
import { PythonFile } from "./rules/python-file";
import { noGradMethods } from "./interp/no-grad-methods";
import { readParallelCode } from "./parallel/parallel-code";
import { combineSetup, readLaunchFiles } from "./parallel/launch-files";
import { hasSetup } from "./parallel/parallel-setup";
import { cudaDevice } from "./torch/cuda-devices";
import { defaultSettings } from "./config";
import { importRootAbove } from "./interp/import-root-above";

export type { WorkspaceFiles } from "./interp/program";
export { SyntaxCache } from "./interp/program";

/** One file to analyze, with where its imports resolve from and optional overrides. */
export interface AnalyzeRequest {
  file: string;
  text: string;
  root: string;
  /** Set where `root` is the file's own folder only because no project marker (.git, pyproject.toml, setup.py) was
   *  found above it (the CLI's fallback): the root may then move to the folder the script's imports need. An editor's
   *  workspace folder is never moved. */
  rootGuessed?: boolean;
  files: WorkspaceFiles;
  /** A Python expression evaluated in the file's namespace that builds exactly one model. */
  entry?: string;
  inputs?: InputSpec[];
  budget?: { steps?: number; milliseconds?: number };
  cache?: SyntaxCache;
  /** Texts of other open, unsaved documents by path. */
  openDocuments?: Map<string, string>;
  /** Read epochs, samples and batch size from the training code (default true; the editor, which has no use for
   * them on every keystroke, turns it off). */
  readTraining?: boolean;
  /** Hugging Face hub cache folders that `from_pretrained("org/name")` reads config.json from, first first (the host
   * fills them from HF_HUB_CACHE, HF_HOME and the default ~/.cache/huggingface/hub; read with environmentFiles). */
  huggingFaceCaches?: string[];
  /** Extra native modules (torchvision's zoo, keras). */
  nativeModules?: NativeModuleProvider[];
  /** The user's Python environment, found by the host: its packages resolve after the workspace's files. */
  environment?: PythonEnvironment;
  /** How the environment's files are read, when not like the workspace's (the editor mirrors only the workspace). */
  environmentFiles?: ModuleFiles;
  /** What the user should do when a package is not installed, in the host's words. */
  installActions?: InstallActions;
  /** torch.hub's cache folders, for torch.hub.load (read with environmentFiles). */
  torchHubDirs?: string[];
  /** The hardware profile id the run targets (default: the settings' default, h100-sxm): torch.cuda answers as its GPU. */
  hardware?: string;
  now?: () => number;
}

export type { AnalysisResult, ImportedFunction } from "./analysis-result";

const defaultCache = new SyntaxCache();
/** Words without which a file states nothing the run setup reads. */
const RUN_SETUP_WORDS = /optim|Adam|SGD|backward|half|bfloat16|float16|autocast|dtype/;
/** Words without which a file runs no model at a precision its weights do not show (autocast, a cast in a function, a
 *  Keras floatx of float64). */
const CODE_PRECISION_WORDS = /autocast|half|bfloat16|float16|set_floatx/;
/** The note of a training plan whose plain run stops before it trains (training-plan.ts raisedBeforeTraining). */
const STOPPED_RUN = "no training run: the plain run stops at ";
/** A backward pass somewhere in the file: only then can a loop fit plain tensors (model-free-loops.ts). */
const BACKWARD_WORD = /\.backward\s*\(/;
/** Words of a script that trains or runs distributed: only such a file is read with its launch scripts. */
const LAUNCHED_WORDS = /\.backward\s*\(|\.fit\s*\(|Trainer|Accelerator|deepspeed|init_process_group|WORLD_SIZE|LOCAL_RANK/;
/** Larger sources are generated data, not model code; parsing them would stall the editor. */
export const MAX_SOURCE_CHARACTERS = 2_000_000;
const DEFAULT_STEPS = 5_000_000;
/** What to write when no layer of a model says what it reads. */
export const NO_INPUT_ADVICE = "its layers do not say what it reads; add '# greenlight: input=SHAPE' above the model (1x128:int64 for token ids, 1x80x3000 for audio frames, 1x3x224x224 for images)";
const DEFAULT_MILLISECONDS = 10_000;

interface Candidate {
  name: string;
  entry: string;
  line: number;
  /** Line whose pragma comments apply (the class definition). */
  pragmaLine: number;
  pragmaFile: string;
  instance: InstanceValue;
  recorder: Recorder;
  /** The script's module-level variable whose instance the class's figures follow. */
  instanceName?: string;
  /** Line (in the analyzed file) where that variable is built: a pragma above it applies to this model too. */
  instanceLine?: number;
}

/** Analyzes every model in a file (or the one its entry builds): parameters, FLOPs and per-layer figures. */
export function analyzeSource(parser: PythonParser, request: AnalyzeRequest): AnalysisResult {
  // A script whose own dotted imports are found only from a folder above it resolves them from there (import-root-above.ts).
  const rootAbove = request.rootGuessed ? importRootAbove(request.file, request.root, request.text, request.files) : undefined;
  if (rootAbove) request = { ...request, root: rootAbove };
  if (request.text.length > MAX_SOURCE_CHARACTERS) {
    return { file: request.file, models: [], syntaxErrors: [], notes: [`file too large to analyze (${Math.round(request.text.length / 1e6)} M characters; the limit is ${MAX_SOURCE_CHARACTERS / 1e6} M)`] };
  }
  const now = request.now ?? (() => Date.now());
  const steps = request.budget?.steps ?? DEFAULT_STEPS;
  const milliseconds = request.budget?.milliseconds ?? DEFAULT_MILLISECONDS;
  const cache = request.cache ?? defaultCache;
  // The analysis's allowance runs from here, its setup (resolver, library world, program) included.
  const budget = new Budget(steps, milliseconds, now);
  const runtime = runtimeFor(request.nativeModules);
  const interp = runtime.interpreter;
  const overrides = new Map(request.openDocuments ?? []);
  overrides.set(request.file, request.text);
  const resolver = new ModuleResolver(importRoots(request, runtime), overrides);
  const actions = request.installActions ?? DEFAULT_INSTALL_ACTIONS;
  const hub = request.torchHubDirs ? { dirs: request.torchHubDirs, files: request.environmentFiles ?? request.files } : undefined;
  // Installed libraries' modules are kept across analyses of the same environment (see library-world.ts).
  const world = request.environment?.sitePackages.length ? cache.worlds.acquire(worldKey(request, resolver, actions), runtime, resolver, request.file) : undefined;
  const program = new Program(parser, resolver, interp, runtime.nativeModules, cache, (name) => notInstalledReason(name, request.environment, actions), hub, world);
  const pretrained = new Set<string>();
  const configs = pretrainedConfigs(request, program, pretrained);
  interp.beginAnalysis({
    budget,
    loader: program,
    libraryClassAttribute: (cls, name) => transformersEntryPoint(interp, configs, cls, name),
    cudaDevice: cudaDevice(targetHardware(request)),
  });
  try {
    const result = analyzeProgram(parser, request, { runtime, program, cache, now, steps, milliseconds });
    const configFiles = new Set([...pretrained, ...program.filesRead().filter((f) => CONFIG_FILE.test(f.path)).map((f) => f.path), ...(result.training?.configFiles ?? [])]);
    if (configFiles.size > 0) result.configFiles = [...configFiles];
    return result;
  } finally {
    program.finish();
    if (world?.spoiled !== undefined) cache.worlds.drop(world);
  }
}

/** The rest of an analysis, once its program is set up: the file run, its models found, built and run. */
function analyzeProgram(parser: PythonParser, request: AnalyzeRequest, setup: { runtime: Runtime; program: Program; cache: SyntaxCache; now: () => number; steps: number; milliseconds: number }): AnalysisResult {
  const { runtime, program, cache, now, steps, milliseconds } = setup;
  const interp = runtime.interpreter;
  const result: AnalysisResult = { file: request.file, models: [], syntaxErrors: [], notes: [] };

  let namespace: ModuleNamespaceValue | undefined;
  try {
    namespace = program.loadFile(request.file);
  } catch (err) {
    if (!(err instanceof BudgetExceeded)) throw err;
    result.notes.push(`stopped running the file's top level: ${err.message}`);
  }
  result.syntaxErrors = program.syntaxErrors.get(request.file) ?? [];
  if (result.syntaxErrors.length > 0) result.notes.push(`the file has ${result.syntaxErrors.length} syntax error(s); analyzed what parses`);
  if (!namespace) return result;
  const syntax = cache.get(parser, request.file, request.text);
  result.importedFunctions = importedFunctions(namespace, request.file);
  const guarded = noGradMethods(namespace);
  if (Object.keys(guarded).length > 0) result.noGradMethods = guarded;

  let candidates: Candidate[];
  // Models whose construction failed (library or config missing): shown where they are built, with the reason.
  const unbuilt: ModelReport[] = [];
  if (request.entry !== undefined) {
    const c = entryCandidate(parser, runtime, namespace, request, now);
    if (typeof c === "string") {
      result.notes.push(c);
      throw new EntryError(c);
    }
    candidates = [c];
  } else {
    const failures: string[] = [];
    candidates = discoverCandidates(parser, runtime, namespace, syntax, request, now, failures, unbuilt);
    result.notes.push(...failures);
  }

  const examples = exampleInputs(request.text);
  const sides = dataImageSides(request.text);
  // A loop's input is evaluated with the module's names, on a budget of its own (loop-fed-inputs.ts).
  const fed = fedInputs(syntax.body, namespace, (e) => {
    try {
      return interp.withRun({ recorder: new Recorder(), budget: new Budget(steps, milliseconds, now) }, () => interp.withFrame({ file: request.file, inModel: true }, () => interp.evaluate(e, namespace.scope)));
    } catch (err) {
      if (err instanceof PythonError || err instanceof BudgetExceeded || err instanceof Unresolved) return undefined;
      throw err;
    }
  });
  /** Where the script binds the instance a class's figures follow (`model_0 = CircleModelV0()`). */
  const instanceLines = new Map<ModelReport, number>();
  const reportOf = (c: Candidate, chained: InputSpec[][] = []): ModelReport => {
    // What the program feeds this model by name comes after the example sizes the text spells out (a literal
    // `torch.randn(32, 3, 64, 64)` says the batch; a fed image may be one unbatched sample), before the defaults.
    const own = inputsFedTo(fed, c.instance);
    const report = interp.withRun({ recorder: c.recorder, budget: new Budget(steps, milliseconds, now) }, () => runModel(interp, c, request, program.comments.get(c.pragmaFile), [...chained, ...examples, ...own], program.comments.get(request.file), sides, (file) => program.comments.get(file)));
    if (c.instanceName !== undefined) report.instance = c.instanceName;
    if (c.instanceLine !== undefined) instanceLines.set(report, c.instanceLine);
    return report;
  };
  const reports = candidates.map((c) => reportOf(c));
  // A torch model fed another's output (a GAN's discriminator: `D(G(z))`) reads that output's shape where only a
  // default said what it reads (chained-model-inputs.ts); a Keras model is built by its first call, so it is not run twice.
  if (candidates.length >= 2 && !request.inputs?.length && reports.some((r) => r.inputSource === "default")) {
    const nameOf = (c: Candidate) => c.instanceName ?? c.name;
    const index = new Map(candidates.map((c, i) => [nameOf(c), i]));
    for (const [name, feeders] of modelsFeeding(syntax.body, request.text, new Set(index.keys()))) {
      const i = index.get(name)!;
      if (reports[i].inputSource !== "default" || isKerasObject(candidates[i].instance)) continue;
      for (const feeder of feeders) {
        const from = reports[index.get(feeder)!];
        if (!from.complete || from.output.length !== 1) continue;
        const again = reportOf({ ...candidates[i], recorder: new Recorder() }, [[{ shape: from.output[0], dtype: "float32" }]]);
        if (again.complete && again.inputSource === "example" && again.inputs.length === 1 && again.inputs[0].shape.join("x") === from.output[0].join("x")) {
          reports[i] = again;
          break;
        }
      }
    }
  }
  result.models.push(...reports);
  result.models = withoutRepeats([...result.models, ...unbuilt].sort((a, b) => a.line - b.line));
  result.trainingSites = findTrainingSites(syntax.body, request.text);
  if (request.readTraining !== false) {
    // Loops that fit plain tensors and reach no model (model-free-loops.ts) are no model's run.
    const bound = result.models.map((m) => ({ name: m.instance ?? m.name, line: m.file === request.file ? instanceLines.get(m) ?? m.line : -1 }));
    const modelFree = result.models.length > 0 && BACKWARD_WORD.test(request.text) ? new Set<Statement>(loopsTrainingNoModel(syntax.body, bound.map((b) => b.name))) : undefined;
    const apart = modelFree && modelFree.size > 0 ? modelFree : undefined;
    const readPlan = (only?: OnlyCall) => discoverTrainingPlan({ interpreter: interp, namespace, body: syntax.body, text: request.text, file: request.file, now, files: request.files, root: request.root, only, ...(apart ? { exclude: apart } : {}) });
    // A training function called more than once in turn runs once a call (calls-in-turn.ts).
    result.training = planOfCallsInTurn(readPlan(), syntax.body, request.text, readPlan);
    // A script whose own code trains nothing, importing a workspace module that trains as it is imported: that
    // module's run is the script's (import-time-training.ts).
    const own = result.training;
    if (request.files && !(own.epochs || own.steps || own.batch || own.samples || own.precision)) {
      for (const m of modulesTrainingOnImport(syntax.body, namespace, interp, request.file, request.files)) {
        const plan = discoverTrainingPlan({ interpreter: interp, namespace: m.module, body: m.body, text: m.text, file: m.file, now, files: request.files, root: request.root });
        if (plan.epochs?.source !== "code" && plan.steps?.source !== "code") continue;
        const where = request.root ? relativeTo(request.root, m.file) : m.file;
        result.training = { ...plan, notes: [...(plan.notes ?? []), `the run is ${where}'s: the import at line ${m.line} runs its module-level training (Python runs a module's code when it is first imported)`] };
        break;
      }
    }
    const parallel = parallelSetup(interp, namespace, syntax.body, request, now);
    if (parallel) result.training.parallel = parallel;
    // Models trained in turn: each its own statements' run (models-in-turn.ts).
    const others = otherModelsTraining(syntax.body, bound);
    for (const [i, statements] of others.entries()) {
      if (!statements) continue;
      const own = discoverTrainingPlan({ interpreter: interp, namespace, body: syntax.body, text: request.text, file: request.file, now, files: request.files, root: request.root, exclude: apart ? new Set([...statements.others, ...apart]) : statements.others });
      // Its own run is one its statements make (a loop, a fit, a call of a training function), not a setting alone.
      if (![own.epochs, own.steps].some((f) => f?.source === "code" && lineWithin(f.line, statements.own, syntax.body))) continue;
      if (parallel) own.parallel = parallel;
      (result.modelTraining ??= []).push({ model: i, plan: own });
    }
    // Keras wrappers of several builders (a script comparing configurations by cross-validation): each builder's model
    // has its own wrappers' run (sklearn-wrapper.ts); the file's run is the first builder's.
    const builders = /\bKeras(Classifier|Regressor)\b/.test(request.text) ? kerasWrapperBuilders(syntax.body) : [];
    for (const [i, m] of builders.length > 1 ? result.models.entries() : []) {
      if (m.file !== request.file || !builders.includes(m.name)) continue;
      const own = discoverTrainingPlan({ interpreter: interp, namespace, body: syntax.body, text: request.text, file: request.file, now, files: request.files, root: request.root, wrapperBuilder: m.name, ...(apart ? { exclude: apart } : {}) });
      if (own.epochs) result.modelTraining = [...(result.modelTraining ?? []).filter((t) => t.model !== i), { model: i, plan: own }];
    }
    // Networks the run uses but does not train (a perceptual loss's VGG, a distillation teacher): no run of their own.
    for (const [i, reason] of frozenModels(syntax.body, request.text, bound.map((b, j) => ({ name: result.models[j].file === request.file ? b.name : "" }))).entries()) {
      if (!reason) continue;
      result.modelTraining = [...(result.modelTraining ?? []).filter((t) => t.model !== i), { model: i, plan: { notes: [reason], untrained: true } }];
    }
    // ... and networks frozen whole once built (in their own constructor, or by the script).
    for (const [i, m] of result.models.entries()) {
      const reason = result.models.length > 1 && !result.modelTraining?.some((t) => t.model === i && t.plan.untrained) ? frozenParametersReason({ ...m, name: bound[i].name }, request.text) : undefined;
      if (reason) result.modelTraining = [...(result.modelTraining ?? []).filter((t) => t.model !== i), { model: i, plan: { notes: [reason], untrained: true } }];
    }
    // ... and every network of a plain run that stops before it trains (an option a library refuses, an object of the
    // project's class built with an argument short): Python never reaches the training.
    const stopped = result.training.notes?.find((n) => n.startsWith(STOPPED_RUN));
    if (stopped) result.modelTraining = result.models.map((_, i) => ({ model: i, plan: { notes: [stopped.slice("no training run: ".length)], untrained: true } }));
    // ... and networks their optimizer steps at a cadence of its own in the shared loop (a WGAN's generator, TD3's actor).
    const cadences = result.training.updateCadences;
    if (cadences) {
      const names = result.models.map((m, i) => [bound[i].name, ...(m.file === request.file ? classBindings(syntax.body, m.name) : [])]);
      const ownedByModel = (c: UpdateCadence) => names.some((ns) => ns.some((n) => c.owners.includes(n.split(".").pop()!)));
      for (const i of result.models.keys()) {
        const own = result.modelTraining?.find((t) => t.model === i);
        if (own?.plan.untrained) continue;
        const timed = planAtCadence(own?.plan ?? result.training, names[i]);
        // A step count the analysis could not read is said of the networks that optimizer trains, not of the others.
        const plan = withoutOthersCadenceNotes(timed ?? own?.plan ?? result.training, cadences, names[i], ownedByModel) ?? timed;
        if (plan) result.modelTraining = [...(result.modelTraining ?? []).filter((t) => t.model !== i), { model: i, plan }];
      }
      // The run's only optimizer stepped K times a batch: its steps are the file's run too.
      const [only] = cadences.filter((c) => c.only);
      result.training = withoutCadences((only && planAtCadence(result.training, only.owners)) || result.training);
      result.modelTraining = result.modelTraining?.map((t) => ({ ...t, plan: withoutCadences(t.plan) }));
    }
    // No run read and no model built: where the parser requires arguments, the plain run stops there, and those
    // arguments decide the run; saying so beats an empty answer.
    const plan = result.training;
    // A run the plain script stops before (a library refusing its options) is the file's note, whatever models it built.
    result.notes.push(...(plan.notes ?? []).filter((n) => n.startsWith("no training run: ")));
    const read = !!(plan.epochs || plan.steps || plan.batch || plan.precision) || result.models.some((m) => m.ops.length > 0);
    const required = read ? [] : requiredOptions(syntax.body, request.text);
    if (required.length > 0) {
      result.notes.push(`no training run read: the plain run stops at the command-line argument${required.length > 1 ? "s" : ""} ${required.join(", ")}, which the script requires with no default; what ${required.length > 1 ? "they name" : "it names"} (a config file, a dataset) decides the run: pass --epochs, --samples and --batch for the run you give it`);
    }
    const empty = read || required.length > 0 ? [] : emptyPathOptions(syntax.body, request.text);
    if (empty.length > 0) {
      result.notes.push(`no training run read: the config file comes from ${empty.join(", ")}, whose default is the empty path (open('') raises FileNotFoundError), so the file you name decides the run: pass --epochs, --samples and --batch for the run you give it`);
    }
  }
  // Models the `__main__` block builds in another file's code (modelsTheRunBuilt): looked for last, so what that run
  // changes (a config it merges in place) cannot change what the training plan above read.
  if (result.models.length === 0 && request.entry === undefined) {
    for (const c of modelsTheRunBuilt(interp, namespace, syntax.body, request.file, now)) result.models.push(reportOf(c));
  }
  // A plan that read no figure but says why one is unknown (an epoch-named loop that is not the run's epochs) has no
  // run line to carry that note when no model is found either: it is the file's note, so the user sees why.
  const unread = result.training;
  if (unread && result.models.length === 0 && !(unread.epochs || unread.steps || unread.batch || unread.samples || unread.precision)) {
    result.notes.push(...(unread.notes ?? []).filter((n) => /^(epochs|steps|batch|samples): /.test(n)));
  }
  try {
    if (RUN_SETUP_WORDS.test(request.text)) result.runSetup = readRunSetup(syntax.body);
    const tree = CODE_PRECISION_WORDS.test(request.text) ? cache.lookup(request.file, request.text)?.tree : undefined;
    if (tree) readCodePrecision(new PythonFile(request.file, request.text, tree, syntax), result.models, result.training);
    const generations = discoverGenerations({ interpreter: interp, namespace, body: syntax.body, text: request.text, file: request.file, comments: syntax.comments, now });
    if (generations.plans.length > 0) result.generations = generations.plans;
    result.notes.push(...generations.notes);
  } catch (err) {
    // Reading how the file runs its models must not cost the user their analysis.
    if (!(err instanceof PythonError || err instanceof Unresolved || err instanceof BudgetExceeded)) throw err;
    result.notes.push(`could not read how the file generates or trains: ${err.message}`);
  }
  return result;
}

/** What a library world depends on besides its files: the import path, the environment and the words of what is missing. */
function targetHardware(request: AnalyzeRequest): string {
  return request.hardware ?? defaultSettings.hardware;
}

function worldKey(request: AnalyzeRequest, resolver: ModuleResolver, actions: InstallActions): string {
  // A library's import-time torch.cuda checks answer for the target: another target is another world.
  return JSON.stringify([resolver.roots.map((r) => [r.kind, r.path]), request.environment, actions, targetHardware(request)]);
}

/** Data parallelism from the file's code and the files that launch it; undefined when neither says anything. */
function parallelSetup(interp: Interpreter, namespace: ModuleNamespaceValue, body: ModuleSyntax["body"], request: AnalyzeRequest, now: () => number): TrainingPlan["parallel"] {
  try {
    const code = readParallelCode({ interpreter: interp, namespace, body, text: request.text, file: request.file, now });
    // Only a script that trains (or runs distributed) is launched: model files skip the folder listings.
    const launch = LAUNCHED_WORDS.test(request.text) ? readLaunchFiles(request.files, request.root, request.file, code) : { setup: {}, files: [] };
    const setup = combineSetup(code, launch.setup);
    return hasSetup(setup) ? { ...setup, ...(launch.files.length > 0 ? { launchFiles: launch.files } : {}) } : undefined;
  } catch (err) {
    // A construct the reader does not expect costs the run its GPU count, never the analysis.
    if (err instanceof PythonError || err instanceof Unresolved || err instanceof BudgetExceeded) return undefined;
    throw err;
  }
}

/** Python functions of other files bound in the file's namespace by its imports: `from utils import predict` as
 *  `predict`, and the functions of an imported workspace module (`import engine`) as `engine.train`; with them, the
 *  other functions those files define (`sibling`), which the imported ones call by their own names. */
function importedFunctions(namespace: ModuleNamespaceValue, file: string): ImportedFunction[] {
  const out: ImportedFunction[] = [];
  const bound = new Set<FunctionDefinition>();
  const modules = new Map<string, ModuleNamespaceValue>();
  const add = (name: string, value: Value) => {
    if (value.kind !== "function" || value.definition.type !== "function" || !value.module.file || value.module.file === file) return;
    out.push({ name, file: value.module.file, definition: value.definition });
    bound.add(value.definition);
    modules.set(value.module.file, value.module);
  };
  for (const [name, value] of namespace.scope.names) {
    if (value.kind === "namespace" && value.file && value.file !== file) {
      // A module's own functions only (not what it imported in turn), so `engine.train` is the function engine.py defines.
      for (const [member, v] of value.scope.names) if (v.kind === "function" && v.module.file === value.file) add(`${name}.${member}`, v);
    } else add(name, value);
  }
  for (const [path, module] of modules) {
    for (const [member, v] of module.scope.names) {
      if (v.kind === "function" && v.definition.type === "function" && v.module.file === path && !bound.has(v.definition)) out.push({ name: member, file: path, definition: v.definition, sibling: true });
    }
  }
  return out;
}

/** The import path of an analysis, in Python's order: the file's folder, the workspace, the libraries we model, the
 *  environment, our built-in packages; a src-layout project's src/ after the workspace (src-layout.ts). */
export function importRoots(request: Pick<AnalyzeRequest, "file" | "root" | "files" | "environment" | "environmentFiles">, runtime: Pick<Runtime, "builtinPackages" | "modelledPackages">): ImportRoot[] {
  const builtin = new Map([...runtime.builtinPackages].map(([path, text]) => [`${builtinRoot}/${path}`, text]));
  const modelled = new Map([...runtime.modelledPackages].map(([path, text]) => [`${modelledRoot}/${path}`, text]));
  const roots: ImportRoot[] = [];
  const scriptDir = dirname(request.file);
  if (scriptDir !== request.root) roots.push({ kind: "script", path: scriptDir, files: request.files });
  roots.push({ kind: "workspace", path: request.root, files: request.files });
  const src = srcLayoutFolder(request.root, request.files);
  if (src !== undefined && src !== scriptDir) roots.push({ kind: "workspace", path: src, files: request.files });
  if (modelled.size > 0) roots.push({ kind: "modelled", path: modelledRoot, files: memoryModuleFiles(modelled) });
  for (const site of request.environment?.sitePackages ?? []) roots.push({ kind: "environment", path: site, files: request.environmentFiles ?? request.files });
  roots.push({ kind: "builtin", path: builtinRoot, files: memoryModuleFiles(builtin) });
  return roots;
}

/**
 * `model = Net()` beside `class Net` is the same model twice: keep the class's report (its line carries the pragma)
 * when the instance came out identical.
 */
function withoutRepeats(models: ModelReport[]): ModelReport[] {
  const rootType = (m: ModelReport) => m.layers.find((l) => l.path === "")?.type;
  const int8Layers = (m: ModelReport) => m.layers.filter((l) => l.precision === "int8").length;
  const signature = (m: ModelReport) => `${rootType(m)}|${m.params}|${m.flops}|${int8Layers(m)}|${JSON.stringify(m.inputs)}`;
  const fromClasses = new Set(models.filter((m) => m.entry.endsWith(")")).map(signature));
  // A model that was not built has no figures to repeat: two unbuilt reports are two models, each with its reason
  // (a notebook's Sequential that failed on its data was dropped as a "repeat" of an unbuilt custom RNN cell).
  return models.filter((m) => m.entry.endsWith(")") || m.layers.length === 0 || !fromClasses.has(signature(m)));
}

/** config.json files for transformers' from_pretrained: next to the file, under the root, in the hub caches; a pragma wins. */
function pretrainedConfigs(request: AnalyzeRequest, program: Program, found: Set<string>): PretrainedConfigs {
  const search = { folders: [dirname(request.file), request.root], hubCaches: request.huggingFaceCaches ?? [], hubFiles: request.environmentFiles };
  // A config.json found is one of the files the analysis read (`found`): an edit of it re-analyzes the file.
  const noted = (located: LocatedConfig) => {
    if ("path" in located) found.add(located.path);
    return located;
  };
  return {
    locate(reference, at, options) {
      const pragma = at ? pragmaConfig(program.comments.get(at.file), at.line) : undefined;
      if (pragma !== undefined) return noted(locateConfig(request.files, { ...search, folders: [dirname(at!.file)] }, pragma, options));
      if (reference === undefined) return { problem: "from_pretrained of a name the analyzer cannot read: point '# greenlight: config=...' at a config.json" };
      return noted(locateConfig(request.files, search, reference, options));
    },
  };
}

/** The --entry expression did not build a model; the CLI maps this to exit code 2. */
export class EntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EntryError";
  }
}

/** Builds the model an entry expression (`--entry`, or `# greenlight: entry=` above a class) makes, or says why not. */
function entryCandidate(parser: PythonParser, runtime: Runtime, namespace: ModuleNamespaceValue, request: AnalyzeRequest, now: () => number, entry = request.entry!, what = "--entry"): Candidate | string {
  const interp = runtime.interpreter;
  const tree = parser.parse(entry);
  let expression;
  try {
    expression = lowerExpression(tree);
  } catch {
    return `${what} '${entry}' is not a Python expression`;
  } finally {
    tree.delete();
  }
  const recorder = new Recorder();
  const budget = new Budget(request.budget?.steps ?? DEFAULT_STEPS, request.budget?.milliseconds ?? DEFAULT_MILLISECONDS, now);
  let value: Value;
  try {
    value = interp.withRun({ recorder, budget }, () => interp.withFrame({ file: request.file, inModel: true }, () => interp.evaluate(expression, namespace.scope)));
  } catch (err) {
    if (err instanceof PythonError || err instanceof BudgetExceeded || err instanceof Unresolved) {
      const at = err instanceof PythonError ? err.location : interp.currentLocation;
      return `${what} '${entry}' failed: ${err.message}${at ? ` (at ${at.file}:${at.line})` : ""}`;
    }
    throw err;
  }
  if (value.kind !== "instance" || !value.module) {
    const why = value.kind === "unknown" ? value.reason : `it is a ${value.kind}`;
    return `${what} '${entry}' does not build a torch.nn.Module (${why})`;
  }
  const cls = value.cls;
  const line = cls.location?.file === request.file ? cls.location.line : (value.module.constructedAt?.line ?? 1);
  return { name: cls.name, entry, line, pragmaLine: cls.location?.line ?? line, pragmaFile: cls.location?.file ?? request.file, instance: value, recorder };
}

function discoverCandidates(parser: PythonParser, runtime: Runtime, namespace: ModuleNamespaceValue, syntax: ModuleSyntax, request: AnalyzeRequest, now: () => number, failures: string[] = [], unbuilt: ModelReport[] = []): Candidate[] {
  const interp = runtime.interpreter;
  const found: Candidate[] = [];
  const file = request.file;
  const tryBuild = (build: () => Value): { instance?: InstanceValue; recorder: Recorder; error?: string; at?: string; value?: Value } => {
    const recorder = new Recorder();
    const budget = new Budget(request.budget?.steps ?? DEFAULT_STEPS, request.budget?.milliseconds ?? DEFAULT_MILLISECONDS, now);
    try {
      const v = interp.withRun({ recorder, budget }, () => interp.withFrame({ file, inModel: true }, build));
      if (v.kind === "instance" && v.module) return { instance: v, recorder };
      return { recorder, value: v };
    } catch (err) {
      if (err instanceof PythonError || err instanceof Unresolved || err instanceof BudgetExceeded) {
        const at = err instanceof PythonError ? err.location : undefined;
        return { recorder, error: err.message, at: at ? ` (at ${at.file}:${at.line})` : "" };
      }
      throw err;
    }
  };
  const dataclasses = [...namespace.scope.names.values()].filter((v): v is ClassValue => v.kind === "class" && !!v.fields && v.location?.file === file);

  // A name bound to models more than once (a notebook's `model = ...` in several cells) is a model per binding that
  // builds anew, located there, with the value its chain ended with: a later `model = model.to(device)` or
  // `model = quantize_dynamic(model, ...)` re-binds the same model transformed, not a new one.
  const chainOf = new Map<Statement, Statement>();
  const chainValue = new Map<Statement, Value>();
  const building = new Map<string, Statement>();
  for (const s of syntax.body) {
    if (s.type !== "assign" || s.targets.length !== 1 || s.targets[0].type !== "name") continue;
    const id = s.targets[0].id;
    if (!namesIn([s.value], new Set()).has(id)) building.set(id, s);
    const build = building.get(id);
    if (!build) continue;
    chainOf.set(s, build);
    const bound = interp.boundValues.get(s);
    if (bound) chainValue.set(build, bound);
    else chainValue.delete(build);
  }
  // `raw_model = model.module if ddp else model`: a second name for the model a module name bound earlier holds (in
  // a branch, built from its site below) is that model, listed once under the name that built it.
  const bindingLines = firstModuleBindingLines(syntax.body);
  const earlierHolder = (v: InstanceValue, name: string, line: number) =>
    [...namespace.scope.names].find(([other, held]) => held === v && other !== name && (bindingLines.get(other) ?? line) < line)?.[0];
  const aliases: { candidate: Candidate; first: string }[] = [];
  // Classes that need constructor arguments: listed with what they need unless another listed class builds them.
  const needArguments: { def: ClassDefinition; config?: { name: string; fields: string[] } }[] = [];
  // Classes whose build with their defaults raised: a call with arguments elsewhere in the file is their site.
  const unbuiltByDefault = new Set<string>();
  for (const s of syntax.body) {
    if (s.type === "class") {
      const cls = namespace.scope.names.get(s.name);
      if (cls?.kind !== "class" || !cls.isModule || cls.location?.file !== file) continue;
      const pragmaEntry = pragmaSettingNear(syntax.comments, s.defLine, "entry");
      if (pragmaEntry !== undefined) {
        const c = entryCandidate(parser, runtime, namespace, request, now, pragmaEntry, "# greenlight: entry=");
        if (typeof c === "string") failures.push(`${s.name} (line ${s.defLine}): ${c}`);
        else found.push({ ...c, name: s.name, line: s.defLine, pragmaLine: s.defLine, pragmaFile: file });
        continue;
      }
      let built = tryBuild(() => interp.call(cls, [], new Map()));
      let entry = `${s.name}()`;
      // A model whose only argument is a config object: try the file's dataclasses with their defaults. One with
      // fields that have no default cannot be built without arguments, as in Python: it is what the model needs.
      let configNeed: { name: string; fields: string[] } | undefined;
      let read: Set<string> | undefined | null = null;
      for (const d of dataclasses) {
        if (built.instance || !built.error?.includes("missing required argument")) break;
        // Command-line options (`env` given `Args()`) are no config of a constructor that reads other names off it.
        if (read === null) read = attributesReadOffArgument(s);
        if (!fitsConfigArgument(read, (name) => lookupClassAttribute(d, name) !== undefined || d.mro.some((c) => c.fields?.includes(name)))) continue;
        const missing = fieldsWithoutDefault(d);
        if (missing.length > 0) {
          configNeed ??= { name: d.name, fields: missing };
          continue;
        }
        built = tryBuild(() => interp.call(cls, [interp.call(d, [], new Map())], new Map()));
        entry = `${s.name}(${d.name}())`;
      }
      if (built.instance) found.push({ name: s.name, entry, line: s.defLine, pragmaLine: s.defLine, pragmaFile: file, instance: built.instance, recorder: built.recorder });
      // A model that needs arguments is a component or needs an entry; one that fails otherwise says why.
      else if (built.error && /missing required argument|positional argument/.test(built.error)) needArguments.push({ def: s, config: configNeed });
      else if (built.error) {
        failures.push(`${s.name} (line ${s.defLine}) could not be built: ${built.error}${built.at ?? ""}`);
        unbuiltByDefault.add(s.name);
      }
    } else if (s.type === "function" && !s.name.startsWith("_") && s.params.every((p) => p.default || p.kind === "star" || p.kind === "doublestar") && returnsCall(s.body)) {
      const fn = namespace.scope.names.get(s.name);
      if (!fn || (fn.kind !== "function" && fn.kind !== "partial")) continue;
      const built = tryBuild(() => interp.call(fn, [], new Map()));
      if (built.instance) {
        const cls = built.instance.cls;
        found.push({ name: s.name, entry: `${s.name}()`, line: s.defLine, pragmaLine: s.defLine, pragmaFile: file, instance: built.instance, recorder: built.recorder });
        void cls;
      }
    } else if (s.type === "assign" && s.targets.length === 1 && (s.targets[0].type === "tuple" || s.targets[0].type === "list")) {
      // `model, diffusion = create_model_and_diffusion(...)`: each name bound to a model, as the module's run left it.
      for (const { name } of unpackedNames(s.targets[0])) {
        const v = namespace.scope.names.get(name);
        if (v?.kind !== "instance" || !v.module || isLossCriterion(v) || found.some((c) => c.instance === v)) continue;
        found.push({ name, entry: name, line: s.pos.line, pragmaLine: s.pos.line, pragmaFile: file, instance: v, recorder: new Recorder() });
      }
    } else if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name") {
      const build = chainOf.get(s);
      if (build !== undefined && build !== s) continue; // a transform of the model its chain's build reports
      // The value this binding's chain ended with (none where the binding failed).
      const v = build ? chainValue.get(build) : namespace.scope.names.get(s.targets[0].id);
      // A loss criterion bound at top level (`loss_fn = nn.CrossEntropyLoss()`) is what a model trains against.
      if (v?.kind === "instance" && v.module && isLossCriterion(v)) continue;
      if (v?.kind === "instance" && v.module && !found.some((c) => c.instance === v)) {
        const recorder = new Recorder();
        const line = s.pos.line;
        const candidate: Candidate = { name: s.targets[0].id, entry: s.targets[0].id, line, pragmaLine: line, pragmaFile: file, instance: v, recorder };
        const first = earlierHolder(v, s.targets[0].id, line);
        if (first !== undefined) aliases.push({ candidate, first });
        else found.push(candidate);
      } else if (v?.kind === "instance" && !v.module && heldModules(v).length > 0) {
        // An agent object of the project built at top level (`agent = Agent(state_size, action_size)`): its networks.
        for (const [attribute, held, how] of trainedHeldModules(v, s.targets[0].id, failures)) {
          if (isLossCriterion(held) || found.some((c) => c.instance === held || (how === "passed in" && c.instance.cls === held.cls))) continue;
          const name = `${s.targets[0].id}.${attribute}`;
          found.push({ name, entry: name, line: s.pos.line, pragmaLine: s.pos.line, pragmaFile: file, instance: held, recorder: new Recorder() });
        }
      } else {
        const failure = interp.failedStatements.get(s) ?? (v?.kind === "unknown" ? v.reason : undefined);
        // A library's model entry point that failed (its code missing, or raising on code the analyzer misreads) is
        // still the model the script builds: it is listed with the reason, never dropped as "no models found".
        if (failure !== undefined && s.value.type === "call" && (usedAsModel(request.text, s.targets[0].id, s.value, namespace) || isModelEntryPoint(s.value) || namesModelClass(s.value))) {
          unbuilt.push(unbuiltModel(s.targets[0].id, file, s.pos.line, failure));
        }
      }
    }
  }
  // Library models built in main() or under `if __name__ == "__main__":`, built here as an entry would be; a call
  // that reads the function's own variables cannot be, and is listed with what it needs.
  // An item of an unpacked tuple (`model, diffusion = build(...)`) is a model only by its use or by what the builder returns there.
  const looksLikeModel = (name: string, call: Extract<import("./python/ast").Expression, { type: "call" }>, item?: number) =>
    item !== undefined ? usedAsModel(request.text, name, call, namespace, item) : usedAsModel(request.text, name, call, namespace) || isModelEntryPoint(call) || namesModelClass(call);
  const sitesByName = new Map<string, NestedModelSite[]>();
  for (const site of nestedModelSites(syntax, request.text, namespace, file, looksLikeModel, unbuiltByDefault)) sitesByName.set(site.name, [...(sitesByName.get(site.name) ?? []), site]);
  // A site inside a function reads its parameters as the script's run binds them (its callers' arguments, a
  // `@hydra.main` config, click defaults), as the training plan does; worked out only when a site needs them.
  let run: RunBindings | undefined;
  const bindings: ParameterBindings = (fn, parameter) => (run ??= runBindings({ interpreter: interp, namespace, body: syntax.body, text: request.text, file, now, files: request.files, root: request.root }, findCodeSites(syntax.body, request.text), { steps: PLAN_STEPS })).bindings(fn, parameter);
  // Classes whose call at a site could not be built: the site says why, so the class is not listed again as needing
  // constructor arguments.
  const unbuiltSiteCallees = new Set<string>();
  const unbuiltSite = (site: NestedModelSite, report: ModelReport) => {
    const callee = site.call.func.type === "name" ? site.call.func.id : undefined;
    if (callee === undefined) return void unbuilt.push(report);
    unbuiltSiteCallees.add(callee);
    // The entry that builds the class with values for its arguments, as its own listing would have offered.
    const def = syntax.body.find((d): d is ClassDefinition => d.type === "class" && d.name === callee);
    const need = def && constructorNeed(def, syntax.body, namespace, request.text);
    unbuilt.push({ ...report, ...(need ? { entry: need.entry, needs: need } : {}) });
  };
  for (const [name, all] of sitesByName) {
    if (found.some((c) => c.name === name) || unbuilt.some((m) => m.name === name)) continue;
    // An object of the project's own class (an agent) is read for its modules only where no site builds a model.
    const sites = all.some((s) => !s.holder) ? all.filter((s) => !s.holder) : all;
    const holder = sites.every((s) => s.holder);
    // A site inside a builder function listed whole (`model = Sequential()` in `build_model()`) is a step of it.
    const wholeBuilder = (s: NestedModelSite) => s.fn !== undefined && found.some((c) => c.entry === `${s.fn?.name}()`);
    if (sites.every(wholeBuilder)) continue;
    const choice = chooseModelSite(interp, namespace.scope, file, sites, now, bindings);
    if (!choice) continue;
    const site = choice.site;
    if (choice.why && !holder) failures.push(`${name}: built from ${choice.why}`);
    const missing = [...choice.locals].filter(([, v]) => v.kind === "unknown").map(([n]) => n);
    if (choice.value === undefined && (missing.length > 0 || site.locals.length > choice.locals.size)) {
      if (holder) continue; // an object that may hold no model at all: nothing to ask the user for
      // Why each value is unknown (a vocabulary read from a data file, a library not installed): the user sees what
      // the run reads at run time and gives it, never a made-up size.
      const why = [...choice.locals].flatMap(([n, v]) => (v.kind === "unknown" ? [`${n}: ${v.reason}`] : [])).slice(0, 2);
      unbuiltSite(site, unbuiltModel(name, file, site.line, `built inside a function from its own variables (${(missing.length > 0 ? missing : site.locals).join(", ")}): the CLI's --entry builds it with values for them${why.length > 0 ? ` (${why.join("; ")})` : ""}`));
      continue;
    }
    const scope: Scope = { names: new Map(choice.locals), parent: namespace.scope };
    const ran = choice.value ? siteItem(site, choice.value) : undefined;
    let built = ran?.kind === "instance" && ran.module ? { instance: ran, recorder: new Recorder() } : ran?.kind === "instance" && holder ? { recorder: new Recorder(), value: ran as Value } : withModuleGlobals(namespace.scope, choice.globals, () => tryBuild(() => siteItem(site, interp.evaluate(site.call, scope)) ?? unknown(`the call returns no item ${site.item} to unpack`)));
    // A Sequential its builder function fills in the statements after it (`model = Sequential()`, then
    // `model.add(Dense(24, input_shape=state_shape))`): Python runs those adds before the function returns the model,
    // so the site is run with them, in the function, its parameters as the run binds them. A site in a top-level block
    // (`with strategy.scope():`, `if args.deep:`) grows the same way.
    const adds = built.instance && isKerasObject(built.instance) ? layersAddedAfter(site.fn?.body ?? syntax.body, site.statement, site.name) : [];
    if (adds.length > 0) {
      const [grown] = evaluateAtSite(interp, namespace.scope, file, { fn: site.fn, before: [...site.before, site.statement, ...adds] }, [{ type: "name", id: site.name, pos: site.call.pos }], now, bindings);
      if (grown?.kind === "instance" && grown.module) built = { instance: grown, recorder: built.recorder };
    }
    // A model site whose call failed, or gave nothing the analyzer knows, is listed with why: the user sees the model
    // the script builds there was not analyzed, rather than another model standing in for it.
    const failed = "error" in built && built.error !== undefined ? `${built.error}${built.at ?? ""}` : built.value?.kind === "unknown" ? built.value.reason : undefined;
    if (failed !== undefined && !holder) {
      unbuiltSite(site, unbuiltModel(name, file, site.line, `its call ${snippet(request.text, site.call)} could not be worked out: ${failed}`));
      continue;
    }
    // A trainer object of the workspace that builds and holds the model (`trainer = Trainer(config, loader)`, its
    // `__init__` setting `self.model = DenseNet(...)`): the modules it holds are the models the run trains.
    if (!built.instance && built.value) {
      for (const [attribute, held, how] of trainedHeldModules(built.value, name, failures)) {
        if (isLossCriterion(held)) continue; // what the model trains against, not a model
        // A model the script built and handed to the object, rebuilt with it here: listed once, where it was built.
        if (how === "passed in" && found.some((c) => c.instance.cls === held.cls)) continue;
        if (!found.some((c) => c.instance === held)) found.push({ name: `${name}.${attribute}`, entry: name, line: site.line, pragmaLine: site.line, pragmaFile: file, instance: held, recorder: built.recorder });
      }
    }
    if (built.instance && !isLossCriterion(built.instance) && !found.some((c) => c.instance === built.instance)) {
      found.push({ name, entry: name, line: site.line, pragmaLine: site.line, pragmaFile: file, instance: built.instance, recorder: built.recorder });
      // The builder called alone lacked the globals this call binds: its own entry is the same model, half built.
      if (choice.globals.size > 0 && site.call.func.type === "name") {
        const alone = found.findIndex((c) => c.entry === `${(site.call.func as { id: string }).id}()`);
        if (alone >= 0) found.splice(alone, 1);
      }
    }
  }
  // An alias whose first holder no site listed (its build failed there) is the model's only listing.
  for (const { candidate, first } of aliases) if (!found.some((c) => c.name === first || c.instance === candidate.instance)) found.push(candidate);
  // A class that only appears inside another model is a component, not a model of its own.
  const componentClasses = new Set<ClassValue>();
  // Likewise a module-level layer object that another model holds (a Keras layer shared in a functional graph).
  const componentInstances = new Set<InstanceValue>();
  // Classes the file builds itself (`model = Block(8)`, inside a Sequential or a factory): never "needs arguments".
  const builtClasses = new Set<ClassValue>();
  const usedAlone = [...namesUsedAlone(syntax.body)];
  // Classes a torch holder's parts are built from (a GAN's `Reshape` layer inside `self.generator`): not models alone.
  const partClasses = new Set<ClassValue>();
  for (const c of found) for (const [path, m] of namedModules(c.instance)) {
    builtClasses.add(m.cls);
    if (path === "") continue;
    // A holder that cannot be called (a Keras VAE or GAN subclass with only train_step) runs its parts itself:
    // each part built at top level is a model of its own, as the notebook shows it (`encoder.summary()`).
    if (!c.instance.cls.layer && !runsItself(c.instance.cls)) {
      if (torchHolder(c.instance.cls)) partClasses.add(m.cls);
      continue;
    }
    componentClasses.add(m.cls);
    if (!usedAlone.some((name) => namespace.scope.names.get(name) === m)) componentInstances.add(m);
  }
  // A Keras functional model whose layers another listed model's graph runs (a pretrained base under a new head,
  // `Flatten()(base.output)`): a part of that model, trained with it, unless the program uses it alone or the other
  // model is a holder that cannot be called (a VAE with only train_step runs its parts itself, as above).
  for (const c of found) {
    if (!isKerasObject(c.instance) || usedAlone.some((name) => namespace.scope.names.get(name) === c.instance)) continue;
    const layers = [...namedModules(c.instance)].filter(([path]) => path !== "").map(([, m]) => m);
    if (layers.length === 0) continue;
    if (found.some((o) => o.instance !== c.instance && isKerasObject(o.instance) && (o.instance.cls.layer || runsItself(o.instance.cls)) && ((held) => layers.every((l) => held.has(l)))(new Set([...namedModules(o.instance)].filter(([path]) => path !== "").map(([, m]) => m))))) componentInstances.add(c.instance);
  }
  // A class the file's listed models build (even ones that need arguments) is their component, not a model.
  // A holder that cannot be called (a LightningModule with only training_step) does not make what it builds a part of
  // a model: its network (`self.net = Classifier()`) is the model that runs.
  const fileComponents = componentClassNames(syntax.body, new Set([...found.filter((c) => c.instance.cls.layer || runsItself(c.instance.cls)).map((c) => c.name), ...needArguments.map((n) => n.def.name)]), request.text);
  for (const { def: s, config } of needArguments) {
    const cls = namespace.scope.names.get(s.name);
    if (fileComponents.has(s.name) || unbuiltSiteCallees.has(s.name) || (cls?.kind === "class" && builtClasses.has(cls))) continue;
    const need = constructorNeed(s, syntax.body, namespace, request.text, config);
    const reason = `${s.name} needs constructor arguments${need?.required.length ? ` (${need.required.join(", ")})` : ""}: give them with an entry`;
    unbuilt.push({ ...unbuiltModel(s.name, file, s.defLine, reason), ...(need ? { entry: need.entry, needs: need } : {}) });
  }
  const builtFromClass = (c: Candidate) => c.entry.startsWith(`${c.instance.cls.name}(`);
  const listed = found.filter((c) => !componentInstances.has(c.instance) && !isIdleKerasLayer(c.instance) && !(builtFromClass(c) && (componentClasses.has(c.instance.cls) || partClasses.has(c.instance.cls) || fileComponents.has(c.name))));
  const followed = followScriptInstances(listed);
  return followed.flatMap((c) => holderParts(c, followed));
}

/** Models, at most, listed from what the script's run built without binding them at top level. */
const MAX_RUN_BUILT = 3;
/** What running a file's `__main__` block may spend to find the models it builds: a keystroke's analysis waits, and
 *  the block goes on into the training loop once its models are built. */
const MAIN_BLOCK_STEPS = 1_000_000;
const MAIN_BLOCK_MILLISECONDS = 1_000;

/**
 * The models the script's run built where nothing at top level binds them: `train.initiate(args)` under the
 * `__main__` guard builds and trains the network inside another file's function. The module's run did not enter the
 * guard (the analyzed file is imported, not run as __main__), so its statements are run here as `python FILE` would,
 * with the module's names put back after. Each model is a network another file's code built, that no other built one
 * holds, with parameters, one per class, named for its class and located at the script's statement that built it.
 */
function modelsTheRunBuilt(interp: Interpreter, namespace: ModuleNamespaceValue, body: Statement[], file: string, now: () => number): Candidate[] {
  const ran = rootModules(interp, file);
  if (ran.length > 0) return ran;
  const guarded = body.flatMap((s) => (s.type === "if" && namesIn([s.test], new Set()).has("__name__") ? s.body : []));
  if (guarded.length === 0) return [];
  const saved = new Map(namespace.scope.names);
  try {
    const run = { recorder: new Recorder(), budget: new Budget(MAIN_BLOCK_STEPS, MAIN_BLOCK_MILLISECONDS, now) };
    interp.withRun(run, () => interp.withFrame({ file, inModel: false, module: namespace }, () => interp.runRecordingModules(guarded, namespace.scope)));
  } finally {
    namespace.scope.names.clear();
    for (const [n, v] of saved) namespace.scope.names.set(n, v);
  }
  return rootModules(interp, file);
}

/** The networks scriptModules holds that no other of them holds (see modelsTheRunBuilt). */
function rootModules(interp: Interpreter, file: string): Candidate[] {
  const built = interp.scriptModules;
  const held = new Set<InstanceValue>();
  for (const { instance } of built) for (const [path, m] of namedModules(instance)) if (path !== "") held.add(m);
  const roots = built.filter(({ instance }) => {
    // One built by the file's own code is its model sites' to list or leave (discoverCandidates above): only those
    // another file's code built are new here.
    const builtAt = instance.module?.constructedAt?.file;
    if (builtAt === undefined || builtAt === file || held.has(instance) || isLossCriterion(instance)) return false;
    return [...namedModules(instance)].some(([, m]) => (m.module?.parameters.size ?? 0) > 0);
  });
  // A catalogue layer alone (a Keras Conv2D that a functional graph wires up, which it does not hold as a child) is
  // part of a network, not one, where the run built a network of other kinds too.
  const networks = roots.filter(({ instance }) => !loneLayer(instance));
  const out: Candidate[] = [];
  for (const { instance, statement } of networks.length > 0 ? networks : roots) {
    if (out.some((c) => c.instance.cls === instance.cls)) continue;
    const line = statement.pos.line;
    out.push({ name: instance.cls.name, entry: instance.cls.name, line, pragmaLine: line, pragmaFile: file, instance, recorder: new Recorder() });
    if (out.length >= MAX_RUN_BUILT) break;
  }
  return out;
}

/** A Keras layer that is no Model (a project's own BatchNormalization subclass too), or a torch layer of the
 *  analyzer's own catalogue (no Python source) that is no container. */
function loneLayer(instance: InstanceValue): boolean {
  const names = instance.cls.mro.map((c) => c.qualifiedName);
  if (names.includes("keras.Model")) return false;
  if (names.includes("keras.layers.Layer")) return true;
  return instance.cls.location === undefined && !names.some((n) => /^torch\.nn\.(Sequential|ModuleList|ModuleDict)$/.test(n));
}

/**
 * The modules an object holds (heldModules) less those its methods never give an optimizer while they give it others
 * (an agent's target networks, copied or averaged from the trained ones: optimized-attributes.ts), each left out with
 * a note in `failures`.
 */
function trainedHeldModules(holder: Value, name: string, failures: string[]): ReturnType<typeof heldModules> {
  const held = heldModules(holder);
  const optimized = holder.kind === "instance" ? optimizedAttributes(holder.cls) : new Set<string>();
  if (optimized.size === 0) return held;
  return held.filter(([attribute]) => {
    // Only the object's own attributes are judged: a network inside a plain object it holds trains by that object's code.
    if (attribute.includes(".") || optimized.has(attribute.split("[")[0])) return true;
    failures.push(`${name}.${attribute}: not listed as a model the run trains: ${name}'s methods give its parameters to no optimizer (a target network, copied or averaged from ${[...optimized].map((o) => `${name}.${o}`).join(", ")})`);
    return false;
  });
}

/** The `name.add(...)` statements that follow `statement` in the block of `body` holding it (a Keras Sequential
 *  grown layer by layer). */
function layersAddedAfter(body: Statement[], statement: Statement, name: string): Statement[] {
  const index = body.indexOf(statement);
  if (index >= 0) {
    return body.slice(index + 1).filter((s) => s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "add" && s.value.func.object.type === "name" && s.value.func.object.id === name);
  }
  for (const s of body) {
    if (s.type === "function" || s.type === "class") continue;
    for (const inner of childBodies(s)) {
      const found = layersAddedAfter(inner, statement, name);
      if (found.length > 0) return found;
    }
  }
  return [];
}

/**
 * Runs `build` with names bound in the module's scope as a top-level block binds them before its call (the
 * `__main__` guard's `x_train`), then unbinds them: the module's namespace is left as its own run left it.
 */
function withModuleGlobals<T>(scope: Scope, globals: Map<string, Value>, build: () => T): T {
  const known = [...globals].filter(([n, v]) => v.kind !== "unknown" && !scope.names.has(n));
  for (const [n, v] of known) scope.names.set(n, v);
  try {
    return build();
  } finally {
    for (const [n] of known) scope.names.delete(n);
  }
}

/** A torch nn.Module of the project with no forward() of its own, not a LightningModule (whose network is found by
 *  its own rule): a holder whose training loop calls its parts one by one (a GAN's `model.generator(z)`). */
function torchHolder(cls: ClassValue): boolean {
  return !runsItself(cls) && cls.mro.some((k) => k.qualifiedName === "torch.nn.Module") && !cls.mro.some((k) => /LightningModule$/.test(k.qualifiedName ?? ""));
}

/** Containers that hold modules but run none themselves (pytorch.org/docs/stable/nn.html#containers). */
const CONTAINERS = new Set(["ModuleList", "ModuleDict", "ParameterList", "ParameterDict"]);

/**
 * A torch holder cannot run as one model (calling it raises: it has no forward), so its figures were never worked
 * out; the parts it holds that do run (`self.generator = nn.Sequential(...)`, `self.discriminator = ...`) are the
 * models its training loop steps, each listed as `holder.part` with its own figures. Parts listed already stay once.
 */
function holderParts(c: Candidate, listed: Candidate[]): Candidate[] {
  if (!torchHolder(c.instance.cls) || !c.instance.module) return [c];
  const parts = [...c.instance.module.children].filter((e): e is [string, InstanceValue] => {
    const part = e[1];
    return part.kind === "instance" && !!part.module && !CONTAINERS.has(part.cls.name) && runsItself(part.cls) && !listed.some((l) => l.instance === part || (l.instance.cls === part.cls && l.instance.cls.location !== undefined));
  });
  if (parts.length === 0) return [c];
  return parts.map(([attribute, part]) => ({ ...c, name: `${c.name}.${attribute}`, entry: `${c.entry}.${attribute}`, instance: part, ...(c.instanceName !== undefined ? { instanceName: `${c.instanceName}.${attribute}` } : {}) }));
}

/**
 * Whether instances of a class can be called as a model: a class written in the analyzed code runs only if it or a
 * base written there defines forward or call (Python falls back to nn.Module's or keras.Model's, which raise).
 * Native classes (Sequential, a Keras functional Model) run themselves.
 */
function runsItself(cls: ClassValue): boolean {
  const written = cls.mro.filter((c) => c.location !== undefined);
  if (written.length === 0) return true;
  return written.some((c) => c.attributes.has("forward") || c.attributes.has("call") || c.attributes.has("__call__"));
}

/**
 * A class the script builds once at module level is shown as that instance, with what the script applied to it
 * (quantize_dynamic, .half(), pruning): built afresh, the class would hide the fix the user just applied. The
 * instance's own report then goes (it is the same model); a class built twice or never keeps its fresh build.
 */
function followScriptInstances(found: Candidate[]): Candidate[] {
  const instances = new Map<ClassValue, Candidate[]>();
  for (const c of found) {
    if (c.entry !== c.name) continue;
    instances.set(c.instance.cls, [...(instances.get(c.instance.cls) ?? []), c]);
  }
  const followed = new Set<Candidate>();
  for (const c of found) {
    const own = c.entry.startsWith(`${c.instance.cls.name}(`) ? instances.get(c.instance.cls) : undefined;
    if (own?.length !== 1 || followed.has(own[0])) continue;
    c.instance = own[0].instance;
    c.instanceName = own[0].name;
    c.instanceLine = own[0].line;
    followed.add(own[0]);
  }
  return found.filter((c) => !followed.has(c));
}

/** A dataclass's fields (its bases' first) that have neither a default nor a default factory. */
function fieldsWithoutDefault(cls: ClassValue): string[] {
  const fields: string[] = [];
  for (const c of [...cls.mro].reverse()) for (const f of c.fields ?? []) if (!fields.includes(f)) fields.push(f);
  return fields.filter((f) => {
    const d = lookupClassAttribute(cls, f);
    if (d === undefined) return true;
    if (d.kind !== "instance" || d.cls.qualifiedName !== "dataclasses.Field") return false;
    const factory = d.attributes.get("default_factory");
    const value = d.attributes.get("default");
    const missing = (v: Value | undefined) => v === undefined || (v.kind === "instance" && v.cls.qualifiedName === "dataclasses._MISSING_TYPE");
    return missing(value) && (factory === undefined || factory.kind === "none" || missing(factory));
  });
}

/**
 * Calls only a model takes (not a tensor, tokenizer or optimizer), read from the file's text (`model.eval()`); for
 * Keras, the Model methods no estimator of other libraries has (keras.io Model API: summary, compile, count_params),
 * so a builder that failed on data it reads (`discriminator = build_discriminator()`) is listed with why.
 */
const MODEL_USE = "eval|train|parameters|named_parameters|generate|modules|named_modules|forward|num_parameters|resize_token_embeddings|gradient_checkpointing_enable|get_input_embeddings|summary|compile|count_params";

/**
 * Whether a top-level `name = call(...)` that failed builds a model: a call of a torch.nn.Module class, a
 * transformers entry point whose class builds a model (from_pretrained / from_config of a model or Auto model
 * class), or a result the file uses as a model.
 */
function usedAsModel(text: string, name: string, call: Extract<import("./python/ast").Expression, { type: "call" }>, namespace: ModuleNamespaceValue, item?: number): boolean {
  const callee = staticValue(call.func, namespace);
  // nn.Module.eval() takes no argument: `accuracy.eval({X: x})` is a TF 1.x tensor evaluated with a feed dict.
  const uses = [...text.matchAll(new RegExp(`\\b${name}\\s*\\.\\s*(${MODEL_USE})\\s*\\((\\s*\\))?`, "g"))].filter((m) => m[1] !== "eval" || m[2] !== undefined).map((m) => m[1]);
  // `trainer.train()` of a project class that defines train() itself (a training loop's runner) is that method, not
  // nn.Module.train: only a use the class does not define says the object is a model.
  const ownMethod = (method: string) => callee?.kind === "class" && !callee.isModule && lookupClassAttribute(callee, method)?.kind === "function";
  if (uses.some((method) => !ownMethod(method))) return true;
  if (item !== undefined) return returnsModelClass(callee, item);
  if (callee?.kind === "class") return !!callee.isModule;
  if (returnsModelClass(callee) || returnsModelArgument(callee, call, namespace.scope)) return true;
  if (call.func.type !== "attribute" || !ENTRY_POINTS.includes(call.func.name)) return false;
  const owner = staticValue(call.func.object, namespace);
  return owner?.kind === "class" && buildsModel(owner);
}

/**
 * Calls that build models in the libraries users reach for (timm.create_model, torchvision.models.get_model,
 * torch.hub.load, transformers' from_pretrained/from_config): a model even when the library is not on disk to say so.
 */
const MODEL_ENTRY_POINTS = ["create_model", "get_model", "hub.load", "from_pretrained", "from_config"];

/**
 * A call of a class named as model libraries name their model classes (transformers' `BertModel`,
 * `LlamaForCausalLM`, `GPT2LMHeadModel`): with the library not on disk, still a model where it is built.
 */
const MODEL_CLASS_NAME = /^[A-Z]\w*(?:Model|For[A-Z]\w*)$/;

function namesModelClass(call: Extract<import("./python/ast").Expression, { type: "call" }>): boolean {
  const callee = dottedName(call.func) ?? "";
  return MODEL_CLASS_NAME.test(callee.slice(callee.lastIndexOf(".") + 1));
}

function isModelEntryPoint(call: Extract<import("./python/ast").Expression, { type: "call" }>): boolean {
  const callee = dottedName(call.func) ?? "";
  const entry = MODEL_ENTRY_POINTS.find((e) => callee === e || callee.endsWith(`.${e}`));
  if (!entry) return false;
  // from_pretrained / from_config of a model class; AutoConfig's and AutoTokenizer's build no model
  if (entry.startsWith("from_")) {
    const owner = callee.slice(0, -entry.length - 1);
    return MODEL_CLASS_NAME.test(owner.slice(owner.lastIndexOf(".") + 1));
  }
  return true;
}

/** The value a name or dotted name has in a module's namespace, read without evaluating anything. */
function staticValue(e: import("./python/ast").Expression, namespace: ModuleNamespaceValue): Value | undefined {
  if (e.type === "name") return namespace.scope.names.get(e.id);
  if (e.type !== "attribute") return undefined;
  const object = staticValue(e.object, namespace);
  if (object?.kind === "namespace") return object.scope.names.get(e.name);
  if (object?.kind === "class") return object.attributes.get(e.name);
  return undefined;
}

/** The report of a model the file builds but the analyzer could not: no figures, and why. */
function unbuiltModel(name: string, file: string, line: number, reason: string): ModelReport {
  return {
    name, file, line, entry: name, inputs: [], inputSource: "default", output: [], params: 0, trainableParams: 0, buffers: 0, macs: 0, flops: 0,
    complete: false, coverage: { layersKnown: 0, layersTotal: 0, flopsKnown: 0, flopsEstimatedMissing: 0, flopsShare: 0 },
    unresolved: [{ file, line, reason: `not built: ${reason}` }], layers: [], ops: [], lineShapes: [],
  };
}

function returnsCall(body: import("./python/ast").Statement[]): boolean {
  for (const s of body) {
    if (s.type === "return" && s.value && (s.value.type === "call" || s.value.type === "name")) return true;
    if (s.type === "if" && (returnsCall(s.body) || returnsCall(s.orelse))) return true;
  }
  return false;
}

function runModel(interp: Interpreter, c: Candidate, request: AnalyzeRequest, comments: Map<number, string> | undefined, examples: InputSpec[][], scriptComments: Map<number, string> | undefined, dataSides: [number, number][], commentsOf: (file: string) => Map<number, string> | undefined = () => undefined): ModelReport {
  const recorder = c.recorder;
  recorder.paths = modulePaths(c.instance);
  let inputs: InputSpec[] | undefined;
  let source: InputSource = "default";
  const attempts: { inputs: InputSpec[]; source: InputSource }[] = [];
  if (request.inputs && request.inputs.length > 0) attempts.push({ inputs: request.inputs, source: "cli" });
  else {
    let pragma: InputSpec[] | undefined;
    try {
      // The pragma above `model = Net()` is the more specific one: it wins over the class's.
      const atInstance = c.instanceLine !== undefined ? pragmaInputs(scriptComments, c.instanceLine) : undefined;
      pragma = atInstance ?? pragmaInputs(comments, c.pragmaLine - 1) ?? pragmaInputs(comments, c.pragmaLine) ?? wrappedClassPragma(c.instance, commentsOf);
    } catch (err) {
      recorder.note(`bad input pragma: ${(err as Error).message}`, { file: c.pragmaFile, line: c.pragmaLine, column: 0 });
    }
    if (pragma) attempts.push({ inputs: pragma, source: "pragma" });
    else {
      // A Keras model declares its inputs (Input(shape=...), input_shape=, build()): those come first.
      const declared = declaredInputs(c.instance) ?? declaredInputsOfParts(c.instance);
      if (declared) attempts.push({ inputs: declared, source: "default" });
      for (const e of examples) attempts.push({ inputs: e, source: "example" });
      // A Keras model built on its first call reads the batches of the keras.datasets set the program loads.
      if (!declared && isKerasObject(c.instance)) for (const d of kerasDatasetInputs(request.text)) attempts.push({ inputs: d, source: "default" });
      // ... and a reinforcement-learning agent's network, the observations of the gym environment the program makes.
      if (!declared && isKerasObject(c.instance)) for (const d of gymObservationInputs(request.text, requiredInputCount(interp.getAttribute(c.instance, "call")))) attempts.push({ inputs: d, source: "default" });
      for (const d of defaultInputsPerArgument(c.instance, dataSides)) attempts.push({ inputs: d, source: "default" });
    }
  }
  if (attempts.length === 0) {
    // No layer says what the model reads: name the forms rather than guess one (an image shape for a language model).
    recorder.note(`no input shape: ${NO_INPUT_ADVICE}`, { file: c.pragmaFile, line: c.pragmaLine, column: 0 });
    return buildReport({ name: c.name, file: request.file, line: c.line, entry: c.entry, model: c.instance, inputs: [], inputSource: "default", output: undefined, recorder });
  }
  const constructionNotes = [...recorder.notes];
  let best: { recorder: Recorder; output: Value | undefined; inputs: InputSpec[]; source: InputSource } | undefined;
  // Each attempt is recorded afresh, starting from what the model's construction noted.
  const attemptRecorder = (): Recorder => {
    const fresh = new Recorder();
    fresh.paths = recorder.paths;
    for (const n of constructionNotes) fresh.note(n.reason, { file: n.file, line: n.line, column: 0 });
    fresh.importNotes.push(...recorder.importNotes);
    return fresh;
  };
  for (const attempt of attempts) {
    const tried = interp.withRun({ recorder: attemptRecorder() }, () => {
      let run = interp.recorder;
      let output = forward(interp, c, attempt.inputs, request.file);
      let failed = run.notes.length > constructionNotes.length;
      if (failed && attempt.inputs.length === 1 && attempt.inputs[0].dtype !== "int64" && takesDecoderTokens(interp.getAttribute(c.instance, "forward"))) {
        // An encoder-decoder of features needs its decoder's first token: tried only when the forward fails without it.
        const again = attemptRecorder();
        const withStart = interp.withRun({ recorder: again }, () => forward(interp, c, attempt.inputs, request.file, { decoderStart: true }));
        if (again.notes.length < run.notes.length) {
          run = again;
          output = withStart;
          failed = run.notes.length > constructionNotes.length;
        }
      }
      return { run, output, failed };
    });
    const { run, output, failed } = tried;
    // A run that went through with gaps says more than one whose forward stopped; of two alike, the one whose forward
    // reached more layers (an example of the wrong shape stops at the first; the right one at a layer never built).
    if (!best || !failed || (best.recorder.stopped && !run.stopped) || (best.recorder.stopped === run.stopped && layersReached(run) > layersReached(best.recorder))) {
      best = { recorder: run, output, inputs: attempt.inputs, source: attempt.source };
    }
    if (!failed) break;
  }
  inputs = best!.inputs;
  source = best!.source;
  return buildReport({ name: c.name, file: request.file, line: c.line, entry: c.entry, model: c.instance, inputs, inputSource: source, output: best!.output, recorder: best!.recorder });
}

/** The pragma above the class of the model a DataParallel / DDP object wraps (`model = DDP(Net())` reads Net's). */
function wrappedClassPragma(instance: InstanceValue, commentsOf: (file: string) => Map<number, string> | undefined): InputSpec[] | undefined {
  const inner = wrappedModel(instance);
  const at = inner !== instance ? inner.cls.location : undefined;
  if (!at) return undefined;
  const comments = commentsOf(at.file);
  return pragmaInputs(comments, at.line - 1) ?? pragmaInputs(comments, at.line);
}

/** How many layer calls of a forward pass ran with known shapes. */
function layersReached(recorder: Recorder): number {
  let n = 0;
  for (const t of recorder.tallies.values()) n += t.calls;
  return n;
}

function forward(interp: Interpreter, c: Candidate, inputs: InputSpec[], file: string, options: { decoderStart?: boolean } = {}): Value | undefined {
  const recorder = interp.recorder;
  const { args, kwargs, decoderIds } = forwardArguments(interp.getAttribute(c.instance, "forward"), inputs.map((i) => tensor(i.shape, i.dtype)), options);
  // The forward pass is measured as inference runs it, after model.eval() (the module's own eval, if it has one):
  // `if self.training:` branches (auxiliary heads, training-time decoders, stochastic depth) are not taken.
  if (c.instance.kind === "instance" && c.instance.module) {
    try {
      interp.call(interp.getAttribute(c.instance, "eval"), [], new Map());
    } catch (err) {
      if (!(err instanceof PythonError || err instanceof Unresolved)) throw err;
    }
  }
  recorder.recording = true;
  if (decoderIds?.kind === "tensor") {
    const ids = decoderIds.shape.join("x");
    const what = options.decoderStart ? `one decoder start token per sample (${ids})` : `the encoder's token ids (${ids}), as transformers' encoder-decoder examples pass them`;
    recorder.assume(`decoder_input_ids: not given, so the decoder was fed ${what}; its cost follows the target length`, { file, line: c.line, column: 0 });
  }
  try {
    const output = interp.withFrame({ file, inModel: true }, () => interp.call(c.instance, args, kwargs));
    if (output.kind === "unknown") recorder.note(`forward's output is unknown: ${output.reason}`, output.location ?? interp.currentLocation);
    return output;
  } catch (err) {
    if (err instanceof PythonError || err instanceof Unresolved) {
      recorder.note(`forward stopped: ${err.message}`, (err instanceof PythonError ? err.location : undefined) ?? interp.currentLocation);
      recorder.stopped = true;
      return undefined;
    }
    if (err instanceof BudgetExceeded) {
      recorder.note(`forward stopped: ${err.message}`, err.location ?? interp.currentLocation);
      recorder.stopped = true;
      return undefined;
    }
    throw err;
  } finally {
    recorder.recording = false;
  }
}
