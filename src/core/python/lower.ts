import type { Node, Tree } from "web-tree-sitter";
import type { Argument, ComprehensionClause, DictItem, Expression, FunctionDefinition, ModuleSyntax, Parameter, Position, Statement } from "./ast";
import { cloneBody, emptyLoweredBodies, previousBody, spanKey, textDifference, type LoweredBodies, type LoweredBody } from "./body-reuse";
import { PRAGMA_COMMENT } from "../pragma/grammar";
import { calledGenericOrigin } from "./generic-alias";

/** Lowers a tree-sitter Python tree into the interpreter's syntax tree, collecting syntax errors and comments. */
export function lowerModule(tree: Tree): ModuleSyntax {
  const lowering = new Lowering(false);
  const body = lowering.block(tree.rootNode);
  return { body, syntaxErrors: lowering.errors, comments: lowering.comments };
}

/** A lowered module whose function bodies are lowered on first use from its tree-sitter tree. */
export interface LazyModuleSyntax extends ModuleSyntax {
  /** The tree the syntax reads its bodies from (freed by `release` or `discard`; reuse it only while held). */
  readonly tree: Tree;
  /** Lowers the bodies still waiting, then frees the tree: for a syntax that code still running may hold. */
  release(): void;
  /** Frees the tree at once; a body not lowered by then throws when read. For a syntax nothing holds any more. */
  discard(): void;
  /** The function bodies lowered so far, which the lowering of an edited version takes over where unchanged. */
  readonly loweredBodies: LoweredBodies;
}

/** The version of a file before an edit, whose lowered function bodies an edited version may take over. */
export interface PreviousVersion {
  text: string;
  syntax: LazyModuleSyntax;
}

/**
 * Lowers module and class level eagerly and function bodies on demand: walking tree-sitter nodes costs about as
 * much as parsing, and most bodies of a large library file never run in one analysis.
 */
export function lowerModuleLazily(tree: Tree, text: string, previous?: PreviousVersion): LazyModuleSyntax {
  const lowering = new Lowering(true);
  // A keystroke changes one body: the others are copied from the previous version, moved, instead of walking
  // tree-sitter nodes again (which costs about as much as a parse).
  if (previous) lowering.reuse = { difference: textDifference(previous.text, text), previous: previous.syntax.loweredBodies };
  const body = lowering.block(tree.rootNode);
  // Pragmas (`# greenlight: ...`) anywhere in the file, without walking every node for comments.
  const comments = new Map<number, string>();
  const pragma = new RegExp(PRAGMA_COMMENT.source, "gi");
  let line = 1;
  let counted = 0;
  for (let m = pragma.exec(text); m; m = pragma.exec(text)) {
    for (let i = text.indexOf("\n", counted); i >= 0 && i < m.index; i = text.indexOf("\n", i + 1)) {
      line++;
      counted = i + 1;
    }
    comments.set(line, m[0]);
  }
  for (const [line, c] of lowering.comments) comments.set(line, c);
  let released = false;
  return {
    body,
    syntaxErrors: lowering.errors,
    comments,
    tree,
    loweredBodies: lowering.bodies,
    release() {
      if (released) return;
      released = true;
      lowering.finishPending();
      lowering.reuse = undefined;
      tree.delete();
    },
    discard() {
      if (released) return;
      released = true;
      // Lowering the rest first costs about as much as a parse (27 ms on a 2,000-line file), on every keystroke.
      lowering.discarded = true;
      // Versions would otherwise chain in memory through the bodies each took over.
      lowering.reuse = undefined;
      tree.delete();
    },
  };
}

/** Lowers one expression's source text (an `--entry`), or throws with the syntax error. */
export function lowerExpression(tree: Tree): Expression {
  const lowering = new Lowering(false);
  const root = tree.rootNode;
  const statements = root.namedChildren.filter((n): n is Node => !!n && !n.isExtra);
  if (root.hasError || statements.length !== 1 || statements[0].type !== "expression_statement") {
    throw new Error("not a single Python expression");
  }
  return lowering.expression(statements[0].namedChildren[0]!);
}

function position(node: Node): Position {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column,
    startIndex: node.startIndex,
    endIndex: node.endIndex,
  };
}

/** Deeper code is cut off: real models nest a few dozen levels; recursion past this would exhaust the stack. */
const MAX_NESTING = 400;

