// argparse refuses an option string added twice to one parser: with the default conflict_handler='error',
// add_argument raises ArgumentError ("conflicting option string: --batch_size", CPython Lib/argparse.py,
// _handle_conflict_error), so a script that adds `--batch_size` twice stops before it parses its arguments, let alone
// trains. Only conflict_handler='resolve' lets the later action replace the earlier one.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsInBody, dottedName } from "../python/syntax-walk";

/** The first option string a parser of the file is given twice, in a block the plain run runs (the module's top level or
 *  a module-level function the file calls), where that parser then parses: where argparse raises. */
export function argparseConflict(body: Statement[]): { line: number; option: string; parser: string } | undefined {
  const called = new Set(callsInBody(body).flatMap((c) => (c.func.type === "name" ? [c.func.id] : [])));
  const blocks = [body, ...body.filter((s): s is FunctionDefinition => s.type === "function" && called.has(s.name)).map((f) => f.body)];
  for (const block of blocks) {
    const found = conflictIn(block);
    if (found) return found;
  }
  return undefined;
}

function conflictIn(block: Statement[]): { line: number; option: string; parser: string } | undefined {
  const parsers = new Map<string, Set<string>>();
  let conflict: { line: number; option: string; parser: string } | undefined;
  for (const s of block) {
    const call = s.type === "expression" || s.type === "assign" ? s.value : s.type === "return" ? s.value : undefined;
    if (s.type === "assign" && s.targets.length === 1 && isParserConstruction(s.value)) {
      const name = dottedName(s.targets[0]);
      if (name) parsers.set(name, new Set());
      continue;
    }
    if (call?.type !== "call" || call.func.type !== "attribute") continue;
    const parser = dottedName(call.func.object);
    const seen = parser !== undefined ? parsers.get(parser) : undefined;
    if (!seen) continue;
    if (call.func.name === "parse_args" || call.func.name === "parse_known_args") return conflict;
    if (call.func.name !== "add_argument" || conflict) continue;
    for (const a of call.args) {
      if (a.kind !== "positional" || a.value.type !== "str" || typeof a.value.value !== "string" || !a.value.value.startsWith("-")) continue;
      if (seen.has(a.value.value)) conflict = { line: call.pos.line, option: a.value.value, parser: parser! };
      seen.add(a.value.value);
    }
  }
  return undefined;
}

/** `argparse.ArgumentParser(...)` with argparse's default conflict handler (and no parents, whose options it copies). */
function isParserConstruction(e: Expression): boolean {
  if (e.type !== "call") return false;
  const name = dottedName(e.func);
  if (!name || !/(^|\.)ArgumentParser$/.test(name)) return false;
  return !e.args.some((a) => a.kind === "doublestar" || (a.kind === "keyword" && (a.name === "conflict_handler" || a.name === "parents")));
}
