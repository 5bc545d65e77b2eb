import type { Expression, Statement } from "../python/ast";
import { insertLinesAfter, insertLinesBefore } from "./edit-builders";
import { helperRuns, isModuleLevelName } from "./helper-runs";
import { isLossCriterion } from "./loss-criteria";
import { callsEval, entryCallee, inferenceCalls, moduleVariables, rootClass, torchModelSites } from "./model-usage";
import type { ModelReport } from "../report/model-report";
import type { AnalysisResult } from "../analysis-result";
import type { ModelSite } from "./model-usage";
import type { PythonFile } from "./python-file";
import { calleeName, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
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

/** Layers whose forward differs between train() and eval() at their defaults (PyTorch docs, Module.train): dropout
 *  of any kind (Transformer layers default to dropout 0.1), and batch norms. RNNs, MultiheadAttention (dropout 0) and
 *  InstanceNorm (no running statistics) compute the same in both modes unless told otherwise. */
const DROPOUT_LAYER = /Dropout|^Transformer(Encoder|Decoder)?(Layer)?$/;
const NORM_LAYER = /BatchNorm/;

/** What eval() would change in a model, in words; "" when its report is complete and nothing would change. The
 *  analysis runs forward in eval mode, so `F.dropout(x, training=self.training)` leaves no op: the forward code of
 *  the model's classes defined in this file is read for dropout calls and `self.training` instead. */
function modeDependence(model: ModelReport | undefined, file: PythonFile): string | undefined {
  if (!model || !model.complete) return undefined;
  const types = new Set(model.layers.map((l) => l.type));
  const classText = file.syntax.body
    .filter((s): s is Extract<Statement, { type: "class" }> => s.type === "class" && types.has(s.name))
    .map((s) => file.text(s.pos))
    .join("\n");
  const dropout = [...types].some((t) => DROPOUT_LAYER.test(t)) || model.ops.some((o) => /dropout/.test(o.op)) || /\bdropout\w*\s*\(|\bself\.training\b/.test(classText);
  const norm = [...types].find((t) => NORM_LAYER.test(t)) ?? (model.ops.some((o) => /batch_norm/.test(o.op)) || /\bbatch_norm\s*\(/.test(classText) ? "BatchNorm" : undefined);
  return [dropout ? "Dropout stays active" : "", norm ? `${norm} keeps updating its running statistics` : ""].filter((p) => p !== "").join(" and ");
}

/** Builtins a layer's code calls that build no module. */
const BUILTINS = new Set(["super", "range", "len", "int", "float", "bool", "str", "list", "dict", "tuple", "zip", "enumerate", "min", "max", "sum", "abs", "round", "print", "getattr", "setattr", "hasattr", "isinstance"]);

/** What eval() would change in a model the analyzer could not build, read from its class in this file: "" when
 *  every module its classes build is a torch.nn layer with no mode dependence; undefined when any call could build
 *  something else (a class or function from elsewhere), or its code reads `self.training` or calls dropout itself. */
function classModeDependence(file: PythonFile, className: string, seen: Set<string> = new Set()): string | undefined {
  const cls = file.syntax.body.find((x): x is Extract<Statement, { type: "class" }> => x.type === "class" && x.name === className);
  if (!cls || seen.has(className)) return cls ? "" : undefined;
  seen.add(className);
  if (/\bdropout\w*\s*\(|\bself\.training\b|\bbatch_norm\s*\(/.test(file.text(cls.pos))) return undefined;
  let known = true;
  let dropout = false;
  let norm: string | undefined;
  forEachStatement(cls.body, (place) => {
    for (const e of ownExpressions(place.statement)) {
      forEachExpression(e, (x) => {
        if (!known || x.type !== "call") return;
        if (x.func.type === "name" && BUILTINS.has(x.func.id)) return;
        const q = file.qualify(x.func);
        if (q === undefined) return;
        // A method of a local object (`self.fc(x)`, `x.view(...)`), not of an import: its modules are built elsewhere in the class.
        let head: Expression = x.func;
        while (head.type === "attribute") head = head.object;
        if (x.func.type === "attribute" && (head.type !== "name" || (file.qualify(head) === head.id && file.localNameOf(head.id) === undefined))) return;
        const last = q.slice(q.lastIndexOf(".") + 1);
        if (q.startsWith("torch.") && !q.startsWith("torch.nn.") && !/^[A-Z]/.test(last)) return;
        if (q.startsWith("torch.nn.functional.") || q === `torch.nn.${last}` || q.startsWith("torch.nn.modules.")) {
          if (DROPOUT_LAYER.test(last)) dropout = true;
          else if (NORM_LAYER.test(last)) norm ??= last;
          else if (/^[a-z]/.test(last) && /dropout|batch_norm/.test(last)) known = false;
          return;
        }
        const inner = x.func.type === "name" ? classModeDependence(file, x.func.id, seen) : undefined;
        if (inner === undefined) known = false;
        else if (inner !== "") {
          if (/Dropout/.test(inner)) dropout = true;
          norm ??= /(\w*BatchNorm\w*)/.exec(inner)?.[1];
        }
      });
    }
  });
  if (!known) return undefined;
  return [dropout ? "Dropout stays active" : "", norm ? `${norm} keeps updating its running statistics` : ""].filter((p) => p !== "").join(" and ");
}

/** The model report of a module-level variable: the report named after it, else one of the class it is built from. */
function modelOf(file: string, variable: string, sites: ModelSite[], analysis: AnalysisResult | undefined): ModelReport | undefined {
  const models = (analysis?.models ?? []).filter((m) => m.file === file);
  const named = models.find((m) => m.name === variable);
  if (named) return named;
  const callees = new Set(sites.filter((s) => s.variable === variable).map((s) => calleeName(s.call)));
  const built = models.filter((m) => callees.has(entryCallee(m)) || callees.has(rootClass(m)));
  // Two reports of one class may differ by constructor arguments: only agree when there is one.
  return built.length === 1 ? built[0] : undefined;
}

function check(context: RuleContext): RawFinding[] {
  const { file } = context;
  const findings: RawFinding[] = [];
  const sites = torchModelSites(file, context.analysis);
  for (const v of moduleVariables(file, sites)) {
    if (callsEval(file, v)) continue;
    // A loss criterion (its output is what backward() differentiates) is not a model run for inference.
    if (isLossCriterion(file, v)) continue;
    // A model with no Dropout, norm or other mode-dependent layer computes the same in both modes: nothing to flag.
    const report = modelOf(file.path, v, sites, context.analysis);
    const classes = [...new Set(sites.filter((x) => x.variable === v).map((x) => calleeName(x.call)))];
    const changes = modeDependence(report, file) ?? (classes.length === 1 && classes[0] ? classModeDependence(file, classes[0]) : undefined);
    if (changes === "") continue;
    // Helpers that run the model count: under a guard at the call, or under one inside the helper.
    const helpers = helperRuns(file, v, context.analysis, { global: isModuleLevelName(file, v) });
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
      message: `'${v}' runs inference${via} without ${v}.eval(): ${changes ?? "its layers are not known here, and any Dropout would stay active and any BatchNorm would keep updating its statistics"}.`,
      fixes,
    });
  }
  return findings;
}
