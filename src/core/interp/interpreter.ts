import { STALLED_PASSES, passPrint, samePrint, whileLoopNames } from "./stalled-while";
import { noPosition, type Argument, type ClassDefinition, type Expression, type FunctionDefinition, type Position, type Statement } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { unknownReshape } from "./unknown-reshape";
import { keepsSummedArguments, linearWidthName, recordSummedWidths, summedParameters, type SummedArguments } from "./summed-widths";
import { Budget, BudgetExceeded, GENERATOR_LIMIT } from "./budget";
import { computeMro, isSubclass, lookupClassAttribute } from "./classes";
import { enumMember, enumMembers, isEnumClass, makeEnumMembers } from "./enum-members";
import {
  NONE,
  bool,
  describeKind,
  dict,
  float,
  freshId,
  int,
  isIntLike,
  keyOf,
  list,
  namespaceDict,
  rangeLength,
  str,
  toInt,
  truthy,
  tuple,
  unknown,
} from "./construct";
import { layerAttribute } from "./layer-attributes";
import { decidedByRight, readsWithoutCall } from "./undecided-boolean";
import { argumentAdder } from "./library-argument-adders";
import { makesSacredConfigScope } from "./sacred-scopes";
import { appendedOncePerPass, attributesBoundIn, methodCallsIn, namesBoundIn, namesChangedInPlaceIn, ownAttributesChangedIn } from "./loop-bindings";
import { lengthBoundedList } from "./length-bounded-while";
import type { CudaDevice } from "./cuda-device";
import { isDataDependentMaskedCopy } from "../torch/masked-copy";
import { attributesOverDict, dictStorage } from "./dict-subclass";
import { knownRow, valuesOf, withValues } from "../torch/known-values";
import { kerasTensorAttribute } from "../keras/tensor-attributes";
import { armEffect, checksFiles } from "./inert-branches";
import { numpyScalar } from "./numpy-arrays";
import { keepUncountedRows } from "./unknown-rows";
import { pythonText } from "./formatting";
import { MissingFileError, catchesMissingFile } from "./missing-file";
import { augmentedOperation, binaryOperation, compareValues, unaryOperation } from "./operators";
import { Recorder } from "./recorder";
import { starExports } from "./lazy-names";
import {
  PythonError,
  Unresolved,
  type ClassValue,
  type DictValue,
  type FunctionValue,
  type InstanceValue,
  type LambdaDefinition,
  type ModuleNamespaceValue,
  type NativeCall,
  type OpContext,
  type Scope,
  type SourceLocation,
  type TensorDtype,
  type TensorValue,
  type UnknownValue,
  type Value,
  UnknownInput,
} from "./values";
import type { TorchCatalogue } from "./torch-catalogue";
import type { ModuleLoader } from "./module-loader";

/** The most of the analysis time left that one top-level statement of the analyzed file may take. */
const TOP_LEVEL_TIME_SHARE = 0.5;
/** Items of a list a stopped loop is read to have appended, at most (a text file of a few million characters). */
const MAX_SUMMARIZED_APPENDS = 5_000_000;
export type { ModuleLoader };

type Completion = undefined | { type: "return"; value: Value } | { type: "break" } | { type: "continue" };

/** One running function: its scope, and what zero-argument super() needs. */
export interface Frame {
  file: string;
  function?: FunctionValue;
  self?: Value;
  /** Set while running a module's forward (so unknown calls there are noted). */
  inModel: boolean;
  /** The function's own names (what `locals()` returns). */
  scope?: Scope;
  /** `try` blocks open in this frame's own code (an import there may fall back on ImportError). */
  tries?: number;
  /** A module's own top level: its namespace (what globals() and eval() there read). */
  module?: ModuleNamespaceValue;
  /** A model's __init__ given widths as sums: each such parameter's parts (summed-widths.ts). */
  summedParameters?: Map<string, Value[]>;
}


const RETURN_NONE: Completion = { type: "return", value: NONE };

/** Methods of builtin values by the value's kind; undefined for a value that has none. */
export type BuiltinMethods = (v: Value) => Record<string, (self: Value, call: NativeCall) => Value> | undefined;

/** What the composition root hands a new interpreter: the classes and methods every program shares. */
export interface InterpreterClasses {
  objectClass: ClassValue;
  moduleBase: ClassValue;
  builtinMethods: BuiltinMethods;
  /** torch.Tensor and nn.Parameter, what type() of a tensor gives (the torch bindings make them). */
  tensorClasses?: { tensor: ClassValue; parameter: ClassValue };
}

/** Told of every binary operator's operands and result, and of tensor subscripts as op "[]". */
export type TensorOperatorObserver = (op: string, left: Value, right: Value, result: Value) => void;

/** Everything an interpreter is built from, passed once by the composition root (src/core/runtime.ts). */
export interface InterpreterConfig {
  builtins: Scope;
  torch: TorchCatalogue;
  classes: InterpreterClasses;
  /** The Keras frontend records ops between layer calls through this. */
  tensorOperatorObserver?: TensorOperatorObserver;
  /**
   * Top-level statements of the analyzed file not to run: a script's training loop (nanoGPT-style) runs the model
   * thousands of times over and defines nothing a model needs (the training layer says which loops train).
   */
  skipsTopLevel?: (statement: Statement) => boolean;
}

/** What one analysis gives the interpreter before it runs the file (see beginAnalysis). */
export interface AnalysisSetup {
  /** The analysis's allowance while no narrower run (withRun) is open: the file's top level, imports. */
  budget: Budget;
  /** How imports find and load modules (the analysis's Program). */
  loader: ModuleLoader;
  /** Class attributes a library rule supplies instead of the library's own code (transformers' from_pretrained). */
  libraryClassAttribute?: (cls: ClassValue, name: string) => Value | undefined;
  /** The CUDA device the run targets (the estimate's hardware), as torch.cuda answers; absent: no CUDA device. */
  cudaDevice?: CudaDevice;
}

/** One question the analyzed code asked of torch.cuda, where, and the answer it got. */
export interface CudaQuery {
  query: string;
  answer: string;
  file: string;
  line: number;
}

/** One run inside an analysis (building a model, a forward pass, a site's values): where it notes and what it may spend. */
export interface RunSetup {
  recorder: Recorder;
  /** Absent: the enclosing run's allowance goes on. */
  budget?: Budget;
}

/** Arms of a conditional expression that evaluate without side effects: literals and names. */
const PLAIN_ARM = new Set(["str", "int", "float", "constant", "name", "attribute"]);
/** Values an undecided conditional expression cannot choose between (two settings, never built objects). */
const SCALAR = new Set(["str", "int", "float", "bool", "none"]);
/** A value of each builtin type whose methods builtin-methods.ts implements, to ask which methods the type has. */
const BUILTIN_TYPE_SAMPLES: Record<string, () => Value> = {
  "builtins.str": () => str(""),
  "builtins.list": () => list([]),
  "builtins.tuple": () => tuple([]),
  "builtins.int": () => int(0),
  "builtins.float": () => float(0),
  "builtins.set": () => ({ kind: "set", entries: new Map(), id: freshId() }),
};

/**
 * The abstract interpreter: evaluates the subset of Python that builds and runs models, over the lowered syntax
 * tree, with tensors as shapes. It never runs user code for real; all effects stay inside these values.
 */
export class Interpreter {
  // Per-analysis and per-run state: set only through beginAnalysis and withRun, read through the getters below.
  private currentRecorder = new Recorder();
  private currentBudget!: Budget;
  private currentLoader!: ModuleLoader;
  private libraryClassAttribute?: (cls: ClassValue, name: string) => Value | undefined;
  private currentCudaDevice?: CudaDevice;
  /** The floating dtype new parameters are made in: torch.set_default_dtype's (pytorch.org/docs/stable/generated/
   *  torch.set_default_dtype.html), float32 unless the code sets another. */
  private currentDefaultFloat: TensorDtype = "float32";
  /** The first file opened since the training plan last asked whose path the user must give (a required argument,
   *  an empty default): a configuration read from it is the user's to decide (evaluate-site.ts). */
  undecidedFile: UnknownValue | undefined;
  /** What torch.cuda was asked during this analysis (the training plan reports what the code read). */
  readonly cudaQueries: CudaQuery[] = [];
  /** The innermost source position being evaluated, for op records and notes. */
  currentLocation: SourceLocation | undefined;
  /** Parts of the summed arguments of the model class being called, for its __init__ frame (summed-widths.ts). */
  private pendingSums: SummedArguments | undefined;
  /** try-blocks being run: inside one, a Python error must reach its handler instead of degrading to an unknown. */
  private tryDepth = 0;
  /** Of those, the ones with a handler that catches FileNotFoundError (open() of a file the workspace lacks raises there). */
  private missingFileCatchers = 0;
  private readonly frames: Frame[] = [];
  readonly builtins: Scope;
  readonly torch: TorchCatalogue;
  /** Class bodies being executed, by their scope: a def there gets the class's __class__ cell, decorated or not. */
  private readonly classBodies = new WeakMap<Scope, ClassValue>();
  /** Classes the interpreter must know: nn.Module and object. */
  readonly moduleBase: ClassValue;
  readonly objectClass: ClassValue;
  /** Methods of builtin values (str.format, list.append, dict.items, ...) by the value's kind. */
  readonly builtinMethods: BuiltinMethods;
  /** torch.Tensor and nn.Parameter, what type() of a tensor gives. */
  readonly tensorClasses?: { tensor: ClassValue; parameter: ClassValue };
  readonly context: OpContext;
  private readonly tensorOperatorObserver?: TensorOperatorObserver;
  private readonly skipsTopLevel: (statement: Statement) => boolean;

  constructor(config: InterpreterConfig) {
    this.skipsTopLevel = config.skipsTopLevel ?? (() => false);
    this.builtins = config.builtins;
    this.torch = config.torch;
    this.objectClass = config.classes.objectClass;
    this.moduleBase = config.classes.moduleBase;
    this.builtinMethods = config.classes.builtinMethods;
    this.tensorClasses = config.classes.tensorClasses;
    this.tensorOperatorObserver = config.tensorOperatorObserver;
    this.context = {
      addFlops: (flops, op) => this.currentRecorder.addOp(op, flops, this.currentLocation),
      parameter: (shape, requiresGrad = true) => {
        // A layer's weights are allocated with torch.empty, which raises on a negative size (`nn.Embedding(-1, d)`
        // from a vocabulary size "set later by the tokenizer"): the model cannot be built, and its figures are none.
        const negative = shape.find((d) => d < 0);
        if (negative !== undefined) throw new PythonError(`Trying to create tensor with negative dimension ${negative}: [${shape.join(", ")}]`);
        return { kind: "tensor", shape: [...shape], dtype: this.currentDefaultFloat, parameter: { id: freshId(), requiresGrad } };
      },
      callValue: (fn, args, kwargs) => this.call(fn, args, kwargs ?? new Map()),
      location: () => this.currentLocation,
      checkpointed: (inputs, run) => this.currentRecorder.checkpointed(inputs, run),
      channelsLastView: () => this.currentRecorder.channelsLastView(this.currentLocation),
      assumeEvenRouting: (text) => this.currentRecorder.assume(text, this.currentLocation),
      inGuessedBranch: () => this.guessedArms > 0,
    };
  }

  /** Where the current run's notes and ops go. */
  get recorder(): Recorder {
    return this.currentRecorder;
  }

  /** What the current run may still spend. */
  get budget(): Budget {
    return this.currentBudget;
  }

  /** The CUDA device of the current analysis's target, or undefined when it has none. */
  get cudaDevice(): CudaDevice | undefined {
    return this.currentCudaDevice;
  }

  /** The floating dtype new parameters are made in (torch.get_default_dtype()). */
  get defaultFloat(): TensorDtype {
    return this.currentDefaultFloat;
  }

  /** torch.set_default_dtype: parameters made after it, in any module of the run, are of this dtype. */
  setDefaultFloat(dtype: TensorDtype): void {
    this.currentDefaultFloat = dtype;
  }

  /** Records a torch.cuda question the code asked and the answer it got, at the current location. */
  noteCudaQuery(query: string, answer: string): void {
    const at = this.currentLocation;
    if (at) this.cudaQueries.push({ query, answer, file: at.file, line: at.line });
  }

  /** How the current analysis imports modules. */
  get loader(): ModuleLoader {
    return this.currentLoader;
  }

  /** Starts an analysis: clears what the last one left behind (the runtime serves many) and takes this one's setup. */
  beginAnalysis(setup: AnalysisSetup): void {
    this.currentRecorder = new Recorder();
    this.currentBudget = setup.budget;
    this.currentLoader = setup.loader;
    this.libraryClassAttribute = setup.libraryClassAttribute;
    this.currentCudaDevice = setup.cudaDevice;
    this.currentDefaultFloat = "float32";
    this.cudaQueries.length = 0;
    this.currentLocation = undefined;
    this.frames.length = 0;
    this.failedStatements.clear();
    this.boundValues.clear();
    this.scriptModules.length = 0;
    this.topStatement = undefined;
  }

