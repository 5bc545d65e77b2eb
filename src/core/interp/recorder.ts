import type { CheckpointSegment, LineShape, OpRecord, StorageRef, UnresolvedNote } from "../report/model-report";
import type { InstanceValue, SourceLocation, TensorDtype, TensorValue, UnknownValue, Value } from "./values";

const DTYPE_BYTES: Record<TensorDtype, number> = { float32: 4, float64: 8, float16: 2, bfloat16: 2, int64: 8, int32: 4, int8: 1, uint8: 1, bool: 1 };

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
  /** Gaps met while a module's top-level code runs (a library imported on first use, mid-forward): the import's,
   *  not the model's. They are kept apart from `notes`; an unknown they leave behind is noted again where the model
   *  uses it, so a gap that touches the model still makes it partial. */
  readonly importNotes: UnresolvedNote[] = [];
  private readonly importNoteKeys = new Set<string>();
  /** Module bodies running now (Interpreter.runModule), outermost first. */
  importing = 0;
  /** Sees every note as it is made (the program records what a library module's top level notes, to repeat it when the module is kept). */
  noteObserver: ((reason: string, location: SourceLocation | undefined, importing: boolean) => void) | undefined;
  private readonly modelUnknowns = new WeakSet<UnknownValue>();
  private readonly importUnknowns = new WeakSet<UnknownValue>();

  /** Unknown values already noted: their consequences carry them on without a note each (the import's apart). */
  get reportedUnknowns(): WeakSet<UnknownValue> {
    return this.importing > 0 ? this.importUnknowns : this.modelUnknowns;
  }
  /** Set when the forward pass ended early (a budget ran out, or an error outside any call): the rest never ran. */
  stopped = false;
  /** Set when forward took a branch on a condition it could not decide: a layer that never ran may have been skipped. */
  guessedBranch = false;
  /** Set while forward runs; before that, ops (e.g. in __init__) are not costs of the model. */
  recording = false;
  private readonly shapes = new Map<string, LineShape>();
  /** Storage of each tensor value seen in forward; views share their base's (the memory model dedupes by it). */
  private readonly storages = new WeakMap<TensorValue, StorageRef>();
  private nextStorage = 1;
  private segment: CheckpointSegment | undefined;
  private segments = 0;

  /** Runs a torch.utils.checkpoint segment: its ops keep only the segment's inputs and are recomputed in backward
   *  (nested segments belong to the outermost). */
  checkpointed(inputs: readonly Value[], run: () => Value): Value {
    return this.segmentOf(() => inputs, true, run);
  }

  /** Runs a custom autograd Function's forward: its ops keep only what it saved (ctx.save_for_backward). */
  keepsOnly(saved: () => readonly Value[], run: () => Value): Value {
    return this.segmentOf(saved, false, run);
  }

  private segmentOf(kept: () => readonly Value[], recomputed: boolean, run: () => Value): Value {
    if (this.segment || !this.recording) return run();
    const segment: CheckpointSegment = { id: ++this.segments, inputs: [], recomputed };
    this.segment = segment;
    const before = this.ops.length;
    try {
      return run();
    } finally {
      segment.inputs = tensorsIn(kept()).filter((t) => !t.parameter).map((t) => this.storageOf(t));
      for (let i = before; i < this.ops.length; i++) this.ops[i].checkpoint = segment;
      this.segment = undefined;
    }
  }

  /** The storage a tensor value lives in: the one it was marked a view of, else its own. */
  storageOf(t: TensorValue): StorageRef {
    let s = this.storages.get(t);
    if (!s) {
      s = { id: this.nextStorage++, elements: t.shape.reduce((a, b) => a * b, 1), bytesPerElement: DTYPE_BYTES[t.dtype] ?? 4 };
      this.storages.set(t, s);
    }
    return s;
  }

  /**
   * Records what the ops since `before` read and wrote. A call that recorded no op but turned tensors into tensors
   * (view, reshape, split, slicing, .contiguous()) made views: its results share the first input's storage.
   */
  operands(before: number, args: readonly Value[], result: Value): void {
    if (!this.recording) return;
    const inputs = tensorsIn(args);
    if (this.ops.length <= before) {
      const base = inputs.find((t) => !t.parameter);
      if (base) for (const out of tensorsIn([result])) if (!out.parameter && !this.storages.has(out)) this.storages.set(out, this.storageOf(base));
      return;
    }
    const activations = inputs.filter((t) => !t.parameter);
    const refs = activations.map((t) => this.storageOf(t));
    const output = tensorsIn([result])[0];
    const tensors = { inputs: refs, inputElements: activations.map((t) => t.shape.reduce((a, b) => a * b, 1)), operands: inputs.length, output: output && !output.parameter ? this.storageOf(output) : undefined };
    for (let i = before; i < this.ops.length; i++) this.ops[i].tensors ??= tensors;
  }

  /** Forward places whose `.view()` raises on channels-last tensors, once each. */
  readonly channelsLastViews: { file: string; line: number }[] = [];

  /** Notes a forward `.view()` that a channels-last layout would break. */
  channelsLastView(location: SourceLocation | undefined): void {
    if (!this.recording || !location) return;
    if (!this.channelsLastViews.some((v) => v.file === location.file && v.line === location.line)) this.channelsLastViews.push({ file: location.file, line: location.line });
  }

  /** Counts that rest on an assumption (a router's picks spread evenly over its experts), once per place. */
  readonly assumptions: { file: string; line: number; text: string }[] = [];

  /** Notes an assumption a count here rests on. */
  assume(text: string, location: SourceLocation | undefined): void {
    if (!this.recording || !location) return;
    if (!this.assumptions.some((v) => v.text === text)) this.assumptions.push({ file: location.file, line: location.line, text });
  }

  /** Remembers the shape a forward line produced (the last one wins: loops report their final pass). */
  lineShape(file: string, line: number, shape: number[]): void {
    if (this.recording) this.shapes.set(`${file}:${line}`, { file, line, shape });
  }

  get lineShapes(): LineShape[] {
    return [...this.shapes.values()];
  }

  /** Records a note once per place and reason. */
  note(reason: string, location: SourceLocation | undefined): void {
    this.noteObserver?.(reason, location, this.importing > 0);
    const file = location?.file ?? "";
    const line = location?.line ?? 0;
    const key = `${file}:${line}:${reason}`;
    if (this.importing > 0) {
      if (!this.importNoteKeys.has(key)) this.importNotes.push({ file, line, reason });
      this.importNoteKeys.add(key);
      return;
    }
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

/** The tensors among call arguments, looking one level into tuples and lists (torch.cat's list, a split's parts). */
function tensorsIn(values: readonly Value[]): TensorValue[] {
  const out: TensorValue[] = [];
  for (const v of values) {
    if (v.kind === "tensor") out.push(v);
    else if (v.kind === "tuple" || v.kind === "list") for (const item of v.items) if (item.kind === "tensor") out.push(item);
  }
  return out;
}
