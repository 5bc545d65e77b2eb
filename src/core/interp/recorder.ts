import type { LineShape, OpRecord, UnresolvedNote } from "../report/model-report";
import type { InstanceValue, SourceLocation, UnknownValue } from "./values";

/** Per-module totals gathered while forward runs. */
export interface ModuleTally {
  flops: number;
  calls: number;
  output: number[] | null;
  activationElements: number;
  /** Calls that ended in an unknown (an unknown input, or a failure inside): their FLOPs are not in `flops`. */
  unknownCalls: number;
  /** The last tensor shape forward knew before such a call, to estimate what the layer would have cost. */
  shapeBeforeUnknown?: number[];
}

/**
 * Collects what happens while a model is built and run: FLOPs per op and per module, and the notes on what
 * could not be resolved. One recorder per model analysis.
 */
export class Recorder {
  readonly ops: OpRecord[] = [];
  readonly notes: UnresolvedNote[] = [];
  private readonly noteKeys = new Set<string>();
  /** Modules whose forward is running, outermost first. */
  readonly moduleStack: InstanceValue[] = [];
  readonly tallies = new Map<number, ModuleTally>();
  /** Module path by instance id, filled once the model tree is known. */
  paths = new Map<number, string>();
  /** Unknown values already noted: their consequences carry them on without a note each. */
  readonly reportedUnknowns = new WeakSet<UnknownValue>();
  /** Set when the forward pass ended early (a budget ran out, or an error outside any call): the rest never ran. */
  stopped = false;
  /** Set while forward runs; before that, ops (e.g. in __init__) are not costs of the model. */
  recording = false;
  private readonly shapes = new Map<string, LineShape>();

  /** Remembers the shape a forward line produced (the last one wins: loops report their final pass). */
  lineShape(file: string, line: number, shape: number[]): void {
    if (this.recording) this.shapes.set(`${file}:${line}`, { file, line, shape });
  }

  get lineShapes(): LineShape[] {
    return [...this.shapes.values()];
  }

  /** Records a note once per place and reason. */
  note(reason: string, location: SourceLocation | undefined): void {
    const file = location?.file ?? "";
    const line = location?.line ?? 0;
    const key = `${file}:${line}:${reason}`;
    if (this.noteKeys.has(key)) return;
    this.noteKeys.add(key);
    this.notes.push({ file, line, reason });
  }

  /** Adds an op's FLOPs to the op list and to every module on the stack. */
  addOp(op: string, flops: number, location: SourceLocation | undefined): void {
    if (!this.recording) return;
    const top = this.moduleStack[this.moduleStack.length - 1];
    this.ops.push({
      op,
      flops,
      outputElements: 0,
      weightElements: 0,
      outputShape: null,
      modulePath: top ? (this.paths.get(top.id) ?? "?") : "",
      file: location?.file ?? "",
      line: location?.line ?? 0,
    });
    for (const m of this.moduleStack) this.tally(m.id).flops += flops;
  }

  /** The output shape of the last op forward ran with known shapes (undefined before the first). */
  lastKnownShape(): number[] | undefined {
    for (let i = this.ops.length - 1; i >= 0; i--) {
      const shape = this.ops[i].outputShape;
      if (shape) return shape;
    }
    return undefined;
  }

  tally(id: number): ModuleTally {
    let t = this.tallies.get(id);
    if (!t) {
      t = { flops: 0, calls: 0, output: null, activationElements: 0, unknownCalls: 0 };
      this.tallies.set(id, t);
    }
    return t;
  }
}
