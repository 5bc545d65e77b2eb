// A training run's epochs, samples per epoch and batch size, read from the code where it says so (issue 3):
// epoch loops, Keras fit(), DataLoader(batch_size=...), well-known datasets, constants and argparse defaults.
import { freshId } from "../interp/construct";
import { instanceMethod, lookupClassAttribute } from "../interp/classes";
import { advancedConditionally } from "./counter-advance";
import { scaledCounter, scaledCounterPasses } from "./scaled-counter";
import { stridedBreakSteps } from "./strided-counter-break";
import { gatheredListBatch } from "./gathered-list-batch";
import { episodeUpdateBatch } from "./episode-update-batch";
import { fedWholeArrays } from "./fed-whole-arrays";
import { drawnPopulation } from "./drawn-population";
import type { Interpreter } from "../interp/interpreter";
import type { ClassValue, InstanceValue, ModuleNamespaceValue, Scope, Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import type { ParallelSetup } from "../parallel/parallel-setup";
import { isTrackerCallee, trackerDecorators, trackerFromCall, type TrackerSite } from "./codecarbon-tracker";
import { findCodeSites, type CodeSite } from "./code-sites";
import { rebindsBetween, sitesOutside, statementsOutside } from "./models-in-turn";
import { attributeChain, boundNames, calleeName, callsIn, dottedName, forEachExpression, forEachStatement, functionsIn, isLocalTo, keywordArgument, mentions, namesIn, positionalArgument, rootName, type CallExpression } from "../python/syntax-walk";
import { datasetSize } from "./dataset-sizes";
import { inheritedDataset, tableDatasetClass, tableDatasetObjectSamples } from "./dataset-classes";
import { randomSplitLengths, trainTestSplitSizes } from "./split-sizes";
import { passesLoaderToStepLoop, callsStepLoopFunction, passesEpochToStepLoop, stepLoopCalledPerEpoch } from "./called-step-loops";
import { knownTruth as truth, type ParameterBindings, type StepAllowance } from "./evaluate-site";
import { fullBatchData, stepsOncePerEpoch } from "./full-batch-epochs";
import { freshCounterRanges } from "./fresh-counter-range";
import { graphDatasetGraphs } from "./graph-datasets";
import { dglLoaderIndices } from "./dgl-loaders";
import { isPygSampledLoader, pygSampledLoaderSamples } from "./pyg-loaders";
import { slicedRows } from "./array-slices";
import { rowPreservingBindings } from "./row-preserving";
import { boundedSliceRows } from "./bounded-slices";
import { missingInitArguments } from "./missing-arguments";
import { batchLoopOfFit } from "./fit-per-batch";
import { ownClass, ownClassSelectsAsTable, ownFunction, ownMethod } from "./own-code";
import { boundFromLightningTrainerFactory } from "./returned-lightning-trainer";
import { dictKeyLoader } from "./returned-dict-loader";
import { nameGivenConfigKey } from "./config-key-keywords";
import { ownSamplerSamples } from "./own-sampler";
import { formatCountOf } from "../report/format";
import { ownBatchSamplerEpoch, type OwnBatchSamplerEpoch } from "./own-batch-sampler";
import { hasOwnOrKnownLength, ownDatasetLength, ownNamedDatasetLength } from "./own-dataset-length";
import { loaderScore } from "./loader-score";
import { loopShape, moduloZero, trainingWork, type LoopShape, type LoopStatement, walkedName } from "./loop-shape";
import { inputFnPipeline, iteratorPipeline, repeatedIteration, tfDataPipeline, type TfDataPipeline } from "../keras/tf-data";
import { classTrainingOperations, runsTrainingOperation, trainingOperations } from "./session-steps";
import { sitesOutsideRangeTests } from "./lr-range-test";
import { batchesEachWindow } from "./window-batch";
import { stepsOfEarlierRun } from "./earlier-run-steps";
import { isRangeCall, literalRange, passesOverData, stridedRangeBounds } from "./data-pass-epochs";
import { indexSlicedRows, rebuiltNames, slicesSameDataEachTurn } from "./index-sliced-pass";
import { drawsOnly, inertNames } from "./drawing-only-loop";
import { optimizerNames } from "./schedule-only-steps";
import { stepAfterLoop } from "./step-after-loop";
import { chunkLoopNamedEpoch } from "./chunk-loop-named-epoch";
import { neverBound } from "./undefined-walked-name";
import { zippedArrays, zippedRows } from "./zipped-rows";
import { firstTurnValue } from "./loop-first-turn";
import { generatorCallSamples } from "./generator-samples";
import { splitLoopBatches, splitPieces } from "./split-batches";
import { assignedHubChains, boundDatasetAlias, boundSplit, chainRoot, hubChainRows, isHubMethodCall, nameAssignments, resizesRows, subscriptedSplit, unsizedAliasedPart } from "./hub-dataset-parts";
import { bindingsRunByDefault } from "./default-branch-bindings";
import { endlessTake } from "./take-count";
import { repeatPasses } from "./repeat-passes";
import { loopsAroundCall, onlyCallOf } from "./loops-around-call";
import { calledInUncountedLoop as callInUncountedLoop } from "./uncounted-call-loops";
import { innerAdvancedBound } from "./inner-loop-counter";
import { loopAroundCall } from "./uncounted-call-repeats";
import { runsForever } from "./endless-iteration";
import { importsTorchbearer, trialNames, trialRunEpochs, trialTrainGenerator } from "./torchbearer-trial";
import { endlessGeneratorSource } from "./endless-generator-source";
import { cutChainRows, cutChains, DROP_REMAINDER_POSITION, keptChainStart, pairedBindings, plainBindings, type Rows } from "./tfdata-parts";
import { estimatorSteps, inputFnData } from "./estimator-steps";
import { readsTf1Mnist, TF1_MNIST_VALIDATION, tf1MnistTrainSamples } from "../keras/tf1-mnist";
import { backpropagatesPerCall, stepsOncePerCall, stepsOncePerDefinition } from "./stepping-calls";
import { vectorObservationCount } from "./vector-env-stride";
import { rolloutPeriod } from "./rollout-gate";
import { stepsPerCall, type StepsPerCall } from "./single-pass-loop";
import { spreadsUnreadMapping } from "./unknown-spread";
import { cudaQueriesNote } from "./cuda-note";
import { hfTrainingArguments, trainingArgumentsKind, TRAINING_ARGUMENT_DEFAULTS } from "./hf-arguments";
import { boundValueRead, readOnlyByUnusedTrainers } from "./unused-training-arguments";
import { configAttributeWrites } from "./config-attribute-writes";
import { toTfDatasetBatch } from "./hub-tf-dataset";
import { keepsTrainingDefaults, trainerWithoutArgs, trlDefaultPrecision, TRL_BF16_DEFAULT } from "./trl-configs";
import { configDefaultRank } from "./config-defaults-over-options";
import { callsImportedFunctionAtTop } from "./top-level-imported-calls";
import { turnsBeforeBreak } from "./final-turn-break";
import { trainsReturnedObject } from "./library-trainer-runs";
import { packedRowsNote, takesPacking } from "./packed-rows";
import { generatingTrainerConfig, generationBatchRaise, generationGroups, generationSteps, isGenerationConfig, type GenerationGroups } from "./generation-groups";
import { quantizedComputePrecision } from "./quantized-compute";
import { isUnslothLoader, unslothLoadPrecision } from "./unsloth-load";
import { isSentencesDataset } from "./sentence-transformers-datasets";
import { lenCall } from "../python/len-call";
import { folderDatasetRoot } from "./folder-datasets";
import { directoryDatasetSamples } from "../keras/directory-datasets";
import { inMemoryRowsSource } from "./in-memory-datasets";
import { trainerArgsFigures } from "./trainer-args-value";
import { cliConfigTrainer, cliDefaultConfigFiles, cliTrainerDefaults, derivesFromLightningCli, isCliTrainerFit, isLightningCli, overTrainerDefaults, readCliConfigFiles, soleCliConfigFile, TRAINER_KEYS } from "./lightning-cli";
import { runBindings } from "./run-bindings";
import { isLightningTarget, trainerFromElsewhere } from "./trainer-origin";
import { batchSamplerArguments } from "./batch-sampler";
import { abslFlagDefinition } from "./absl-flags";
import { argparseDest, argparseOptionsParsed } from "./parsed-options";
import { CONFIG_READER, numericLeaves } from "./config-reads";
import { configNotes } from "./config-notes";
import { CONFIG_FILE } from "../interp/stdlib/config-files";
import { foreignLoader, givenSubsetSampler, subsetSamplerLength } from "./loader-functions";
import { fitInputOrigin } from "./fit-input-origins";
import { importsSegmentationKeras, segmentationKerasTrain } from "./segmentation-keras-train";
import { importsUltralytics, isUltralyticsTrain, ultralyticsAmp, ultralyticsTrain } from "./ultralytics-train";
import { stableBaselines3Learn } from "./stable-baselines3-learn";
import { TRAIN_ON_BATCH, trainOnBatchInputs } from "./train-on-batch-input";
import { callsImportedModuleTrain } from "./module-function-calls";
import { foreignTraining, type ForeignTraining } from "./foreign-loops";
import { figureOverCalls, laterCallsInTurn } from "./foreign-calls-in-turn";
import { boltsDataModuleBatch, dataModuleTraining, type DataModuleTraining } from "./data-module";
import { splitHelperPart } from "./split-helpers";
import { afterAllTraining, afterAllUpdates, afterTraining, trainingCalls } from "./after-training";
import { tfdsTrainSamples } from "./tfds-sizes";
import { importedModuleName } from "../python/import-origin";
import { tfdsSplitMember } from "./tfds-split-members";
import { tfdsSubsplitNames } from "./tfds-subsplits";
import { wrappedSliceRows } from "./wrapped-slice-rows";
import { rebuiltFrom } from "./rebuilt-fit-rows";
import { estimatorFit, wrapperRun } from "../keras/sklearn-wrapper";
import { evaluationLoaderOnly, evaluationWithoutRun, inferenceLoaderOnly, inferenceWithoutRun } from "./inference-only";
import { copiedOptionsOnly } from "./copied-options";
import { unreadConstantsOnly } from "./unread-run-constants";
import { trainerOnlyEvaluates } from "./evaluating-trainer";
import { generatorValidationSplit, imageFlowRows, imageGeneratorFit } from "../keras/image-data-generator";
import { dataOnlyScript } from "./data-only-script";
import { plottingScriptOnly } from "./plotting-script";
import { boundFromEstimatorFactory } from "./returned-estimator";
import { namesOnlyModeSwitch } from "./mode-switch-only";
import { settingsModule } from "./settings-module";
import { configShownOnly, statesNoFigure } from "./config-shown-only";
import { inlineLoaderCall } from "./inline-loader-call";
import { unsteppedOptimizerLine } from "./unstepped-optimizer";
import { stringStatementsBlanked } from "../python/string-statements";
import { recordsAreSamples } from "./record-batch";
import { itemMadeBatchOfOne } from "./unsqueezed-item";
import { importsSkorchWithoutKeras } from "./skorch-net";
import { measuredSplitLengths } from "./measured-split-lengths";
import { fitsTflearnModel, tflearnLoadDataRows, TFLEARN_DEFAULT_EPOCHS } from "./tflearn-dnn";
import { arrayInputRun } from "../keras/numpy-input-fn";
import { perTurnFitSteps } from "../keras/fit-per-turn";
import { dirname, joinPath, relativeTo } from "../interp/paths";
import { ModuleResolver, type ImportRoot, type ModuleFiles } from "../interp/module-resolver";
import { splitIterableCount } from "./split-iterables";
import { type KnownLoader, loopWalkedTogether, shortestLoader, walkedTogether } from "./zipped-loaders";
import { epochLoopsInTurn } from "./epoch-loops-in-turn";
import { branchBoundIterable } from "./branch-bound-iterables";
import { fullBatchPassEpochs } from "./full-batch-passes";
import { argumentsByParameter, type OnlyCall } from "./call-site-bindings";
import { appliesPassedGradients, tapeGradientNames } from "./tape-updates";
import { historyEpochValue, type FitHistory } from "./history-epochs";
import { loadsTrainSplit, testSplitSamples, trainingSamples } from "./dataset-calls";
import { passedArgument, stepLoopBatch } from "./step-loop-batch";
import { importedKerasPolicy } from "./imported-keras-policy";
import { autocastOnCpu } from "./autocast-device";
import { importedLoaderModule, namesPassedToWalk, walkedLoaderName, walkedScriptNames, type ImportedLoaderModule } from "./imported-loader";
import { iteratorTokenBudget, tokenBudgetNote, type TokenBudget } from "./token-budget";
import { moduleConstantSampleBatch, ownSampleBatch, passedSampleBatch } from "./buffer-own-batch";
import { methodDrawnBatch } from "./drawn-batches";
import { batchSetByEarlierCall } from "./batch-set-by-call";
import { callsOwnMethodOnSelf } from "./self-method-calls";
import { gateAgainst, skippedByDefaultNote, uncalledNote } from "./skipped-by-default";
import { listedBoundPasses } from "./listed-loop-bounds";
import { unreachedHolder } from "./uncalled-functions";
import { clickSubcommands } from "./click-groups";
import { unreachedBesideReachedFit } from "./unreached-fits";
import { fitArrayCall } from "./own-call-fit-rows";
import { unnamedMethod } from "./unnamed-methods";
import { localBuilderRows } from "./local-builder-rows";
import { loaderBatchRank } from "./default-loader-batch";
import { countUsedAsDimension } from "./dimension-counts";
import { capsPerPassCounter } from "./per-pass-caps";
import { numpyOnlyImport, type OwnModules } from "./numpy-run";
import { fitRunsByDefault, skippedByDefaults } from "./skipped-for-fit";
import { runsOnce } from "./single-pass";
import { drawnCountInHelper, indexDrawBatch } from "./index-draw-batch";
import { loopIndexDraw } from "./loop-index-draw";
import { kerasSplitTrainRows } from "../keras/split-datasets";
import { returnsSubsetSampler } from "./sampler-functions";
import { maskedFrom } from "./masked-rows";
import { periodicRollout, rolloutBatch } from "./rollout-batch";
import { listGatePasses, listLengthGate } from "./list-length-gate";
import { replaysRollout } from "./update-epochs";
import { optimizerOwners, unreadCadenceNote, updateCadences, type UpdateCadence } from "./update-cadence";
import { epochCadences } from "./epoch-cadences";
import { siblingLoopCadences } from "./sibling-step-loops";
import { argparseConflict } from "./argparse-conflicts";
import { ownNonTorchLoader } from "./own-loader-class";
import { anyOfPasses, counterGatedPasses, gatedPasses, passesBeforeBreak } from "./gated-passes";
import { firstPassBreak } from "./first-pass-break";
import { buildsDefaultTrainer, detectron2Run, importsDetectron2 } from "./detectron2-trainer";
import { gatedEpochs } from "./gated-epochs";
import { torchtextSplitPart } from "./torchtext-split";
import { calledGatePasses, definitionsByName } from "./called-gates";
import { optionRead } from "./unread-options";
import { environmentEpisode, fixedEpisodeSteps } from "./episode-length";
import { counterStartPasses } from "./counter-gate";
import { cyclicCallPeriod } from "./cyclic-call-gate";
import { breakGuards, breaksEarly, counterBudget, episodeCalls } from "./counter-budget";
import { budgetGatedPasses } from "./budget-gated-steps";
import { episodeForIn } from "./episode-for-budget";
import { ownCallCadences } from "./own-call-cadences";
import { bindingsBefore, countedWhile, counterStart, type CountedWhile } from "./while-epochs";
import { initLoader, initLoaderAttributes } from "./init-loaders";
import { isTrainerFromArgparse, lightningTrainerArgument } from "./lightning-trainer";
import { constructedDataModuleBatch } from "./data-module-constructors";
import { fedOwnUnsizedDataset } from "./loader-own-binding";
import { returnedSplitPart } from "./returned-split-parts";
import { passesBeforeIndexBreak } from "./index-break-passes";
import { unreadBatchNote, unreadBatchSize } from "./unread-loader-batch";
import { ownBatchSamplerClass } from "./sampler-made-batches";
import { globalWalks, replacedLoaderBindings, type WalkedAt } from "./walked-binding";
import { namesPassedFor } from "./walked-parameter";
import { trainingDataNames } from "./trained-data-names";
import { selfSetDatasetSamples } from "./self-set-dataset";
import { codeLeavesConfigKeyUnread, codeLeavesTopLevelKeyUnread, importedWorkspaceTexts } from "./unread-config-keys";

import { filteredComprehensionBefore, filteredSamplesNote, walksBuiltList } from "./filtered-comprehension";
import { acceleratorAttributeAutocast, isAcceleratorAutocast } from "./accelerator-autocast";
import { optimizedNetworkNames } from "./optimized-networks";
import { besideFullTrainer, fastDevRunBatches, fastDevRunSteps } from "./lightning-fast-dev-run";
import { trainingArgumentsRaise } from "./training-arguments-raise";
import { float64Setting, mayCastToFloat64 } from "./float64-precision";
import { fullPrecisionInstead, fullPrecisionOff, isPrecisionOff, precisionReached, type UnsurePrecision } from "./precision-conditions";
import { fastaiTrainingSamples } from "./fastai-datasets";
import { chosenByUser } from "./required-choice";
import { buildsIgniteTrainer, igniteRun, importsIgnite, returnsIgniteTrainer } from "./ignite-engine";
import { acceleratedTrain, importsPytorchAccelerated } from "./accelerated-trainer";
import { classicPpoRun, classicPpoSteps, importsTrlPpoTrainer, type ClassicPpoRun } from "./trl-ppo";
import { catalystTrainEpochs, importsCatalyst } from "./catalyst-runner";
import { deepSpeedRun, isDeepSpeedInitialize } from "./deepspeed-config";
import { readDeepSpeedConfigFile, type DeepSpeedConfigFile, type DeepSpeedConfigProblem } from "./deepspeed-config-file";
import { buildsMmRunner, importsOpenMMLab, isMmengineClass, mmRunFigures, mmRunnerKeywordFigures, mmTrainConfig } from "./mm-runner";
import { firstLearnerFits, type FastaiFit } from "./fastai-learners-in-turn";
import { fastaiFitEpochs, fastaiLoadersBatch, fastaiPrecision, importsFastai, isFastaiFit, isFastaiLoaders } from "./fastai-learner";

import { FRAMEWORK_PRECISION, HALF_DTYPES, lightningPrecision } from "./framework-precision";
import { APEX_DEFAULT_OPT_LEVEL, apexDefaultPrecision } from "./apex-default-level";
import { foreignTrainingDataNames } from "./foreign-walked-data";
import { isBatchIterator, isDataset, slicedBatchIterator } from "./data-objects";
import { holdsTrainingItems } from "./walked-data-list";
import { constantGraphData } from "./constant-graph-data";
import { tapeWholeData } from "./tape-whole-data";
import { iterableThrough, walkedBarName } from "./enumerated-bar";
import { skippedPasses } from "./skipped-passes";
import { batchesWholeDataset, drawnLoader } from "./whole-dataset-loader";
import { isUnreadCallee, unreadHelperBatch } from "./foreign-minibatches";
import { batchListOf } from "./batch-lists";
import { takesFitDefaultBatch } from "./keras-fit-input";
import { kerasTuners, searchFits } from "./keras-tuner-search";
import { fewRowFitBatch } from "./few-row-fit";
import { episodeTurns } from "./episode-turns";
import { generatorItemRows, sequenceEpochSamples, sequenceItemRows } from "../keras/sequence-item-rows";
import { namesNoTraining, statesSamplesAlone } from "./samples-alone";
import { generatorCallBatch } from "./generator-batch";
import { batchLimit, limitedSteps, type BatchLimit } from "./lightning-limit-batches";
import { stepsSplitBatch, stepsSplitUnknown, type StepsSplitFit } from "./fit-steps-batch";
import { drawnOnceCalls } from "../keras/drawn-once";
import { axisLength, dictEntry, inputRows, isPandasTable, itemCount, leadingDimension, lengthOf, positiveInteger, positiveOrZero } from "../interp/value-figures";
import { snippet } from "../python/code-snippet";
import { epochMultipleRange } from "./epoch-multiple-range";
import { hubSamples, importsHubDatasets, importsTorchtext, torchtextSamples } from "./text-dataset-sizes";
import { importsTorchaudio } from "./audio-dataset-sizes";
import { audioRecordings } from "./audio-datasets";
import { trainerTrainDataset } from "./trainer-train-dataset";
/**
 * Where a figure comes from: the code, the dataset table, a library's documented default, the user's settings, or
 * (a batch only) the model input's first dimension.
 */
export type FigureSource = "code" | "dataset table" | "default" | "settings" | "input";

/** One figure of the plan and where it was found. */
export interface PlanFigure {
  value: number;
  source: FigureSource;
  /** 1-based line of the code it was read from (absent for settings). */
  line?: number;
  /** What was read: the code construct, the dataset and its reference, or the default's documentation. */
  detail: string;
}

/** What a file says about training: each figure only when the code states it. */
export interface TrainingPlan {
  epochs?: PlanFigure;
  samples?: PlanFigure;
  batch?: PlanFigure;
  /** DataLoader(drop_last=True): the last partial batch of each epoch is skipped. */
  dropLast?: boolean;
  /** Optimizer steps of a step-based run (`for step in range(N)`, `max_iters`, `max_steps`): epochs and samples then
   *  do not set the run's length. */
  steps?: PlanFigure;
  /** Micro-batches per optimizer step (gradient accumulation): each runs forward and backward at `batch`. */
  accumulation?: PlanFigure;
  /** The precision the training step runs at, where the code sets it (autocast, `.half()`, `.to(torch.bfloat16)`);
   *  fp32 where a 16-bit one is set only under a test the analyzer cannot read (precision-conditions.ts). */
  precision?: { value: "bf16" | "fp16" | "fp32" | "fp64"; line: number; detail: string; autocast?: boolean };
  /** The run trains numpy arrays (the file imports numpy and no tensor framework, numpy-run.ts): float64, numpy's
   *  default, where no precision is set; the energy model has no fp64 figures, so it names no step cost. */
  numpyArrays?: { line: number; detail: string };
  /** A CodeCarbon tracker in the code: where its measured runs are written (the report shows them beside the estimate). */
  tracker?: TrackerSite;
  /** The code asks what CUDA GPUs there are (`torch.cuda.device_count()`, `is_available()`): what they were read as. */
  cudaQueries?: string;
  /** Data parallelism the code and its launch files state (src/core/parallel), and the launch files that named it. */
  parallel?: ParallelSetup & { launchFiles?: string[] };
  /** Data whose batch the code does not show: a Keras fit on data that makes its own batches (a dataset, generator or
   *  Sequence: unknown rather than fit's default 32, keras-fit-input.ts), or a full-batch loop over data of unknown
   *  size (full-batch-epochs.ts). The run is there, its batch unknown. */
  batchFromData?: { line: number; detail: string };
  /** A torchtext iterator's batch_size made a budget of tokens by its batch_size_fn (token-budget.ts): the examples a
   *  batch holds are unknown, so no steps come from samples ÷ batch. */
  tokenBudget?: TokenBudget;
  /** What configuration fed the figures: config files read, and files named but missing (config-notes.ts). */
  notes?: string[];
  /** A network the run uses but does not train (frozen-models.ts): its notes say why, and it asks for no figures. */
  untrained?: true;
  /** Optimizers stepped in the step loop at cadences of their own (update-cadence.ts), by the networks they train: a
   *  network's steps are the plan's passes at its optimizer's cadence. */
  updateCadences?: UpdateCadence[];
  /** The paths of those config files (read, or named and missing): a change to one can change the plan, so an editor
   *  reads the plan again when one of them changes, and only then. */
  configFiles?: string[];
}

type CallSite = Extract<CodeSite, { kind: "call" }>;
type ConstantSite = Extract<CodeSite, { kind: "constant" }>;

interface Candidate {
  figure: PlanFigure;
  /** Higher wins; ties go to the earlier site. */
  rank: number;
}

/** Interpreter steps for reading a file's whole plan (the analysis of its models has its own budget): steps, not
 *  wall time, so the figures do not change on a slower or busier machine; each statement of an evaluation has its
 *  own 200,000 (evaluate-site.ts), so this is ten runaway statements or many short ones. */
export const PLAN_STEPS = 2_000_000;

/** Steps for reading the tests that gate the step loops, after the rest of the plan (a flag and its parser). */
const GATE_STEPS = 200_000;

/** Runs `read` with at least `steps` left in the allowance, and leaves the allowance no richer than it found it. */
function withReserve<T>(allowance: StepAllowance, steps: number, read: () => T): T {
  const before = allowance.steps;
  if (before >= steps) return read();
  allowance.steps = steps;
  try {
    return read();
  } finally {
    allowance.steps = Math.min(before, allowance.steps);
  }
}
/** Calls whose callee is worked out to see whether it takes a training step, at most, per plan. */
const MAX_STEPPING_CALLS = 24;
/** Keras' batching data makers: where `batch_size` sits among the positional parameters of ImageDataGenerator's
 *  flow_from_directory and flow_from_dataframe (keras.io, ImageDataGenerator; Keras 2.x keras_preprocessing/image) and
 *  of keras.utils' image/text/audio_dataset_from_directory (keras.io/api/data_loading), each 32 by default. */
const FLOW_BATCH_POSITION: Record<string, number> = { flow_from_directory: 5, flow_from_dataframe: 9, image_dataset_from_directory: 5, text_dataset_from_directory: 4, audio_dataset_from_directory: 4 };
const KERAS_FLOW_BATCH = 32;
/** An attribute holding a data object's count of samples (`self.num_samples = len(self.annotations)`). */
const SAMPLE_COUNT_ATTRIBUTE = /^(num_samples|n_samples|num_examples|n_examples|sample_num|num_data)$/;
/** Builtins and libraries: their calls are never the script's training step. */
const NOT_STEPPING_CALLEE = /^(print|len|range|enumerate|zip|iter|next|float|int|str|bool|list|dict|set|tuple|sorted|min|max|sum|abs|round|isinstance|getattr|setattr|hasattr|open|super|os|sys|np|numpy|torch|torchvision|random|time|datetime|logging|logger|warnings|json|yaml|shutil|plt|wandb|math|tqdm|copy|re|collections|itertools|functools|pickle)(\.|$)/;
/** Methods of strings, containers, tensors, loggers and optimizers themselves, and progress bars: not a training step
 *  (`update` is a dict's, but also the name of many training steps: DomainBed's `algorithm.update(minibatches)`). */
const NOT_STEPPING_METHOD = /(^|\.)(step|backward|zero_grad|to|cuda|cpu|item|detach|numpy|append|extend|insert|pop|items|keys|values|get|format|join|split|strip|replace|startswith|endswith|lower|upper|write|read|close|flush|log|info|debug|warning|error|set_description|set_postfix|add_scalar|add_scalars|add_image|save|load|state_dict|load_state_dict|train|eval|size|view|reshape|mean|sum|copy_|clone|__\w+__)$/;
const EPOCH_VARIABLE = /epoch/i;
const NO_NAMES: ReadonlySet<string> = new Set();
/** Whether every read of `name` in a function's text (the module's for a module-level name), past its binding, is the
 *  right operand of `%`: a period between updates, as in `if episode % batch_size == 0:`. */
function periodOnly(text: string, fn: FunctionDefinition | undefined, name: string): boolean {
  const scope = fn ? text.slice(fn.pos.startIndex, fn.pos.endIndex) : text;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const reads = scope.match(new RegExp(`(?<![\\w.])${escaped}\\b(?!\\s*=[^=])`, "g"))?.length ?? 0;
  const periods = scope.match(new RegExp(`%\\s*${escaped}\\b`, "g"))?.length ?? 0;
  return periods > 0 && reads === periods;
}

/** Any text: the words test of a body already known to train. */
const ANY_TEXT = /[\s\S]/;
/** A call of a plain function named for training (`scores = train_agent(agent, env)`, `mini_batch_train(...)`), not a
 *  method (`model.train()` only switches a module's mode): a script with no loops, guard or batch of its own may still
 *  train through one defined in another file. */
/** A module-level statement that trains: a backward pass, a fit, or a call named for training. */
const TRAINING_STATEMENT = /\.backward\s*\(|\.fit\w*\s*\(|\btrain\w*\s*\(/;
/** Fine-tuning and pre-training are training too: `finetune(model, rows, epochs=2)`, `run_pretraining(cfg)`. */
const TRAINING_FUNCTION_CALL = /(?<![\w.])(?:\w+_)?(?:train(?:ing)?|fine_?tun(?:e|ing)|pre_?train(?:ing)?)(?:_\w+)?\s*\(/;
/** A method named for training with more to its name than nn.Module's mode switch: `model._train(data, n_iter, lr)`,
 *  `net.train_model(loader)`, `trainer.do_training()`, `model.finetune(rows)`; the bare `.train()` is read by `ownTrainMethod`. */
const TRAINING_METHOD_CALL = /\.(?:\w*_train(?:ing)?(?:_\w+)?|train(?:ing)?_\w+|training|(?:\w*_)?(?:fine_?tun(?:e|ing)|pre_?train(?:ing)?)(?:_\w+)?)\s*\(/;
/** `runner.fit()` in a file that imports no library with a `fit` of its own (Keras, scikit-learn, Lightning, fastai,
 *  gradient boosting): the method is the project's, whose loops may train (another file's `class Runner: def fit`). */
const OWN_FIT_CALL = /\.fit\s*\(/;
const LIBRARY_FIT = /\b(keras|tensorflow|sklearn|lightning|pytorch_lightning|fastai|xgboost|lightgbm|catboost|skorch|statsmodels)\b/;
/** A worker started on a function (`mp.Process(target=train, args=(rank, args, shared_model))`), as A3C scripts train. */
const WORKER_TARGET = /\b(?:Process|Thread)\s*\([^)]*\btarget\s*=/;

/** A `train(...)` call that is not nn.Module's mode switch, `train(mode=True)` (pytorch.org/docs, torch.nn.Module.train:
 *  one optional bool): given other arguments (`policy.train(replay_buffer, args.batch_size)`), it is a method of the
 *  project's own, which may take a training step. */
function ownTrainMethod(c: Extract<Expression, { type: "call" }>): boolean {
  if (c.func.type !== "attribute" || c.func.name !== "train" || c.args.length === 0) return false;
  if (c.args.length > 1) return true;
  const only = c.args[0];
  if (only.kind === "keyword" && only.name === "mode") return false;
  const value = only.kind === "positional" || only.kind === "keyword" ? only.value : undefined;
  // `True`/`False`, or a name, attribute or test that may hold one (`model.train(is_training)`), is the mode.
  return value !== undefined && !["constant", "boolean", "name", "attribute", "unary", "compare"].includes(value.type);
}
/** Loop variables of step-based training loops (nanoGPT's `iter_num`, `for step in range(max_steps)`). */
const STEP_VARIABLE = /^(step|steps|it|iter|iters|iter_num|iteration|itr|global_step|train_step|update|updates|n_iter)$/i;
const STEP_CONSTANT = /^(max_iters?|max_steps|max_iterations|num_training_steps|num_train_steps|num_steps|n_steps|train_steps|total_steps|total_iters|num_iters|num_iterations|n_iters|training_steps|iterations)$/i;
/** Names of a gradient-accumulation count (nanoGPT, transformers, Lightning). */
export const ACCUMULATION_CONSTANT = /^(gradient_accumulation_steps|grad_accum(ulation)?(_steps)?|accumulation_steps|accum_steps|accum_iter|accumulate_grad_batches)$/i;
// "epoches" is a common spelling of the plural in research code (`def train(self, epoches=10)`). The qualifiers
// stack: `num_train_epochs` (transformers' TrainingArguments and the scripts that copy it), `nb_epoch` (Keras 1's
// fit keyword), `max_training_epochs`, `num_of_epochs`. The qualifier may follow the word as well (`epoch_num`,
// `epochs_count`, `epoch_number`): still the count, where `epoch_size` or `epoch_len` would be a pass's length.
const EPOCH_CONSTANT = /^((num|number|nb|n|total|max|train|training|of)_?)*epoche?s?(_?(num|number|count|cnt|nb|total))?$/i;
const BATCH_CONSTANT = /^(train_|training_)?batch_?size$/i;
/** A command-line flag of the batch size: `bs` is its usual short form (`--bs 256`), which a config key need not be. */
const BATCH_FLAG = /^(train_)?(batch_?size|bs)$/i;

/** Reads the training plan from a file whose module has been loaded into `namespace`. */
export function discoverTrainingPlan(input: {
  interpreter: Interpreter;
  namespace: ModuleNamespaceValue;
  body: Statement[];
  text: string;
  file: string;
  now?: () => number;
  /** The workspace's files and root, for the config files a script composes (Hydra's YAML). */
  files?: ModuleFiles;
  root?: string;
  /** Parameters bound by the caller (a method of another file that the script's call runs: `self`, its arguments). */
  bound?: ParameterBindings;
  /** Set when this is a body another file's call runs: its own calls are not followed further. */
  nested?: boolean;
  /** Set on the nested read of a function that trains through an object it builds: its own calls are followed once. */
  handsOn?: boolean;
  /** Module-level statements whose sites are not read: those that train other models (models-in-turn.ts). */
  exclude?: ReadonlySet<Statement>;
  /** Set when the body is known to train (another file's function whose calls backpropagate, foreign-loops.ts): its
   *  loops are read even when its text has no training words (`for i_episode in range(1, n_episodes + 1):`). */
  trains?: boolean;
  /** One call of a function read alone: its parameters take that call's arguments (calls-in-turn.ts). */
  only?: OnlyCall;
  /** Names of this module that the importing script's step loops walk (imported-loader.ts): its loaders. */
  walked?: readonly string[];
  /** The builder whose Keras wrappers' run is read, where wrappers build several models (sklearn-wrapper.ts). */
  wrapperBuilder?: string;
}): TrainingPlan {
  try {
    return readPlan(input);
  } catch {
    // A construct the search does not expect must not cost the user the model analysis: no plan then.
    return {};
  }
}

function readPlan(input: Parameters<typeof discoverTrainingPlan>[0]): TrainingPlan {
  const { interpreter, namespace, file } = input;
  const now = input.now ?? (() => Date.now());
  // The loops of the script's own learning-rate range test (lr-range-test.ts) are a probe before the run, not the run.
  const sites = sitesOutsideRangeTests(sitesOutside(findCodeSites(input.body, input.text, input.trains ? ANY_TEXT : undefined), input.exclude));
  // Names handed to a walked parameter or a framework's training entry (trained-data-names.ts).
  const trainingData = trainingDataNames(input.body, input.text, sites);
  // And those another file's training function walks (foreign-walked-data.ts).
  if (input.files) for (const n of foreignTrainingDataNames(input.body, file, (n) => namespace.scope.names.get(n), (f) => input.files?.read(f))) trainingData.add(n);
  // The whole search shares one step allowance: a file with hundreds of sites must not slow each keystroke's analysis.
  // A file read for a call the script makes (nested) is imported, so its `__main__` block does not run.
  const allowance: StepAllowance = { steps: PLAN_STEPS, ...(input.nested ? {} : { script: { file: input.file, body: input.body } }) };
  // A function's parameters take what its call sites in the file pass (`train(args, ...)` at the bottom), a
  // `@hydra.main` function's its composed config, a click command's its options' defaults.
  const { bindings, hydra, evaluate: evaluateWith } = runBindings({ ...input, now }, sites, allowance);
  const evaluate = (site: CodeSite, expressions: Expression[]): Value[] => evaluateWith(site, expressions, bindings);
  const evaluateOne = (site: CodeSite, e: Expression | undefined): Value | undefined => (e ? evaluate(site, [e])[0] : undefined);

  const epochs: Candidate[] = [];
  const steps: Candidate[] = [];
  /** Epoch and step loops by the figure they gave, for a step loop nested in an epoch loop (steps per epoch). */
  const loopSpans = new Map<PlanFigure, { startIndex: number; endIndex: number }>();
  /** Step loops ended by a counter's break (`step += 1; if step >= max_steps: break`), and epoch loops, by figure. */
  const counterBreaks = new Map<PlanFigure, { counter: string; afterStep: boolean }>();
  const epochLoops = new Map<PlanFigure, LoopStatement>();
  /** Step counts read from a name alone (`max_iters = ...`, `--num-steps`), with no loop or trainer seen using them. */
  const namedSteps = new Set<PlanFigure>();
  const accumulations: Candidate[] = [];
  let precision: TrainingPlan["precision"];
  let unsurePrecision: UnsurePrecision | undefined;
  /** A 16-bit setting the plain run does not reach (its flag off), the condition saying why. */
  let offPrecision: UnsurePrecision | undefined;
  /** Why a training function's steps are no run figure: called from episodes of unknown number or length. */
  let uncountedEpisodes: string | undefined;
  /** Why a step loop's count is not the run's: it is each pass of an epoch loop of unstated length. */
  let perEpochOnly: string | undefined;
  /** Why a step loop before the run's epoch loop gives no steps (earlier-run-steps.ts). */
  let earlierRunNote: string | undefined;
  /** Why a called body's epochs are not the run's: a loop of uncounted passes repeats the call. */
  let repeatedCallNote: string | undefined;
  const batches: Candidate[] = [];
  const samples: Candidate[] = [];
  // `fed`: the dataset where the call names it otherwise than DataLoader's `dataset` (DeepSpeed's training_data).
  // `unread`: a batch_size the loader is given whose value is not known where it is built (unread-loader-batch.ts).
  const loaders: { site: CallSite; score: number; batch?: PlanFigure; dropLast?: boolean; fed?: Expression; episodes?: { epoch: OwnBatchSamplerEpoch; given: Expression }; unread?: Expression }[] = [];
  // DeepSpeed's config decides the engine's precision whatever casts the code makes to follow it (deepspeed-config.ts).
  let deepSpeedPrecision: TrainingPlan["precision"];
  /** Why the batch of a DeepSpeed engine's training loader is unknown: no config given to the plain run. */
  let deepSpeedUnconfigured: string | undefined;
  // The dtype a model's weights are loaded in (or their 4-bit compute dtype), where no other precision is set.
  let weightPrecision: TrainingPlan["precision"];
  const deepSpeedFiles: (DeepSpeedConfigFile | DeepSpeedConfigProblem)[] = [];
  /** Dataset-like sites by the names they are assigned to, for linking a DataLoader to its dataset. */
  const datasets: { site: CallSite; figure: PlanFigure; names: string[]; rank: number }[] = [];
  // Training parts of train_test_split (by target name), and parts (Subset, random_split) whose size is not known.
  const splitParts: { site: CallSite; figure: PlanFigure; names: string[] }[] = [];
  const unsizedParts: { site: CallSite; names: string[] }[] = [];
  // Test splits of table datasets (`MNIST(root, train=False)`): never the run's data alone, only a ConcatDataset's part.
  const testParts: { site: CallSite; figure: PlanFigure; names: string[] }[] = [];
  // What a chain of Hugging Face Dataset methods starts from: a `load_dataset(...)` call of the table, or a name bound
  // to a dataset before `before` (hub-dataset-parts.ts).
  const hubRoot = (site: CallSite, before: number, depth = 0) => (e: Expression): { value: number; detail: string } | undefined => {
    if (e.type === "call" && calleeName(e) === "load_dataset") {
      const known = hubSamples(e, (x) => evaluateOne(site, x));
      return known ? { value: known.value, detail: `${snippet(input.text, e)}: ${known.source}` } : undefined;
    }
    // `Dataset.from_list(records)`: a row of each record the script holds (in-memory-datasets.ts).
    const held = inMemoryRowsSource(e);
    const heldRows = held ? evaluateOne(site, lenCall(held)) : undefined;
    if (heldRows?.kind === "int" && heldRows.value > 0) return { value: heldRows.value, detail: `${snippet(input.text, e)}: len(${snippet(input.text, held!)}) = ${heldRows.value} rows` };
    const bound = e.type === "name" ? datasets.filter((d) => d.names.includes(e.id) && d.site.call.pos.startIndex < before).pop() : undefined;
    if (bound) return { value: bound.figure.value, detail: bound.figure.detail };
    // `train = ds["train"]`, then `train = train.map(encode, batched=True)`: the rows of what the name was bound to.
    const alias = e.type === "name" && depth < 4 ? boundDatasetAlias(hubAssignments, e.id, before) : undefined;
    const rows = alias ? hubChainRows(alias, hubRoot(site, alias.pos.startIndex, depth + 1), (x) => evaluateOne(site, x), (x) => snippet(input.text, x), (name) => boundSplit(hubAssignments, name, alias.pos.startIndex)) : undefined;
    return rows && !("unknown" in rows) ? rows : undefined;
  };
  /** Hugging Face trainers' `train_dataset=`: the data their run takes (trainer-train-dataset.ts). */
  const trainerDatasets: { site: CallSite; given: Expression }[] = [];
  let partOfUnknownSize = false;
  /** Why the samples are unknown where the loader is fed a filtered comprehension (filtered-comprehension.ts). */
  let filteredNote: string | undefined;
  let validationSplit: { fraction: number; line: number } | undefined;
  /** The arrays Keras fits take whose rows the interpreter did not work out, and where. */
  const unsizedFitInputs: { x: Expression; at: number }[] = [];
  // Samples read from the arrays a Keras fit is given (its x's first dimension, a slice fed to it): validation_split
  // holds out part of exactly these arrays, as it does of a loaded dataset's.
  const fitArrayRows = new Set<PlanFigure>();
  /** Each Keras fit's array rows with the array it was given, for arrays rebuilt from a loaded dataset. */
  const fitRows: { figure: PlanFigure; x: Expression; at: number; site: CallSite }[] = [];
  let batchFromData: { line: number; detail: string } | undefined;
  /** A Keras fit on arrays with steps_per_epoch and no batch_size: its batch follows the samples (fit-steps-batch.ts). */
  let stepsSplitFit: StepsSplitFit | undefined;
  /** A Keras fit in a `while True:` that nothing leaves: why the run states no epochs or steps. */
  let endlessFit: string | undefined;
  /** Why a Stable-Baselines3 `learn` gives less than its run (stable-baselines3-learn.ts). */
  const learnNotes: string[] = [];
  /** A torchtext iterator's batch_size that its batch_size_fn makes a budget of tokens (token-budget.ts). */
  let tokenBudget: TokenBudget | undefined;
  // max_steps > 0 of a TrainingArguments "overrides num_train_epochs" (huggingface.co/docs/transformers, TrainingArguments):
  // the epochs its arguments give (or transformers' default 3) are then not the run's.
  let hfMaxSteps = false;
  // GRPO's and RLOO's num_generations: their batch counts completions of fewer prompts (generation-groups.ts).
  let generation: GenerationGroups | undefined;
  // TRL's packing=True: the dataset's rows are cut into other samples (packed-rows.ts).
  let packedRows: string | undefined;
  const trainingArgumentEpochs = new Set<PlanFigure>();
  let trainBatchLimit: { limit: BatchLimit; line: number; detail: string } | undefined;
  // Lightning's fast_dev_run: one epoch of that many batches, over every other length (lightning-fast-dev-run.ts).
  let fastDevRun: { batches: number; line: number; detail: string } | undefined;
  // A Trainer built without fast_dev_run that runs by default: a dev run beside it is a smoke test ahead of the run.
  let fullTrainer: { line: number } | undefined;
  // Options a library refuses where the plain run builds them: it stops there and trains nothing.
  let raisedBeforeTraining: { line: number; detail: string } | undefined;
  /** Names bound to a `Trainer(...)`: their `fit` is Lightning's (or transformers'), not Keras'. */
  const lightningTrainers = new Set<string>();
  /** Names bound to a `LightningCLI(...)`: their `.trainer.fit` is Lightning's. */
  const lightningClis = new Set<string>();
  /** Keras fit calls the plain run makes, by the model they train: several in turn continue its training. */
  // `scope`: the function whose local the receiver is (a model a builder function makes and fits there), else none:
  // a fit of another function's local `model` trains another model than the module's `model`.
  const kerasFits: { receiver: string; scope?: FunctionDefinition; epochs: number; line: number; code: string; steps?: number; batch?: number }[] = [];
  /** Keras fit calls the plain run would reach by their branches: the run where no step loop is. */
  const kerasFitSites: CallSite[] = [];
  /** The names bound to Keras Tuner tuners, read at the first `search(...)` call. */
  let tuners: Map<string, CallExpression> | undefined;
  /** Fits of one model in turn at different batch sizes: the plan takes the first's, and says so. */
  let fitBatchesNote: string | undefined;
  /** Those fits' History objects by the names they are bound to (`history = model.fit(...)`), for a later fit that
   *  resumes from one (`initial_epoch=history.epoch[-1]`, history-epochs.ts). */
  const fitHistories: FitHistory[] = [];
  let tracker: TrackerSite | undefined = trackerDecorators(input.body, input.text)[0];
  /** fastai: whether the file imports it, and the epochs of each Learner fit the plain run makes, in turn. */
  const fastai = importsFastai(input.text);
  const fastaiFits: FastaiFit<PlanFigure>[] = [];
  /** The batch and samples fastai DataLoaders calls gave, by line: those after the first Learner's last fit are dropped. */
  const fastaiLoaderFigures = new Map<PlanFigure, number>();
  /** Whether the file imports PyTorch-Ignite, whose training engines' `run` sets the epochs. */
  const ignite = importsIgnite(input.text);
  /** Whether the file imports pytorch-accelerated, whose Trainer's `train` sets the epochs and batch. */
  const accelerated = importsPytorchAccelerated(input.text);
  /** Whether the file imports TRL's PPOTrainer, whose classic API batches the dataset itself (trl-ppo.ts). */
  const trlPpo = importsTrlPpoTrainer(input.text);
  let ppoRun: ClassicPpoRun | undefined;
  /** Whether a TrainingArguments object bound to `names` reaches no training (unused-training-arguments.ts). */
  const configuresNoRun = (names: readonly string[], end: number) => !boundValueRead(input.text, names, end) || readOnlyByUnusedTrainers(input.text, input.body, names, end);
  const segmentationKeras = importsSegmentationKeras(input.text);
  const ultralytics = importsUltralytics(input.text);
  /** Whether the file imports Catalyst, whose Runner's `train(loaders=..., num_epochs=...)` sets the epochs. */
  const catalyst = importsCatalyst(input.text);
  /** torchbearer: the names bound to a Trial, where the file imports it (torchbearer-trial.ts). */
  const trials = importsTorchbearer(input.text) ? trialNames(input.body) : undefined;
  /** The epochs figures a Trial's run gave. */
  const trialEpochs = new Set<PlanFigure>();
  /** Whether the file imports an OpenMMLab package, whose runners train as the config says. */
  const openmmlab = importsOpenMMLab(input.text);
  /** Whether the file imports detectron2, whose DefaultTrainer runs as its config says. */
  const detectron = importsDetectron2(input.text);

  /** Loops read by their shape (a `for a, b in ...` loop is one site per variable), and the step loops among them. */
  const shapedLoops = new Set<Statement>();
  // `range(sess.run(global_step), N)` walks from the counter's initial value in a fresh run (fresh-counter-range.ts).
  const withIters = new Map([...withBoundIterables(input.body), ...freshCounterRanges(input.body, input.text)]);
  const iterOf = (loop: LoopStatement): Expression | undefined => (loop.type === "for" ? withIters.get(loop) ?? loop.iter : undefined);
  const stepLoops: Statement[] = [];
  /** Names a step loop walks (`for x, y in dataloader:`): the loader a training loop iterates is the training loader. */
  const stepWalked = new Set<string>();
  /** Names module-level step loops walk, and where (walked-binding.ts): a name bound again walks its latest binding. */
  const walkedAt: WalkedAt[] = [];
  /** Whether a place in the text is inside a statement left out of this reading (another model's, models-in-turn.ts):
   *  a call made there hands its loader to that model's run, not this one's. */
  const excluded = input.exclude ? [...input.exclude] : [];
  const excludedAt = (offset: number) => excluded.some((s) => s.pos.startIndex <= offset && offset < s.pos.endIndex);
  let zipNote: string | undefined;
  /** Loaders the script binds to names, with what is known of each: a loop may walk several of them together. */
  const knownLoaders = new Map<string, KnownLoader>();
  /** Loaders whose one batch is their whole dataset (`DataLoader(ds, batch_size=len(ds))`, whole-dataset-loader.ts). */
  const wholeLoaders = new Set<string>();
  /** Where a step loop walks the training loader zipped with other loaders (zipped-loaders.ts): how long the
   *  others are is not read (torch's DataLoader is not modelled), so neither is the epoch. */
  const zippedEpoch = (loaderNames: string[]): { code: string; line: number; names: string[] } | undefined => {
    for (const site of sites) {
      if ((site.kind !== "loop" && site.kind !== "while") || !stepLoops.includes(site.loop)) continue;
      const walked = loopWalkedTogether(site.loop, site.context.fn?.body ?? input.body);
      if (walked?.names.some((n) => loaderNames.includes(n))) return { code: walked.code, line: site.loop.pos.line, names: walked.names };
    }
    return undefined;
  };
  /** Loaders walked together: the epoch's samples are the shortest loader's when each is known and it batches as the
   *  plan does; otherwise they are not known, and a note says why. */
  const shortenToWalk = (names: string[], where: string, why: string) => {
    const shortest = shortestLoader(names, knownLoaders);
    if (shortest && plan.batch?.value === shortest.batch) {
      if (plan.samples?.value !== shortest.samples) plan.samples = { value: shortest.samples, source: "code", line: plan.samples?.line, detail: `${shortest.name}'s ${shortest.samples} samples (${shortest.batches} batches of ${shortest.batch}), the shortest loader of ${where}, ${why}` };
      if (knownLoaders.get(shortest.name)?.dropLast) plan.dropLast = true;
      return;
    }
    if (!plan.samples) return;
    delete plan.samples;
    zipNote = `samples: each epoch is as long as the shortest loader of ${where}, ${why}: pass --samples N for the epoch's samples`;
  };
  // A parser the file never parses nor reads configures nothing (its `--max_steps` is not the run's).
  const parserInUse = argparseOptionsParsed(input.text, sites.flatMap((s) => (s.kind === "call" && /(^|\.)add_argument$/.test(s.callee) ? [argparseDest(s.call)] : [])));
  /** Batches of loaders that functions build, with their drop_last: the run's drop_last when its batch is one. */
  const builtLoaders = new Map<PlanFigure, boolean | undefined>();
  // A model cast or reloaded after the training call returns (to merge adapters, to export) is not the run's.
  const trainingRuns = trainingCalls(sites, input.text);
  // Whether an absolute import names one of the project's modules, found as the analysis finds them: on the script's
  // folder and the workspace root, the first entries of sys.path (module-resolver.ts).
  const inWorkspace = (module: string): boolean => {
    if (!input.files) return false;
    const roots: ImportRoot[] = [{ kind: "script", path: dirname(file), files: input.files }, ...(input.root ? [{ kind: "workspace" as const, path: input.root, files: input.files }] : [])];
    const resolver = new ModuleResolver(roots);
    const [top, ...rest] = module.split(".");
    let found = top ? resolver.findTopLevel(top) : undefined;
    for (const [i, part] of rest.entries()) found = found && resolver.findSubmodule(found, part, [top, ...rest.slice(0, i + 1)].join("."));
    return found !== undefined;
  };
  // absl flags' defaults by name (`flags.DEFINE_string("mixed_precision_policy", "mixed_float16", ...)`).
  const abslDefaults = new Map(sites.flatMap((s) => {
    const defined = s.kind === "call" ? abslFlagDefinition(s.call, s.callee) : undefined;
    return defined?.default ? [[defined.name, defined.default] as const] : [];
  }));
  // TensorFlow 1.x's tutorial MNIST loader imported (`from tensorflow.examples.tutorials.mnist import input_data`), or
  // reached as `tf.contrib.learn.datasets.mnist` (tf1-mnist.ts).
  const tf1Mnist = readsTf1Mnist(input.text);
  // The name TensorFlow Datasets is imported as (`import tensorflow_datasets as tfds`).
  // torchtext and Hugging Face datasets: their tables apply only where the file imports them.
  const torchtext = importsTorchtext(input.text);
  const hubDatasets = importsHubDatasets(input.text);
  const torchaudio = importsTorchaudio(input.text);
  // `load_dataset(...)` calls at the root of a chain of Dataset methods that keeps part of their rows.
  const resizedHubCalls = new Set<Expression>(hubDatasets ? sites.flatMap((x) => (x.kind === "call" && isHubMethodCall(x.call) && resizesRows(x.call) ? [chainRoot(x.call)] : [])) : []);
  const hubChains = hubDatasets ? assignedHubChains(input.body) : new Map<Expression, { value: Expression; names: string[] }>();
  // Every binding of a name, for a split's DatasetDict bound before its "train" part is taken (hub-dataset-parts.ts).
  // A binding under a branch the run's defaults skip (`else:` of `if limit_size:`, limit_size=True) binds nothing.
  const hubAssignments = hubDatasets ? bindingsRunByDefault(nameAssignments(input.body), sites, (site) => runsByDefault(site, (e) => evaluateOne(site, e))) : [];
  /** Names bound to `tfds.builder(name)`, with the catalog name. */
  const tfdsBuilders = new Map<string, string>();
  // Read from the import statement, so a comment after it (`import tensorflow_datasets as tfds  # data`) keeps it.
  const tfdsModule = input.text.includes("tensorflow_datasets") ? importedModuleName("tensorflow_datasets", input.body) : undefined;
  // Names a Keras fit takes its data from (`fit_generator(trainset, ...)`, `fit(x=train_gen)`).
  const fitInputs = new Set(sites.flatMap((s) => {
    if (s.kind !== "call" || s.call.func.type !== "attribute" || !/^fit(_generator)?$/.test(s.call.func.name)) return [];
    const x = positionalArgument(s.call, 0) ?? keywordArgument(s.call, "x") ?? keywordArgument(s.call, "generator");
    return x?.type === "name" ? [x.id] : [];
  }));
  // A Keras generator call whose iterator a fit trains on (`train_gen = datagen.flow_from_directory(...)` then
  // `fit_generator(train_gen, ...)`), or, where no fit names its input, one bound to a training name.
  const drawnOnce = drawnOnceCalls(input.body);
  const feedsFit = (site: CallSite) => site.assignedTo.some((n) => fitInputs.has(n)) || (fitInputs.size === 0 && site.assignedTo.some((n) => /train/i.test(n)));
  // Names a loop of the file iterates (`for images, labels in train_dataset:`): data a function may have batched.
  const iterated = new Set([...(input.walked ?? []), ...sites.flatMap((s) => {
    if (s.kind !== "loop") return [];
    const walked = walkedName(s.loop.iter);
    return walked ? [walked] : [];
  })]);
  const forLoops = [...new Map(sites.flatMap((x) => (x.kind === "loop" ? [[x.loop, x] as const] : []))).values()];
  const whileLoops = sites.flatMap((x) => (x.kind === "while" ? [x.loop] : []));
  const within = (outer: Statement, inner: Statement) => outer !== inner && outer.pos.startIndex <= inner.pos.startIndex && inner.pos.endIndex <= outer.pos.endIndex;
  // A call that takes a training step itself (`algorithm.update(batches)`, `self.forward_backward(data)`): worked out
  // where it is made, a function or method that backpropagates and steps once (stepping-calls.ts).
  const callSites = new Map(sites.flatMap((x) => (x.kind === "call" ? [[x.call, x] as const] : [])));
  const stepping = new Map<Expression, boolean>();
  let steppingTried = 0;
  // TensorFlow 1.x: `sess.run([optimizer, cost], ...)` of an optimizer's `minimize(...)` op is a step (session-steps.ts).
  const sessionOps = trainingOperations(input.body, input.text);
  /** `sess.run([opt.opt_op, opt.cost])` where `opt = OptimizerAE(...)`: the class (of any file) binds `self.opt_op` to an
   *  optimizer's minimize(...) (session-steps.ts). The class is read from the calls that bind the name, not built; the
   *  bindings are gathered once, on the first session run with such a fetch. */
  let bindingCalls: Map<string, Expression[]> | undefined;
  const objectOps = new Map<string, Set<string>>();
  const opsOfObject = (object: string): ReadonlySet<string> => {
    const known = objectOps.get(object);
    if (known) return known;
    if (!bindingCalls) {
      const calls = new Map<string, Expression[]>();
      forEachStatement(input.body, ({ statement: s }) => {
        if (s.type !== "assign" || s.value.type !== "call") return;
        for (const t of s.targets) if (t.type === "name") calls.set(t.id, [...(calls.get(t.id) ?? []), s.value.func]);
      });
      bindingCalls = calls;
    }
    const ops = new Set<string>();
    for (const func of bindingCalls.get(object) ?? []) {
      const cls = evaluateOne({ kind: "constant", name: "", value: func, line: func.pos.line, context: { before: [] } }, func);
      if (cls?.kind === "class") for (const op of classTrainingOperations(cls)) ops.add(op);
    }
    objectOps.set(object, ops);
    return ops;
  };
  const runsSessionStep = (c: Extract<Expression, { type: "call" }>): boolean => runsTrainingOperation(c, sessionOps, opsOfObject);
  /** `agent.train()` (with arguments or none) on an object of a plain class of the project (an RL agent, a TF 1.x
   *  graph wrapper: no nn.Module or Keras model, so no mode switch) that defines `train` itself: Python runs that
   *  method, which may take a step. */
  /** So does `agent.step(state, action, reward, next_state, done)` on such an object: an RL agent's own `step` stores a
   *  transition and may learn, where an optimizer's or a gym environment's (library objects) are no call to follow. */
  const plainObjectTrain = (site: CallSite, c: Extract<Expression, { type: "call" }>): boolean => {
    // A `train(...)` given arguments is its own method too (`net.train(sess)` running a TF 1.x training op the class
    // built), unless it keeps nn.Module's mode signature (`def train(self, mode=True)`, called with a bool).
    if (c.func.type !== "attribute" || (c.func.name !== "train" && c.func.name !== "step")) return false;
    const receiver = evaluateOne(site, c.func.object);
    if (receiver?.kind !== "instance" || receiver.module) return false;
    const method = lookupClassAttribute(receiver.cls, c.func.name);
    if (method?.kind !== "function" || method.definition.type !== "function") return false;
    if (c.func.name !== "train" || c.args.length === 0) return true;
    const modeSignature = method.definition.params[1]?.name === "mode";
    const flag = c.args.length === 1 && c.args[0].value.type === "constant" && (c.args[0].value.value === "True" || c.args[0].value.value === "False");
    return !modeSignature && !flag;
  };
  /** Stepping calls that take several steps a call, or steps over parts of the call's data (single-pass-loop.ts). */
  const callSteps = new Map<Expression, StepsPerCall>();
  /** The steps each pass of a loop takes through its one stepping call, where that call takes more than one. */
  const loopCallSteps = (l: Statement): StepsPerCall | undefined => {
    const calls = l.type === "for" || l.type === "while" ? l.body.flatMap((st) => (st.type === "for" || st.type === "while" ? [] : callsIn(st, false))).filter((c) => stepping.get(c) === true) : [];
    return calls.length === 1 ? callSteps.get(calls[0]) : undefined;
  };
  /** A function the module binds by name from another workspace file (`from train_utils import train_step`). */
  const importedFunction = (name: string): FunctionDefinition | undefined => {
    const bound = namespace.scope.names.get(name);
    return bound?.kind === "function" && bound.definition.type === "function" && bound.module.file !== undefined && bound.module.file !== file ? bound.definition : undefined;
  };
  const steppingCall = (c: Expression): boolean => {
    const known = stepping.get(c);
    if (known !== undefined) return known;
    stepping.set(c, false);
    if (c.type === "call" && runsSessionStep(c)) {
      stepping.set(c, true);
      return true;
    }
    const site = c.type === "call" ? callSites.get(c) : undefined;
    if (!site || c.type !== "call" || (c.func.type !== "attribute" && c.func.type !== "name") || steppingTried >= MAX_STEPPING_CALLS) return false;
    if (NOT_STEPPING_CALLEE.test(site.callee) || (NOT_STEPPING_METHOD.test(site.callee) && !ownTrainMethod(c) && !plainObjectTrain(site, c))) return false;
    steppingTried++;
    const callee = evaluateOne(site, c.func);
    let result = stepsOncePerCall(callee);
    // `agent.train()` whose steps sit in `for _ in range(epochs):` loops of counts the call gives or leaves at their
    // defaults: a step loop's pass takes that many (single-pass-loop.ts).
    if (!result && callee?.kind === "bound" && callee.fn.kind === "function" && callee.fn.definition.type === "function") {
      // Not inside an episode that the environment ends (`if done: break`): a training method called on each of its
      // steps is counted, or not, by the rules for episodes (perEpisodeCalls).
      const inEpisode = [...forLoops.map((l) => l.loop), ...whileLoops].some((l) => l.pos.startIndex <= c.pos.startIndex && c.pos.endIndex <= l.pos.endIndex && environmentEpisode(l) !== undefined);
      const per = stepsPerCall(callee.fn.definition, c);
      if (per && (per.steps === 1 || !inEpisode)) {
        result = true;
        if (per.steps > 1 || !per.whole) callSteps.set(c, per);
      }
    }
    if (!result && callee?.kind === "unknown" && c.func.type === "name") {
      // A step function defined in the function that calls it (`def train_step(x, y):` inside `main`), which the
      // slice does not define: its own body, read as written.
      const name = c.func.id;
      const defined = (site.context.fn?.body ?? input.body).find((s): s is FunctionDefinition => s.type === "function" && s.name === name);
      if (defined) result = stepsOncePerDefinition(defined);
    }
    if (!result && callee?.kind === "function" && callee.definition.type === "function") {
      // A function handed the tape's gradients that moves variables by them (`sgd([w, b], lr, batch_size, grads)`).
      const gradients = tapeGradientNames(site.context.fn?.body ?? input.body);
      const passed = new Set([...argumentsByParameter(callee.definition, c)].filter(([, arg]) => arg.type === "name" && gradients.has(arg.id)).map(([param]) => param));
      result = appliesPassedGradients(callee.definition.body, passed);
    }
    if (!result && callee?.kind !== "function" && callee?.kind !== "bound" && c.func.type === "attribute" && c.func.object.type === "name") {
      // `algorithm = algorithm_class(...)` whose object could not be built: the method of the class it calls.
      const name = c.func.object.id;
      const maker = sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(name) && x.context.fn === site.context.fn && x.call.pos.endIndex <= c.pos.startIndex).pop();
      const cls = maker ? evaluateOne(maker, maker.call.func) : undefined;
      const method = cls?.kind === "class" ? lookupClassAttribute(cls, c.func.name) : undefined;
      if (cls?.kind === "class" && method) result = stepsOncePerCall(method, cls);
    }
    stepping.set(c, result);
    return result;
  };
  // A call of a function that runs backward and leaves the step to the caller's loop (`calc_grad(xb, yb, model)`).
  const backpropagating = new Map<Expression, boolean>();
  const backpropagatingCall = (c: CallExpression): boolean => {
    const known = backpropagating.get(c);
    if (known !== undefined) return known;
    const site = callSites.get(c);
    const result = site !== undefined && c.func.type === "name" && backpropagatesPerCall(evaluateOne(site, c.func));
    backpropagating.set(c, result);
    return result;
  };
  let methodsByName: ((name: string) => FunctionDefinition | undefined) | undefined;
  const methodNamed = () => (methodsByName ??= definitionsByName(input.body));
  const shapes = new Map<Statement, LoopShape>();
  const shapeOf = (l: LoopStatement): LoopShape => {
    let shape = shapes.get(l);
    if (!shape) shapes.set(l, (shape = loopShape(l, steppingCall, backpropagatingCall)));
    return shape;
  };
  const containsStepLoop = (outer: Statement) => [...forLoops.map((l) => l.loop), ...whileLoops].some((l) => within(outer, l) && shapeOf(l).stepLoop);
  const stepLoopSpans = () => [...forLoops.map((l) => l.loop), ...whileLoops].filter((l) => shapeOf(l).stepLoop).map((l) => l.pos);
  /** An epoch loop: named so (`for epoch in ...`), or a loop over a count named so, whatever its variable, around a
   *  step loop or a call of a function that holds one (`for e in range(self.cfg.n_epochs):`, `for _ in range(num_epochs):`,
   *  `for i in range(config.epochs): run(net, loader, optimizer, train=True)`), or one that passes its variable as a
   *  function's `epoch` parameter on the way to a step loop (`for e in range(1, 16): train_and_test(e)`), or a counted
   *  loop around a step loop sized by the data it walks (`for i in range(100): for s, e in zip(range(0, len(trX), 128), ...)`,
   *  data-pass-epochs.ts). */
  /** The value a name was last plainly bound to before a loop, in the loop's own function (or the module). */
  const plainBindingSets = new Map<Statement[], ReturnType<typeof plainBindings>>();
  const boundBefore = (l: { loop: Statement; context: CodeSite["context"] }) => (name: string): Expression | undefined => {
    const body = l.context.fn?.body ?? input.body;
    let bindings = plainBindingSets.get(body);
    if (!bindings) plainBindingSets.set(body, (bindings = plainBindings(body)));
    return bindings(name, l.loop.pos.startIndex)?.value;
  };
  const isEpochLoop = (l: { variable: string; loop: Extract<Statement, { type: "for" }>; context: CodeSite["context"] }): boolean =>
    (EPOCH_VARIABLE.test(l.variable) || (namesEpochs(l.loop.iter) && (containsStepLoop(l.loop) || callsStepLoopFunction(input.body, l.loop, stepLoopSpans()))) ||
    passesEpochToStepLoop(input.body, l.loop, l.variable, stepLoopSpans()) ||
    (isRangeCall(l.loop.iter) && passesLoaderToStepLoop(input.body, l.loop, stepLoopSpans(), (name) => knownLoaders.has(name))) ||
    passesOverData(l.loop, (x) => shapeOf(x).stepLoop, STEP_VARIABLE.test(l.variable), namedForIterations(l) ? walksWholeData(l) : undefined, boundBefore(l))) && !replaysOwnRollout(l) && !insideOpenWhile(l) &&
    !chunkLoopNamedEpoch(l.loop, l.variable, containsStepLoop(l.loop), boundBefore(l)) && !drawingLoop(l.loop);
  /** A loop that only draws or computes (drawing-only-loop.ts): no epoch loop, whatever its variable's name. */
  const drawingLoops = new Map<Statement, boolean>();
  let inert: Set<string> | undefined;
  let optimizers: Set<string> | undefined;
  const drawingLoop = (loop: Extract<Statement, { type: "for" }>): boolean => {
    let known = drawingLoops.get(loop);
    if (known === undefined) drawingLoops.set(loop, (known = drawsOnly(loop, (inert ??= inertNames(input.body)), (optimizers ??= optimizerNames(input.body)))));
    return known;
  };
  /** Whether a loop over `name` inside `l` walks all of the training data once: a loader the code builds, one the
   *  object holds, or a list of training items (walked-data-list.ts). */
  const walksWholeData = (l: { loop: Extract<Statement, { type: "for" }>; context: CodeSite["context"] }) => (name: string): boolean =>
    knownLoaders.has(name) || selfLoaders(l.context.fn).has(name) || (!name.includes(".") && holdsTrainingItems(evaluateOne(l as CodeSite, { type: "name", id: name, pos: l.loop.pos })));
  /** The loaders a bound method's object built in `__init__` (`self.ldr_train`), for a method read with its object. */
  const selfLoaderSets = new Map<FunctionDefinition, ReadonlySet<string>>();
  const selfLoaders = (fn: FunctionDefinition | undefined): ReadonlySet<string> => {
    if (!fn || !input.bound || !fn.params[0]) return NO_NAMES;
    const known = selfLoaderSets.get(fn) ?? initLoaderAttributes(fn, input.bound(fn, fn.params[0].name));
    selfLoaderSets.set(fn, known);
    return known;
  };
  /** An epoch-named loop inside a `while` of the same function that is no epoch loop itself (`while True:` or `while
   *  global_step < max_steps:` around `for inner_epoch in range(k):`, as policy-gradient fine-tuning writes its
   *  passes over each batch of samples): Python runs the inner loop again on every pass of the `while`, which ends on
   *  a step or time budget, so its count is passes over the current data, not the run's epochs. */
  const openWhiles = new Map<Statement, boolean>();
  const insideOpenWhile = (l: { loop: Extract<Statement, { type: "for" }>; context: CodeSite["context"] }): boolean => {
    // isEpochLoop asks for each loop many times (every figure that looks for epoch loops): worked out once.
    const known = openWhiles.get(l.loop);
    if (known !== undefined) return known;
    const around = sites.find((w): w is Extract<CodeSite, { kind: "while" }> => w.kind === "while" && w.context.fn === l.context.fn && within(w.loop, l.loop) && !whileEpochs(w));
    if (around && !openWhileEpochs) openWhileEpochs = `epochs: for ${snippet(input.text, l.loop.target)} in ${snippet(input.text, l.loop.iter)} (line ${l.loop.pos.line}) runs again on each pass of while ${snippet(input.text, around.loop.test)} (line ${around.loop.pos.line}), which ends on a step or time budget: its count is passes over the data of each pass, not the run's epochs`;
    openWhiles.set(l.loop, around !== undefined);
    return around !== undefined;
  };
  /** What the first epoch-named loop inside such a `while` is, for a note when the run's epochs stay unknown. */
  let openWhileEpochs: string | undefined;
  /** PPO's update epochs over the rollout a loop around them collects first (update-epochs.ts), by loop. */
  const rolloutPasses = new Map<Statement, boolean>();
  const replaysOwnRollout = (l: { loop: Extract<Statement, { type: "for" }>; context: CodeSite["context"] }): boolean => {
    let known = rolloutPasses.get(l.loop);
    if (known === undefined) {
      const around = sites.flatMap((x) => ((x.kind === "loop" || x.kind === "while") && x.context.fn === l.context.fn && within(x.loop, l.loop) ? [x.loop] : []));
      known = around.length > 0 && replaysRollout(l.loop, [...new Set(around)], (e) => evaluateOne(l as CodeSite, e));
      rolloutPasses.set(l.loop, known);
    }
    return known;
  };
  /** A loop named for iterations by its variable (`for it in ...`) or its count (`range(training_iters)`), or one that
   *  only repeats its body a literal number of times (`for _ in range(50)`: the throwaway name, a count no name can
   *  mean otherwise): a whole pass over a loader in each of its turns makes it an epoch loop (a plain
   *  `for _ in range(n)` over a named count is left to its name). */
  const namedForIterations = (l: { variable: string; loop: Extract<Statement, { type: "for" }> }): boolean =>
    STEP_VARIABLE.test(l.variable) || /iter/i.test(input.text.slice(l.loop.iter.pos.startIndex, l.loop.iter.pos.endIndex)) || (l.variable === "_" && literalRange(l.loop.iter));
  /**
   * The loops of counted length around a step loop, epoch loops aside (they are the run's epochs): PPO's
   * `for iteration in range(1, n + 1): for epoch in range(k): for start in range(0, b, mb)` steps n × k × b/mb times.
   * Undefined when there are none; "uncounted" when one has a length the code does not state (a loader, an
   * `itertools.count()`, a `while not done:` that is not an epoch loop): the step loop's own count is then per pass
   * of that loop, not the run's (SAC's `for i in range(updates_per_step)` inside episodes of unknown length). A
   * `while` bounded by a counter (`while step < max_steps:`) is not such a loop.
   */
  // A step loop's outer loop whose turns its count already sums (listed-loop-bounds.ts).
  const listedOuters = new Map<Statement, Statement>();
  const enclosingCounts = (site: Extract<CodeSite, { kind: "loop" | "while" }>): { value: number; detail: string } | "uncounted" | undefined => {
    const whileSites = sites.filter((x): x is Extract<CodeSite, { kind: "while" }> => x.kind === "while" && within(x.loop, site.loop) && x.context.fn === site.context.fn);
    // An episode loop that ends only when an environment that never terminates says done runs its time limit.
    const episodes = new Map(whileSites.map((w) => [w, environmentEpisodeSteps(w)] as const));
    if (whileSites.some((w) => !countedWhile(w.loop) && !whileEpochs(w) && !episodes.get(w))) return "uncounted";
    const around = forLoops.filter((l) => within(l.loop, site.loop) && !isEpochLoop(l) && l.context.fn === site.context.fn && listedOuters.get(site.loop) !== l.loop);
    const fixed = [...episodes.values()].filter((e): e is PlanFigure => e !== undefined);
    // A step loop in a function whose one call sits in a loop over data of unstated length (`for real, _ in loader:
    // self.train_step(real)`, its `for _ in range(n_critic)` inside) runs its count on each turn of that loop, as if
    // written inside it (uncounted-call-loops.ts).
    if (around.length === 0 && fixed.length === 0) return site.context.fn && calledInUncountedLoop(site.context.fn) ? "uncounted" : undefined;
    let value = 1;
    const details: string[] = [];
    for (const e of fixed) {
      value *= e.value;
      details.push(e.detail);
    }
    for (const l of around) {
      const counted = iterationCount(iterOf(l.loop) ?? l.loop.iter, (e) => evaluateOne(l, e));
      if (counted === undefined || counted <= 0) return "uncounted";
      // An episode of `for t in range(max_steps)` that breaks on done, in an environment that ends only at its time limit.
      const limited = episodeLimit(l.loop, counted, `for ${snippet(input.text, l.loop.target)} in ${snippet(input.text, l.loop.iter)}`, (e) => evaluateOne(l, e), input.text);
      // Learn-every-N: only the passes the `if`s on the way let through reach the step loop (gated-passes.ts).
      const gated = limited.value === counted ? gatedPasses(l.loop, site.loop, (e) => evaluateOne(l, e), input.text) : undefined;
      // `for fold, (tr, va) in enumerate(kf.split(X)): if fold == cfg.fold: break`: the turns before it (index-break-passes.ts).
      const cut = limited.value === counted && !gated ? passesBeforeIndexBreak(l.loop, counted, (e) => evaluateOne(l, e), input.text) : undefined;
      value *= gated ? gated.value : cut ? cut.value : limited.value;
      details.push(`${limited.detail}${gated ? ` (${gated.detail})` : cut ? ` (${cut.detail})` : ""}`);
    }
    return { value, detail: details.join(" × ") };
  };
  /** The turns of the counted `for` loops of its function around a call site (a Keras fit in a k-fold or repeat loop),
   *  undefined when there are none or one of them (or a `while`) has a length the code does not state. */
  const fitTurns = (site: CallSite, batchLoop?: Statement): { value: number; detail: string } | undefined => {
    const holds = (l: Statement) => l.pos.startIndex < site.call.pos.startIndex && site.call.pos.endIndex <= l.pos.endIndex;
    if (whileLoops.some((w) => holds(w) && sites.some((x) => x.kind === "while" && x.loop === w && x.context.fn === site.context.fn))) return undefined;
    // The loop over the batches the fit trains on is a pass over the data, not a turn (fit-per-batch.ts).
    const around = forLoops.filter((l) => holds(l.loop) && l.context.fn === site.context.fn && l.loop !== batchLoop);
    if (around.length === 0) return undefined;
    let value = 1;
    for (const l of around) {
      const counted = iterationCount(iterOf(l.loop) ?? l.loop.iter, (e) => evaluateOne(l, e));
      // An episode broken on `done` makes as many fits as it lasts (episode-turns.ts).
      const turns = counted === undefined || counted <= 0 ? undefined : episodeTurns(l.loop, counted, (e) => evaluateOne(l, e));
      if (turns === undefined) return undefined;
      value *= turns;
    }
    return { value, detail: around.map((l) => `for ${snippet(input.text, l.loop.target)} in ${snippet(input.text, l.loop.iter)}`).join(" × ") };
  };
  /** The turns of the counted loops around the one call of `fn` (and up its callers), as loops-around-call.ts finds
   *  them; undefined when there is no such call, no loop, a loop of a count the code does not state, or a loop the
   *  code names for epochs (`for epoch in range(n): train(...)`: its own figure counts those turns). A range loop that
   *  passes a loader to the function is read as an epoch loop too, but the function's own epoch loop says it is not. */
  const callTurns = (fn: FunctionDefinition): { value: number; detail: string } | undefined => {
    const call = onlyCallOf(fn, input.body, input.text);
    return call ? turnsAround(call) : undefined;
  };
  const turnsAround = (call: Expression, epochNamed = false): { value: number; detail: string } | undefined => {
    const around = loopsAroundCall(call, input.body, input.text);
    if (!around || around.loops.length === 0) return undefined;
    let value = 1;
    const heads: string[] = [];
    for (const loop of around.loops) {
      const l = forLoops.find((x) => x.loop === loop);
      if (!l || (!epochNamed && (EPOCH_VARIABLE.test(l.variable) || namesEpochs(l.loop.iter)))) return undefined;
      const head = `for ${snippet(input.text, l.loop.target)} in ${snippet(input.text, l.loop.iter)}`;
      const counted = iterationCount(iterOf(l.loop) ?? l.loop.iter, (e) => evaluateOne(l, e));
      // A loop over data of unstated length that a counter of its own passes breaks (`n += 1; if n >= 50: break`)
      // makes that many calls, as a step loop's break bounds its steps (loopCount).
      const broken = counted === undefined ? counterBreakPasses(l, call) : undefined;
      if ((counted === undefined || counted <= 0) && broken === undefined) return undefined;
      // An episode broken on `done` makes as many calls as it lasts (episode-turns.ts).
      const turns = counted !== undefined && counted > 0 ? episodeTurns(l.loop, counted, (e) => evaluateOne(l, e)) : broken!.value;
      if (turns === undefined) return undefined;
      value *= turns;
      heads.push(broken ? `${head} until ${broken.bound}` : head);
    }
    return { value, detail: `${heads.join(" × ")} around ${snippet(input.text, call)}` };
  };
  /** Passes of a `for` loop that reach `call`, where a counter the body adds one to breaks it (`count += 1; if count
   *  >= N: break`): the call before the check runs on the breaking pass too. */
  const counterBreakPasses = (l: (typeof forLoops)[number], call: Expression): { value: number; bound: string } | undefined => {
    const stop = shapeOf(l.loop).breakAt;
    const bound = stop?.counter ? positiveInteger(evaluateOne(l, stop.bound)) : undefined;
    const passes = stop && bound !== undefined ? bound + stop.extra + (!stop.afterStep && call.pos.endIndex <= stop.at ? 1 : 0) : 0;
    return passes > 0 ? { value: passes, bound: snippet(input.text, stop!.bound) } : undefined;
  };
  /** Whether the one call of `fn` sits in a loop, not an epoch loop, whose turns the code does not count (a loader's
   *  batches, `itertools.count()`), nor a counter of its own passes breaks, outside an episode loop (uncounted-call-loops.ts). */
  const calledInUncountedLoop = (fn: FunctionDefinition): boolean =>
    // Calls from episode loops are perEpisodeCalls' to count, or to say why they cannot be.
    episodeCalls(input.body, fn, (def) => mentions(input.text, [fn.name])(def.pos.startIndex, def.pos.endIndex) > 0).length === 0 &&
    callInUncountedLoop(fn, input.body, input.text, (loop, call) => {
      const l = forLoops.find((x) => x.loop === loop);
      if (!l || isEpochLoop(l)) return false;
      const counted = iterationCount(iterOf(l.loop) ?? l.loop.iter, (e) => evaluateOne(l, e));
      return (counted === undefined || counted <= 0) && counterBreakPasses(l, call) === undefined;
    });
  /** Rows of `x[idx]` where a loop around the call binds `idx` to an integer index array (a k-fold loop's training
   *  indices): NumPy's integer-array indexing takes one row an index (numpy.org/doc/stable/user/basics.indexing.html),
   *  read on the loop's first turn. */
  const foldRows = (site: CallSite, x: Expression): number | undefined => {
    if (x.type !== "subscript" || x.index.type !== "name") return undefined;
    const name = x.index.id;
    const turn = forLoops.filter((l) => l.loop.pos.startIndex < site.call.pos.startIndex && site.call.pos.endIndex <= l.loop.pos.endIndex).reverse().map((l) => firstTurnValue(l.loop.target, l.loop.iter, name, (e) => evaluateOne(l, e))).find((v) => v !== undefined);
    const integers = turn?.kind === "tensor" && turn.shape.length === 1 && /^u?int/.test(turn.dtype);
    return integers && leadingDimension(evaluateOne(site, x.object)) !== undefined ? leadingDimension(turn) : undefined;
  };
  /** The steps of a `while True:`/`while not done:` episode of an environment that never terminates (episode-length.ts). */
  const environmentEpisodeSteps = (w: Extract<CodeSite, { kind: "while" }>): PlanFigure | undefined => {
    const episode = environmentEpisode(w.loop);
    const steps = episode ? fixedEpisodeSteps(evaluateOne(w, episode.env)) : undefined;
    return episode && steps !== undefined ? { value: steps, source: "code", line: w.loop.pos.line, detail: `while ${snippet(input.text, w.loop.test)} until ${episode.done}: ${steps} steps an episode (${snippet(input.text, episode.env)} ends episodes only at its time limit)` } : undefined;
  };
  /** `while epoch < N: ...; epoch += 1` around a step loop, or around a call of a function holding one (while-epochs.ts):
   *  the run's epochs, N less the counter's value where the loop starts. */
  const whileEpochs = (site: Extract<CodeSite, { kind: "while" }>): PlanFigure | undefined => {
    const counted = countedWhile(site.loop);
    if (!counted || shapeOf(site.loop).stepLoop) return undefined;
    const counter = dottedName(counted.counter) ?? "";
    if (!containsStepLoop(site.loop) && !callsStepLoopFunction(input.body, site.loop, stepLoopSpans())) return undefined;
    const bound = positiveInteger(evaluateOne(site, counted.bound));
    // `while self.epoch < ...`: the object's class's own `__init__` says where a fresh object's counter starts.
    const owner = counted.counter.type === "attribute" ? evaluateOne(site, counted.counter.object) : undefined;
    const init = owner ? instanceMethod(owner, "__init__")?.definition : undefined;
    const start = positiveOrZero(evaluateOne(site, counterStart(counted.counter, bindingsBefore(site, input.body), init) ?? counted.counter));
    if (bound === undefined || start === undefined) return undefined;
    const value = bound - start + (counted.inclusive ? 1 : 0);
    return value > 0 ? { value, source: "code", line: site.loop.pos.line, detail: `while ${snippet(input.text, site.loop.test)}, from ${counter} = ${start}` } : undefined;
  };
  /** The period of the one stepping call of a loop's own statements, when its method learns on one call in P
   *  (cyclic-call-gate.ts); P read in the method's module (a constant there) or written as a number. */
  const cyclicGate = (site: Extract<CodeSite, { kind: "loop" | "while" }>): { period: number; detail: string } | undefined => {
    const calls = site.loop.body.flatMap((st) => (st.type === "for" || st.type === "while" ? [] : callsIn(st, false))).filter((c) => stepping.get(c) === true);
    if (calls.length !== 1 || calls[0].func.type !== "attribute") return undefined;
    const callee = evaluateOne(site, calls[0].func);
    const fn = callee?.kind === "bound" ? callee.fn : undefined;
    if (fn?.kind !== "function" || fn.definition.type !== "function") return undefined;
    const scope = fn.module.scope.names;
    const number = (e: Expression): number | undefined => {
      const v = e.type === "int" ? { kind: "int", value: e.value } : e.type === "name" ? scope.get(e.id) : undefined;
      return v?.kind === "int" ? v.value : undefined;
    };
    const period = cyclicCallPeriod(fn.definition, number);
    if (period) return { period, detail: `${snippet(input.text, calls[0].func)}() learning on one call in ${period} (its own counter's cycle)` };
    const rollout = rolloutGate(site);
    return rollout ? { period: rollout.period, detail: rollout.detail } : undefined;
  };
  /** The loop's one stepping call, an update that waits for a full rollout of `period` passes and empties it
   *  (rollout-gate.ts); `rows` the observations a pass stores (a vector environment's count, else 1). */
  const rolloutGate = (site: Extract<CodeSite, { kind: "loop" | "while" }>): { period: number; rows: number; detail: string } | undefined => {
    const calls = site.loop.body.flatMap((st) => (st.type === "for" || st.type === "while" ? [] : callsIn(st, false))).filter((c) => stepping.get(c) === true);
    if (calls.length !== 1 || calls[0].func.type !== "attribute") return undefined;
    const callee = evaluateOne(site, calls[0].func);
    const fn = callee?.kind === "bound" ? callee.fn : undefined;
    if (callee?.kind !== "bound" || fn?.kind !== "function" || fn.definition.type !== "function") return undefined;
    const scope = fn.module.scope.names;
    const selfName = fn.definition.params[0]?.name;
    const period = rolloutPeriod(fn.definition, callee.self, (e) => {
      // A literal, a constant of the method's module, or an attribute of the object (`self.steps`, set in __init__).
      const own = e.type === "attribute" && e.object.type === "name" && e.object.id === selfName && callee.self.kind === "instance" ? callee.self.attributes.get(e.name) : undefined;
      const v = e.type === "int" ? { kind: "int", value: e.value } : e.type === "name" ? scope.get(e.id) : own;
      return v?.kind === "int" ? v.value : undefined;
    });
    if (period === undefined) return undefined;
    // `timestep += len(obs)` over a vector environment: each pass stores one observation of each environment.
    const counted = site.loop.type === "while" && site.loop.test.type === "compare" && site.loop.test.left.type === "name" ? site.loop.test.left.id : undefined;
    const increment = counted ? site.loop.body.find((st): st is Extract<Statement, { type: "augmented" }> => st.type === "augmented" && st.op === "+" && st.target.type === "name" && st.target.id === counted) : undefined;
    const rows = increment ? vectorObservationCount(increment.value, site.loop.body, (e) => evaluateOne(site, e)) ?? 1 : 1;
    return { period, rows, detail: `${snippet(input.text, calls[0].func)}() stepping once its buffer holds ${period} passes' transitions, one a pass, and emptying it` };
  };
  /** The networks an agent's update method, the step loop's one stepping call, steps at cadences of its own calls
   *  (own-call-cadences.ts: TD3's actor every policy_freq calls); the method's numbers read on the calling object. */
  const calledMethodCadences = (site: Extract<CodeSite, { kind: "loop" | "while" }>): UpdateCadence[] | undefined => {
    const calls = site.loop.body.flatMap((st) => (st.type === "for" || st.type === "while" ? [] : callsIn(st, false))).filter((c) => stepping.get(c) === true);
    if (calls.length !== 1 || calls[0].func.type !== "attribute" || !input.files) return undefined;
    const object = calls[0].func.object;
    const callee = evaluateOne(site, calls[0].func);
    const fn = callee?.kind === "bound" ? callee.fn : undefined;
    const home = fn?.kind === "function" ? fn.module.file : undefined;
    if (callee?.kind !== "bound" || fn?.kind !== "function" || fn.definition.type !== "function" || !home) return undefined;
    const method = fn.definition;
    const self = method.params[0]?.name;
    const body = home === input.file ? input.body : interpreter.loader.moduleBody?.(home);
    const text = home === input.file ? input.text : input.files.read(home);
    const init = instanceMethod(callee.self, "__init__")?.definition;
    if (!self || !body || text === undefined || !init) return undefined;
    const initSelf = init.params[0]?.name;
    const startsAtZero = (counter: string) => init.body.some((st) => st.type === "assign" && st.targets.length === 1 && dottedName(st.targets[0]) === `${initSelf}.${counter.split(".")[1]}` && st.value.type === "int" && st.value.value === 0);
    // `self.x` of the method is the calling object's `x` (`agent.x`), read where the loop runs.
    const value = (e: Expression): number | undefined => {
      if (e.type === "int") return e.value;
      const name = dottedName(e);
      if (e.type !== "attribute" || !name?.startsWith(`${self}.`) || name.split(".").length !== 2) return undefined;
      return positiveOrZero(evaluateOne(site, { ...e, object }));
    };
    return ownCallCadences(method, optimizerOwners(body, text), startsAtZero, value);
  };
  /** A step loop of unstated length that counts toward `while counter < bound:` around it: bound − start steps. */
  const budgetSteps = (site: Extract<CodeSite, { kind: "loop" | "while" }>): PlanFigure | undefined => {
    const around = sites.filter((x): x is Extract<CodeSite, { kind: "while" }> => x.kind === "while" && x.loop !== site.loop && within(x.loop, site.loop) && x.context.fn === site.context.fn);
    const budget = counterBudget(site.loop, around.map((w) => w.loop));
    const outer = budget && around.find((w) => w.loop === budget.loop);
    return budget && outer ? budgetPasses(outer, budget, site.loop.pos.line) : undefined;
  };
  /** A budget's bound and its counter's start, read where the `while` begins. */
  const budgetRange = (outer: Extract<CodeSite, { kind: "while" }>, budget: CountedWhile): { start: number; bound: number } | undefined => {
    const bound = positiveInteger(evaluateOne(outer, budget.bound));
    const owner = budget.counter.type === "attribute" ? evaluateOne(outer, budget.counter.object) : undefined;
    const init = owner ? instanceMethod(owner, "__init__")?.definition : undefined;
    const start = positiveOrZero(evaluateOne(outer, counterStart(budget.counter, bindingsBefore(outer, input.body), init) ?? budget.counter));
    return bound === undefined || start === undefined ? undefined : { start, bound };
  };
  /** The passes a budget allows: bound − start, the counter's start read where the `while` begins. */
  const budgetPasses = (outer: Extract<CodeSite, { kind: "while" }>, budget: CountedWhile, innerLine: number): PlanFigure | undefined => {
    const range = budgetRange(outer, budget);
    if (range === undefined) return undefined;
    const { start, bound } = range;
    const value = bound - start + (budget.inclusive ? 1 : 0);
    const counter = dottedName(budget.counter) ?? "";
    return value > 0 ? { value, source: "code", line: outer.loop.pos.line, detail: `while ${snippet(input.text, outer.loop.test)}, ${counter} += 1 on each pass of the loop at line ${innerLine}, from ${counter} = ${start}` } : undefined;
  };
  /**
   * A counted step loop under an `if` on a budget's counter in an episode loop of unstated length (`while total <
   * budget: while not done: ...; total += 1; if total >= W and total % K == 0: for j in range(K):`): the counter values
   * the gate lets through over the run, each a turn of the loop (budget-gated-steps.ts).
   */
  /** `if` tests a rule counted the passes of (a learn-every-N gate on a budget's counter): no default decides them. */
  const countedGates = new Set<Expression>();
  const gatedBudgetTurns = (site: Extract<CodeSite, { kind: "loop" | "while" }>): PlanFigure | undefined => {
    const around = sites.filter((x): x is Extract<CodeSite, { kind: "while" }> => x.kind === "while" && within(x.loop, site.loop) && x.context.fn === site.context.fn);
    if (around.length !== 2 || forLoops.some((l) => l.loop !== site.loop && within(l.loop, site.loop) && l.context.fn === site.context.fn)) return undefined;
    const episode = around.find((w) => around.every((o) => o === w || within(o.loop, w.loop)));
    return episode ? budgetGate(episode, site.loop, site) : undefined;
  };
  /** The passes of an episode loop (counting toward a budget around it) that reach `inner` through a learn-every-N
   *  gate on the budget's counter, its tests read where `at` runs (budget-gated-steps.ts). */
  const budgetGate = (episode: Extract<CodeSite, { kind: "while" | "loop" }>, inner: Statement, at: CodeSite): PlanFigure | undefined => {
    const around = sites.filter((x): x is Extract<CodeSite, { kind: "while" }> => x.kind === "while" && within(x.loop, episode.loop) && x.context.fn === episode.context.fn);
    const budget = counterBudget(episode.loop, around.map((w) => w.loop));
    const outer = budget && around.find((w) => w.loop === budget.loop);
    const range = budget && outer ? budgetRange(outer, budget) : undefined;
    if (!budget || !outer || !range) return undefined;
    const gated = budgetGatedPasses(episode.loop, inner, budget, range.start, range.bound, episode.context.fn?.body ?? input.body, (e) => evaluateOne(at, e), input.text);
    if (!gated || gated.value <= 0) return undefined;
    for (const test of gated.tests) countedGates.add(test);
    const counter = dottedName(budget.counter) ?? "";
    return { value: gated.value, source: "code", line: outer.loop.pos.line, detail: `while ${snippet(input.text, outer.loop.test)}, ${counter} += 1 on each pass of the loop at line ${episode.loop.pos.line}, from ${counter} = ${range.start}, ${gated.detail}` };
  };
  /** The calls a learn-every-N gate on a budget's counter lets through, of a call made as a statement of the episode
   *  loop (`if traj_len % T == 0: agent.train()`): another file's update run once a call. */
  const budgetGatedCalls = (call: Expression): PlanFigure | undefined => {
    const holders = sites.filter((x): x is Extract<CodeSite, { kind: "while" }> => x.kind === "while" && x.loop.pos.startIndex <= call.pos.startIndex && call.pos.endIndex <= x.loop.pos.endIndex);
    const holdingFors = (fn: FunctionDefinition | undefined) => forLoops.filter((l) => l.loop.pos.startIndex <= call.pos.startIndex && call.pos.endIndex <= l.loop.pos.endIndex && l.context.fn === fn);
    // Episodes written as a counted `for t in range(1, max_ep_len + 1):` inside the budget's `while` (PPO-PyTorch's
    // `while time_step <= max_training_timesteps:`) count the budget as a `while` episode does (episode-for-budget).
    const forEpisode = holders.length === 1 ? episodeForIn(holders[0], holdingFors(holders[0].context.fn)) : undefined;
    const episode = forEpisode ?? (holders.length === 2 ? holders.find((w) => holders.every((o) => o === w || within(o.loop, w.loop))) : undefined);
    if (!episode || (!forEpisode && holdingFors(episode.context.fn).length > 0)) return undefined;
    let statement: Statement | undefined;
    forEachStatement(episode.loop.body, ({ statement: s }) => {
      if (!statement && s.type === "expression" && s.value === call) statement = s;
    }, [], () => false);
    return statement ? budgetGate(episode, statement, episode) : undefined;
  };
  /**
   * A step loop in a function that an episode loop calls (counter-budget.ts episodeCalls) runs on each call: its count
   * times the calls the episodes' step budget allows (every E steps under `counter % E == 0`), or "uncounted" when
   * those calls cannot be counted (episodes of unstated number or length).
   */
  const perEpisodeCalls = (site: Extract<CodeSite, { kind: "loop" | "while" }>, perCall: PlanFigure): PlanFigure | "uncounted" | undefined => {
    const fn = site.context.fn;
    if (!fn) return undefined;
    // Only functions whose text names the called function are lowered and walked (syntax-walk mentions).
    const named = mentions(input.text, [fn.name]);
    const calls = episodeCalls(input.body, fn, (def) => named(def.pos.startIndex, def.pos.endIndex) > 0);
    if (calls.length === 0) return undefined;
    const { loops, every } = calls[0];
    const inner = loops[loops.length - 1];
    const budget = counterBudget(inner, loops.filter((l): l is Extract<Statement, { type: "while" }> => l.type === "while"));
    const outer = budget && sites.find((x): x is Extract<CodeSite, { kind: "while" }> => x.kind === "while" && x.loop === budget.loop);
    const passes = budget && outer ? budgetPasses(outer, budget, inner.pos.line) : budget ? undefined : countedPasses(loops, site);
    if (!passes) return "uncounted";
    if (every && (!budget || !outer || every.counter !== dottedName(budget.counter))) return "uncounted";
    const period = every && outer ? positiveInteger(evaluateOne(outer, every.period)) : 1;
    if (period === undefined) return "uncounted";
    // A call under `if (t + 1) % BATCH == 0 or t == EP_LEN - 1:` in the innermost loop: the passes any part lets through.
    const innerSite = !every && calls[0].gate && inner.type === "for" ? sites.find((x): x is Extract<CodeSite, { kind: "loop" }> => x.kind === "loop" && x.loop === inner) : undefined;
    const anyOf = innerSite && calls[0].gate && inner.type === "for" ? anyOfPasses(inner, calls[0].gate.test, undefined, (e) => evaluateOne(innerSite, e), input.text) : undefined;
    const innerCount = anyOf && inner.type === "for" ? iterationCount(inner.iter, (e) => evaluateOne(innerSite!, e)) : undefined;
    const calledTimes = anyOf && innerCount && passes.value % innerCount === 0 ? (passes.value / innerCount) * anyOf.value : Math.floor(passes.value / period);
    const gated = every ? `, a call when ${every.counter} % ${snippet(input.text, every.period)} == 0` : anyOf && innerCount ? `, ${anyOf.detail}` : "";
    return calledTimes > 0 ? { value: calledTimes * perCall.value, source: "code", line: passes.line, detail: `${passes.detail}${gated}: ${calledTimes} calls of ${fn.name}() × ${perCall.detail}` } : "uncounted";
  };
  /** Passes of `for` loops of stated length, none of which can end early (`break`), around a call: their product. */
  const countedPasses = (loops: Statement[], caller: CodeSite): PlanFigure | undefined => {
    let value = 1;
    const details: string[] = [];
    for (const loop of loops) {
      // A function the plan does not read (no training words, the call a method's) has no sites: its loop's count is
      // read in the called function's module scope, where its globals (`args`) are, and its locals are not.
      const site = loop.type === "for" ? sites.find((x): x is Extract<CodeSite, { kind: "loop" }> => x.kind === "loop" && x.loop === loop) ?? caller : undefined;
      if (!site || loop.type !== "for" || breaksEarly(loop)) return undefined;
      const n = iterationCount(iterOf(loop) ?? loop.iter, (e) => evaluateOne(site, e));
      if (n === undefined || n <= 0) return undefined;
      value *= n;
      details.push(`for ${snippet(input.text, loop.target)} in ${snippet(input.text, loop.iter)}`);
    }
    return { value, source: "code", line: loops[0].pos.line, detail: details.join(" × ") };
  };
  /** Steps already counted over the whole run: a called function's loop times the calls the loops around the call make. */
  const wholeRun = new Set<PlanFigure>();
  /** Full-batch training: the tensor the loop feeds its model each pass is the batch and the samples (full-batch-epochs.ts). */
  const fullBatch = new Set<PlanFigure>();
  /** Epochs counted as a full-batch step loop's passes: the run's only where that loop's steps are. */
  const fullBatchEpochs = new Set<PlanFigure>();
  /** A TensorFlow 1.x step loop whose unfed runs minimize a loss over `tf.constant` arrays (constant-graph-data.ts):
   *  their shared rows, each step. */
  const constantGraphRows = (site: Extract<CodeSite, { kind: "loop" | "while" }>): { rows?: number; call: Expression; input: Expression } | undefined => {
    if (sessionOps.size === 0) return undefined;
    const arrays = constantGraphData(site.loop, site.context.fn?.body ?? input.body, runsSessionStep);
    if (!arrays) return undefined;
    // A Python list converted to a constant has its items as rows.
    const rows = arrays.map((a) => itemCount(evaluateOne(site, a.array)));
    const known = rows.filter((r): r is number => r !== undefined);
    // Constants of other rows (a table of weights beside the data) leave the data unread.
    if (known.length === 0 || known.some((r) => r !== known[0])) return undefined;
    const first = arrays[rows.indexOf(known[0])];
    return { rows: known[0], call: first.call, input: first.array };
  };
  /** A TensorFlow 1.x step loop whose training runs feed whole arrays the loop never rebinds (fed-whole-arrays.ts):
   *  their shared rows, each step; unknown rows where none of them is known. */
  const fedGraphRows = (site: Extract<CodeSite, { kind: "loop" | "while" }>): { rows?: number; call: Expression; input: Expression } | undefined => {
    if (sessionOps.size === 0) return undefined;
    // A name holding a number (`x_val = 5.`) feeds one value, no rows of data.
    const arrays = fedWholeArrays(site.loop, runsSessionStep)?.filter((a) => !["int", "float", "bool"].includes(evaluateOne(site, a.array)?.kind ?? ""));
    if (!arrays || arrays.length === 0) return undefined;
    const rows = arrays.map((a) => leadingDimension(evaluateOne(site, a.array)));
    const known = rows.filter((r): r is number => r !== undefined);
    // Arrays of other rows fed beside each other (a table of weights beside the data) leave the data unread.
    if (known.some((r) => r !== known[0])) return undefined;
    const first = known.length > 0 ? arrays[rows.indexOf(known[0])] : arrays[0];
    return known.length > 0 ? { rows: known[0], call: first.call, input: first.array } : { call: first.call, input: first.array };
  };
  /** The loader a step loop draws its one batch from each pass where that batch is the loader's whole dataset
   *  (whole-dataset-loader.ts): each pass trains on all of the data, of the size its batch_size=len(...) gives. */
  const wholeLoaderDraw = (site: Extract<CodeSite, { kind: "loop" | "while" }>): Expression | undefined => {
    const loader = site.loop.type === "for" && wholeLoaders.size > 0 ? drawnLoader(site.loop.body, wholeLoaders) : undefined;
    if (!loader) return undefined;
    batchFromData ??= { line: site.loop.pos.line, detail: `each pass draws next(iter(${snippet(input.text, loader)})), a batch of the loader's whole dataset (batch_size=len(...)), and the code does not show its size` };
    return loader;
  };
  const wholeData = (site: Extract<CodeSite, { kind: "loop" | "while" }>): Expression | undefined => {
    const data = fullBatchData(site.loop, (e) => evaluateOne(site, e), input.body, site.context.fn === undefined) ?? constantGraphRows(site) ?? fedGraphRows(site) ?? tapeWholeData(site.loop, input.body, (e) => evaluateOne(site, e));
    if (!data) return undefined;
    // All of data of a size the code does not show: the batch is unknown, not the model input's (resolve-run.ts).
    if (data.rows === undefined) {
      batchFromData ??= { line: site.loop.pos.line, detail: `${snippet(input.text, data.call)} trains on all of ${snippet(input.text, data.input)} each pass, and the code does not show its size` };
      return data.input;
    }
    const figure: PlanFigure = { value: data.rows, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, data.call)} on all of ${snippet(input.text, data.input)} each pass: its first dimension` };
    fullBatch.add(figure);
    samples.push({ rank: 40, figure });
    batches.push({ rank: 40, figure });
    return data.input;
  };
  // Samples walked in chunks whose last partial one the loop leaves out: the run drops it, as drop_last does.
  const droppedChunks = new Set<PlanFigure>();
  // A tf.data pipeline's batch, and the elements one pass of it yields (repeat() makes more passes: not counted here).
  const pipelineFigures = (pipeline: TfDataPipeline, code: string, line: number) => {
    if (pipeline.batch === undefined) return;
    const batched = `${code}: a tf.data pipeline batched by ${pipeline.batch}${pipeline.dropRemainder ? " (drop_remainder=True)" : ""}${pipeline.batchOrigin ? `, ${pipeline.batchOrigin}` : ""}`;
    // Below a `.batch(n)` call written in this file (rank 30), which says where the batch is set.
    const batch: PlanFigure = { value: pipeline.batch, source: "code", line, detail: batched };
    batches.push({ rank: 29, figure: batch });
    builtLoaders.set(batch, pipeline.dropRemainder);
    if (pipeline.elements === undefined || pipeline.elements <= 0 || pipeline.passes !== 1) return;
    const figure: PlanFigure = { value: pipeline.elements, source: "code", line, detail: `${batched}, ${pipeline.elements} elements a pass` };
    samples.push({ rank: 44, figure });
    if (pipeline.dropRemainder) droppedChunks.add(figure);
  };
  // A Keras wrapper (KerasClassifier(build_fn, epochs, batch_size)) or a skorch net (NeuralNetClassifier(Module,
  // max_epochs, batch_size)) fitted by hand or by cross-validation (sklearn-wrapper.ts, skorch-net.ts).
  const wrapperReached = (s: CallSite) => runsByDefault(s, (e) => evaluateOne(s, e));
  const wrapped = wrapperRun(sites, input.body, input.text, evaluateOne, wrapperReached, "keras-wrapper", input.wrapperBuilder) ?? wrapperRun(sites, input.body, input.text, evaluateOne, wrapperReached, "skorch");
  if (wrapped?.epochs) epochs.push({ rank: 40, figure: { value: wrapped.epochs.value, source: "code", line: wrapped.line, detail: wrapped.epochs.detail } });
  if (wrapped?.batch) batches.push({ rank: wrapped.batch.defaulted ? 1 : 40, figure: { value: wrapped.batch.value, source: wrapped.batch.defaulted ? "default" : "code", line: wrapped.line, detail: wrapped.batch.detail } });
  if (wrapped?.rows) samples.push({ rank: 25, figure: { value: wrapped.rows.value, source: "code", line: wrapped.line, detail: wrapped.rows.detail } });
  // An Estimator's train over numpy_input_fn / pandas_input_fn: its passes, batch and rows (numpy-input-fn.ts).
  const arrayInput = arrayInputRun(sites, input.body, input.text, evaluateOne, (s) => runsByDefault(s, (e) => evaluateOne(s, e)));
  for (const [figure, into, rank] of [[arrayInput?.epochs, epochs, 40], [arrayInput?.batch, batches, 40], [arrayInput?.rows, samples, 25]] as const) {
    if (figure) into.push({ rank: figure.defaulted ? 1 : rank, figure: { value: figure.value, source: figure.defaulted ? "default" : "code", line: arrayInput!.line, detail: figure.detail } });
  }
  // Whether a Keras fit runs by default, worked out once a loop the defaults skip asks (skipped-for-fit.ts).
  let fitTaken: boolean | undefined;
  // Whether the file imports skorch without Keras, worked out at its first fit (skorch-net.ts).
  let skorchWithoutKeras: boolean | undefined;
  for (const site of sites) {
    if ((site.kind === "while" || (site.kind === "loop" && !isEpochLoop(site))) && !shapedLoops.has(site.loop)) {
      shapedLoops.add(site.loop);
      const shape = shapeOf(site.loop);
      const inStepLoop = stepLoops.some((l) => l.pos.startIndex <= site.loop.pos.startIndex && site.loop.pos.endIndex <= l.pos.endIndex);
      // A loop the defaults skip, beside a Keras fit they reach: the fit is the run (skipped-for-fit.ts).
      if (shape.stepLoop && !inStepLoop && skippedByDefaults(site.context.conditions, (c) => gateAgainst(c, (t) => truth(evaluateOne(site, t)), (t) => namesIn([t], new Set()).has("__name__"))) && (fitTaken ??= fitRunsByDefault(sites, input.text, (s) => !estimatorFit(s, sites, input.body, input.text) && !imageGeneratorFit(s, sites, input.body), (s) => runsByDefault(s, (e) => evaluateOne(s, e))))) continue;
      if (shape.stepLoop && !inStepLoop) {
        // Each iteration steps the optimizer: the loop's count is the run's steps, or its micro-batches when the step
        // is taken every A iterations (`if (iter_num + 1) % A == 0: optimizer.step()`).
        stepLoops.push(site.loop);
        // A loop that slices its minibatches or samples a replay buffer states its batch itself.
        // A helper the loop's function defines inside itself (`def feed_dict(train):` drawing `next_batch(100)`) is
        // the one its calls reach, before a module-level one of the same name.
        const own = stepLoopBatch(site.loop, site.context.fn ? [...site.context.fn.body, ...input.body] : input.body);
        const ownBatch = own ? positiveInteger(evaluateOne(site, own.size)) : undefined;
        // A stride not named as a batch may be a sequence's (`for i in range(0, n, bptt): data[i:i + bptt]` slices time
        // steps of batchified columns): it stands only when nothing else names the batch.
        // `B`, `bs` and `mb` are how short code names a batch (`x[i * B:i * B + B]`).
        const strideNamed = (own?.how === "range step" || own?.how === "index slice") && /batch|(^|_)mb(_|$)|^b$|^bs$/i.test(dottedName(own.size)?.split(".").pop() ?? "");
        const detail = own?.how === "range step" && site.loop.type === "for" ? `the step of ${snippet(input.text, site.loop.iter)}, each iteration a slice of ${snippet(input.text, own.size)}`
          : own?.how === "index slice" ? `each iteration slices ${snippet(input.text, own.size)} items from the loop's index times ${snippet(input.text, own.size)}`
          : own?.how === "cursor slice" ? `each iteration slices ${snippet(input.text, own.size)} items from a cursor it advances by ${snippet(input.text, own.size)}`
          : own?.how === "next batch" ? `each step draws next_batch(${snippet(input.text, own.size)}): that many examples`
          : `sampled ${own ? snippet(input.text, own.size) : ""} at a time from a replay buffer`;
        if (own && ownBatch !== undefined) batches.push({ rank: own.how === "buffer sample" || own.how === "next batch" || strideNamed ? 46 : 5, figure: { value: ownBatch, source: "code", line: site.loop.pos.line, detail } });
        // TensorFlow 1.x's DataSet that `next_batch` draws from counts its examples in `num_examples`: those are the
        // samples, where no table names the data set (a project's own function that wraps read_data_sets).
        const drawnSet = own?.how === "next batch" ? own.data : undefined;
        const setRows = drawnSet ? positiveInteger(evaluateOne(site, { type: "attribute", object: drawnSet, name: "num_examples", pos: drawnSet.pos })) : undefined;
        if (drawnSet && setRows !== undefined) samples.push({ rank: 15, figure: { value: setRows, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, drawnSet)}.num_examples: the ${setRows} examples next_batch draws from` } });
        // A buffer that draws its own constructor's count (`agent.step(...)` → `self.memory.sample()`).
        const kept = own ? undefined : ownSampleBatch(site.loop.body, (e) => evaluateOne(site, e));
        const keptBatch = kept ? positiveInteger(kept.value) : undefined;
        if (kept && keptBatch !== undefined) batches.push({ rank: 46, figure: { value: keptBatch, source: "code", line: site.loop.pos.line, detail: `${kept.buffer}.sample() draws ${kept.count} = ${keptBatch} transitions, the count its constructor was given` } });
        // A buffer drawn with the count the loop hands the method (`policy.train(replay_buffer, args.batch_size)`).
        const handed = own || kept ? undefined : passedSampleBatch(site.loop.body, (e) => evaluateOne(site, e), input.text, shapeOf(site.loop).stepLoop);
        const handedBatch = handed ? positiveInteger(handed.value) : undefined;
        if (handed && handedBatch !== undefined) batches.push({ rank: 46, figure: { value: handedBatch, source: "code", line: site.loop.pos.line, detail: handed.detail } });
        // A buffer drawn with a constant of the called method's own module (`sample(BATCH_SIZE)` in agent.py).
        const constant = own || keptBatch !== undefined || handedBatch !== undefined || !shapeOf(site.loop).stepLoop ? undefined : moduleConstantSampleBatch(site.loop.body, (e) => evaluateOne(site, e));
        const constantBatch = constant ? positiveInteger(constant.value) : undefined;
        if (constant && constantBatch !== undefined) batches.push({ rank: 46, figure: { value: constantBatch, source: "code", line: site.loop.pos.line, detail: constant.detail } });
        // An n-step actor-critic update: the rollout the pass plays in its environment before backpropagating.
        const rollout = own || keptBatch !== undefined ? undefined : rolloutBatch(site.loop.body, input.text, (e) => evaluateOne(site, e));
        const rolloutSize = rollout ? positiveInteger(evaluateOne(site, rollout.size)) : undefined;
        if (rollout && rolloutSize !== undefined) batches.push({ rank: 46, figure: { value: rolloutSize, source: "code", line: rollout.loop.pos.line, detail: `each update backpropagates the rollout of for ... in ${snippet(input.text, rollout.loop.iter)}: ${rolloutSize} steps of one environment` } });
        // An update every N environment steps of the transitions gathered since the last (`if total_step % N == 0 or done:`).
        const periodic = own || keptBatch !== undefined || rollout ? undefined : periodicRollout(site.loop.body, input.text);
        const periodicSize = periodic ? positiveInteger(evaluateOne(site, periodic.period)) : undefined;
        if (periodic && periodicSize !== undefined) batches.push({ rank: 46, figure: { value: periodicSize, source: "code", line: periodic.gate.pos.line, detail: `each update backpropagates the transitions gathered since the last, every ${snippet(input.text, periodic.period)} = ${periodicSize} steps of one environment (${snippet(input.text, periodic.gate.test)})` } });
        // An update once a list gathered a pass at a time holds N items (`if len(rewards) == batch_size:`, emptied
        // there): each update takes those N (list-length-gate.ts).
        const listGate = own || keptBatch !== undefined || rollout || periodic || !shape.stepGate ? undefined : listLengthGate(site.loop, shape.stepGate);
        const listGateBatch = listGate ? positiveInteger(evaluateOne(site, listGate.size)) : undefined;
        if (listGate && listGateBatch !== undefined) batches.push({ rank: 46, figure: { value: listGateBatch, source: "code", line: shape.stepGate!.pos.line, detail: `each update takes the ${listGateBatch} items of ${listGate.list} gathered one a pass since the last (${snippet(input.text, shape.stepGate!.test)}, then emptied)` } });
        // An update over a rollout of N passes, each storing one transition of each environment (rollout-gate.ts).
        const rolloutRows = own || keptBatch !== undefined || handedBatch !== undefined || rollout || periodic || listGate || !shapeOf(site.loop).stepLoop || loopCallSteps(site.loop)?.whole === false ? undefined : rolloutGate(site);
        if (rolloutRows) batches.push({ rank: 46, figure: { value: rolloutRows.period * rolloutRows.rows, source: "code", line: site.loop.pos.line, detail: `each update takes the rollout it waited for: ${rolloutRows.period} passes${rolloutRows.rows > 1 ? ` × ${rolloutRows.rows} environments` : ""} (${rolloutRows.detail})` } });
        // A loop over an iterator that batches its own data: each item is a batch of the object's `batch_size`.
        const drawnFrom = site.loop.type === "for" ? iterOf(site.loop) ?? site.loop.iter : undefined;
        const walkedId = site.loop.type === "for" && drawnFrom ? walkedName(drawnFrom) : undefined;
        // A function's loop over its parameter walks what the module's calls pass, not a global of that name
        // (walked-parameter.ts); each call walks the binding its name holds where the call is.
        const passed = site.context.fn && walkedId !== undefined ? namesPassedFor(site.context.fn, walkedId, input.body, input.only?.fn === site.context.fn ? input.only.call : undefined)?.filter((p) => !excludedAt(p.start)) : undefined;
        if (passed) for (const p of passed) {
          stepWalked.add(p.name);
          walkedAt.push(p);
        }
        else if (drawnFrom?.type === "name") stepWalked.add(drawnFrom.id);
        if (site.context.fn === undefined && walkedId !== undefined) walkedAt.push({ name: walkedId, start: site.loop.pos.startIndex });
        else if (site.context.fn !== undefined && !passed && drawnFrom?.type === "name") walkedAt.push(...globalWalks(site.context.fn, drawnFrom.id, input.body));
        const drawn = !own && drawnFrom?.type === "name" ? evaluateOne(site, drawnFrom) : undefined;
        // A step loop over records the code writes out (`for words, tags in training_data:`) takes one a step: the
        // list is a pass's samples.
        // Tuples only: a list of lists is as often the batches a trainer cut (batch-lists.ts), whose rows are the samples.
        if ((drawn?.kind === "list" || drawn?.kind === "tuple") && drawn.items[0]?.kind === "tuple" && isRecordList(drawn.items)) {
          const detail = `${snippet(input.text, drawnFrom!)}: the ${drawn.items.length} records the step loop walks, one a step`;
          samples.push({ rank: 30, figure: { value: drawn.items.length, source: "code", line: site.loop.pos.line, detail } });
          // Records of words and labels, no arrays among them: a step's batch is its one record (record-batch.ts).
          if (recordsAreSamples(drawn.items)) batches.push({ rank: 45, figure: { value: 1, source: "code", line: site.loop.pos.line, detail } });
        }
        // A step loop over arrays zipped row by row (`for (x, y) in zip(xs, ys):`) takes one row a step (zipped-rows.ts).
        const zipped = !own && drawnFrom ? zippedArrays(drawnFrom) : undefined;
        const zippedCount = zipped ? zippedRows(zipped.arrays.map((e) => evaluateOne(site, e))) : undefined;
        if (zipped && zippedCount !== undefined) {
          const detail = `${snippet(input.text, zipped.call)}: one row a step of the ${zippedCount} rows it walks`;
          batches.push({ rank: 45, figure: { value: 1, source: "code", line: site.loop.pos.line, detail } });
          samples.push({ rank: 30, figure: { value: zippedCount, source: "code", line: site.loop.pos.line, detail } });
        }
        // A loop over an array's items that gives each a batch axis of one (`x.unsqueeze(0)`) steps on one item (unsqueezed-item.ts).
        if (site.loop.type === "for" && !own && !(drawn && isBatchIterator(drawn)) && itemMadeBatchOfOne(site.loop)) batches.push({ rank: 45, figure: { value: 1, source: "code", line: site.loop.pos.line, detail: `each item of ${snippet(input.text, drawnFrom ?? site.loop.iter)} is given a batch axis of one (unsqueeze(0)): one item a step` } });
        const drawnBatch = drawn && isBatchIterator(drawn) ? positiveInteger(drawn.attributes.get("batch_size")) : undefined;
        if (drawn && drawnBatch !== undefined) batches.push({ rank: 45, figure: { value: drawnBatch, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, drawnFrom!)}.batch_size: ${drawn.kind === "instance" ? drawn.cls.name : ""} batches its own data, ${drawnBatch} items each` } });
        // An iterator whose __next__ slices its batches from data it holds until StopIteration (data-objects.ts):
        // each item is a slice of the object's width, and a pass walks all of the data it slices.
        const sliced = drawn && drawnBatch === undefined ? slicedBatchIterator(drawn) : undefined;
        const slicedWidth = sliced && drawn?.kind === "instance" ? positiveInteger(drawn.attributes.get(sliced.batch)) : undefined;
        const slicedRows = sliced && drawn?.kind === "instance" ? itemCount(drawn.attributes.get(sliced.data)) : undefined;
        if (sliced && drawn?.kind === "instance" && slicedWidth !== undefined) {
          const detail = `${snippet(input.text, drawnFrom!)}: ${drawn.cls.name}.__next__ slices self.${sliced.data}[...:... + self.${sliced.batch}] until StopIteration`;
          batches.push({ rank: 45, figure: { value: slicedWidth, source: "code", line: site.loop.pos.line, detail: `${detail}, ${slicedWidth} items each` } });
          if (slicedRows !== undefined) samples.push({ rank: 45, figure: { value: slicedRows, source: "code", line: site.loop.pos.line, detail: `${detail}: the ${slicedRows} rows of self.${sliced.data}` } });
        }
        // A list of batch slices built before the epochs (`self.batches = [g[i:i + B] for i in range(0, len(g), B)]`,
        // or returned by `self.create_batches()`): each step takes B items, and a pass walks all of them (batch-lists.ts).
        const listed = !own && drawnBatch === undefined && slicedWidth === undefined && site.loop.type === "for" ? batchListOf(site.loop, site.context.fn, input.body) : undefined;
        if (listed) {
          const at: CodeSite = { kind: "constant", name: "", value: listed.size, line: listed.line, context: { fn: listed.fn, before: listed.before } };
          const width = positiveInteger(evaluateOne(at, listed.size));
          const cutData = evaluateOne(at, listed.data);
          const rows = listed.axis ? axisLength(cutData, listed.axis) : itemCount(cutData);
          const detail = `${snippet(input.text, listed.iter)}: the slices of ${snippet(input.text, listed.data)} by ${snippet(input.text, listed.size)} built at line ${listed.line}`;
          if (width !== undefined) batches.push({ rank: 45, figure: { value: width, source: "code", line: listed.line, detail: `${detail}, ${width} items each` } });
          if (width !== undefined && rows !== undefined && rows > 0) samples.push({ rank: 45, figure: { value: rows, source: "code", line: listed.line, detail: `${detail}: all ${rows} each pass` } });
        }
        // A loop over a tf.data pipeline, built here or by a helper in another file (tf-data.ts): its batches, and the
        // elements one pass yields.
        const walkedData = !own && site.loop.type === "for" ? walkedName(iterOf(site.loop) ?? site.loop.iter) : undefined;
        // The name the loop walks is often the one just evaluated as `drawn` (`for x in dataset:`): not worked out twice.
        const walkedValue = walkedData === undefined ? undefined : drawnFrom?.type === "name" && drawnFrom.id === walkedData ? drawn : evaluateOne(site, { type: "name", id: walkedData, pos: site.loop.pos });
        const pipeline = tfDataPipeline(walkedValue);
        if (pipeline) pipelineFigures(pipeline, walkedData!, site.loop.pos.line);
        // A data object's method the loop calls draws the object's batch size (`data_generator.generate_train_batch()`).
        const method = !own && keptBatch === undefined && drawnBatch === undefined ? methodDrawnBatch(site.loop.body, (e) => evaluateOne(site, e), (receiver, object, attribute) => batchSetByEarlierCall(site.context.fn?.body ?? input.body, site.loop.pos.startIndex, receiver, object, attribute)) : undefined;
        const methodBatch = method ? positiveInteger(method.value) : undefined;
        if (method && methodBatch !== undefined) batches.push({ rank: 45, figure: { value: methodBatch, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, method.call)} draws self.${method.attribute} items (${method.className}), ${methodBatch}` } });
        // A helper the loop calls that draws random indices and indexes data with them (`get_batch('train')` drawing
        // `torch.randint(n, (batch_size,))`): the draw's size is the batch (index-draw-batch.ts).
        const indexDraw = !own && keptBatch === undefined && drawnBatch === undefined && methodBatch === undefined ? indexDrawBatch(site.loop.body, (e) => evaluateOne(site, e)) : undefined;
        const indexDrawn = indexDraw ? positiveInteger(evaluateOne(site, indexDraw.count)) ?? positiveInteger(drawnCountInHelper(interpreter, indexDraw, (e) => evaluateOne(site, e), now, allowance)) : undefined;
        if (indexDraw && indexDrawn !== undefined) batches.push({ rank: 45, figure: { value: indexDrawn, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, indexDraw.call)} draws ${dottedName(indexDraw.draw.func)}(...): ${indexDrawn} random indices a step` } });
        // The loop's own draw of random indices (`ix = torch.randint(0, n, (32,))`, then `Xtr[ix]`, loop-index-draw.ts).
        const loopDraw = !own && keptBatch === undefined && drawnBatch === undefined && methodBatch === undefined && indexDrawn === undefined && shapeOf(site.loop).stepLoop ? loopIndexDraw(site.loop.body) : undefined;
        const loopDrawn = loopDraw ? positiveInteger(evaluateOne(site, loopDraw.count)) : undefined;
        if (loopDraw && loopDrawn !== undefined) batches.push({ rank: 45, figure: { value: loopDrawn, source: "code", line: loopDraw.draw.pos.line, detail: `${snippet(input.text, loopDraw.draw)}: ${loopDrawn} random indices a step` } });
        // A Keras step loop's `train_on_batch(x, y)`: all of x is the step's batch (train-on-batch-input.ts), read with the
        // pass's statements before the call bound.
        const onBatchSource = !own && keptBatch === undefined && drawnBatch === undefined && methodBatch === undefined && indexDrawn === undefined && loopDrawn === undefined && TRAIN_ON_BATCH.test(input.text.slice(site.loop.pos.startIndex, site.loop.pos.endIndex)) ? trainOnBatchInputs(site.loop.body) : [];
        for (const b of onBatchSource) {
          const at: CodeSite = { kind: "constant", name: "", value: b.input, line: b.line, context: { ...site.context, before: [...site.context.before, ...b.before] } };
          const rows = leadingDimension(evaluateOne(at, b.input));
          if (rows === undefined) continue;
          batches.push({ rank: 44, figure: { value: rows, source: "code", line: b.line, detail: `train_on_batch(${snippet(input.text, b.input)}): the ${rows} rows of one gradient update` } });
          break;
        }
        // The rows those indices are drawn from are the data the run samples (drawn-population.ts), below any other reading.
        const population = loopDraw && loopDrawn !== undefined ? drawnPopulation(loopDraw.draw) : undefined;
        const populationRows = population ? leadingDimension(evaluateOne(site, population)) : undefined;
        if (population && populationRows !== undefined && populationRows > 0) samples.push({ rank: 4, figure: { value: populationRows, source: "code", line: loopDraw!.draw.pos.line, detail: `${snippet(input.text, loopDraw!.draw)} draws each step's rows from the ${populationRows} of ${snippet(input.text, population)}` } });
        // Its count of samples, where it keeps one under a name that says so (`self.num_samples = len(self.annotations)`).
        const drawnSamples = drawn && drawnBatch !== undefined && drawn.kind === "instance" ? [...drawn.attributes].find(([k]) => SAMPLE_COUNT_ATTRIBUTE.test(k)) : undefined;
        const sampleCount = drawnSamples ? positiveInteger(drawnSamples[1]) : undefined;
        if (drawnSamples && sampleCount !== undefined) samples.push({ rank: 45, figure: { value: sampleCount, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, drawnFrom!)}.${drawnSamples[0]}: the samples ${drawn?.kind === "instance" ? drawn.cls.name : ""} batches` } });
        // A loop over a minibatch generator of the project's own (`for X, y in data_iter(batch_size, features, labels)`):
        // each item is a batch of the size its call binds, and a pass walks the data the call gives it
        // (generator-batch.ts, generator-samples.ts).
        const generatorCall = !own && drawnFrom?.type === "call" ? drawnFrom : undefined;
        const generatorCallee = generatorCall ? evaluateOne(site, generatorCall.func) : undefined;
        const generated = generatorCall ? generatorCallBatch(generatorCall, generatorCallee, (e) => evaluateOne(site, e), (e) => snippet(input.text, e)) : undefined;
        if (generated) batches.push({ rank: 45, figure: { value: generated.value, source: "code", line: site.loop.pos.line, detail: generated.detail } });
        // A loop over the minibatches a helper the analysis cannot read returns, handed a batch size by name
        // (`for minibatch in random_mini_batches(X, Y, minibatch_size)`: foreign-minibatches.ts).
        const unread = !own && !generated && site.loop.type === "for" ? unreadHelperBatch(site.loop, site.context.fn?.body ?? input.body, (f) => isUnreadCallee(evaluateOne(site, f))) : undefined;
        const unreadSize = unread ? positiveInteger(evaluateOne(site, unread.size)) : undefined;
        if (unread && unreadSize !== undefined) batches.push({ rank: 44, figure: { value: unreadSize, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, unread.call)}: a helper the analysis cannot read, handed ${snippet(input.text, unread.size)} = ${unreadSize} as its batch size; each item the loop walks is one batch` } });
        const walked = generatorCall ? generatorCallSamples(generatorCall, generatorCallee, (e) => evaluateOne(site, e), (e) => snippet(input.text, e)) : undefined;
        if (walked) samples.push({ rank: 44, figure: { value: walked.value, source: "code", line: site.loop.pos.line, detail: walked.detail } });
        // A loop that slices its batches from the data by a stride up to the data's size (`for i in range(0, len(X), bs):
        // xb = X[i:i + bs]`) walks all of it each pass: that size is the samples.
        // The loops around this one, for the rules that ask what they rebuild or bound.
        const enclosingLoops = [...forLoops.map((l) => l.loop), ...whileLoops].filter((l) => within(l, site.loop));
        const strideData = own?.how === "range step" && strideNamed ? stridedRangeBounds(site.loop, enclosingLoops) : undefined;
        const strideStart = strideData?.start ? positiveOrZero(evaluateOne(site, strideData.start)) : 0;
        const strideStop = strideData ? positiveInteger(evaluateOne(site, strideData.stop)) : undefined;
        const strideSamples = strideStart !== undefined && strideStop !== undefined && strideStop > strideStart ? strideStop - strideStart : undefined;
        if (strideData && strideSamples !== undefined) samples.push({ rank: 44, figure: { value: strideSamples, source: "code", line: site.loop.pos.line, detail: `${strideData.start ? `${snippet(input.text, strideData.stop)} - ${snippet(input.text, strideData.start)}` : snippet(input.text, strideData.stop)}: the items a pass of ${site.loop.type === "for" ? snippet(input.text, site.loop.iter) : ""} slices in strides of its batch` } });
        // An index-slice loop walks the same data on each turn of the loops around it unless one of them rebuilds
        // what it slices (fresh rollouts are no pass over the same data): only then are its rows samples.
        const sameData = own?.how === "index slice" ? slicesSameDataEachTurn(site.loop, enclosingLoops) : false;
        // `for j in range(int(N / B)): x[j * B:(j + 1) * B]`: each turn takes the next chunk of B, so a pass walks N
        // rows (index-sliced-pass.ts). Below the rows of the sliced data itself (further down), which also say whether
        // the last chunk is dropped.
        const passRows = sameData ? indexSlicedRows(site.loop, boundBefore(site)) : undefined;
        const passCount = passRows ? positiveInteger(evaluateOne(site, passRows)) : undefined;
        if (passRows && passCount !== undefined) samples.push({ rank: 43, figure: { value: passCount, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, passRows)}: the rows a pass of ${site.loop.type === "for" ? snippet(input.text, site.loop.iter) : ""} slices in chunks of its batch` } });
        // `start = (i * B) % N`, then `X[start:end]`: the slices wrap around N rows, the data of a pass, unless a loop
        // around rebuilds what they slice (wrapped-slice-rows.ts).
        const wrapped = wrappedSliceRows(site.loop);
        const wrappedRoot = wrapped ? rootName(wrapped.data) : undefined;
        const wrappedCount = wrapped && wrappedRoot !== undefined && !rebuiltNames(enclosingLoops).has(wrappedRoot) ? positiveInteger(evaluateOne(site, wrapped.rows)) : undefined;
        if (wrapped && wrappedCount !== undefined) samples.push({ rank: 43, figure: { value: wrappedCount, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, wrapped.rows)}: the rows the slices of ${snippet(input.text, wrapped.data)} wrap around, each starting at the loop's index times the batch, modulo ${snippet(input.text, wrapped.rows)}` } });
        // A loop over pieces a split call cuts from the data (`zip(torch.split(X, 64), torch.split(Y, 64))`,
        // `np.array_split(X, n)`): each piece is a batch, and a pass walks the data's rows (split-batches.ts).
        const split = !own ? splitLoopBatches(site.loop) : undefined;
        const splitRows = split ? itemCount(evaluateOne(site, split.data)) : undefined;
        const splitCount = split ? positiveInteger(evaluateOne(site, split.count)) : undefined;
        const pieces = split && splitRows !== undefined && splitCount !== undefined ? splitPieces(split, splitRows, splitCount) : undefined;
        if (split && pieces) {
          const detail = `${snippet(input.text, split.call)}: ${pieces.pieces} pieces of up to ${pieces.batch} of the ${splitRows} rows of ${snippet(input.text, split.data)}`;
          batches.push({ rank: 45, figure: { value: pieces.batch, source: "code", line: site.loop.pos.line, detail } });
          samples.push({ rank: 44, figure: { value: splitRows!, source: "code", line: site.loop.pos.line, detail } });
        }
        // A counted loop stepping on the whole data each pass (`for t in range(100): prediction = net(x)`).
        const counted = site.loop.type === "while" || (drawnFrom?.type === "call" && drawnFrom.func.type === "name" && drawnFrom.func.id === "range");
        const wholeInput = !own && !drawn && !split && counted ? wholeData(site) ?? wholeLoaderDraw(site) : undefined;
        // `for k in range(n)` with n set by each turn of an outer loop over written-out values: the sum over the turns
        // (listed-loop-bounds.ts), that outer loop then multiplying nothing.
        const counted0 = loopCount(site, shape, (e) => evaluateOne(site, e), input.text, iterOf(site.loop));
        const listedBound = counted0 === undefined && site.loop.type === "for" ? listedBoundPasses(site.loop, forLoops.flatMap((l) => (l.loop.type === "for" && within(l.loop, site.loop) && l.context.fn === site.context.fn ? [l.loop] : [])), (e) => evaluateOne(site, e), input.text) : undefined;
        if (listedBound) listedOuters.set(site.loop, listedBound.outer);
        const count = counted0 ?? (listedBound ? { value: listedBound.passes, detail: listedBound.detail } : undefined);
        // `for i in range(len(x) // B): x[i * B:(i + 1) * B]` walks the rows of x in chunks of B, the last partial
        // chunk too when the count rounds up, so those rows are the samples (dropped at the end when it rounds down).
        const chunkedRows = sameData && own?.data && ownBatch !== undefined && count !== undefined ? itemCount(evaluateOne(site, own.data)) : undefined;
        const chunks = chunkedRows !== undefined && ownBatch !== undefined && chunkedRows > 0 && !Number.isInteger(chunkedRows / ownBatch) && count?.value === Math.floor(chunkedRows / ownBatch) ? "floor"
          : chunkedRows !== undefined && ownBatch !== undefined && count?.value === Math.ceil(chunkedRows / ownBatch) ? "ceil" : undefined;
        if (chunks && own?.data) {
          const figure: PlanFigure = { value: chunkedRows!, source: "code", line: site.loop.pos.line, detail: `${snippet(input.text, own.data)}: the ${chunkedRows} rows ${count!.detail} slices in chunks of ${ownBatch}${chunks === "floor" ? ", the last partial chunk left out" : ""}` };
          samples.push({ rank: 44, figure });
          if (chunks === "floor") droppedChunks.add(figure);
        }
        const every = shape.stepEvery ? positiveInteger(evaluateOne(site, shape.stepEvery)) : undefined;
        if (count === undefined) {
          // A loop over a tf.data chain repeated k times (`db.batch(32).repeat(30)`) with no loop around it makes k
          // passes over the data: k epochs, each of the batches of a pass (repeat-passes.ts).
          const repeated = site.loop.type === "for" && !forLoops.some((l) => l.loop !== site.loop && within(l.loop, site.loop))
            ? repeatPasses(iterOf(site.loop) ?? site.loop.iter, site.context.fn ? [input.body, site.context.fn.body] : [input.body], site.loop.pos.startIndex) : undefined;
          const passes = repeated?.counts.map((c) => positiveInteger(evaluateOne(site, c)));
          if (repeated && passes && passes.every((p) => p !== undefined)) {
            const value = passes.reduce((a, b) => a! * b!, 1)!;
            epochs.push({ rank: 49, figure: { value, source: "code", line: site.loop.pos.line, detail: `${repeated.calls.map((c) => snippet(input.text, c)).join(", ")}: ${value} passes over the data the loop walks` } });
          }
          // `for step in range(start_epoch * per_epoch, max_epoch * per_epoch)`: epochs of a length the code does not
          // state (epoch-multiple-range.ts).
          const multiple = site.kind === "loop" ? epochMultipleRange(iterOf(site.loop) ?? site.loop.iter, (e) => evaluateOne(site, e), namesEpochs, input.text) : undefined;
          if (multiple && site.kind === "loop") epochs.push({ rank: 49, figure: { value: multiple.value, source: "code", line: site.loop.pos.line, detail: `for ${site.variable} in ${multiple.detail}` } });
          // A loop over a loader of unknown length still accumulates A micro-batches per step.
          if (every !== undefined && every > 1 && !shape.gatedBackward) accumulations.push({ rank: 45, figure: { value: every, source: "code", line: site.loop.pos.line, detail: `an optimizer step when ... % ${snippet(input.text, shape.stepEvery!)} == 0` } });
          // A budget only the episodes inside it count toward, the update once an episode (inner-loop-counter.ts).
          const innerBound = site.loop.type === "while" ? innerAdvancedBound(site.loop) : undefined;
          if (innerBound && site.loop.type === "while") perEpochOnly ??= `steps: while ${snippet(input.text, site.loop.test)} (line ${site.loop.pos.line}) counts what its inner loop does (an environment's steps), and the loop steps once a pass, an episode whose length the code does not state, so the run's optimizer steps are not known`;
          // Episodes of unknown length inside a budget of counted steps (counter-budget.ts).
          const budget = site.loop.type === "while" ? budgetSteps(site) : undefined;
          // A step under a learn-every-N gate on the budget's counter (`if total_steps >= warmup: agent.train()`): the
          // counter values the gate lets through (budget-gated-steps.ts).
          const gated = budget && site.kind === "while" && shape.stepGate?.body[0] ? budgetGate(site, shape.stepGate.body[0], site) : undefined;
          if (gated) steps.push({ rank: 50, figure: gated });
          else if (budget) steps.push({ rank: 50, figure: every !== undefined && every > 1 ? { ...budget, value: Math.floor(budget.value / every), detail: `${budget.detail}, an optimizer step when ... % ${snippet(input.text, shape.stepEvery!)} == 0` } : budget });
          continue;
        }
        let figure: PlanFigure = { value: count.value, source: "code", line: site.loop.pos.line, detail: count.detail };
        // `while global_step < total: global_step += num_envs; if global_step > learning_starts and global_step %
        // train_freq == 0:` (DQN over vectorized environments): the passes whose counter passes the gate (gated-passes.ts).
        const counter = site.loop.type === "while" && site.loop.test.type === "compare" && site.loop.test.left.type === "name" ? site.loop.test.left.id : undefined;
        const stride = counter && every !== undefined && every > 1 ? counterStride(site.loop.body, counter, (e) => evaluateOne(site, e)) : undefined;
        const counterGate = site.loop.type === "while" && counter && stride !== undefined ? counterGatedPasses(site.loop, counter, stride, count.value, shape.stepEvery!, (e) => evaluateOne(site, e), input.text) : undefined;
        if (counterGate) {
          if (counterGate.value > 0) steps.push({ rank: 50, figure: { ...figure, value: counterGate.value, detail: `${count.detail}, stepping when ${counterGate.detail}` } });
          continue;
        }
        // `for self.step in range(start, max_step): self.observe(...)` whose method learns only under `if self.step >
        // self.learn_start: if self.step % self.train_frequency == 0:`, or a gate on a range that does not start at
        // zero: the passes the tests let through step (called-gates.ts).
        const calledGate = site.loop.type === "for" && !count.detail.includes(" until ") && enclosingCounts(site) === undefined
          ? calledGatePasses(site.loop, unwrappedProgress(iterOf(site.loop) ?? site.loop.iter), site.context.fn?.params[0]?.name, steppingCall, methodNamed(), (e) => evaluateOne(site, e), input.text) : undefined;
        if (calledGate) {
          if (calledGate.value > 0) steps.push({ rank: 50, figure: { ...figure, value: calledGate.value, detail: `${count.detail}, stepping when ${calledGate.detail}` } });
          continue;
        }
        const from = shape.stepFrom && !count.detail.includes(" until ") ? positiveOrZero(evaluateOne(site, shape.stepFrom.bound)) : undefined;
        if (from !== undefined && shape.stepFrom) {
          // `if global_step > learning_starts: if global_step % train_frequency == 0:` (DQN): the indexes from the first
          // that passes to N - 1, and of those the multiples of the period.
          const first = from + (shape.stepFrom.inclusive ? 0 : 1);
          const gated = every !== undefined && every > 1 ? Math.max(0, Math.floor((count.value - 1) / every) - Math.floor((first - 1) / every)) : Math.max(0, count.value - first);
          const period = every !== undefined && every > 1 ? ` when ... % ${snippet(input.text, shape.stepEvery!)} == 0` : "";
          if (gated > 0) steps.push({ rank: 50, figure: { ...figure, value: gated, detail: `${count.detail}, stepping from index ${first}${period}` } });
          continue;
        }
        const enclosing = enclosingCounts(site);
        // Episodes of at most N passes inside a budget of counted steps (`while frame_idx < max_frames:` around `for
        // step in range(max_steps): ...; frame_idx += 1`): the budget counts the run's passes, N only caps an episode.
        const capped = (enclosing === undefined || enclosing === "uncounted") && site.loop.type === "for" && !count.detail.includes(" until ") ? budgetSteps(site) : undefined;
        // A counted loop under a learn-every-N gate on that budget's counter: its count on each pass the gate lets through.
        const budgetGated = !capped && enclosing === "uncounted" && site.loop.type === "for" && !count.detail.includes(" until ") ? gatedBudgetTurns(site) : undefined;
        if (capped) figure = { ...capped, detail: `${capped.detail}, episodes of at most ${count.value} passes` };
        else if (budgetGated) figure = { ...budgetGated, value: budgetGated.value * figure.value, detail: `${budgetGated.detail} × ${figure.detail}` };
        // A break on a run-wide counter ends the whole run where it stands: its count is the run's.
        else if (enclosing === "uncounted" && !count.detail.includes(" until ")) continue;
        else if (enclosing && enclosing !== "uncounted") figure = { ...figure, value: figure.value * enclosing.value, detail: `${enclosing.detail} × ${figure.detail}` };
        // A training function an episode loop calls: its steps on each call, times the calls.
        const episodes = count.detail.includes(" until ") ? undefined : perEpisodeCalls(site, figure);
        if (episodes === "uncounted") {
          uncountedEpisodes ??= `steps: ${site.context.fn?.name ?? "a training function"}() runs its loop on each call from an episode loop whose episodes end when the environment says, so the run's optimizer steps cannot be counted from the code`;
          continue;
        }
        if (episodes) figure = episodes;
        // The function holding the step loop, called once from counted loops (`for i in range(num_parallel_run): a2c(args)`,
        // repeated trials): each call runs all its steps again (loops-around-call.ts), as it runs an epoch loop again.
        // Inside an epoch loop of the function, the epochs take those turns already, and the steps are per epoch.
        const inEpochLoop = forLoops.some((l) => l.context.fn === site.context.fn && within(l.loop, site.loop) && isEpochLoop(l));
        const turns = !episodes && !capped && !inEpochLoop && site.context.fn ? callTurns(site.context.fn) : undefined;
        if (turns) figure = { ...figure, value: figure.value * turns.value, detail: `${turns.detail} × ${figure.detail}` };
        // An update once a list gathered one item a pass holds N (`if len(rewards) == batch_size:`, emptied there): one
        // pass in N of each run of the loop (list-length-gate.ts).
        const lengthGate = !episodes && shape.stepGate && (every === undefined || every <= 1) && figure.value % count.value === 0 ? listLengthGate(site.loop, shape.stepGate) : undefined;
        const lengthGateSize = lengthGate ? positiveInteger(evaluateOne(site, lengthGate.size)) : undefined;
        // Learning that starts once a run-wide counter passes a bound (`if agent.pointer > MEMORY_CAPACITY:`), the
        // counter going up once a pass across all episodes: the first passes take no step (counter-gate.ts).
        const started = shape.stepGate && !shape.stepFrom && !lengthGateSize && (every === undefined || every <= 1) && !shape.breakAt?.counter
          ? counterStartPasses(site.loop, shape.stepGate, figure.value, site.context.fn?.body ?? input.body, site.context.before, (e) => evaluateOne(site, e), input.text, episodes !== undefined) : undefined;
        if (started) figure = { ...figure, value: started.value, detail: `${figure.detail}, ${started.detail}` };
        // An update every N steps or at the episode's last (`if (t + 1) % BATCH == 0 or t == EP_LEN - 1:`): the passes
        // any part lets through, in each of the loop's runs (gated-passes.ts).
        const anyOf = !started && !lengthGateSize && !episodes && shape.stepGate && site.loop.type === "for" && (every === undefined || every <= 1) && figure.value % count.value === 0
          ? anyOfPasses(site.loop, shape.stepGate.test, count.value, (e) => evaluateOne(site, e), input.text) : undefined;
        if (anyOf) figure = { ...figure, value: (figure.value / count.value) * anyOf.value, detail: `${figure.detail}, ${anyOf.detail}` };
        // A pass in K that evaluates in place of the step (`if i % 10 == 0: ... else: step`, skipped-passes.ts).
        const skipped = !started && !anyOf && !lengthGateSize && !episodes && shape.skipEvery && (every === undefined || every <= 1) && !count.detail.includes(" until ") && figure.value % count.value === 0
          ? skippedPasses(shape.skipEvery, count.value, (e) => evaluateOne(site, e), input.text) : undefined;
        if (skipped) figure = { ...figure, value: (figure.value / count.value) * skipped.value, detail: `${figure.detail}, ${skipped.detail}` };
        // An agent's step() that learns on one call in P of its own (cyclic-call-gate.ts).
        const cyclic = !started && !anyOf && !skipped && !lengthGateSize && (every === undefined || every <= 1) ? cyclicGate(site) : undefined;
        if (cyclic) figure = { ...figure, value: Math.floor(figure.value / cyclic.period), detail: `${figure.detail}, ${cyclic.detail}` };
        // An update that loops over its own steps (`for _ in range(epochs):`): that many steps on each call.
        const perCall = loopCallSteps(site.loop);
        if (perCall && perCall.steps > 1) figure = { ...figure, value: figure.value * perCall.steps, detail: `${figure.detail}, ${perCall.steps} optimizer steps a call` };
        if (lengthGate && lengthGateSize !== undefined) {
          const updates = listGatePasses(lengthGate, count.value, lengthGateSize);
          figure = { ...figure, value: (figure.value / count.value) * updates, detail: `${figure.detail}, an update when ${snippet(input.text, shape.stepGate!.test)}, ${lengthGate.list} gaining one item a pass and emptied there: ${updates.toLocaleString("en-US")} of the ${count.value.toLocaleString("en-US")} passes` };
        }
        if (every !== undefined && every > 1 && count.value >= every) {
          const detail = `an optimizer step when ... % ${snippet(input.text, shape.stepEvery!)} == 0`;
          if (!shape.gatedBackward) accumulations.push({ rank: 45, figure: { value: every, source: "code", line: site.loop.pos.line, detail } });
          // A break on a counter of optimizer steps already counts steps, not micro-batches.
          const countsSteps = shape.breakAt?.perStep === true && count.detail.includes(" until ");
          if (countsSteps) figure = { ...figure, detail: `${count.detail} optimizer steps, ${detail}` };
          else figure = { ...figure, value: Math.floor(count.value / every), detail: `${count.detail} ${shape.gatedBackward ? "passes" : "micro-batches"}, ${detail}` };
        }
        loopSpans.set(figure, site.loop.pos);
        if (shape.breakAt?.counter && count.detail.includes(" until ")) counterBreaks.set(figure, { counter: shape.breakAt.counter, afterStep: shape.breakAt.afterStep });
        if (episodes) wholeRun.add(figure);
        // A step loop under an `if` the defaults decide against (`if profile:` with `profile = False`) gives way to one
        // the plain run reaches (`else:`); alone, it is still the run's (skipped-by-default.ts).
        const skippedByDefault = !budgetGated && (site.context.conditions?.length ?? 0) > 0 && gateAgainst(site.context.conditions!.filter((c) => !countedGates.has(c.test)), (t) => truth(evaluateOne(site, t)), (t) => namesIn([t], new Set()).has("__name__")) !== undefined;
        steps.push({ rank: skippedByDefault ? 49 : 50, figure });
        // Each pass of a full-batch step loop walks all of the data once: its passes are epochs (full-batch-passes.ts).
        const passEpochs = wholeInput && !episodes && !started && !anyOf && !cyclic ? fullBatchPassEpochs(figure, count, every, snippet(input.text, wholeInput)) : undefined;
        if (passEpochs) {
          fullBatchEpochs.add(passEpochs);
          epochs.push({ rank: 30, figure: passEpochs });
        }
        continue;
      }
      if (shape.backwardOnly && inStepLoop) {
        // Backward passes without a step inside a step loop: gradient accumulation over this loop's iterations.
        const count = loopCount(site, shape, (e) => evaluateOne(site, e), input.text, iterOf(site.loop));
        if (count !== undefined) accumulations.push({ rank: 45, figure: { value: count.value, source: "code", line: site.loop.pos.line, detail: `${count.detail}: backward passes per optimizer step` } });
        continue;
      }
    }
    if (site.kind === "while") {
      let epochFigure = whileEpochs(site);
      // Counted loops around it (k-fold's `for tr, va in kf.split(x):`) run all its epochs again each turn, as they
      // do a `for` epoch loop's below.
      const countedInside = epochFigure && forLoops.some((l) => within(site.loop, l.loop) && shapeOf(l.loop).stepLoop && iterationCount(iterOf(l.loop) ?? l.loop.iter, (e) => evaluateOne(l, e)) !== undefined);
      const around = epochFigure && !countedInside ? enclosingCounts(site) : undefined;
      if (epochFigure && around && around !== "uncounted") epochFigure = { ...epochFigure, value: epochFigure.value * around.value, detail: `${around.detail} × ${epochFigure.detail}` };
      if (epochFigure) {
        loopSpans.set(epochFigure, site.loop.pos);
        epochLoops.set(epochFigure, site.loop);
        epochs.push({ rank: 50, figure: epochFigure });
      }
      continue;
    }
    if (site.kind === "loop" && stepLoops.includes(site.loop)) continue;
    // A loop named for steps around a pass over the same data (`for it in range(n): for j in range(0, len(pairs), bs)`)
    // is an epoch loop (data-pass-epochs.ts), read below.
    const passesData = site.kind === "loop" && STEP_VARIABLE.test(site.variable) && passesOverData(site.loop, (x) => shapeOf(x).stepLoop, true, walksWholeData(site), boundBefore(site));
    if (site.kind === "loop" && !passesData && STEP_VARIABLE.test(site.variable) && /\.backward\s*\(/.test(input.text.slice(site.loop.pos.startIndex, site.loop.pos.endIndex))) {
      // A loop around a step loop of its own (`for iteration in ...: for start in range(0, n, mb): ... step()`) is
      // counted by that loop, as one of the loops around it.
      if (containsStepLoop(site.loop)) continue;
      // A loop over steps that runs backward in its body: its count is the run's optimizer steps.
      const count = iterationCount(iterOf(site.loop) ?? site.loop.iter, (e) => evaluateOne(site, e));
      // Unless the optimizer steps once after it, outside any loop: its turns are that step's micro-batches
      // (step-after-loop.ts).
      const after = count !== undefined && count > 0 && shapeOf(site.loop).backwardOnly ? stepAfterLoop(input.body, site.loop) : undefined;
      if (after && count !== undefined) {
        const once: PlanFigure = { value: 1, source: "code", line: after.pos.line, detail: `${snippet(input.text, after)} once, after for ${site.variable} in ${snippet(input.text, site.loop.iter)}` };
        loopSpans.set(once, site.loop.pos);
        steps.push({ rank: 50, figure: once });
        accumulations.push({ rank: 50, figure: { value: count, source: "code", line: site.loop.pos.line, detail: `for ${site.variable} in ${snippet(input.text, site.loop.iter)}: backward passes before ${snippet(input.text, after)}` } });
        continue;
      }
      if (count !== undefined && count > 0) {
        const figure: PlanFigure = { value: count, source: "code", line: site.loop.pos.line, detail: `for ${site.variable} in ${snippet(input.text, site.loop.iter)}` };
        loopSpans.set(figure, site.loop.pos);
        steps.push({ rank: 50, figure });
      }
      continue;
    }
    if (site.kind === "loop") {
      if (!isEpochLoop(site)) continue;
      const count = iterationCount(iterOf(site.loop) ?? site.loop.iter, (e) => evaluateOne(site, e));
      if (count !== undefined && count > 0) {
        let figure: PlanFigure = { value: count, source: "code", line: site.loop.pos.line, detail: `for ${site.variable} in ${snippet(input.text, site.loop.iter)}` };
        // `if epoch > stop_epoch: break` ends the run at a known epoch (gated-passes.ts).
        const cut = site.loop.type === "for" ? passesBeforeBreak(site.loop, iterOf(site.loop) ?? site.loop.iter, (e) => evaluateOne(site, e), input.text) : undefined;
        if (cut) figure = { ...figure, value: cut.value, detail: `${figure.detail}, ${cut.detail}` };
        // `if epoch > 0:` around the pass over the data (a first turn that only evaluates the untrained network):
        // only the turns the gate lets through train (gated-passes.ts).
        const gated = !cut ? gatedEpochs(site.loop, forLoops.find((l) => within(site.loop, l.loop) && shapeOf(l.loop).stepLoop)?.loop, (e) => evaluateOne(site, e), input.text) : undefined;
        if (gated) figure = { ...figure, value: gated.value, detail: `${figure.detail}, ${gated.detail}` };
        // Counted loops around the epoch loop run it again each time (continual learning's `for task, dataset in
        // enumerate(datasets):`, repeated runs): the run makes that many times its epochs. A counted step loop inside
        // already multiplies them into its steps (PPO's iterations × update epochs × minibatches).
        const countedInside = forLoops.some((l) => within(site.loop, l.loop) && shapeOf(l.loop).stepLoop && iterationCount(iterOf(l.loop) ?? l.loop.iter, (e) => evaluateOne(l, e)) !== undefined);
        // Around an epoch loop, a loop of unstated length leaves the epochs as the loop states them.
        const around = countedInside ? undefined : enclosingCounts(site);
        const enclosing = around === "uncounted" ? undefined : around;
        if (enclosing) figure = { ...figure, value: figure.value * enclosing.value, detail: `${enclosing.detail} × ${figure.detail}` };
        // The function holding the epoch loop, called once from counted loops (rounds, trials, query cycles): each
        // turn runs all its epochs again (loops-around-call.ts).
        const turns = around === "uncounted" || !site.context.fn ? undefined : callTurns(site.context.fn);
        if (turns) figure = { ...figure, value: figure.value * turns.value, detail: `${turns.detail} × ${figure.detail}` };
        loopSpans.set(figure, site.loop.pos);
        epochLoops.set(figure, site.loop);
        epochs.push({ rank: 50, figure });
        // A TensorFlow 1.x session run of a training operation is a step too (session-steps.ts).
        if (stepsOncePerEpoch(input.body, site.loop, containsStepLoop(site.loop), steppingCall, importedFunction)) {
          // Full-batch training: one optimizer step in each epoch (full-batch-epochs.ts).
          const once: PlanFigure = { ...figure, detail: `${figure.detail}: one optimizer step per epoch, no loop over batches` };
          loopSpans.set(once, site.loop.pos);
          steps.push({ rank: 50, figure: once });
          // A pass that draws its rows by random indices (`idx = np.random.randint(0, n, batch_size)`, then `X[idx]`, a
          // Keras GAN's iteration) steps on that many rows, not on all of the data (loop-index-draw.ts).
          const draw = wholeData(site) ? undefined : loopIndexDraw(site.loop.body);
          const drawn = draw ? positiveInteger(evaluateOne(site, draw.count)) : undefined;
          if (draw && drawn !== undefined) batches.push({ rank: 45, figure: { value: drawn, source: "code", line: draw.draw.pos.line, detail: `${snippet(input.text, draw.draw)}: ${drawn} random indices a step` } });
          // A TF 1.x loop named for epochs whose every turn draws `next_batch(100)` for its one step steps on that many
          // examples, as a step loop drawing so does (step-loop-batch.ts).
          const own = draw ? undefined : stepLoopBatch(site.loop, site.context.fn ? [...site.context.fn.body, ...input.body] : input.body);
          const ownBatch = own?.how === "next batch" ? positiveInteger(evaluateOne(site, own.size)) : undefined;
          if (ownBatch !== undefined) batches.push({ rank: 46, figure: { value: ownBatch, source: "code", line: site.loop.pos.line, detail: `each turn of for ${site.variable} in ${snippet(input.text, site.loop.iter)} draws next_batch(${snippet(input.text, own!.size)}) for its one step` } });
        }
      }
      continue;
    }
    if (site.kind === "constant" && (STEP_CONSTANT.test(site.name) || ACCUMULATION_CONSTANT.test(site.name))) {
      // A count that a loop which takes no optimizer step iterates over (`for step in range(max_steps): env.step(a)`
      // in each episode, the update after it) counts that loop's iterations, not the run's steps.
      if (STEP_CONSTANT.test(site.name) && forLoops.some((l) => l.context.fn === site.context.fn && namesIn([l.loop.iter], new Set()).has(site.name) && !shapeOf(l.loop).stepLoop && !containsStepLoop(l.loop))) continue;
      // A cap on a counter each episode starts again (`if total_steps >= max_steps: done = True`): per-pass-caps.ts.
      if (STEP_CONSTANT.test(site.name) && capsPerPassCounter(site.context.fn?.body ?? input.body, site.name)) continue;
      // Nor is the bound of a `while` that steps once a pass while only its episodes advance its counter (`while step <
      // max_steps: while not done: step += 1`, the update after): those are environment steps (inner-loop-counter.ts).
      // A counter the inner loop raises where it steps (`if is_update: global_step += 1`) still counts steps.
      if (STEP_CONSTANT.test(site.name) && sites.some((w) => w.kind === "while" && w.context.fn === site.context.fn && shapeOf(w.loop).stepLoop && namesIn([innerAdvancedBound(w.loop) ?? w.loop.test], new Set()).has(site.name) && innerAdvancedBound(w.loop) !== undefined)) continue;
      // A count set only under a test the plain run decides against (`if args.force_train: steps = 999_999_999`).
      if (!runsByDefault(site, (e) => evaluateOne(site, e))) continue;
      // A window length that sizes an axis (`n_steps = 5` then `reshape((n, n_steps, 1))`): dimension-counts.ts.
      if (STEP_CONSTANT.test(site.name) && countUsedAsDimension(site.name, site.context.fn ? input.text.slice(site.context.fn.pos.startIndex, site.context.fn.pos.endIndex) : input.text)) continue;
      const value = positiveInteger(evaluateOne(site, site.value));
      const figure: PlanFigure | undefined = value !== undefined ? { value, source: "code", line: site.line, detail: `${site.name} = ${snippet(input.text, site.value)}` } : undefined;
      if (figure && STEP_CONSTANT.test(site.name)) namedSteps.add(figure);
      if (figure) (STEP_CONSTANT.test(site.name) ? steps : accumulations).push({ rank: 10, figure });
      continue;
    }
    if (site.kind === "constant") {
      const isEpochs = EPOCH_CONSTANT.test(site.name);
      // A count named batch_size that the code only takes as a period (`if e % batch_size == 0: update()`, REINFORCE
      // over episodes) counts episodes between updates, not the items of a batch.
      const isBatch = BATCH_CONSTANT.test(site.name) && !periodOnly(input.text, site.context.fn, site.name);
      if (!isEpochs && !isBatch) continue;
      // Set after the whole run (an export's `BATCH_SIZE = 1` after the last fit): no figure of it (after-training.ts).
      if (afterAllTraining(site.value.pos.startIndex, site.context.fn, trainingRuns, input.text)) continue;
      // Or after the file's last backward pass, in its scope (an evaluation's `batch_size = 1` after the step loop).
      if (isBatch && afterAllUpdates(site.value.pos.startIndex, site.context.fn, input.text, [...forLoops.map((l) => l.loop), ...whileLoops], () => functionsIn(input.body))) continue;
      if (!runsByDefault(site, (e) => evaluateOne(site, e))) continue;
      // Set in a function the file never calls, beside a fit it does (unreached-fits.ts).
      if (!input.nested && unreachedBesideReachedFit(site, sites, input.body, input.text)) continue;
      const value = positiveInteger(evaluateOne(site, site.value));
      if (value === undefined) continue;
      const figure: PlanFigure = { value, source: "code", line: site.line, detail: `${site.name} = ${snippet(input.text, site.value)}` };
      (isEpochs ? epochs : batches).push({ rank: 10, figure });
      continue;
    }
    const last = site.callee.split(".").pop()!;
    const call = site.call;
    if (!tracker && isTrackerCallee(site.callee)) {
      tracker = trackerFromCall(call, site.callee, input.text, (e) => {
        const value = evaluateOne(site, e);
        return value?.kind === "str" ? value.value : undefined;
      });
      continue;
    }
    const keyword = (name: string) => keywordArgument(call, name);
    const positional = (index: number) => positionalArgument(call, index);
    const line = call.pos.line;
    // A 16-bit precision the plain run reaches is the run's; one under a test nobody can read is noted instead.
    const takePrecision = (value: "bf16" | "fp16" | "fp64", detail: string, autocast = false) => {
      const reach = precisionReached(site, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      if ("reached" in reach) precision = { value, line, detail, ...(autocast ? { autocast } : {}) };
      else if ("unknown" in reach) unsurePrecision ??= { value, line, detail, condition: reach.unknown };
      else offPrecision ??= { value, line, detail, condition: reach.off };
    };
    const moduleFunction = call.func.type === "attribute" && call.func.object.type === "name";
    // `loader = Feeder(args).loaders()`: a method called on the object the same statement builds, as on a bound one.
    const chainedMethod = call.func.type === "attribute" && call.func.object.type === "call";
    // Or built inline where it is handed on, named by its callee (`Trainer(..., ds.get_dataloader(100))`: inline-loader-call.ts).
    if ((call.func.type === "name" || moduleFunction || chainedMethod) && ([...site.assignedTo, ...(site.assignedAttributes ?? [])].some((n) => /loader|(^|_)dl$|gen(erator)?$|gene$/i.test(n) || fitInputs.has(n) || iterated.has(n) || trainingData.has(n)) || inlineLoaderCall(site.callee, [...site.assignedTo, ...(site.assignedAttributes ?? [])]))) {
      // `dataloader = get_celeba(params)`, `myGene = trainGenerator(2, ...)`, `trainset = DataGenerator(path,
      // batch_size=2)` then `fit_generator(trainset, ...)`: the loader a function builds, with this call's arguments
      // (a function of the file itself called twice, for training and testing, batches each call its own way).
      // `dataset.get(batch_size=...)`: a function of a workspace module the script imports.
      const callee = call.func.type === "name" ? namespace.scope.names.get(call.func.id) : evaluateOne(site, call.func);
      // `loader = data.Data(args)`: a workspace class whose `__init__` builds the loaders on the new object.
      const init = callee?.kind === "class" && callee.location ? lookupClassAttribute(callee, "__init__") : undefined;
      // `train_iter, valid_iter, _ = loader.make_iter(...)`: a method of a workspace object runs on that object.
      const method = callee?.kind === "bound" && callee.fn.kind === "function" && callee.self.kind === "instance" ? callee : undefined;
      const built = init?.kind === "function" ? init : method ? method.fn : callee;
      const self = init?.kind === "function" && callee?.kind === "class" ? emptyInstance(callee) : method?.self;
      const home = built?.kind === "function" ? built.module.file : undefined;
      const source = home === file ? input.text : home ? input.files?.read(home) : undefined;
      // A loader bound to a test or validation name (`valloader = create_dataloader(hp, args, False)`) is not the
      // training loader's, as loaderScore judges a DataLoader built in the file.
      const heldOut = site.assignedTo.length > 0 && site.assignedTo.every((n) => /test|val|eval/i.test(n) && !/train/i.test(n));
      if (!heldOut && built?.kind === "function" && home && (home !== file || site.assignedTo.some((n) => fitInputs.has(n))) && source !== undefined && runsByDefault(site, (e) => evaluateOne(site, e))) {
        const found = foreignLoader(interpreter, built, call, source, (e) => evaluateOne(site, e), now, allowance, self, (f) => (f === file ? input.text : input.files?.read(f)));
        const where = input.root ? relativeTo(input.root, found?.file ?? "") : found?.file;
        if (found) {
          const figure: PlanFigure = { value: found.batch, source: "code", line, detail: `${snippet(input.text, call)}: ${found.code} in ${where} line ${found.line}` };
          batches.push({ rank: 44, figure });
          builtLoaders.set(figure, found.dropLast);
          for (const n of site.assignedTo) knownLoaders.set(n, { batch: found.batch, dropLast: found.dropLast, samples: found.samples?.value });
          if (found.samples) samples.push({ rank: 44, figure: { value: found.samples.value, source: found.samples.table ? "dataset table" : "code", line, detail: `${snippet(input.text, call)}: ${found.samples.code} in ${where}` } });
          else {
            // `utils.get_data_loader(train_dataset, ...)` inside `for task, train_dataset in enumerate(datasets):`.
            const passed = call.args.flatMap((a) => (a.value.type === "name" ? [a.value.id] : []));
            const each = passed.map((n) => ({ n, each: loopDatasetLength(forLoops, site, n, (s, e) => evaluateOne(s, e)) })).find((x) => x.each);
            if (each?.each) samples.push({ rank: 44, figure: { value: each.each.value, source: "code", line, detail: `len() of each of the ${each.each.count} datasets of ${snippet(input.text, each.each.list)}, the loop's ${each.n}, that ${snippet(input.text, call)} loads` } });
          }
        }
      }
    }
    // A cast inside a comprehension is of its entries (a state dict saved in fp16), not of the model that trains.
    // `accelerator.autocast()` follows the Accelerator's mixed_precision, read where it is built (accelerator-autocast.ts).
    // One on an attribute the class's `__init__` binds to an Accelerator, read apart from it, takes that Accelerator's
    // literal mixed_precision or none.
    const attributeAccelerator = !precision && last === "autocast" && !site.inComprehension ? acceleratorAttributeAutocast(call, input.text) : undefined;
    if (attributeAccelerator?.precision && !afterTraining(site, trainingRuns)) takePrecision(attributeAccelerator.precision, `${site.callee}() of an Accelerator(mixed_precision="${attributeAccelerator.precision}")`);
    if (!precision && !attributeAccelerator && !site.inComprehension && (last === "autocast" || last === "half" || last === "to" || last === "bfloat16") && !(last === "autocast" && isAcceleratorAutocast(call, sites))) {
      // The step's precision: autocast(dtype=...) (its CUDA default is float16), model.half(), .to(torch.bfloat16).
      const dtypeArgument = last === "autocast" ? keyword("dtype") : last === "to" ? keyword("dtype") ?? positional(0) : undefined;
      const value = dtypeArgument ? evaluateOne(site, dtypeArgument) : undefined;
      const named = value?.kind === "dtype" ? HALF_DTYPES[value.name] : last === "half" ? "fp16" : last === "bfloat16" ? "bf16" : last === "autocast" && !dtypeArgument ? "fp16" : undefined;
      // The conditions are evaluated last, only for a site that names a 16-bit precision: `.to(device)` calls are
      // many, and the plan's whole search shares one time budget.
      if (named && (last !== "autocast" || !autocastOnCpu(call, input.text, (e) => evaluateOne(site, e))) && !afterTraining(site, trainingRuns)) takePrecision(named, `${site.callee}(${dtypeArgument ? snippet(input.text, dtypeArgument) : ""})`, last === "autocast");
    }
    // Ultralytics trains with AMP, float16 autocast, unless amp=False (ultralytics-train.ts).
    if (!precision && ultralytics && last === "train" && isUltralyticsTrain(call) && ultralyticsAmp(call, (e) => evaluateOne(site, e)) === true && !afterTraining(site, trainingRuns)) takePrecision("fp16", `${site.callee}(): Ultralytics' amp=True`, true);
    // A float64 run: a float64 default dtype, Keras' set_floatx("float64"), a network's .double() (float64-precision.ts).
    if (!precision && !site.inComprehension && mayCastToFloat64(last, () => input.text.slice(call.pos.startIndex, call.pos.endIndex))) {
      const detail = float64Setting(last, call, (e) => snippet(input.text, e), (e) => evaluateOne(site, e));
      if (detail && !afterTraining(site, trainingRuns)) takePrecision("fp64", detail);
    }
    if (!precision && last === "from_pretrained" && !site.inComprehension) {
      // transformers loads the weights in torch_dtype (dtype since 4.56): a model loaded in bfloat16 trains in it
      // (huggingface.co/docs/transformers/main_classes/model#model-instantiation-dtype).
      const argument = keyword("torch_dtype") ?? keyword("dtype");
      const value = argument ? evaluateOne(site, argument) : undefined;
      // Unsloth's loaders pick bf16 or fp16 by the GPU where dtype is None (unsloth-load.ts).
      const unsloth = isUnslothLoader(site.callee, input.body) ? unslothLoadPrecision(value, interpreter.cudaDevice?.capability) : undefined;
      const named = unsloth ?? (value?.kind === "dtype" ? HALF_DTYPES[value.name] : undefined);
      // 4-bit weights multiply in their compute dtype (quantized-compute.ts).
      const quantization = named ? undefined : keyword("quantization_config");
      const computed = quantization ? quantizedComputePrecision(evaluateOne(site, quantization)) : undefined;
      const weights = named ? { value: named, detail: unsloth ? `${site.callee}(${argument ? snippet(input.text, argument) : ""}): Unsloth loads the weights in ${named}${argument && value?.kind === "dtype" ? "" : ", its choice for dtype=None on this GPU"}` : `${site.callee}(${snippet(input.text, argument!)})` } : computed ? { value: computed, detail: `${site.callee}(quantization_config=${snippet(input.text, quantization!)}): 4-bit weights computing in ${computed}` } : undefined;
      // A trainer's mixed precision (autocast) casts the matmuls of weights loaded in another dtype to its own
      // (pytorch.org/docs/stable/amp.html: ops on autocast's lower-precision list run in its dtype whatever their
      // inputs'), so the weights' dtype only stands where no other precision is set.
      const reached = weights && !afterTraining(site, trainingRuns) ? "reached" in precisionReached(site, (e) => evaluateOne(site, e), (e) => snippet(input.text, e)) : undefined;
      if (weights && reached) weightPrecision ??= { value: weights.value, line, detail: weights.detail };
      else if (weights && reached === false) takePrecision(weights.value, weights.detail);
    }
    if (takesPacking(last) && keyword("packing") && truth(evaluateOne(site, keyword("packing")!)) === true && runsByDefault(site, (e) => evaluateOne(site, e))) packedRows ??= packedRowsNote(`${site.callee}(...)`, line);
    const argumentsKind = trainingArgumentsKind(last, input.text);
    const framework = argumentsKind ? "TrainingArguments" : last;
    const trainedOn = /Trainer$/.test(last) ? trainerTrainDataset(call) : undefined;
    if (trainedOn) trainerDatasets.push({ site, given: trainedOn });
    // A DataLoader over a DatasetDict's "train" part (`DataLoader(parts["train"], ...)` after `parts =
    // ds.train_test_split(test_size=0.2)`) walks the rows that part keeps, as a trainer's train_dataset does.
    const loaderPart = last === "DataLoader" ? keyword("dataset") ?? positional(0) : undefined;
    if (loaderPart?.type === "subscript" && loaderPart.index.type === "str" && loaderPart.index.value === "train") trainerDatasets.push({ site, given: loaderPart });
    const builtWithoutArgs = /Trainer$/.test(last) ? trainerWithoutArgs(site.callee, call.args.filter((a) => a.kind === "positional").length, !!keyword("args"), input.body) : undefined;
    if (builtWithoutArgs && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // A Hugging Face trainer given no configuration builds one with its defaults (trl-configs.ts): 3 epochs of 8
      // per device; TRL's in bf16.
      const made = builtWithoutArgs === "trl" ? "the TRL config it builds" : "the TrainingArguments it builds";
      for (const [name, into, fallback] of [["num_train_epochs", epochs, 3], ["per_device_train_batch_size", batches, 8]] as const) {
        const figure: PlanFigure = { value: fallback, source: "default", line, detail: `${site.callee}(...) without args: ${made}, TrainingArguments' default ${name}=${fallback} (huggingface.co/docs/transformers)` };
        into.push({ rank: 1, figure });
        if (name === "num_train_epochs") trainingArgumentEpochs.add(figure);
      }
      if (!precision && builtWithoutArgs === "trl" && !afterTraining(site, trainingRuns)) takePrecision("bf16", `${site.callee}(...) without args: ${TRL_BF16_DEFAULT}`);
      const builtConfig = builtWithoutArgs === "trl" ? generatingTrainerConfig(last) : undefined;
      if (builtConfig) generation ??= generationGroups(builtConfig, line, () => undefined);
    }
    // A trainer bound to a name nothing reads afterwards trains nothing (unused-training-arguments.ts).
    if (/Trainer$/.test(last) && keyword("args") && boundValueRead(input.text, site.assignedTo, call.pos.endIndex)) {
      // A Hugging Face trainer's `args=`: the TrainingArguments object the interpreter built (trainer-args-value.ts).
      const given = keyword("args")!;
      const value = trainerArgsFigures(evaluateOne(site, given));
      if (Object.values(value).some((v) => v !== undefined) && runsByDefault(site, (e) => evaluateOne(site, e))) {
        const detail = (name: string, v: number | string) => `${site.callee}(args=${snippet(input.text, given)}): its ${name}=${v}`;
        if (value.steps) hfMaxSteps = true;
        for (const [name, v, into] of [["num_train_epochs", value.epochs, epochs], ["per_device_train_batch_size", value.batch, batches], ["gradient_accumulation_steps", value.accumulation, accumulations], ["max_steps", value.steps, steps]] as const) {
          // transformers' own default (nobody set it) is the weakest reading, as the parser's defaults are.
          if (v === undefined) continue;
          const figure: PlanFigure = v.defaulted ? { value: v.value, source: "default", line, detail: `${detail(name, v.value)}, TrainingArguments' default (huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments)` } : { value: v.value, source: "code", line, detail: detail(name, v.value) };
          into.push({ rank: v.defaulted ? 1 : 45, figure });
          if (name === "num_train_epochs") trainingArgumentEpochs.add(figure);
        }
        if (!precision && value.precision && !afterTraining(site, trainingRuns)) precision = { value: value.precision, line, detail: detail(value.precision, "True") };
      }
    }
    if (!precision && isTrainerFromArgparse(site.callee)) {
      // Lightning 1.x `Trainer.from_argparse_args(args, precision=16)`: the keyword, else the namespace's field.
      const given = lightningTrainerArgument(call, site.callee, "precision", (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      const named = given ? lightningPrecision(given.value) : undefined;
      if (given && named && !afterTraining(site, trainingRuns)) takePrecision(named, given.detail);
    }
    if (!precision && FRAMEWORK_PRECISION[framework] && !(argumentsKind && configuresNoRun(site.assignedTo, call.pos.endIndex))) {
      // A framework's own switch: Lightning's Trainer/Fabric(precision=), Accelerate's Accelerator(mixed_precision=),
      // transformers' TrainingArguments(bf16=True, fp16=True), Keras' mixed-precision policy.
      for (const [name, read] of Object.entries(FRAMEWORK_PRECISION[framework])) {
        const argument = name === "0" ? positional(0) ?? keyword("name") : keyword(name);
        // `set_dtype_policy(FLAGS.mixed_precision_policy)`: an absl flag's default, as the plain run parses it.
        const flagged = argument?.type === "attribute" && /(^|\.)FLAGS$/.test(attributeChain(argument.object)) ? abslDefaults.get(argument.name) : undefined;
        // `amp.initialize(model, opt, **amp_args)`: the keyword from a dict spread into the call, as Python passes it.
        const spread = !argument && name !== "0" ? call.args.find((a) => a.kind === "doublestar" && dictEntry(evaluateOne(site, a.value), name) !== undefined) : undefined;
        const named = argument ? read(evaluateOne(site, flagged ?? argument)) : spread ? read(dictEntry(evaluateOne(site, spread.value), name)) : undefined;
        if (named && !afterTraining(site, trainingRuns)) {
          const given = argument ? `${name === "0" ? "" : `${name}=`}${snippet(input.text, argument)}` : `**${snippet(input.text, spread!.value)} with ${name}`;
          takePrecision(named, `${site.callee}(${given})`);
          break;
        }
      }
    }

    if (!precision && last === "initialize") {
      const apex = apexDefaultPrecision(call, site.callee, input.text, (e) => truth(evaluateOne(site, e)));
      if (apex && !afterTraining(site, trainingRuns)) takePrecision(apex, `${site.callee}(...) without opt_level: apex's default ${APEX_DEFAULT_OPT_LEVEL.level} (nvidia.github.io/apex/amp.html)`);
    }
    if (last === "Accelerator" && keyword("gradient_accumulation_steps")) {
      // Accelerate: `with accelerator.accumulate(model):` steps once every gradient_accumulation_steps batches
      // (huggingface.co/docs/accelerate/usage_guides/gradient_accumulation).
      const every = positiveInteger(evaluateOne(site, keyword("gradient_accumulation_steps")));
      if (every !== undefined) accumulations.push({ rank: 40, figure: { value: every, source: "code", line, detail: `${site.callee}(gradient_accumulation_steps=${snippet(input.text, keyword("gradient_accumulation_steps")!)})` } });
    }
    if ((last === "Trainer" || argumentsKind) && keyword("max_steps") && !(argumentsKind && readOnlyByUnusedTrainers(input.text, input.body, site.assignedTo, call.pos.endIndex))) {
      // Hugging Face and Lightning: max_steps > 0 sets the run's length whatever the epochs say.
      const value = positiveInteger(evaluateOne(site, keyword("max_steps")));
      if (value !== undefined) steps.push({ rank: 40, figure: { value, source: "code", line, detail: `${site.callee}(max_steps=${snippet(input.text, keyword("max_steps")!)})` } });
    }
    if (torchtext && TORCHTEXT_ITERATOR.test(site.callee)) {
      // torchtext's legacy iterators batch a dataset as a DataLoader does: `BucketIterator(train, batch_size=32)`, or
      // `BucketIterator.splits((train, val, test), batch_size=32)` whose first iterator is over the first dataset,
      // the training one (torchtext 0.8 data.Iterator; its batch_size has no default).
      if (!runsByDefault(site, (e) => evaluateOne(site, e))) continue;
      const sizes = last === "splits" ? keyword("batch_sizes") : undefined;
      const size = keyword("batch_size") ?? (last === "splits" ? undefined : positional(1));
      const value = size ? positiveInteger(evaluateOne(site, size)) : sizes ? (([v]) => (v?.kind === "tuple" || v?.kind === "list" ? positiveInteger(v.items[0]) : undefined))([evaluateOne(site, sizes)]) : undefined;
      // `batch_size_fn=` makes batch_size a budget of what that function counts (tokens): no batch of examples.
      const budget = iteratorTokenBudget(call, site.callee, value, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      if (budget) tokenBudget ??= budget;
      const figure: PlanFigure | undefined = value !== undefined && !budget ? { value, source: "code", line, detail: `${site.callee}(${size ? `batch_size=${snippet(input.text, size)}` : `batch_sizes=${snippet(input.text, sizes!)}`})` } : undefined;
      const split = last === "splits" ? { ...site, assignedTo: site.assignedTo.slice(0, 1) } : site;
      loaders.push({ site: split, score: last === "splits" ? loaderScore(split, call) + 2 : loaderScore(site, call), batch: figure });
      continue;
    }
    if (isDeepSpeedInitialize(site.callee) && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // `engine, optimizer, loader, _ = deepspeed.initialize(model=net, training_data=ds, config=cfg)` (deepspeed-config.ts):
      // one process in the plain run.
      // With no config, DeepSpeed reads the file `args.deepspeed_config` names (deepspeed-config-file.ts).
      const args = keyword("config") ?? keyword("config_params") ? undefined : keyword("args");
      const given = keyword("config") ?? keyword("config_params") ?? (args ? { type: "attribute" as const, object: args, name: "deepspeed_config", pos: args.pos } : undefined);
      const configValue = given ? evaluateOne(site, given) : undefined;
      const fileRead = configValue?.kind === "str" && input.files ? readDeepSpeedConfigFile(configValue.value, [dirname(file), ...(input.root ? [input.root] : [])], (p) => input.files!.read(p)) : undefined;
      const configFile = fileRead && "config" in fileRead ? fileRead : undefined;
      // The file joins the run's "config read/missing" notes; one DeepSpeed cannot load says why.
      if (fileRead) deepSpeedFiles.push(fileRead);
      const ds = configValue ? deepSpeedRun(configFile?.config ?? configValue, 1) : undefined;
      // The loader it returns is the run's whether or not its batch can be read: with no config given
      // (`--deepspeed_config` left off) that batch is unknown, not an evaluation loader's.
      const trainingData = keyword("training_data");
      if (ds?.micro === undefined && trainingData && site.assignedTo.length >= 3) {
        loaders.push({ site: { ...site, assignedTo: [site.assignedTo[2]!] }, score: 10, fed: trainingData });
        if (!configValue || configValue.kind === "none") deepSpeedUnconfigured ??= `batch: ${site.callee}(...) (line ${line}) batches its training_data as its DeepSpeed config says, and the plain run names none${args ? ` (${snippet(input.text, args)}.deepspeed_config is None)` : ""}: pass --batch N`;
      }
      if (ds) {
        const shown = `${site.callee}(${args ? `args=${snippet(input.text, args)}` : `config=${snippet(input.text, given!)}`})${configFile ? ` reading ${relativeTo(input.root ?? dirname(configFile.path), configFile.path)}` : ""}`;
        const data = keyword("training_data");
        if (ds.micro !== undefined && data && site.assignedTo.length >= 3) {
          const batch: PlanFigure = { value: ds.micro, source: "code", line, detail: `${shown}: ${ds.detail.micro}, the batch of the training_data loader it returns` };
          loaders.push({ site: { ...site, assignedTo: [site.assignedTo[2]!] }, score: 10, batch, fed: data });
        }
        if (ds.accumulation !== undefined && ds.accumulation > 1) accumulations.push({ rank: 40, figure: { value: ds.accumulation, source: "code", line, detail: `${shown}: ${ds.detail.accumulation}` } });
        if (ds.precision) deepSpeedPrecision ??= { value: ds.precision, line, detail: `${shown}: ${ds.detail.precision}` };
      }
      continue;
    }
    if (/DataLoader$/.test(last) || isPygSampledLoader(last, evaluateOne(site, call.func))) {
      // A loader in a branch the plain run does not take (`elif args.dataset == 'cifar10':`) is not the run's.
      if (!runsByDefault(site, (e) => evaluateOne(site, e))) continue;
      // `batch_sampler=BatchSampler(sampler, batch_size, drop_last)` makes the batches (pytorch.org/docs/stable/data.html).
      const sampler = keyword("batch_size") ?? positional(1) ? undefined : batchSamplerArguments(site, sites);
      const given = keyword("batch_size") ?? positional(1) ?? sampler?.batch;
      const drop = sampler ? sampler.dropLast : keyword("drop_last");
      // `DataLoader(ds, **train_kwargs)`, as pytorch/examples' MNIST passes its batch size.
      const spread = call.args.filter((a) => a.kind === "doublestar").map((a) => a.value);
      const placeholder: Expression = { type: "constant", value: "None", pos: call.pos };
      const [givenValue, dropValue, ...spreadValues] = evaluate(site, [given ?? placeholder, drop ?? placeholder, ...spread]);
      let batch = given ? positiveInteger(givenValue) : undefined;
      let dropLast = drop ? truth(dropValue) : undefined;
      for (const v of spreadValues) {
        batch ??= positiveInteger(dictEntry(v, "batch_size"));
        dropLast ??= truth(dictEntry(v, "drop_last"));
      }
      const figure: PlanFigure | undefined = batch !== undefined
        ? { value: batch, source: "code", line, detail: given ? `${site.callee}(${sampler ? "batch_sampler=...) with batch_size=" : "batch_size="}${snippet(input.text, given)}${sampler ? "" : ")"}` : `${site.callee}(${spread.map((e) => `**${snippet(input.text, e)}`).join(", ")}) with batch_size` }
        // With a batch_sampler the sampler makes the batches, not batch_size (pytorch.org/docs/stable/data.html).
        : !given && spread.length === 0 && !keyword("batch_sampler") && !ownNonTorchLoader(evaluateOne(site, call.func)) ? { value: 1, source: "default", line, detail: "DataLoader's default batch_size=1 (pytorch.org/docs/stable/data.html)" } : undefined;
      // `batch_sampler=EpisodeSampler(labels, ways, shots, episodes)` of the project's own class: its yielded lists are
      // the batches and its len() the steps of a pass (own-batch-sampler.ts).
      const ownSampler = !given && keyword("batch_sampler") ? keyword("batch_sampler")! : undefined;
      const episodes = ownSampler ? ownBatchSamplerEpoch(ownSampler, (e) => evaluate(site, [e])[0]!) : undefined;
      const episodeBatch: PlanFigure | undefined = episodes && episodes.batch !== "unknown" ? { value: episodes.batch, source: "code", line, detail: `len(next(iter(${snippet(input.text, ownSampler!)}))): the indices each batch the loader's batch_sampler yields` } : undefined;
      const unread = !figure && !episodeBatch ? unreadBatchSize(given, givenValue) : undefined;
      loaders.push({ site, score: loaderScore(site, call), batch: figure ?? episodeBatch, dropLast, ...(episodes ? { episodes: { epoch: episodes, given: ownSampler! } } : {}), ...(unread ? { unread } : {}) });
      for (const n of site.assignedTo) knownLoaders.set(n, { batch: figure?.value, dropLast });
      if (batchesWholeDataset(call, (e) => snippet(input.text, e))) for (const n of site.assignedTo) wholeLoaders.add(n);
      continue;
    }
    if (isLightningCli(site.callee, input.text) || (/CLI$/.test(last) && derivesFromLightningCli(evaluateOne(site, call.func), (f) => interpreter.loader.moduleBody?.(f)))) {
      // LightningCLI's Trainer (or a workspace subclass's, named for one: `RichCLI`): `trainer_defaults` over the
      // Trainer's own (lightning-cli.ts).
      for (const name of site.assignedTo) lightningClis.add(name);
      // With run=False the CLI only builds its objects: the run is the script's `cli.trainer.fit(...)`, and a script
      // that never fits its trainer (one that only tunes the learning rate or batch size) trains nothing.
      const runArgument = keyword("run");
      if (runArgument && truth(evaluateOne(site, runArgument)) === false && !site.assignedTo.some((n) => new RegExp(`\\b${n}\\.trainer\\.fit\\s*\\(`).test(input.text))) continue;
      const given = keyword("trainer_defaults");
      const ownDefaults = cliTrainerDefaults(given ? evaluateOne(site, given) : undefined);
      // The YAML files the CLI reads by default (`parser_kwargs={"default_config_files": [...]}`); with none, the one
      // config file of the workspace, which the command line must name for the CLI to build its classes.
      const kwargs = keyword("parser_kwargs");
      const paths = kwargs ? cliDefaultConfigFiles(evaluateOne(site, kwargs)) : [];
      const defaultFiles = readCliConfigFiles(paths, [dirname(file), ...(input.root ? [input.root] : [])], (p) => input.files?.read(p)).map((f) => ({ path: f.path, trainer: cliConfigTrainer(f.text), said: `${site.callee}'s default config file ${f.path}` }));
      const sole = paths.length === 0 && input.files ? soleCliConfigFile(dirname(file), input.root, input.files) : undefined;
      const fromFiles = sole ? [{ path: sole.path, trainer: cliConfigTrainer(sole.text), said: `the workspace's one LightningCLI config file, ${input.root ? relativeTo(input.root, sole.path) : sole.path}, which the command line gives ${site.callee} (-c)` }] : defaultFiles;
      const defaults = fromFiles.reduce((under, f) => overTrainerDefaults(under, f.trainer), ownDefaults);
      const shown = (v: Value) => (v.kind === "str" ? JSON.stringify(v.value) : v.kind === "int" || v.kind === "float" ? v.value : "...");
      const detail = (name: string, v: Value) => {
        const from = [...fromFiles].reverse().find((f) => f.trainer[TRAINER_KEYS[name]] === v);
        return from ? `${from.said}: trainer.${name}: ${shown(v)}` : `${site.callee}(trainer_defaults={"${name}": ${shown(v)}})`;
      };
      const count = positiveInteger(defaults.maxEpochs);
      const maxSteps = positiveInteger(defaults.maxSteps);
      if (count !== undefined) epochs.push({ rank: 40, figure: { value: count, source: "code", line, detail: detail("max_epochs", defaults.maxEpochs!) } });
      else if (maxSteps === undefined) epochs.push({ rank: 1, figure: { value: 1000, source: "default", line, detail: "Lightning Trainer's default max_epochs=1000 when neither max_epochs nor max_steps is given (lightning.ai/docs/pytorch/stable/common/trainer.html), under LightningCLI with no config" } });
      if (maxSteps !== undefined) steps.push({ rank: 40, figure: { value: maxSteps, source: "code", line, detail: detail("max_steps", defaults.maxSteps!) } });
      const every = positiveInteger(defaults.accumulateGradBatches);
      if (every !== undefined) accumulations.push({ rank: 40, figure: { value: every, source: "code", line, detail: detail("accumulate_grad_batches", defaults.accumulateGradBatches!) } });
      const named = lightningPrecision(defaults.precision);
      if (!precision && named && runsByDefault(site, (e) => evaluateOne(site, e))) precision = { value: named, line, detail: detail("precision", defaults.precision!) };
      const limit = batchLimit(defaults.limitTrainBatches);
      if (limit && runsByDefault(site, (e) => evaluateOne(site, e))) trainBatchLimit ??= { limit, line, detail: detail("limit_train_batches", defaults.limitTrainBatches!) };
      continue;
    }
    if (fastai && site.callee === "DataLoaders" && call.func.type === "name") {
      // fastai's `DataLoaders(train_dl, valid_dl)` wraps loaders the script built; its first is the one a Learner's
      // fit walks (docs.fast.ai/data.core.html#dataloaders), as it is bound where the call is (walked-binding.ts).
      const handed = positionalArgument(call, 0);
      if (handed?.type === "name") {
        stepWalked.add(handed.id);
        if (site.context.fn === undefined) walkedAt.push({ name: handed.id, start: call.pos.startIndex });
      }
      continue;
    }
    if (fastai && call.func.type === "attribute" && (isFastaiFit(last) || isFastaiLoaders(site.callee, last) || fastaiPrecision(last))) {
      // fastai's Learner (fastai-learner.ts): its fit methods' epochs, its DataLoaders' bs, to_fp16().
      if (ownMethod(evaluateOne(site, call.func))) continue;
      const show = (e: Expression) => snippet(input.text, e);
      if (fastaiPrecision(last)) {
        if (!precision && !afterTraining(site, trainingRuns)) takePrecision(fastaiPrecision(last)!, `${site.callee}()`);
        continue;
      }
      if (!runsByDefault(site, (e) => evaluateOne(site, e))) continue;
      if (isFastaiFit(last)) {
        const run = fastaiFitEpochs(call, last, (e) => evaluateOne(site, e), show);
        const receiver = call.func.object.type === "name" ? call.func.object.id : undefined;
        const local = receiver !== undefined && site.context.fn !== undefined && isLocalTo(site.context.fn, receiver);
        if (run) fastaiFits.push({ figure: { value: run.value, source: "code", line, detail: `${site.callee}: ${run.detail}` }, receiver, local, line: call.pos.line });
      } else {
        const batch = fastaiLoadersBatch(call, site.callee, (e) => evaluateOne(site, e), show);
        if (batch) {
          const figure: PlanFigure = { value: batch.value, source: batch.defaulted ? "default" : "code", line, detail: batch.detail };
          batches.push({ rank: batch.defaulted ? 2 : 45, figure });
          builtLoaders.set(figure, true);
          fastaiLoaderFigures.set(figure, call.pos.line);
        }
        // `untar_data(URLs.PETS)` and fastai's splitter: the images the training loader draws from (fastai-datasets.ts).
        const assigned = (name: string, at = call.pos.startIndex) => sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(name) && x.call.pos.startIndex < at && (x.context.fn === site.context.fn || x.context.fn === undefined)).pop()?.call;
        // At the module's level a site's context keeps only rebound names' statements: the module's own run before it.
        const before = site.context.fn ? site.context.before : input.body.filter((s) => s.pos.endIndex <= call.pos.startIndex);
        const part = fastaiTrainingSamples(call, last, { assigned, before, evaluate: (e) => evaluateOne(site, e), snippet: show });
        if (part) {
          const figure: PlanFigure = { value: part.value, source: "dataset table", line, detail: `${site.callee}: ${part.detail}` };
          samples.push({ rank: 45, figure });
          fastaiLoaderFigures.set(figure, call.pos.line);
        }
      }
      continue;
    }
    if (openmmlab && (last === "train" || mmTrainConfig(site.callee, call))) {
      // OpenMMLab: `train_detector(model, datasets, cfg)` (mmcv 1.x task libraries) or `Runner.from_cfg(cfg).train()`
      // (mmengine) run the config's runner (mm-runner.ts); a function of the project's own is read as code instead.
      let cfg = mmTrainConfig(site.callee, call);
      const boundBefore = (name: string, at: number) => sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(name) && x.call.pos.startIndex < at && (x.context.fn === site.context.fn || x.context.fn === undefined)).pop()?.call;
      const receiver = call.func.type === "attribute" && call.args.length === 0 ? call.func.object : undefined;
      const built = receiver?.type === "name" ? boundBefore(receiver.id, call.pos.startIndex) : receiver?.type === "call" ? receiver : undefined;
      if (!cfg && built && built.func.type === "attribute" && built.func.name === "from_cfg") cfg = positionalArgument(built, 0) ?? keywordArgument(built, "cfg");
      const value = cfg ? evaluateOne(site, cfg) : undefined;
      const fromConfig = cfg && value?.kind === "instance" && /(^|\.)Config$/.test(value.cls.name);
      // mmengine's Runner built from keywords, the config's keys (`Runner(train_dataloader=dict(...), train_cfg=...)`).
      const fromKeywords = !fromConfig && built && buildsMmRunner(built) ? mmRunnerKeywordFigures(built, (e) => evaluateOne(site, e), (name) => boundBefore(name, built.pos.startIndex)) : undefined;
      // mmengine's own examples import it from the workspace that holds its source: its Runner is still the library's.
      const libraryRunner = fromKeywords !== undefined && isMmengineClass(evaluateOne(site, built!.func));
      if ((fromConfig || fromKeywords) && (libraryRunner || !ownMethod(evaluateOne(site, call.func))) && runsByDefault(site, (e) => evaluateOne(site, e))) {
        const run = fromKeywords ? fromKeywords.run : mmRunFigures(cfg!, (e) => evaluateOne(site, e), snippet(input.text, cfg!));
        const figure = (f: { value: number; detail: string }): PlanFigure => ({ value: f.value, source: "code", line, detail: f.detail });
        if (run.epochs) epochs.push({ rank: 40, figure: figure(run.epochs) });
        if (run.steps) steps.push({ rank: 40, figure: figure(run.steps) });
        if (run.batch) batches.push({ rank: 40, figure: figure(run.batch) });
        if (run.precision && !precision) takePrecision(run.precision.value, run.precision.detail);
        // Its train_dataloader `dict(batch_size=32, dataset=train_set, ...)` is the run's loader: Runner builds it.
        const loaderSite = fromKeywords?.loader ? sites.find((x): x is CallSite => x.kind === "call" && x.call === fromKeywords.loader) : undefined;
        if (loaderSite) loaders.push({ site: loaderSite, score: 10, batch: run.batch ? figure(run.batch) : undefined });
        continue;
      }
    }
    if (detectron && last === "train" && call.func.type === "attribute" && call.args.length === 0) {
      // detectron2: `DefaultTrainer(cfg).train()` runs the config's SOLVER.MAX_ITER steps at IMS_PER_BATCH images a
      // batch (detectron2-trainer.ts).
      const receiver = call.func.object;
      const built = receiver.type === "name" ? sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(receiver.id) && x.call.pos.startIndex < call.pos.startIndex && x.context.fn === site.context.fn).pop()?.call : receiver.type === "call" ? receiver : undefined;
      if (built && buildsDefaultTrainer(built, input.body) && runsByDefault(site, (e) => evaluateOne(site, e))) {
        const run = detectron2Run(built, { body: site.context.fn?.body ?? input.body, fn: site.context.fn }, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
        const figure = (f: { value: number; detail: string; defaulted?: boolean }): PlanFigure => ({ value: f.value, source: f.defaulted ? "default" : "code", line, detail: f.detail });
        if (run.steps) steps.push({ rank: run.steps.defaulted ? 1 : 40, figure: figure(run.steps) });
        if (run.batch) batches.push({ rank: run.batch.defaulted ? 1 : 40, figure: figure(run.batch) });
        if (run.precision && !precision) takePrecision(run.precision.value, run.precision.detail);
        continue;
      }
    }
    if (ignite && last === "run" && call.func.type === "attribute" && call.func.object.type === "name") {
      // Ignite: `trainer.run(loader, max_epochs=N, epoch_length=M)` of a training engine (ignite-engine.ts).
      const receiver = call.func.object.id;
      const built = sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(receiver) && x.call.pos.startIndex < call.pos.startIndex && (x.context.fn === site.context.fn || x.context.fn === undefined)).pop();
      if (!built || !(buildsIgniteTrainer(built.call, input.body, input.text) || returnsIgniteTrainer(built.call, input.body, input.text)) || !runsByDefault(site, (e) => evaluateOne(site, e))) continue;
      const run = igniteRun(call, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      if (run.epochs) epochs.push({ rank: run.epochs.defaulted ? 1 : 40, figure: { value: run.epochs.value, source: run.epochs.defaulted ? "default" : "code", line, detail: run.epochs.detail } });
      if (run.epochs && run.perEpoch) steps.push({ rank: 40, figure: { value: run.epochs.value * run.perEpoch.value, source: "code", line, detail: `${run.epochs.detail} × ${run.perEpoch.detail}` } });
      // `trainer.run(batch_generator(buffer, initial, batch_size))`: Engine.run passes each item of its data to the
      // process function as the batch, so a generator of the project's own makes batches of the size its call binds.
      const data = positionalArgument(call, 0) ?? keywordArgument(call, "data");
      const generated = data?.type === "call" ? generatorCallBatch(data, evaluateOne(site, data.func), (e) => evaluateOne(site, e), (e) => snippet(input.text, e)) : undefined;
      if (generated) batches.push({ rank: 45, figure: { value: generated.value, source: "code", line, detail: generated.detail } });
      continue;
    }
    if (trials && (last === "with_generators" || last === "with_train_generator")) {
      // The loader a Trial is handed is walked where the call is: a name bound again before it (a display loader of
      // batch 4, then the training one) hands the latest binding (walked-binding.ts).
      const handed = trialTrainGenerator(call);
      if (handed?.type === "name") {
        stepWalked.add(handed.id);
        if (site.context.fn === undefined) walkedAt.push({ name: handed.id, start: call.pos.startIndex });
      }
      continue;
    }
    if (trials && last === "run" && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // torchbearer: `trial.run(epochs=N)` of a Trial (torchbearer-trial.ts).
      const run = trialRunEpochs(call, trials, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      if (run) {
        const figure: PlanFigure = { value: run.value, source: run.defaulted ? "default" : "code", line, detail: run.detail };
        trialEpochs.add(figure);
        epochs.push({ rank: run.defaulted ? 1 : 40, figure });
        continue;
      }
    }
    if (catalyst && last === "train" && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // Catalyst: `runner.train(loaders=..., num_epochs=N)` (catalyst-runner.ts).
      const run = catalystTrainEpochs(call, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      if (run) epochs.push({ rank: run.defaulted ? 1 : 40, figure: { value: run.value, source: run.defaulted ? "default" : "code", line, detail: run.detail } });
    }
    if (trlPpo && last === "PPOTrainer" && !ppoRun && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // TRL's classic PPO: the loop over the trainer's dataloader is a pass over the dataset, in PPOConfig's batches
      // (trl-ppo.ts).
      const run = classicPpoRun(call, site.assignedTo, input.body, (e) => evaluateOne(site, e));
      if (run) {
        ppoRun = run;
        trainerDatasets.push({ site, given: run.dataset });
        const config = snippet(input.text, keyword("config") ?? positional(0)!);
        if (run.batch !== undefined) batches.push({ rank: 45, figure: { value: run.batch, source: "code", line, detail: `${config}.mini_batch_size=${run.batch}: the rows of each forward and backward pass of ${site.assignedTo[0]}.step (TRL's PPO; its dataloader gives batch_size=${run.rollout ?? "?"} a step)` } });
        if (run.accumulation !== undefined && run.accumulation > 1) accumulations.push({ rank: 45, figure: { value: run.accumulation, source: "code", line, detail: `${config}.gradient_accumulation_steps=${run.accumulation}` } });
        // One pass, unless the loop runs inside another (an epoch loop the plan counts, or a `while` it cannot).
        if (!run.nested) epochs.push({ rank: 5, figure: { value: 1, source: "code", line: run.loop.pos.line, detail: `one pass of for ... in ${snippet(input.text, run.loop.iter)}` } });
      }
    }
    if (accelerated && last === "train" && call.func.type === "attribute" && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // pytorch-accelerated: `trainer.train(train_dataset, num_epochs=N, per_device_batch_size=B)` (accelerated-trainer.ts).
      const run = acceleratedTrain(call, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      if (run) {
        const figure = (f: { value: number; defaulted: boolean; detail: string }): PlanFigure => ({ value: f.value, source: f.defaulted ? "default" : "code", line, detail: f.detail });
        if (run.epochs) epochs.push({ rank: 40, figure: figure(run.epochs) });
        if (run.batch) batches.push({ rank: run.batch.defaulted ? 2 : 40, figure: figure(run.batch) });
        if (run.accumulation) accumulations.push({ rank: 40, figure: figure(run.accumulation) });
        if (run.maxSteps) steps.push({ rank: 40, figure: figure(run.maxSteps) });
        continue;
      }
    }
    if (ultralytics && last === "train" && isUltralyticsTrain(call) && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // Ultralytics: `YOLO(...).train(data=..., epochs=N, batch=B)`, its defaults from default.yaml (ultralytics-train.ts).
      const run = ultralyticsTrain(call, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      const figure = (f: { value: number; defaulted: boolean; detail: string }): PlanFigure => ({ value: f.value, source: f.defaulted ? "default" : "code", line, detail: f.detail });
      if (run.epochs) epochs.push({ rank: run.epochs.defaulted ? 1 : 40, figure: figure(run.epochs) });
      if (run.batch) batches.push({ rank: run.batch.defaulted ? 2 : 40, figure: figure(run.batch) });
      continue;
    }
    if (last === "learn" && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // Stable-Baselines3: `PPO("MlpPolicy", env).learn(total_timesteps=N)`, its loop's gradient steps from the
      // algorithm's settings (stable-baselines3-learn.ts). Not gated on the file's imports: a script may train an
      // algorithm another project file imports (`model = main.PPO(...)`).
      const run = stableBaselines3Learn(call, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      if (run) {
        // learn() in counted loops (`for i in range(10): model.learn(T, reset_num_timesteps=False)`) trains T more
        // timesteps a turn; in a `while` or a loop of unstated length, its turns are not known.
        const around = loopsAroundCall(call, input.body, input.text);
        const turns = around && around.loops.length > 0 ? turnsAround(call, true) : undefined;
        const repeated = !around || (around.loops.length > 0 && !turns);
        if (run.steps && !repeated) steps.push({ rank: 40, figure: { value: run.steps.value * (turns?.value ?? 1), source: "code", line, detail: turns ? `${turns.detail}: ${turns.value} × ${run.steps.detail}` : run.steps.detail } });
        if (run.batch) batches.push({ rank: 40, figure: { value: run.batch.value, source: "code", line, detail: run.batch.detail } });
        if (run.note) learnNotes.push(run.note);
        if (run.steps && repeated) learnNotes.push(`steps: ${snippet(input.text, call)} runs in a loop whose turns the code does not state (a while loop, or one over data of unknown length), so the run's steps are not known`);
        continue;
      }
    }
    if (segmentationKeras && last === "train" && call.func.type === "attribute" && runsByDefault(site, (e) => evaluateOne(site, e))) {
      // image-segmentation-keras: `model.train(train_images=..., epochs=N)` fits for N epochs of steps_per_epoch
      // batches of batch_size (segmentation-keras-train.ts).
      const run = segmentationKerasTrain(call, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      if (run) {
        const figure = (f: { value: number; defaulted: boolean; detail: string }): PlanFigure => ({ value: f.value, source: f.defaulted ? "default" : "code", line, detail: f.detail });
        if (run.epochs) epochs.push({ rank: run.epochs.defaulted ? 1 : 40, figure: figure(run.epochs) });
        if (run.batch) batches.push({ rank: run.batch.defaulted ? 2 : 40, figure: figure(run.batch) });
        if (run.epochs && run.perEpoch) steps.push({ rank: 40, figure: { value: run.epochs.value * run.perEpoch.value, source: "code", line, detail: `${run.epochs.detail} × ${run.perEpoch.detail}` } });
        continue;
      }
    }
    // A Keras Tuner's `search(...)` fits a model a trial with the same arguments (keras-tuner-search.ts).
    const tuner = last === "search" && call.func.type === "attribute" && call.func.object.type === "name" ? (tuners ??= kerasTuners(input.body, input.text)).get(call.func.object.id) : undefined;
    const searchTrials = tuner ? searchFits(tuner, (e) => evaluateOne(site, e)) : undefined;
    if ((last === "fit" || last === "fit_generator" || searchTrials) && call.func.type === "attribute") {
      // Lightning's `trainer.fit(model, data)` is not Keras': its epochs and batch are the Trainer's and the loader's.
      if (call.func.object.type === "name" && lightningTrainers.has(call.func.object.id)) continue;
      // Nor one whose Trainer another project file built and returned (returned-lightning-trainer.ts).
      if (call.func.object.type === "name" && boundFromLightningTrainerFactory(input.body, call.func.object.id, (e) => evaluateOne(site, e), (f) => interpreter.loader.moduleBody?.(f))) continue;
      // Nor is a LightningCLI's `cli.trainer.fit(...)`, nor a fit given what only Lightning's takes (Keras' fit has
      // no model, datamodule or train_dataloaders parameter: keras.io/api/models/model_training_apis).
      if (isCliTrainerFit(attributeChain(call.func.object), lightningClis) || ["model", "datamodule", "train_dataloaders", "ckpt_path"].some((name) => keyword(name))) continue;
      // Nor is a method the project's own class defines (`trainer.fit()` of a workspace Trainer): its loops are read.
      if (ownMethod(evaluateOne(site, call.func))) continue;
      // Nor `self.fit(...)` in a class that defines fit itself, where the analyzer holds no instance (self-method-calls.ts).
      if (callsOwnMethodOnSelf(input.body, site.context.fn, call)) continue;
      // Nor a scikit-learn-API estimator's (`encoder.fit(Y)`), nor a Keras wrapper's, read below (sklearn-wrapper.ts).
      if (estimatorFit(site, sites, input.body, input.text)) continue;
      // Nor one whose estimator a function of another project file built and returned (returned-estimator.ts).
      if (call.func.object.type === "name" && boundFromEstimatorFactory(input.body, call.func.object.id, (e) => evaluateOne(site, e), (f) => interpreter.loader.moduleBody?.(f))) continue;
      // Nor an ImageDataGenerator's statistics fit (`datagen.fit(x_train)`, image-data-generator.ts).
      if (imageGeneratorFit(site, sites, input.body)) continue;
      // Nor any fit of a file that imports skorch and not Keras (skorch-net.ts).
      if ((skorchWithoutKeras ??= importsSkorchWithoutKeras(input.body))) continue;
      // Nor a fit given nothing to train on: Keras' Model.fit needs its x (None finds no data adapter and raises), so
      // `trainer.fit()` of an object a config library builds (mlconfig's `cfg.trainer(...)`) is that object's own loop.
      if (call.args.length === 0) continue;
      // A fit in a branch the plain run does not take (`if not data_augmentation: model.fit(...)`) is not the run's.
      if (!runsByDefault(site, (e) => evaluateOne(site, e))) continue;
      // Nor a fit in a function the file never calls, beside one it does (unreached-fits.ts).
      if (!input.nested && unreachedBesideReachedFit(site, sites, input.body, input.text)) continue;
      kerasFitSites.push(site);
      // fit(x, y, batch_size, epochs, ...); Keras 1 named epochs nb_epoch; fit_generator(generator, steps_per_epoch,
      // epochs, ...) takes its batches from the generator (keras.io/2.0/models/model, keras.io/1.2/models/model).
      const generator = last === "fit_generator";
      // `batch_size=None` is fit's default: 32 for arrays (keras.io/api/models/model_training_apis).
      // tflearn's DNN.fit(X, Y, n_epoch=10, ...) names its epochs n_epoch, third (tflearn-dnn.ts).
      const tflearn = fitsTflearnModel(call, input.body);
      const givenBatch = generator ? undefined : tflearn ? keyword("batch_size") : keyword("batch_size") ?? positional(2);
      const batchArgument = givenBatch?.type === "constant" && givenBatch.value === "None" ? undefined : givenBatch;
      const epochsName = tflearn ? "n_epoch" : keyword("epochs") ? "epochs" : keyword("nb_epoch") ? "nb_epoch" : "epochs";
      const epochsArgument = tflearn ? keyword("n_epoch") ?? positional(2) : keyword("epochs") ?? keyword("nb_epoch") ?? positional(generator ? 2 : 3);
      const perEpochArgument = keyword("steps_per_epoch") ?? (generator ? positional(1) : undefined);
      const split = keyword("validation_split");
      const placeholder: Expression = { type: "constant", value: "None", pos: call.pos };
      // initial_epoch=I: training resumes at epoch I and stops at `epochs`, so it runs epochs - I (keras.io/api/models/model_training_apis).
      const initialArgument = keyword("initial_epoch");
      const [batchValue, epochsValue, splitValue, perEpochValue, initialValue] = evaluate(site, [batchArgument, epochsArgument, split, perEpochArgument, initialArgument].map((e) => e ?? placeholder));
      const batch = batchArgument ? positiveInteger(batchValue) : undefined;
      const initial = initialArgument ? positiveOrZero(initialValue) ?? historyEpochValue(initialArgument, fitHistories) : 0;
      const stop = epochsArgument ? positiveInteger(epochsValue) : undefined;
      // A fit inside counted loops of its function (`for train_idx, val_idx in skf.split(x, y):`, `for run in range(3):`)
      // runs once a turn: its epochs and steps times the turns. A loop of unstated length leaves the fit's own figures.
      // A fit per batch of a loop that walks them (fit-per-batch.ts): the loops around that one are the turns.
      const batchLoop = generator ? undefined : batchLoopOfFit(call, positional(0) ?? keyword("x"), site.context.fn, forLoops)?.loop;
      const loopTurns = fitTurns(site, batchLoop);
      const turns = searchTrials ? { value: (loopTurns?.value ?? 1) * searchTrials.value, detail: loopTurns ? `${loopTurns.detail} × ${searchTrials.detail}` : searchTrials.detail } : loopTurns;
      // A fit in a `while True:` nothing leaves runs until the kernel is stopped: no epoch count (endless-iteration.ts).
      const forever = whileLoops.find((w) => runsForever(w) && w.pos.startIndex < call.pos.startIndex && call.pos.endIndex <= w.pos.endIndex && sites.some((x) => x.kind === "while" && x.loop === w && x.context.fn === site.context.fn));
      if (forever) endlessFit ??= `${site.callee}(...) (line ${line}) runs in a \`while True:\` loop that nothing leaves (line ${forever.pos.line}): the run has no end, so its epochs and steps are not counted`;
      if (stop !== undefined && initial !== undefined && !turns) for (const name of site.assignedTo) fitHistories.push({ name, stop, initial });
      const once = stop !== undefined && initial !== undefined && stop > initial ? stop - initial : undefined;
      const count = once !== undefined && turns ? once * turns.value : once;
      const fitRecord = count !== undefined && call.func.object.type === "name" ? { receiver: call.func.object.id, scope: site.context.fn && isLocalTo(site.context.fn, call.func.object.id) ? site.context.fn : undefined, epochs: count, line, code: `${site.callee}(${epochsName}=${snippet(input.text, epochsArgument!)}${initial ? `, initial_epoch=${initial}` : ""})` } as (typeof kerasFits)[number] : undefined;
      if (fitRecord && batch !== undefined) fitRecord.batch = batch;
      // Its own steps, where its arrays' rows are known: fits in turn on different arrays (all rows, then a slice)
      // each make ceil(rows kept / batch) steps an epoch (Keras keeps the first 1 - validation_split of the rows).
      const ownRows = fitRecord && !perEpochArgument && !generator ? leadingDimension(evaluateOne(site, positional(0) ?? keyword("x") ?? placeholder)) : undefined;
      const fitSplit = split ? (splitValue?.kind === "float" ? splitValue.value : undefined) : 0;
      const fitBatch = batch ?? (batchArgument ? undefined : 32);
      if (fitRecord && ownRows !== undefined && fitSplit !== undefined && fitBatch !== undefined && Math.floor(ownRows * (1 - fitSplit)) > 0) fitRecord.steps = count! * Math.ceil(Math.floor(ownRows * (1 - fitSplit)) / fitBatch);
      if (fitRecord && !forever) kerasFits.push(fitRecord);
      if (batch !== undefined) batches.push({ rank: 40, figure: { value: batch, source: "code", line, detail: `${site.callee}(batch_size=${snippet(input.text, batchArgument!)})` } });
      else if (!batchArgument && !generator && !tflearn && takesFitDefaultBatch(Boolean(positional(1) ?? keyword("y")), evaluateOne(site, positional(0) ?? keyword("x") ?? placeholder))) {
        // With steps_per_epoch the arrays are split into that many batches, not into batches of 32 (fit-steps-batch.ts).
        if (perEpochArgument && !(perEpochArgument.type === "constant" && perEpochArgument.value === "None")) stepsSplitFit ??= { steps: positiveInteger(perEpochValue), line, code: `${site.callee}(steps_per_epoch=${snippet(input.text, perEpochArgument)})` };
        // Arrays and targets with no batch_size train in batches of 32, whatever a constant named batch_size sizes
        // (`x_batch = loader.get_batch(batch_size)`): the default outranks such a constant (rank 10), not code's.
        else {
          // Arrays of fewer rows than 32 train as one batch of them (few-row-fit.ts).
          const xArray = positional(0) ?? keyword("x");
          const yArray = positional(1) ?? keyword("y");
          const few = fewRowFitBatch(xArray ? evaluateOne(site, xArray) : undefined, yArray ? evaluateOne(site, yArray) : undefined, 32);
          batches.push({ rank: 11, figure: few !== undefined ? { value: few, source: "code", line, detail: `Keras Model.fit's default batch_size=32 over ${few} row${few === 1 ? "" : "s"}: one batch of them (keras.io/api/models/model_training_apis)` } : { value: 32, source: "default", line, detail: "Keras Model.fit's default batch_size=32 (keras.io/api/models/model_training_apis)" } });
        }
      }
      else if (!batchArgument) batchFromData ??= { line, detail: `${snippet(input.text, call)} trains on data that makes its own batches (a dataset, generator or Sequence: Keras fit takes no batch_size for it), and the code does not show their size` };
      const turnsDetail = turns ? `${turns.detail} × ` : "";
      // No epochs where the loop around the fit never ends.
      if (!forever && count !== undefined) epochs.push({ rank: 40, figure: { value: count, source: "code", line, detail: `${turnsDetail}${site.callee}(${epochsName}=${snippet(input.text, epochsArgument!)}${initial ? `, initial_epoch=${initial}` : ""})` } });
      else if (!forever && !epochsArgument && tflearn) epochs.push({ rank: 1, figure: { value: (turns?.value ?? 1) * TFLEARN_DEFAULT_EPOCHS, source: "default", line, detail: `${turnsDetail}tflearn DNN.fit's default n_epoch=${TFLEARN_DEFAULT_EPOCHS} (tflearn/models/dnn.py)` } });
      else if (!forever && !epochsArgument) epochs.push({ rank: 1, figure: { value: turns?.value ?? 1, source: turns ? "code" : "default", line, detail: `${turnsDetail}Keras Model.fit's default epochs=1 (keras.io/api/models/model_training_apis)` } });
      const perEpoch = perEpochArgument ? positiveInteger(perEpochValue) : undefined;
      const runEpochs = count ?? (epochsArgument ? undefined : turns?.value ?? 1);
      if (perEpoch !== undefined && runEpochs !== undefined && !forever) {
        // steps_per_epoch sets each epoch's length whatever the data's size.
        steps.push({ rank: 40, figure: { value: runEpochs * perEpoch, source: "code", line, detail: `${site.callee}(steps_per_epoch=${snippet(input.text, perEpochArgument!)}, ${epochsName}=${epochsArgument ? snippet(input.text, epochsArgument) : "1"})` } });
        if (fitRecord) fitRecord.steps = runEpochs * perEpoch;
      }
      // A loop whose variable is fit's batch_size or validation_split: each turn's steps with its own item (fit-per-turn.ts).
      const turnArgument = [batchArgument, split].find((e) => e?.type === "name" && forLoops.some((l) => l.variable === e.id));
      const turnLoop = turnArgument?.type === "name" ? forLoops.find((l) => l.variable === turnArgument.id && l.loop.pos.startIndex < call.pos.startIndex && call.pos.endIndex <= l.loop.pos.endIndex && l.context.fn === site.context.fn) : undefined;
      const turnItems = turnLoop ? evaluateOne(turnLoop, turnLoop.loop.iter) : undefined;
      const turnRows = turnLoop ? leadingDimension(evaluateOne(site, positional(0) ?? keyword("x") ?? placeholder)) : undefined;
      if (turnLoop && turns && once !== undefined && perEpochArgument === undefined && turnRows !== undefined && (turnItems?.kind === "list" || turnItems?.kind === "tuple") && turnItems.items.length === turns.value) {
        const fixedSplit = split && turnArgument !== split ? (splitValue?.kind === "float" ? splitValue.value : undefined) : 0;
        const total = fixedSplit === undefined ? undefined : perTurnFitSteps(turnItems.items, turnArgument === batchArgument ? "batch" : "split", turnRows, once, batch ?? 32, fixedSplit);
        if (total !== undefined) steps.push({ rank: 40, figure: { value: total, source: "code", line, detail: `${turns.detail} × ${site.callee}(${snippet(input.text, turnArgument!)}=each item of ${snippet(input.text, turnLoop.loop.iter)}): each turn's batches of ${turnRows} rows` } });
      }
      // A keras.utils.Sequence (an object with __len__ and __getitem__, each item a whole batch): fit takes no batch_size
      // for it, and an epoch without steps_per_epoch runs len() of its batches (keras.io/api/models/model_training_apis,
      // keras.io/api/utils/python_utils: Sequence).
      const fed = positional(0) ?? keyword("x") ?? keyword("generator");
      const sequence = fed ? evaluateOne(site, fed) : undefined;
      const fedPipeline = tfDataPipeline(sequence);
      if (fed && fedPipeline) pipelineFigures(fedPipeline, snippet(input.text, fed), line);
      // `ds.batch(b).repeat()` bounded by steps_per_epoch: the data one pass yields is still the data set's rows.
      if (fed && fedPipeline?.passes === "forever" && fedPipeline.endlessTaken === undefined && perEpoch !== undefined && fedPipeline.elements !== undefined && fedPipeline.elements > 0) {
        samples.push({ rank: 44, figure: { value: fedPipeline.elements, source: "code", line, detail: `${snippet(input.text, fed)}: a tf.data pipeline of ${fedPipeline.elements} elements a pass, repeated without end, steps_per_epoch bounding each epoch` } });
      }
      // fit walks `ds.repeat().take(n)` to its end each epoch: n batches an epoch, as steps_per_epoch=n would run.
      const takenPerEpoch = fedPipeline?.batch !== undefined ? fedPipeline.endlessTaken : undefined;
      if (fed && takenPerEpoch !== undefined && perEpoch === undefined && runEpochs !== undefined) {
        steps.push({ rank: 40, figure: { value: runEpochs * takenPerEpoch, source: "code", line, detail: `${site.callee}(${snippet(input.text, fed)}, ${epochsName}=${epochsArgument ? snippet(input.text, epochsArgument) : "1"}): ${takenPerEpoch} batches an epoch, taken from data repeated without end` } });
        if (fitRecord) fitRecord.steps = runEpochs * takenPerEpoch;
      }
      // fit walks a counted `repeat(k)` to its end each epoch: k passes of the data, batched as the chain says (tf-data.ts).
      const repeated = fed && fedPipeline && perEpoch === undefined && runEpochs !== undefined ? repeatedIteration(fedPipeline) : undefined;
      if (fed && repeated) {
        const code = snippet(input.text, fed);
        samples.push({ rank: 44, figure: { value: repeated.elements, source: "code", line, detail: `${code}: a tf.data pipeline of ${fedPipeline!.elements} elements a pass, repeated ${repeated.passes} times, each epoch walking every pass` } });
        steps.push({ rank: 40, figure: { value: runEpochs! * repeated.batches, source: "code", line, detail: `${site.callee}(${code}, ${epochsName}=${epochsArgument ? snippet(input.text, epochsArgument) : "1"}): ${repeated.batches} batches an epoch, ${repeated.passes} passes of ${fedPipeline!.elements} elements in batches of ${fedPipeline!.batch}` } });
        if (fitRecord) fitRecord.steps = runEpochs! * repeated.batches;
      }
      // A pandas table has __len__ and __getitem__ too, but fit takes it as array data, batched by batch_size.
      if (fed && sequence && isDataset(sequence) && sequence.kind === "instance" && !isPandasTable(sequence)) {
        // The rows its first item holds are the batch fit takes, whatever attribute it keeps (sequence-item-rows.ts).
        const rows = sequenceItemRows(fed, (e) => evaluateOne(site, e));
        const kept = positiveInteger(sequence.attributes.get("batch_size"));
        const size = rows ?? kept;
        if (rows !== undefined && rows !== kept) batches.push({ rank: 46, figure: { value: rows, source: "code", line, detail: `${snippet(input.text, fed)}[0]: ${sequence.cls.name}.__getitem__ returns batches of ${rows} rows` } });
        else if (kept !== undefined) batches.push({ rank: 45, figure: { value: kept, source: "code", line, detail: `${snippet(input.text, fed)}.batch_size: ${sequence.cls.name} yields batches of ${kept}` } });
        const length = perEpoch === undefined && runEpochs !== undefined ? positiveInteger(evaluateOne(site, lenCall(fed))) : undefined;
        if (length !== undefined) steps.push({ rank: 40, figure: { value: runEpochs! * length, source: "code", line, detail: `${site.callee}(${snippet(input.text, fed)}, ${epochsName}=${epochsArgument ? snippet(input.text, epochsArgument) : "1"}): len() of the Sequence, ${length} batches an epoch` } });
        if (length !== undefined && fitRecord) fitRecord.steps = runEpochs! * length;
        // An epoch of a Sequence is len() batches of its batch_size: the samples it yields, where nothing else says.
        // The last batch may be short: its own rows count (sequence-item-rows.ts).
        const epochSamples = length !== undefined && size !== undefined ? sequenceEpochSamples(fed, (e) => evaluateOne(site, e), length, size) : undefined;
        if (epochSamples) samples.push({ rank: 3, figure: { value: epochSamples.value, source: "code", line, detail: `${snippet(input.text, fed)}: len() ${length} batches of ${size} an epoch${epochSamples.lastRows !== undefined && epochSamples.lastRows !== size ? `, the last of ${epochSamples.lastRows}` : ""} (${sequence.cls.name})` } });
      }
      // A generator of the project's own (`fit(batch_generator(x, y, batch_size=64))`, or a name bound to that call):
      // each item it yields is a batch of the size its call binds (generator-batch.ts).
      const generatorCall = fed?.type === "call" ? fed : fed?.type === "name" ? sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(fed.id) && x.call.pos.startIndex < call.pos.startIndex && (x.context.fn === site.context.fn || x.context.fn === undefined)).pop()?.call : undefined;
      const generated = generatorCall ? generatorCallBatch(generatorCall, evaluateOne(site, generatorCall.func), (e) => evaluateOne(site, e), (e) => snippet(input.text, e)) : undefined;
      // `fit(datagen.flow(x, y, subset="training"))`: an epoch walks x's rows, or the part the subset keeps
      // (image-data-generator.ts); a cut by the generator's validation_split outranks a dataset table's whole split.
      const flowed = generatorCall ? imageFlowRows(generatorCall, sites, input.body, (e) => evaluateOne(site, e)) : undefined;
      if (flowed) samples.push({ rank: flowed.subset && flowed.split ? 105 : 5, figure: { value: flowed.value, source: "code", line, detail: `${snippet(input.text, generatorCall!)}: ${flowed.subset && flowed.split ? `the ${flowed.subset} subset, validation_split=${flowed.split} of its x's rows` : "its x's rows"}` } });
      if (generated) batches.push({ rank: 45, figure: { value: generated.value, source: "code", line, detail: generated.detail } });
      // A generator the interpreter ran to its first item: that item's rows (sequence-item-rows.ts).
      const yielded = !generated && generatorCall ? generatorItemRows(sequence) : undefined;
      if (yielded !== undefined) batches.push({ rank: 44, figure: { value: yielded, source: "code", line, detail: `${snippet(input.text, fed!)}: the generator's first item holds ${yielded} rows, and each item is a batch` } });
      if (splitValue && (splitValue.kind === "float" || splitValue.kind === "int") && splitValue.value > 0 && splitValue.value < 1) validationSplit = { fraction: splitValue.value, line };
      const x = generator ? undefined : positional(0) ?? keyword("x");
      const direct = x ? inputRows(evaluateOne(site, x)) : undefined;
      // The rows a fold's indices pick out of a loaded dataset are the fit's, before the whole dataset's.
      const fold = x ? foldRows(site, x) : undefined;
      const rows = fold ?? direct;
      // Rows not worked out: the array may be a boolean-mask selection of a load's (masked-rows.ts), read below.
      if (rows === undefined && x) unsizedFitInputs.push({ x, at: call.pos.startIndex });
      if (rows !== undefined && !batchLoop) {
        const figure: PlanFigure = { value: rows, source: "code", line, detail: `${site.callee}(${snippet(input.text, x!)}): ${fold !== undefined ? "the rows its index array picks on the loop's first turn" : "its first dimension"}` };
        fitArrayRows.add(figure);
        samples.push({ rank: fold !== undefined ? 25 : 5, figure });
        if (fold === undefined) fitRows.push({ figure, x: x!, at: call.pos.startIndex, site });
      }
      continue;
    }
    if (last === "HfArgumentParser" || (last === "TrlParser" && trainingArgumentsKind("SFTConfig", input.text) === "trl")) {
      // With no flags the run is its TrainingArguments dataclass's defaults: the file's subclass's, else transformers'.
      // TRL's parser is HfArgumentParser's subclass; its parse_args_and_config() without --config parses the same.
      const parsed = hfTrainingArguments(call, input.body, input.text);
      if (!parsed) continue;
      const read = (name: keyof typeof TRAINING_ARGUMENT_DEFAULTS): { value: Value | undefined; figure: (v: number) => PlanFigure } => {
        const written = parsed.fields.get(name);
        if (written) return { value: evaluateOne(site, written.value), figure: (v) => ({ value: v, source: "code", line: written.line, detail: `${parsed.className}.${name} = ${snippet(input.text, written.value)} (the dataclass HfArgumentParser parses, line ${line})` }) };
        const fallback = TRAINING_ARGUMENT_DEFAULTS[name];
        return { value: typeof fallback === "number" ? { kind: "int", value: fallback } : { kind: "bool", value: fallback }, figure: (v) => ({ value: v, source: "default", line, detail: `TrainingArguments' default ${name}=${fallback} (huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments), parsed by HfArgumentParser` }) };
      };
      if (positiveInteger(read("max_steps").value) !== undefined) hfMaxSteps = true;
      for (const [name, into] of [["num_train_epochs", epochs], ["per_device_train_batch_size", batches], ["gradient_accumulation_steps", accumulations], ["max_steps", steps]] as const) {
        const { value, figure } = read(name);
        const n = positiveInteger(value);
        if (n !== undefined) into.push({ rank: parsed.fields.has(name) ? 40 : 1, figure: figure(n) });
        if (n !== undefined && name === "num_train_epochs") trainingArgumentEpochs.add(into[into.length - 1].figure);
      }
      for (const name of ["bf16", "fp16"] as const) {
        const { value } = read(name);
        const written = parsed.fields.get(name);
        if (!precision && truth(value) === true && written) precision = { value: name, line: written.line, detail: `${parsed.className}.${name} = ${snippet(input.text, written.value)}` };
      }
      if (!precision && parsed.kind === "trl") {
        // TRL's configs turn bf16 on where the dataclass leaves it unset and fp16 off (trl-configs.ts).
        const flag = (name: "bf16" | "fp16"): boolean | "unread" | undefined => {
          const written = parsed.fields.get(name);
          const v = written ? evaluateOne(site, written.value) : undefined;
          return !written || v?.kind === "none" ? undefined : truth(v) ?? "unread";
        };
        if (trlDefaultPrecision(flag("bf16"), flag("fp16"))) precision = { value: "bf16", line, detail: `${site.callee}(...) parses ${parsed.className}: ${TRL_BF16_DEFAULT}` };
      }
      continue;
    }
    if (argumentsKind) {
      // Hugging Face: per-device batch (a multi-device run multiplies it); defaults 3 epochs and 8 per device
      // (huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments).
      // Arguments built in a branch the plain run does not take (`if task_args.task_type == "dpo":`) are not the run's.
      if (!runsByDefault(site, (e) => evaluateOne(site, e))) continue;
      // Arguments bound to a name nothing reads afterwards, or read only by a trainer nothing uses, configure no run
      // (unused-training-arguments.ts).
      if (configuresNoRun(site.assignedTo, call.pos.endIndex)) continue;
      // Arguments transformers refuses stop the plain run before it trains (training-arguments-raise.ts).
      const raised = argumentsKind === "transformers" ? trainingArgumentsRaise((name) => ({ given: !!keyword(name), value: keyword(name) ? evaluateOne(site, keyword(name)!) : undefined })) : undefined;
      if (raised) raisedBeforeTraining ??= { line, detail: `${site.callee}(...) at line ${line}: ${raised}` };
      // max_steps > 0 "overrides num_train_epochs" (TrainingArguments docs): then the epochs are not the run's.
      if (keyword("max_steps") && positiveInteger(evaluateOne(site, keyword("max_steps"))) !== undefined) hfMaxSteps = true;
      // Fields written on the object before a trainer takes it (`setattr(args, "num_train_epochs", 4)`) are the run's
      // over the call's keywords (config-attribute-writes.ts).
      const writes = site.assignedTo.length === 1 ? configAttributeWrites(input.body, site.context.fn, input.text, site.assignedTo[0], call.pos.endIndex) : undefined;
      const rewritten = (name: string): Candidate | undefined => {
        const write = writes?.get(name);
        const value = write ? positiveInteger(evaluateOne(site, write.value)) : undefined;
        return write && value !== undefined ? { rank: 41, figure: { value, source: "code", line: write.line, detail: `${site.assignedTo[0]}.${name} = ${snippet(input.text, write.value)}, written on ${site.callee}(...) before a trainer takes it` } } : undefined;
      };
      // A config that names no field and spreads no mapping (`**vars(args)`) leaves the library's default, which is the
      // run's over an option or constant merely named for epochs or batch that this call does not read
      // (config-defaults-over-options.ts); a spread may set any field, so there the default stays a last resort.
      const defaultRank = configDefaultRank(call.args);
      for (const [name, into, fallback] of [["num_train_epochs", epochs, 3], ["per_device_train_batch_size", batches, 8]] as const) {
        const argument = keyword(name);
        const value = argument ? positiveInteger(evaluateOne(site, argument)) : undefined;
        const read: Candidate | undefined = rewritten(name) ?? (value !== undefined
          ? { rank: 40, figure: { value, source: "code", line, detail: `${site.callee}(${name}=${snippet(input.text, argument!)})` } }
          // TRL's configs keep TrainingArguments' epochs and batch (trl-configs.ts). A max_steps written but not
          // read may override the epochs, so their default is not the run's then.
          : !argument && (argumentsKind === "transformers" || keepsTrainingDefaults(last)) && !(name === "num_train_epochs" && keyword("max_steps")) ? { rank: defaultRank, figure: { value: fallback, source: "default", line, detail: `TrainingArguments' default ${name}=${fallback} (huggingface.co/docs/transformers)${argumentsKind === "trl" ? `, which TRL's ${last} keeps` : ""}` } } : undefined);
        if (!read) continue;
        into.push(read);
        if (name === "num_train_epochs") trainingArgumentEpochs.add(read.figure);
      }
      // gradient_accumulation_steps: micro-batches per optimizer step (transformers' default 1).
      const accumulation = keyword("gradient_accumulation_steps");
      const every = accumulation ? positiveInteger(evaluateOne(site, accumulation)) : undefined;
      if (every !== undefined) accumulations.push({ rank: 40, figure: { value: every, source: "code", line, detail: `${site.callee}(gradient_accumulation_steps=${snippet(input.text, accumulation!)})` } });
      const accumulationWritten = rewritten("gradient_accumulation_steps");
      if (accumulationWritten) accumulations.push(accumulationWritten);
      if (isGenerationConfig(last)) {
        const readGroup = (name: string) => (keyword(name) ? positiveInteger(evaluateOne(site, keyword(name)!)) ?? "unread" : undefined);
        generation ??= generationGroups(last, line, readGroup);
        // A generation batch num_generations does not divide stops the plain run (generation-groups.ts).
        const refused = generationBatchRaise(last, readGroup);
        if (refused) raisedBeforeTraining ??= { line, detail: `${site.callee}(...) at line ${line}: ${refused}` };
      }
      if (!precision && argumentsKind === "trl" && keepsTrainingDefaults(last) && !afterTraining(site, trainingRuns)) {
        // TRL turns bf16 on where the config leaves it unset and fp16 off (trl-configs.ts).
        // `bf16=None` is TRL's own unset.
        const flag = (name: string): boolean | "unread" | undefined => {
          const argument = writes?.get(name)?.value ?? keyword(name);
          const v = argument ? evaluateOne(site, argument) : undefined;
          return !argument || v?.kind === "none" ? undefined : truth(v) ?? "unread";
        };
        const named = trlDefaultPrecision(flag("bf16"), flag("fp16"));
        if (named) takePrecision(named, `${site.callee}(...): ${TRL_BF16_DEFAULT}`);
      }
      continue;
    }
    const tfBatching = DROP_REMAINDER_POSITION.get(last);
    if ((tfBatching !== undefined || last === "flow") && call.func.type === "attribute") {
      // A batch drawn once (`gen.flow(x, batch_size=n).next()`) builds an array; it is not the batch trained on.
      if (drawnOnce.has(call)) continue;
      // Nor is one built after the whole run (a TFLite converter's representative data, after-training.ts).
      if (afterAllTraining(call.pos.startIndex, site.context.fn, trainingRuns, input.text)) continue;
      // Nor one that makes each window of a series one element (`flat_map(lambda w: w.batch(size + 1))`, window-batch.ts).
      if (last === "batch" && batchesEachWindow(call, site.context.fn?.body ?? input.body)) continue;
      // tf.data: `dataset.batch(64)` (or `padded_batch(64, ...)`, which pads each batch's sequences to one length) batches
      // what fit() then takes without a batch_size; Keras' `ImageDataGenerator.flow(x, y, batch_size=32)` batches what
      // fit_generator takes.
      const size = keyword("batch_size") ?? positional(last === "flow" ? 2 : 0);
      const value = size ? positiveInteger(evaluateOne(site, size)) : undefined;
      // `batch(b, drop_remainder=True)` leaves out the last partial batch, as DataLoader's drop_last does
      // (tensorflow.org/api_docs/python/tf/data/Dataset#batch): a pass is ⌊samples / b⌋ batches.
      const remainder = tfBatching !== undefined ? keyword("drop_remainder") ?? positional(tfBatching) : undefined;
      const dropped = remainder ? evaluateOne(site, remainder) : undefined;
      if (value !== undefined) {
        const figure: PlanFigure = { value, source: "code", line, detail: `${site.callee}(${snippet(input.text, size!)}${dropped?.kind === "bool" && dropped.value ? ", drop_remainder=True" : ""})` };
        // A batch of a pipeline already batched groups its batches (`chars.batch(101)` makes sequences, then
        // `.batch(64)` the training batch): the outer one is the step's (tf-data.ts).
        const regrouped = tfBatching !== undefined && call.func.type === "attribute" && tfDataPipeline(evaluateOne(site, call.func.object))?.batch !== undefined;
        batches.push({ rank: regrouped ? 31 : 30, figure });
        if (dropped?.kind === "bool") builtLoaders.set(figure, dropped.value);
      }
      else if (!size && last === "flow" && feedsFit(site)) batches.push({ rank: 2, figure: { value: KERAS_FLOW_BATCH, source: "default", line, detail: `${site.callee}(): ImageDataGenerator's default batch_size=32 (keras.io, ImageDataGenerator)` } });
      continue;
    }
    const flowAt = FLOW_BATCH_POSITION[last];
    if (flowAt !== undefined && feedsFit(site)) {
      // Keras' `ImageDataGenerator.flow_from_directory(dir, target_size, color_mode, classes, class_mode, batch_size=32)`
      // and flow_from_dataframe: each item the iterator yields to fit_generator is a batch of batch_size images; so is
      // each item of the tf.data dataset `image_dataset_from_directory(dir, ..., batch_size=32)` makes.
      const size = keyword("batch_size") ?? positional(flowAt);
      const value = size ? positiveInteger(evaluateOne(site, size)) : undefined;
      if (value !== undefined) batches.push({ rank: 30, figure: { value, source: "code", line, detail: `${site.callee}(batch_size=${snippet(input.text, size!)})` } });
      else if (!size) batches.push({ rank: 2, figure: { value: KERAS_FLOW_BATCH, source: "default", line, detail: `${site.callee}(): ${last.startsWith("flow") ? "ImageDataGenerator's" : "its"} default batch_size=32 (keras.io${last.startsWith("flow") ? ", ImageDataGenerator" : "/api/data_loading"})` } });
      // flow_from_directory's files in the class folders the workspace holds (keras/directory-datasets.ts); the dataset
      // readers are tf.data datasets in the interpreter, read through the pipeline the fit is given.
      const read = input.files && last === "flow_from_directory" ? directoryDatasetSamples(call, last, (e) => evaluateOne(site, e), input.files, (p) => (p.startsWith("/") ? [p] : [joinPath(dirname(file), p), ...(input.root ? [joinPath(input.root, p)] : [])]), generatorValidationSplit(site, sites, input.body, (e) => evaluateOne(site, e))) : undefined;
      if (read && typeof read !== "string") datasets.push({ site, rank: 30, names: site.assignedTo, figure: { value: read.value, source: "code", line, detail: `${site.callee}(${snippet(input.text, positional(0) ?? call)}): ${read.detail}` } });
      continue;
    }
    if (last === "instantiate" && /(^|\.)(hydra\.utils\.)?instantiate$/.test(site.callee)) {
      // hydra.utils.instantiate(cfg.trainer): the class its `_target_` names, called with the config's other keys.
      const config = evaluateOne(site, positional(0) ?? keyword("config"));
      const target = config?.kind === "instance" ? config.attributes.get("_target_") : undefined;
      if (config?.kind !== "instance" || target?.kind !== "str") continue;
      const cls = target.value.slice(target.value.lastIndexOf(".") + 1);
      const detail = (key: string) => `${site.callee}(${snippet(input.text, positional(0) ?? call)}) of ${target.value} with ${key}=`;
      const get = (key: string) => config.attributes.get(key);
      if (cls === "Trainer" && isLightningTarget(target.value)) {
        for (const name of site.assignedTo) lightningTrainers.add(name);
        const count = positiveInteger(get("max_epochs"));
        const maxSteps = positiveInteger(get("max_steps"));
        if (count !== undefined) epochs.push({ rank: 40, figure: { value: count, source: "code", line, detail: `${detail("max_epochs")}${count}` } });
        else if (maxSteps === undefined) epochs.push({ rank: 1, figure: { value: 1000, source: "default", line, detail: "Lightning Trainer's default max_epochs=1000 when neither max_epochs nor max_steps is given (lightning.ai/docs/pytorch/stable/common/trainer.html)" } });
        if (maxSteps !== undefined) steps.push({ rank: 40, figure: { value: maxSteps, source: "code", line, detail: `${detail("max_steps")}${maxSteps}` } });
        const devBatches = fastDevRunBatches(get("fast_dev_run"));
        if (devBatches !== undefined && runsByDefault(site, (e) => evaluateOne(site, e))) fastDevRun ??= { batches: devBatches, line, detail: `${detail("fast_dev_run")}${get("fast_dev_run")?.kind === "bool" ? "True" : devBatches}` };
        else if (devBatches === undefined && get("fast_dev_run") === undefined && runsByDefault(site, (e) => evaluateOne(site, e))) fullTrainer ??= { line };
        const named = lightningPrecision(get("precision"));
        if (!precision && named && runsByDefault(site, (e) => evaluateOne(site, e))) precision = { value: named, line, detail: `${detail("precision")}${get("precision")?.kind === "str" ? (get("precision") as { value: string }).value : String((get("precision") as { value: number }).value)}` };
      }
      const batch = positiveInteger(get("batch_size"));
      if (batch !== undefined) batches.push({ rank: 30, figure: { value: batch, source: "code", line, detail: `${detail("batch_size")}${batch}` } });
      continue;
    }
    // Lightning's Trainer, built directly or from an argparse namespace (`pl.Trainer.from_argparse_args(args)`).
    if (((last === "Trainer" && !isHuggingFaceTrainer(call, site.callee, input.text)) || (last === "from_argparse_args" && /(^|\.)Trainer\.from_argparse_args$/.test(site.callee))) && !trainerFromElsewhere(site.callee, input.body, inWorkspace)) {
      for (const name of site.assignedTo) lightningTrainers.add(name);
      // A Trainer that only tests, validates or predicts runs no training (evaluating-trainer.ts).
      if (site.assignedTo.length > 0 && site.assignedTo.every((n) => trainerOnlyEvaluates(n, input.text))) continue;
      const argument = (name: string) => lightningTrainerArgument(call, site.callee, name, (e) => evaluateOne(site, e), (e) => snippet(input.text, e));
      const maxEpochs = argument("max_epochs");
      const count = positiveInteger(maxEpochs?.value);
      // A Trainer built under a branch the plain run skips (`if args.test_run:` with the flag's default False) yields
      // to one the run builds; alone, it is still the run the code describes (the skipped-code policy).
      if (count !== undefined) epochs.push({ rank: runsByDefault(site, (e) => evaluateOne(site, e)) ? 40 : 39, figure: { value: count, source: "code", line, detail: maxEpochs!.detail } });
      // "If both max_epochs and max_steps are not specified, defaults to max_epochs = 1000"
      // (lightning.ai/docs/pytorch/stable/common/trainer.html#max-epochs).
      // Not where the call spreads a mapping that could not be read: it may set either (unknown-spread.ts).
      else if (!keyword("max_epochs") && !keyword("max_steps") && !maxEpochs && positiveInteger(argument("max_steps")?.value) === undefined && !spreadsUnreadMapping(call, (e) => evaluateOne(site, e))) epochs.push({ rank: 1, figure: { value: 1000, source: "default", line, detail: "Lightning Trainer's default max_epochs=1000 when neither max_epochs nor max_steps is given (lightning.ai/docs/pytorch/stable/common/trainer.html)" } });
      // A namespace's max_steps (from_argparse_args); the Trainer's own keyword is read with Hugging Face's above.
      const maxSteps = keyword("max_steps") ? undefined : positiveInteger(argument("max_steps")?.value);
      if (maxSteps !== undefined) steps.push({ rank: 40, figure: { value: maxSteps, source: "code", line, detail: argument("max_steps")!.detail } });
      // accumulate_grad_batches=N: an optimizer step every N batches (lightning.ai/docs/pytorch/stable/common/trainer.html#accumulate-grad-batches).
      const accumulate = argument("accumulate_grad_batches");
      const every = positiveInteger(accumulate?.value);
      if (every !== undefined) accumulations.push({ rank: 40, figure: { value: every, source: "code", line, detail: accumulate!.detail } });
      const limited = argument("limit_train_batches");
      const limit = batchLimit(limited?.value);
      if (limit && runsByDefault(site, (e) => evaluateOne(site, e))) trainBatchLimit ??= { limit, line, detail: limited!.detail };
      const devRun = argument("fast_dev_run");
      const devBatches = fastDevRunBatches(devRun?.value);
      if (devBatches !== undefined && runsByDefault(site, (e) => evaluateOne(site, e))) fastDevRun ??= { batches: devBatches, line, detail: devRun!.detail };
      else if (!devRun && runsByDefault(site, (e) => evaluateOne(site, e))) fullTrainer ??= { line };
      continue;
    }
    const abslFlag = abslFlagDefinition(call, site.callee);
    if (last === "add_argument" || abslFlag) {
      const flags = call.args.flatMap((a) => (a.kind === "positional" && a.value.type === "str" && a.value.value ? [a.value.value] : []));
      const flag = abslFlag ? `--${abslFlag.name}` : flags.find((f) => f.startsWith("--")) ?? flags[0] ?? "";
      const dest = abslFlag ? abslFlag.name : argparseDest(call);
      const defaultArgument = abslFlag ? abslFlag.default : keyword("default");
      const library = abslFlag ? "absl flag" : "argparse";
      if (!abslFlag && !parserInUse) continue;
      const isEpochs = EPOCH_CONSTANT.test(dest);
      if (STEP_CONSTANT.test(dest) || ACCUMULATION_CONSTANT.test(dest)) {
        // An option named for steps that nothing reads (`--num_steps`, "max episode length", never used) sets nothing.
        if (!abslFlag && STEP_CONSTANT.test(dest) && !optionRead(input.text, dest)) continue;
        const value = defaultArgument ? positiveInteger(evaluateOne(site, defaultArgument)) : undefined;
        const figure: PlanFigure | undefined = value !== undefined ? { value, source: "code", line, detail: `${library} ${flag} default=${snippet(input.text, defaultArgument!)}` } : undefined;
        if (figure && STEP_CONSTANT.test(dest)) namedSteps.add(figure);
        if (figure) (STEP_CONSTANT.test(dest) ? steps : accumulations).push({ rank: 20, figure });
        continue;
      }
      if (!isEpochs && !BATCH_FLAG.test(dest)) continue;
      const value = defaultArgument ? positiveInteger(evaluateOne(site, defaultArgument)) : undefined;
      if (value !== undefined) (isEpochs ? epochs : batches).push({ rank: 20, figure: { value, source: "code", line, detail: `${library} ${flag} default=${snippet(input.text, defaultArgument!)}` } });
      continue;
    }
    if (last === "builder" && tfdsModule && site.callee === `${tfdsModule}.builder`) {
      // `bldr = tfds.builder("mnist")`, then `bldr.as_dataset()`: the dict of every split, or the split it names.
      const nameValue = evaluateOne(site, positional(0) ?? keyword("name") ?? call);
      if (nameValue?.kind === "str") for (const n of site.assignedTo) tfdsBuilders.set(n, nameValue.value);
      continue;
    }
    const builtFrom = last === "as_dataset" && call.func.type === "attribute" && call.func.object.type === "name" ? tfdsBuilders.get(call.func.object.id) : undefined;
    if (builtFrom !== undefined) {
      const splitValue = evaluateOne(site, keyword("split") ?? call);
      const known = tfdsTrainSamples(builtFrom, splitValue?.kind === "str" ? splitValue.value : undefined);
      if (known && (!keyword("split") || splitValue?.kind === "str") && runsByDefault(site, (e) => evaluateOne(site, e))) datasets.push({ site, rank: 20, names: site.assignedTo.slice(0, 1), figure: { value: known.value, source: "dataset table", line, detail: `${site.callee}() of tfds.builder("${builtFrom}"): ${known.source}` } });
      continue;
    }
    if (last === "load" && tfdsModule && site.callee === `${tfdsModule}.load`) {
      // tfds.load("cats_vs_dogs", split=["train[:90%]", "train[90%:]"]): the first split of a list is the training one.
      const [nameValue, evaluatedSplit] = [positional(0) ?? keyword("name"), keyword("split") ?? positional(1)].map((e) => (e ? evaluateOne(site, e) : undefined));
      // `split=tfds.Split.TRAIN` is the string "train" (tfds-split-members.ts); TFDS 1.x's subsplits of it
      // (`list(tfds.Split.TRAIN.subsplit(weighted=(8, 1, 1)))`) are percent slices of it (tfds-subsplits.ts).
      const splitArgument = keyword("split") ?? positional(1);
      const member = tfdsSplitMember(splitArgument, tfdsModule);
      const body = site.context.fn?.body ?? input.body;
      let bindings = plainBindingSets.get(body);
      if (!bindings) plainBindingSets.set(body, (bindings = plainBindings(body)));
      const subsplits = member === undefined ? tfdsSubsplitNames(splitArgument, tfdsModule, (name) => bindings!(name, call.pos.startIndex)?.value, (e) => evaluateOne(site, e)) : undefined;
      const splitValue: Value | undefined = member !== undefined ? { kind: "str", value: member } : subsplits ? { kind: "str", value: subsplits[0] } : evaluatedSplit;
      const first = splitValue?.kind === "list" || splitValue?.kind === "tuple" ? splitValue.items[0] : splitValue;
      const known = nameValue?.kind === "str" && (first === undefined || first.kind === "str") ? tfdsTrainSamples(nameValue.value, first?.kind === "str" ? first.value : undefined) : undefined;
      if (known && runsByDefault(site, (e) => evaluateOne(site, e))) {
        datasets.push({ site, rank: 20, names: site.assignedTo.slice(0, 1), figure: { value: known.value, source: "dataset table", line, detail: `${site.callee}(${snippet(input.text, positional(0) ?? keyword("name")!)}): ${known.source}` } });
        // tfds.load(batch_size=b) "adds a batch dimension to examples": each element is a batch of b (-1 loads the
        // whole split as one tensor; tensorflow.org/datasets/api_docs/python/tfds/load).
        const batchArgument = keyword("batch_size");
        const size = batchArgument ? positiveInteger(evaluateOne(site, batchArgument)) : undefined;
        if (size !== undefined) batches.push({ rank: 29, figure: { value: size, source: "code", line, detail: `${site.callee}(batch_size=${snippet(input.text, batchArgument!)}): its elements are batches of ${size}` } });
      }
      continue;
    }
    if (torchtext && last === "split" && call.func.type === "attribute" && call.func.object.type === "name" && site.assignedTo.length >= 2) {
      // `train, valid = train.split()`: the training part of a torchtext dataset sized above (torchtext-split.ts).
      const receiver = call.func.object.id;
      const whole = datasets.filter((d) => d.names.includes(receiver) && d.site.call.pos.startIndex < call.pos.startIndex).pop();
      const part = whole ? torchtextSplitPart(call, whole.figure.value, (e) => evaluateOne(site, e)) : undefined;
      if (whole && part && runsByDefault(site, (e) => evaluateOne(site, e))) {
        datasets.push({ site, rank: whole.rank, names: site.assignedTo.slice(0, 1), figure: { value: part.value, source: whole.figure.source, line, detail: `${snippet(input.text, call)}: ${part.detail}, of ${whole.figure.detail}` } });
        continue;
      }
    }
    if (torchtext && (last === "splits" || /^[A-Z]/.test(last)) && !definedInFile(namespace, site.callee, file)) {
      // torchtext's datasets (text-dataset-sizes.ts): `train, test = datasets.IMDB.splits(TEXT, LABEL)`,
      // `train_iter, test_iter = AG_NEWS()`; each target that receives the training split holds its examples.
      const targets = site.assignedTo.length > 0 ? site.assignedTo : [""];
      const found = targets.flatMap((name, index) => {
        const known = torchtextSamples(site.callee, call, index, (e) => evaluateOne(site, e));
        return known ? [{ name, known }] : [];
      });
      if (found.length > 0 && runsByDefault(site, (e) => evaluateOne(site, e))) {
        for (const { name, known } of found) datasets.push({ site, rank: 20, names: name ? [name] : [], figure: { value: known.value, source: "dataset table", line, detail: `${site.callee}(...) (training split): ${known.source}` } });
        continue;
      }
    }
    const hubChain = hubChains.get(call);
    if (hubChain) {
      // `small = load_dataset("imdb")["train"].shuffle(seed=42).select(range(1000))`, `ds = ds.filter(fn)`: the rows the
      // chained Dataset methods keep of a loaded split or of a dataset bound earlier (hub-dataset-parts.ts).
      const rows = hubChainRows(hubChain.value, hubRoot(site, call.pos.startIndex), (e) => evaluateOne(site, e), (e) => snippet(input.text, e), (name) => boundSplit(hubAssignments, name, call.pos.startIndex));
      if (rows && "unknown" in rows) unsizedParts.push({ site, names: hubChain.names });
      // `tf_train = ds.to_tf_dataset(batch_size=8)` that a Keras fit takes: its rows, above the other chains', and its
      // batches (hub-tf-dataset.ts).
      const tfBatch = hubChain.names.some((n) => fitInputs.has(n)) ? toTfDatasetBatch(call, (e) => evaluateOne(site, e)) : undefined;
      if (rows && !("unknown" in rows) && runsByDefault(site, (e) => evaluateOne(site, e))) datasets.push({ site, rank: tfBatch ? 35 : 30, names: hubChain.names, figure: { value: rows.value, source: "code", line, detail: rows.detail } });
      if (tfBatch && runsByDefault(site, (e) => evaluateOne(site, e))) {
        const figure: PlanFigure = { value: tfBatch.batch, source: "code", line, detail: `${snippet(input.text, call.func)}(batch_size=${tfBatch.batch}${tfBatch.dropRemainder ? ", drop_remainder=True" : ""}): the tf.data batches a fit takes` };
        batches.push({ rank: 40, figure });
        builtLoaders.set(figure, tfBatch.dropRemainder);
      }
      if (rows) continue;
    }
    if (last === "load_dataset" && hubDatasets && !definedInFile(namespace, site.callee, file)) {
      // Hugging Face `load_dataset("imdb", split="train")` or the DatasetDict of every split (text-dataset-sizes.ts).
      // Inside a chain that keeps part of it (`load_dataset(...).select(range(1000))`), the chain's rows are read above.
      if (resizedHubCalls.has(call)) continue;
      // `load_dataset("glue", "sst2")["validation"]` binds that split, not the training rows (hub-dataset-parts.ts).
      const subscripted = subscriptedSplit(input.text, call);
      const known = subscripted === undefined || subscripted === "train" ? hubSamples(call, (e) => evaluateOne(site, e)) : undefined;
      if (known && runsByDefault(site, (e) => evaluateOne(site, e))) datasets.push({ site, rank: 20, names: site.assignedTo.slice(0, 1), figure: { value: known.value, source: "dataset table", line, detail: `${snippet(input.text, call)} (training split): ${known.source}` } });
      // A packaged builder over files the repository ships (`load_dataset("text", data_files=...)`: local-builder-rows.ts).
      const local = known || !input.files ? undefined : localBuilderRows(call, (e) => evaluateOne(site, e), [dirname(file), ...(input.root ? [input.root] : [])], (p) => input.files!.read(p));
      if (local && runsByDefault(site, (e) => evaluateOne(site, e))) datasets.push({ site, rank: 20, names: site.assignedTo.slice(0, 1), figure: { value: local.value, source: "code", line, detail: local.detail } });
      continue;
    }
    if (last === "load_data" && call.func.type === "attribute") {
      const owner = call.func.object.type === "attribute" ? call.func.object.name : call.func.object.type === "name" ? call.func.object.id : "";
      // tflearn's loaders of the same names (tflearn-dnn.ts): MNIST less its validation part.
      const tflearnRows = tflearnLoadDataRows(owner, input.body);
      if (tflearnRows) {
        datasets.push({ site, rank: 20, names: site.assignedTo.slice(0, 1), figure: { value: tflearnRows.rows, source: "dataset table", line, detail: `${site.callee}(): ${tflearnRows.source}` } });
        continue;
      }
      const known = datasetSize(owner, "keras");
      if (known?.trainSamples !== undefined) datasets.push({ site, rank: 20, names: site.assignedTo.slice(0, 1), figure: { value: known.trainSamples, source: "dataset table", line, detail: `${site.callee}(): ${known.source}` } });
      // A set load_data splits by test_split itself (boston_housing, reuters: split-datasets.ts).
      const split = known ? undefined : kerasSplitTrainRows(owner, call, (e) => evaluateOne(site, e));
      if (split) datasets.push({ site, rank: 20, names: site.assignedTo.slice(0, 1), figure: { value: split.value, source: "dataset table", line, detail: `${site.callee}(): ${split.source}` } });
      continue;
    }
    const stepCap = estimatorSteps(call, last);
    if (stepCap) {
      // TensorFlow's own step counts: an Estimator's `train(input_fn, steps=N)` / `max_steps=N`, a `TrainSpec(input_fn,
      // max_steps=N)`, a `StopAtStepHook(last_step=N)` that ends a MonitoredTrainingSession (estimator-steps.ts).
      const value = positiveInteger(evaluateOne(site, stepCap.argument));
      // `train(steps=N)` adds N steps to the global step at each call, `max_steps` is the global step to stop at
      // (tensorflow.org/api_docs/python/tf/estimator/Estimator#train): called in counted loops (`for period in
      // range(10): est.train(input_fn, steps=50)`), the steps add up (estimator-steps.ts).
      const turns = value !== undefined && stepCap.name === "steps" && last === "train" ? fitTurns(site) : undefined;
      const stepDetail = `${site.callee}(${stepCap.name}=${snippet(input.text, stepCap.argument)})`;
      if (value !== undefined && runsByDefault(site, (e) => evaluateOne(site, e))) steps.push({ rank: 45, figure: turns ? { value: value * turns.value, source: "code", line, detail: `${stepDetail} × ${turns.detail}` } : { value, source: "code", line, detail: stepDetail } });
      // The rows its input_fn's tf.data pipeline slices a pass are the run's samples, repeated or not (estimator-steps.ts).
      const fedBy = value !== undefined ? inputFnData(call, last) : undefined;
      const fedValue = fedBy ? evaluateOne(site, fedBy) : undefined;
      const fed = inputFnPipeline(fedValue);
      if (fed?.elements && runsByDefault(site, (e) => evaluateOne(site, e))) samples.push({ rank: 44, figure: { value: fed.elements, source: "code", line, detail: `${snippet(input.text, fedBy!)}: the input_fn's tf.data pipeline, ${fed.elements} elements a pass` } });
      // Its batch too: the input_fn's own call (`lambda: make_input(x, y, batch_size=batch_size)`) says it, where the
      // `.batch(batch_size)` inside the shared input function, read alone, has only its parameter's default.
      if (fed?.batch !== undefined && runsByDefault(site, (e) => evaluateOne(site, e))) batches.push({ rank: 32, figure: { value: fed.batch, source: "code", line, detail: `${snippet(input.text, fedBy!)}: the input_fn's tf.data pipeline, batches of ${fed.batch}` } });
      continue;
    }
    if (last === "read_data_sets" && tf1Mnist) {
      // TensorFlow 1.x's tutorial MNIST: `train` is the 60,000 training images less `validation_size` (tf1-mnist.ts).
      const validation = keyword("validation_size") ?? positional(5);
      const held = validation ? positiveOrZero(evaluateOne(site, validation)) : TF1_MNIST_VALIDATION;
      const value = held !== undefined ? tf1MnistTrainSamples(held) : undefined;
      if (value !== undefined && runsByDefault(site, (e) => evaluateOne(site, e))) datasets.push({ site, rank: 20, names: site.assignedTo.slice(0, 1), figure: { value, source: "dataset table", line, detail: `${site.callee}(): MNIST's 60,000 training images less validation_size=${held} (TensorFlow 1.x mnist.read_data_sets; LeCun et al., yann.lecun.com/exdb/mnist)` } });
      continue;
    }
    if (torchaudio && /^[A-Z]/.test(last)) {
      // torchaudio's data sets (audio-dataset-sizes.ts): `SPEECHCOMMANDS(root, subset="training")`, or the file's
      // subclass that selects the part by the library's part names (`SubsetSC("training")`, audio-datasets.ts).
      const audio = audioRecordings(call, last, input.body, (e) => evaluateOne(site, e));
      if (audio && runsByDefault(site, (e) => evaluateOne(site, e))) {
        const what = `${audio.subclass ? `${audio.subclass}, a subclass of ${audio.dataset} selecting` : audio.dataset}${audio.part ? ` its "${audio.part}" part` : audio.subclass ? " every recording" : ""}`;
        datasets.push({ site, rank: 20, names: site.assignedTo, figure: { value: audio.value, source: "dataset table", line, detail: `${snippet(input.text, call)} (${what}): ${audio.source}` } });
        continue;
      }
    }
    // `class CIFAR10Pair(CIFAR10)` that only changes __getitem__: the same samples as the dataset it subclasses.
    const inherited = datasetSize(last, "torchvision") ? undefined : /^[A-Z]/.test(last) && site.assignedTo.length > 0 ? inheritedDataset(evaluateOne(site, call.func)) : undefined;
    // `self.dataset_cls(self.data_dir, train=True)`: a class held by a name or an attribute, as a library's data
    // module names its dataset (`dataset_cls = MNIST`); only callees named for a class or dataset are evaluated.
    // A class a call returns (`eval('datasets.' + DATASET)(...)`, `getattr(datasets, name)(...)`) is worked out too.
    const held = !inherited && !datasetSize(last, "torchvision") && ((/^[a-z_]/.test(last) && /cls|class|dataset/i.test(last) && site.assignedTo.length > 0) || site.callee === "()") ? evaluateOne(site, call.func) : undefined;
    const heldName = held?.kind === "class" ? (datasetSize(held.name, "torchvision") ? held.name : inheritedDataset(held)) : undefined;
    const known = inherited ? datasetSize(inherited, "torchvision") : heldName ? datasetSize(heldName, "torchvision") : datasetSize(last, "torchvision");
    if ((known?.trainSamples !== undefined || known?.otherSplits) && (inherited || heldName || !definedInFile(namespace, site.callee, file))) {
      // Nor is one under a test on an argument the user must give (`elif dataset == "mnist":` with a required --dataset).
      if (!runsByDefault(site, (e) => evaluateOne(site, e)) || chosenByUser(site, (e) => evaluateOne(site, e))) continue;
      // A project's own class of that name (imported from the workspace: `from data import *`) is the table's only
      // when it selects its part as the library does (own-code.ts); else its samples are not known.
      const own = !inherited && !heldName ? evaluateOne(site, call.func) : undefined;
      if (own && ownClass(own) && !ownClassSelectsAsTable(own, known!)) continue;
      // Nor is a function of the project's own of that name (`mnist = MNIST()` that wraps TF 1.x read_data_sets).
      if (own && ownFunction(own)) continue;
      const part = trainingSamples(known, call, (e) => evaluateOne(site, e));
      if (part) datasets.push({ site, rank: 20, names: site.assignedTo, figure: { value: part.value, source: "dataset table", line, detail: `${site.callee === "()" ? snippet(input.text, call.func) : site.callee}${inherited ? ` (a subclass of ${inherited} that keeps its samples)` : heldName ? ` (${heldName})` : ""} (${part.part ? `its "${part.part}" part` : "training split"}): ${known.source}` } });
      const test = part ? undefined : testSplitSamples(known, call, (e) => evaluateOne(site, e));
      if (test !== undefined) testParts.push({ site, names: site.assignedTo, figure: { value: test, source: "dataset table", line, detail: `${site.callee} (test split): ${known.source}` } });
      continue;
    }
    if (last === "train_test_split" && site.assignedTo.length >= 2) {
      // `train_idx, val_idx = train_test_split(np.arange(len(ds)), test_size=0.2)`: each array's training part is the
      // first of its pair of targets, its size scikit-learn's rule for the rows of the first array.
      const rows = positional(0) ? (([v]) => lengthOf(v) ?? leadingDimension(v))([evaluateOne(site, positional(0)!)]) : undefined;
      const size = (name: string) => {
        const e = keyword(name);
        const v = e ? evaluateOne(site, e) : undefined;
        return !e || v?.kind === "none" ? undefined : v?.kind === "int" ? v.value : v?.kind === "float" && !Number.isInteger(v.value) ? v.value : NaN;
      };
      const [test, train] = [size("test_size"), size("train_size")];
      const sizes = rows !== undefined && !Number.isNaN(test) && !Number.isNaN(train) ? trainTestSplitSizes(rows, test, train) : undefined;
      if (sizes) splitParts.push({ site, names: site.assignedTo.filter((_, i) => i % 2 === 0), figure: { value: sizes[0], source: "code", line, detail: `${snippet(input.text, call)}: ${sizes[0]} of ${rows} rows for training (scikit-learn's train_test_split sizes)` } });
      continue;
    }
    if (last === "Subset") {
      const indices = positional(1) ?? keyword("indices");
      // Indices a loop around the call binds (`for k, (fit_idx, _) in enumerate(kf.split(X)):`): its first turn's.
      const turn = indices?.type === "name" ? forLoops.filter((l) => l.loop.pos.startIndex < call.pos.startIndex && call.pos.endIndex <= l.loop.pos.endIndex).reverse().map((l) => firstTurnValue(l.loop.target, l.loop.iter, indices.id, (e) => evaluateOne(l, e))).find((v) => v !== undefined) : undefined;
      const count = indices ? itemCount(turn ?? evaluateOne(site, indices)) : undefined;
      const part = count === undefined && indices?.type === "name" ? splitParts.filter((p) => p.names.includes(indices.id) && p.site.call.pos.startIndex < call.pos.startIndex).pop() : undefined;
      if (count !== undefined) datasets.push({ site, rank: 30, names: site.assignedTo, figure: { value: count, source: "code", line, detail: `${site.callee}(..., ${snippet(input.text, indices!)})` } });
      else if (part) datasets.push({ site, rank: 30, names: site.assignedTo, figure: { ...part.figure, line, detail: `${site.callee}(..., ${indices!.type === "name" ? indices.id : ""}): ${part.figure.detail} (line ${part.figure.line})` } });
      else unsizedParts.push({ site, names: site.assignedTo });
      continue;
    }
    if (last === "random_split") {
      const lengths = positional(1) ?? keyword("lengths");
      const value = lengths ? evaluateOne(site, lengths) : undefined;
      const items = value && (value.kind === "list" || value.kind === "tuple") ? value.items : [];
      let first = positiveInteger(items[0]);
      // Fractions (`random_split(ds, [0.9, 0.1])`): their lengths from the dataset's size, as torch works them out.
      const whole = first === undefined && items.length > 0 && items.every((v) => v.kind === "float") ? positional(0) ?? keyword("dataset") : undefined;
      const size = whole ? positiveInteger(evaluateOne(site, lenCall(whole))) : undefined;
      const split = size !== undefined ? randomSplitLengths(size, items.map((v) => (v.kind === "float" ? v.value : NaN))) : undefined;
      if (split && split[0]! > 0) first = split[0];
      // Lengths worked out from len() of a dataset the plan has sized (measured-split-lengths.ts).
      const sizeOf = (name: string) => datasets.filter((d) => d.names.includes(name) && d.site.call.pos.startIndex < call.pos.startIndex).pop()?.figure.value;
      const measured = first === undefined && lengths ? measuredSplitLengths(lengths, site.context.fn?.body ?? input.body, call.pos.startIndex, sizeOf, (e) => evaluateOne(site, e)) : undefined;
      if (measured && measured[0] > 0) first = measured[0];
      // A part measured from its whole outranks that whole (a sized hub chain ranks 30 too).
      if (first !== undefined) datasets.push({ site, rank: measured ? 31 : 30, names: site.assignedTo.slice(0, 1), figure: { value: first, source: "code", line, detail: `${site.callee}(..., ${snippet(input.text, lengths!)}): the first part${split ? ` of ${size} samples` : measured ? ` (${measured.join(", ")}, from the dataset's size)` : ""}` } });
      else unsizedParts.push({ site, names: site.assignedTo });
      continue;
    }
    // `dataset_train = split_dataset(dataset_train)`: a helper of the code's own that returns a random_split part.
    const handed = positional(0);
    const earlier = handed?.type === "name" ? datasets.filter((d) => d.names.includes(handed.id)).pop() : undefined;
    // A method's part is often kept on the object (`self.dataset_train = self._split_dataset(dataset)`), not in a name.
    if (earlier && (site.assignedTo.length > 0 || (call.func.type === "attribute" && call.func.object.type === "name" && call.func.object.id === site.context.fn?.params[0]?.name)) && (call.func.type === "name" || call.func.type === "attribute")) {
      const evaluated = evaluateOne(site, call.func);
      // A method (`self._split_dataset(dataset)`) runs with its object as `self`.
      const helper = evaluated?.kind === "bound" && evaluated.fn.kind === "function" ? evaluated.fn : evaluated;
      const self = evaluated?.kind === "bound" ? evaluated.self : undefined;
      const source = helper?.kind === "function" && helper.module.file ? (helper.module.file === file ? input.text : input.files?.read(helper.module.file)) : undefined;
      const part = helper?.kind === "function" && source !== undefined ? splitHelperPart(interpreter, helper, call, source, handed!, earlier.figure.value, (e) => evaluateOne(site, e), now, allowance, self) : undefined;
      if (part !== undefined) datasets.push({ site, rank: 30, names: site.assignedTo, figure: { value: part, source: "code", line, detail: `${snippet(input.text, call)}: its random_split part of ${earlier.figure.value} samples (${earlier.figure.detail})` } });
      if (part !== undefined) continue;
    }
    if (last === "SentencesDataset" && isSentencesDataset(site.callee, input.body)) {
      // `SentencesDataset(train_examples, model)`: one sample per example (sentence-transformers-datasets.ts).
      const examples = positional(0) ?? keyword("examples");
      const size = examples ? positiveInteger(evaluateOne(site, lenCall(examples))) : undefined;
      if (size !== undefined) datasets.push({ site, rank: 10, names: site.assignedTo, figure: { value: size, source: "code", line, detail: `${site.callee}(${snippet(input.text, examples!)}): len() of its examples, one sample each (sentence-transformers)` } });
      continue;
    }
    if (last === "ConcatDataset") {
      // `ConcatDataset([mnist_train, fashion_train])`: the parts' samples together, when each part's are known.
      const given = positional(0) ?? keyword("datasets");
      const items = given?.type === "list" || given?.type === "tuple" ? given.items : [];
      const before = (d: { site: CallSite; names: string[] }, id: string) => d.names.includes(id) && d.site.call.pos.startIndex < call.pos.startIndex;
      const parts = items.map((e) => (e.type === "name" ? datasets.filter((d) => before(d, e.id)).pop() ?? testParts.filter((d) => before(d, e.id)).pop() : undefined));
      if (parts.length > 0 && parts.every((d) => d !== undefined)) {
        const total = parts.reduce((sum, d) => sum + d!.figure.value, 0);
        datasets.push({ site, rank: 30, names: site.assignedTo, figure: { value: total, source: parts.every((d) => d!.figure.source === "dataset table") ? "dataset table" : "code", line, detail: `${site.callee}(${snippet(input.text, given!)}): ${parts.map((d, i) => `${(items[i] as { id: string }).id} ${d!.figure.value}`).join(" + ")} (${parts.map((d) => d!.figure.detail).join("; ")})` } });
      } else unsizedParts.push({ site, names: site.assignedTo });
      continue;
    }
    if (last === "TensorDataset") {
      // `TensorDataset(torch.tensor(X_train), ...)` over a train_test_split part: that part's rows.
      const part = positional(0) ? splitParts.filter((p) => p.site.call.pos.startIndex < call.pos.startIndex && p.names.some((n) => namesIn([positional(0)!], new Set()).has(n))).pop() : undefined;
      const rows = positional(0) ? leadingDimension(evaluateOne(site, positional(0))) ?? part?.figure.value : undefined;
      if (rows !== undefined) datasets.push({ site, rank: 10, names: site.assignedTo, figure: { value: rows, source: "code", line, detail: `${site.callee}(${snippet(input.text, positional(0)!)}): its first dimension` } });
      // `TensorDataset(*data_arrays)` (d2l's load_array): the tensors of the tuple or list spread into the call, the
      // first one's rows (TensorDataset's tensors all share their first dimension, pytorch.org/docs/stable/data.html).
      const spread = !positional(0) && call.args[0]?.kind === "star" ? call.args[0].value : undefined;
      const spreadValue = spread ? evaluateOne(site, spread) : undefined;
      const spreadRows = spreadValue?.kind === "tuple" || spreadValue?.kind === "list" ? leadingDimension(spreadValue.items[0]) : undefined;
      if (spread && spreadRows !== undefined) datasets.push({ site, rank: 10, names: site.assignedTo, figure: { value: spreadRows, source: "code", line, detail: `${site.callee}(*${snippet(input.text, spread)}): the first tensor's first dimension` } });
    }
  }

  // A fastai Learner's fits run one after another (`fit_one_cycle(4)`, `unfreeze()`, `fit_one_cycle(2)`): their epochs add.
  // Only while they train one Learner (fastai-learners-in-turn.ts): a name bound afresh between them starts another.
  if (fastaiFits.length > 0) {
    const { fits, rebound } = firstLearnerFits(fastaiFits, input.body);
    const total = fits.reduce((sum, f) => sum + f.figure.value, 0);
    const detail = fits.map((f) => f.figure.detail).join("; then ") + (rebound ? `; ${rebound.receiver}, bound afresh after the last of these (line ${fits[fits.length - 1]!.line}), is another network from its fit (line ${rebound.line}) on, not counted` : "");
    epochs.push({ rank: 40, figure: fits.length === 1 && !rebound ? fits[0]!.figure : { value: total, source: "code", line: fits[0]!.figure.line, detail } });
    if (rebound) {
      const last = fits[fits.length - 1]!.line;
      for (const list of [batches, samples]) {
        for (let i = list.length - 1; i >= 0; i--) if ((fastaiLoaderFigures.get(list[i]!.figure) ?? 0) > last) list.splice(i, 1);
      }
    }
  }
  // Fits of one model in turn (frozen layers first, then all: `fit(epochs=50)`, `fit(epochs=100, initial_epoch=50)`)
  // train it for their epochs together.
  for (const first of kerasFits.filter((f, i) => kerasFits.findIndex((g) => g.receiver === f.receiver && g.scope === f.scope) === i)) {
    const receiver = first.receiver;
    const all = kerasFits.filter((f) => f.receiver === receiver && f.scope === first.scope);
    // Only while the name holds one model: a fit after `model = ...` binds it again trains another (a notebook's next).
    const next = all.findIndex((f, i) => i > 0 && rebindsBetween(input.body, receiver, all[i - 1].line, f.line));
    const fits = next < 0 ? all : all.slice(0, next);
    if (fits.length < 2) continue;
    const total = fits.reduce((sum, f) => sum + f.epochs, 0);
    epochs.push({ rank: 41, figure: { value: total, source: "code", line: fits[0].line, detail: `${fits.length} fits of ${receiver} in turn: ${fits.map((f) => `${f.code} (line ${f.line})`).join(" + ")}` } });
    // Their steps add too, where each fit's are known (steps_per_epoch, or a Sequence's len()).
    // A later fit at another batch size (`batch_size=` given to each): the plan's batch is the first's, and a note says
    // which fits differ, as their steps per epoch do.
    const batchesOf = fits.filter((f) => f.batch !== undefined);
    if (batchesOf.length > 1 && batchesOf.some((f) => f.batch !== batchesOf[0].batch)) fitBatchesNote ??= `batch: the ${fits.length} fits of ${receiver} in turn train at batch ${batchesOf.map((f) => `${f.batch} (line ${f.line})`).join(", then ")}; the plan takes the first's`;
    if (fits.every((f) => f.steps !== undefined)) steps.push({ rank: 41, figure: { value: fits.reduce((sum, f) => sum + f.steps!, 0), source: "code", line: fits[0].line, detail: `${fits.length} fits of ${receiver} in turn: ${fits.map((f) => `${f.steps} steps (line ${f.line})`).join(" + ")}` } });
  }
  // Config keys named as a run's figures, as argparse defaults are read: what the plain run composes.
  // A key no code of the script or its workspace imports names sets nothing (unread-config-keys.ts).
  let codeTexts: string[] | undefined;
  const configLeaf = (key: string, value: number, line: number, detail: string, keys: readonly string[]) => {
    const name = key.slice(key.lastIndexOf(".") + 1);
    if (!Number.isSafeInteger(value) || value <= 0) return;
    codeTexts ??= importedWorkspaceTexts(input.body, input.text, file, interpreter, input.files);
    if (codeLeavesConfigKeyUnread(key, keys, codeTexts) || codeLeavesTopLevelKeyUnread(key, keys, codeTexts)) return;
    const figure: PlanFigure = { value, source: "code", line, detail: `${key}: ${value} ${detail}` };
    // The code may hand the key to a keyword named for another figure (`max_epochs=opt["num_iterations"]`); only a key
    // the config holds once: one under several items (`datasets.train.bs`, `datasets.test.bs`) is read per item, by
    // the branch that takes it.
    const given = keys.filter((k) => k.slice(k.lastIndexOf(".") + 1) === name).length === 1 ? nameGivenConfigKey(name, codeTexts) : undefined;
    const kindOf = (n: string) => (STEP_CONSTANT.test(n) ? steps : ACCUMULATION_CONSTANT.test(n) ? accumulations : EPOCH_CONSTANT.test(n) ? epochs : BATCH_CONSTANT.test(n) ? batches : undefined);
    const into = (given !== undefined ? kindOf(given) : undefined) ?? kindOf(name);
    if (into === steps) namedSteps.add(figure);
    into?.push({ rank: 20, figure });
  };
  for (const run of hydra) for (const leaf of run.leaves) configLeaf(leaf.key, leaf.value, run.fn.defLine, `in ${leaf.file} (the config @hydra.main composes)`, run.leaves.map((l) => l.key));
  // A config file read as data (`yaml.safe_load(open(path))`), where the path is known and the file is there.
  for (const site of sites) {
    if (site.kind !== "call" || !CONFIG_READER.test(site.callee) || site.assignedTo.length === 0 || !runsByDefault(site, (e) => evaluateOne(site, e))) continue;
    const leaves = numericLeaves(evaluateOne(site, site.call));
    for (const leaf of leaves) configLeaf(leaf.key, leaf.value, site.call.pos.line, `in the config ${snippet(input.text, site.call)} reads`, leaves.map((l) => l.key));
  }
  // The training loader: the one a step loop walks, else named or fed as such, shuffled; test and validation loaders
  // only when nothing else. A script may build a loader it never trains on (`trainLoader` beside the `dataloader` its
  // loop walks): Python trains on what the loop iterates, whatever the names say.
  // A module-level loop walks what its name holds when it runs: a loader bound to that name and replaced before the
  // loop (a later cell's `train_dl = DataLoader(...)`) is not the one it walks (walked-binding.ts).
  const replaced = replacedLoaderBindings(loaders.map((l) => l.site), walkedAt);
  // A loader built in a method the file never names (unnamed-methods.ts) is not one the plain run builds.
  const neverBuilt = (l: (typeof loaders)[number]) => !input.nested && !input.only && unnamedMethod(l.site.context.fn, l.site.context.enclosing, input.body, input.text) !== undefined;
  const walkedScore = (l: (typeof loaders)[number]) => l.score + (l.site.assignedTo.some((n) => stepWalked.has(n)) ? 10 : 0) - (replaced.has(l.site) ? 20 : 0) - (neverBuilt(l) ? 20 : 0);
  // Module-level step loops that each walk a list the code builds (`for img, label in cifar2:`) take its items one by
  // one: a loader built elsewhere (for another model's loop) is not the run's (filtered-comprehension.ts).
  const walkedLists = walkedAt.filter((w) => stepLoops.some((l) => l.pos.startIndex === w.start) && walksBuiltList(input.body, w.name, w.start));
  const walksOnlyLists = walkedLists.length > 0 && walkedLists.length === stepLoops.length && !loaders.some((l) => l.site.assignedTo.some((n) => stepWalked.has(n)));
  for (const w of walksOnlyLists ? walkedLists : []) {
    const filtered = filteredComprehensionBefore(input.body, w.name, w.start);
    if (!filtered) continue;
    partOfUnknownSize = true;
    filteredNote = filteredSamplesNote(w.name, filtered);
  }
  const loader = walksOnlyLists ? undefined : loaders.slice().sort((a, b) => walkedScore(b) - walkedScore(a))[0];
  // Walked by a step loop, however wrapped (`enumerate(loader)`, `tqdm(loader)`).
  const walkedLoader = (names: string[]) => stepLoops.some((l) => l.type === "for" && names.includes(walkedName(iterOf(l) ?? l.iter) ?? ""));
  if (loader?.batch) batches.push({ rank: loaderBatchRank(loader.batch, walkedLoader(loader.site.assignedTo), input.text), figure: loader.batch });
  const unreadBatch = loader?.unread ? unreadBatchNote(loader.unread, loader.site.call.pos.line, input.text) : undefined;
  // Its batches made by a batch_sampler of the project's own class, unread: a name-only batch is not its batch
  // (sampler-made-batches.ts).
  const samplerMade = loader && !loader.batch ? ownBatchSamplerClass(loader.site.call, (e) => evaluateOne(loader.site, e)) : undefined;
  if (samplerMade) for (let i = batches.length - 1; i >= 0; i--) if (batches[i].rank <= 20) batches.splice(i, 1);
  /** The dataset a loader is fed, and what it was given. */
  const linkedDataset = (l: (typeof loaders)[number]) => {
    const given = l.fed ?? keywordArgument(l.site.call, "dataset") ?? positionalArgument(l.site.call, 0);
    // torchtext's `BucketIterator.splits((train, val, test), ...)`: the training iterator is over the first dataset.
    const fed = given?.type === "tuple" && given.items.length > 0 ? given.items[0] : given;
    // The last binding of the name before the loader is the one it is fed (`ds = split(ds)` rebinds it).
    const linked = fed && datasets.filter((d) => d.site.call.pos.startIndex < l.site.call.pos.endIndex || d.site.context.fn !== l.site.context.fn).reverse().find((d) => (fed.type === "name" && d.names.includes(fed.id)) || d.site.call === fed || containsCall(fed, d.site.call));
    return { fed, linked };
  };
  // The other loaders' samples, where their dataset is one the plan sized: a loop may walk them with the training one.
  for (const l of loaders) {
    const other = l === loader ? undefined : linkedDataset(l).linked;
    if (other) for (const n of l.site.assignedTo) knownLoaders.set(n, { ...knownLoaders.get(n), samples: other.figure.value });
  }
  if (loader) {
    const { fed, linked } = linkedDataset(loader);
    // Fed a name or `self.x` bound to an unsized dataset of the code's own: not another name's sized part.
    // ... unless that object is of the project's own class whose len() is worked out (read below, own-dataset-length.ts).
    if (!linked && fedOwnUnsizedDataset(fed, loader.site, sites, datasets) && ownNamedDatasetLength(fed!, (e) => evaluateOne(loader.site, e)) === undefined) partOfUnknownSize = true;
    // `sampler=SubsetRandomSampler(train_idx)`: each epoch draws those indices only (a validation part held out).
    const sampled = subsetSamplerLength(loader.site, sites, input.text, (site, e) => evaluate(site, [e])[0]);
    if (sampled) samples.push({ rank: 110, figure: { value: sampled.value, source: "code", line: loader.site.call.pos.line, detail: sampled.code } });
    // `sampler=RepeatSampler(ds, 3)` of the project's own class: its len() is the epoch's, else the samples are unknown.
    const samplerGiven = sampled ? undefined : keywordArgument(loader.site.call, "sampler");
    const samplerCall = samplerGiven?.type === "call" ? samplerGiven : samplerGiven?.type === "name" ? sites.filter((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(samplerGiven.id) && x.call.pos.startIndex < loader.site.call.pos.startIndex).pop()?.call : undefined;
    // A subset sampler of indices whose count is not known, given as such or returned by a function of the code's own
    // (sampler-functions.ts): the epoch is a part of the dataset of unknown size, not the whole dataset.
    const samplerMaker = samplerCall ? evaluateOne(loader.site, samplerCall.func) : undefined;
    const subsetUncounted = !sampled && (givenSubsetSampler(loader.site, sites) || (samplerMaker?.kind === "function" && samplerMaker.definition.type === "function" && returnsSubsetSampler(samplerMaker.definition)));
    if (subsetUncounted) partOfUnknownSize = true;
    const ownSampled = samplerGiven ? ownSamplerSamples(samplerGiven, samplerCall, (e) => evaluate(loader.site, [e])[0]) : undefined;
    if (ownSampled === "unknown") partOfUnknownSize = true;
    else if (ownSampled) samples.push({ rank: 110, figure: { value: ownSampled.value, source: "code", line: loader.site.call.pos.line, detail: `len(${snippet(input.text, samplerGiven!)}): the indices the loader's sampler yields an epoch` } });
    // An own batch sampler draws len() batches of its own size a pass, whatever the dataset holds.
    const episodes = loader.episodes?.epoch;
    if (episodes?.batches === "unknown" || episodes?.batch === "unknown") partOfUnknownSize = true;
    else if (episodes) samples.push({ rank: 115, figure: { value: episodes.batches * episodes.batch, source: "code", line: loader.site.call.pos.line, detail: `len(${snippet(input.text, loader.episodes!.given)}) = ${formatCountOf(episodes.batches, "batch", "batches")} of ${formatCountOf(episodes.batch, "index", "indices")}: what the loader's batch_sampler yields a pass` } });
    if (linked && ownSampled !== "unknown" && !episodes && !subsetUncounted) samples.push({ rank: 100, figure: linked.figure });
    // A PyG loader over a dataset of graphs, or a part of one (`DataLoader(dataset[:150], ...)`): its graphs (graph-datasets.ts).
    const graphs = !linked && ownSampled === undefined && !episodes && fed ? graphDatasetGraphs(evaluateOne(loader.site, fed)) : undefined;
    if (graphs) samples.push({ rank: 100, figure: { value: graphs.value, source: "dataset table", line: loader.site.call.pos.line, detail: `${snippet(input.text, fed!)}: ${graphs.value} graphs of ${graphs.name} '${graphs.dataset}' (${graphs.source})` } });
    // A DGL loader batches the node (or edge) ids given after the graph: they are the epoch's samples (dgl-loaders.ts).
    const dglIndices = !linked && !graphs ? dglLoaderIndices(loader.site.call, (e) => evaluateOne(loader.site, e)) : undefined;
    if (dglIndices) samples.push({ rank: 100, figure: { value: dglIndices.value, source: "code", line: loader.site.call.pos.line, detail: `len(${snippet(input.text, dglIndices.given)}): the ids the DGL loader batches an epoch` } });
    // A PyG sampled loader draws its seed nodes, clusters or subgraph roots an epoch (pyg-loaders.ts).
    const pygSampled = !linked && !graphs && !dglIndices && isPygSampledLoader(loader.site.callee.split(".").pop() ?? "", evaluateOne(loader.site, loader.site.call.func)) ? pygSampledLoaderSamples(evaluateOne(loader.site, loader.site.call)) : undefined;
    if (pygSampled) samples.push({ rank: 100, figure: { value: pygSampled.value, source: "code", line: loader.site.call.pos.line, detail: `${pygSampled.loader}: the ${pygSampled.value} seed nodes, clusters or subgraph roots it draws an epoch (PyG 2.5 torch_geometric.loader)` } });
    // A loader over a list the script builds (`data = [(x0, y0), (x1, y1), ...]`, `DataLoader(data, ...)`): a list is a
    // map-style dataset of its items (torch.utils.data docs: any object with __getitem__ and __len__).
    const listed = !linked && ownSampled !== "unknown" && !episodes && fed && fed.type !== "tuple" ? evaluateOne(loader.site, fed) : undefined;
    // `DataLoader(dataset=make_train_set(), ...)`: a helper called in the argument returns the dataset the table sizes.
    const made = fed?.type === "call" && !linked && !episodes ? tableDatasetObjectSamples(listed) : undefined;
    if (made) samples.push({ rank: 100, figure: { value: made.value, source: "dataset table", line: loader.site.call.pos.line, detail: `${snippet(input.text, fed!)} is ${made.name} (${made.part ? `its "${made.part}" part` : "training split"}) where ${snippet(input.text, loader.site.call)} is built: ${datasetSize(made.name, "torchvision")!.source}` } });
    // `DataLoader(ImageFolder("data/train"), ...)`: the files of the class folders the workspace holds (folder-datasets.ts).
    const folderRoot = !made && !linked && !episodes && ownSampled !== "unknown" && fed ? folderDatasetRoot(listed) : undefined;
    const folderLength = folderRoot !== undefined ? evaluateOne(loader.site, lenCall(fed!)) : undefined;
    const folderFiles = positiveInteger(folderLength);
    // Not there to count: the plan says why, in place of the general "no known dataset" note.
    if (folderLength?.kind === "unknown") filteredNote ??= `samples: ${folderLength.reason}: pass --samples N`;
    if (folderFiles !== undefined) samples.push({ rank: 100, figure: { value: folderFiles, source: "code", line: loader.site.call.pos.line, detail: `len(${snippet(input.text, fed!)}): the ${folderFiles} images in the class folders of ${folderRoot} (torchvision ImageFolder)` } });
    // `DataLoader(Triplets(mnist, 100000), ...)`: an object of the project's own dataset class has its own len().
    const ownLength = !made && !linked && folderFiles === undefined && fed ? ownDatasetLength(fed, listed, (e) => evaluateOne(loader.site, e)) : undefined;
    if (ownLength !== undefined) samples.push({ rank: 100, figure: { value: ownLength, source: "code", line: loader.site.call.pos.line, detail: `len(${snippet(input.text, fed!)}): the __len__ of the project's dataset class the loader is given` } });
    const listItems = listed?.kind === "list" || listed?.kind === "tuple" ? lengthOf(listed) : undefined;
    if (listItems !== undefined) samples.push({ rank: 90, figure: { value: listItems, source: "code", line: loader.site.call.pos.line, detail: `len(${snippet(input.text, fed!)}): the ${listItems} items of the list the loader is given` } });
    // A tensor or array given as the dataset is one too (len() is its first dimension, indexing takes a row).
    const tensorRows = listItems === undefined && listed?.kind === "tensor" ? leadingDimension(listed) : undefined;
    if (tensorRows !== undefined) samples.push({ rank: 90, figure: { value: tensorRows, source: "code", line: loader.site.call.pos.line, detail: `len(${snippet(input.text, fed!)}): the ${tensorRows} rows of the tensor the loader is given` } });
    // The loader is fed a part whose size is not known (`Subset(ds, picked)`): not the whole dataset's samples.
    // Also a part built in the loader's call (`DataLoader(Subset(train, fold_idx), ...)`).
    // Also through the name's binding to a part of one (`train_set = processed["train"]`, hub-dataset-parts.ts).
    const aliased = fed?.type === "name" ? boundDatasetAlias(hubAssignments, fed.id, loader.site.call.pos.startIndex) : undefined;
    const aliasRoot = aliased ? rootName(aliased) : undefined;
    const unsized = fed?.type === "name" ? unsizedParts.filter((u) => (u.names.includes(fed.id) || (aliasRoot !== undefined && u.names.includes(aliasRoot))) && u.site.call.pos.startIndex < loader.site.call.pos.startIndex).pop() : fed?.type === "call" ? unsizedParts.find((u) => u.site.call === fed) : undefined;
    // A list comprehension that filters its items (`[(x, y) for x, y in ds if y in [0, 2]]`) and whose length is not
    // worked out keeps a part of the dataset of unknown size (filtered-comprehension.ts).
    const filtered = !linked && listItems === undefined && fed?.type === "name" ? filteredComprehensionBefore(loader.site.context.fn?.body ?? input.body, fed.id, loader.site.call.pos.startIndex) : undefined;
    if (unsized && (!linked || linked.site.call.pos.startIndex < unsized.site.call.pos.startIndex)) partOfUnknownSize = true;
    else if (filtered) {
      partOfUnknownSize = true;
      filteredNote = filteredSamplesNote(snippet(input.text, fed!), filtered);
    }
    else if (fed?.type === "attribute" && fed.object.type === "name" && !linked && ownSampled !== "unknown" && !episodes && !partOfUnknownSize) {
      // `self.dataset = get_dataset()` in a data module's setup, `DataLoader(self.dataset, ...)` in train_dataloader: the
      // object a helper of any workspace file returns is the dataset, as Python runs the call (self-set-dataset.ts).
      const object = selfSetDatasetSamples(fed, input.body, input.text, (site, e) => evaluateOne(site, e), runsByDefault);
      if (object) samples.push({ rank: 100, figure: { value: object.value, source: "dataset table", line: object.site.call.pos.line, detail: `${snippet(input.text, object.site.call)}: self.${fed.name} is ${object.name} (${object.part ? `its "${object.part}" part` : "training split"}): ${datasetSize(object.name, "torchvision")!.source}` } });
    }
    else if (fed?.type === "name" && ownSampled !== "unknown" && !episodes && !partOfUnknownSize) {
      // `dataset_class = torchvision.datasets.CIFAR10` ... `trainset = dataset_class(root, train=True)`: the class
      // the name holds is the dataset, as Python calls it.
      const built = sites.find((x): x is CallSite => x.kind === "call" && x.assignedTo.includes(fed.id) && (x.call.func.type === "name" || x.callee === "()") && x.call.pos.startIndex < loader.site.call.pos.startIndex && runsByDefault(x, (e) => evaluateOne(x, e)));
      const cls = built ? evaluateOne(built, built.call.func) : undefined;
      // Without torchvision installed the class is unknown: its name is read from the assignment the run reached.
      const className = cls?.kind === "class" ? cls.name : built ? assignedClassName(input.body, built.call.func.type === "name" ? built.call.func.id : "", interpreter, namespace.scope) : undefined;
      const table = className ? datasetSize(className, "torchvision") : undefined;
      // The project's own class of that name is the table's only when it selects its part as the library does.
      const known = table && cls && ownClass(cls) && !ownClassSelectsAsTable(cls, table) ? undefined : table;
      const isTrain = built && known ? loadsTrainSplit(known, built.call, (e) => evaluateOne(built, e)) : undefined;
      if (built && known?.trainSamples !== undefined && isTrain === true) samples.push({ rank: 100, figure: { value: known.trainSamples, source: "dataset table", line: built.call.pos.line, detail: `${snippet(input.text, built.call.func)} (${className}, training split): ${known.source}` } });
      else if (built && !known && cls?.kind === "class" && cls.module?.file && hasOwnOrKnownLength(cls)) {
        // A map-style dataset class of the workspace (`trainset = TextMelLoader(hparams.training_files, hparams)`):
        // its `__len__` as Python calls it, when the object builds from what the workspace holds (a file list read in
        // `__init__`); a length over data the workspace lacks stays unknown.
        const length = positiveInteger(evaluateOne(loader.site, lenCall(fed)));
        if (length !== undefined) samples.push({ rank: 90, figure: { value: length, source: "code", line: built.call.pos.line, detail: `len(${fed.id}): ${cls.name}.__len__ of ${snippet(input.text, built.call)}` } });
      } else if (built && !known) {
        // `train_dataset, test_dataset, _ = get_dataset(args)`, `dataset = TRAIN_DATASETS[args.dataset]()`: a helper or
        // a registry chose the dataset; the object the name holds where the loader is built says which, as Python runs it.
        const object = tableDatasetObjectSamples(evaluateOne(loader.site, fed));
        if (object) samples.push({ rank: 100, figure: { value: object.value, source: "dataset table", line: built.call.pos.line, detail: `${snippet(input.text, built.call)}: ${fed.id} is ${object.name} (${object.part ? `its "${object.part}" part` : "training split"}): ${datasetSize(object.name, "torchvision")!.source}` } });
        // `train, val, test = prepare_data()`: the random_split part the helper returns there (returned-split-parts.ts).
        const helper = object ? undefined : cls;
        const helperText = helper?.kind === "function" && helper.module.file ? (helper.module.file === file ? input.text : input.files?.read(helper.module.file)) : undefined;
        const part = helper?.kind === "function" && helperText !== undefined ? returnedSplitPart(interpreter, helper, helperText, built.assignedTo.indexOf(fed.id), built.assignedTo.length === 1, now, allowance) : undefined;
        if (part !== undefined) samples.push({ rank: 100, figure: { value: part, source: "code", line: built.call.pos.line, detail: `${snippet(input.text, built.call)}: ${fed.id} is the random_split part of ${part} samples the helper returns` } });
      } else if (!built) {
        // `for task, train_dataset in enumerate(train_datasets): ... DataLoader(train_dataset, ...)`: the loader takes
        // each dataset of the list in turn; when they all have one length, that is each epoch's samples.
        const each = loopDatasetLength(forLoops, loader.site, fed.id, (site, e) => evaluateOne(site, e));
        if (each) samples.push({ rank: 100, figure: { value: each.value, source: "code", line: loader.site.call.pos.line, detail: `len() of each of the ${each.count} datasets of ${snippet(input.text, each.list)}, the loop's ${fed.id}` } });
        // `ds = check_dataset(...)` then `_, _, train_dataset, test_dataset = ds`: a name unpacked from a value a helper
        // returned holds the dataset it chose, as Python runs it.
        const object = each ? undefined : tableDatasetObjectSamples(evaluateOne(loader.site, fed));
        if (object) samples.push({ rank: 100, figure: { value: object.value, source: "dataset table", line: loader.site.call.pos.line, detail: `${fed.id} is ${object.name} (${object.part ? `its "${object.part}" part` : "training split"}) where ${snippet(input.text, loader.site.call)} is built: ${datasetSize(object.name, "torchvision")!.source}` } });
        // A helper's parameter (`def prepare_dataloader(dataset, batch_size): return DataLoader(dataset, ...)`) holding
        // an object of the project's own dataset class, as the call passes it: its len() (own-dataset-length.ts).
        const own = each || object || !loader.site.context.fn?.params.some((p) => p.name === fed.id) ? undefined : ownNamedDatasetLength(fed, (e) => evaluateOne(loader.site, e));
        if (own !== undefined) samples.push({ rank: 90, figure: { value: own, source: "code", line: loader.site.call.pos.line, detail: `len(${fed.id}): the __len__ of the project's dataset object ${fed.id} holds where ${snippet(input.text, loader.site.call)} is built` } });
      }
    }
  }
  // Rows a Keras fit trains on, sliced from a loaded dataset's arrays (`X_train = X_train_full[5000:] / 255.`).
  // The binding the slice reads: the last one of that name before it.
  // A name bound later to an array that keeps another's rows (`x_train = vectorize_sequences(train_data)`,
  // row-preserving.ts) has that array's rows.
  const rowsOf = (name: string, line: number, depth = 0): PlanFigure | undefined => {
    const loaded = datasets.filter((d) => d.names.includes(name) && d.site.call.pos.line <= line).pop();
    const derived = depth < 4 ? rowPreservingBindings(input.body, input.text).filter((b) => b.name === name && b.line <= line && b.line >= (loaded?.site.call.pos.line ?? 0)).pop() : undefined;
    const rows = derived ? rowsOf(derived.from, derived.line, depth + 1) : undefined;
    if (!derived || !rows) return loaded?.figure;
    return { ...rows, detail: `${name} = ${snippet(input.text, derived.code)}, row for row of ${derived.from}: ${rows.detail}` };
  };
  const atModule = (e: Expression): number | undefined => {
    const value = evaluateOne({ kind: "constant", name: "", value: e, line: e.pos.line, context: { before: [] } }, e);
    return value?.kind === "int" ? value.value : undefined;
  };
  // A fit's input passed through the file's own functions (a parameter, a returned tuple) is the array it started as
  // (fit-input-origins.ts): a slice that binds that array is the fit's.
  const tracedFitInputs = sites.flatMap((s) => {
    if (s.kind !== "call" || s.call.func.type !== "attribute" || !/^fit(_generator)?$/.test(s.call.func.name)) return [];
    const x = positionalArgument(s.call, 0) ?? keywordArgument(s.call, "x");
    const origin = x ? fitInputOrigin(x, s.context.fn, input.body) : undefined;
    return origin ? [origin] : [];
  });
  // The slice must bind the name where the origin is (the function that returns it), not a namesake elsewhere.
  const tracedInput = (name: string, line: number) => tracedFitInputs.some((o) => o.name === name && (!o.fn || (o.fn.pos.line <= line && line <= o.fn.pos.endLine)));
  for (const sliced of slicedRows(input.body, (name, line) => rowsOf(name, line)?.value, atModule)) {
    const from = rowsOf(sliced.from, sliced.line);
    if (!(fitInputs.has(sliced.name) || tracedInput(sliced.name, sliced.line)) || !from) continue;
    const figure: PlanFigure = { value: sliced.rows, source: "code", line: sliced.line, detail: `${sliced.name} = ${snippet(input.text, sliced.code)}: ${sliced.rows} of the ${from.value} rows of ${sliced.from} (${from.detail})` };
    fitArrayRows.add(figure);
    samples.push({ rank: 25, figure });
  }
  // Rows a fit trains on, sliced with both bounds stated from an array whose length the code does not tell
  // (bounded-slices.ts): below every other reading of the rows.
  for (const sliced of boundedSliceRows(input.body, (name, line) => rowsOf(name, line)?.value, atModule)) {
    if (!fitInputs.has(sliced.name)) continue;
    const figure: PlanFigure = { value: sliced.rows, source: "code", line: sliced.line, detail: `${sliced.name} = ${snippet(input.text, sliced.code)}: the ${sliced.rows} rows the slice states, of ${sliced.from}, whose length the code does not tell` };
    fitArrayRows.add(figure);
    samples.push({ rank: 5, figure });
  }
  // A tf.data chain that takes or skips elements of a sized dataset (`ds = ds.skip(10000).batch(64)`, tfdata-parts.ts).
  if (/\.(take|skip|shard)\s*\(/.test(input.text)) {
    const paired = pairedBindings(input.body);
    const bindingOf = plainBindings(input.body);
    const walkedNames = namesIn(stepLoops.flatMap((l) => (l.type === "for" ? [l.iter] : [])), new Set());
    const rootRows = (e: Expression, at: number, depth = 0): Rows | undefined => {
      if (e.type === "subscript" && e.object.type === "name" && e.index.type === "str" && e.index.value === "train") return rootRows(e.object, at, depth + 1);
      // `ds = tfds.load(...).map(f)`: the chain starts at the dataset call itself.
      const called = e.type === "call" ? datasets.find((d) => d.site.call === e) : undefined;
      if (called) return { value: called.figure.value, detail: called.figure.detail };
      if (e.type !== "name" || depth > 6) return undefined;
      const bound = datasets.filter((d) => d.names.includes(e.id) && d.site.call.pos.startIndex < at).pop();
      if (bound) return { value: bound.figure.value, detail: bound.figure.detail };
      const pair = paired.get(e.id);
      if (pair && pair.pos.startIndex < at) return rootRows(pair, pair.pos.startIndex, depth + 1);
      // `ds = ds.map(f).shuffle(1000)`: the elements of what the chain starts from.
      const binding = bindingOf(e.id, at);
      const start = binding ? keptChainStart(binding.value) : undefined;
      return start && binding ? rootRows(start, binding.at, depth + 1) : undefined;
    };
    for (const chain of cutChains(input.body)) {
      const site = sites.find((x): x is CallSite => x.kind === "call" && x.call === chain.value);
      if (!site) continue;
      const rows = cutChainRows(chain.value, (e) => rootRows(e, chain.at), (e) => positiveOrZero(evaluateOne(site, e)), (e) => snippet(input.text, e), (e) => endlessGeneratorSource(e, (g) => evaluateOne(site, g)));
      // Only the part the run trains on (fit's data, a step loop's iterable) is its samples: not a validation take().
      const trained = chain.names.some((n) => fitInputs.has(n) || walkedNames.has(n));
      if (rows && trained && runsByDefault(site, (e) => evaluateOne(site, e))) datasets.push({ site, rank: 30, names: chain.names, figure: { value: rows.value, source: "code", line: site.call.pos.line, detail: rows.detail } });
    }
  }
  // A fit's array selected from a load's arrays by a boolean mask (`x_train[y_train == 6]`) holds the rows its mask
  // keeps, which the data decides: that load's published rows are not the fit's samples (masked-rows.ts).
  const loadedTables = new Set(datasets.filter((d) => d.figure.source === "dataset table").flatMap((d) => d.names));
  const maskedLoads = new Set(unsizedFitInputs.flatMap(({ x, at }) => maskedFrom(x, at, input.body, loadedTables) ?? []));
  // A trainer given a dataset whose rows only running the code tells (a batched map that splits long inputs into
  // features, a filter): the datasets the file loads are not its samples.
  for (const { site, given } of trainerDatasets) {
    const named = given.type === "subscript" && given.object.type === "name" ? given.object.id : given.type === "name" ? given.id : undefined;
    const unsized = named !== undefined ? unsizedParts.filter((u) => u.names.includes(named) && u.site.call.pos.startIndex < site.call.pos.startIndex).pop() : undefined;
    const sized = named !== undefined ? datasets.filter((d) => d.names.includes(named) && d.site.call.pos.startIndex < site.call.pos.startIndex).pop() : undefined;
    if (unsized && (!sized || sized.site.call.pos.startIndex < unsized.site.call.pos.startIndex) && runsByDefault(site, (e) => evaluateOne(site, e))) {
      partOfUnknownSize = true;
      filteredNote ??= `samples: ${snippet(input.text, site.call.func)}(train_dataset=${snippet(input.text, given)}) trains on what ${snippet(input.text, unsized.site.call)} (line ${unsized.site.call.pos.line}) keeps or makes, rows only running the code tells (a filter; a batched map whose function splits or joins rows): pass --samples N`;
      continue;
    }
    // `train = parts["train"]` of a split whose training part only running the code sizes (a split of a filtered set, a
    // split that leaves no training rows, which raises): the name holds that part, not the rows the file loads.
    const part = given.type === "name" && !sized ? unsizedAliasedPart(hubAssignments, given.id, site.call.pos.startIndex, (alias) => hubChainRows(alias, hubRoot(site, alias.pos.startIndex), (e) => evaluateOne(site, e), (e) => snippet(input.text, e), (name) => boundSplit(hubAssignments, name, alias.pos.startIndex))) : undefined;
    if (part && runsByDefault(site, (e) => evaluateOne(site, e))) {
      partOfUnknownSize = true;
      filteredNote ??= `samples: ${snippet(input.text, site.call.func)}(train_dataset=${snippet(input.text, given)}) trains on ${snippet(input.text, part)} (line ${part.pos.line}), rows only running the code tells (a split of a filtered set, or a split that raises for leaving no training rows): pass --samples N`;
    }
  }
  if (!partOfUnknownSize) for (const d of datasets) if (!d.names.some((n) => maskedLoads.has(n))) samples.push({ rank: d.rank, figure: d.figure });
  for (const { site, given } of trainerDatasets) {
    // A Hugging Face trainer trains on its train_dataset, whichever other datasets the file binds: the binding of that
    // name before the call, or the chain of Dataset methods written in the call.
    const at = site.call.pos.startIndex;
    const bound = given.type === "name" ? datasets.filter((d) => d.names.includes(given.id) && d.site.call.pos.startIndex < at).pop()?.figure : undefined;
    const chained = !bound ? hubChainRows(given, hubRoot(site, at), (e) => evaluateOne(site, e), (e) => snippet(input.text, e), (name) => boundSplit(hubAssignments, name, at)) : undefined;
    const takes = /DataLoader$/.test(site.callee) ? "" : "train_dataset=";
    const figure: PlanFigure | undefined = bound ? { ...bound, detail: `${snippet(input.text, site.call.func)}(${takes}${snippet(input.text, given)}): ${bound.detail} (line ${bound.line})` } : chained && !("unknown" in chained) ? { value: chained.value, source: "code", line: site.call.pos.line, detail: `${snippet(input.text, site.call.func)}(${takes || "dataset="}...): ${chained.detail}` } : undefined;
    if (figure && !partOfUnknownSize && runsByDefault(site, (e) => evaluateOne(site, e))) samples.push({ rank: 100, figure });
  }
  // A fit's array rebuilt from a table dataset's arrays has the rows the interpreter works out (rebuilt-fit-rows.ts);
  // a slice's figure of the same rank, read at its earlier line, keeps its own detail.
  const tableNames = new Set(datasets.filter((d) => d.figure.source === "dataset table").flatMap((d) => d.names));
  for (const { figure, x, at, site } of tableNames.size > 0 ? fitRows : []) {
    // A fit in a function reads the names its own body binds first (a k-fold's `partial_x = np.concatenate(...)` in
    // `main()`), then the module's.
    const fn = site.context.fn;
    const from = (fn ? rebuiltFrom(x, at, fn.body, tableNames) : undefined) ?? rebuiltFrom(x, at, input.body, tableNames) ?? (x.type === "name" && tableNames.has(x.id) ? x.id : undefined);
    const table = from !== undefined ? datasets.filter((d) => d.names.includes(from) && d.figure.source === "dataset table" && d.site.call.pos.startIndex < at).pop() : undefined;
    if (!table) continue;
    // The load the fit's array comes from, of the same rows: its figure, before another load of the file (a notebook
    // that fits boston_housing, then MNIST under the same names; each model's run is its own fit's).
    if (table.figure.value === figure.value) {
      samples.push({ rank: 25, figure: table.figure });
      continue;
    }
    const rebuilt: PlanFigure = { ...figure, detail: `${figure.detail}, an array rebuilt from ${from} (${table.figure.value} rows: ${table.figure.detail})` };
    fitArrayRows.add(rebuilt);
    samples.push({ rank: 25, figure: rebuilt });
  }
  // A fit's array returned by a call of the project's own function or method (own-call-fit-rows.ts): its rows as the
  // interpreter ran that code, above a table's figure for a load inside the function. Only for the file's one fit, made
  // once: a fit in a loop (`for n in range(num_iter): x_batch, y_batch = loader.get_batch(bs); net.fit(...)`) trains one
  // batch of rows a turn, and those rows are no run's samples.
  const inLoop = (c: Expression) => [...forLoops.map((l) => l.loop), ...whileLoops].some((l) => l.pos.startIndex < c.pos.startIndex && c.pos.endIndex <= l.pos.endIndex);
  for (const { figure, x, at, site } of kerasFitSites.length === 1 && !inLoop(kerasFitSites[0]!.call) ? fitRows : []) {
    const made = fitArrayCall(x, at, input.body);
    const callee = made ? evaluateOne(site, made.func) : undefined;
    if (!made || !(ownMethod(callee) || ownFunction(callee))) continue;
    const returned: PlanFigure = { ...figure, detail: `${figure.detail}, an array ${snippet(input.text, made)} returns (line ${made.pos.line})` };
    fitArrayRows.add(returned);
    samples.push({ rank: 25, figure: returned });
  }

  // Epoch loops of one block run in turn (epoch-loops-in-turn.ts): the run's epochs are theirs together.
  const counted = epochs.filter((c) => c.rank === 50 && epochLoops.has(c.figure)).map((c) => ({ figure: c.figure, loop: epochLoops.get(c.figure)! }));
  // A step loop inside the epoch loop, or in a function it calls once an epoch (`for epoch in ...: train(epoch)`).
  const stepLoopsOf = (l: LoopStatement) => [...forLoops.map((f) => f.loop), ...whileLoops].filter((inner) => shapeOf(inner).stepLoop && (within(l, inner) || stepLoopCalledPerEpoch(input.body, inner.pos, l)));
  const inTurn = epochLoopsInTurn(input.body, counted, (l) => stepLoopsOf(l).length > 0, stepLoopsOf, counted.length > 1 ? optimizedNetworkNames(input.body) : undefined);
  const stages = inTurn && "note" in inTurn ? inTurn : undefined;
  if (inTurn && !("note" in inTurn)) {
    const figure: PlanFigure = { value: inTurn.value, source: "code", line: inTurn.line, detail: inTurn.detail };
    loopSpans.set(figure, inTurn.span);
    epochLoops.set(figure, inTurn.first);
    epochs.push({ rank: 51, figure });
  }
  const plan: TrainingPlan = {};
  // The whole data of a full-batch loop is the run's only when that loop's steps are (not another model's loop).
  const steppingLine = best(steps)?.line;
  const ofRun = (candidates: Candidate[]) => candidates.filter((c) => !fullBatch.has(c.figure) || c.figure.line === steppingLine);
  const bestEpochs = best((hfMaxSteps ? epochs.filter((c) => !trainingArgumentEpochs.has(c.figure)) : epochs).filter((c) => !fullBatchEpochs.has(c.figure) || c.figure.line === steppingLine));
  // A full-batch loop that steps the run trains on all of its data each step: that data is the batch and the samples,
  // not a loader's that another loop (another model's, in a later cell) walks.
  const steppingFullBatch = [...fullBatch].find((f) => f.line === steppingLine);
  const bestBatch = steppingFullBatch ?? best(ofRun(batches));
  let bestSamples = steppingFullBatch ?? best(ofRun(samples));
  if (bestSamples && validationSplit && (bestSamples.source === "dataset table" || fitArrayRows.has(bestSamples)) && Math.floor(bestSamples.value * (1 - validationSplit.fraction)) > 0) {
    // Keras holds out the last fraction of the arrays: split_at = int(n * (1 - validation_split)) (keras data_adapter_utils).
    const kept = Math.floor(bestSamples.value * (1 - validationSplit.fraction));
    bestSamples = { ...bestSamples, value: kept, detail: `${bestSamples.detail}; minus validation_split=${validationSplit.fraction} (line ${validationSplit.line})` };
  }
  if (bestEpochs) plan.epochs = bestEpochs;
  if (bestSamples) plan.samples = bestSamples;
  // Packed rows are not the samples: their count is unknown, and no step count follows from them.
  const packedAway = packedRows !== undefined && plan.samples !== undefined;
  if (packedAway) delete plan.samples;
  // Samples left unknown because the fit's rows are a mask's selection are said so, not as "no known dataset".
  const maskedNote = !plan.samples && maskedLoads.size > 0 ? `samples: the array the fit trains on is selected from ${[...maskedLoads].join(", ")} by a boolean mask, so the rows it keeps are the data's to decide: pass --samples N` : undefined;
  if (bestBatch) plan.batch = bestBatch;
  if (!plan.batch && stepsSplitFit) {
    const split = stepsSplitBatch(stepsSplitFit, plan.samples);
    if (split) plan.batch = split;
    else batchFromData ??= stepsSplitUnknown(stepsSplitFit);
  }
  if ((bestBatch && builtLoaders.has(bestBatch) ? builtLoaders.get(bestBatch) : loader?.dropLast) || (bestSamples && droppedChunks.has(bestSamples))) plan.dropLast = true;
  // A step loop over zip(train_loader, other_loader) ends each epoch with the shortest (zipped-loaders.ts).
  const zipped = loader && bestSamples ? zippedEpoch(loader.site.assignedTo) : undefined;
  if (loader && bestSamples) for (const n of loader.site.assignedTo) knownLoaders.set(n, { ...knownLoaders.get(n), samples: bestSamples.value });
  if (zipped) shortenToWalk(zipped.names, `${zipped.code} (line ${zipped.line})`, "Python's zip stopping at its shortest argument");
  // A count only named for steps gives way to an epoch loop the code runs: when no loop or trainer was seen using it,
  // it may be anything's steps (`perturb_steps=args.num_steps` is an attack's), and the epochs and batches are the run's.
  const namedBest = best(steps);
  // torchbearer's Trial runs its epochs of len(loader) steps itself: a loop of the file's beside it (a gradient ascent
  // on an input image) is none of its steps (torchbearer-trial.ts).
  const bestSteps = (namedBest && namedSteps.has(namedBest) && bestEpochs && epochLoops.has(bestEpochs)) || (bestEpochs && trialEpochs.has(bestEpochs)) ? undefined : namedBest;
  const bestAccumulation = best(accumulations);
  const stepLoop = bestSteps && loopSpans.get(bestSteps);
  const epochLoop = bestEpochs && loopSpans.get(bestEpochs);
  const cap = bestSteps && counterBreaks.get(bestSteps);
  const outer = bestEpochs && epochLoops.get(bestEpochs);
  const nested = bestSteps && bestEpochs && stepLoop && epochLoop && !wholeRun.has(bestSteps) && ((stepLoop.startIndex > epochLoop.startIndex && stepLoop.endIndex <= epochLoop.endIndex) || (!cap && outer && stepLoopCalledPerEpoch(input.body, stepLoop, outer)));
  // A step loop that also ends each epoch on its own (`while not minibatch.end():`) under a run-wide cap runs
  // min(epochs × its passes, cap) steps: with its passes unknown, the cap bounds the run but does not give it.
  const selfEnding = nested && cap && outer ? whileLoops.find((l) => l.pos === stepLoop && l.type === "while" && endsOnItsOwn(l, cap.counter)) : undefined;
  if (selfEnding && outer) {
    perEpochOnly = `steps: at most ${bestSteps!.value.toLocaleString("en-US")} (${bestSteps!.detail}, line ${bestSteps!.line}), but while ${snippet(input.text, selfEnding.test)} also ends each of the ${bestEpochs!.value} epochs of line ${outer.pos.line} on its own, after passes the code does not count, so the run's optimizer steps are not known`;
  } else if (nested && cap && outer && !resets(outer, cap.counter, stepLoop!)) {
    // A counter the epoch loop never resets (`step = 0` before it) caps the whole run. Only the inner loop breaks:
    // each later epoch runs one step more before its check, when the check follows the step.
    const leak = cap.afterStep && !shapeOf(outer).breakAt ? bestEpochs!.value - 1 : 0;
    plan.steps = { ...bestSteps!, value: bestSteps!.value + leak, detail: `${bestSteps!.detail} over the whole run${leak > 0 ? `, and one step in each of the ${leak} later epochs before the check` : ""}` };
  } else if (nested) {
    // `for epoch in range(E): for step in range(S)`: S steps in each of E epochs.
    plan.steps = { ...bestSteps!, value: bestEpochs!.value * bestSteps!.value, detail: `${bestEpochs!.detail} × ${bestSteps!.detail}` };
  } else if (bestSteps && stepLoop && outer && !cap && !namedSteps.has(bestSteps) && !wholeRun.has(bestSteps) && stepsOfEarlierRun(stepLoop, outer, stepLoopsOf(outer), input.body)) {
    // An earlier cell's loop, run before the epoch loop and not through it, trains something else (earlier-run-steps.ts).
    earlierRunNote = `steps: ${bestSteps.detail} (line ${bestSteps.line}) runs before the epoch loop of line ${outer.pos.line} and is none of its passes: another training's steps, not counted`;
  } else if (bestSteps) {
    // `for epoch in itertools.count():` (or over a count the code does not state) around the step loop: the loop's
    // count is each epoch's, and the run's is unknown, not one epoch's.
    // A count that caps the whole run (`if global_step >= max_train_steps: break`) or a count named for steps is the
    // run's whatever the epochs.
    const perPass = stepLoop && !bestEpochs && !cap && !namedSteps.has(bestSteps) && !bestSteps.detail.includes(" until ");
    const uncountedEpoch = perPass ? forLoops.find((l) => isEpochLoop(l) && l.loop.pos.startIndex < stepLoop.startIndex && stepLoop.endIndex <= l.loop.pos.endIndex) : undefined;
    if (uncountedEpoch) perEpochOnly = `steps: ${bestSteps.detail} (line ${bestSteps.line}) is each pass of for ${uncountedEpoch.variable} in ${snippet(input.text, uncountedEpoch.loop.iter)} (line ${uncountedEpoch.loop.pos.line}), whose count the code does not state, so the run's optimizer steps are not known`;
    else plan.steps = bestSteps;
  }
  if (bestAccumulation && bestAccumulation.value > 1) plan.accumulation = bestAccumulation;
  // TRL's classic PPO: its dataloader drops the last partial rollout batch, and each step call takes ppo_epochs passes
  // of optimizer steps over the rollout (trl-ppo.ts).
  const ppoSteps = ppoRun && plan.epochs && plan.samples && !plan.steps ? classicPpoSteps(ppoRun, plan.epochs.value, plan.samples.value) : undefined;
  if (ppoRun && ppoSteps !== undefined) {
    plan.dropLast = true;
    plan.steps = { value: ppoSteps, source: "code", line: ppoRun.loop.pos.line, detail: `${plan.epochs!.value} × ⌊${plan.samples!.value} / batch_size ${ppoRun.rollout}⌋ rollout batches × ${ppoRun.ppoEpochs} ppo_epochs × ${Math.max(1, Math.floor(ppoRun.rollout! / (ppoRun.batch! * (ppoRun.accumulation ?? 1))))} optimizer steps each (TRL's PPOTrainer.step)` };
  }
  if (deepSpeedPrecision) precision = deepSpeedPrecision;
  if (!precision && weightPrecision) precision = weightPrecision;
  if (precision) plan.precision = precision;
  // A run with no precision of its own trains in the Keras policy a workspace module it imports sets on import.
  if (!plan.precision && !input.nested && input.files && (plan.epochs || plan.batch || plan.steps) && /\bimport\b/.test(input.text)) {
    const imported = importedKerasPolicy(input.body, interpreter, file, input.files);
    if (imported) plan.precision = { value: imported.value, line: imported.line, detail: imported.detail };
  }
  if (tracker) plan.tracker = tracker;
  // What the code's own torch.cuda calls were answered (the target's GPU), not what its text mentions.
  if (!input.nested) {
    const note = cudaQueriesNote(interpreter.cudaQueries, interpreter.cudaDevice?.name, input.file);
    if (note) plan.cudaQueries = note;
  }
  // `trainer.fit(model, datamodule=dm)`: the data module's training loader is the run's, whatever loaders the file has.
  // A body read for another file's call (`pl_train(model, dm)` → `trainer.fit(model, data_module)`) fits on the data
  // module the call passes it, as a script's own fit does; other nested reads (a data module's methods) fit nothing.
  const dataModule = input.nested && !input.trains ? undefined : dataModuleTraining(sites, file, input.text, input.files, (site, e) => evaluateOne(site, e), (site) => runsByDefault(site, (e) => evaluateOne(site, e)), input.root);
  if (dataModule) fillFromDataModule(plan, dataModule, discoverTrainingPlan({ ...input, namespace: dataModule.module, body: dataModule.definitions, text: dataModule.text, file: dataModule.file, bound: dataModule.bindings, nested: true }), input.text, input.root);
  // A lightning-bolts data module of an uninstalled package: its documented default batch.
  const bolts = dataModule || input.nested ? undefined : boltsDataModuleBatch(sites, input.text, (site, e) => evaluateOne(site, e), (site) => runsByDefault(site, (e) => evaluateOne(site, e)));
  if (bolts && (!plan.batch || plan.batch.source !== "code")) plan.batch = { value: bolts.value, source: bolts.source, line: bolts.line, detail: bolts.detail };
  // A data module from a library's `Cls.from_...(batch_size=N)` constructor (Lightning Flash, from_datasets).
  const constructed = dataModule || bolts || input.nested ? undefined : constructedDataModuleBatch(sites, input.text, (site, e) => evaluateOne(site, e), (site) => runsByDefault(site, (e) => evaluateOne(site, e)));
  if (constructed && (!plan.batch || plan.batch.source !== "code")) plan.batch = { value: constructed.value, source: constructed.source, line: constructed.line, detail: constructed.detail };
  // A script without training loops of its own that trains through another file's method or function
  // (`model.train(loader)`): the loops that body runs set the run's length; its other figures fill what this file
  // leaves unset. So does one whose loops sit in a method of its own class (`Trainer(...).fit()`), read above without
  // the object, when they gave no length.
  /** Why the samples the file read are not the run's: the loader a foreign body walks is of unknown length. */
  let unsizedWalk: string | undefined;
  /** The call of another file's training function that the run is read through, and its definition. */
  let foreignCall: { call: Extract<Expression, { type: "call" }>; definition: FunctionDefinition; site: CallSite } | undefined;
  /** The self helpers that call's method hands its work to. */
  let foreignHelpers: FunctionDefinition[] | undefined;
  // `strategy.train()` with no argument on an object of a plain class of the project that defines `train`: no
  // mode switch, but that class's own training (an active-learning strategy's query rounds).
  const ownObjectTrains = () => sites.some((s) => s.kind === "call" && s.call.func.type === "attribute" && s.call.func.name === "train" && plainObjectTrain(s, s.call));
  const ownLoops = /\.backward\s*\(/.test(input.text);
  if ((!input.nested || (input.handsOn && !plan.epochs && !plan.steps)) && input.files && (ownLoops ? !plan.epochs && !plan.steps : plan.batch || /__name__\s*==\s*['"]__main__['"]/.test(input.text) || TRAINING_FUNCTION_CALL.test(input.text) || TRAINING_METHOD_CALL.test(input.text) || (OWN_FIT_CALL.test(input.text) && !LIBRARY_FIT.test(input.text)) || WORKER_TARGET.test(input.text) || ownObjectTrains() || callsImportedModuleTrain(input.body, input.text) || callsImportedFunctionAtTop(input.body) || trainsReturnedObject(input.text))) {
    // A model trained in turn with others reads the calls its own statements make, not the other models' (the
    // same imported function called once a model, models-in-turn.ts).
    const ownBody = statementsOutside(input.body, input.exclude);
    const foreign = foreignTraining(ownBody, input.text, file, input.files, (site, e) => evaluateOne(site, e), (site) => runsByDefault(site, (e) => evaluateOne(site, e)), undefined, (n) => namespace.scope.names.get(n));

    if (foreign) {
      foreignCall = { call: foreign.site.call, definition: foreign.definition, site: foreign.site };
      foreignHelpers = foreign.helpers;
      // The body's module imports say where its names come from (a Trainer of Lightning's, or a helper's): they are
      // read with the body, as the module's own analysis reads them.
      const imports = (interpreter.loader.moduleBody?.(foreign.file) ?? []).filter((st) => st.type === "import" || st.type === "importFrom");
      const inner = discoverTrainingPlan({ ...input, namespace: foreign.module, body: [...imports, foreign.definition, ...foreign.helpers], text: foreign.text, file: foreign.file, bound: foreign.bindings, nested: true, trains: true, handsOn: foreign.handsOn && !input.nested });
      // A held object's method called in a loop of the method the script calls (`while not done: ...
      // self.model.train_net()`) runs its loops once a pass of that loop: its epochs and steps are one call's.
      if (foreign.perPassOf && (inner.steps || inner.epochs)) {
        const perCall = inner.steps ?? inner.epochs!;
        perEpochOnly = `steps: ${snippet(input.text, foreign.site.call)} runs ${foreign.definition.name}() on each pass of ${foreign.perPassOf}, ${perCall.value.toLocaleString("en-US")} ${inner.steps ? "steps" : "epochs"} a call (${perCall.detail}), so the run's optimizer steps are not known`;
        delete inner.steps;
        delete inner.epochs;
      }
      fillFromForeign(plan, foreign, inner, input.text, input.root);
      // The same body called again in turn (a frozen stage, then the rest): each call's epochs and steps add up.
      const later = inner.epochs || inner.steps ? laterCallsInTurn(ownBody, input.text, foreign.site.call) : [];
      if (later.length > 0) {
        const inners = later.map((call) => {
          const again = foreignTraining(ownBody, input.text, file, input.files!, (site, e) => evaluateOne(site, e), (site) => runsByDefault(site, (e) => evaluateOne(site, e)), call);
          return again ? discoverTrainingPlan({ ...input, namespace: again.module, body: [again.definition, ...again.helpers], text: again.text, file: again.file, bound: again.bindings, nested: true, trains: true }) : {};
        });
        const calls = [foreign.site.call, ...later];
        const line = foreign.site.call.pos.line;
        const firstOf = (own: PlanFigure | undefined, read: PlanFigure | undefined) => (own?.line === line ? own : read);
        // A call inside counted loops (a later query round's) counts once a turn (loops-around-call.ts); one inside a
        // loop of a count the code does not state leaves the sum unknown.
        const turnsOf = calls.map((c) => {
          const around = loopsAroundCall(c, input.body, input.text);
          return around && around.loops.length === 0 ? { value: 1, detail: "" } : turnsAround(c, true);
        });
        const timesTurns = (figures: (PlanFigure | undefined)[]) => figures.map((f, i) => (f && turnsOf[i] ? (turnsOf[i]!.value === 1 ? f : { ...f, value: f.value * turnsOf[i]!.value, detail: `${turnsOf[i]!.detail} × ${f.detail}` }) : undefined));
        const epochsInTurn = inner.epochs ? figureOverCalls(timesTurns([firstOf(plan.epochs, inner.epochs), ...inners.map((p) => p.epochs)]), calls, line) : undefined;
        const stepsInTurn = inner.steps ? figureOverCalls(timesTurns([firstOf(plan.steps, inner.steps), ...inners.map((p) => p.steps)]), calls, line) : undefined;
        // A later call repeated by a loop of unstated count: the first call's figures are not the run's.
        if (turnsOf.some((t) => t === undefined)) {
          if (plan.epochs?.line === line) delete plan.epochs;
          if (plan.steps?.line === line) delete plan.steps;
        }
        if (epochsInTurn && plan.epochs?.line === line) plan.epochs = epochsInTurn;
        if (stepsInTurn && plan.steps?.line === line) plan.steps = stepsInTurn;
        // Epochs added while a call's steps are unknown: the first call's steps are no longer the run's.
        else if (epochsInTurn && plan.steps?.line === line) delete plan.steps;
      }
      // The call made again on each turn of counted loops around it (federated rounds × sampled clients, query
      // cycles): every turn runs the body's epochs again (loops-around-call.ts).
      // Here every loop around the call repeats it, one named for epochs too: the run's epochs are the body's. A body
      // of steps and no epochs (`trainer.fit_one(x, 1)` on each window a generator yields) takes its steps again.
      const turns = (inner.epochs || inner.steps) && later.length === 0 ? turnsAround(foreign.site.call, true) : undefined;
      const line = foreign.site.call.pos.line;
      if (turns && plan.epochs?.line === line) plan.epochs = { ...plan.epochs, value: plan.epochs.value * turns.value, detail: `${turns.detail} × ${plan.epochs.detail}` };
      if (turns && (plan.epochs?.line === line || !plan.epochs) && plan.steps?.line === line) plan.steps = { ...plan.steps, value: plan.steps.value * turns.value, detail: `${turns.detail} × ${plan.steps.detail}` };
      // A call under a learn-every-N gate of episodes in a budget of environment steps (PPO's update every T steps of its
      // rollout): each call runs the body's steps; its epochs are update epochs over that call's rollout, not the run's.
      const gatedCalls = !turns && later.length === 0 && inner.steps && plan.steps?.line === line ? budgetGatedCalls(foreign.site.call) : undefined;
      if (gatedCalls && plan.steps) {
        plan.steps = { ...plan.steps, value: plan.steps.value * gatedCalls.value, detail: `${gatedCalls.detail}, each a call × ${plan.steps.detail}` };
        if (plan.epochs?.line === line) delete plan.epochs;
        if (plan.samples?.line === line) delete plan.samples;
      }
      // A call that a loop of uncounted passes repeats (`while not done:` episodes): the body's epochs and steps are
      // one call's, not the run's (uncounted-call-repeats.ts).
      const repeatedBy = !turns && !gatedCalls && later.length === 0 && plan.epochs?.line === line ? loopAroundCall(foreign.site.call, ownBody) : undefined;
      if (repeatedBy) {
        const head = repeatedBy.type === "while" ? `while ${snippet(input.text, repeatedBy.test)}` : `for ${snippet(input.text, repeatedBy.target)} in ${snippet(input.text, repeatedBy.iter)}`;
        repeatedCallNote = `epochs: ${snippet(input.text, foreign.site.call)} runs on passes of ${head} (line ${repeatedBy.pos.line}) that the code does not count, so its ${plan.epochs!.value.toLocaleString("en-US")} epochs (${plan.epochs!.detail}) are one call's, not the run's`;
        delete plan.epochs;
        if (plan.steps?.line === line) delete plan.steps;
      }
      // The called function walks loaders it is passed together (`zip(source_loader, target_loader)`, `range(min(len(
      // src), len(tgt)))`): the script's loaders bound to those parameters, each epoch as long as the shortest.
      const walked = walkedTogether(foreign.definition.body);
      const passed = walked?.names.map((n) => passedArgument(foreign.site.call, foreign.definition, n));
      if (walked && passed?.every((a) => a?.type === "name")) {
        const names = passed.map((a) => (a as Extract<Expression, { type: "name" }>).id);
        if (names.some((n) => knownLoaders.has(n))) shortenToWalk(names, `${names.join(", ")}, which ${snippet(input.text, foreign.site.call)} walks together (${foreign.definition.name} in ${input.root ? relativeTo(input.root, foreign.file) : foreign.file} line ${walked.line})`, "as zip or min(len(...)) stops at the shortest");
      }
      // `for i in range(config.max_epochs): model.run_epoch(...)`: a loop of this file over a count named for epochs
      // runs the called body once per epoch, when that body has no epoch loop of its own.
      const around = !inner.epochs ? forLoops.find((l) => l.loop.pos.startIndex < foreign.site.call.pos.startIndex && foreign.site.call.pos.endIndex <= l.loop.pos.endIndex && (EPOCH_VARIABLE.test(l.variable) || namesEpochs(l.loop.iter))) : undefined;
      const count = around ? iterationCount(iterOf(around.loop) ?? around.loop.iter, (e) => evaluateOne(around, e)) : undefined;
      if (around && count !== undefined && count > 0) {
        const epochs: PlanFigure = { value: count, source: "code", line: around.loop.pos.line, detail: `for ${around.variable} in ${snippet(input.text, around.loop.iter)}, around ${snippet(input.text, foreign.site.call)}` };
        plan.epochs = epochs;
        if (inner.steps) plan.steps = { ...inner.steps, value: count * inner.steps.value, line: epochs.line, detail: `${epochs.detail} × ${inner.steps.detail}` };
      }
    }
    // `for x in self.data_loader:` over a loader the object's `__init__` built: its samples, and its batch if unset.
    const receiver = foreign?.site.call.func.type === "attribute" ? rootName(foreign.site.call.func.object) : undefined;
    // The call that built the receiver, named for training or not (`solver = Solver(args)`).
    const makes = (s: CodeSite): s is CallSite => s.kind === "call" && s.assignedTo.includes(receiver!) && runsByDefault(s, (e) => evaluateOne(s, e));
    const maker = receiver ? sites.find(makes) ?? (foreign && (!plan.samples || !plan.batch) ? findCodeSites(input.body, input.text, /\w\s*\(/).find(makes) : undefined) : undefined;
    const built = foreign && (!plan.samples || !plan.batch) ? initLoader(interpreter, foreign, input.files, now, allowance, maker && { call: maker.call, evaluate: (e) => evaluateOne(maker, e) }) : undefined;
    if (foreign && built) {
      const where = `${snippet(input.text, foreign.site.call)} iterates self.${built.attribute}, built in __init__ by ${built.code} in ${input.root ? relativeTo(input.root, built.file) : built.file} line ${built.line}`;
      if (!plan.batch) plan.batch = { value: built.batch, source: "code", line: foreign.site.call.pos.line, detail: where };
      // The loader the body walks sizes its epochs: where its data's length is not known (a Dataset of the project
      // over a client's share of indices), a data set the script built elsewhere is not what an epoch walks.
      if (plan.samples && !built.samples && plan.samples.line !== foreign.site.call.pos.line) {
        unsizedWalk = `samples: ${where}, whose data's length is not known, so the ${plan.samples.value.toLocaleString("en-US")} samples of line ${plan.samples.line} are not what an epoch walks`;
        delete plan.samples;
      }
      if (!plan.samples && built.samples) plan.samples = { value: built.samples.value, source: built.samples.table ? "dataset table" : "code", line: foreign.site.call.pos.line, detail: `${where}: ${built.samples.code}` };
    }
  }
  // `trainer.fit(train_loader=config["train_loader"])` with `config = config_trainer()` returning a dict of loaders:
  // the loader built under that key (returned-dict-loader.ts).
  if (foreignCall && !plan.batch && input.files && /\[\s*["']/.test(snippet(input.text, foreignCall.site.call))) {
    const keyed = dictKeyLoader({ definition: foreignCall.definition, site: foreignCall.site, helpers: foreignHelpers ?? [] }, input.body, (e) => evaluateOne(foreignCall!.site, e), interpreter, input.files, now, allowance);
    if (keyed) plan.batch = { value: keyed.batch, source: "code", line: foreignCall.site.call.pos.line, detail: `${snippet(input.text, foreignCall.site.call)} walks ${keyed.code} (${input.root ? relativeTo(input.root, keyed.file) : keyed.file} line ${keyed.line})` };
  }
  // `for i, batch in enumerate(iterator)` over a loader another workspace file builds at its top level and the script
  // imports (`from data import *`): that module's loader gives the batch and samples this file leaves unread.
  if (!input.nested && input.files && (!plan.batch || !plan.samples)) {
    const walked = forLoops.filter((l) => shapeOf(l.loop).stepLoop).flatMap((l) => {
      const name = walkedLoaderName(l.loop.iter);
      return name ? [{ name, fn: l.context.fn }] : [];
    });
    // With no step loop of its own, the names it passes to another file's function whose step loops walk them.
    const names = walked.length > 0 ? walkedScriptNames(walked, input.body) : foreignCall ? namesPassedToWalk(foreignCall.call, foreignCall.definition) : [];
    const imported = names.length > 0 ? importedLoaderModule(input.body, names, interpreter, file, input.files) : undefined;
    if (imported) fillFromImported(plan, imported, discoverTrainingPlan({ ...input, namespace: imported.module, body: imported.body, text: imported.text, file: imported.file, nested: true, bound: undefined, only: undefined, exclude: undefined, trains: undefined, walked: [imported.name] }), input.root);
  }
  // A dev run beside a Trainer that trains in full (a notebook's smoke test, then the run): the full Trainer's
  // epochs stand; the dev run's batches are told, not counted (lightning-fast-dev-run.ts).
  const devRunBeside = fastDevRun && fullTrainer ? besideFullTrainer(fastDevRun, fullTrainer.line) : undefined;
  if (fastDevRun && !devRunBeside) {
    const { batches, line, detail } = fastDevRun;
    const shown = `${detail}: Lightning's fast_dev_run runs 1 epoch of ${batches} training batch${batches === 1 ? "" : "es"}, whatever the epochs and steps say`;
    plan.epochs = { value: 1, source: "code", line, detail: shown };
    plan.steps = { value: fastDevRunSteps(batches, plan.accumulation?.value), source: "code", line, detail: `${shown}${plan.accumulation ? `, grouped by ${plan.accumulation.value}` : ""}` };
  }
  // Lightning's limit_train_batches cuts each epoch short: the run's steps are the limited batches of each epoch.
  const limitedRun = trainBatchLimit && !plan.steps ? limitedSteps(trainBatchLimit.limit, plan) : undefined;
  if (trainBatchLimit && limitedRun) plan.steps = { value: limitedRun.value, source: "code", line: trainBatchLimit.line, detail: `${plan.epochs!.detail} × ${limitedRun.perEpoch} batches an epoch (${trainBatchLimit.detail})${plan.accumulation ? `, grouped by ${plan.accumulation.value}` : ""}` };
  // GRPO and RLOO: a step's batch × accumulation completions are num_generations completions of each of fewer prompts.
  const grouped = generation && !plan.steps && plan.epochs && plan.samples && plan.batch ? generationSteps(plan.epochs.value, plan.samples.value, plan.batch.value, plan.accumulation?.value ?? 1, generation) : undefined;
  if (generation && grouped) plan.steps = { value: grouped.value, source: "code", line: generation.line, detail: `${plan.epochs!.detail} × ${grouped.detail ?? `⌊${plan.samples!.value} prompts / ${grouped.perStep} a step⌋`} (${generation.detail}; a step's ${plan.batch!.value * (plan.accumulation?.value ?? 1)} completions)` };
  // Config files that fed the plan: Hydra's composition, and files the code opened as data while it was read.
  const opened = (interpreter.loader.filesRead?.() ?? []).filter((f) => CONFIG_FILE.test(f.path));
  const sources = {
    read: [...hydra.flatMap((r) => r.files), ...opened.filter((f) => f.found).map((f) => f.path), ...deepSpeedFiles.filter((f) => "config" in f).map((f) => f.path)],
    missing: [...hydra.flatMap((r) => r.missing), ...opened.filter((f) => !f.found).map((f) => f.path), ...deepSpeedFiles.filter((f) => "problem" in f && f.problem === "missing").map((f) => f.path)],
  };
  const notes = configNotes(sources, input.root);
  if (maskedNote && !plan.samples) notes.push(maskedNote);
  if (packedAway && packedRows) notes.push(packedRows);
  if (unsizedWalk) notes.push(unsizedWalk);
  if (endlessFit) notes.push(endlessFit);
  notes.push(...learnNotes);
  if (devRunBeside) notes.push(devRunBeside);
  for (const f of deepSpeedFiles) if ("problem" in f && f.problem !== "missing") notes.push(`config unreadable: ${input.root && f.path.startsWith("/") ? relativeTo(input.root, f.path) : f.path} ${f.problem}: deepspeed.initialize would raise on it, and its figures are not read`);
  if (filteredNote) notes.push(filteredNote);
  if (deepSpeedUnconfigured && !plan.batch) notes.push(deepSpeedUnconfigured);
  if (!plan.precision && unsurePrecision) {
    plan.precision = fullPrecisionInstead(unsurePrecision);
    notes.push(`precision: ${plan.precision.detail}`);
  }
  if (!plan.precision && offPrecision) plan.precision = fullPrecisionOff(offPrecision);
  if (!plan.steps && uncountedEpisodes) notes.push(uncountedEpisodes);
  if (!plan.epochs && openWhileEpochs) notes.push(openWhileEpochs);
  // Steps counted from loops one of which can end early (`if done: break` in an episode, `if running_reward > 475:
  // break` when solved): the count is the most the run takes, and the run may take fewer.
  // A break whose test the defaults make false (`if args.switch_goal and ...:`) never runs, and an episode of an
  // environment that never terminates runs exactly its time limit (episode-length.ts): neither cuts the run short.
  const siteOf = (l: Statement) => sites.find((x) => (x.kind === "loop" || x.kind === "while") && x.loop === l) as Extract<CodeSite, { kind: "loop" | "while" }> | undefined;
  const endsEarly = (l: LoopStatement): boolean => {
    const site = siteOf(l);
    if (!site) return false;
    const episode = environmentEpisode(l);
    if (episode && fixedEpisodeSteps(evaluateOne(site, episode.env)) !== undefined) return false;
    // A break at a known index (`if epoch > stop_epoch: break`) is already in the count.
    if (l.type === "for" && (passesBeforeBreak(l, iterOf(l) ?? l.iter, (e) => evaluateOne(site, e), input.text) || turnsBeforeBreak(l, iterOf(l) ?? l.iter, (e) => evaluateOne(site, e), input.text))) return false;
    // So is a break that holds by default on the first pass (first-pass-break.ts).
    if (firstPassBreak(l, (s) => trainingWork([s]).stepsOnce, (e) => evaluateOne(site, e), input.text)) return false;
    // Only a test of names the loop never binds is read before it (a running reward starts at 0 and grows).
    const bound = new Set<string>();
    forEachStatement(l.body, ({ statement: b }) => {
      const targets = b.type === "assign" ? b.targets : b.type === "augmented" ? [b.target] : b.type === "for" ? [b.target] : [];
      for (const t of targets) namesIn([t], bound);
    });
    return breakGuards(l).some((g) => g === undefined || [...namesIn([g], new Set())].some((n) => bound.has(n)) || truth(evaluateOne(site, g)) !== false);
  };
  const allLoops: LoopStatement[] = [...forLoops.map((l) => l.loop), ...whileLoops];
  const early = plan.steps?.source === "code" ? allLoops.find((l) => l.pos.line === plan.steps!.line) : undefined;
  const cut = early ? allLoops.find((l) => (l === early || within(l, early)) && endsEarly(l)) : undefined;
  if (plan.steps && cut) {
    notes.push(`steps: at most ${plan.steps.value.toLocaleString("en-US")}: the loop at line ${cut.pos.line} can end early (break), so the run may take fewer`);
    // The figure's own detail says so too: it travels with the plan where the notes do not (an episode helper of
    // another file, `mini_batch_train(env, agent, MAX_EPISODES, MAX_STEPS, BATCH_SIZE)`, hands on its figures only).
    plan.steps = { ...plan.steps, detail: `at most ${plan.steps.detail} (an upper bound: the loop at line ${cut.pos.line} can end early on a break)` };
  } else if (!plan.steps && plan.epochs?.source === "code") {
    // Steps worked out from the epochs (× batches a pass) are as much an upper bound when the epoch loop can break.
    const epochLoop = epochLoops.get(plan.epochs);
    if (epochLoop && endsEarly(epochLoop)) {
      notes.push(`epochs: at most ${plan.epochs.value.toLocaleString("en-US")}: the loop at line ${epochLoop.pos.line} can end early (break), so the run may take fewer`);
      plan.epochs = { ...plan.epochs, detail: `at most ${plan.epochs.detail} (an upper bound: the loop can end early on a break)` };
    }
  }
  // One pass over the data that nothing repeats (`for x, y in loader:` at top level, or in a function called once
  // from no loop) is one epoch (single-pass.ts).
  const onlyStepLoop = stepLoops.length === 1 ? stepLoops[0] : undefined;
  const onlySite = onlyStepLoop ? siteOf(onlyStepLoop) : undefined;
  // Over a name, however wrapped (`enumerate(loader)`, `tqdm(loader)`): not a counted range.
  const walksData = onlyStepLoop?.type === "for" && walkedName(iterOf(onlyStepLoop) ?? onlyStepLoop.iter) !== undefined;
  if (!input.nested && !plan.epochs && !plan.steps && plan.samples && plan.batch && onlyStepLoop && onlySite && walksData && runsOnce(onlyStepLoop, onlySite.context.fn, [...forLoops.map((l) => l.loop), ...whileLoops], input.body, input.text)) {
    plan.epochs = { value: 1, source: "code", line: onlyStepLoop.pos.line, detail: `one pass of ${snippet(input.text, (onlyStepLoop as Extract<Statement, { type: "for" }>).iter)}: no loop repeats it${onlySite.context.fn ? ` (${onlySite.context.fn.name} is called once)` : ""}` };
  }
  // Step loops the script's defaults never reach (skipped-by-default.ts): the figures stand, the note says so. The
  // gates are read last, when the search's allowance may be spent on the data the loops walk (a triplet set built
  // item by item): a gate's test is read on an allowance of its own, so the note does not hang on what came before.
  const gates = withReserve(allowance, GATE_STEPS, () => stepLoops.map((l) => {
    const site = siteOf(l);
    return site ? gateAgainst((site.context.conditions ?? []).filter((c) => !countedGates.has(c.test)), (t) => truth(evaluateOne(site, t)), (t) => namesIn([t], new Set()).has("__name__")) : undefined;
  }));
  const gate = gates[0];
  const isSubcommand = (f: FunctionDefinition) => clickSubcommands(input.body, input.text).has(f);
  if (gate && (plan.steps || plan.epochs) && gates.every((g) => g !== undefined)) notes.push(skippedByDefaultNote(snippet(input.text, gate.test), gate.holds, stepLoops[0].pos.line));
  // A step loop in a function the file never calls (uncalled-functions.ts): the plain run trains nothing either.
  else if (!input.nested && !input.only && (plan.steps || plan.epochs) && stepLoops.length > 0) {
    const holders = stepLoops.map((l) => {
      const site = siteOf(l);
      return site ? unreachedHolder(site.context.fn, site.context.enclosing, input.body, input.text) : undefined;
    });
    if (holders.every((h) => h !== undefined)) notes.push(uncalledNote(holders[0]!.name, stepLoops[0].pos.line, undefined, isSubcommand(holders[0]!)));
  } else if (!input.nested && !input.only && (plan.steps || plan.epochs || plan.batch) && stepLoops.length === 0 && kerasFitSites.length > 0) {
    // Keras fits, each in a function the file never calls (`def vanilla(...): model.fit(...)` with no caller): the
    // same note as for a loop there.
    const holders = kerasFitSites.map((s) => unreachedHolder(s.context.fn, s.context.enclosing, input.body, input.text));
    if (holders.every((h) => h !== undefined)) notes.push(uncalledNote(holders[0]!.name, kerasFitSites[0].call.pos.line, "fit", isSubcommand(holders[0]!)));
  } else if (!input.nested && !input.only && (plan.steps || plan.epochs || plan.batch) && stepLoops.length === 0 && foreignCall) {
    // The call of another file's training in a function the file never reaches (a click subcommand's body): the same.
    const holder = unreachedHolder(foreignCall.site.context.fn, foreignCall.site.context.enclosing, input.body, input.text);
    if (holder) notes.push(uncalledNote(holder.name, foreignCall.call.pos.line, `call of ${foreignCall.definition.name}`, isSubcommand(holder)));
  }
  // The batch-size constant or option that fed the budget (`BATCH_SIZE = 12000`) is that budget too, not examples.
  if (tokenBudget && plan.batch?.value === tokenBudget.value) {
    delete plan.batch;
    delete plan.dropLast;
  }
  if (tokenBudget && !plan.batch) {
    plan.tokenBudget = tokenBudget;
    notes.push(tokenBudgetNote(tokenBudget));
  }
  // An unread batch_size speaks of a run only beside its other figures (samples only where a loop steps on them):
  // alone (a trainer class or LightningModule of a library file) it states none, and a file with no plan keeps none.
  // A step loop only in functions the file never calls (a module of helpers) steps on nothing in its plain run.
  const reachedStepLoop = () => stepLoops.some((l) => {
    const site = siteOf(l);
    return !site || !unreachedHolder(site.context.fn, site.context.enclosing, input.body, input.text);
  });
  if (!plan.batch && !batchFromData && unreadBatch && (plan.epochs || plan.steps || (plan.samples && stepLoops.length > 0 && reachedStepLoop()))) batchFromData = unreadBatch;
  // A step loop over a name the file never binds (a fragment's `train_loader`): its batch is nowhere in the code
  // (undefined-walked-name.ts), so the run's batch is unknown, not the model input's.
  if (!input.nested && !plan.batch && !batchFromData) {
    const unbound = stepLoops.map((l) => (l.type === "for" ? walkedName(iterOf(l) ?? l.iter) : undefined)).find((n) => n !== undefined && neverBound(input.body, input.text, n));
    const at = unbound ? stepLoops.find((l) => l.type === "for" && walkedName(iterOf(l) ?? l.iter) === unbound) : undefined;
    if (unbound && at) batchFromData = { line: at.pos.line, detail: `the step loop walks ${unbound}, which this file never defines (a fragment: Python stops there), so its batch is not in the code` };
  }
  // A step loop training on a list it gathers and empties each step: its batch is what was gathered (gathered-list-batch.ts).
  if (!plan.batch && !batchFromData) {
    const gathered = stepLoops.map((l) => (l.type === "for" || l.type === "while" ? gatheredListBatch(l) : undefined)).find((g) => g !== undefined);
    if (gathered) batchFromData = { line: gathered.line, detail: `each step trains on ${gathered.name}, what the loop gathered since the last step, a count the code does not fix` };
  }
  // A step loop backpropagating once over whole episodes it plays: its batch is their transitions (episode-update-batch.ts).
  if (!plan.batch && !batchFromData) {
    const episodes = stepLoops.map((l) => (l.type === "for" || l.type === "while" ? episodeUpdateBatch(l) : undefined)).find((e) => e !== undefined);
    if (episodes) batchFromData = { line: episodes.line, detail: `each step backpropagates over the whole episodes the loop at line ${episodes.episodeLine} plays, a count of transitions the environment decides` };
  }
  if (!plan.batch && batchFromData) {
    plan.batchFromData = batchFromData;
    notes.push(`batch: ${batchFromData.detail} (line ${batchFromData.line}): pass --batch N`);
  }
  // A switched-off cast (its own or one a nested plan handed on) stands only beside figures of a run: alone it states
  // no training, and a file with no plan keeps none.
  if (!input.nested && plan.precision && isPrecisionOff(plan.precision) && !(plan.epochs || plan.steps || plan.batch || plan.samples)) delete plan.precision;
  if (!plan.steps && perEpochOnly) notes.push(perEpochOnly);
  if (!plan.steps && earlierRunNote) notes.push(earlierRunNote);
  if (repeatedCallNote && !plan.epochs) notes.push(repeatedCallNote);
  if (zipNote) notes.push(zipNote);
  if (fitBatchesNote) notes.push(fitBatchesNote);
  if (stages && plan.epochs?.line === stages.line) notes.push(stages.note);
  // Several networks stepped in one loop, each at its optimizer's own cadence (update-cadence.ts): a WGAN's generator
  // every n_critic passes, TD3's actor every policy_freq. The plan's count is the loop's passes; each network's is read
  // from it where the plan has no accumulation of its own.
  if (!input.nested && (plan.steps || plan.epochs) && !plan.accumulation) {
    for (const l of stepLoops) {
      const site = l.type === "for" ? siteOf(l) : undefined;
      const cadences = site && l.type === "for" ? updateCadences(l, input.body, input.text, (e) => evaluateOne(site, e)) : undefined;
      if (cadences) {
        plan.updateCadences = cadences;
        for (const c of cadences) if (c.unread) notes.push(unreadCadenceNote(c));
        break;
      }
    }
    // Optimizers stepped in counted loops one after the other in a loop around the plan's step loop (a baseline fitted
    // `for i in range(100)`, then the actor `for i in range(10)`, each episode): each at its own loop's count
    // (sibling-step-loops.ts).
    if (!plan.updateCadences && plan.steps) {
      for (const l of stepLoops) {
        const outer = l.type === "for" && isRangeCall(l.iter) ? forLoops.filter((f) => within(f.loop, l)).map((f) => f.loop).sort((x, y) => y.pos.startIndex - x.pos.startIndex)[0] : undefined;
        const site = outer ? siteOf(outer) : undefined;
        const siblings = outer && site && l.type === "for" ? siblingLoopCadences(outer, l, input.body, input.text, (e) => evaluateOne(site, e)) : undefined;
        if (siblings) {
          plan.updateCadences = siblings;
          break;
        }
      }
    }
    // The only optimizer, stepped K times a batch in a counted loop (`for x in loader: for _ in range(5): ...
    // opt.step()`): the plan counted the data loop's batches (no steps of its own), each of which takes K steps
    // (update-cadence.ts). The cadence is read on the data loop nearest around the step loop.
    const dataLoops = plan.updateCadences || plan.steps ? [] : stepLoops.flatMap((l) => {
      const around = forLoops.filter((f) => within(f.loop, l) && !isRangeCall(f.loop.iter)).map((f) => f.loop).sort((x, y) => y.pos.startIndex - x.pos.startIndex)[0];
      return l.type === "for" && isRangeCall(l.iter) && around ? [around] : [];
    });
    for (const l of dataLoops) {
      const site = siteOf(l);
      const only = site && l.type === "for" ? updateCadences(l, input.body, input.text, (e) => evaluateOne(site, e), { single: true }) : undefined;
      if (only) {
        plan.updateCadences = only;
        break;
      }
    }
    // A network stepped in the epoch loop beside the step loop (a Keras GAN's generator once an iteration, after its
    // critic's `for _ in range(n_critic)`): the cadences are read on the epoch loop, its passes the run's epochs.
    const epochLoop = !plan.updateCadences && plan.epochs ? epochLoops.get(plan.epochs) : undefined;
    const epochSite = epochLoop?.type === "for" ? siteOf(epochLoop) : undefined;
    const ofEpochs = epochLoop?.type === "for" && epochSite ? epochCadences(epochLoop, stepLoops, input.body, input.text, (e) => evaluateOne(epochSite, e)) : undefined;
    if (ofEpochs) plan.updateCadences = ofEpochs;
    // An agent's update method that counts its own calls and steps a network on some of them (TD3's actor).
    const onlyLoop = !plan.updateCadences && plan.steps && stepLoops.length === 1 ? siteOf(stepLoops[0]) : undefined;
    const ownCalls = onlyLoop && (onlyLoop.kind === "loop" || onlyLoop.kind === "while") ? calledMethodCadences(onlyLoop) : undefined;
    if (ownCalls) plan.updateCadences = ownCalls;
  }
  if (!input.nested && !plan.precision && (plan.epochs || plan.steps)) {
    const files = input.files;
    const own: OwnModules | undefined = files ? { exists: (p) => files.exists(p), isDirectory: files.isDirectory ? (p) => files.isDirectory!(p) : undefined, text: (p) => files.read(p), body: (p) => interpreter.loader.moduleBody?.(p) } : undefined;
    const numpyAt = numpyOnlyImport(input.body, input.text, input.file, own, input.root);
    if (numpyAt) plan.numpyArrays = numpyAt;
  }
  if (notes.length > 0 && !input.nested) plan.notes = notes;
  if (!input.nested && sources.read.length + sources.missing.length > 0) plan.configFiles = [...new Set([...sources.read, ...sources.missing])];
  // An option string added twice to one parser stops the plain run at add_argument (argparse-conflicts.ts).
  const conflict = !input.nested && !raisedBeforeTraining && (plan.epochs || plan.steps || plan.batch) ? argparseConflict(input.body) : undefined;
  if (conflict) raisedBeforeTraining = { line: conflict.line, detail: `${conflict.parser}.add_argument("${conflict.option}", ...) at line ${conflict.line}: argparse raises ArgumentError (conflicting option string ${conflict.option}, added before to the same parser)` };
  // An object of the project's own class built with an argument short, at module level before the training
  // statements, stops the plain run there (missing-arguments.ts).
  // The training statements are the module's statements that name a backward pass, a fit or a training call: every
  // one of them must come after the failing call.
  const trainingStatements = !input.nested && !raisedBeforeTraining && (plan.epochs || plan.steps) ? input.body.filter((st) => st.type !== "function" && st.type !== "class" && TRAINING_STATEMENT.test(input.text.slice(st.pos.startIndex, st.pos.endIndex))) : [];
  if (trainingStatements.length > 0) {
    const first = Math.min(...trainingStatements.map((st) => st.pos.startIndex));
    for (const site of sites) {
      if (site.kind !== "call" || site.context.fn || site.call.pos.startIndex >= first || !/^[A-Z]/.test(site.callee.split(".").pop() ?? "")) continue;
      const ownFile = (f: string) => f === input.file || (input.root !== undefined && f.startsWith(`${input.root.replace(/\/$/, "")}/`));
      const missing = runsByDefault(site, (e) => evaluateOne(site, e)) ? missingInitArguments(site.call, evaluateOne(site, site.call.func), ownFile) : undefined;
      if (missing) {
        raisedBeforeTraining = { line: site.call.pos.line, detail: `${snippet(input.text, site.call)} (line ${site.call.pos.line}): ${missing}` };
        break;
      }
    }
  }
  if (!input.nested && raisedBeforeTraining) return { notes: [`no training run: the plain run stops at ${raisedBeforeTraining.detail}`], ...(plan.configFiles ? { configFiles: plan.configFiles } : {}) };
  // The tests below read whether the file's code names training: a string standing alone as a statement (a loop
  // quoted out with ''') is no code (python/string-statements.ts).
  const codeText = input.nested ? input.text : stringStatementsBlanked(input.body, input.text);
  // A dataset loaded in a file that trains nothing is no run's samples (samples-alone.ts).
  if (!input.nested && statesSamplesAlone(plan) && namesNoTraining(codeText, (t) => TRAINING_STATEMENT.test(t) || TRAINING_FUNCTION_CALL.test(t))) delete plan.samples;
  // A prediction script's loader batch, in a file that names no training, is no run (inference-only.ts).
  if (!input.nested && (inferenceLoaderOnly(plan, codeText) || evaluationLoaderOnly(plan, codeText))) return plan.configFiles ? { configFiles: plan.configFiles } : {};
  // Nor is an inference script's weight dtype or missing config, with no figure of a run beside it (inference-only.ts).
  if (!input.nested && inferenceWithoutRun(plan, codeText)) return {};
  // Nor is the precision of a Lightning Trainer that only tests, validates or predicts (inference-only.ts).
  if (!input.nested && evaluationWithoutRun(plan, codeText)) return plan.configFiles ? { configFiles: plan.configFiles } : {};
  // Nor are a prediction script's options copied from its training script (copied-options.ts), nor constants
  // nothing reads in a file that trains nothing (unread-run-constants.ts).
  if (!input.nested && (copiedOptionsOnly(plan, codeText) || unreadConstantsOnly(plan, codeText))) return plan.configFiles ? { configFiles: plan.configFiles } : {};
  // Nor is a plotting script's list of past runs, in a file with no tensor library to train with (plotting-script.ts).
  if (!input.nested && plottingScriptOnly(plan, codeText)) return plan.configFiles ? { configFiles: plan.configFiles } : {};
  // Nor is a data script's batch and dataset, in a file that names no training (data-only-script.ts); where no step
  // loop, fit or other file's training was found, an epoch count it sets (a leftover `num_epochs = 5`) is none either.
  const noTrainingFound = stepLoops.length === 0 && !foreignCall && kerasFitSites.length === 0 && !plan.steps;
  if (!input.nested && dataOnlyScript(noTrainingFound ? { ...plan, epochs: undefined } : plan, codeText)) return plan.configFiles ? { configFiles: plan.configFiles } : {};
  // Nor is the loop of a file that only sets its model's training mode and never trains it (mode-switch-only.ts).
  // Its epochs are a loop's of the file: a library runner's `runner.train()` (mmengine) is no mode switch.
  if (!input.nested && noTrainingFound && plan.epochs && epochLoops.has(plan.epochs) && (!plan.precision || plan.precision.value === "fp32") && namesOnlyModeSwitch(codeText)) {
    return { notes: ["no training run: the file sets its model's training mode (.train()) but runs no backward pass, optimizer step or fit"], ...(plan.configFiles ? { configFiles: plan.configFiles } : {}) };
  }
  // Nor are a settings module's epochs and batch, a file that runs nothing (settings-module.ts).
  if (!input.nested && settingsModule(plan, input.body)) return plan.configFiles ? { configFiles: plan.configFiles } : {};
  // Nor is a plan of config files read and no figure, in a file that names no training (config-shown-only.ts).
  if (!input.nested && statesNoFigure(plan) && namesNoTraining(codeText, (t) => TRAINING_STATEMENT.test(t) || TRAINING_FUNCTION_CALL.test(t))) return plan.configFiles ? { configFiles: plan.configFiles } : {};
  // Nor are the keys of a config a script only shows (config-shown-only.ts).
  if (!input.nested && configShownOnly(plan, input.body)) return plan.configFiles ? { configFiles: plan.configFiles } : {};
  // An optimizer built and never used, in a file that names no training, makes no run (unstepped-optimizer.ts).
  const unstepped = input.nested ? undefined : unsteppedOptimizerLine(input.body, codeText, (t) => TRAINING_STATEMENT.test(t) || TRAINING_FUNCTION_CALL.test(t));
  if (unstepped !== undefined) return { notes: [`no training run: the optimizer built at line ${unstepped} is never stepped, and the file names no training`], ...(plan.configFiles ? { configFiles: plan.configFiles } : {}) };
  return plan;
}

/** Fills the figures a script leaves unset from the body of another file its call runs; each keeps its own detail and
 *  names that file and line, and points at the call in the script. */
function fillFromForeign(plan: TrainingPlan, foreign: ForeignTraining, inner: TrainingPlan, text: string, root: string | undefined): void {
  const where = root ? relativeTo(root, foreign.file) : foreign.file;
  const call = `${snippet(text, foreign.site.call)}`;
  const moved = (f: PlanFigure): PlanFigure => ({ ...f, line: foreign.site.call.pos.line, detail: `${call} runs ${foreign.definition.name} in ${where}: ${f.detail}${f.line ? ` (line ${f.line})` : ""}` });
  // drop_last belongs to the loader whose batch the plan takes.
  // A script's own option of the same batch (`--batch-size` passed down to the loader the loops walk) is that loader's.
  if (inner.batch && inner.dropLast !== undefined && (!plan.batch || (plan.dropLast === undefined && plan.batch.value === inner.batch.value))) plan.dropLast = inner.dropLast;
  // The loops that run are the run's length, over a constant or option of the script that names one.
  if (inner.epochs || inner.steps) {
    delete plan.epochs;
    delete plan.steps;
  }
  for (const key of ["epochs", "steps", "accumulation", "samples", "batch"] as const) {
    const figure = inner[key];
    if (!plan[key] && figure) plan[key] = moved(figure);
  }
  if (!plan.precision && inner.precision) plan.precision = { ...inner.precision, line: foreign.site.call.pos.line, detail: `${call} runs ${foreign.definition.name} in ${where}: ${inner.precision.detail} (line ${inner.precision.line})` };
}

/** The data module's loader gives the run's batch and samples (and drop_last); each figure names the class, its file
 *  and line, and points at the `fit` call. */
function fillFromDataModule(plan: TrainingPlan, dm: DataModuleTraining, inner: TrainingPlan, text: string, root: string | undefined): void {
  const where = root ? relativeTo(root, dm.file) : dm.file;
  const call = snippet(text, dm.site.call);
  const moved = (f: PlanFigure): PlanFigure => ({ ...f, line: dm.site.call.pos.line, detail: `${call} trains on ${dm.className}.train_dataloader in ${where}: ${f.detail}${f.line ? ` (line ${f.line})` : ""}` });
  if (inner.batch) {
    plan.batch = moved(inner.batch);
    if (inner.dropLast) plan.dropLast = true;
    else delete plan.dropLast;
  }
  if (inner.samples) plan.samples = moved(inner.samples);
}

/** The batch and samples of a loader the script imports (imported-loader.ts), where the script's own code left them unread. */
function fillFromImported(plan: TrainingPlan, imported: ImportedLoaderModule, inner: TrainingPlan, root: string | undefined): void {
  const where = root ? relativeTo(root, imported.file) : imported.file;
  const moved = (f: PlanFigure): PlanFigure => ({ ...f, line: imported.line, detail: `${imported.name}, imported from ${where}: ${f.detail}${f.line ? ` (line ${f.line})` : ""}` });
  if (!plan.batch && inner.batch) {
    plan.batch = moved(inner.batch);
    if (inner.dropLast) plan.dropLast = true;
  }
  if (!plan.samples && inner.samples) plan.samples = moved(inner.samples);
}

/** Whether a loop assigns `name` afresh (`step = 0`) in its body, outside the `inner` loop: a per-iteration counter. */
/** Whether a while loop's own test can end it, apart from a break on `counter`: a test that is not a constant
 *  (`while True:`, `while 1:`) and does not read the counter (`while step < max_steps:` is the cap itself). */
function endsOnItsOwn(loop: Extract<LoopStatement, { type: "while" }>, counter: string): boolean {
  if (loop.test.type === "constant" || loop.test.type === "int") return false;
  return !namesIn([loop.test], new Set()).has(counter);
}

function resets(loop: LoopStatement, name: string, inner: { startIndex: number; endIndex: number }): boolean {
  let found = false;
  forEachStatement(loop.body, ({ statement: s }) => {
    if (s.pos.startIndex >= inner.startIndex && s.pos.endIndex <= inner.endIndex) return;
    if (s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name)) found = true;
  });
  return found;
}

/** The class name a variable is bound to (`dataset_class = torchvision.datasets.CIFAR10`): the one assignment, or of
 *  several at the module's level under `if`s (`if args.dataset == 'cifar10':`), the one whose tests hold. */
function assignedClassName(body: Statement[], name: string, interp: Interpreter, scope: Scope): string | undefined {
  const assigns: { statement: Extract<Statement, { type: "assign" }>; ancestors: Statement[] }[] = [];
  forEachStatement(body, ({ statement: s, ancestors }) => {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.targets[0].id === name) assigns.push({ statement: s, ancestors });
  });
  const holds = ({ statement, ancestors }: (typeof assigns)[number]): boolean => ancestors.every((a) => {
    if (a.type !== "if") return false;
    let test: Value;
    try {
      test = interp.evaluate(a.test, scope);
    } catch {
      return false;
    }
    const inBody = statement.pos.startIndex < (a.orelse[0]?.pos.startIndex ?? Infinity);
    return truth(test) === inBody;
  });
  const chosen = assigns.length === 1 ? assigns[0] : assigns.filter(holds).length === 1 ? assigns.filter(holds)[0] : undefined;
  const value = chosen?.statement.value;
  return value?.type === "attribute" ? value.name : value?.type === "name" ? value.id : undefined;
}

/** Hugging Face's `Trainer(model=..., args=...)` (transformers), not Lightning's: its run is its TrainingArguments'. */
function isHuggingFaceTrainer(call: Extract<Expression, { type: "call" }>, callee: string, text: string): boolean {
  if (/(^|\.)transformers\.Trainer$/.test(callee)) return true;
  if (/^\s*from\s+transformers(\.\w+)*\s+import\s+[^\n]*\bTrainer\b/m.test(text) && !/^\s*from\s+(pytorch_)?lightning(\.\w+)*\s+import\s+[^\n]*\bTrainer\b/m.test(text)) return callee === "Trainer";
  // transformers' Trainer takes the model and its TrainingArguments; Lightning's Trainer takes neither.
  return call.args.some((a) => a.kind === "keyword" && (a.name === "args" || a.name === "model" || a.name === "train_dataset"));
}

function best(candidates: Candidate[]): PlanFigure | undefined {
  let chosen: Candidate | undefined;
  for (const c of candidates) if (!chosen || c.rank > chosen.rank) chosen = c;
  return chosen?.figure;
}




function containsCall(e: Expression, call: Expression): boolean {
  return e.pos.startIndex <= call.pos.startIndex && call.pos.endIndex <= e.pos.endIndex && e.type === "call";
}

/** A counted episode loop's passes: `for t in range(max_steps): ... if done: break` in an environment that never
 *  terminates by itself ends at its time limit when that comes first (episode-length.ts: Pendulum's 200 of 1000). */
function episodeLimit(loop: Extract<Statement, { type: "for" }>, count: number, head: string, evaluate: (e: Expression) => Value | undefined, text: string): { value: number; detail: string } {
  const episode = environmentEpisode(loop);
  const limit = episode ? fixedEpisodeSteps(evaluate(episode.env)) : undefined;
  if (!episode || limit === undefined || limit >= count) return { value: count, detail: head };
  return { value: limit, detail: `${head}, ${limit} of them: ${snippet(text, episode.env)} says ${episode.done} only at its time limit` };
}

/**
 * Iterations of a step loop: a `for` over a counted range; else its `break` bound (`if i >= N: break`); a `while`
 * loop's `i < N` (N), `i <= N` (N + 1), or `while True` with such a break.
 */
function loopCount(site: Extract<CodeSite, { kind: "loop" | "while" }>, shape: LoopShape, evaluate: (e: Expression) => Value | undefined, text: string, iter?: Expression): { value: number; detail: string } | undefined {
  const loop = site.loop;
  if (loop.type === "for") {
    const count = iterationCount(iter ?? loop.iter, evaluate);
    const head = `for ${snippet(text, loop.target)} in ${snippet(text, loop.iter)}`;
    // `if config.debug: break` after the step, true by default, leaves on the first pass (first-pass-break.ts).
    const once = count !== undefined && count > 0 ? firstPassBreak(loop, (s) => trainingWork([s]).stepsOnce, evaluate, text) : undefined;
    if (once) return { value: once.value, detail: `${head}, ${once.detail}` };
    // The last turn leaving before its update (`if last_step: break` ahead of the backward pass): one pass fewer
    // updates (final-turn-break.ts).
    const cut = count !== undefined && count > 0 ? turnsBeforeBreak(loop, iter ?? loop.iter, evaluate, text) : undefined;
    if (cut && cut.value > 0 && cut.value < count!) return { value: cut.value, detail: `${head} ${cut.detail}` };
    if (count !== undefined && count > 0) return episodeLimit(loop, count, head, evaluate, text);
  } else if (loop.test.type === "compare" && loop.test.ops.length === 1 && (loop.test.ops[0] === "<" || loop.test.ops[0] === "<=")) {
    const bound = positiveInteger(evaluate(loop.test.comparators[0]));
    // A counter only an inner loop moves (an episode's `step += 1` per environment step) goes up by that loop's
    // passes on each pass of this one: its passes are not the bound (inner-loop-counter.ts).
    if (innerAdvancedBound(loop)) return undefined;
    // A counter a method of its object advances (`while ppo.n_episodes < N: ppo.interact()`) counts each pass once
    // only when that method adds to it on every call (counter-advance.ts).
    const stride = loop.test.left.type === "name" ? counterStride(loop.body, loop.test.left.id, evaluate) : advancedConditionally(loop.body, loop.test.left, evaluate) ? undefined : 1;
    // `while step * batch_size < N:` with `step += 1`: ⌈N / batch_size⌉ passes (scaled-counter.ts).
    const scaled = scaledCounter(loop.test.left, evaluate);
    const scaledStride = scaled && bodyBinds(loop.body, scaled.counter) ? counterStride(loop.body, scaled.counter, evaluate) : undefined;
    if (bound !== undefined && scaled && scaledStride !== undefined) return { value: scaledCounterPasses(bound, loop.test.ops[0] === "<=", scaled.factor, scaledStride), detail: `while ${snippet(text, loop.test)}, ${scaled.counter} going up by ${scaledStride} a pass` };
    if (scaled) return undefined;
    if (bound !== undefined && stride !== undefined) return { value: Math.ceil((bound + (loop.test.ops[0] === "<=" ? 1 : 0)) / stride), detail: `while ${snippet(text, loop.test)}${stride > 1 ? ` by ${stride}` : ""}` };
    return undefined;
  }
  // `while True:` stepping on each environment step until `done`, in an environment that ends episodes only at its
  // time limit (Pendulum's 200): an episode is that many passes (episode-length.ts), as for an episode around it.
  const episode = loop.type === "while" && !shape.breakAt ? environmentEpisode(loop) : undefined;
  const limit = episode ? fixedEpisodeSteps(evaluate(episode.env)) : undefined;
  if (episode && limit !== undefined && loop.type === "while") return { value: limit, detail: `while ${snippet(text, loop.test)}, to its break on ${episode.done}: ${limit} steps an episode (${snippet(text, episode.env)} ends episodes only at its time limit)` };
  if (!shape.breakAt) return undefined;
  const bound = positiveInteger(evaluate(shape.breakAt.bound));
  const strided = shape.breakAt.strided;
  const stride = strided ? positiveInteger(evaluate(strided.by)) : 1;
  if (strided && (stride === undefined || bound === undefined)) return undefined;
  if (strided && stride !== undefined && bound !== undefined) return { value: stridedBreakSteps(bound, stride, strided.strict, shape.breakAt.afterStep), detail: `${loop.type === "for" ? `for ${snippet(text, loop.target)} in ${snippet(text, loop.iter)}` : `while ${snippet(text, loop.test)}`} until ${snippet(text, shape.breakAt.bound)}, ${shape.breakAt.counter} going up by ${stride} a pass` };
  return bound === undefined ? undefined : { value: bound + shape.breakAt.extra, detail: `${loop.type === "for" ? `for ${snippet(text, loop.target)} in ${snippet(text, loop.iter)}` : `while ${snippet(text, loop.test)}`} until ${snippet(text, shape.breakAt.bound)}` };
}

/** Whether a block (nested blocks included, definitions left out) assigns or augments `name`. */
function bodyBinds(body: Statement[], name: string): boolean {
  let found = false;
  forEachStatement(body, ({ statement: s }) => {
    if (!found && ((s.type === "augmented" && s.target.type === "name" && s.target.id === name) || (s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name)))) found = true;
  }, [], () => false);
  return found;
}

/**
 * How far a `while counter < N:` loop's body moves its counter each pass: `counter += k` (or `counter = counter + k`),
 * 1 when the body does not bind it (a method may). Undefined when the body binds it otherwise (`start = end`, as a
 * loop over slices of a batch does): then its passes are not N.
 */
function counterStride(body: Statement[], counter: string, evaluate: (e: Expression) => Value | undefined): number | undefined {
  let stride: number | undefined = 1;
  let seen = false;
  forEachStatement(body, ({ statement }) => {
    const step = statement.type === "augmented" && statement.target.type === "name" && statement.target.id === counter ? (statement.op === "+" ? statement.value : null)
      : statement.type === "assign" && statement.targets.some((t) => t.type === "name" && t.id === counter)
        ? (statement.value.type === "binary" && statement.value.op === "+" && statement.value.left.type === "name" && statement.value.left.id === counter ? statement.value.right : null)
        : undefined;
    if (step === undefined) return;
    // `timestep += len(obs)` over a vector environment's batched observations: its number of environments.
    const k = step === null ? undefined : positiveInteger(evaluate(step)) ?? vectorObservationCount(step, body, evaluate);
    stride = seen || k === undefined ? undefined : k;
    seen = true;
  }, [], () => false);
  return stride;
}

/** Whether a loop's iterable names an epoch count (`range(self.cfg.n_epochs)`, `trange(num_epochs)`). */
function namesEpochs(iter: Expression): boolean {
  let named = false;
  forEachExpression(iter, (e) => {
    // `config['num_of_epochs']`: a config dict's key names the count as an attribute would.
    const key = e.type === "subscript" && e.index.type === "str" ? e.index.value : null;
    if ((e.type === "name" && EPOCH_CONSTANT.test(e.id)) || (e.type === "attribute" && EPOCH_CONSTANT.test(e.name)) || (key !== null && EPOCH_CONSTANT.test(key))) named = true;
  });
  return named;
}

/** tqdm's progress bars (tqdm.github.io: `tqdm(iterable)` yields the iterable's items, `trange(n)` is
 *  `tqdm(range(n))`), under the names scripts import them by. */
const PROGRESS_BAR = /^(tqdm|trange|tqdm_notebook|tnrange|tqdm\.(auto\.|notebook\.|std\.)?(tqdm|trange))$/;

/** What a progress bar walks: `tqdm(range(a, b), ncols=70)` walks `range(a, b)` (tqdm.github.io); any other iterable as it is. */
function unwrappedProgress(e: Expression): Expression {
  if (e.type !== "call" || !PROGRESS_BAR.test(dottedName(e.func) ?? "") || /trange|tnrange/.test(dottedName(e.func) ?? "")) return e;
  return positionalArgument(e, 0) ?? e;
}

/** `range(...)`, bare or under a progress bar (`tqdm(range(a, b))`). */
function rangeOfProgress(e: Expression): Expression | undefined {
  const walked = unwrappedProgress(e);
  return walked.type === "call" && walked.func.type === "name" && walked.func.id === "range" ? walked : undefined;
}

/** `for i in pbar` (or `enumerate(pbar)`, enumerated-bar.ts) inside `with tqdm(range(n)) as pbar:`, or after
 *  `pbar = tqdm(loader)` / `epochs = trange(n)` in the same block: the loop iterates what the progress bar wraps, by loop. */
function withBoundIterables(body: Statement[]): Map<Statement, Expression> {
  const out = new Map<Statement, Expression>();
  forEachStatement(body, ({ statement: loop, body: block, index }) => {
    const name = loop.type === "for" ? walkedBarName(loop.iter) : undefined;
    if (loop.type !== "for" || name === undefined) return;
    for (let i = index - 1; i >= 0; i--) {
      const s = block[i];
      // `if resume: epochs = tqdm(range(start, start + n))` / `else: epochs = tqdm(range(n))`: the branch the test
      // selects (branch-bound-iterables.ts).
      const chosen = branchBoundIterable(s, name, rangeOfProgress);
      if (chosen) {
        out.set(loop, chosen);
        break;
      }
      if (!boundNames(s).includes(name)) continue;
      if (s.type === "assign" && s.value.type === "call" && PROGRESS_BAR.test(dottedName(s.value.func) ?? "")) out.set(loop, iterableThrough(loop.iter, s.value));
      break;
    }
  });
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "with") return;
    for (const item of s.items) {
      if (item.target?.type !== "name") continue;
      const name = item.target.id;
      forEachStatement(s.body, ({ statement: loop }) => {
        if (loop.type === "for" && walkedBarName(loop.iter) === name && !out.has(loop)) out.set(loop, iterableThrough(loop.iter, item.value));
      });
    }
  });
  return out;
}

/** Items that are records of one shape: tuples (or lists) of one length of two or more, none holding a module or an
 *  optimizer (`[(words, tags), (words, tags)]`, training pairs; not `[(model, opt), ...]`, networks stepped in turn). */
function isRecordList(items: readonly Value[]): boolean {
  const first = items[0];
  if (first?.kind !== "tuple" && first?.kind !== "list") return false;
  const width = first.items.length;
  return width >= 2 && items.every((v) => (v.kind === "tuple" || v.kind === "list") && v.items.length === width && v.items.every((part) => part.kind !== "instance"));
}

/** Iterations of `range(...)`, `trange(...)`, `tqdm(range(...))`, or a batch cut into pieces (`zip(x.chunk(n), ...)`). */
function iterationCount(iter: Expression, evaluate: (e: Expression) => Value | undefined): number | undefined {
  if (iter.type === "name" || iter.type === "subscript" || iter.type === "list" || iter.type === "tuple") {
    // `pbar = range(args.iter)` before `for idx in pbar`; numbers of known count, a 1-D array or a list of them
    // (`epoch_seeds = np.random.randint(..., size=epochs)`, then `for seed in epoch_seeds[start:]`). A tuple of
    // optimizers or models is no count of the run: `for opt in optimizers: opt.step()` is one step.
    const value = evaluate(iter);
    if (value?.kind === "range") return lengthOf(value) ?? 0;
    if (value && countIterator(value) !== undefined) return countIterator(value);
    // `ds = data.batch(64).repeat().take(500)` before `for x, y in ds`: 500 batches whatever the data's size (tf-data.ts).
    const taken = tfDataPipeline(value)?.endlessTaken;
    if (taken !== undefined) return taken;
    // An iterator object that batches its own data (`trainset = Dataset(FLAGS, is_training=True)` defining __next__
    // and __len__): a pass over it takes len() batches, as Python's for calls __next__ until it raises StopIteration.
    if (value && isBatchIterator(value)) return positiveInteger(evaluate(lenCall(iter)));
    // A list of datasets (`for task, dataset in enumerate(train_datasets)`: continual learning's tasks) runs once each.
    // So does a list of records the code writes out (`[(words, tags), ...]`): one training item each.
    const numbers = value?.kind === "tensor" || ((value?.kind === "list" || value?.kind === "tuple") && value.items.length > 0 && (value.items.every((v) => v.kind === "int" || v.kind === "float") || value.items.every(isDataset) || isRecordList(value.items)));
    return numbers ? lengthOf(value) : undefined;
  }
  // The range an `if` chose for the loop (branch-bound-iterables.ts): `range(a, b) if resume else range(n)`.
  if (iter.type === "conditional") {
    const chosen = evaluate(iter);
    return chosen?.kind === "range" ? lengthOf(chosen) : undefined;
  }
  if (iter.type !== "call") return undefined;
  const callee = iter.func.type === "name" ? iter.func.id : iter.func.type === "attribute" ? iter.func.name : "";
  if (callee === "trange") {
    const args = iter.args.filter((a) => a.kind === "positional").map((a) => positiveOrZero(evaluate(a.value)));
    if (args.length === 0 || args.some((a) => a === undefined)) return undefined;
    const [start, stop] = args.length === 1 ? [0, args[0]!] : [args[0]!, args[1]!];
    return Math.max(0, stop - start);
  }
  // `train_ds.repeat().take(2000)`: 2,000 elements of data repeated without end (take-count.ts).
  const taken = endlessTake(iter);
  if (taken) return positiveInteger(evaluate(taken));
  const value = evaluate(iter);
  if (value?.kind === "range") return lengthOf(value) ?? 0;
  // `kf.split(X)` of a scikit-learn k-fold splitter: one pass a fold (sklearn-model-selection.ts).
  const splitter = callee === "split" && iter.func.type === "attribute" ? evaluate(iter.func.object) : undefined;
  if (splitter?.kind === "instance" && splitter.cls.qualifiedName?.startsWith("sklearn.model_selection.") && value?.kind === "list") return value.items.length;
  const counted = value ? countIterator(value) : undefined;
  if (counted !== undefined) return counted;
  const pieces = splitIterableCount(iter, evaluate, (e) => iterationCount(e, evaluate));
  if (pieces !== undefined) return pieces;
  const first = iter.args[0];
  if (first?.kind === "positional" && first.value.type === "call") return iterationCount(first.value, evaluate);
  // `enumerate(seeds[start:], start)`: as many as what it numbers.
  if (callee === "enumerate" && first?.kind === "positional" && (first.value.type === "name" || first.value.type === "subscript")) return iterationCount(first.value, evaluate);
  return undefined;
}

/** What is left of an iterator of numbers or tuples of numbers (`zip(range(0, n, b), range(b, n + 1, b))`, which
 *  stops at its shortest argument, as Python's zip does): a count of iterations, not of models or optimizers. */
function countIterator(value: Value): number | undefined {
  if (value.kind !== "iterator") return undefined;
  const number = (v: Value) => v.kind === "int" || v.kind === "float";
  const items = value.items.slice(value.index);
  return items.length > 0 && items.every((v) => number(v) || (v.kind === "tuple" && v.items.every(number))) ? items.length : undefined;
}

/** The one length of the datasets a loop around `site` binds to `name` from a list (`for t, ds in enumerate(datasets)`),
 *  and their count; undefined when the list is not known or its datasets differ in length. */
function loopDatasetLength(
  loops: Extract<CodeSite, { kind: "loop" }>[],
  site: CallSite,
  name: string,
  evaluate: (site: CodeSite, e: Expression) => Value | undefined,
): { value: number; count: number; list: Expression } | undefined {
  const loop = loops.find((l) => l.variable === name && l.context.fn === site.context.fn && l.loop.pos.startIndex <= site.call.pos.startIndex && site.call.pos.endIndex <= l.loop.pos.endIndex);
  if (!loop) return undefined;
  const iter = loop.loop.iter;
  const enumerated = iter.type === "call" && iter.func.type === "name" && iter.func.id === "enumerate" && iter.args[0]?.kind === "positional" ? iter.args[0].value : undefined;
  const list = enumerated ?? iter;
  const items = evaluate(loop, list);
  if ((items?.kind !== "list" && items?.kind !== "tuple") || items.items.length === 0 || items.items.length > 64 || !items.items.every(isDataset)) return undefined;
  const pos = list.pos;
  const lengths = items.items.map((_, i) => evaluate(loop, { type: "call", func: { type: "name", id: "len", pos }, args: [{ kind: "positional", value: { type: "subscript", object: list, index: { type: "int", value: i, pos }, pos } }], pos }));
  const first = lengths[0];
  if (first?.kind !== "int" || first.value <= 0 || !lengths.every((l) => l?.kind === "int" && l.value === first.value)) return undefined;
  return { value: first.value, count: items.items.length, list };
}

/**
 * Whether the script's plain run reaches a call site (a precision, a loader, a process group): not when an enclosing `if` (other than the
 * `__name__ == "__main__"` guard) is known to go the other way (`if args.fp16:` with the flag's default False), nor
 * for `autocast(enabled=...)` unless the switch is known to be on (SimCLR's `enabled=self.args.fp16_precision`).
 */
export function runsByDefault(site: CallSite | ConstantSite, evaluate: (e: Expression) => Value | undefined): boolean {
  for (const { test, holds } of site.context.conditions ?? []) {
    if (namesIn([test], new Set()).has("__name__")) continue;
    // `if n % T == 0:` on a counter the code advances on its way here (`n += 1`) holds on some passes: a cadence.
    if (advancedPeriod(test, site.context.before)) continue;
    const value = truth(evaluate(test));
    if (value !== undefined && value !== holds) return false;
  }
  if (site.kind === "constant") return true;
  const enabled = keywordArgument(site.call, "enabled");
  return !enabled || truth(evaluate(enabled)) === true;
}


/** Whether a test is `x % N == 0` on a counter that one of `before` advances (`x += k`). */
function advancedPeriod(test: Expression, before: Statement[]): boolean {
  const period = moduloZero(test, "==");
  const counter = period && test.type === "compare" && test.left.type === "binary" ? dottedName(test.left.left) : undefined;
  return counter !== undefined && before.some((b) => b.type === "augmented" && b.op === "+" && dottedName(b.target) === counter);
}

/** torchtext's legacy iterators (torchtext.data / torchtext.legacy.data): Iterator, BucketIterator, BPTTIterator. */
const TORCHTEXT_ITERATOR = /(^|\.)(Bucket|BPTT)?Iterator(\.splits)?$/;

/** A dataset name the file defines itself is not the well-known one. */
function definedInFile(namespace: ModuleNamespaceValue, callee: string, file: string): boolean {
  const value = namespace.scope.names.get(callee.split(".")[0]);
  return value?.kind === "class" && value.location?.file === file;
}

/** A new object of a class, before its `__init__` runs: what `self` is while `__init__` builds its loaders. */
function emptyInstance(cls: ClassValue): InstanceValue {
  return { kind: "instance", cls, attributes: new Map(), id: freshId() };
}
