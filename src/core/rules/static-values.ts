import type { ClassDefinition, Expression, FunctionDefinition, Statement } from "../python/ast";
import type { PythonFile } from "./python-file";
import { childBodies, forEachExpression, type StatementPlace } from "../python/syntax-walk";

// What a name, a flag or a config field holds, read from the file's own text without running it: the settings a
// script picks its device and dtype with (`device = torch.device("cuda" if ... else "cpu")`, `args.device` from an
// argparse default, `cfg.dtype` from a config class's default). Several assignments give several candidates.

/** Follow names and attributes this many steps at most (a chain of aliases, never a loop). */
const MAX_DEPTH = 8;

/**
 * The expressions `e` may hold at `place`: itself when it is a literal or something this reader cannot follow, else
 * what the names, argparse flags, config objects, dict lookups and `x if c else y` branches it goes through hold.
 */
export function possibleValues(file: PythonFile, e: Expression, place: StatementPlace | undefined): Expression[] {
  const out: Expression[] = [];
  follow(file, e, place, 0, new Set(), out);
  return out;
}

function follow(file: PythonFile, e: Expression, place: StatementPlace | undefined, depth: number, seen: Set<Expression>, out: Expression[]): void {
  if (depth > MAX_DEPTH || seen.has(e)) {
    out.push(e);
    return;
  }
  seen.add(e);
  const next = (x: Expression, at = place) => follow(file, x, at, depth + 1, seen, out);
  switch (e.type) {
    case "conditional":
      next(e.body);
      next(e.orelse);
      return;
    case "boolean":
      next(e.left);
      next(e.right);
      return;
    case "name": {
      const values = nameValues(file, e.id, place);
      if (values.length === 0) out.push(e);
      for (const v of values) next(v.value, v.place);
      return;
    }
    case "attribute": {
      // Module attributes (`torch.bfloat16`) are what they say.
      if (file.bindings.has(rootName(e) ?? "")) {
        out.push(e);
        return;
      }
      const values = attributeValues(file, e, place, depth, seen);
      if (values.length === 0) out.push(e);
      for (const v of values) next(v.value, v.place);
      return;
    }
    case "subscript": {
      // `{"bfloat16": torch.bfloat16, ...}[dtype]`: the entry the key picks, else every entry.
      // nested lookups share this walk's depth and seen set, so a self-referencing chain stays bounded
      const inner = (x: Expression) => {
        const found: Expression[] = [];
        follow(file, x, place, depth + 1, seen, found);
        return found;
      };
      const tables = inner(e.object).filter((t): t is Extract<Expression, { type: "dict" }> => t.type === "dict");
      if (tables.length === 0) {
        out.push(e);
        return;
      }
      const keys = inner(e.index).flatMap((k) => (k.type === "str" && k.value !== null ? [k.value] : []));
      for (const table of tables) {
        const entries = table.items.filter((i): i is { key: Expression; value: Expression } => "key" in i);
        const picked = entries.filter((i) => i.key.type === "str" && i.key.value !== null && keys.includes(i.key.value));
        for (const i of picked.length > 0 ? picked : entries) next(i.value);
      }
      return;
    }
    case "call": {
      // `getattr(torch, "bfloat16")`, `getattr(torch, cfg.dtype)`: the attribute's name is the value that matters.
      if (e.func.type === "name" && e.func.id === "getattr" && e.args.length >= 2 && e.args[1].kind === "positional") {
        next(e.args[1].value);
        return;
      }
      // A function of the file that returns the value (`ctx = make_autocast(cfg)`): what its returns hold.
      if (e.func.type === "name") {
        const fn = file.syntax.body.find((s): s is FunctionDefinition => s.type === "function" && s.name === (e.func as { id: string }).id);
        const returns = fn ? returnsOf(file, fn) : [];
        if (returns.length > 0) {
          out.push(e);
          for (const r of returns) next(r.value, r.place);
          return;
        }
      }
      out.push(e);
      return;
    }
    default:
      out.push(e);
  }
}

function rootName(e: Expression): string | undefined {
  let current = e;
  while (current.type === "attribute") current = current.object;
  return current.type === "name" ? current.id : undefined;
}

interface PlacedValue {
  value: Expression;
  place: StatementPlace | undefined;
}

/** Functions enclosing a place, innermost first. */
function enclosingFunctions(place: StatementPlace | undefined): FunctionDefinition[] {
  if (!place) return [];
  return place.ancestors.filter((a): a is FunctionDefinition => a.type === "function").reverse();
}

/** What a plain name is assigned in the innermost scope that assigns it (or its parameter default there). */
function nameValues(file: PythonFile, name: string, place: StatementPlace | undefined): PlacedValue[] {
  for (const fn of enclosingFunctions(place)) {
    const assigned = assignmentsIn(file, fn.body, name);
    const param = fn.params.find((p) => p.name === name);
    if (assigned.length > 0 || param) {
      return [...assigned, ...(param?.default ? [{ value: param.default, place }] : [])];
    }
  }
  return assignmentsIn(file, file.syntax.body, name);
}

/** The values a function returns (its own `return` statements, not those of nested definitions). */
function returnsOf(file: PythonFile, fn: FunctionDefinition): PlacedValue[] {
  const out: PlacedValue[] = [];
  const visit = (b: Statement[]) => {
    for (const s of b) {
      if (s.type === "function" || s.type === "class") continue;
      if (s.type === "return" && s.value) out.push({ value: s.value, place: placeOf(file, s) });
      for (const child of childBodies(s)) visit(child);
    }
  };
  visit(fn.body);
  return out;
}

