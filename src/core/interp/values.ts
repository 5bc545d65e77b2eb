import type { FunctionDefinition, Expression, Parameter, Position } from "../python/ast";
import { StacklessError } from "./stackless-error";

/** A lambda seen as a function: parameters and one expression. */
export interface LambdaDefinition {
  type: "lambda";
  params: Parameter[];
  body: Expression;
  pos: Position;
}

/** A place in a source file: 1-based line, 0-based column, as reports and diagnostics use them. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Everything the abstract interpreter can hold in a variable. */
export type Value =
  | NoneValue
  | BoolValue
  | IntValue
  | FloatValue
  | StrValue
  | TupleValue
  | ListValue
  | DictValue
  | SetValue
  | SliceValue
  | EllipsisValue
  | RangeValue
  | FunctionValue
  | NativeFunctionValue
  | ClassValue
  | InstanceValue
  | BoundMethodValue
  | ModuleNamespaceValue
  | TensorValue
  | DtypeValue
  | PartialValue
  | PropertyValue
  | IteratorValue
  | SuperValue
  | UnknownValue;

export interface NoneValue { kind: "none" }
export interface BoolValue { kind: "bool"; value: boolean }
export interface IntValue { kind: "int"; value: number }
export interface FloatValue { kind: "float"; value: number }
export interface StrValue { kind: "str"; value: string }
export interface TupleValue {
  kind: "tuple";
  items: Value[];
  /** torch.Size prints and behaves as a tuple */
  isSize?: boolean;
  /** Named fields of a named tuple (torch.return_types: values, indices), by position. */
  fields?: string[];
}
export interface ListValue {
  kind: "list";
  items: Value[];
  id: number;
  /** A collections.deque (a list with appendleft/popleft, bounded by maxlen when set). */
  deque?: { maxlen?: number };
}
/** Keys are kept as Values; `keyOf` turns hashable ones into strings for lookup. */
export interface DictValue {
  kind: "dict";
  entries: Map<string, { key: Value; value: Value }>;
  id: number;
  ordered?: boolean;
  /** What `d[key]` gives for a missing key: defaultdict's default_factory() (stored), Counter's 0 (not stored). */
  missing?: { factory: Value; store: boolean };
}
export interface SetValue { kind: "set"; entries: Map<string, Value>; id: number }
export interface SliceValue { kind: "slice"; start: Value; stop: Value; step: Value }
export interface EllipsisValue { kind: "ellipsis" }
export interface RangeValue { kind: "range"; start: number; stop: number; step: number }
export interface IteratorValue { kind: "iterator"; items: Value[]; index: number }

/** A Python function or method written in the analyzed code. */
export interface FunctionValue {
  kind: "function";
  name: string;
  definition: FunctionDefinition | LambdaDefinition;
  /** Defaults evaluated at definition time, by parameter name. */
  defaults: Map<string, Value>;
  closure: Scope;
  module: ModuleNamespaceValue;
  /** The class whose body defined this function (for zero-argument super()). */
  definingClass?: ClassValue;
  isStatic?: boolean;
  isClassMethod?: boolean;
  /** A sacred config scope (`@ingredient.config`, `@ingredient.named_config`): called, it returns its local names as
   *  a dict, as sacred's ConfigScope.__call__ returns its configuration (sacred-scopes.ts). */
  returnsLocals?: boolean;
  /** Attributes set on the function (`fn.x = ...`, functools.wraps's __wrapped__), as its __dict__. */
  attributes?: Map<string, Value>;
}

/** A function implemented in TypeScript (builtins, torch, catalogue). */
export interface NativeFunctionValue {
  kind: "native";
  name: string;
  call: (call: NativeCall) => Value;
  /** The tensor a tensor method was read from (`x` of `x.pow`): an operand of the ops it records. */
  receiver?: TensorValue;
  /** For a type that is a function here (torch.cuda.FloatTensor): isinstance's answer for a known value. */
  instanceCheck?: (v: Value) => boolean;
  /** A native classmethod: read from a class or an instance, it is bound to the class (its first argument). */
  isClassMethod?: boolean;
}

/** A class: written in the analyzed code (`node` set) or native (torch.nn.Linear, nn.Module, dict, ...). */
export interface ClassValue {
  kind: "class";
  name: string;
  qualifiedName: string;
  bases: ClassValue[];
  attributes: Map<string, Value>;
  module?: ModuleNamespaceValue;
  /** Method resolution order, this class first (C3 linearisation). */
  mro: ClassValue[];
  /** For catalogue layers: how to build and run the layer. */
  layer?: LayerSpec;
  /** Native constructor for native value types (int, list, dict, OrderedDict...) that are not plain objects. */
  construct?: (call: NativeCall, cls: ClassValue) => Value;
  /** True for classes deriving from torch.nn.Module. */
  isModule?: boolean;
  isDataclass?: boolean;
  /** dataclass / NamedTuple field order, when the class is one. */
  fields?: string[];
  /** Names annotated in the class body, in order (ClassVar ones left out): what dataclass() makes fields of. */
  annotated?: string[];
  /** The annotations of those names, unevaluated (`training: TrainingConfig`): read where a dataclass is built from its types. */
  annotations?: Map<string, Expression>;
  location?: SourceLocation;
  /** The class's metaclass when one is written (class X(metaclass=M)) or inherited from a base. */
  metaclass?: ClassValue;
}

