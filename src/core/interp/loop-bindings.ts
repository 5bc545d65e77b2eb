// The names a loop's body binds, for a loop the analyzer cannot run (its iterable is unknown): after it, each holds
// whatever the data made of it, so none may keep the value it had before (`n = len(notes)` after
// `for chord in data: notes |= set(chord)` is not 0).
import type { Expression, Statement } from "../python/ast";
import { childBodies } from "../python/syntax-walk";

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