/** `name = value` (and `name: T = value`) statements of a block and its nested blocks, not inside def/class. */
function assignmentsIn(file: PythonFile, body: Statement[], name: string): PlacedValue[] {
  const out: PlacedValue[] = [];
  const visit = (b: Statement[]) => {
    for (const s of b) {
      if (s.type === "function" || s.type === "class") continue;
      if (s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name)) out.push({ value: s.value, place: placeOf(file, s) });
      if (s.type === "annotated" && s.value && s.target.type === "name" && s.target.id === name) out.push({ value: s.value, place: placeOf(file, s) });
      for (const child of childBodies(s)) visit(child);
    }
  };
  visit(body);
  return out;
}

function placeOf(file: PythonFile, s: Statement): StatementPlace | undefined {
  return file.places.find((p) => p.statement === s);
}

/** `args.x`, `cfg.x`, `self.x`: what the flag's default, the config's field or the attribute's assignment holds. */
function attributeValues(file: PythonFile, e: Extract<Expression, { type: "attribute" }>, place: StatementPlace | undefined, depth: number, seen: Set<Expression>): PlacedValue[] {
  const out: PlacedValue[] = [];
  if (e.object.type === "name" && e.object.id === "self") {
    const cls = place?.ancestors.filter((a): a is ClassDefinition => a.type === "class").pop();
    if (cls) out.push(...selfAssignments(file, cls, e.name));
    return out;
  }
  const owners: Expression[] = [];
  follow(file, e.object, place, depth + 1, new Set(seen), owners);
  for (const owner of owners) {
    if (owner.type !== "call") continue;
    const callee = owner.func.type === "attribute" ? owner.func.name : owner.func.type === "name" ? owner.func.id : "";
    if (callee === "parse_args" || callee === "parse_known_args") {
      out.push(...argparseDefaults(file, e.name));
      continue;
    }
    // A config object built here: the keyword it is given, else its class's default for the field.
    const keyword = owner.args.find((a) => a.kind === "keyword" && a.name === e.name);
    if (keyword) {
      out.push({ value: keyword.value, place });
      continue;
    }
    const cls = file.syntax.body.find((s): s is ClassDefinition => s.type === "class" && s.name === callee);
    if (cls) out.push(...classDefaults(file, cls, e.name));
  }
  return out;
}

/** The default of the argparse option whose destination is `dest` (`--device` → `device`, or `dest=`). */
function argparseDefaults(file: PythonFile, dest: string): PlacedValue[] {
  const out: PlacedValue[] = [];
  for (const { call, place } of file.calls) {
    if (call.func.type !== "attribute" || call.func.name !== "add_argument") continue;
    const flags = call.args.flatMap((a) => (a.kind === "positional" && a.value.type === "str" && a.value.value ? [a.value.value] : []));
    const given = call.args.find((a) => a.kind === "keyword" && a.name === "dest")?.value;
    const flag = flags.find((f) => f.startsWith("--")) ?? flags[0] ?? "";
    const name = given?.type === "str" && given.value ? given.value : flag.replace(/^-+/, "").replace(/-/g, "_");
    if (name !== dest) continue;
    const value = call.args.find((a) => a.kind === "keyword" && a.name === "default")?.value;
    const action = call.args.find((a) => a.kind === "keyword" && a.name === "action")?.value;
    if (value) out.push({ value, place });
    // A store_true flag is False unless given (argparse's documented default), store_false the other way round.
    else if (action?.type === "str" && /^store_(true|false)$/.test(action.value ?? "")) {
      out.push({ value: { type: "constant", value: action.value === "store_true" ? "False" : "True", pos: action.pos }, place });
    }
  }
  return out;
}

/** A config class's default for a field: a class-level assignment (dataclass field) or an `__init__` default. */
function classDefaults(file: PythonFile, cls: ClassDefinition, field: string): PlacedValue[] {
  const out: PlacedValue[] = [];
  for (const s of cls.body) {
    if (s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === field)) out.push({ value: s.value, place: placeOf(file, s) });
    if (s.type === "annotated" && s.value && s.target.type === "name" && s.target.id === field) out.push({ value: s.value, place: placeOf(file, s) });
  }
  if (out.length === 0) out.push(...selfAssignments(file, cls, field));
  return out;
}

/** `self.field = value` in a class's methods; a value that is the method's parameter gives its default. */
function selfAssignments(file: PythonFile, cls: ClassDefinition, field: string): PlacedValue[] {
  const out: PlacedValue[] = [];
  for (const method of cls.body) {
    if (method.type !== "function") continue;
    const visit = (b: Statement[]) => {
      for (const s of b) {
        if (s.type === "function" || s.type === "class") continue;
        if (s.type === "assign" && s.targets.some((t) => t.type === "attribute" && t.name === field && t.object.type === "name" && t.object.id === "self")) {
          const param = s.value.type === "name" ? method.params.find((p) => p.name === (s.value as { id: string }).id) : undefined;
          if (param?.default) out.push({ value: param.default, place: placeOf(file, s) });
          else if (!param) out.push({ value: s.value, place: placeOf(file, s) });
        }
        for (const child of childBodies(s)) visit(child);
      }
    };
    visit(method.body);
  }
  return out;
}

/** True when the expression (or anything inside it) satisfies `test`. */
export function mentions(e: Expression, test: (x: Expression) => boolean): boolean {
  let found = false;
  forEachExpression(e, (x) => {
    if (!found && test(x)) found = true;
  });
  return found;
}