/** An object: of a user class, or a module (user or catalogue layer). */
export interface InstanceValue {
  kind: "instance";
  cls: ClassValue;
  attributes: Map<string, Value>;
  id: number;
  /** Set when the object is a torch.nn.Module (of any class). */
  module?: ModuleState;
}

/** `super()` inside a method of `cls`, bound to `self`: lookups start after `cls` in self's MRO. */
export interface SuperValue { kind: "super"; cls: ClassValue; self: Value }
export interface BoundMethodValue { kind: "bound"; self: Value; fn: Value }
export interface ModuleNamespaceValue {
  kind: "namespace";
  name: string;
  file?: string;
  scope: Scope;
  /** Submodules the analyzer does not list import as this namespace (a package re-exporting its submodules' names). */
  coversSubmodules?: boolean;
}
export interface DtypeValue { kind: "dtype"; name: TensorDtype }
export interface PartialValue {
  kind: "partial";
  fn: Value;
  args: Value[];
  kwargs: Map<string, Value>;
  /** functools.partialmethod: a class attribute that binds the instance before its frozen arguments. */
  method?: boolean;
}
/** A property; with a setter it is a data descriptor, which assignments to the attribute call instead of storing. */
export interface PropertyValue { kind: "property"; getter: Value; setter?: Value }

export type TensorDtype = "float32" | "float64" | "float16" | "bfloat16" | "int64" | "int32" | "int8" | "uint8" | "bool";

/** A tensor is its shape and dtype: contents are never known. Parameters carry an identity so ties count once. */
export interface TensorValue {
  kind: "tensor";
  shape: number[];
  dtype: TensorDtype;
  parameter?: { id: number; requiresGrad: boolean };
  /** Wrapped in torch.nn.Buffer (torch ≥ 2.5): a module registers it as a buffer when it is assigned. */
  buffer?: boolean;
  /** The data of a PackedSequence (torch.nn.utils.rnn), held time-major [T, B, *] at full length: recurrent layers
   * read it whatever their batch_first. */
  packed?: boolean;
  /** A numpy.ndarray: indexing or iterating it gives Python numbers (numpy's scalars behave as int and float). */
  numpy?: boolean;
  /** Why the first dimension is a stand-in of 1 for rows the analyzer cannot count (keras' pad_sequences over loaded
   *  data): shapes may use it, but len() of the array is unknown rather than 1. */
  rowsUnknown?: string;
}

/** A value the interpreter could not work out, with why and where. */
export interface UnknownValue {
  kind: "unknown";
  reason: string;
  location?: SourceLocation;
  /** The code that would give this value is not on disk (a package not installed, a hub repository not cached). */
  missing?: boolean;
  /** An element of an integer tensor's tolist(): some int, so a list of them indexes like a list of ints. */
  integer?: boolean;
  /** Some Python int or float (random.random(), arithmetic on it and on numbers): a list of them is one dimension. */
  number?: boolean;
  /** A value the user must give on the command line (an argparse argument required, with no default): the plain
   *  run exits asking for it, so what it chooses is the user's choice, not the script's. */
  required?: boolean;
  /** A Python list whose length is unknown (filled by a loop the analysis could not count): still a list of items. */
  list?: boolean;
}

/** The torch.nn.Module side of an object: its children, parameters and buffers, in registration order. */
export interface ModuleState {
  typeName: string;
  children: Map<string, InstanceValue | NoneValue>;
  parameters: Map<string, TensorValue | NoneValue>;
  buffers: Map<string, TensorValue | NoneValue>;
  training: boolean;
  /** Where the module was constructed (the call), for reports and quick fixes. */
  constructedAt?: SourceLocation;
  /** Set by quantization calls in the analyzed code (quantize_dynamic, torchao's quantize_): int8 weights. */
  quantized?: boolean;
  /** torchao weight-only quantization (Int8/Int4WeightOnlyConfig): weights at these bits, math stays floating. */
  weightOnlyBits?: 8 | 4;
  /** Set by torch.nn.utils.prune calls in the analyzed code: masked weights, shapes unchanged. */
  pruned?: boolean;
  /** A cast to 16 bits left out because it sits in an `if` arm taken on a guess (its test unknown). */
  unsureCast?: { precision: "bf16" | "fp16"; line: number };
  /** Catalogue layers keep their constructor arguments here for forward. */
  config?: Record<string, Value>;
  /** A Linear's input width as the parts of the sum it was written as (summed-widths.ts). */
  summedWidths?: number[];
}