const BINARY_OPERATORS = new Set(["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^"]);

class Lowering {
  readonly errors: ModuleSyntax["syntaxErrors"] = [];
  readonly comments = new Map<number, string>();
  private readonly pending: (() => unknown)[] = [];
  private sawYield = false;
  private depth = 0;
  /** Set once the tree is freed: a body still waiting can no longer be lowered. */
  discarded = false;
  /** Bodies lowered here, for the next version's lowering. */
  readonly bodies = emptyLoweredBodies();
  /** The previous version's bodies and where the text changed since, while this lowering may take them over. */
  reuse: { difference: ReturnType<typeof textDifference>; previous: LoweredBodies } | undefined;

  constructor(private readonly lazy: boolean) {}

  /** Lowers every function body still waiting (before the tree is freed). */
  finishPending(): void {
    for (let i = 0; i < this.pending.length; i++) this.pending[i]();
  }

  /** The body of a function: now, or on first access when lowering lazily. */
  private functionBody(def: FunctionDefinition, bodyNode: Node | null): void {
    const compute = (): Statement[] => {
      if (this.discarded) throw new Error(`the body of ${def.name} belongs to a version of the file that was replaced`);
      const taken = bodyNode ? this.takeOver(def, bodyNode) : undefined;
      if (taken) {
        def.isGenerator = taken.isGenerator;
        return taken.statements;
      }
      const outer = this.sawYield;
      this.sawYield = false;
      const body = this.block(bodyNode);
      def.isGenerator = this.sawYield;
      this.sawYield = outer;
      if (bodyNode) this.record(def, bodyNode, body);
      return body;
    };
    if (!this.lazy) {
      def.body = compute();
      return;
    }
    let value: Statement[] | undefined;
    const get = () => (value ??= compute());
    Object.defineProperty(def, "body", { get, set: (v: Statement[]) => (value = v), enumerable: true, configurable: true });
    this.pending.push(get);
  }

  /** The previous version's lowering of this body, moved to where it is now, when its text is unchanged. */
  private takeOver(def: FunctionDefinition, bodyNode: Node): LoweredBody | undefined {
    if (!this.reuse || bodyNode.hasError) return undefined;
    const found = previousBody(this.reuse.difference, bodyNode.startIndex, bodyNode.endIndex, this.reuse.previous);
    const copy = found && cloneBody(found.body, found.shift, this.reuse.previous, this.bodies);
    if (copy) this.bodies.byDefinition.set(def, copy);
    return copy;
  }

  private record(def: FunctionDefinition, bodyNode: Node, statements: Statement[]): void {
    const lowered: LoweredBody = { start: bodyNode.startIndex, end: bodyNode.endIndex, row: bodyNode.startPosition.row, statements, isGenerator: def.isGenerator ?? false };
    this.bodies.byDefinition.set(def, lowered);
    // A body with syntax errors is lowered afresh each time: its errors are reported while lowering.
    if (!bodyNode.hasError) this.bodies.bySpan.set(spanKey(lowered.start, lowered.end), lowered);
  }

  block(node: Node | null): Statement[] {
    const out: Statement[] = [];
    if (!node) return out;
    for (const child of node.namedChildren) {
      if (!child) continue;
      // Extras: comments (kept for pragmas) and backslash line continuations.
      if (child.isExtra) {
        if (child.type === "comment") this.comments.set(child.startPosition.row + 1, child.text);
        continue;
      }
      if (child.type === "ERROR" || child.isMissing) {
        this.error(child);
        // Keep what tree-sitter recovered inside the error (often whole definitions).
        out.push(...this.block(child).filter((s) => s.type === "function" || s.type === "class" || s.type === "import" || s.type === "importFrom"));
        continue;
      }
      if (child.hasError) this.findErrors(child);
      const s = this.statement(child);
      if (s) out.push(s);
    }
    return out;
  }

  private findErrors(node: Node): void {
    if (node.type === "ERROR" || node.isMissing) {
      this.error(node);
      return;
    }
    for (const c of node.children) if (c && c.hasError) this.findErrors(c);
    for (const c of node.children) if (c && (c.type === "ERROR" || c.isMissing)) this.error(c);
  }