  /** Runs fn as one run of the analysis: its notes go to run.recorder, its work counts against run.budget; the enclosing run's are back after. */
  withRun<T>(run: RunSetup, fn: () => T): T {
    const recorder = this.currentRecorder;
    const budget = this.currentBudget;
    this.currentRecorder = run.recorder;
    if (run.budget) this.currentBudget = run.budget;
    try {
      return fn();
    } finally {
      this.currentRecorder = recorder;
      this.currentBudget = budget;
    }
  }

  get frame(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  location(pos: Position): SourceLocation {
    return { file: this.frame?.file ?? "", line: pos.line, column: pos.column };
  }

  /** Notes an unresolved part when it matters for a model (inside model code). */
  noteUnknown(reason: string, pos?: Position): void {
    if (this.frame?.inModel || this.currentRecorder.recording) this.currentRecorder.note(reason, pos ? this.location(pos) : this.currentLocation);
  }

  /** Why top-level statements that were skipped failed (the analyzer shows a model whose construction failed). */
  readonly failedStatements = new Map<Statement, string>();

  /**
   * The value each top-level `name = ...` of a script bound when it ran: a notebook re-binds `model` cell after cell
   * (a built network, then one loaded from a file), and each binding is the model of its own cell.
   */
  readonly boundValues = new Map<Statement, Value>();

  /**
   * The modules the analyzed file's top-level statements built, each with the statement that was running: a script
   * whose `train.initiate(args)` builds and trains the model in another file never binds it at top level.
   */
  readonly scriptModules: { instance: InstanceValue; statement: Statement }[] = [];
  /** The analyzed file's top-level statement now running (none while imports or other runs execute). */
  private topStatement: Statement | undefined;

  /** Runs fn with a frame pushed (the analyzer's entry points: building and running a model). */
  withFrame<T>(frame: Frame, fn: () => T): T {
    this.frames.push(frame);
    try {
      return fn();
    } finally {
      this.frames.pop();
    }
  }

  // ---------------------------------------------------------------- modules

  /** The value an import of a module that is nowhere on the path binds: why, and what to do, where it was imported. */
  private missingModule(name: string, pos: Position): UnknownValue {
    const reason = this.currentLoader.missingReason?.(name);
    if (reason) return { ...unknown(reason, this.location(pos)), missing: true };
    return unknown(this.currentLoader.absentSubmoduleReason?.(name) ?? `module ${name} is not available to the analyzer`, this.location(pos));
  }

  /**
   * An import of a module that is nowhere on the path, inside a `try`: Python's ModuleNotFoundError, so the handler
   * runs (`try: from xformers.ops import ... except ImportError: XFORMERS_AVAILABLE = False`), as it would where the
   * optional package is not installed. Only a `try` of the importing code itself counts: a package the analyzer
   * cannot see (no environment found) must not take a caller's error path, so elsewhere the import stays an unknown
   * value and the analysis goes on.
   */
  private raiseIfOptional(name: string): void {
    if ((this.frame?.tries ?? 0) > 0) throw new PythonError(`No module named '${name}'`);
  }

  /** An import inside the importing code's own `try` of a library we only stand in for (apex, accelerate): the
   *  handler runs, as where the library is not installed, which is the likelier case. */
  private guardedStandIn(name: string): boolean {
    return (this.frame?.tries ?? 0) > 0 && this.currentLoader.optionalStandIn?.(name, this.frame?.file ?? "") === true;
  }

  /**
   * A top-level `if` whose arm holds a training loop (a notebook's `if __name__ == "__main__":` block, which Jupyter
   * runs): the arm its test picks runs statement by statement like the top level, its training loops skipped and a
   * failing statement not stopping the definitions after it.
   */
  private runGuardedArm(s: Extract<Statement, { type: "if" }>, scope: Scope): void {
    const arm = this.truth(this.evaluate(s.test, scope)) ? s.body : s.orelse;
    for (const t of arm) {
      if (this.skipsTopLevel(t)) continue;
      try {
        if (t.type === "if" && [...t.body, ...t.orelse].some((u) => this.skipsTopLevel(u))) this.runGuardedArm(t, scope);
        else this.execute(t, scope);
      } catch (err) {
        if (!(err instanceof PythonError || err instanceof Unresolved)) throw err;
        this.failedStatements.set(t, err.message);
      }
    }
  }

  /**
   * Runs statements of the analyzed file as its top level would, noting the modules each builds in scriptModules;
   * stops at the first that fails or runs out of budget (what it built so far is kept).
   */
  runRecordingModules(statements: Statement[], scope: Scope): void {
    for (const s of statements) {
      this.topStatement = s;
      try {
        this.execute(s, scope);
      } catch (err) {
        // A recursion the run never ends (JavaScript's stack runs out) stops it as Python's RecursionError would.
        if (err instanceof PythonError || err instanceof Unresolved || err instanceof BudgetExceeded || err instanceof RangeError) return;
        throw err;
      } finally {
        this.topStatement = undefined;
      }
    }
  }

  /** Runs a file's top-level statements in its namespace. */
  runModule(namespace: ModuleNamespaceValue, body: Statement[], options: { imported?: boolean } = {}): void {
    this.frames.push({ file: namespace.file ?? "", inModel: false, module: namespace });
    // An imported library's top level is import-time code: its gaps are the import's, not a model's.
    const recorder = this.currentRecorder;
    if (options.imported) recorder.importing++;
    try {
      for (const s of body) {
        // Running a script's training loop would spend the analysis' time budget before the definitions after it.
        if (this.skipsTopLevel(s)) continue;
        // The analyzed file's statements each get at most half the time left (a script's top-level call that runs a
        // model hundreds of times, `model.generate(context, 500)`, say): past it, that statement is skipped.
        const limit = options.imported ? undefined : this.budget.limitStatement(TOP_LEVEL_TIME_SHARE);
        const outer = this.topStatement;
        this.topStatement = options.imported ? undefined : s;
        const appended = options.imported ? undefined : s.type === "for" ? this.listsAppendedByLoop(s, namespace.scope) : s.type === "while" ? this.listFilledByWhile(s, namespace.scope) : undefined;
        try {
          if (!options.imported && s.type === "if" && [...s.body, ...s.orelse].some((t) => this.skipsTopLevel(t))) this.runGuardedArm(s, namespace.scope);
          else this.execute(s, namespace.scope);
          if (!options.imported && s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name") {
            const bound = namespace.scope.names.get(s.targets[0].id);
            if (bound) this.boundValues.set(s, bound);
          }
        } catch (err) {
          if (err instanceof BudgetExceeded) {
            if (err.what === "time" || (err.what === "statement" && err.deadline !== limit?.deadline)) throw err;
            // A script's long loop at top level: skip that statement, keep the definitions after it. Recorded, so a
            // model it would have built (a large library's from_pretrained on a busy machine) is listed with why.
            this.currentBudget.refillSteps();
            this.failedStatements.set(s, `${err.message}, so it was skipped (a busy machine or a large library: analyze again)`);
            // A loop stopped partway leaves what it built half done; Python runs it to its end (loop-bindings.ts).
            if (s.type === "for" || s.type === "while") this.forgetPartialLoop(s, namespace.scope, err.message, appended);
            continue;
          }
          // A failing top-level statement (a script's training code, say) must not stop the definitions after it.
          // So must a `yield` at the top level, Python's SyntaxError "'yield' outside function", which a file
          // indented with tabs and spaces mixed can leave there (a generator's loop over an unknown value).
          if (err instanceof GeneratorOverUnknown) {
            this.failedStatements.set(s, `${err.message}: a yield outside a function`);
            continue;
          }
          if (err instanceof PythonError || err instanceof Unresolved) {
            // A `while len(items) < n:` the analysis could not run through still leaves n items (length-bounded-while.ts).
            if (s.type === "while" && appended) this.forgetPartialLoop(s, namespace.scope, err.message, appended);
            // Where a library raised, so a model that failed to build names the line to look at.
            const at = err instanceof PythonError && err.location ? ` (at ${err.location.file}:${err.location.line})` : "";
            this.failedStatements.set(s, err.message + at);
            continue;
          }
          throw err;
        } finally {
          if (limit) this.budget.endStatement(limit);
          this.topStatement = outer;
        }
      }
    } finally {
      if (options.imported) recorder.importing--;
      this.frames.pop();
    }
  }

  /** The lists a top-level `for` over `range(...)` appends to once a pass, as they are before it runs, and the range's
   *  passes (loop-bindings.ts); read before the loop, whose body may bind the names its range reads. */
  private listsAppendedByLoop(loop: Extract<Statement, { type: "for" }>, scope: Scope): { lists: Map<string, Value[]>; passes: number } | undefined {
    if (loop.iter.type !== "call" || loop.iter.func.type !== "name" || loop.iter.func.id !== "range") return undefined;
    const names = appendedOncePerPass(loop);
    if (names.length === 0) return undefined;
    const lists = new Map<string, Value[]>();
    for (const name of names) {
      const value = scope.names.get(name);
      if (value?.kind === "list" && !value.deque) lists.set(name, [...value.items]);
    }
    if (lists.size === 0) return undefined;
    let range: Value | undefined;
    try {
      range = this.evaluate(loop.iter, scope);
    } catch {
      return undefined;
    }
    if (range.kind !== "range" || range.step === 0) return undefined;
    const passes = Math.max(0, Math.ceil((range.stop - range.start) / range.step));
    return passes <= MAX_SUMMARIZED_APPENDS ? { lists, passes } : undefined;
  }

  /** The list a top-level `while len(items) < n:` fills, as it is before the loop, and the items it still takes
   *  (length-bounded-while.ts); undefined where the loop is not of that form or n is not known. */
  private listFilledByWhile(loop: Extract<Statement, { type: "while" }>, scope: Scope): { lists: Map<string, Value[]>; passes: number } | undefined {
    const filled = lengthBoundedList(loop);
    const held = filled ? scope.names.get(filled.name) : undefined;
    if (!filled || held?.kind !== "list" || held.deque) return undefined;
    let bound: Value;
    try {
      bound = this.evaluate(filled.bound, scope);
    } catch {
      return undefined;
    }
    if (bound.kind !== "int") return undefined;
    const passes = bound.value + (filled.inclusive ? 1 : 0) - held.items.length;
    return passes >= 0 && passes <= MAX_SUMMARIZED_APPENDS ? { lists: new Map([[filled.name, [...held.items]]]), passes } : undefined;
  }

  /** The names a top-level loop the analysis stopped binds or changes in place read as unknown after it, but for a
   *  list a counted `for` appends to once a pass: Python gives it one item a pass, of values the analysis did not see. */
  private forgetPartialLoop(loop: Statement, scope: Scope, why: string, appended: { lists: Map<string, Value[]>; passes: number } | undefined): void {
    const reason = `built by a loop the analysis stopped partway (${why})`;
    for (const name of namesBoundIn([loop])) this.assign(name, unknown(reason), scope);
    for (const name of new Set(namesChangedInPlaceIn([loop]))) {
      if (!scope.names.has(name)) continue;
      const before = appended?.lists.get(name);
      if (before && appended) scope.names.set(name, list([...before, ...Array.from({ length: appended.passes }, () => unknown(`an item ${reason}`))]));
      else scope.names.set(name, unknown(reason));
    }
  }

  /** The lists a loop the analysis cannot count changes in place (`batches.append(...)` over `range(m // size)` of an
   *  unknown m) hold an unknown number of items after it, not the items they held before it. */
  private forgetListsChangedIn(loop: Statement, scope: Scope, why: string): void {
    for (const name of new Set(namesChangedInPlaceIn([loop]))) {
      const value = scope.names.get(name);
      if (value?.kind === "list" && !value.deque) scope.names.set(name, { ...unknown(`'${name}' is changed in ${why}`), list: true });
    }
    // So are the lists of an object whose own method the loop calls (`self.dictionary.add_word(word)` appending to
    // `self.idx2word`): the loop would have called it an unknown number of times.
    for (const call of methodCallsIn([loop])) {
      if (call.func.type !== "attribute") continue;
      // Read without evaluating: the loop never ran, so nothing here may record a gap or run a property's code.
      const object = heldObject(call.func.object, scope);
      if (object?.kind !== "instance") continue;
      const method = lookupClassAttribute(object.cls, call.func.name);
      if (method?.kind !== "function" || method.definition.type !== "function") continue;
      for (const attribute of ownAttributesChangedIn(method.definition)) {
        const held = object.attributes.get(attribute);
        if (held?.kind === "list" && !held.deque) object.attributes.set(attribute, { ...unknown(`'${attribute}' is changed by ${call.func.name}() in ${why}`), list: true });
      }
    }
  }

  // ---------------------------------------------------------------- statements

  executeBlock(body: Statement[], scope: Scope): Completion {
    for (const s of body) {
      let c: Completion;
      try {
        c = this.execute(s, scope);
      } catch (err) {
        // the innermost statement a budget ran out in is where the report says the forward pass stopped
        if (err instanceof BudgetExceeded) err.location ??= this.location(s.pos);
        throw err;
      }
      if (c) return c;
    }
    return undefined;
  }

  execute(s: Statement, scope: Scope): Completion {
    this.currentBudget.step();
    switch (s.type) {
      case "expression":
        this.evaluate(s.value, scope);
        return undefined;
      case "assign": {
        if (s.targets.length === 1 && this.maskedCopy(s.targets[0], s.value, scope)) return undefined;
        const value = this.evaluate(s.value, scope);
        for (const t of s.targets) this.assign(t, value, scope);
        this.noteLineShape(s.pos, value);
        return undefined;
      }
      case "augmented": {
        const current = this.evaluate(s.target, scope);
        const value = this.evaluate(s.value, scope);
        let result: Value;
        if (s.op === "+" && current.kind === "list") {
          this.noteWrite(current);
          current.items.push(...this.iterate(value, s.pos));
          result = current;
        } else result = this.binary(s.op, current, value, s.pos, true);
        this.assign(s.target, result, scope);
        return undefined;
      }
      case "annotated":
        if (s.value) this.assign(s.target, this.evaluate(s.value, scope), scope);
        return undefined;
      case "return": {
        if (!s.value) return RETURN_NONE;
        const value = this.evaluate(s.value, scope);
        this.noteLineShape(s.pos, value);
        return { type: "return", value };
      }
      case "if": {
        const test = this.evaluate(s.test, scope);
        const known = this.decided(test);
        if (known === undefined) {
          // A condition on tensor contents whose arms cannot change the cost leaves the count whole.
          const definition = this.frame?.function?.definition;
          const enclosing = definition && definition.type !== "lambda" ? definition.body : undefined;
          const body = armEffect(s.body, enclosing);
          const orelse = armEffect(s.orelse, enclosing);
          if (body === "raises" && orelse !== "raises") return this.executeBlock(s.orelse, scope);
          if (orelse === "raises" && body !== "raises") return this.executeBlock(s.body, scope);
          if (body === "inert" && orelse === "inert") return this.executeBlock(s.body, scope);
        }
        const taken = known ?? this.condition(test, s.test.pos);
        if (known !== undefined) {
          // A file check that raises when the data is missing: the run has its data, so it goes the other way.
          const arm = taken ? s.body : s.orelse;
          if (checksFiles(s.test) && armEffect(arm, undefined) === "raises") return this.executeBlock(taken ? s.orelse : s.body, scope);
          return this.executeBlock(arm, scope);
        }
        this.guessedArms++;
        try {
          return this.executeBlock(taken ? s.body : s.orelse, scope);
        } finally {
          this.guessedArms--;
        }
      }
      case "for": {
        const iterable = this.evaluate(s.iter, scope);
        if (iterable.kind === "unknown") {
          // A generator that yields from a loop over something unknown (`def cycle(dl): while True: for x in dl:
          // yield x`) yields items the analysis cannot list: its output is unknown. Going on would spin an endless
          // `while True` without a yield until the budget ran out.
          if (yieldsIn(s.body)) throw new GeneratorOverUnknown(iterable);
          this.noteUnknown(`loop over an unknown value: ${iterable.reason}`, s.iter.pos);
          // What the body would have bound is unknown too, not the value from before the loop.
          for (const name of namesBoundIn([s])) {
            this.assign(name, unknown(`${name.type === "name" ? `'${name.id}' is ` : ""}set in a loop over an unknown value (${iterable.reason})`), scope);
          }
          // So are the attributes it sets on an object (`self.n_train += len(items)` over a data file's lines).
          for (const attribute of attributesBoundIn([s])) {
            const object = this.evaluate(attribute.object, scope);
            if (object.kind === "instance") object.attributes.set(attribute.name, unknown(`'${attribute.object.type === "name" ? attribute.object.id : ""}.${attribute.name}' is set in a loop over an unknown value (${iterable.reason})`));
          }
          this.forgetListsChangedIn(s, scope, `a loop over an unknown value (${iterable.reason})`);
          return undefined;
        }
        for (const item of this.iterate(iterable, s.iter.pos)) {
          this.currentBudget.step();
          this.assign(s.target, item, scope);
          const c = this.executeBlock(s.body, scope);
          if (c?.type === "break") return undefined;
          if (c?.type === "return") return c;
        }
        return this.executeBlock(s.orelse, scope);
      }
      case "while": {
        // A test whose truth is not known (a tensor's contents: `while y.norm() < 1000:`) is taken as true for one
        // pass, as an `if` takes its first arm; taking it again would run the body until the budget ran out.
        let guessed = false;
        // A pass that changes nothing the loop reads or binds repeats itself (stalled-while.ts).
        const names = whileLoopNames(s);
        let last: unknown[] | undefined;
        let stalled = 0;
        for (;;) {
          this.currentBudget.step();
          if (names) {
            const now = passPrint(names.map((n) => this.lookup(n, scope, s.pos)));
            stalled = now && last && samePrint(now, last) ? stalled + 1 : 0;
            last = now;
            // Left as a loop the analysis could not run through, as the statement's time share running out would
            // leave it, without the wait (a top-level `while len(items) < n:` still leaves n items).
            if (stalled >= STALLED_PASSES) throw new Unresolved(`a while loop that makes no progress (${STALLED_PASSES} passes left every name it reads or binds as it was, line ${s.pos.line})`);
          }
          const test = this.evaluate(s.test, scope);
          if (test.kind === "unknown") {
            this.noteUnknown(`while condition unknown: ${test.reason}`, s.test.pos);
            this.forgetListsChangedIn(s, scope, `a while loop whose condition is unknown (${test.reason})`);
            return undefined;
          }
          const why = this.undecided(test);
          if (why !== undefined && guessed) {
            this.noteUnknown(`while condition unknown after one pass: ${why}`, s.test.pos);
            this.forgetListsChangedIn(s, scope, `a while loop whose condition is unknown (${why})`);
            return undefined;
          }
          if (why !== undefined) guessed = true;
          if (!this.condition(test, s.test.pos)) break;
          const c = this.executeBlock(s.body, scope);
          if (c?.type === "break") return undefined;
          if (c?.type === "return") return c;
        }
        return this.executeBlock(s.orelse, scope);
      }
      case "break": return { type: "break" };
      case "continue": return { type: "continue" };
      case "pass": case "assert": return undefined;
      case "function":
        this.bind(scope, s.name, this.defineFunction(s, scope));
        return undefined;
      case "class":
        this.bind(scope, s.name, this.defineClass(s, scope));
        return undefined;
      case "import":
        for (const n of s.names) {
          const ns = this.guardedStandIn(n.module) ? undefined : this.currentLoader.importModule(n.module, 0, this.frame?.file ?? "") ?? this.submoduleAttribute(n.module);
          if (!ns) this.raiseIfOptional(n.module);
          if (n.alias) this.bind(scope, n.alias, ns ?? this.missingModule(n.module, s.pos));
          else {
            const top = n.module.split(".")[0];
            this.bind(scope, top, this.currentLoader.importModule(top, 0, this.frame?.file ?? "") ?? (ns ? packageAbove(n.module, ns) : this.missingModule(top, s.pos)));
          }
        }
        return undefined;
      case "importFrom": {
        if (this.currentLoader.deferImport?.(s, scope, this.frame?.file ?? "")) return undefined;
        const ns = s.level === 0 && this.guardedStandIn(s.module) ? undefined : this.currentLoader.importModule(s.module, s.level, this.frame?.file ?? "");
        if (!ns && s.level === 0) this.raiseIfOptional(s.module);
        if (s.names === "*") {
          if (ns) for (const [k, v] of starExports(ns)) this.bind(scope, k, v);
          return undefined;
        }
        for (const n of s.names) {
          let v: Value | undefined;
          if (ns) v = ns.scope.names.get(n.name) ?? this.currentLoader.importSubmodule(ns, n.name, this.frame?.file ?? "");
          // A submodule the analyzer models whose package it does not (`from sklearn import datasets`).
          else if (s.level === 0) v = this.currentLoader.importModule(`${s.module}.${n.name}`, 0, this.frame?.file ?? "");
          const fallback = v === undefined ? ns?.scope.names.get("__fallback__") : undefined;
          if (fallback) v = this.call(fallback, [str(n.name)], new Map());
          this.bind(scope, n.alias ?? n.name, v ?? (ns || s.level > 0 ? unknown(`${n.name} from ${".".repeat(s.level)}${s.module} is not available to the analyzer`, this.location(s.pos)) : this.missingModule(s.module, s.pos)));
        }
        return undefined;
      }
      case "global":
      case "nonlocal":
        scope.globals ??= new Set();
        for (const n of s.names) scope.globals.add(n);
        return undefined;
      case "raise": {
        const v = s.value ? this.evaluate(s.value, scope) : NONE;
        // The exception's message goes with its class: "Unknown model r3d_18" says what a bare "ValueError" does not.
        const first = v.kind === "instance" ? v.attributes.get("args") : undefined;
        const message = first?.kind === "tuple" && first.items[0]?.kind === "str" ? `: ${first.items[0].value.slice(0, 300)}` : "";
        const raised = new PythonError(`raised ${describeKind(v)}${message}`);
        raised.location = this.location(s.pos);
        throw raised;
      }
      case "try": {
        let c: Completion;
        const catchesMissing = s.handlers.some((h) => catchesMissingFile(h.types));
        try {
          this.tryDepth++;
          if (catchesMissing) this.missingFileCatchers++;
          const frame = this.frame;
          if (frame) frame.tries = (frame.tries ?? 0) + 1;
          try {
            c = this.executeBlock(s.body, scope);
          } finally {
            this.tryDepth--;
            if (catchesMissing) this.missingFileCatchers--;
            if (frame) frame.tries! -= 1;
          }
        } catch (err) {
          if (!(err instanceof PythonError) || s.handlers.length === 0) throw err;
          // A missing file's FileNotFoundError is known for sure: it reaches the handler that catches it, or passes by.
          const missing = err instanceof MissingFileError;
          const h = missing ? s.handlers.find((x) => catchesMissingFile(x.types)) : s.handlers[0];
          if (!h) throw err;
          if (h.name) this.bind(scope, h.name, unknown(missing ? `the file ${err.path} is not in the workspace` : "caught exception"));
          c = this.executeBlock(h.body, scope);
          if (!c) c = this.executeBlock(s.finalbody, scope);
          return c;
        }
        if (!c) c = this.executeBlock(s.orelse, scope);
        const f = this.executeBlock(s.finalbody, scope);
        return f ?? c;
      }
      case "with":
        for (const item of s.items) {
          const v = this.evaluate(item.value, scope);
          if (item.target) this.assign(item.target, v, scope);
        }
        return this.executeBlock(s.body, scope);
      case "delete":
        for (const t of s.targets) {
          if (t.type === "name") scope.names.delete(t.id);
          else if (t.type === "subscript") this.deleteItem(this.evaluate(t.object, scope), this.evaluate(t.index, scope), t.pos);
          else if (t.type === "attribute") {
            const o = this.evaluate(t.object, scope);
            if (o.kind === "instance") {
              this.noteWrite(o);
              o.attributes.delete(t.name);
              o.module?.children.delete(t.name);
              o.module?.parameters.delete(t.name);
              o.module?.buffers.delete(t.name);
            }
          }
        }
        return undefined;
      case "unsupported":
        return undefined;
    }
  }

  private noteLineShape(pos: Position, value: Value): void {
    if (!this.currentRecorder.recording) return;
    const shape = firstTensorShape(value);
    if (shape) this.currentRecorder.lineShape(this.frame?.file ?? "", pos.line, shape);
  }

  /** How many `if` arms being run were taken on a guess (their condition unknown). */
  private guessedArms = 0;

  /** Whether a try being run catches FileNotFoundError, so open() of a file the workspace lacks must raise it. */
  get catchingMissingFile(): boolean {
    return this.missingFileCatchers > 0;
  }

  /** A condition's truth when it is known, without noting anything; undefined when it is not. */
  private decided(test: Value): boolean | undefined {
    if (test.kind === "unknown") return undefined;
    try {
      return this.truth(test);
    } catch (err) {
      if (err instanceof Unresolved) return undefined;
      throw err;
    }
  }

  /** Why a test's truth is unknown, or undefined when it is known. */
  private undecided(test: Value): string | undefined {
    if (test.kind === "unknown") return test.reason;
    try {
      this.truth(test);
      return undefined;
    } catch (err) {
      if (err instanceof Unresolved) return err.message;
      throw err;
    }
  }

  /** Decides a branch; an unknown condition takes the first branch and says so. */
  condition(test: Value, pos: Position): boolean {
    if (test.kind === "unknown") {
      this.noteUnknown(`condition unknown (${test.reason}); took the first branch`, pos);
      if (this.currentRecorder.recording) this.currentRecorder.guessedBranch = true;
      return true;
    }
    try {
      return this.truth(test);
    } catch (err) {
      if (err instanceof Unresolved) {
        this.noteUnknown(`condition unknown (${err.message}); took the first branch`, pos);
        if (this.currentRecorder.recording) this.currentRecorder.guessedBranch = true;
        return true;
      }
      throw err;
    }
  }

  /** Python truthiness, with __bool__/__len__ of user objects. */
  truth(v: Value): boolean {
    // A one-element tensor of known contents (`if mask.sum() == mask.numel():` over a mask of ones) is its number.
    if (v.kind === "tensor" && v.shape.every((d) => d === 1)) {
      const values = valuesOf(v);
      if (values?.length === 1) return values[0] !== 0;
    }
    if (v.kind === "instance" && !v.module) {
      const b = lookupClassAttribute(v.cls, "__bool__") ?? lookupClassAttribute(v.cls, "__len__");
      if (b) return truthy(this.call(b, [v], new Map()));
    }
    return truthy(v);
  }

  private bind(scope: Scope, name: string, value: Value): void {
    if (scope.globals?.has(name)) {
      let s: Scope | undefined = scope.parent;
      while (s) {
        if (s.names.has(name) || !s.parent?.parent) {
          this.noteWrite(s.names);
          s.names.set(name, value);
          return;
        }
        s = s.parent;
      }
    }
    scope.names.set(name, value);
  }

  /**
   * `x[mask] = y[mask2]` with names or attributes on both sides: when the selection's size is data, the statement still
   * keeps x's shape and counts no FLOPs, so it is done without a gap (see isDataDependentMaskedCopy). Those operands
   * have no side effects, so evaluating them here and again on the ordinary path changes nothing.
   */
  private maskedCopy(target: Expression, source: Expression, scope: Scope): boolean {
    const plain = (e: Expression): boolean => e.type === "name" || (e.type === "attribute" && plain(e.object));
    if (target.type !== "subscript" || source.type !== "subscript") return false;
    if (![target.object, target.index, source.object, source.index].every(plain)) return false;
    const to = this.evaluate(target.object, scope);
    if (to.kind !== "tensor") return false;
    if (!isDataDependentMaskedCopy(to, this.evaluate(target.index, scope), this.evaluate(source.object, scope), this.evaluate(source.index, scope), this.context)) return false;
    this.noteWrite(to);
    return true;
  }

  /** Assigns to a target: name, attribute, subscript, or a tuple/list pattern (with one starred). */
  assign(target: Expression, value: Value, scope: Scope): void {
    switch (target.type) {
      case "name":
        this.bind(scope, target.id, value);
        return;
      case "attribute":
        this.setAttribute(this.evaluate(target.object, scope), target.name, value, target.pos);
        return;
      case "subscript":
        this.setItem(this.evaluate(target.object, scope), this.evaluate(target.index, scope), value, target.pos);
        return;
      case "tuple":
      case "list": {
        const starIndex = target.items.findIndex((t) => t.type === "starred");
        let items: Value[];
        if (value.kind === "unknown") items = target.items.map(() => value);
        else items = this.iterate(value, target.pos);
        if (starIndex < 0) {
          if (items.length !== target.items.length) throw new PythonError(`cannot unpack ${items.length} values into ${target.items.length}`);
          target.items.forEach((t, i) => this.assign(t, items[i], scope));
        } else {
          const after = target.items.length - starIndex - 1;
          target.items.slice(0, starIndex).forEach((t, i) => this.assign(t, items[i], scope));
          const star = target.items[starIndex] as Extract<Expression, { type: "starred" }>;
          this.assign(star.value, list(items.slice(starIndex, items.length - after)), scope);
          target.items.slice(starIndex + 1).forEach((t, i) => this.assign(t, items[items.length - after + i], scope));
        }
        return;
      }
      case "starred":
        this.assign(target.value, value, scope);
        return;
      default:
        return;
    }
  }

  // ---------------------------------------------------------------- definitions

  private defineFunction(def: FunctionDefinition, scope: Scope): Value {
    const defaults = new Map<string, Value>();
    for (const p of def.params) if (p.default) defaults.set(p.name, this.evaluate(p.default, scope));
    // A method defined in a class body has that class for zero-argument super() even when a decorator wraps it
    // (functools.wraps keeps the wrapped function, which is what runs), and the class body is not its enclosing scope.
    const owner = this.classBodies.get(scope);
    let fn: Value = {
      kind: "function",
      name: def.name,
      definition: def,
      defaults,
      closure: owner && scope.parent ? scope.parent : scope,
      module: this.currentNamespace(scope),
      ...(owner ? { definingClass: owner } : {}),
    };
    // Decorators apply bottom-up; unknown ones (registries, wraps) are assumed to return the function unchanged.
    for (const d of [...def.decorators].reverse()) {
      const name = decoratorName(d);
      if (name === "staticmethod") (fn as FunctionValue).isStatic = true;
      else if (name === "classmethod") (fn as FunctionValue).isClassMethod = true;
      else if (name === "property" || name.endsWith("cached_property")) fn = { kind: "property", getter: fn };
      else if (name.endsWith(".setter") || name.endsWith(".deleter")) {
        const property = this.evaluate(d.type === "attribute" ? d.object : d, scope);
        return property.kind === "property" && name.endsWith(".setter") ? { kind: "property", getter: property.getter, setter: fn } : property;
      }
      else {
        const decorator = this.tryEvaluate(d, scope);
        if (decorator && (decorator.kind === "function" || decorator.kind === "native")) {
          const result = this.tryCall(decorator, [fn]);
          if (result && (result.kind === "function" || result.kind === "native" || result.kind === "partial" || result.kind === "class")) fn = result;
        } else if (fn.kind === "function" && (!decorator || decorator.kind === "unknown") && makesSacredConfigScope(d, this.currentLoader.sourceText?.(this.frame?.file ?? ""))) {
          fn = { ...fn, returnsLocals: true };
        }
      }
    }
    return fn;
  }

  private currentNamespace(scope: Scope): ModuleNamespaceValue {
    let s: Scope = scope;
    while (s.parent && s.parent !== this.builtins) s = s.parent;
    return { kind: "namespace", name: "", file: this.frame?.file, scope: s };
  }

  private defineClass(def: ClassDefinition, scope: Scope): Value {
    const bases: ClassValue[] = [];
    let unknownBase: string | undefined;
    for (const a of def.bases) {
      if (a.kind !== "positional") continue; // metaclass=..., total=False
      const b = this.evaluate(a.value, scope);
      if (b.kind === "class") bases.push(b);
      else if (b.kind === "unknown") unknownBase = b.reason;
    }
    if (bases.length === 0) bases.push(this.objectClass);
    const cls: ClassValue = {
      kind: "class",
      name: def.name,
      qualifiedName: def.name,
      bases,
      attributes: new Map(),
      mro: [],
      module: this.currentNamespace(scope),
      location: { file: this.frame?.file ?? "", line: def.defLine, column: def.pos.column },
    };
    cls.mro = computeMro(cls);
    cls.isModule = cls.mro.includes(this.moduleBase);
    // A metaclass written here, else the first a base has (Python takes the most derived; bases here share one).
    const metaArgument = def.bases.find((a) => a.kind === "keyword" && a.name === "metaclass");
    const meta = metaArgument ? this.tryEvaluate(metaArgument.value, scope) : undefined;
    cls.metaclass = meta?.kind === "class" ? meta : bases.find((b) => b.metaclass)?.metaclass;
    if (unknownBase && !cls.isModule) cls.attributes.set("__unknown_base__", str(unknownBase));
    const classScope: Scope = { names: cls.attributes, parent: scope };
    this.classBodies.set(classScope, cls);
    this.executeClassBody(def.body, classScope);
    cls.annotated = dataclassFields(def);
    cls.annotations = fieldAnnotations(def);
    for (const v of cls.attributes.values()) {
      const f = v.kind === "property" ? v.getter : v;
      if (f.kind === "function") f.definingClass = cls;
    }
    // Class bodies aren't enclosing scopes for methods: rebind closures to the outer scope.
    for (const v of cls.attributes.values()) {
      const f = v.kind === "property" ? v.getter : v;
      if (f.kind === "function" && f.closure === classScope) f.closure = scope;
    }
    if (isEnumClass(cls)) makeEnumMembers(cls);
    // A base's __init_subclass__ runs as the class is created, before its decorators (an implicit classmethod).
    const initSubclass = lookupClassAttribute(cls, "__init_subclass__", cls);
    if (initSubclass?.kind === "function") {
      const keywords = new Map<string, Value>();
      for (const a of def.bases) if (a.kind === "keyword" && a.name !== "metaclass") keywords.set(a.name, this.evaluate(a.value, scope));
      this.tryCall(initSubclass, [cls], keywords);
    }
    let result: Value = cls;
    for (const d of [...def.decorators].reverse()) {
      const name = decoratorName(d);
      if (name === "dataclass" || name.endsWith(".dataclass")) {
        cls.isDataclass = true;
        cls.fields = dataclassFields(def);
        // The generated __init__ is a class attribute, so a subclass's own __init__ reaches it through
        // super().__init__(...) (torchvision's MBConvConfig over the _MBConvConfig dataclass).
        if (!cls.attributes.has("__init__")) cls.attributes.set("__init__", this.dataclassInit(cls));
      } else {
        const decorator = this.tryEvaluate(d, scope);
        if (decorator && (decorator.kind === "function" || decorator.kind === "native")) {
          const r = this.tryCall(decorator, [result]);
          if (r && r.kind === "class") result = r;
        }
      }
    }
    if (cls.bases.some((b) => b.qualifiedName === "typing.NamedTuple")) cls.fields = dataclassFields(def);
    // A pydantic model's annotated names are its fields, set from keywords with the class's defaults, as a
    // dataclass's are (stdlib/pydantic.ts).
    if (!cls.isDataclass && cls.mro.some((b) => b.qualifiedName === "pydantic.BaseModel")) {
      cls.isDataclass = true;
      cls.fields = dataclassFields(def);
      if (!cls.attributes.has("__init__")) cls.attributes.set("__init__", this.dataclassInit(cls));
    }
    return result;
  }

  /**
   * A class body, statement by statement: one that cannot be worked out (a field default built by a validator from
   * a package that is not installed) leaves the names it binds unknown, and the class is still defined.
   */
  private executeClassBody(body: Statement[], scope: Scope): void {
    for (const s of body) {
      try {
        this.execute(s, scope);
      } catch (err) {
        if (!(err instanceof PythonError || err instanceof Unresolved)) throw err;
        const targets = s.type === "assign" ? s.targets : s.type === "annotated" ? [s.target] : [];
        for (const t of targets) if (t.type === "name") scope.names.set(t.id, unknown(err.message, this.location(s.pos)));
      }
    }
  }

  private tryEvaluate(e: Expression, scope: Scope): Value | undefined {
    try {
      return this.evaluate(e, scope);
    } catch (err) {
      if (err instanceof PythonError || err instanceof Unresolved) return undefined;
      throw err;
    }
  }

  private tryCall(fn: Value, args: Value[], kwargs = new Map<string, Value>()): Value | undefined {
    try {
      return this.call(fn, args, kwargs);
    } catch (err) {
      if (err instanceof PythonError || err instanceof Unresolved) return undefined;
      throw err;
    }
  }

  // ---------------------------------------------------------------- expressions

  evaluate(e: Expression, scope: Scope): Value {
    switch (e.type) {
      case "name": return this.lookup(e.id, scope, e.pos);
      case "int": return int(e.value);
      case "float": return float(e.value);
      case "str": return e.value === null ? unknown("formatted string") : str(e.value);
      case "constant":
        return e.value === "None" ? NONE : e.value === "True" ? bool(true) : e.value === "False" ? bool(false) : { kind: "ellipsis" };
      case "attribute": {
        const o = this.evaluate(e.object, scope);
        return this.getAttribute(o, e.name, e.pos);
      }
      case "subscript": {
        const o = this.evaluate(e.object, scope);
        const k = this.evaluate(e.index, scope);
        return this.getItem(o, k, e.pos);
      }
      case "call": return this.evaluateCall(e, scope);
      case "binary": return this.binary(e.op, this.evaluate(e.left, scope), this.evaluate(e.right, scope), e.pos);
      case "unary": {
        const v = this.evaluate(e.operand, scope);
        if (e.op === "not") {
          if (v.kind === "unknown") return v;
          try {
            return bool(!this.truth(v));
          } catch (err) {
            if (err instanceof Unresolved) return unknown(err.message);
            throw err;
          }
        }
        const before = this.currentRecorder.ops.length;
        const result = this.guard(e.pos, () => unaryOperation(e.op, v, this));
        this.attributeOutput(before, result, [v]);
        return result;
      }
      case "boolean": {
        const l = this.evaluate(e.left, scope);
        if (l.kind === "unknown") return readsWithoutCall(e.right) ? decidedByRight(e.op, this.evaluate(e.right, scope)) ?? l : l;
        let t: boolean;
        try {
          t = this.truth(l);
        } catch (err) {
          if (err instanceof Unresolved) return unknown(err.message);
          throw err;
        }
        if (e.op === "and") return t ? this.evaluate(e.right, scope) : l;
        return t ? l : this.evaluate(e.right, scope);
      }
      case "compare": {
        let left = this.evaluate(e.left, scope);
        let result: Value = bool(true);
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.evaluate(e.comparators[i], scope);
          result = this.guard(e.pos, () => compareValues(e.ops[i], left, right, this));
          if (result.kind === "bool" && !result.value) return result;
          if (result.kind === "unknown") return result;
          left = right;
        }
        return result;
      }
      case "conditional": {
        const t = this.evaluate(e.test, scope);
        // `'O1' if cfg.DTYPE == "float16" else 'O0'` under a test nobody can decide: two different constants are no
        // value at all (taking the first would invent a setting); arms that build something still take the first.
        const undecided = this.undecided(t);
        if (undecided !== undefined && PLAIN_ARM.has(e.body.type) && PLAIN_ARM.has(e.orelse.type)) {
          const [a, b] = [this.evaluate(e.body, scope), this.evaluate(e.orelse, scope)];
          if (SCALAR.has(a.kind) && SCALAR.has(b.kind)) return a.kind === b.kind && ("value" in a ? a.value : null) === ("value" in b ? b.value : null) ? a : unknown(`chosen by a condition that is unknown (${undecided})`, this.location(e.pos));
        }
        return this.condition(t, e.test.pos) ? this.evaluate(e.body, scope) : this.evaluate(e.orelse, scope);
      }
      case "lambda": {
        const defaults = new Map<string, Value>();
        for (const p of e.params) if (p.default) defaults.set(p.name, this.evaluate(p.default, scope));
        const definition: LambdaDefinition = { type: "lambda", params: e.params, body: e.body, pos: e.pos };
        // A class body is no enclosing scope for the functions it makes (Python's execution model, "Resolution of
        // names"): `field(default_factory=lambda: defaults)` reads the module's `defaults`, not the class's field.
        const closure = this.classBodies.has(scope) && scope.parent ? scope.parent : scope;
        return { kind: "function", name: "<lambda>", definition, defaults, closure, module: this.currentNamespace(scope) };
      }
      case "tuple": return tuple(this.evaluateItems(e.items, scope));
      case "list": return list(this.evaluateItems(e.items, scope));
      case "set": {
        const items = this.evaluateItems(e.items, scope);
        const entries = new Map<string, Value>();
        for (const v of items) entries.set(this.guardKey(v), v);
        return { kind: "set", entries, id: freshId() };
      }
      case "dict": {
        const d = dict();
        for (const item of e.items) {
          if ("spread" in item) {
            // `{**cfg}` of a dict or of an object of a dict subclass (an EasyDict) copies its items
            const src = dictStorage(this.evaluate(item.spread, scope));
            if (src) for (const [k, v] of src.entries) d.entries.set(k, v);
          } else {
            const k = this.evaluate(item.key, scope);
            d.entries.set(this.guardKey(k), { key: k, value: this.evaluate(item.value, scope) });
          }
        }
        return d;
      }
      case "comprehension": return this.comprehension(e, scope);
      case "slice":
        return {
          kind: "slice",
          start: e.start ? this.evaluate(e.start, scope) : NONE,
          stop: e.stop ? this.evaluate(e.stop, scope) : NONE,
          step: e.step ? this.evaluate(e.step, scope) : NONE,
        };
      case "starred": return this.evaluate(e.value, scope);
      case "walrus": {
        const v = this.evaluate(e.value, scope);
        this.bind(scope, e.name, v);
        return v;
      }
      case "unsupported": return unknown(`unsupported syntax: ${e.what}`, this.location(e.pos));
    }
  }