/** Lexical scope of names; `parent` chains to the enclosing function, then the module, then builtins. */
export interface Scope {
  names: Map<string, Value>;
  parent?: Scope;
  /** Names declared `global`/`nonlocal` in this scope. */
  globals?: Set<string>;
}

/** What a name holds in a scope or one it encloses (the module's, the builtins'); undefined where none binds it. */
export function scopeValue(scope: Scope | undefined, name: string): Value | undefined {
  for (let s = scope; s; s = s.parent) {
    const v = s.names.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** What a native function receives. */
export interface NativeCall {
  args: Value[];
  kwargs: Map<string, Value>;
  context: OpContext;
}

/** What catalogue code may ask of the interpreter while building or running a layer or op. */
export interface OpContext {
  /** Adds FLOPs (torch.utils.flop_counter's convention) to the op being run, attributed to the current module. */
  addFlops(flops: number, op: string): void;
  /** Creates a fresh parameter of this shape. */
  parameter(shape: number[], requiresGrad?: boolean): TensorValue;
  /** Calls any callable value (used by containers and higher-order ops). */
  callValue(fn: Value, args: Value[], kwargs?: Map<string, Value>): Value;
  /** Where the current call is, for messages. */
  location(): SourceLocation | undefined;
  /** Runs a torch.utils.checkpoint segment: its ops are recomputed in backward instead of keeping their tensors. */
  checkpointed(inputs: Value[], run: () => Value): Value;
  /** Notes a `.view()` here that raises once the model is channels-last (GL001 leaves that layout out of its fix). */
  channelsLastView(): void;
  /** Notes that a count here rests on routing.ts's even spread of a router's picks over its experts. */
  assumeEvenRouting?(text: string): void;
  /** Whether the code runs in an `if` arm taken on a guess, its condition unknown (`if args.mode == "fast":` with no
   *  default): what it does may not happen as the script runs. */
  inGuessedBranch?(): boolean;
}

/** Thrown by catalogue code when an argument or shape cannot be worked out; the interpreter records it. */
export class Unresolved extends StacklessError {
  constructor(reason: string) {
    super(reason);
    this.name = "Unresolved";
  }
}

/**
 * Thrown when an argument is already unknown: the operation inherits that unknown (same reason, same line) instead
 * of adding a note of its own, so one gap is reported once however far its consequences reach.
 */
export class UnknownInput extends Unresolved {
  constructor(readonly source: UnknownValue) {
    super(source.reason);
    this.name = "UnknownInput";
  }
}

/** Thrown for Python-level errors in the analyzed code that abstract interpretation hits (TypeError-like). */
export class PythonError extends StacklessError {
  /** The innermost call where it was raised (set by the interpreter as it unwinds). */
  location?: SourceLocation;
  constructor(message: string) {
    super(message);
    this.name = "PythonError";
  }
}

/** A catalogue entry for a torch.nn layer: its signature, parameters and forward shape/FLOP rule. */
export interface LayerSpec {
  /** The class name under torch.nn, e.g. "Conv2d". */
  name: string;
  /** Python-style signature of __init__ without self: "in_features", "bias=True", "*args", "**kwargs". */
  signature: string[];
  /** Builds the layer's parameters and buffers from its bound constructor arguments. */
  build(args: BoundArguments, context: OpContext): LayerBuild;
  /** Runs forward on abstract values: returns the output and reports FLOPs through context.addFlops. */
  forward(layer: LayerInstance, args: Value[], kwargs: Map<string, Value>, context: OpContext): Value;
  /** The torch.nn class this one derives from, where torch defines it as a subclass (NonDynamicallyQuantizableLinear: "Linear"). */
  subclassOf?: string;
  /** Other methods subclasses call on the layer (TransformerEncoderLayer._sa_block / _ff_block), by name. */
  methods?: Record<string, (layer: LayerInstance, args: Value[], kwargs: Map<string, Value>, context: OpContext) => Value>;
}

export interface LayerBuild {
  parameters: [string, number[] | null][];
  buffers?: [string, number[] | null][];
  /** Child modules (for composite catalogue layers such as MultiheadAttention's out_proj). */
  children?: [string, InstanceValue][];
}

/** A constructed catalogue layer as forward sees it. */
export interface LayerInstance {
  config: BoundArguments;
  state: ModuleState;
  self: InstanceValue;
}

/** Constructor arguments bound to a signature, with typed readers that throw Unresolved on unknowns. */
export interface BoundArguments {
  get(name: string): Value;
  has(name: string): boolean;
  int(name: string): number;
  float(name: string): number;
  bool(name: string): boolean;
  str(name: string): string;
  /** An int or a tuple of n ints (kernel_size=3 or (3, 3)). */
  ints(name: string, n: number): number[];
  isNone(name: string): boolean;
}