  private error(node: Node): void {
    const line = node.startPosition.row + 1;
    if (this.errors.some((e) => e.line === line)) return;
    const message = node.isMissing ? `missing ${node.type}` : `syntax error near '${node.text.slice(0, 30).split("\n")[0]}'`;
    this.errors.push({ line, column: node.startPosition.column, message });
  }

  statement(node: Node): Statement | null {
    return this.nested(node, (pos) => this.statementWithin(node, pos));
  }

  /** Runs one level of lowering, or cuts the tree off past MAX_NESTING with a note. */
  private nested<T>(node: Node, lower: (pos: Position) => T): T | { type: "unsupported"; what: string; pos: Position } {
    const pos = position(node);
    if (this.depth >= MAX_NESTING) {
      this.tooDeep(node);
      return { type: "unsupported", what: "nesting too deep", pos };
    }
    this.depth++;
    try {
      return lower(pos);
    } finally {
      this.depth--;
    }
  }

  private statementWithin(node: Node, pos: Position): Statement | null {
    switch (node.type) {
      case "expression_statement": {
        const inner = node.namedChildren[0];
        if (!inner) return null;
        if (inner.type === "assignment") return this.assignment(inner);
        if (inner.type === "augmented_assignment") {
          const op = inner.childForFieldName("operator")!.text.slice(0, -1);
          return { type: "augmented", target: this.expression(inner.childForFieldName("left")!), op, value: this.expression(inner.childForFieldName("right")!), pos };
        }
        if (node.namedChildren.length > 1) return { type: "expression", value: { type: "tuple", items: node.namedChildren.map((c) => this.expression(c!)), pos }, pos };
        return { type: "expression", value: this.expression(inner), pos };
      }
      case "return_statement": {
        const v = node.namedChildren[0];
        return { type: "return", value: v ? this.expression(v) : undefined, pos };
      }
      case "if_statement": return this.ifStatement(node);
      case "for_statement":
        return {
          type: "for",
          target: this.expression(node.childForFieldName("left")!),
          iter: this.expression(node.childForFieldName("right")!),
          body: this.block(node.childForFieldName("body")),
          orelse: this.block(node.childForFieldName("alternative")?.childForFieldName("body") ?? null),
          pos,
        };
      case "while_statement":
        return {
          type: "while",
          test: this.expression(node.childForFieldName("condition")!),
          body: this.block(node.childForFieldName("body")),
          orelse: this.block(node.childForFieldName("alternative")?.childForFieldName("body") ?? null),
          pos,
        };
      case "break_statement": return { type: "break", pos };
      case "continue_statement": return { type: "continue", pos };
      case "pass_statement": return { type: "pass", pos };
      case "function_definition": return this.functionDefinition(node, [], pos);
      case "class_definition": return this.classDefinition(node, [], pos);
      case "decorated_definition": {
        const decorators = node.namedChildren.filter((c) => c?.type === "decorator").map((d) => this.expression(d!.namedChildren[0]!));
        const def = node.childForFieldName("definition")!;
        return def.type === "class_definition" ? this.classDefinition(def, decorators, pos) : this.functionDefinition(def, decorators, pos);
      }
      case "import_statement":
        return {
          type: "import",
          names: node.childrenForFieldName("name").filter((n): n is Node => !!n).map((n) =>
            n.type === "aliased_import" ? { module: n.childForFieldName("name")!.text, alias: n.childForFieldName("alias")!.text } : { module: n.text },
          ),
          pos,
        };
      case "import_from_statement": {
        const moduleNode = node.childForFieldName("module_name")!;
        let level = 0;
        let module = moduleNode.text;
        if (moduleNode.type === "relative_import") {
          const prefix = moduleNode.namedChildren.find((c) => c?.type === "import_prefix");
          level = prefix ? prefix.text.length : 0;
          module = moduleNode.namedChildren.find((c) => c?.type === "dotted_name")?.text ?? "";
        }
        if (node.namedChildren.some((c) => c?.type === "wildcard_import")) return { type: "importFrom", module, level, names: "*", pos };
        const names = node.childrenForFieldName("name").filter((n): n is Node => !!n).map((n) =>
          n.type === "aliased_import" ? { name: n.childForFieldName("name")!.text, alias: n.childForFieldName("alias")!.text } : { name: n.text },
        );
        return { type: "importFrom", module, level, names, pos };
      }
      case "future_import_statement": return { type: "pass", pos };
      case "global_statement": return { type: "global", names: node.namedChildren.map((c) => c!.text), pos };
      case "nonlocal_statement": return { type: "nonlocal", names: node.namedChildren.map((c) => c!.text), pos };
      case "raise_statement": {
        const v = node.namedChildren[0];
        return { type: "raise", value: v ? this.expression(v) : undefined, pos };
      }
      case "try_statement": {
        const handlers: Extract<Statement, { type: "try" }>["handlers"] = [];
        let orelse: Statement[] = [];
        let finalbody: Statement[] = [];
        for (const c of node.namedChildren) {
          if (!c) continue;
          if (c.type === "except_clause" || c.type === "except_group_clause") {
            const parts = c.namedChildren.filter((x): x is Node => !!x && x.type !== "block" && !x.isExtra);
            let types: Expression | undefined;
            let name: string | undefined;
            if (parts[0]?.type === "as_pattern") {
              types = this.expression(parts[0].namedChildren[0]!);
              name = parts[0].childForFieldName("alias")?.text;
            } else if (parts[0]) {
              types = this.expression(parts[0]);
              if (parts[1]) name = parts[1].text;
            }
            handlers.push({ types, name, body: this.block(c.namedChildren.find((x) => x?.type === "block") ?? null) });
          } else if (c.type === "else_clause") orelse = this.block(c.childForFieldName("body"));
          else if (c.type === "finally_clause") finalbody = this.block(c.namedChildren.find((x) => x?.type === "block") ?? null);
        }
        return { type: "try", body: this.block(node.childForFieldName("body")), handlers, orelse, finalbody, pos };
      }
      case "with_statement": {
        const items: { value: Expression; target?: Expression }[] = [];
        const clause = node.namedChildren.find((c) => c?.type === "with_clause");
        for (const item of clause?.namedChildren ?? []) {
          if (!item || item.type !== "with_item") continue;
          const v = item.childForFieldName("value")!;
          if (v.type === "as_pattern") {
            const target = v.childForFieldName("alias")?.namedChildren[0] ?? v.childForFieldName("alias");
            items.push({ value: this.expression(v.namedChildren[0]!), target: target ? this.expression(target) : undefined });
          } else items.push({ value: this.expression(v) });
        }
        return { type: "with", items, body: this.block(node.childForFieldName("body")), pos };
      }
      case "assert_statement": return { type: "assert", pos };
      case "delete_statement": {
        const t = node.namedChildren[0];
        const targets = !t ? [] : t.type === "expression_list" ? t.namedChildren.map((c) => this.expression(c!)) : [this.expression(t)];
        return { type: "delete", targets, pos };
      }
      case "print_statement":
      case "exec_statement":
      case "type_alias_statement":
      case "match_statement":
        return { type: "unsupported", what: node.type, pos };
      default:
        return { type: "unsupported", what: node.type, pos };
    }
  }

