// Finds the places in a file that may say how a model is trained (calls, epoch loops, constants), each with the
// straight-line statements that run before it, so its values can be worked out without running the training.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";

/** Where a site sits: its enclosing function, and the statements that run before it there. */
export interface SiteContext {
  fn?: FunctionDefinition;
  /**
   * Statements before the site on its way down from the function body (or from a block of the module), outermost
   * first. Empty at a module's top level: those statements already ran when the module was loaded.
   */
  before: Statement[];
}

export type CodeSite =
  | { kind: "call"; call: Extract<Expression, { type: "call" }>; callee: string; context: SiteContext; assignedTo: string[] }
  | { kind: "loop"; loop: Extract<Statement, { type: "for" }>; variable: string; context: SiteContext }
  | { kind: "constant"; name: string; value: Expression; line: number; context: SiteContext };

/** Words without which a function cannot hold a training figure; other bodies are never lowered (they are lazy). */
const TRAINING_WORDS = /epoch|batch|TrainingArguments|\.fit|\.backward|load_data|DataLoader|Subset|random_split|Dataset|MNIST|CIFAR|SVHN|ImageNet|Trainer|EmissionsTracker|track_emissions/;

/** The dotted name of a callee (`torch.utils.data.DataLoader`), or "" when it is not a plain name chain. */
export function dottedName(e: Expression): string {
  if (e.type === "name") return e.id;
  if (e.type === "attribute") {
    const left = dottedName(e.object);
    return left ? `${left}.${e.name}` : e.name;
  }
  return "";
}

/** The root variable of a name chain (`parser` in `parser.add_argument`, `cfg` in `cfg["x"]`). */
export function rootName(e: Expression): string | undefined {
  if (e.type === "name") return e.id;
  if (e.type === "attribute") return rootName(e.object);
  if (e.type === "subscript") return rootName(e.object);
  if (e.type === "call") return rootName(e.func);
  return undefined;
}

/** Every expression node below (and including) e, depth first. */
export function forEachExpression(e: unknown, visit: (node: Expression) => void): void {
  if (!e || typeof e !== "object") return;
  if (Array.isArray(e)) {
    for (const item of e) forEachExpression(item, visit);
    return;
  }
  const node = e as Record<string, unknown>;
  if (typeof node.type === "string" && node.pos) visit(node as unknown as Expression);
  for (const [key, value] of Object.entries(node)) if (key !== "pos" && value && typeof value === "object") forEachExpression(value, visit);
}

/** The names an expression reads. */
export function namesIn(e: unknown, into: Set<string>): Set<string> {
  forEachExpression(e, (node) => {
    if (node.type === "name") into.add(node.id);
  });
  return into;
}

function targetNames(target: Expression): string[] {
  if (target.type === "name") return [target.id];
  if (target.type === "tuple" || target.type === "list") return target.items.flatMap(targetNames);
  if (target.type === "starred") return targetNames(target.value);
  return [];
}

/** Expressions directly in a statement (not in nested blocks). */
function statementExpressions(s: Statement): unknown[] {
  switch (s.type) {
    case "expression": return [s.value];
    case "assign": return [s.targets, s.value];
    case "augmented": return [s.target, s.value];
    case "annotated": return [s.target, s.value];
    case "return": return [s.value];
    case "if": return [s.test];
    case "for": return [s.target, s.iter];
    case "while": return [s.test];
    case "with": return [s.items];
    default: return [];
  }
}

/** All sites of a module body, in source order. `text` lets bodies without the `words` (by default training's)
 *  stay unlowered. */
export function findCodeSites(body: Statement[], text: string, words: RegExp = TRAINING_WORDS): CodeSite[] {
  const sites: CodeSite[] = [];
  // Most files in a package are model code with no training words: one scan of the text skips them.
  if (!words.test(text)) return sites;
  const mayTrain = (def: FunctionDefinition) => words.test(text.slice(def.pos.startIndex, def.pos.endIndex));

  const visitBlock = (block: Statement[], fn: FunctionDefinition | undefined, outer: Statement[], moduleTop: boolean) => {
    block.forEach((s, i) => {
      const before = moduleTop ? [] : [...outer, ...block.slice(0, i)];
      const context: SiteContext = { fn, before };
      const assignedTo = s.type === "assign" ? s.targets.flatMap(targetNames) : s.type === "annotated" ? targetNames(s.target) : [];
      const direct = s.type === "assign" || s.type === "annotated" ? s.value : undefined;
      forEachExpression(statementExpressions(s), (node) => {
        if (node.type === "call") {
          const callee = dottedName(node.func);
          if (callee) sites.push({ kind: "call", call: node, callee, context, assignedTo: node === direct ? assignedTo : [] });
        } else if (node.type === "dict") {
          // A config dict: {"epochs": 10, "batch_size": 64}.
          for (const item of node.items) if ("key" in item && item.key.type === "str" && item.key.value) sites.push({ kind: "constant", name: item.key.value, value: item.value, line: item.key.pos.line, context });
        }
      });
      if ((s.type === "assign" || s.type === "annotated") && s.value) {
        for (const name of assignedTo) sites.push({ kind: "constant", name, value: s.value, line: s.pos.line, context });
      }
      const inner = moduleTop ? [] : before;
      switch (s.type) {
        case "for":
          for (const variable of targetNames(s.target)) sites.push({ kind: "loop", loop: s, variable, context });
          visitBlock(s.body, fn, inner, false);
          visitBlock(s.orelse, fn, inner, false);
          break;
        case "while":
        case "if":
          visitBlock(s.body, fn, inner, false);
          visitBlock(s.orelse, fn, inner, false);
          break;
        case "with":
          visitBlock(s.body, fn, inner, false);
          break;
        case "try":
          visitBlock(s.body, fn, inner, false);
          for (const h of s.handlers) visitBlock(h.body, fn, inner, false);
          visitBlock(s.orelse, fn, inner, false);
          visitBlock(s.finalbody, fn, inner, false);
          break;
        case "function":
          if (mayTrain(s)) visitBlock(s.body, s, [], false);
          break;
        case "class":
          for (const member of s.body) if (member.type === "function" && mayTrain(member)) visitBlock(member.body, member, [], false);
          break;
      }
    });
  };
  visitBlock(body, undefined, [], true);
  return sites;
}
