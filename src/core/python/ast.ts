/**
 * A compact Python syntax tree, lowered once from tree-sitter's tree so the interpreter walks plain objects
 * (fast to revisit in loops, and free of WASM handles that must be deleted).
 */

/** 1-based line and 0-based column of a node's start; end line for ranges. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  startIndex: number;
  endIndex: number;
}

/** The position of an operation the analyzer performs itself (sum(), math.prod), which no source text holds. */
export const noPosition: Position = { line: 0, column: 0, endLine: 0, endColumn: 0, startIndex: 0, endIndex: 0 };

export type Expression =
  | { type: "name"; id: string; pos: Position }
  | { type: "int"; value: number; pos: Position }
  | { type: "float"; value: number; pos: Position }
  | { type: "str"; value: string | null; pos: Position }
  | { type: "constant"; value: "True" | "False" | "None" | "..."; pos: Position }
  | { type: "attribute"; object: Expression; name: string; pos: Position }
  | { type: "subscript"; object: Expression; index: Expression; pos: Position }
  | { type: "call"; func: Expression; args: Argument[]; pos: Position }
  | { type: "binary"; op: string; left: Expression; right: Expression; pos: Position }
  | { type: "unary"; op: string; operand: Expression; pos: Position }
  | { type: "boolean"; op: "and" | "or"; left: Expression; right: Expression; pos: Position }
  | { type: "compare"; left: Expression; ops: string[]; comparators: Expression[]; pos: Position }
  | { type: "conditional"; test: Expression; body: Expression; orelse: Expression; pos: Position }
  | { type: "lambda"; params: Parameter[]; body: Expression; pos: Position }
  | { type: "tuple"; items: Expression[]; pos: Position }
  | { type: "list"; items: Expression[]; pos: Position }
  | { type: "set"; items: Expression[]; pos: Position }
  | { type: "dict"; items: DictItem[]; pos: Position }
  | { type: "comprehension"; kind: "list" | "set" | "generator" | "dict"; element: Expression; value?: Expression; clauses: ComprehensionClause[]; pos: Position }
  | { type: "slice"; start?: Expression; stop?: Expression; step?: Expression; pos: Position }
  | { type: "starred"; value: Expression; pos: Position }
  | { type: "walrus"; name: string; value: Expression; pos: Position }
  | { type: "unsupported"; what: string; pos: Position };

export type Argument =
  | { kind: "positional"; value: Expression }
  | { kind: "star"; value: Expression }
  | { kind: "keyword"; name: string; value: Expression }
  | { kind: "doublestar"; value: Expression };

export type DictItem = { key: Expression; value: Expression } | { spread: Expression };

export type ComprehensionClause = { kind: "for"; target: Expression; iter: Expression } | { kind: "if"; test: Expression };

export interface Parameter {
  name: string;
  kind: "normal" | "star" | "doublestar" | "keywordOnly";
  default?: Expression;
  /** The annotation of a typed parameter (`cfg: TrainConfig`): entry points that build the value from its type read it. */
  annotation?: Expression;
}

export type Statement =
  | { type: "expression"; value: Expression; pos: Position }
  | { type: "assign"; targets: Expression[]; value: Expression; pos: Position }
  | { type: "augmented"; target: Expression; op: string; value: Expression; pos: Position }
  | { type: "annotated"; target: Expression; value?: Expression; pos: Position; /** `x: ClassVar[...]`: a class attribute, never a dataclass field. */ classVar?: boolean; /** The type when a name or attribute chain (`training: TrainingConfig`). */ annotation?: Expression }
  | { type: "return"; value?: Expression; pos: Position }
  | { type: "if"; test: Expression; body: Statement[]; orelse: Statement[]; pos: Position }
  | { type: "for"; target: Expression; iter: Expression; body: Statement[]; orelse: Statement[]; pos: Position }
  | { type: "while"; test: Expression; body: Statement[]; orelse: Statement[]; pos: Position }
  | { type: "break"; pos: Position }
  | { type: "continue"; pos: Position }
  | { type: "pass"; pos: Position }
  | FunctionDefinition
  | ClassDefinition
  | { type: "import"; names: { module: string; alias?: string }[]; pos: Position }
  | { type: "importFrom"; module: string; level: number; names: { name: string; alias?: string }[] | "*"; pos: Position }
  | { type: "global"; names: string[]; pos: Position }
  | { type: "nonlocal"; names: string[]; pos: Position }
  | { type: "raise"; value?: Expression; pos: Position }
  | { type: "try"; body: Statement[]; handlers: { types?: Expression; name?: string; body: Statement[] }[]; orelse: Statement[]; finalbody: Statement[]; pos: Position }
  | { type: "with"; items: { value: Expression; target?: Expression }[]; body: Statement[]; pos: Position }
  | { type: "assert"; pos: Position }
  | { type: "delete"; targets: Expression[]; pos: Position }
  | { type: "unsupported"; what: string; pos: Position };

export interface FunctionDefinition {
  type: "function";
  name: string;
  params: Parameter[];
  body: Statement[];
  decorators: Expression[];
  /** The docstring-free source range of the whole definition (decorators included). */
  pos: Position;
  /** Line of the `def` keyword (after decorators). */
  defLine: number;
  /** Set once the body is lowered: true when it yields (a generator). */
  isGenerator?: boolean;
}

export interface ClassDefinition {
  type: "class";
  name: string;
  bases: Argument[];
  body: Statement[];
  decorators: Expression[];
  pos: Position;
  defLine: number;
}

/** A parsed file: its statements, syntax errors and `# greenlight:` pragma comments by line. */
export interface ModuleSyntax {
  body: Statement[];
  syntaxErrors: { line: number; column: number; message: string }[];
  /** Comment text by 1-based line, for pragmas. */
  comments: Map<number, string>;
}