  private assignment(node: Node): Statement {
    const pos = position(node);
    const targets: Expression[] = [];
    let current: Node | null = node;
    // a = b = value nests as assignment(left=a, right=assignment(left=b, right=value))
    while (current && current.type === "assignment") {
      const right = current.childForFieldName("right");
      targets.push(this.expression(current.childForFieldName("left")!));
      // `x: int = 3` and `x: int` are annotated (dataclass fields are found by these)
      const annotation = current.childForFieldName("type");
      if (annotation) {
        const classVar = /^(?:typing\.)?ClassVar\b/.test(annotation.text);
        return { type: "annotated", target: targets[0], value: right ? this.expression(right) : undefined, pos, ...(classVar ? { classVar } : {}), ...this.annotation(current) };
      }
      if (!right) return { type: "annotated", target: targets[0], pos };
      current = right;
    }
    const value = this.expression(current!);
    return { type: "assign", targets, value, pos };
  }

  private ifStatement(node: Node): Statement {
    const pos = position(node);
    const body = this.block(node.childForFieldName("consequence"));
    const alternatives = node.childrenForFieldName("alternative").filter((n): n is Node => !!n);
    let orelse: Statement[] = [];
    for (let i = alternatives.length - 1; i >= 0; i--) {
      const alt = alternatives[i];
      if (alt.type === "else_clause") orelse = this.block(alt.childForFieldName("body"));
      else orelse = [{ type: "if", test: this.expression(alt.childForFieldName("condition")!), body: this.block(alt.childForFieldName("consequence")), orelse, pos: position(alt) }];
    }
    return { type: "if", test: this.expression(node.childForFieldName("condition")!), body, orelse, pos };
  }

