// The analyzer reads a notebook as one program, so the texts it writes cite the program's lines: "torch.cuda.is_available():
// True (line 549)" names no line a reader of the notebook can find. Figures and findings carry their line apart and
// are placed in their cell (cell-view.ts, the CLI's SourceLocations); the lines a note's text cites are placed here.
import type { AnalysisResult } from "../analysis-result";
import type { PlanFigure, TrainingPlan } from "../training/training-plan";
import { locateInNotebook, type NotebookProgram } from "./notebook-program";

/** A Python file named in a text ("in L10/helper_train.py:", "helper.py line 46"): the line citations after it are
 *  that file's. */
const NAMED_PY_FILE = /[\w.-]+\.py\b/;
const PROGRAM_LINE = /\(line (\d+)\b/g;
/** Where the texts join parts read apart ("a (line 3); b (line 9)", "50 (line 30: ...) + 50 (line 40: ...)"): a file
 *  one part names does not hold the next part's lines. */
const PART_SEPARATOR = /(?<=; | \+ )/;

/**
 * A text with its citations of program lines, `(line N`, written as the notebook names them, `(cell C, line M`
 * (cells counted from 1 among all the notebook's cells, as the editor and the CLI's locations count them). In each
 * part of the text (parts joined by "; " or " + "), only the citations before a named `.py` file are the program's:
 * one after it is that file's line, and is kept.
 */
export function cellLinesInText(program: NotebookProgram, text: string): string {
  return text.split(PART_SEPARATOR).map((part) => {
    const file = NAMED_PY_FILE.exec(part);
    const end = file ? file.index : part.length;
    return part.slice(0, end).replace(PROGRAM_LINE, (whole, n: string) => {
      const at = locateInNotebook(program, Number(n));
      return at ? `(cell ${at.cell.index + 1}, line ${at.line}` : whole;
    }) + part.slice(end);
  }).join("");
}

/** A training plan whose figures' details and notes cite the notebook's lines by cell (the figures' own `line`s stay
 *  program lines: the hosts place them). */
export function planInCells(program: NotebookProgram, plan: TrainingPlan): TrainingPlan {
  const text = (s: string) => cellLinesInText(program, s);
  const figure = <F extends { detail: string } | undefined>(f: F): F => (f ? { ...f, detail: text(f.detail) } : f);
  const figures: (keyof TrainingPlan)[] = ["epochs", "samples", "batch", "steps", "accumulation"];
  const out: TrainingPlan = { ...plan };
  for (const k of figures) if (plan[k]) (out as Record<string, unknown>)[k] = figure(plan[k] as PlanFigure);
  if (plan.precision) out.precision = figure(plan.precision);
  if (plan.batchFromData) out.batchFromData = figure(plan.batchFromData);
  if (plan.tokenBudget) out.tokenBudget = figure(plan.tokenBudget);
  if (plan.cudaQueries) out.cudaQueries = text(plan.cudaQueries);
  if (plan.notes) out.notes = plan.notes.map(text);
  return out;
}

/** A notebook program's analysis with the line citations of its notes and training plans placed in cells. */
export function resultInCells(program: NotebookProgram, result: AnalysisResult): AnalysisResult {
  const text = (s: string) => cellLinesInText(program, s);
  return {
    ...result,
    notes: result.notes.map(text),
    ...(result.training ? { training: planInCells(program, result.training) } : {}),
    ...(result.modelTraining ? { modelTraining: result.modelTraining.map((t) => ({ ...t, plan: planInCells(program, t.plan) })) } : {}),
  };
}