  private guardKey(v: Value): string {
    try {
      return keyOf(v);
    } catch {
      return `?${freshId()}`;
    }
  }

  private evaluateItems(items: Expression[], scope: Scope): Value[] {
    const out: Value[] = [];
    for (const item of items) {
      if (item.type === "starred") {
        const v = this.evaluate(item.value, scope);
        if (v.kind === "unknown") out.push(v);
        else out.push(...this.iterate(v, item.pos));
      } else out.push(this.evaluate(item, scope));
    }
    return out;
  }

  private comprehension(e: Extract<Expression, { type: "comprehension" }>, scope: Scope): Value {
    const inner: Scope = { names: new Map(), parent: scope };
    const results: Value[] = [];
    const pairs: [Value, Value][] = [];
    const run = (i: number): void => {
      if (i === e.clauses.length) {
        if (e.kind === "dict") pairs.push([this.evaluate(e.element, inner), this.evaluate(e.value!, inner)]);
        else results.push(this.evaluate(e.element, inner));
        return;
      }
      const c = e.clauses[i];
      if (c.kind === "if") {
        // A filter whose test cannot be worked out (`if t < 5` over a dataset's placeholder labels) keeps an unknown
        // share of the items: the result is unknown, not every item, which would give it a length it does not have.
        const test = this.evaluate(c.test, inner);
        if (test.kind === "unknown") throw new Unresolved(`a comprehension's filter is unknown (${test.reason})`);
        if (this.truth(test)) run(i + 1);
        return;
      }
      const iterable = this.evaluate(c.iter, i === 0 ? scope : inner);
      if (iterable.kind === "unknown") {
        this.noteUnknown(`comprehension over an unknown value: ${iterable.reason}`, c.iter.pos);
        throw new Unresolved(iterable.reason);
      }
      for (const item of this.iterate(iterable, c.iter.pos)) {
        this.currentBudget.step();
        this.assign(c.target, item, inner);
        run(i + 1);
      }
    };
    try {
      run(0);
    } catch (err) {
      if (err instanceof Unresolved) return unknown(err.message, this.location(e.pos));
      throw err;
    }
    if (e.kind === "list") return list(results);
    if (e.kind === "generator") return { kind: "iterator", items: results, index: 0 };
    if (e.kind === "set") {
      const entries = new Map<string, Value>();
      for (const v of results) entries.set(this.guardKey(v), v);
      return { kind: "set", entries, id: freshId() };
    }
    return dict(pairs);
  }

