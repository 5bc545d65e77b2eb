import type { Statement } from "../python/ast";
import { insertLinesAfter, insertLinesBefore } from "./edit-builders";
import { helperRuns } from "./helper-runs";
import { callsEval, inferenceCalls, moduleVariables, torchModelSites } from "./model-usage";
import { ruleHelpUri, type RawFinding, type Rule, type RuleContext } from "./rule-context";
import type { Fix } from "./types";

const definition = {
  id: "GL005" as const,
  title: "Inference without model.eval()",
  defaultSeverity: "information" as const,
  rationale:
    "A module left in training mode keeps Dropout active and BatchNorm updating its running statistics during inference: " +
    "results are wrong and vary between runs, so work gets repeated. eval() switches them to their inference behaviour.",
  fixKinds: ["add-eval"],
  helpUri: ruleHelpUri("GL005"),
};

/** GL005: a model run under no_grad()/inference_mode() that is never put in eval mode. */
export const gl005MissingEval: Rule = { definition, check };

function check(context: RuleContext): RawFinding[] {
  const { file } = context;
  const findings: RawFinding[] = [];
  for (const v of moduleVariables(file, torchModelSites(file, context.analysis))) {
    if (callsEval(file, v)) continue;
    // Helpers that run the model count: under a guard at the call, or under one inside the helper.
    const helpers = helperRuns(file, v, context.analysis);
    if (helpers.some((h) => h.evalsInside)) continue;
    const guarded = [...inferenceCalls(file, v).filter((c) => file.isGuarded(c.place)), ...helpers.filter((h) => h.guardedInside || file.isGuarded(h.place))]
      .sort((a, b) => a.call.pos.startIndex - b.call.pos.startIndex);
    if (guarded.length === 0) continue;
    const first = guarded[0];
    const via = "helper" in first ? ` (through ${first.helper}())` : "";
    // The outermost guard around the call: a `with no_grad()` statement, or the first statement of a decorated function.
    const chain = [...first.place.ancestors, first.place.statement];
    const guardIndex = chain.findIndex((a) => (a.type === "with" && a.items.some((i) => file.isGradGuard(i.value))) || (a.type === "function" && a.decorators.some((d) => file.isGradGuard(d))));
    // A helper that guards inside: eval() goes before the statement that calls it.
    const guard = guardIndex >= 0 ? chain[guardIndex] : first.place.statement;
    let anchor: Statement | undefined = guard.type === "function" ? guard.body.find((s) => !(s.type === "expression" && s.value.type === "str")) : guard;
    let after = false;
    // A model built inside the guarded block is put in eval mode right after it is built.
    const built = file.places.find((p) => p.statement.type === "assign" && p.statement.targets.some((t) => t.type === "name" && t.id === v) && guardIndex >= 0 && chain.slice(guardIndex).some((a) => p.ancestors.includes(a)));
    if (built) {
      anchor = built.statement;
      after = true;
    }
    const fixes: Fix[] = [];
    if (anchor && file.startsLine(anchor) && file.endsLine(anchor)) {
      const line = `${file.source.indentation(anchor.pos.line - 1)}${v}.eval()`;
      fixes.push({ kind: "add-eval", title: `Call ${v}.eval() before inference`, edits: [after ? insertLinesAfter(file, anchor, [line]) : insertLinesBefore(file, anchor, [line])] });
    }
    findings.push({
      rule: "GL005",
      pos: first.call.pos,
      message: `'${v}' runs inference${via} without ${v}.eval(): Dropout stays active and BatchNorm keeps updating its statistics.`,
      fixes,
    });
  }
  return findings;
}