  private functionDefinition(node: Node, decorators: Expression[], pos: Position): Statement {
    const def: FunctionDefinition = {
      type: "function",
      name: node.childForFieldName("name")!.text,
      params: this.parameters(node.childForFieldName("parameters")),
      body: [],
      decorators,
      pos,
      defLine: node.startPosition.row + 1,
    };
    this.functionBody(def, node.childForFieldName("body"));
    return def;
  }

  private classDefinition(node: Node, decorators: Expression[], pos: Position): Statement {
    const supers = node.childForFieldName("superclasses");
    return {
      type: "class",
      name: node.childForFieldName("name")!.text,
      bases: supers ? this.arguments(supers) : [],
      body: this.block(node.childForFieldName("body")),
      decorators,
      pos,
      defLine: node.startPosition.row + 1,
    };
  }

  parameters(node: Node | null): Parameter[] {
    const out: Parameter[] = [];
    if (!node) return out;
    let keywordOnly = false;
    for (const p of node.namedChildren) {
      if (!p) continue;
      switch (p.type) {
        case "identifier": out.push({ name: p.text, kind: keywordOnly ? "keywordOnly" : "normal" }); break;
        case "typed_parameter": {
          const inner = p.namedChildren[0]!;
          if (inner.type === "list_splat_pattern") { out.push({ name: inner.namedChildren[0]!.text, kind: "star" }); keywordOnly = true; }
          else if (inner.type === "dictionary_splat_pattern") out.push({ name: inner.namedChildren[0]!.text, kind: "doublestar" });
          else out.push({ name: inner.text, kind: keywordOnly ? "keywordOnly" : "normal", ...this.annotation(p) });
          break;
        }
        case "default_parameter":
        case "typed_default_parameter":
          out.push({ name: p.childForFieldName("name")!.text, kind: keywordOnly ? "keywordOnly" : "normal", default: this.expression(p.childForFieldName("value")!), ...this.annotation(p) });
          break;
        case "list_splat_pattern": out.push({ name: p.namedChildren[0]!.text, kind: "star" }); keywordOnly = true; break;
        case "dictionary_splat_pattern": out.push({ name: p.namedChildren[0]!.text, kind: "doublestar" }); break;
        case "keyword_separator": keywordOnly = true; break;
        default: break; // positional_separator and comments
      }
    }
    return out;
  }

  /** A typed parameter's annotation when it is a name or attribute chain (`TrainConfig`, `configs.TrainConfig`): the
   *  only kind entry points build a value from, so subscripted and string annotations are not lowered. */
  private annotation(p: Node): { annotation?: Expression } {
    const type = p.childForFieldName("type");
    const inner = type?.namedChildren[0];
    if (!inner || (inner.type !== "identifier" && inner.type !== "attribute")) return {};
    return { annotation: this.expression(inner) };
  }

  arguments(node: Node): Argument[] {
    if (node.type === "generator_expression") return [{ kind: "positional", value: this.expression(node) }];
    const out: Argument[] = [];
    for (const a of node.namedChildren) {
      if (!a || a.isExtra) continue;
      if (a.type === "keyword_argument") out.push({ kind: "keyword", name: a.childForFieldName("name")!.text, value: this.expression(a.childForFieldName("value")!) });
      else if (a.type === "list_splat") out.push({ kind: "star", value: this.expression(a.namedChildren[0]!) });
      else if (a.type === "dictionary_splat") out.push({ kind: "doublestar", value: this.expression(a.namedChildren[0]!) });
      else out.push({ kind: "positional", value: this.expression(a) });
    }
    return out;
  }

  expression(node: Node): Expression {
    return this.nested(node, (pos) => this.expressionWithin(node, pos));
  }

  private tooDeep(node: Node): void {
    const line = node.startPosition.row + 1;
    if (!this.errors.some((e) => e.message.startsWith("nesting"))) this.errors.push({ line, column: node.startPosition.column, message: `nesting deeper than ${MAX_NESTING} levels is not analyzed` });
  }

