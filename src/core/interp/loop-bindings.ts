// The names a loop's body binds, for a loop the analyzer cannot run (its iterable is unknown): after it, each holds
// whatever the data made of it, so none may keep the value it had before (`n = len(notes)` after
// `for chord in data: notes |= set(chord)` is not 0).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { childBodies, forEachExpression, ownExpressions } from "../python/syntax-walk";

/** The simple names the statements bind (assignment targets, loop targets, `with ... as`), nested functions and classes left out. */
export function namesBoundIn(statements: Statement[]): Expression[] {
  const names: Expression[] = [];
  const target = (e: Expression): void => {
    if (e.type === "name") names.push(e);
    else if (e.type === "tuple" || e.type === "list") e.items.forEach(target);
    else if (e.type === "starred") target(e.value);
  };
  const walk = (body: Statement[]): void => {
    for (const s of body) {
      if (s.type === "function" || s.type === "class") continue;
      if (s.type === "assign") s.targets.forEach(target);
      else if (s.type === "augmented") target(s.target);
      else if (s.type === "annotated" && s.value) target(s.target);
      else if (s.type === "for") target(s.target);
      else if (s.type === "with") for (const item of s.items) if (item.target) target(item.target);
      childBodies(s).forEach(walk);
    }
  };
  walk(statements);
  return names;
}

/** The attributes of plain names the statements assign (`self.n_train += len(items)`), nested functions and classes
 *  left out: after a loop the analyzer cannot run, each holds what the data made of it, not its value from before. */
export function attributesBoundIn(statements: Statement[]): Extract<Expression, { type: "attribute" }>[] {
  const found: Extract<Expression, { type: "attribute" }>[] = [];
  const target = (e: Expression): void => {
    if (e.type === "attribute" && e.object.type === "name") found.push(e);
    else if (e.type === "tuple" || e.type === "list") e.items.forEach(target);
  };
  const walk = (body: Statement[]): void => {
    for (const s of body) {
      if (s.type === "function" || s.type === "class") continue;
      if (s.type === "assign") s.targets.forEach(target);
      else if (s.type === "augmented") target(s.target);
      childBodies(s).forEach(walk);
    }
  };
  walk(statements);
  return found;
}

/** Methods that change a list, dict, set or deque in place. */
const MUTATORS = new Set(["append", "extend", "insert", "update", "add", "setdefault", "appendleft", "extendleft", "pop", "remove", "clear"]);

/** The plain names whose objects the statements change in place (`dataX.append(...)`, `counts[c] += 1`), once per
 *  place that changes them, nested functions and classes left out: a loop stopped partway leaves them half built. */
export function namesChangedInPlaceIn(statements: Statement[]): string[] {
  const names: string[] = [];
  const receiver = (e: Expression): void => {
    let at = e;
    while (at.type === "subscript" || at.type === "attribute") at = at.object;
    if (at.type === "name") names.push(at.id);
  };
  const walk = (body: Statement[]): void => {
    for (const s of body) {
      if (s.type === "function" || s.type === "class") continue;
      if (s.type === "assign") for (const t of s.targets) if (t.type === "subscript") receiver(t);
      if (s.type === "augmented" && s.target.type === "subscript") receiver(s.target);
      for (const root of ownExpressions(s)) forEachExpression(root, (e) => {
        if (e.type === "call" && e.func.type === "attribute" && MUTATORS.has(e.func.name)) receiver(e.func.object);
      });
      childBodies(s).forEach(walk);
    }
  };
  walk(statements);
  return names;
}

/** The attributes of the method's own object (its first parameter) its body changes in place with a list method
 *  (`self.idx2word.append(word)`), nested functions and classes left out. */
export function ownAttributesChangedIn(method: FunctionDefinition): string[] {
  const self = method.params[0]?.name;
  if (self === undefined) return [];
  const found = new Set<string>();
  const walk = (body: Statement[]): void => {
    for (const s of body) {
      if (s.type === "function" || s.type === "class") continue;
      for (const root of ownExpressions(s)) forEachExpression(root, (e) => {
        if (e.type !== "call" || e.func.type !== "attribute" || !MUTATORS.has(e.func.name)) return;
        const object = e.func.object;
        if (object.type === "attribute" && object.object.type === "name" && object.object.id === self) found.add(object.name);
      });
      childBodies(s).forEach(walk);
    }
  };
  walk(method.body);
  return [...found];
}

/** The method calls on plain names or attributes of them the statements make (`self.dictionary.add_word(w)`), nested
 *  functions and classes left out. */
export function methodCallsIn(statements: Statement[]): Extract<Expression, { type: "call" }>[] {
  const calls: Extract<Expression, { type: "call" }>[] = [];
  const receiver = (e: Expression): boolean => e.type === "name" || (e.type === "attribute" && receiver(e.object));
  const walk = (body: Statement[]): void => {
    for (const s of body) {
      if (s.type === "function" || s.type === "class") continue;
      for (const root of ownExpressions(s)) forEachExpression(root, (e) => {
        if (e.type === "call" && e.func.type === "attribute" && receiver(e.func.object)) calls.push(e);
      });
      childBodies(s).forEach(walk);
    }
  };
  walk(statements);
  return calls;
}

/** The plain names a `for` loop's body appends to exactly once a pass (`dataX.append(...)` as a statement of the body
 *  itself), changes in no other way, in a body with no break, continue, return, raise or try: after N passes each
 *  holds N more items. */
export function appendedOncePerPass(loop: Extract<Statement, { type: "for" }>): string[] {
  let exits = false;
  const walk = (body: Statement[]): void => {
    for (const s of body) {
      if (s.type === "function" || s.type === "class") continue;
      if (s.type === "break" || s.type === "continue" || s.type === "return" || s.type === "raise" || s.type === "try") exits = true;
      childBodies(s).forEach(walk);
    }
  };
  walk(loop.body);
  if (exits || loop.orelse.length > 0) return [];
  const once = loop.body.flatMap((s) => (s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "append" && s.value.func.object.type === "name" ? [s.value.func.object.id] : []));
  const bound = new Set(namesBoundIn([loop]).flatMap((e) => (e.type === "name" ? [e.id] : [])));
  const changed = namesChangedInPlaceIn(loop.body);
  // Each name's one change is that append: no second append, no other mutation, no rebinding.
  return [...new Set(once)].filter((n) => once.filter((m) => m === n).length === 1 && changed.filter((m) => m === n).length === 1 && !bound.has(n));
}