  lookup(name: string, scope: Scope, pos: Position): Value {
    let s: Scope | undefined = scope;
    while (s) {
      const v = s.names.get(name);
      if (v !== undefined) return v;
      s = s.parent;
    }
    return unknown(`name '${name}' is not defined`, this.location(pos));
  }

  /**
   * Runs fn, turning Unresolved into an unknown value noted at pos. While forward runs (outside try blocks), a
   * Python error degrades the same way: the failing call or operator becomes an unknown with its reason and line,
   * and the rest of the forward pass still counts.
   */
  guard(pos: Position, fn: () => Value): Value {
    try {
      return fn();
    } catch (err) {
      if (err instanceof UnknownInput) {
        // noted once, where it first matters to a model; an unknown met outside model code stays unmarked
        if (!this.currentRecorder.reportedUnknowns.has(err.source) && (this.frame?.inModel || this.currentRecorder.recording)) {
          this.currentRecorder.reportedUnknowns.add(err.source);
          this.currentRecorder.note(err.source.reason, err.source.location ?? this.location(pos));
        }
        return err.source;
      }
      if (err instanceof Unresolved) {
        this.noteUnknown(err.message, pos);
        return unknown(err.message, this.location(pos));
      }
      if (err instanceof PythonError) {
        err.location ??= this.location(pos);
        if (this.currentRecorder.recording && this.tryDepth === 0) {
          this.currentRecorder.note(`${err.message}; went on with an unknown value`, err.location);
          const result = unknown(err.message, err.location);
          this.currentRecorder.reportedUnknowns.add(result as UnknownValue);
          return result;
        }
      }
      throw err;
    }
  }