  private expressionWithin(node: Node, pos: Position): Expression {
    switch (node.type) {
      case "identifier": return { type: "name", id: node.text, pos };
      case "integer": {
        const t = node.text.replace(/_/g, "").replace(/[lL]$/, "");
        if (/[jJ]$/.test(t)) return imaginary(pos);
        const v = /^0[oO]/.test(t) ? parseInt(t.slice(2), 8) : /^0[bB]/.test(t) ? parseInt(t.slice(2), 2) : Number(t);
        return { type: "int", value: v, pos };
      }
      case "float": {
        const t = node.text.replace(/_/g, "");
        return /[jJ]$/.test(t) ? imaginary(pos) : { type: "float", value: Number(t), pos };
      }
      case "string": return this.formattedString([node], pos) ?? { type: "str", value: this.stringValue(node), pos };
      case "concatenated_string": {
        const strings = node.namedChildren.filter((c): c is Node => !!c);
        const formatted = this.formattedString(strings, pos);
        if (formatted) return formatted;
        const parts = strings.map((c) => this.stringValue(c));
        return { type: "str", value: parts.some((p) => p === null) ? null : parts.join(""), pos };
      }
      case "true": return { type: "constant", value: "True", pos };
      case "false": return { type: "constant", value: "False", pos };
      case "none": return { type: "constant", value: "None", pos };
      case "ellipsis": return { type: "constant", value: "...", pos };
      case "attribute": return hoistStar({ type: "attribute", object: this.expression(node.childForFieldName("object")!), name: node.childForFieldName("attribute")!.text, pos });
      case "subscript": {
        const indices = node.childrenForFieldName("subscript").filter((n): n is Node => !!n).map((n) => this.expression(n));
        const index: Expression = indices.length === 1 ? indices[0] : { type: "tuple", items: indices, pos };
        return hoistStar({ type: "subscript", object: this.expression(node.childForFieldName("value")!), index, pos });
      }
      // `DataLoader[Sample](...)` builds a DataLoader (generic-alias.ts).
      case "call": return hoistStar({ type: "call", func: calledGenericOrigin(this.expression(node.childForFieldName("function")!)), args: this.arguments(node.childForFieldName("arguments")!), pos });
      case "binary_operator": {
        const op = node.childForFieldName("operator")!.text;
        if (!BINARY_OPERATORS.has(op)) return { type: "unsupported", what: `operator ${op}`, pos };
        return { type: "binary", op, left: this.expression(node.childForFieldName("left")!), right: this.expression(node.childForFieldName("right")!), pos };
      }
      case "unary_operator": return { type: "unary", op: node.childForFieldName("operator")!.text, operand: this.expression(node.childForFieldName("argument")!), pos };
      case "not_operator": return { type: "unary", op: "not", operand: this.expression(node.childForFieldName("argument")!), pos };
      case "boolean_operator":
        return { type: "boolean", op: node.childForFieldName("operator")!.text as "and" | "or", left: this.expression(node.childForFieldName("left")!), right: this.expression(node.childForFieldName("right")!), pos };
      case "comparison_operator": {
        const operands = node.namedChildren.filter((n): n is Node => !!n && !n.isExtra);
        const ops = node.childrenForFieldName("operators").filter((n): n is Node => !!n).map((o) => o.text.replace(/\s+/g, " "));
        return { type: "compare", left: this.expression(operands[0]), ops, comparators: operands.slice(1).map((o) => this.expression(o)), pos };
      }
      case "conditional_expression": {
        const [body, test, orelse] = node.namedChildren.filter((n): n is Node => !!n && !n.isExtra);
        return { type: "conditional", body: this.expression(body), test: this.expression(test), orelse: this.expression(orelse), pos };
      }
      case "lambda": return { type: "lambda", params: this.parameters(node.childForFieldName("parameters")), body: this.expression(node.childForFieldName("body")!), pos };
      case "parenthesized_expression": {
        const inner = node.namedChildren.find((n) => n && !n.isExtra);
        return inner ? this.expression(inner) : { type: "tuple", items: [], pos };
      }
      case "tuple":
      case "expression_list":
      case "pattern_list":
      case "tuple_pattern":
        return { type: "tuple", items: node.namedChildren.filter((n): n is Node => !!n && !n.isExtra).map((c) => this.expression(c)), pos };
      case "list":
      case "list_pattern":
        return { type: "list", items: node.namedChildren.filter((n): n is Node => !!n && !n.isExtra).map((c) => this.expression(c)), pos };
      case "set": return { type: "set", items: node.namedChildren.filter((n): n is Node => !!n && !n.isExtra).map((c) => this.expression(c)), pos };
      case "dictionary": {
        const items: DictItem[] = [];
        for (const c of node.namedChildren) {
          if (!c || c.isExtra) continue;
          if (c.type === "pair") items.push({ key: this.expression(c.childForFieldName("key")!), value: this.expression(c.childForFieldName("value")!) });
          else if (c.type === "dictionary_splat") items.push({ spread: this.expression(c.namedChildren[0]!) });
        }
        return { type: "dict", items, pos };
      }
      case "list_comprehension":
      case "set_comprehension":
      case "generator_expression":
      case "dictionary_comprehension": {
        const kind = node.type === "list_comprehension" ? "list" : node.type === "set_comprehension" ? "set" : node.type === "generator_expression" ? "generator" : "dict";
        const bodyNode = node.childForFieldName("body")!;
        const clauses: ComprehensionClause[] = [];
        for (const c of node.namedChildren) {
          if (!c) continue;
          if (c.type === "for_in_clause") {
            const rights = c.childrenForFieldName("right").filter((n): n is Node => !!n);
            const iter: Expression = rights.length === 1 ? this.expression(rights[0]) : { type: "tuple", items: rights.map((r) => this.expression(r)), pos };
            clauses.push({ kind: "for", target: this.expression(c.childForFieldName("left")!), iter });
          } else if (c.type === "if_clause") clauses.push({ kind: "if", test: this.expression(c.namedChildren[0]!) });
        }
        if (kind === "dict") {
          return { type: "comprehension", kind, element: this.expression(bodyNode.childForFieldName("key")!), value: this.expression(bodyNode.childForFieldName("value")!), clauses, pos };
        }
        return { type: "comprehension", kind, element: this.expression(bodyNode), clauses, pos };
      }
      case "slice": {
        // slice children: [start] ':' [stop] [':' [step]]
        const parts: (Expression | undefined)[] = [undefined, undefined, undefined];
        let i = 0;
        for (const c of node.children) {
          if (!c) continue;
          if (c.type === ":") i++;
          else if (c.isNamed && !c.isExtra) parts[i] = this.expression(c);
        }
        return { type: "slice", start: parts[0], stop: parts[1], step: parts[2], pos };
      }
      case "list_splat":
      case "list_splat_pattern":
        return { type: "starred", value: this.expression(node.namedChildren[0]!), pos };
      case "named_expression": return { type: "walrus", name: node.childForFieldName("name")!.text, value: this.expression(node.childForFieldName("value")!), pos };
      case "keyword_argument": return this.expression(node.childForFieldName("value")!);
      case "await": return this.expression(node.namedChildren[0]!);
      case "type": return node.namedChildren[0] ? this.expression(node.namedChildren[0]) : { type: "unsupported", what: "type", pos };
      case "yield": {
        // `yield x` / `yield from xs` become calls of names the interpreter binds in a generator's scope
        // (it runs generators eagerly, collecting what they yield).
        this.sawYield = true;
        const from = node.children.some((c) => c?.type === "from");
        const value = node.namedChildren.find((c) => c && c.type !== "yield");
        const args: Argument[] = value ? [{ kind: "positional", value: this.expression(value) }] : [];
        return { type: "call", func: { type: "name", id: from ? "__greenlight_yield_from__" : "__greenlight_yield__", pos }, args, pos };
      }
      default: return { type: "unsupported", what: node.type, pos };
    }
  }

