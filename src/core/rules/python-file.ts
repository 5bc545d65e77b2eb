import type { Node, Tree } from "web-tree-sitter";
import type { Expression, ModuleSyntax, Position, Statement } from "../python/ast";
import { lowerModule } from "../python/lower";
import { SourceText } from "./source-text";
import { dottedName, forEachExpression, forEachStatement, ownExpressions, type CallExpression, type StatementPlace } from "../python/syntax-walk";
import type { TextRange } from "./types";

/** A call with the statement that holds it (and that statement's enclosing statements). */
export interface PlacedCall {
  call: CallExpression;
  place: StatementPlace;
}

/**
 * One Python file as the rules see it: text and style, lowered syntax, top-level import bindings, every call with
 * its place, and the lines that continue a multi-line string (never re-indented).
 */
export class PythonFile {
  readonly source: SourceText;
  readonly syntax: ModuleSyntax;
  /** Local name → what it is bound to by a top-level import (`nn` → `torch.nn`). */
  readonly bindings = new Map<string, string>();
  readonly calls: PlacedCall[] = [];
  readonly places: StatementPlace[] = [];
  /** 0-based lines that start inside a string literal. */
  readonly stringLines = new Set<number>();
  /** Every identifier used anywhere (to pick names that do not collide). */
  readonly identifiers = new Set<string>();

  constructor(
    readonly path: string,
    text: string,
    tree: Tree,
    syntax?: ModuleSyntax,
  ) {
    this.source = new SourceText(text);
    this.syntax = syntax ?? lowerModule(tree);
    collectStringLines(tree.rootNode, this.stringLines);
    collectBindings(this.syntax.body, this.bindings);
    forEachStatement(this.syntax.body, (place) => {
      this.places.push(place);
      for (const e of ownExpressions(place.statement)) {
        forEachExpression(e, (x) => {
          if (x.type === "call") this.calls.push({ call: x, place });
          else if (x.type === "name") this.identifiers.add(x.id);
        });
      }
      const s = place.statement;
      if (s.type === "function" || s.type === "class") this.identifiers.add(s.name);
      if (s.type === "function") for (const p of s.params) this.identifiers.add(p.name);
    });
  }

  private byReceiver?: Map<string, PlacedCall[]>;
  private byName?: Map<string, PlacedCall[]>;
  private readonly qualifiedCallees = new Map<CallExpression, string | undefined>();

  /** Calls `receiver.method(...)` on a plain name, indexed once per file (rules ask per model variable). */
  methodCallsOn(receiver: string): PlacedCall[] {
    if (!this.byReceiver) {
      this.byReceiver = new Map();
      for (const c of this.calls) {
        const f = c.call.func;
        if (f.type === "attribute" && f.object.type === "name") push(this.byReceiver, f.object.id, c);
      }
    }
    return this.byReceiver.get(receiver) ?? [];
  }