  binary(op: string, left: Value, right: Value, pos: Position, augmented = false): Value {
    const previous = this.currentLocation;
    this.currentLocation = this.location(pos);
    const before = this.currentRecorder.ops.length;
    try {
      const result = this.guard(pos, () => (augmented ? augmentedOperation : binaryOperation)(op, left, right, this));
      this.attributeOutput(before, result, [left, right]);
      this.tensorOperatorObserver?.(op, left, right, result);
      return result;
    } finally {
      this.currentLocation = previous;
    }
  }

  // ---------------------------------------------------------------- calls

  private evaluateCall(e: Extract<Expression, { type: "call" }>, scope: Scope): Value {
    const fn = this.evaluate(e.func, scope);
    // A Linear's or a model class's arguments written as sums keep their parts (summed-widths.ts).
    const sums: SummedArguments | undefined = keepsSummedArguments(fn) ? new Map() : undefined;
    const { args, kwargs } = this.evaluateArguments(e.args, scope, sums);
    const previous = this.currentLocation;
    this.currentLocation = this.location(e.pos);
    try {
      if (fn.kind === "unknown") {
        // A library not installed that adds its flags to the script's parser and returns it (library-argument-adders.ts).
        const adds = fn.missing && args[0]?.kind === "instance" ? argumentAdder(e.func) : undefined;
        if (adds) {
          const add = this.getAttribute(args[0]!, "add_argument", e.pos);
          for (const a of adds) this.call(add, [str(a.flag)], new Map<string, Value>(a.switch ? [["action", str("store_true")], ["default", bool(false)]] : [["default", NONE]]));
          return args[0]!;
        }
        if (this.currentRecorder.reportedUnknowns.has(fn)) return fn; // a consequence of a gap already noted
        // Code that is not on disk stays marked so, so the model built here is still shown (with why).
        const result: UnknownValue = { ...unknown(fn.reason, this.location(e.pos)), ...(fn.missing ? { missing: true } : {}) };
        if (this.frame?.inModel || args.some(isModelish)) {
          this.noteUnknown(`call of unknown ${fn.reason}`, e.pos);
          if (this.currentRecorder.recording) this.currentRecorder.reportedUnknowns.add(result);
        }
        return result;
      }
      // zero-argument super() needs the calling frame
      if (fn.kind === "native" && fn.name === "super" && args.length === 0) return this.zeroArgumentSuper(e.pos);
      // A model class given a width as a sum (`Critic(obs_dim + action_dim)`): its __init__ frame keeps the parts.
      if (sums && sums.size > 0 && !(fn.kind === "class" && fn.layer)) this.pendingSums = sums;
      const result = this.guard(e.pos, () => this.call(fn, args, kwargs));
      // A Linear's width written as a sum, or read from a parameter its model's constructor was given as one.
      const name = sums && !sums.has(0) ? linearWidthName(fn, e.args) : undefined;
      const parts = sums?.get(0) ?? (name !== undefined ? this.frame?.summedParameters?.get(name) : undefined);
      if (parts && fn.kind === "class" && fn.layer) recordSummedWidths(result, parts);
      return result;
    } catch (err) {
      if (err instanceof PythonError) err.location ??= this.location(e.pos);
      throw err;
    } finally {
      this.currentLocation = previous;
      // Never left for another class's __init__ when this call failed before reaching its own.
      this.pendingSums = undefined;
    }
  }

  private zeroArgumentSuper(pos: Position): Value {
    const frame = this.frame;
    const cls = frame?.function?.definingClass;
    if (!cls || !frame?.self) return unknown("super() outside a method", this.location(pos));
    return { kind: "super", cls, self: frame.self };
  }

  evaluateArguments(argNodes: Argument[], scope: Scope, sums?: SummedArguments): { args: Value[]; kwargs: Map<string, Value> } {
    const args: Value[] = [];
    const kwargs = new Map<string, Value>();
    for (const a of argNodes) {
      if (a.kind === "positional") args.push(sums && isSum(a.value) ? this.evaluateSum(a.value, scope, sums, args.length) : this.evaluate(a.value, scope));
      else if (a.kind === "keyword") kwargs.set(a.name, sums && isSum(a.value) ? this.evaluateSum(a.value, scope, sums, a.name) : this.evaluate(a.value, scope));
      else if (a.kind === "star") {
        const v = this.evaluate(a.value, scope);
        if (v.kind === "unknown") throw new UnknownInput(v);
        args.push(...this.iterate(v, a.value.pos));
      } else {
        const v = this.evaluate(a.value, scope);
        // `f(**cfg)` passes the items of a dict or of an object of a dict subclass (an EasyDict)
        const items = dictStorage(v);
        if (items) {
          for (const { key, value } of items.entries.values()) if (key.kind === "str") kwargs.set(key.value, value);
        } else if (v.kind === "instance" && !v.module) {
          for (const [k, value] of v.attributes) kwargs.set(k, value);
        } else if (v.kind === "unknown") throw new UnknownInput(v);
      }
    }
    return { args, kwargs };
  }

  /** An argument written as a sum, evaluated as Python does (each part once, added in the written order), its parts
   *  kept under `key`. */
  private evaluateSum(e: Expression, scope: Scope, sums: SummedArguments, key: number | string): Value {
    const parts: Value[] = [];
    const walk = (x: Expression): Value => {
      if (!isSum(x)) {
        const v = this.evaluate(x, scope);
        parts.push(v);
        return v;
      }
      const left = walk(x.left);
      return this.binary("+", left, walk(x.right), x.pos);
    };
    const value = walk(e);
    sums.set(key, parts);
    return value;
  }

  /** Calls any callable value with evaluated arguments. */
  call(fn: Value, args: Value[], kwargs: Map<string, Value>): Value {
    this.currentBudget.step();
    switch (fn.kind) {
      case "native": return this.callNative(fn.call, args, kwargs, fn.receiver);
      case "function": return this.callFunction(fn, args, kwargs);
      case "bound": return this.call(fn.fn, [fn.self, ...args], kwargs);
      case "class": return this.instantiate(fn, args, kwargs);
      case "partial": {
        const merged = new Map(fn.kwargs);
        for (const [k, v] of kwargs) merged.set(k, v);
        // functools.partialmethod: the instance comes first, then the frozen arguments
        if (fn.method) return this.call(fn.fn, [...args.slice(0, 1), ...fn.args, ...args.slice(1)], merged);
        return this.call(fn.fn, [...fn.args, ...args], merged);
      }
      case "instance": {
        const callMethod = lookupClassAttribute(fn.cls, "__call__");
        if (!callMethod) throw new PythonError(`'${fn.cls.name}' object is not callable`);
        return this.call(callMethod, [fn, ...args], kwargs);
      }
      case "unknown": return fn;
      default:
        throw new PythonError(`'${describeKind(fn)}' object is not callable`);
    }
  }

