import type { Statement } from "../python/ast";
import { IMPORT_TORCH, importEdit, wrapStatements } from "./edit-builders";
import { helperRuns, isModuleLevelName } from "./helper-runs";
import { generatesWithoutGrad, inferenceCalls, isEvalCall } from "./model-usage";
import { ruleHelpUri, type RawFinding, type Rule, type RuleContext } from "./rule-context";
import { callsInBody } from "../python/syntax-walk";
import { classNoGradMethods } from "./class-no-grad";
import type { Fix } from "./types";

const definition = {
  id: "GL002" as const,
  title: "Inference without torch.inference_mode()",
  defaultSeverity: "information" as const,
  rationale:
    "Outside no_grad()/inference_mode(), PyTorch records the autograd graph of every forward pass and keeps activations alive " +
    "for a backward pass that never comes: extra memory traffic and allocations for nothing. inference_mode() also skips " +
    "version counting and view tracking.",
  fixKinds: ["inference-mode"],
  helpUri: ruleHelpUri("GL002"),
};

/** GL002: a model put in eval mode and then run with autograd on. */
export const gl002NoGrad: Rule = { definition, check };

/** " (through predict())" when the first run is a helper's. */
function throughHelper(run: object): string {
  return "helper" in run ? ` (through ${String(run.helper)}())` : "";
}

/** The model a statement puts in eval mode: `m.eval()` / `m.train(False)`, or `m = m.eval()` (same name both sides). */
function evalStatementTarget(s: Statement): string | undefined {
  const call = s.type === "expression" ? s.value : s.type === "assign" && s.targets.length === 1 ? s.value : undefined;
  if (call?.type !== "call" || call.func.type !== "attribute" || !isEvalCall(call) || call.func.object.type !== "name") return undefined;
  const v = call.func.object.id;
  if (s.type === "assign" && !(s.targets[0].type === "name" && s.targets[0].id === v)) return undefined;
  return v;
}

function check(context: RuleContext): RawFinding[] {
  const { file } = context;
  const found: { variables: string[]; pos: RawFinding["pos"]; via: string; fixes: Fix[] }[] = [];
  for (const place of file.places) {
    const s = place.statement;
    // `model.eval()` as a statement, or `model = model.eval()` (eval returns the module itself): what follows in the
    // same block is inference.
    const v = evalStatementTarget(s);
    if (v === undefined) continue;
    if (file.isGuarded(place)) continue;
    const later = place.body.slice(place.index + 1);
    // A block that also trains (validation inside a training step) is left alone.
    if (callsInBody(later).some((c) => c.func.type === "attribute" && c.func.name === "backward")) continue;
    const topOf = (statementPlace: { statement: Statement; ancestors: Statement[] }): Statement | undefined => {
      const chain = [...statementPlace.ancestors, statementPlace.statement];
      const at = chain.findIndex((x) => later.includes(x));
      if (at < 0) return undefined;
      // Calls inside a nested def run elsewhere, not here.
      if (chain.slice(at).some((x) => x.type === "function" || x.type === "class")) return undefined;
      return chain[at];
    };
    // Direct calls, and calls of helpers that run the model with autograd on (`predict(model, x)`).
    // A model put in eval mode at module level is a global the file's functions can run (`def show(img): model(img)`).
    const global = place.ancestors.every((a) => a.type !== "function" && a.type !== "class") && isModuleLevelName(file, v);
    // A transformers model's generate() runs under no_grad already, as does a method its class decorates so.
    const noGradMethods = [...(generatesWithoutGrad(file, v) ? ["generate"] : []), ...classNoGradMethods(file, v, context.analysis)];
    const viaHelpers = helperRuns(file, v, context.analysis, { global, noGradMethods }).filter((h) => !h.guardedInside);
    // `m(x)` runs forward: a decorated forward runs without autograd too.
    const runsWithoutGrad = (name: string | undefined) => name !== undefined && noGradMethods.includes(name);
    const direct = inferenceCalls(file, v).filter(({ call }) => !runsWithoutGrad(call.func.type === "attribute" ? call.func.name : "forward"));
    const unguarded = [...direct, ...viaHelpers]
      .filter((c) => !file.runsWithoutGrad(c.place) && topOf(c.place) !== undefined)
      .sort((a, b) => a.call.pos.startIndex - b.call.pos.startIndex);
    if (unguarded.length === 0) continue;
    const tops = unguarded.map((c) => topOf(c.place)!);
    const first = Math.min(...tops.map((t) => later.indexOf(t)));
    const last = Math.max(...tops.map((t) => later.indexOf(t)));
    const wrapped = later.slice(first, last + 1);
    const fixes: Fix[] = [];
    if (!wrapped.some((x) => x.type === "function" || x.type === "class")) {
      const torch = file.localNameOf("torch");
      const wrap = wrapStatements(file, wrapped, `with ${torch ?? "torch"}.inference_mode():`);
      if (wrap) {
        const imports = torch ? undefined : importEdit(file, [IMPORT_TORCH]);
        fixes.push({ kind: "inference-mode", title: "Wrap the inference in `with torch.inference_mode():`", edits: imports ? [imports, ...wrap] : wrap });
      }
    }
    // Two models first run by one call (a helper that runs both) are one finding: one place, one wrap fixes both.
    const same = found.find((x) => x.pos.startIndex === unguarded[0].call.pos.startIndex);
    if (same) same.variables.push(v);
    else found.push({ variables: [v], pos: unguarded[0].call.pos, via: throughHelper(unguarded[0]), fixes });
  }
  return found.map(({ variables, pos, via, fixes }) => ({
    rule: "GL002",
    pos,
    message: `${variables.map((v) => `'${v}'`).join(" and ")} run${variables.length === 1 ? "s" : ""} in eval mode with autograd on${via}: wrap the inference in torch.inference_mode() (or no_grad()) so no graph is recorded and no activations are kept.`,
    fixes,
  }));
}