  /**
   * An f-string with interpolations lowered to the equivalent `"template".format(*values)` call, so names built
   * with f-strings (`add_module(f"layer{i}", ...)`) are known; null when the strings have no interpolation.
   */
  private formattedString(strings: Node[], pos: Position): Expression | null {
    if (!strings.some((n) => n.children.some((c) => c?.type === "interpolation"))) return null;
    let template = "";
    const args: Argument[] = [];
    for (const node of strings) {
      if (node.type !== "string") return null;
      let prefix = "";
      for (const c of node.children) {
        if (!c) continue;
        if (c.type === "string_start") prefix = c.text.replace(/['"]+$/, "").toLowerCase();
        else if (c.type === "string_content") {
          const raw = prefix.includes("r") ? c.text : unescapeAll(c.text);
          // f-strings already write literal braces doubled, as str.format wants them
          template += prefix.includes("f") ? raw : raw.replace(/[{}]/g, (b) => b + b);
        } else if (c.type === "interpolation") {
          const value = c.namedChildren.find((x) => x && x.type !== "type_conversion" && x.type !== "format_specifier");
          if (!value) return null;
          args.push({ kind: "positional", value: this.expression(value) });
          let field = "{";
          const conversion = c.namedChildren.find((x) => x?.type === "type_conversion");
          if (conversion) field += conversion.text;
          const spec = c.namedChildren.find((x) => x?.type === "format_specifier");
          if (spec) {
            // The spec's plain text lies between its nested `{expr}` fields, which become `{}` with their values.
            let specText = "";
            let at = spec.startIndex + 1;
            for (const part of spec.children) {
              if (part?.type !== "format_expression") continue;
              const inner = part.namedChildren[0];
              if (!inner) return null;
              specText += spec.text.slice(at - spec.startIndex, part.startIndex - spec.startIndex);
              args.push({ kind: "positional", value: this.expression(inner) });
              specText += "{}";
              at = part.endIndex;
            }
            specText += spec.text.slice(at - spec.startIndex);
            field += `:${specText}`;
          }
          template += `${field}}`;
        }
      }
    }
    const format: Expression = { type: "attribute", object: { type: "str", value: template, pos }, name: "format", pos };
    return { type: "call", func: format, args, pos };
  }

  /** The value of a string literal, or null for f-strings with interpolations (unknown text). */
  private stringValue(node: Node): string | null {
    if (node.type !== "string") return null;
    let prefix = "";
    let out = "";
    for (const c of node.children) {
      if (!c) continue;
      if (c.type === "string_start") prefix = c.text.replace(/['"]+$/, "").toLowerCase();
      // tree-sitter-python keeps a literal's escape sequences inside its string_content: '\n' is one character
      else if (c.type === "string_content") out += prefix.includes("r") ? c.text : unescapeAll(c.text, prefix.includes("b"));
      else if (c.type === "escape_sequence") out += prefix.includes("r") ? c.text : unescape(c.text, prefix.includes("b"));
      else if (c.type === "interpolation") return null;
    }
    return out;
  }
}

/**
 * tree-sitter-python parses `*x.shape` as (*x).shape: the star binds to the leftmost name. Python means *(x.shape),
 * so a starred object of an attribute or call moves out to wrap the whole expression.
 */
function hoistStar(e: Expression): Expression {
  if (e.type === "attribute" && e.object.type === "starred") return { type: "starred", value: { ...e, object: e.object.value }, pos: e.pos };
  if (e.type === "call" && e.func.type === "starred") return { type: "starred", value: { ...e, func: e.func.value }, pos: e.pos };
  if (e.type === "subscript" && e.object.type === "starred") return { type: "starred", value: { ...e, object: e.object.value }, pos: e.pos };
  return e;
}

/**
 * A literal's text with its escape sequences decoded as Python decodes them
 * (docs.python.org/3/reference/lexical_analysis.html#escape-sequences). `bytes` literals know no `\u`, `\U` or `\N`.
 * A sequence Python would reject (`\U` without eight hex digits, a code point past U+10FFFF) or that needs the
 * Unicode name table (`\N{...}`) is kept as written: the text is then approximate, never an error.
 */
export function unescapeAll(text: string, bytes = false): string {
  return text.replace(/\\([0-7]{1,3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (m) => unescape(m, bytes));
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\n": "", n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", v: "\v",
};

const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function unescape(seq: string, bytes = false): string {
  const kind = seq[1] ?? "";
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return simple;
  if (/^[0-7]$/.test(kind)) return String.fromCharCode(parseInt(seq.slice(1), 8));
  const digits = HEX_DIGITS[kind];
  if (digits === undefined || seq.length !== digits + 2 || (bytes && kind !== "x")) return seq;
  const code = parseInt(seq.slice(2), 16);
  return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : seq;
}

/**
 * An imaginary literal (`1j`, `0.5j`). The analyzer has no complex numbers: complex tensors are kept as their
 * real-valued shape (torch/ops/complex.ts), so a complex scalar is a float there, whose value is not known (NaN):
 * it sizes nothing, and only makes the tensors it scales complex, that is, floating.
 */
function imaginary(pos: Position): Expression {
  return { type: "float", value: Number.NaN, pos };
}