  private callNative(fn: (call: NativeCall) => Value, args: Value[], kwargs: Map<string, Value>, receiver?: TensorValue): Value {
    const before = this.currentRecorder.ops.length;
    const result = fn({ args, kwargs, context: this.context });
    const operands = receiver ? [receiver, ...args] : args;
    this.attributeOutput(before, result, kwargs.size > 0 ? [...operands, ...kwargs.values()] : operands);
    return result;
  }

  /** Ops recorded since `before` produced `result`: give them its shape, for hints and memory traffic. */
  private attributeOutput(before: number, result: Value, args: readonly Value[]): void {
    this.currentRecorder.operands(before, args, result);
    const ops = this.currentRecorder.ops;
    if (ops.length <= before) return;
    const shape = firstTensorShape(result);
    const elements = shape ? shape.reduce((a, b) => a * b, 1) : 0;
    for (let i = before; i < ops.length; i++) {
      if (ops[i].outputShape === null) {
        ops[i].outputShape = shape;
        ops[i].outputElements = elements;
      }
    }
  }

  callFunction(fn: FunctionValue, args: Value[], kwargs: Map<string, Value>, frameExtras?: Partial<Frame>): Value {
    const def = fn.definition;
    const scope: Scope = { names: new Map(), parent: fn.closure };
    this.bindParameters(fn, args, kwargs, scope);
    const self = def.params.length > 0 && def.params[0].kind === "normal" ? scope.names.get(def.params[0].name) : undefined;
    const parentFrame = this.frame;
    this.frames.push({
      file: fn.module.file ?? parentFrame?.file ?? "",
      function: fn,
      self,
      scope,
      inModel: parentFrame?.inModel ?? false,
      ...frameExtras,
    });
    this.currentBudget.enter();
    try {
      if (def.type === "lambda") return this.evaluate(def.body, scope);
      const body = def.body;
      if (def.isGenerator) return this.runGenerator(body, scope);
      const c = this.executeBlock(body, scope);
      if (fn.returnsLocals) return dict([...scope.names].filter(([k]) => !k.startsWith("__greenlight")).map(([k, v]) => [str(k), v] as [Value, Value]));
      return c?.type === "return" ? c.value : NONE;
    } finally {
      this.currentBudget.leave();
      this.frames.pop();
    }
  }

  /**
   * Runs a generator's body eagerly and returns what it yielded as an iterator (model code iterates generators
   * fully: named_modules-style walks, block builders). Endless generators stop after GENERATOR_LIMIT items.
   */
  private runGenerator(body: Statement[], scope: Scope): Value {
    const items: Value[] = [];
    const push = (v: Value) => {
      if (items.length >= GENERATOR_LIMIT) throw new GeneratorFull();
      items.push(v);
    };
    scope.names.set("__greenlight_yield__", { kind: "native", name: "yield", call: ({ args }) => (push(args[0] ?? NONE), NONE) });
    scope.names.set("__greenlight_yield_from__", { kind: "native", name: "yield from", call: ({ args }) => {
      for (const v of this.iterate(args[0])) push(v);
      return NONE;
    } });
    try {
      this.executeBlock(body, scope);
    } catch (err) {
      if (err instanceof GeneratorOverUnknown) return unknown(`a generator's items come from a loop over an unknown value (${err.iterable.reason})`, err.iterable.location);
      if (!(err instanceof GeneratorFull)) throw err;
    }
    return { kind: "iterator", items, index: 0 };
  }

  private bindParameters(fn: FunctionValue, args: Value[], kwargs: Map<string, Value>, scope: Scope): void {
    const params = fn.definition.params;
    let i = 0;
    const used = new Set<string>();
    for (const p of params) {
      if (p.kind === "normal") {
        if (i < args.length) {
          scope.names.set(p.name, args[i++]);
          used.add(p.name);
        }
      } else if (p.kind === "star") {
        scope.names.set(p.name, tuple(args.slice(i)));
        i = args.length;
        used.add(p.name);
      }
    }
    if (i < args.length) throw new PythonError(`${fn.name}() takes ${i} positional arguments but ${args.length} were given`);
    const rest = dict();
    for (const [k, v] of kwargs) {
      const p = params.find((q) => q.name === k && (q.kind === "normal" || q.kind === "keywordOnly"));
      if (p) {
        if (used.has(k)) throw new PythonError(`${fn.name}() got multiple values for argument '${k}'`);
        scope.names.set(k, v);
        used.add(k);
      } else rest.entries.set(`s:${k}`, { key: str(k), value: v });
    }
    const doubleStar = params.find((p) => p.kind === "doublestar");
    if (doubleStar) scope.names.set(doubleStar.name, rest);
    else if (rest.entries.size > 0) throw new PythonError(`${fn.name}() got an unexpected keyword argument '${[...rest.entries.values()][0].key.kind === "str" ? (([...rest.entries.values()][0].key) as { value: string }).value : "?"}'`);
    for (const p of params) {
      if (used.has(p.name) || p.kind === "doublestar" || p.kind === "star") continue;
      const d = fn.defaults.get(p.name);
      if (d === undefined) throw new PythonError(`${fn.name}() missing required argument '${p.name}'`);
      scope.names.set(p.name, d);
    }
  }

  /** Creates an object of a class and runs its __init__. */
  instantiate(cls: ClassValue, args: Value[], kwargs: Map<string, Value>): Value {
    if (cls.construct && !cls.layer) return cls.construct({ args, kwargs, context: this.context }, cls);
    const newMethod = lookupClassAttribute(cls, "__new__");
    if (newMethod && newMethod.kind === "native" && !cls.isModule) return this.call(newMethod, [cls, ...args], kwargs);
    const instance: InstanceValue = { kind: "instance", cls, attributes: new Map(), id: freshId() };
    if (cls.isModule && this.topStatement && this.scriptModules.length < MAX_SCRIPT_MODULES) this.scriptModules.push({ instance, statement: this.topStatement });
    if (cls.isModule) {
      instance.module = {
        typeName: cls.name,
        children: new Map(),
        parameters: new Map(),
        buffers: new Map(),
        training: true,
        constructedAt: this.currentLocation,
      };
    }
    if (cls.fields && !hasOwnInit(cls)) {
      this.initialiseFields(cls, instance, args, kwargs);
      const post = lookupClassAttribute(cls, "__post_init__");
      if (post) this.call(post, [instance], new Map());
      return instance;
    }
    const init = lookupClassAttribute(cls, "__init__");
    const sums = this.pendingSums;
    this.pendingSums = undefined;
    if (init) {
      const wasInModel = this.frame?.inModel ?? false;
      if (cls.isModule && init.kind === "function") {
        const summed = sums && init.definition.type === "function" ? summedParameters(init.definition, sums) : undefined;
        this.callFunction(init, [instance, ...args], kwargs, { inModel: true, ...(summed ? { summedParameters: summed } : {}) });
      } else this.call(init, [instance, ...args], kwargs);
      void wasInModel;
    }
    return instance;
  }

  /** The __init__ @dataclass writes: the fields in order, then __post_init__. */
  private dataclassInit(cls: ClassValue): Value {
    return {
      kind: "native",
      name: `${cls.name}.__init__`,
      call: ({ args, kwargs }) => {
        const self = args[0];
        if (self?.kind !== "instance") throw new PythonError(`${cls.name}.__init__ needs an instance`);
        this.initialiseFields(cls, self, args.slice(1), kwargs);
        const post = lookupClassAttribute(self.cls, "__post_init__");
        if (post) this.call(post, [self], new Map());
        return NONE;
      },
    };
  }

  /** dataclass and NamedTuple construction: fields in order, with class-level defaults. */
  private initialiseFields(cls: ClassValue, instance: InstanceValue, args: Value[], kwargs: Map<string, Value>): void {
    const fields: string[] = [];
    for (const c of [...cls.mro].reverse()) for (const f of c.fields ?? []) if (!fields.includes(f)) fields.push(f);
    fields.forEach((f, i) => {
      let v: Value | undefined = i < args.length ? args[i] : kwargs.get(f);
      if (v === undefined) {
        const d = lookupClassAttribute(cls, f);
        if (d && d.kind === "instance" && d.cls.qualifiedName === "dataclasses.Field") {
          const factory = d.attributes.get("default_factory");
          v = factory && factory.kind !== "none" ? this.call(factory, [], new Map()) : d.attributes.get("default");
          if (v?.kind === "instance" && v.cls.qualifiedName === "dataclasses._MISSING_TYPE") v = undefined;
        } else v = d;
      }
      instance.attributes.set(f, v ?? unknown(`dataclass field ${f} has no value`));
    });
  }

  // ---------------------------------------------------------------- attributes and items

  getAttribute(o: Value, name: string, pos?: Position): Value {
    if (o.kind === "instance") {
      // A class's own __getattribute__ sees every lookup (transformers' configs map attribute names through it).
      const hook = lookupClassAttribute(o.cls, "__getattribute__");
      if (hook?.kind === "function") return this.call(hook, [o, str(name)], new Map());
    }
    return this.plainAttribute(o, name, pos);
  }

  /** Attribute lookup as object.__getattribute__ does it (instance, class, __getattr__), without a class's own hook. */
  plainAttribute(o: Value, name: string, pos?: Position): Value {
    const member = enumMember(o);
    if (member) {
      if (name === "value" || name === "_value_") return member.value;
      if (name === "name" || name === "_name_") return str(member.name);
      if (name === "__class__") return member.cls;
    }
    switch (o.kind) {
      case "unknown": return name === "reshape" ? unknownReshape(o) : o;
      // A slice object's read-only attributes (docs.python.org/3/library/functions.html#slice), None where not given.
      case "slice": if (name === "start" || name === "stop" || name === "step") return o[name]; return this.missingAttribute(o, name, pos);
      case "instance": {
        const own = o.attributes.get(name);
        if (own !== undefined) return own;
        // `m.__class__.__name__ == "AdaptiveInstanceNorm2d"` in module walks (MUNIT's AdaIN assignment)
        if (name === "__class__") return o.cls;
        if (o.module) {
          const m = o.module;
          const p = m.parameters.get(name) ?? m.buffers.get(name) ?? m.children.get(name);
          if (p !== undefined) return p;
        }
        const c = lookupClassAttribute(o.cls, name);
        if (c !== undefined) return this.bindAttribute(c, o);
        // An instance's __dict__ is found by normal lookup (the type's descriptor), so a class's __getattr__ never
        // sees it: config classes whose __getattr__ reads `self.__dict__[item]` would otherwise recurse.
        if (name === "__dict__" && !o.module) return attributeDict(o);
        const getattr = lookupClassAttribute(o.cls, "__getattr__");
        // (nn.Module's native __getattr__ is for explicit calls; a missing module attribute stays a note)
        if (getattr && (getattr.kind === "function" || (getattr.kind === "native" && !o.module))) return this.call(getattr, [o, str(name)], new Map());
        const configured = o.module ? layerAttribute(o, name) : undefined;
        if (configured !== undefined) return configured;
        const tupleMember = isNamedTuple(o) ? this.namedTupleAttribute(o, name) : undefined;
        if (tupleMember !== undefined) return tupleMember;
        if (name === "__dict__" && !o.module) return attributeDict(o);
        if (o.cls.attributes.has("__unknown_base__") || o.cls.mro.some((k) => k.attributes.has("__unknown_base__"))) {
          return unknown(`attribute ${name} of ${o.cls.name}, whose base class is unknown`);
        }
        return this.missingAttribute(o, name, pos);
      }
      case "class": {
        const entryPoint = this.libraryClassAttribute?.(o, name);
        if (entryPoint) return entryPoint;
        // Python sets __module__ in every class body: the defining module's name, not a base class's
        const moduleName = name === "__module__" ? o.module?.scope.names.get("__name__") : undefined;
        if (moduleName) return moduleName;
        const c = lookupClassAttribute(o, name);
        if (c === undefined) {
          // A method the metaclass defines is found on the class, bound to it (torchvision's StrEnumMeta.from_str,
          // which WeightsEnum.verify calls for weights="DEFAULT").
          const metaMethod = o.metaclass ? lookupClassAttribute(o.metaclass, name) : undefined;
          if (metaMethod?.kind === "function") return { kind: "bound", self: o, fn: metaMethod };
          if (name === "__name__") return str(o.name);
          if (name === "__dict__") return dict([...o.attributes].map(([k, v]) => [str(k), v] as [Value, Value]));
          if (name === "apply") {
            const autograd = this.autogradApply(o);
            if (autograd) return autograd;
          }
          const unbound = this.unboundBuiltinMethod(o, name);
          if (unbound) return unbound;
          return this.missingAttribute(o, name, pos);
        }
        if ((c.kind === "function" || c.kind === "native") && c.isClassMethod) return { kind: "bound", self: o, fn: c };
        if (c.kind === "property") return c;
        return c;
      }
      case "super": {
        const selfClass = o.self.kind === "instance" ? o.self.cls : o.self.kind === "class" ? o.self : undefined;
        if (!selfClass) return unknown("super() of a non-object");
        const c = lookupClassAttribute(selfClass, name, o.cls);
        if (c === undefined) return this.missingAttribute(o, name, pos);
        return this.bindAttribute(c, o.self);
      }
      case "namespace": {
        const v = o.scope.names.get(name);
        if (v !== undefined) return v;
        if (name === "__dict__") return namespaceDict(o);
        const sub = this.currentLoader.importSubmodule(o, name, this.frame?.file ?? "");
        if (sub) return sub;
        const fallback = o.scope.names.get("__fallback__");
        if (fallback) return this.call(fallback, [str(name)], new Map());
        return unknown(`${o.name}.${name} is not available to the analyzer`, pos ? this.location(pos) : undefined);
      }
      case "tensor": {
        const method = this.torch.tensorMethods.get(name);
        if (method) return { kind: "native", name: `Tensor.${name}`, call: (c) => method(o, c), receiver: o };
        const attribute = this.guard(pos ?? noPosition, () => this.torch.tensorAttribute(o, name) ?? kerasTensorAttribute(o, name) ?? unknown(`tensor attribute ${name}`));
        return attribute;
      }
      case "partial": {
        // functools.partial's own attributes (factories unwrap norm layers: partial.func, partial.keywords)
        if (name === "func") return o.fn;
        if (name === "args") return tuple(o.args);
        if (name === "keywords") return dict([...o.kwargs].map(([k, v]) => [str(k), v] as [Value, Value]));
        return this.missingAttribute(o, name, pos);
      }
      case "function": case "native": {
        const own = o.kind === "function" ? o.attributes?.get(name) : undefined;
        if (own !== undefined) return own;
        // Registries key builders by name (`_registry[fn.__name__] = fn`).
        if (name === "__name__" || name === "__qualname__") return str(o.name);
        if (name === "__module__") {
          const moduleName = o.kind === "function" ? o.module.scope.names.get("__name__") : undefined;
          return moduleName?.kind === "str" ? moduleName : str("");
        }
        if (name === "__doc__") return NONE;
        // `fn.__code__.co_varnames` (decorators that find an argument's position by name)
        if (name === "__code__" && o.kind === "function") return codeObject(o, this.objectClass);
        return this.missingAttribute(o, name, pos);
      }
      default: {
        if (o.kind === "tuple" && o.fields) {
          const i = o.fields.indexOf(name);
          if (i >= 0) return o.items[i];
        }
        const methods = this.builtinMethods(o);
        const m = methods?.[name];
        if (m) return { kind: "native", name, call: (c) => m(o, c) };
        return this.missingAttribute(o, name, pos);
      }
    }
  }