  /** Calls `name(...)` of a plain name. */
  callsOf(name: string): PlacedCall[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const c of this.calls) if (c.call.func.type === "name") push(this.byName, c.call.func.id, c);
    }
    return this.byName.get(name) ?? [];
  }

  /** The qualified name of a call's callee, computed once per call. */
  qualifiedCallee(call: CallExpression): string | undefined {
    if (!this.qualifiedCallees.has(call)) this.qualifiedCallees.set(call, this.qualify(call.func));
    return this.qualifiedCallees.get(call);
  }

  /** `nn.Linear` → `torch.nn.Linear` through the import bindings; unknown heads stay as written. */
  qualify(e: Expression): string | undefined {
    const dotted = dottedName(e);
    if (dotted === undefined) return undefined;
    const dot = dotted.indexOf(".");
    const head = dot < 0 ? dotted : dotted.slice(0, dot);
    const bound = this.bindings.get(head);
    return bound === undefined ? dotted : bound + (dot < 0 ? "" : dotted.slice(dot));
  }

  /** The local name bound to a module or object by a top-level import (`torch.nn` → `nn`), if any. */
  localNameOf(qualified: string): string | undefined {
    for (const [local, target] of this.bindings) if (target === qualified) return local;
    return undefined;
  }

  /** True for `torch.no_grad()` / `torch.inference_mode()` (called or as a decorator), however imported. */
  isGradGuard(e: Expression): boolean {
    const target = e.type === "call" ? e.func : e;
    const q = this.qualify(target);
    return q !== undefined && /(^|\.)(no_grad|inference_mode)$/.test(q);
  }

  /** True when a place runs under no_grad/inference_mode (a `with` around it, or a decorated function). */
  isGuarded(place: StatementPlace): boolean {
    return place.ancestors.some(
      (a) => (a.type === "with" && a.items.some((i) => this.isGradGuard(i.value))) || (a.type === "function" && a.decorators.some((d) => this.isGradGuard(d))),
    );
  }

  /** `isGuarded`, or inside a module-level function the file calls only under no_grad/inference_mode
   *  (`with torch.no_grad(): evaluate(model)` runs evaluate's body without autograd). */
  runsWithoutGrad(place: StatementPlace): boolean {
    return this.guardedAt(place, new Set());
  }

  /** `seen` stops recursion through functions calling each other. */
  private guardedAt(place: StatementPlace, seen: Set<string>): boolean {
    if (this.isGuarded(place)) return true;
    // Only a function defined at module level and called by its plain name: a method or a nested def is reached
    // through objects the file does not follow. Another module may call it unguarded: then no finding is made here.
    const top = place.ancestors[0] ?? place.statement;
    if (top.type !== "function" || top === place.statement || seen.has(top.name)) return false;
    const callers = this.callsOf(top.name).filter((c) => c.place.ancestors[0] !== top);
    if (callers.length === 0) return false;
    seen.add(top.name);
    return callers.every((c) => this.guardedAt(c.place, seen));
  }

  text(pos: Position): string {
    return this.source.text.slice(pos.startIndex, pos.endIndex);
  }

  /** A finding's range: the node's start to the end of its first line (multi-line ranges are noisy in editors). */
  findingRange(pos: Position): TextRange {
    const startLine = pos.line - 1;
    const endCharacter = pos.endLine === pos.line ? pos.endColumn : this.source.lineText(startLine).length;
    return { start: { line: startLine, character: pos.column }, end: { line: startLine, character: endCharacter } };
  }

  /** True when a statement starts its line (only indentation before it), so whole lines can be inserted around it. */
  startsLine(s: Statement): boolean {
    return this.source.indentation(s.pos.line - 1).length === s.pos.column;
  }

  /** True when nothing but a comment follows a statement on its last line. */
  endsLine(s: Statement): boolean {
    const rest = this.source.lineText(s.pos.endLine - 1).slice(s.pos.endColumn);
    return /^\s*(#.*)?$/.test(rest) && !/^\s*;/.test(rest);
  }

  /** A name not used in the file: `preferred`, else `preferred_2`, ... */
  freshName(preferred: string): string {
    if (!this.identifiers.has(preferred)) return preferred;
    for (let i = 2; ; i++) if (!this.identifiers.has(`${preferred}_${i}`)) return `${preferred}_${i}`;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function collectStringLines(node: Node, out: Set<number>): void {
  if (node.startPosition.row === node.endPosition.row) return;
  if (node.type === "string" || node.type === "concatenated_string") {
    for (let row = node.startPosition.row + 1; row <= node.endPosition.row; row++) out.add(row);
    return;
  }
  for (const child of node.children) if (child) collectStringLines(child, out);
}

/** Import bindings of the module level (also inside top-level `if`/`try`, where optional imports live). */
function collectBindings(body: Statement[], out: Map<string, string>): void {
  for (const s of body) {
    if (s.type === "import") {
      for (const n of s.names) {
        if (n.alias) out.set(n.alias, n.module);
        else out.set(n.module.split(".")[0], n.module.split(".")[0]);
      }
    } else if (s.type === "importFrom" && s.level === 0 && s.names !== "*") {
      for (const n of s.names) out.set(n.alias ?? n.name, `${s.module}.${n.name}`);
    } else if (s.type === "if" || s.type === "try") {
      collectBindings(s.body, out);
      if (s.type === "if") collectBindings(s.orelse, out);
      else for (const h of s.handlers) collectBindings(h.body, out);
    }
  }
}
