// What the analyzer says about one file: its own module, so that the readers of a result (rules, hosts) need not
// import the analyzer itself.
import type { FunctionDefinition } from "./python/ast";
import type { ModelReport } from "./report/model-report";
import type { TrainingPlan } from "./training/training-plan";
import type { TrainingSite } from "./training/training-sites";
import type { GenerationPlan } from "./generation/generation-plan";
import type { RunSetup } from "./memory/run-setup";
import type { LayerAction } from "./rules/types";

/** What the analyzer says about one file. */
export interface AnalysisResult {
  file: string;
  models: ModelReport[];
  syntaxErrors: { line: number; column: number; message: string }[];
  /** Problems with the request itself or the file as a whole (bad entry, budget). */
  notes: string[];
  /** Epochs, samples and batch size where the file's training code states them. */
  training?: TrainingPlan;
  /** A model's own training plan where the file trains several in turn (by its index in `models`): the statements
   *  that use its binding, not another model's loop. Others take `training`. */
  modelTraining?: { model: number; plan: TrainingPlan }[];
  /** Config files (YAML, JSON) the analysis opened or looked for, its training plan's included: an editor analyzes
   *  the file again when one of them changes. */
  configFiles?: string[];
  /** Where the file trains (a function calling `.backward()`, a `fit(...)`): found from the syntax alone. */
  trainingSites?: TrainingSite[];
  /** Functions the file imports from other Python files (`from utils import predict`), with their syntax: the rules
   *  follow a model into them (GL002, GL005). */
  importedFunctions?: ImportedFunction[];
  /** Classes the file binds (its own and imported) with their methods decorated no_grad/inference_mode, by the name
   *  the file calls them with: GL002 does not count a call of such a method as a run with autograd on. */
  noGradMethods?: Record<string, string[]>;
  /** Text generations the file runs (generate calls, sampling loops, generate pragmas). */
  generations?: GenerationPlan[];
  /** Optimizer, training, weight dtype and autocast as the file states them (for the memory estimate). */
  runSetup?: RunSetup;
  /** Quantize or prune one layer, on the line that builds it (the editor's code actions; not for notebooks). */
  layerActions?: LayerAction[];
}

/** A function the file binds by import from another Python file. */
export interface ImportedFunction {
  /** The name it is bound to in the file. */
  name: string;
  file: string;
  definition: FunctionDefinition;
  /** Not bound in the file: another function of that file, reachable only through the bound ones (by this name). */
  sibling?: boolean;
}

/** The training plan a model of the result runs: its own where the file trains several in turn, else the file's. */
export function trainingPlanOf(result: Pick<AnalysisResult, "training"> & Partial<Pick<AnalysisResult, "models" | "modelTraining">>, model: ModelReport): TrainingPlan | undefined {
  const index = result.models?.indexOf(model) ?? -1;
  return (index >= 0 ? result.modelTraining?.find((t) => t.model === index)?.plan : undefined) ?? result.training;
}