  /**
   * `str.upper(s)`, `list.append(xs, x)`: a builtin type's method read on the class is its plain function, the object
   * passed first (docs.python.org/3/reference/datamodel.html, instance methods), so the call is the bound one on it.
   */
  private unboundBuiltinMethod(cls: ClassValue, name: string): Value | undefined {
    const sample = BUILTIN_TYPE_SAMPLES[cls.qualifiedName]?.();
    if (!sample || !this.builtinMethods(sample)?.[name]) return undefined;
    return {
      kind: "native",
      name: `${cls.name}.${name}`,
      call: ({ args, kwargs }) => (args.length === 0 ? unknown(`${cls.name}.${name}() without its object`) : this.call(this.getAttribute(args[0], name), args.slice(1), kwargs)),
    };
  }

  /** `import os.path as osp`: a submodule a modelled package holds as an attribute (os's path), not as a file. */
  private submoduleAttribute(dotted: string): ModuleNamespaceValue | undefined {
    const [top, ...rest] = dotted.split(".");
    let v: Value | undefined = rest.length > 0 ? this.currentLoader.importModule(top, 0, this.frame?.file ?? "") : undefined;
    for (const part of rest) v = v?.kind === "namespace" ? v.scope.names.get(part) : undefined;
    return v?.kind === "namespace" ? v : undefined;
  }

  /**
   * `Fn.apply(x)` of a custom torch.autograd.Function: runs its static forward(ctx, *args) with a context object
   * whose save_for_backward records what backward will need and mark_* calls do nothing.
   */
  private autogradApply(cls: ClassValue): Value | undefined {
    const forward = lookupClassAttribute(cls, "forward");
    if (!forward || forward.kind !== "function" || !forward.isStatic) return undefined;
    return {
      kind: "native",
      name: `${cls.name}.apply`,
      call: ({ args, kwargs }) => {
        const quiet: Value = { kind: "native", name: "ctx method", call: () => NONE };
        // What forward saves is all the Function keeps for backward (the memory model counts it, not the inner ops).
        const saved: Value[] = [];
        const save: Value = { kind: "native", name: "save_for_backward", call: (c) => (saved.push(...c.args), NONE) };
        const ctx: InstanceValue = {
          kind: "instance",
          cls: this.objectClass,
          attributes: new Map<string, Value>([
            ["save_for_backward", save], ["mark_dirty", quiet], ["mark_non_differentiable", quiet], ["set_materialize_grads", quiet],
            ["saved_tensors", tuple(args.filter((a) => a.kind === "tensor"))], ["needs_input_grad", tuple(args.map(() => bool(true)))],
          ]),
          id: freshId(),
        };
        return this.currentRecorder.keepsOnly(() => saved, () => this.call(forward, [ctx, ...args], kwargs));
      },
    };
  }

  /** namedtuple / NamedTuple helpers: _replace, _asdict, _fields. */
  private namedTupleAttribute(o: InstanceValue, name: string): Value | undefined {
    const fields = namedTupleFields(o.cls);
    if (name === "_fields") return tuple(fields.map(str));
    if (name === "_asdict") return { kind: "native", name: "_asdict", call: () => dict(fields.map((f) => [str(f), o.attributes.get(f) ?? NONE] as [Value, Value])) };
    if (name === "_replace") {
      return {
        kind: "native",
        name: "_replace",
        call: ({ kwargs }) => {
          const copy: InstanceValue = { kind: "instance", cls: o.cls, attributes: new Map(o.attributes), id: freshId() };
          for (const [k, v] of kwargs) {
            if (!fields.includes(k)) throw new PythonError(`${o.cls.name}._replace() got an unexpected field name '${k}'`);
            copy.attributes.set(k, v);
          }
          return copy;
        },
      };
    }
    return undefined;
  }

  private missingAttribute(o: Value, name: string, pos?: Position): Value {
    return unknown(`'${describeKind(o)}' has no attribute '${name}' the analyzer knows`, pos ? this.location(pos) : undefined);
  }

  private bindAttribute(c: Value, self: Value): Value {
    if (c.kind === "function") {
      if (c.isStatic) return c;
      if (c.isClassMethod) return { kind: "bound", self: self.kind === "instance" ? self.cls : self, fn: c };
      return { kind: "bound", self, fn: c };
    }
    if (c.kind === "native") return { kind: "bound", self: c.isClassMethod && self.kind === "instance" ? self.cls : self, fn: c };
    if (c.kind === "property") return this.call(c.getter, [self], new Map());
    if (c.kind === "partial" && c.method) return { kind: "bound", self, fn: c };
    return c;
  }

  /** Tells the loader that analyzed code changes an object in place (it may belong to modules kept across analyses). */
  noteWrite(target: Value | Map<string, Value>): void {
    this.currentLoader?.noteWrite?.(target);
  }

  /** Methods of builtin values (list.append, dict.get, str.format...), set by the builtins module. */

  /** What object.__setattr__ does: a property with a setter on the class runs it; anything else lands on the instance. */
  storeAttribute(o: InstanceValue, name: string, value: Value): void {
    this.noteWrite(o);
    const descriptor = lookupClassAttribute(o.cls, name);
    if (descriptor?.kind === "property" && descriptor.setter) {
      this.call(descriptor.setter, [o, value], new Map());
      return;
    }
    // `obj.__dict__ = d` replaces the object's attributes with d's items (AttrDict's `self.__dict__ = self`)
    const items = name === "__dict__" && !o.module ? dictStorage(value) : undefined;
    if (items) o.attributes = attributesOverDict(items);
    else o.attributes.set(name, value);
  }

  setAttribute(o: Value, name: string, value: Value, pos?: Position): void {
    if (o.kind === "unknown") return;
    this.noteWrite(o.kind === "namespace" ? o.scope.names : o);
    if (o.kind === "instance") {
      const setter = lookupClassAttribute(o.cls, "__setattr__");
      if (setter && setter !== this.objectClass.attributes.get("__setattr__") && (setter.kind === "native" || setter.kind === "function")) {
        this.call(setter, [o, str(name), value], new Map());
        return;
      }
      this.storeAttribute(o, name, value);
      return;
    }
    // Native classes and modules are shared by every analysis: analyzed code cannot change them.
    if (o.kind === "class") {
      if (o.location) o.attributes.set(name, value);
      return;
    }
    if (o.kind === "namespace") {
      if (o.file) o.scope.names.set(name, value);
      return;
    }
    if (o.kind === "function") {
      (o.attributes ??= new Map()).set(name, value);
      return;
    }
    // `p.requires_grad = False` over a module's parameters: the parameter (shared by every view of it) is frozen.
    if (o.kind === "tensor" && o.parameter && name === "requires_grad" && value.kind === "bool") {
      o.parameter.requiresGrad = value.value;
      return;
    }
    void pos;
  }

  getItem(o: Value, key: Value, pos: Position): Value {
    const before = this.currentRecorder.ops.length;
    const result = this.getItemUnattributed(o, key, pos);
    this.attributeOutput(before, result, [o, key]);
    if (o.kind === "tensor") this.tensorOperatorObserver?.("[]", o, key, result);
    return result;
  }

  private getItemUnattributed(o: Value, key: Value, pos: Position): Value {
    return this.guard(pos, () => {
      if (o.kind === "unknown") return o;
      if (key.kind === "unknown" && o.kind !== "tensor") return key;
      if (o.kind === "tensor" && o.numpy && o.shape.length === 1 && (key.kind === "int" || key.kind === "bool")) {
        // one element of a known numpy table (drop-path rates dpr[i]) is a Python number
        const values = valuesOf(o);
        const i = key.kind === "int" ? key.value : Number(key.value);
        if (i < -o.shape[0] || i >= o.shape[0]) throw new PythonError(`IndexError: index ${i} is out of bounds for axis 0 with size ${o.shape[0]}`);
        if (values) return numpyScalar(o.dtype, values[i < 0 ? values.length + i : i]);
      }
      switch (o.kind) {
        case "list":
        case "tuple": {
          if (key.kind === "slice") {
            const items = sliceItems(o.items, key);
            return o.kind === "list" ? list(items) : { ...tuple(items), isSize: o.isSize };
          }
          const i = toInt(key, "index");
          const idx = i < 0 ? o.items.length + i : i;
          if (idx < 0 || idx >= o.items.length) throw new PythonError(`index ${i} out of range`);
          return o.items[idx];
        }
        case "str": {
          if (key.kind === "slice") return str(sliceItems([...o.value].map(str), key).map((s) => (s as { value: string }).value).join(""));
          const i = toInt(key);
          return str(o.value.at(i) ?? "");
        }
        case "dict": {
          let e = o.entries.get(keyOf(key));
          if (!e && key.kind === "str" && this.currentLoader.loadRegistering?.(key.value)) e = o.entries.get(keyOf(key));
          if (!e && o.missing) {
            // defaultdict.__missing__ / Counter.__missing__
            const value = this.call(o.missing.factory, [], new Map());
            if (o.missing.store) o.entries.set(keyOf(key), { key, value });
            return value;
          }
          if (!e) throw new PythonError(`KeyError: ${pythonText(key, true) ?? describeKind(key)}`);
          return e.value;
        }
        case "range": {
          const items: Value[] = [];
          const n = rangeLength(o.start, o.stop, o.step);
          if (key.kind === "slice") {
            for (let i = 0; i < n; i++) items.push(int(o.start + i * o.step));
            return list(sliceItems(items, key));
          }
          const i = toInt(key);
          return int(o.start + (i < 0 ? n + i : i) * o.step);
        }
        case "tensor": {
          // A slice or row of a numpy array is a numpy array (numpy's basic indexing returns an ndarray view).
          const part = this.torch.getItem(o, key, this.context);
          if (o.numpy && part.kind === "tensor") part.numpy = true;
          return keepUncountedRows(o, key, part);
        }
        case "instance": {
          if (isNamedTuple(o)) return this.getItem(tuple(namedTupleItems(o)), key, pos);
          const getitem = lookupClassAttribute(o.cls, "__getitem__");
          if (getitem) return this.call(getitem, [o, key], new Map());
          throw new Unresolved(`indexing a ${o.cls.name}`);
        }
        case "class": {
          // Color['RED'] is the member of that name; typing generics (List[int], Optional[nn.Module]) are the class
          if (isEnumClass(o) && key.kind === "str") {
            const m = enumMembers(o).find((v) => enumMember(v)?.name === key.value) ?? o.attributes.get(key.value);
            if (m === undefined) throw new PythonError(`KeyError: '${key.value}'`);
            return m;
          }
          return o;
        }
        default:
          throw new Unresolved(`indexing a ${describeKind(o)}`);
      }
    });
  }

