import * as vscode from "vscode";
import { ignoreInFileEdit, ignoreOnLineEdit } from "../core/rules/suppression";
import type { Finding, RuleId, TextEdit, TextRange } from "../core/rules/types";
import type { AnalysisEngine, DocumentAnalysis } from "./analysis-engine";
import { DIAGNOSTIC_SOURCE, UNRESOLVED_CODE, inputsText, unresolvedLine } from "./diagnostics";
import { checkInputsText, inputPragmaEdit, pragmaSettingsEdit } from "./pragma";
import type { ConstructorNeed } from "../core/report/model-report";

/** A rule fix's edits as a WorkspaceEdit (edits name their file by path; this document's path maps to its URI). */
export function fixEdit(document: vscode.TextDocument, edits: Finding["fixes"][number]["edits"]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) {
    const uri = change.file === document.uri.path ? document.uri : document.uri.with({ path: change.file });
    edit.replace(uri, editorRange(change.range), change.newText);
  }
  return edit;
}

function editorRange(range: TextRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

/**
 * What finds a rule fix again in a later version of the document. Not the range (an edit above moves it) nor the
 * message (GL001's carries figures that change when other layers do): the rule, the code the finding is about, and
 * which of the findings alike it is, in document order.
 */
export interface RuleFixTarget {
  uri: string;
  /** The document version the action was offered for. */
  version: number;
  rule: string;
  /** The document text the finding's range covered when offered (the call, the model line). */
  subject: string;
  /** Its index among the findings of this rule on the same subject text, in document order. */
  ordinal: number;
  /** `Fix.kind`: stable across versions, where the order of a finding's fixes need not be. */
  fixKind: string;
}

/** What finds the model of an input-pragma fix again: its name, and the inputs the title promised to write. */
export interface PinInputTarget {
  uri: string;
  version: number;
  model: string;
  inputs: string;
}

/** A rule fix offered without its edit: `resolveCodeAction` computes it against the document as it is then. */
export class RuleFixAction extends vscode.CodeAction {
  constructor(
    title: string,
    readonly target: RuleFixTarget,
  ) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

/** "Pin the input ..." offered without its edit, for the same reason. */
export class PinInputAction extends vscode.CodeAction {
  constructor(
    title: string,
    readonly target: PinInputTarget,
  ) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The text a finding is about in this document (which must be the version the finding was computed from). */
function subjectOf(document: vscode.TextDocument, finding: Finding): string {
  return document.getText(editorRange(finding.range));
}

/** The findings of `rule` in this document about `subject`, in document order. */
function alike(document: vscode.TextDocument, findings: Finding[], rule: string, subject: string): Finding[] {
  return findings.filter((f) => f.rule === rule && f.file === document.uri.path && subjectOf(document, f) === subject).sort(byPosition);
}

/** Where a held action was offered, for messages (`conv_bn.py v3`). */
function describeTarget(target: { uri: string; version: number }): string {
  return `${target.uri.slice(target.uri.lastIndexOf("/") + 1)} v${target.version}`;
}

/** Why an edit could not be computed; `undefined` reason: cancelled, nothing to say. */
type Resolution = { edit: vscode.WorkspaceEdit } | { reason: string | undefined };

/**
 * Quick fixes for Greenlight's diagnostics: each rule fix (quantize, prune, inference_mode...), "fix all" for the
 * file, and for a partly resolved model: pin the input it was estimated with, or set another. Diagnostics reach
 * this provider as copies, so findings are matched by rule id and range against the document's current analysis.
 *
 * Edits are computed lazily, in `resolveCodeAction`, against the analysis of the document's version at that time:
 * a client may hold an action while the user types, and ranges of the version it was offered for would land on the
 * wrong code. The finding is found again by what it is about (RuleFixTarget); when it is gone, nothing is applied.
 */
export class GreenlightCodeActionProvider implements vscode.CodeActionProvider {
  /** "Quantize this layer" / "Prune this layer" on a layer's own line: a rewrite offered without a diagnostic. */
  static readonly layerKind = vscode.CodeActionKind.RefactorRewrite.append("greenlight.layer");
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, GreenlightCodeActionProvider.layerKind] };

  constructor(
    private readonly engine: Pick<AnalysisEngine, "peek" | "analyze">,
    /** Where a fix that could not be applied is explained (Greenlight's log); the user also gets a message. */
    private readonly log?: Pick<vscode.LogOutputChannel, "info">,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    // The cached result, else the current version's run: files elsewhere changing (a checkout, an indexer) drop the
    // cache while the diagnostics stay shown, and the light bulb must still offer their fixes.
    const analysis = this.engine.peek(document) ?? (await this.engine.analyze(document, token));
    // Ranges and subjects below are read from this document: only the version the analysis came from will do.
    if (token.isCancellationRequested || !analysis || analysis.version !== document.version) return [];
    const actions: vscode.CodeAction[] = [];
    let ruleDiagnostics = 0;
    // A model with several unresolved notes on one line has several hints there: its input fixes are offered once.
    const modelsOffered = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = codeOf(diagnostic);
      if (code === UNRESOLVED_CODE) {
        actions.push(...this.inputActions(document, diagnostic, analysis, modelsOffered));
        continue;
      }
      const finding = analysis.findings.find(
        (f) =>
          f.rule === code &&
          f.file === document.uri.path &&
          f.range.start.line === diagnostic.range.start.line &&
          f.range.start.character === diagnostic.range.start.character,
      );
      if (!finding) continue;
      ruleDiagnostics++;
      const subject = subjectOf(document, finding);
      const ordinal = alike(document, analysis.findings, finding.rule, subject).indexOf(finding);
      finding.fixes.forEach((fix, index) => {
        const target: RuleFixTarget = {
          uri: document.uri.toString(),
          version: document.version,
          rule: finding.rule,
          subject,
          ordinal,
          fixKind: fix.kind,
        };
        const action = new RuleFixAction(`${fix.title} (${finding.rule})`, target);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        actions.push(action);
      });
      actions.push(...this.ignoreActions(document, diagnostic, finding.rule as RuleId));
    }
    // The edits are of this very version (checked above), so they go with the action.
    for (const layer of analysis.result.layerActions ?? []) {
      if (layer.line - 1 < range.start.line || layer.line - 1 > range.end.line) continue;
      for (const fix of layer.fixes) {
        const action = new vscode.CodeAction(fix.title, GreenlightCodeActionProvider.layerKind);
        action.edit = fixEdit(document, fix.edits);
        actions.push(action);
      }
    }
    const fixable = analysis.findings.filter((f) => f.fixes.length > 0 && f.file === document.uri.path);
    if (ruleDiagnostics > 0 && fixable.length > 1) {
      // The command reads the document when it runs, so it needs no resolving.
      const all = new vscode.CodeAction(`Fix all ${fixable.length} Greenlight findings in this file`, vscode.CodeActionKind.QuickFix);
      all.command = { command: "greenlight.fixAllInFile", title: all.title, arguments: [document.uri] };
      actions.push(all);
    }
    return actions;
  }

  /** Sets the action's edit from the analysis of the document as it is now; leaves it without one when stale. */
  async resolveCodeAction(action: vscode.CodeAction, token: vscode.CancellationToken): Promise<vscode.CodeAction> {
    if (!(action instanceof RuleFixAction) && !(action instanceof PinInputAction)) return action;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === action.target.uri && !d.isClosed);
    let resolution: Resolution;
    if (!document) {
      resolution = { reason: "its document was closed" };
    } else {
      const analysis = await this.currentAnalysis(document, token);
      if (token.isCancellationRequested) resolution = { reason: undefined };
      else if (!analysis) resolution = { reason: "the document kept changing while Greenlight analyzed it" };
      else resolution = action instanceof RuleFixAction ? this.ruleFix(document, analysis, action.target) : this.pinInput(document, analysis, action.target);
    }
    if ("edit" in resolution) {
      action.edit = resolution.edit;
    } else if (resolution.reason !== undefined) {
      const why = `"${action.title}" was not applied: ${resolution.reason}.`;
      this.log?.info(`quick fix offered for ${describeTarget(action.target)} ${why}`);
      void vscode.window.showInformationMessage(`Greenlight: ${why}`);
    }
    return action;
  }

  /**
   * The analysis of the document's current version: cached, else awaited. An edit during the wait cancels that
   * run (the engine only hands out the current version's result), so it asks again a few times, then gives up.
   */
  private async currentAnalysis(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<DocumentAnalysis | undefined> {
    for (let attempt = 0; attempt < 3 && !token.isCancellationRequested && !document.isClosed; attempt++) {
      const analysis = this.engine.peek(document) ?? (await this.engine.analyze(document, token));
      if (analysis && analysis.version === document.version) return analysis;
    }
    return undefined;
  }

  private ruleFix(document: vscode.TextDocument, analysis: DocumentAnalysis, target: RuleFixTarget): Resolution {
    const finding = alike(document, analysis.findings, target.rule, target.subject)[target.ordinal];
    if (!finding) return { reason: `the ${target.rule} finding it fixes is no longer in the code (it was changed since)` };
    const fix = finding.fixes.find((f) => f.kind === target.fixKind);
    if (!fix) return { reason: `${target.rule} no longer offers that fix for this code` };
    return { edit: fixEdit(document, fix.edits) };
  }

  private pinInput(document: vscode.TextDocument, analysis: DocumentAnalysis, target: PinInputTarget): Resolution {
    const path = document.uri.path;
    const model = analysis.result.models.find((m) => m.file === path && m.name === target.model && m.unresolved.length > 0);
    if (!model) return { reason: `${target.model} is no longer a partly resolved model in this file` };
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, [inputPragmaEdit(document, model.line, target.inputs)]);
    return { edit };
  }

  /** "Disable GL00x for this line / file": the suppression pragma, written where the rules read it. */
  private ignoreActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, rule: RuleId): vscode.CodeAction[] {
    const text = document.getText();
    const path = document.uri.path;
    return [
      [`Disable ${rule} for this line`, ignoreOnLineEdit(text, diagnostic.range.start.line, rule, path)],
      [`Disable ${rule} for this file`, ignoreInFileEdit(text, rule, path)],
    ].map(([title, change]) => {
      const action = new vscode.CodeAction(title as string, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = fixEdit(document, [change as TextEdit]);
      return action;
    });
  }

  private inputActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, analysis: DocumentAnalysis, modelsOffered: Set<string>): vscode.CodeAction[] {
    const path = document.uri.path;
    const model = analysis.result.models.find(
      (m) => m.file === path && m.unresolved.some((note) => unresolvedLine(note, m.line, path) === diagnostic.range.start.line),
    );
    if (!model || modelsOffered.has(`${model.name}:${model.line}`)) return [];
    modelsOffered.add(`${model.name}:${model.line}`);
    if (model.needs) return [entryAction(document, diagnostic, model.name, model.line, model.needs)];
    const actions: vscode.CodeAction[] = [];
    const inputs = inputsText(model.inputs);
    if (inputs) {
      // Writing down the input the estimate assumed makes the assumption visible and editable.
      const target: PinInputTarget = { uri: document.uri.toString(), version: document.version, model: model.name, inputs };
      const pin = new PinInputAction(`Pin the input ${model.name} was estimated with (${inputs})`, target);
      pin.diagnostics = [diagnostic];
      actions.push(pin);
    }
    const ask = new vscode.CodeAction(`Set the input shape of ${model.name}…`, vscode.CodeActionKind.QuickFix);
    ask.diagnostics = [diagnostic];
    ask.command = { command: "greenlight.setInputShape", title: ask.title, arguments: [document.uri, model.line, undefined, model.name] };
    actions.push(ask);
    return actions;
  }
}

/**
 * "Build X with an entry": writes `# greenlight: entry=X(...)` (and the input its first layer suggests) above a
 * class that needs constructor arguments, prefilled from its signature and the file; `...` marks values to fill in.
 */
export function entryAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, name: string, line: number, needs: ConstructorNeed): vscode.CodeAction {
  const settings: [string, string][] = [["entry", needs.entry]];
  // A hint with a placeholder (1xCx3000: C is the first layer's channels) is said in the title, not written.
  if (needs.input && checkInputsText(needs.input) === undefined) settings.push(["input", needs.input]);
  const action = new vscode.CodeAction(`Build ${name} with '# greenlight: entry=${needs.entry}'${needs.entry.includes("...") ? " (fill in the ...)" : ""}`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(document.uri, [pragmaSettingsEdit(document, line, settings)]);
  return action;
}
