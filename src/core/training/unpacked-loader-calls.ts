// A function body often unpacks the loaders a helper returns into local names before it keeps one on the object
// (`train_loader, dev_loader, test_loader = data.get_dataloaders(batch_size=args.batch_size)`, then
// `self.train_loader = train_loader`): the loader kept is the one that call built.
import type { Expression, Statement } from "../python/ast";
import { forEachStatement, targetNames } from "../python/syntax-walk";

/** The last call in `body` whose result is bound to `name`, alone or unpacked among a tuple's targets. */
export function unpackedCall(body: Statement[], name: string): Extract<Expression, { type: "call" }> | undefined {
  let found: Extract<Expression, { type: "call" }> | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "assign" && s.value.type === "call" && s.targets.some((t) => targetNames(t).includes(name))) found = s.value;
  });
  return found;
}
