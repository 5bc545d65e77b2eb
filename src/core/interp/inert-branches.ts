// Arms of an `if` whose condition reads tensor contents (padding checks, sanity checks) that cannot change the cost:
// an arm that only warns, logs or prints (with message strings built for that), or that raises. Such a condition
// does not make the count partial: when both arms are inert either may run at the same cost, and when one raises,
// the run that gives a figure at all is the other one.
import type { Expression, Statement } from "../python/ast";
import { calleeName, dottedName, forEachExpression, forEachStatement, namesIn, ownExpressions } from "../python/syntax-walk";

/** What an arm does that the cost can see. */
export type ArmEffect = "inert" | "raises" | "acts";

/** Methods of Python's logging loggers (and transformers' `warning_once`/`info_once`), and warnings.warn. */
const LOG_METHODS = new Set(["warn", "warning", "warning_once", "warning_advice", "info", "info_once", "debug", "error", "exception", "critical", "log"]);

/** A call that only reports: print(...), warnings.warn(...), <logger>.warning(...) and the like. */
function isReportCall(call: Extract<Expression, { type: "call" }>): boolean {
  const name = dottedName(call.func);
  if (name === "print" || name === "warnings.warn") return true;
  return call.func.type === "attribute" && LOG_METHODS.has(calleeName(call) ?? "") && name !== undefined;
}

/** Builtins that read without computing on tensors: message building may call them. */
const PURE_BUILTINS = new Set(["getattr", "hasattr", "isinstance", "len", "str", "repr", "type"]);

/** Whether an expression calls anything beyond PURE_BUILTINS. */
const hasCall = (e: Expression): boolean => {
  let found = false;
  forEachExpression(e, (n) => {
    if (n.type !== "call") return;
    const builtin = n.func.type === "name" && PURE_BUILTINS.has(n.func.id);
    // f-strings are lowered to "...".format(...)
    const format = n.func.type === "attribute" && n.func.name === "format" && n.func.object.type === "str";
    if (!builtin && !format) found = true;
  });
  return found;
};

/**
 * Classifies an arm: "raises" when it ends in `raise` after inert statements, "inert" when every statement passes,
 * reports (a call from isReportCall whose arguments call nothing else) or builds a message (a name assigned a value
 * that calls nothing else, read nowhere in `enclosing` outside the arm), nested ifs of such arms included; "acts"
 * otherwise. `enclosing` is the body of the function the arm is in (none at module level: no names may be bound).
 */
export function armEffect(body: Statement[], enclosing: Statement[] | undefined): ArmEffect {
  const assigned = new Set<string>();
  const walk = (stmts: Statement[]): ArmEffect => {
    for (const s of stmts) {
      switch (s.type) {
        case "pass":
          continue;
        case "raise":
          return "raises";
        case "expression":
          if (s.value.type === "str") continue;
          if (s.value.type !== "call" || !isReportCall(s.value) || s.value.args.some((a) => hasCall(a.value))) return "acts";
          continue;
        case "assign":
        case "augmented": {
          const targets = s.type === "assign" ? s.targets : [s.target];
          if (!targets.every((t) => t.type === "name") || hasCall(s.value)) return "acts";
          for (const t of targets) assigned.add((t as { id: string }).id);
          continue;
        }
        case "if": {
          if (hasCall(s.test)) return "acts";
          const a = walk(s.body);
          const b = walk(s.orelse);
          if (a === "acts" || b === "acts") return "acts";
          if (a === "raises" && b === "raises") return "raises";
          continue;
        }
        default:
          return "acts";
      }
    }
    return "inert";
  };
  const effect = walk(body);
  if (effect === "acts" || assigned.size === 0) return effect;
  if (!enclosing || body.length === 0) return "acts";
  // A name the arm binds that code outside the arm reads would carry the arm's effect past it.
  const from = body[0].pos.startIndex;
  const to = body[body.length - 1].pos.endIndex;
  const outside = new Set<string>();
  forEachStatement(enclosing, ({ statement }) => {
    if (statement.pos.startIndex >= from && statement.pos.endIndex <= to) return;
    namesIn(ownExpressions(statement), outside);
  });
  for (const n of assigned) if (outside.has(n)) return "acts";
  return effect;
}

/** os.path's (and pathlib's) questions about the file system. */
const FILE_CHECKS = new Set(["exists", "isfile", "isdir", "lexists", "is_file", "is_dir"]);

/** Whether an `if` test asks the file system (`not osp.exists(self.dataset_dir)`, `Path(p).is_dir()`). The analysis
 *  reads no data, so a check that raises when files are missing (a dataset's `_check_before_run`) must not stop it:
 *  the run the figures are for has its data. */
export function checksFiles(test: Expression): boolean {
  // Asked at every `if` the interpreter runs: each test is walked once.
  let found = fileChecks.get(test);
  if (found !== undefined) return found;
  found = false;
  forEachExpression(test, (e) => {
    if (e.type === "call" && e.func.type === "attribute" && FILE_CHECKS.has(e.func.name)) found = true;
  });
  fileChecks.set(test, found);
  return found;
}

const fileChecks = new WeakMap<Expression, boolean>();

