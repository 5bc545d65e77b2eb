import type { AnalysisResult } from "../core/analyze";
import type { LayerReport, ModelReport, OpRecord } from "../core/report/model-report";

/** The models reported at a line of this file (their CodeLens lines), in source order. */
export function modelsInFile(result: AnalysisResult, path: string): ModelReport[] {
  return result.models.filter((model) => model.file === path).sort((a, b) => a.line - b.line);
}

/** The model a cursor at this 1-based line belongs to: one whose layers or ops sit there, else the nearest above. */
export function modelAtLine(result: AnalysisResult, path: string, line: number): ModelReport | undefined {
  const touching = result.models.find(
    (model) => model.layers.some((layer) => layer.file === path && layer.line === line) || model.ops.some((op) => op.file === path && op.line === line),
  );
  if (touching) return touching;
  const above = modelsInFile(result, path).filter((model) => model.line <= line);
  return above.at(-1) ?? modelsInFile(result, path)[0] ?? result.models[0];
}

/** What one source line did during forward or construction, summed over the first model that touches it. */
export interface LineFigures {
  model: ModelReport;
  /** Layers constructed on this line (`self.conv1 = nn.Conv2d(...)`). */
  layers: LayerReport[];
  /** Ops run by this line during forward. */
  ops: OpRecord[];
  flops: number;
  /** Shape of the last tensor this line produced, if known. */
  outputShape: number[] | null;
}

/** Figures of a 1-based line of a file, or undefined when no model touches it. */
export function figuresAtLine(result: AnalysisResult, path: string, line: number): LineFigures | undefined {
  for (const model of result.models) {
    const built = model.layers.filter((layer) => layer.file === path && layer.line === line && layer.path !== "");
    // A line that builds a container and its members (`nn.ModuleList([Block() for ...])`) counts the container once:
    // its figures already hold its members'.
    const layers = built.filter((layer) => !built.some((outer) => layer.path.startsWith(`${outer.path}.`)));
    const ops = model.ops.filter((op) => op.file === path && op.line === line);
    if (layers.length === 0 && ops.length === 0) continue;
    const lastShape = [...ops].reverse().find((op) => op.outputShape)?.outputShape ?? layers.find((layer) => layer.output)?.output ?? null;
    const flops = ops.length > 0 ? ops.reduce((sum, op) => sum + op.flops, 0) : layers.reduce((sum, layer) => sum + layer.flops, 0);
    return { model, layers, ops, flops, outputShape: lastShape };
  }
  return undefined;
}

/** The last tensor shape produced by each forward line of this file (1-based line → shape), first model wins. */
export function shapesByLine(result: AnalysisResult, path: string): Map<number, number[]> {
  const shapes = new Map<number, number[]>();
  for (const model of result.models) {
    const ofModel = new Map<number, number[]>();
    for (const op of model.ops) if (op.file === path && op.outputShape) ofModel.set(op.line, op.outputShape);
    // What each line assigned or returned wins: it covers views (flatten, view), which run no kernel.
    for (const s of model.lineShapes ?? []) if (s.file === path) ofModel.set(s.line, s.shape);
    for (const [line, shape] of ofModel) if (!shapes.has(line)) shapes.set(line, shape);
  }
  return shapes;
}