  setItem(o: Value, key: Value, value: Value, pos: Position): void {
    this.noteWrite(o);
    this.guard(pos, () => {
      if (o.kind === "list") {
        if (key.kind === "slice") assignSlice(o.items, key, this.iterate(value, pos));
        else {
          const i = toInt(key, "index");
          const idx = i < 0 ? o.items.length + i : i;
          if (idx < 0 || idx >= o.items.length) throw new PythonError("IndexError: list assignment index out of range");
          o.items[idx] = value;
        }
      } else if (o.kind === "dict") o.entries.set(keyOf(key), { key, value });
      else if (o.kind === "instance") {
        const setitem = lookupClassAttribute(o.cls, "__setitem__");
        if (setitem) this.call(setitem, [o, key, value], new Map());
      }
      return NONE;
    });
  }

  /** `del o[key]` for dicts, lists (index or slice) and objects with __delitem__. */
  private deleteItem(o: Value, key: Value, pos: Position): void {
    this.noteWrite(o);
    this.guard(pos, () => {
      if (o.kind === "dict") {
        if (!o.entries.delete(keyOf(key))) throw new PythonError(`KeyError: ${pythonText(key, true) ?? describeKind(key)}`);
      } else if (o.kind === "list") {
        if (key.kind === "slice") {
          const doomed = new Set(sliceItems(o.items.map((_, i) => i), key));
          o.items = o.items.filter((_, i) => !doomed.has(i));
        } else {
          const i = toInt(key, "index");
          const idx = i < 0 ? o.items.length + i : i;
          if (idx < 0 || idx >= o.items.length) throw new PythonError(`IndexError: list assignment index out of range`);
          o.items.splice(idx, 1);
        }
      } else if (o.kind === "instance") {
        const delitem = lookupClassAttribute(o.cls, "__delitem__");
        if (delitem) this.call(delitem, [o, key], new Map());
        else if (o.module) {
          // nn.Sequential / ModuleDict: del container[i] or del container[name]
          const children = o.module.children;
          const name = key.kind === "str" ? key.value : key.kind === "int" ? [...children.keys()][key.value < 0 ? children.size + key.value : key.value] : undefined;
          if (name !== undefined) children.delete(name);
        }
      }
      return NONE;
    });
  }

  /** The items of an iterable value (lists, tuples, ranges, dicts' keys, strings, module containers...). */
  iterate(v: Value, pos?: Position): Value[] {
    switch (v.kind) {
      case "list": case "tuple": return [...v.items];
      case "iterator": return v.items.slice(v.index);
      case "range": {
        const n = rangeLength(v.start, v.stop, v.step);
        if (n > this.currentBudget.maxSteps) throw new BudgetExceeded("steps");
        const out: Value[] = new Array(n);
        for (let i = 0; i < n; i++) out[i] = int(v.start + i * v.step);
        return out;
      }
      case "dict": return [...v.entries.values()].map((e) => e.key);
      case "set": return [...v.entries.values()];
      case "str": return [...v.value].map(str);
      case "tensor": {
        if (v.shape.length === 0) throw new PythonError("iteration over a 0-d tensor");
        const values = v.shape.length === 1 ? valuesOf(v) : undefined;
        // the elements of a known 1-D numpy array are Python numbers; the rows of a known tensor, known tensors
        if (values && v.numpy) return values.map((x) => numpyScalar(v.dtype, x));
        if (values) return values.map((x) => withValues({ kind: "tensor", shape: [], dtype: v.dtype }, [x]));
        if (!v.numpy && valuesOf(v)) return Array.from({ length: v.shape[0] }, (_, i) => knownRow(v, i)!);
        const row: TensorValue = { kind: "tensor", shape: v.shape.slice(1), dtype: v.dtype };
        return new Array(v.shape[0]).fill(row);
      }
      case "instance": {
        if (isNamedTuple(v)) return namedTupleItems(v);
        const iter = lookupClassAttribute(v.cls, "__iter__");
        if (iter) {
          const iterator = this.call(iter, [v], new Map());
          // An iterator's __iter__ returns itself and its __next__ gives the items until StopIteration (a dataset
          // object that draws batches forever, say): iterating the result again would never end.
          if (iterator === v) throw new Unresolved(`iterating over a ${v.cls.name}, whose __iter__ returns itself`);
          return this.iterate(iterator, pos);
        }
        throw new Unresolved(`iterating over a ${v.cls.name}`);
      }
      case "class":
        if (isEnumClass(v)) return [...enumMembers(v)];
        throw new Unresolved(`iterating over the class ${v.name}`);
      case "unknown": throw new UnknownInput(v);
      default: throw new Unresolved(`iterating over a ${describeKind(v)}`);
    }
  }

  /** True when an object's class derives from base. */
  isInstance(v: Value, base: ClassValue): boolean {
    return v.kind === "instance" && isSubclass(v.cls, base);
  }
}

/** A function's code object as far as signatures go: co_varnames (parameters first), co_argcount, co_name. */
function codeObject(fn: FunctionValue, objectClass: ClassValue): Value {
  const params = fn.definition.params;
  const positional = params.filter((p) => p.kind === "normal").length;
  const names = [...params.filter((p) => p.kind === "normal"), ...params.filter((p) => p.kind !== "normal")].map((p) => str(p.name));
  const attributes = new Map<string, Value>([["co_varnames", tuple(names)], ["co_argcount", int(positional)], ["co_name", str(fn.name)]]);
  return { kind: "instance", cls: objectClass, attributes, id: freshId() };
}

/** namedtuple and typing.NamedTuple instances are tuples too (dataclasses are not). */
function isNamedTuple(v: InstanceValue): boolean {
  return !v.module && !!v.cls.fields && !v.cls.isDataclass && !v.cls.mro.some((c) => c.isDataclass);
}

function namedTupleFields(cls: ClassValue): string[] {
  const fields: string[] = [];
  for (const c of [...cls.mro].reverse()) for (const f of c.fields ?? []) if (!fields.includes(f)) fields.push(f);
  return fields;
}

function namedTupleItems(v: InstanceValue): Value[] {
  return namedTupleFields(v.cls).map((f) => v.attributes.get(f) ?? NONE);
}

/**
 * `obj.__dict__` as a live dict over the object's attributes (config classes do `self.__dict__.update(kwargs)`):
 * its entries map reads and writes the attributes themselves.
 */
function attributeDict(o: InstanceValue): DictValue {
  const attributes = o.attributes;
  const toKey = (k: string) => (k.startsWith("s:") ? k.slice(2) : undefined);
  class AttributeEntries extends Map<string, { key: Value; value: Value }> {
    override get(k: string) {
      const name = toKey(k);
      const v = name === undefined ? undefined : attributes.get(name);
      return v === undefined ? undefined : { key: str(name!), value: v };
    }
    override has(k: string) {
      const name = toKey(k);
      return name !== undefined && attributes.has(name);
    }
    override set(k: string, e: { key: Value; value: Value }) {
      const name = toKey(k);
      if (name !== undefined) attributes.set(name, e.value);
      return this;
    }
    override delete(k: string) {
      const name = toKey(k);
      return name !== undefined && attributes.delete(name);
    }
    override get size() {
      return attributes.size;
    }
    override *entries(): MapIterator<[string, { key: Value; value: Value }]> {
      for (const [k, v] of attributes) yield [`s:${k}`, { key: str(k), value: v }];
    }
    override *keys(): MapIterator<string> {
      for (const k of attributes.keys()) yield `s:${k}`;
    }
    override *values(): MapIterator<{ key: Value; value: Value }> {
      for (const [k, v] of attributes) yield { key: str(k), value: v };
    }
    override [Symbol.iterator]() {
      return this.entries();
    }
    override forEach(cb: (value: { key: Value; value: Value }, key: string, map: Map<string, { key: Value; value: Value }>) => void) {
      for (const [k, v] of this.entries()) cb(v, k, this);
    }
  }
  return { kind: "dict", entries: new AttributeEntries(), id: o.id };
}

/** Modules recorded as built by the analyzed file's top-level statements, at most (a model's layers count too). */
const MAX_SCRIPT_MODULES = 2_000;

class GeneratorFull extends Error {}

/** A generator run eagerly reached a loop over an unknown value that yields. */
class GeneratorOverUnknown extends Error {
  constructor(readonly iterable: UnknownValue) {
    super("generator over an unknown value");
  }
}

/** Whether a block yields (`yield x` and `yield from xs` are lowered to calls of these names), outside definitions. */
function yieldsIn(body: Statement[]): boolean {
  let found = false;
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type === "call" && e.func.type === "name" && (e.func.id === "__greenlight_yield__" || e.func.id === "__greenlight_yield_from__")) found = true;
    });
  }, [], () => false);
  return found;
}

function isModelish(v: Value): boolean {
  return v.kind === "tensor" || (v.kind === "instance" && !!v.module);
}

function firstTensorShape(v: Value): number[] | null {
  if (v.kind === "tensor") return v.shape;
  if (v.kind === "tuple" || v.kind === "list") {
    for (const item of v.items) {
      const s = firstTensorShape(item);
      if (s) return s;
    }
  }
  return null;
}

function decoratorName(d: Expression): string {
  if (d.type === "name") return d.id;
  if (d.type === "attribute") return `${decoratorName(d.object)}.${d.name}`;
  if (d.type === "call") return decoratorName(d.func);
  return "";
}

function fieldAnnotations(def: ClassDefinition): Map<string, Expression> {
  const out = new Map<string, Expression>();
  for (const s of def.body) if (s.type === "annotated" && s.target.type === "name" && !s.classVar && s.annotation) out.set(s.target.id, s.annotation);
  return out;
}

function dataclassFields(def: ClassDefinition): string[] {
  const out: string[] = [];
  for (const s of def.body) if (s.type === "annotated" && s.target.type === "name" && !s.classVar) out.push(s.target.id);
  return out;
}

/** Whether construction runs an `__init__` rather than dataclass field assignment (one written or assigned to the class wins). */
function hasOwnInit(cls: ClassValue): boolean {
  for (const c of cls.mro) {
    if (c.attributes.has("__init__")) return true;
    if (c.fields) return false;
  }
  return false;
}

/**
 * `items[start:stop] = values` as Python's list does it: a plain slice is replaced by however many values there are
 * (`x[i:i] = [...]` inserts), an extended slice (step other than 1) takes exactly as many values as it selects.
 */
function assignSlice(items: Value[], s: Extract<Value, { kind: "slice" }>, values: Value[]): void {
  const step = s.step.kind === "none" ? 1 : toInt(s.step, "slice step");
  const positions = sliceItems(items.map((_, i) => i), s);
  if (step !== 1) {
    if (positions.length !== values.length) throw new PythonError(`ValueError: attempt to assign sequence of size ${values.length} to extended slice of size ${positions.length}`);
    positions.forEach((at, i) => (items[at] = values[i]));
    return;
  }
  const n = items.length;
  const bound = (v: Value, dflt: number) => {
    if (v.kind === "none") return dflt;
    const i = toInt(v, "slice bound");
    return Math.min(Math.max(i < 0 ? i + n : i, 0), n);
  };
  const start = bound(s.start, 0);
  const stop = Math.max(start, bound(s.stop, n));
  items.splice(start, stop - start, ...values);
}

function sliceItems<T>(items: T[], s: Extract<Value, { kind: "slice" }>): T[] {
  const n = items.length;
  const step = s.step.kind === "none" ? 1 : toInt(s.step, "slice step");
  if (step === 0) throw new PythonError("slice step cannot be zero");
  const clamp = (v: Value, dflt: number): number => {
    if (v.kind === "none") return dflt;
    let i = toInt(v, "slice bound");
    if (i < 0) i += n;
    return step > 0 ? Math.min(Math.max(i, 0), n) : Math.min(Math.max(i, -1), n - 1);
  };
  const start = clamp(s.start, step > 0 ? 0 : n - 1);
  const stop = clamp(s.stop, step > 0 ? n : -1);
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]);
  else for (let i = start; i > stop; i += step) out.push(items[i]);
  return out;
}

export { isIntLike };

/** What `import a.b` binds as `a` when the analyzer models `a.b` but not `a`: a package object whose attributes lead
 *  to the submodule, as Python's import binds the top package (sklearn.datasets without the rest of scikit-learn). */
function packageAbove(dotted: string, module: ModuleNamespaceValue): ModuleNamespaceValue {
  const parts = dotted.split(".");
  let inner = module;
  for (let i = parts.length - 1; i > 0; i--) inner = { kind: "namespace", name: parts.slice(0, i).join("."), scope: { names: new Map<string, Value>([[parts[i], inner]]) } };
  return inner;
}

/** `a + b` (a binary addition node), whose parts summed-widths.ts keeps. */
function isSum(e: Expression): e is Extract<Expression, { type: "binary" }> {
  return e.type === "binary" && e.op === "+";
}

/** The value a plain name or a chain of instance attributes holds (`self.dictionary`), read from the scopes and the
 *  instances' own attributes only. */
function heldObject(e: Expression, scope: Scope): Value | undefined {
  if (e.type === "name") {
    for (let at: Scope | undefined = scope; at; at = at.parent) {
      const found = at.names.get(e.id);
      if (found) return found;
    }
    return undefined;
  }
  if (e.type !== "attribute") return undefined;
  const object = heldObject(e.object, scope);
  return object?.kind === "instance" ? object.attributes.get(e.name) : undefined;
}
