// The names the code hands an optimizer the parameters of (`torch.optim.Adam(model.parameters())`, in any function
// of the module): the networks it trains, by the names it binds them to. A name bound afresh to one of them between
// two epoch loops is a new network (epoch-loops-in-turn.ts).
import type { Statement } from "../python/ast";
import { forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { isOptimizerConstruction, optimizerParameters } from "./optimizer-parameters";

/** The plain names whose `.parameters()` or `.named_parameters()` an optimizer's construction reads. */
export function optimizedNetworkNames(body: Statement[]): Set<string> {
  const names = new Set<string>();
  forEachStatement(body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type !== "call" || !isOptimizerConstruction(e)) return;
      const params = optimizerParameters(e);
      if (params) forEachExpression(params, (p) => {
        if (p.type === "call" && p.func.type === "attribute" && (p.func.name === "parameters" || p.func.name === "named_parameters") && p.func.object.type === "name") names.add(p.func.object.id);
      });
    });
  });
  return names;
}
