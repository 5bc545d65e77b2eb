import * as vscode from "vscode";
import { precisions, type Precision } from "../core/config";
import type { ModelReport } from "../core/report/model-report";
import type { AnalysisResult } from "../core/analyze";
import type { ModelsViewNode } from "./models-view";
import { inputsText } from "./diagnostics";
import { knownHardware } from "./energy-bridge";
import { summaryLine } from "./model-summary";
import { modelAtLine } from "./model-lookup";
import { fixAllInFile } from "./fix-all";
import { analyzeWorkspace } from "./analyze-workspace";
import { activePythonDocument } from "./notebook-cells";
import { checkInputsText, inputPragmaEdit } from "./pragma";
import type { ExportFormat } from "./report-export";
import type { Services } from "./services";
import { announceWorkspaceChoice } from "./settings";

/** The Python document a command acts on: the URI passed in, else the active editor's (or notebook cell's). */
async function targetDocument(uri?: vscode.Uri | string): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  // Command links in hovers pass their arguments as JSON: the URI comes as its string.
  if (typeof uri === "string") return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  return activePythonDocument();
}

/** The model a command acts on: by name or line when given, else the one at the cursor. */
async function targetModel(services: Services, uri?: vscode.Uri | string, name?: string, line?: number): Promise<{ document: vscode.TextDocument; model: ModelReport; result: AnalysisResult } | undefined> {
  const document = await targetDocument(uri);
  if (!document) {
    void vscode.window.showInformationMessage("Greenlight: open a Python file with a model first.");
    return undefined;
  }
  const engine = await services.start();
  // A save (the file changed on disk) or an edit while this waits supersedes the run: follow it to the latest.
  const analysis = await engine.analyzeLatest(document);
  if (!analysis) {
    void vscode.window.showWarningMessage(`Greenlight could not analyze ${document.uri.path.split("/").pop()}: see the Greenlight output for why.`);
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const cursorLine = line ?? (editor?.document === document ? editor.selection.active.line + 1 : 1);
  // By name first: a line given when a quick fix or CodeLens was offered may have moved since (typing above it).
  const named = name !== undefined ? analysis.result.models.filter((m) => m.name === name) : [];
  const model =
    named.find((m) => line === undefined || m.line === line) ?? (named.length === 1 ? named[0] : undefined) ?? modelAtLine(analysis.result, document.uri.path, cursorLine);
  if (!model) {
    void vscode.window.showInformationMessage(`Greenlight found no model in ${document.uri.path.split("/").pop()}.`);
    return undefined;
  }
  return { document, model, result: analysis.result };
}


/** Registers every `greenlight.*` command of package.json (grid commands come from the grid module). */
export function registerCommands(services: Services): vscode.Disposable[] {
  const { store, report, log } = services;
  const register = (id: string, handler: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        // Logged with its stack, then rethrown: VS Code shows it to the user and callers (tests) see it.
        log.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        throw error;
      }
    });

  return [
    register("greenlight.showReport", async (uri?: vscode.Uri, name?: string, line?: number) => {
      const target = await targetModel(services, uri, name, line);
      if (!target) return undefined;
      report.show(target.model, target.document, target.result);
      return target.model.name;
    }),

    // The models view's inline action: its node carries the model.
    register("greenlight.models.showReport", (node?: ModelsViewNode) =>
      node?.kind === "model" ? vscode.commands.executeCommand("greenlight.showReport", node.uri, node.model.name, node.model.line) : undefined,
    ),

    register("greenlight.estimateModelAtCursor", async (uri?: vscode.Uri, line?: number) => {
      const target = await targetModel(services, uri, undefined, line);
      if (!target) return undefined;
      const text = summaryLine(target.model);
      void vscode.window.showInformationMessage(`Greenlight: ${text}`, "Show Report").then((choice) => {
        if (choice) report.show(target.model, target.document, target.result);
      });
      return { name: target.model.name, params: target.model.params, flops: target.model.flops, complete: target.model.complete, text };
    }),

    register("greenlight.setInputShape", async (uri?: vscode.Uri | string, line?: number, inputs?: string | null, name?: string) => {
      const target = await targetModel(services, uri, name, line);
      if (!target) return false;
      const current = inputsText(target.model.inputs);
      const text =
        inputs ??
        (await vscode.window.showInputBox({
          title: `Input shape of ${target.model.name}`,
          prompt: "Dims separated by x; several inputs separated by ;. Written as a # greenlight: input=... line above the model.",
          // The model's own input, else the core's advice from the layers that read it; with neither, no shape is
          // guessed (an image shape for a language model): the box starts empty and its placeholder names the forms.
          value: current || target.model.needs?.input || "",
          placeHolder: "e.g. 1x128:int64 (token ids), 1x80x3000 (audio frames), 1x3x224x224 (images)",
          validateInput: checkInputsText,
        }));
      if (text === undefined) return false;
      const problem = checkInputsText(text);
      if (problem) throw new Error(`'${text}' is not an input shape: ${problem}`);
      const edit = new vscode.WorkspaceEdit();
      edit.set(target.document.uri, [inputPragmaEdit(target.document, target.model.line, text.trim())]);
      return vscode.workspace.applyEdit(edit);
    }),

    register("greenlight.selectHardware", async (hardware?: string) => {
      const profiles = knownHardware();
      const picked =
        hardware ??
        (
          await vscode.window.showQuickPick(
            profiles.map((p) => ({ label: p.id, description: p.name, picked: p.id === store.valuesFor(activePythonDocument()?.uri).hardware })),
            { title: "Hardware for Greenlight's energy estimates", placeHolder: store.valuesFor(activePythonDocument()?.uri).hardware },
          )
        )?.label;
      if (!picked) return undefined;
      const choice = profiles.find((p) => p.id === picked.toLowerCase())?.id;
      if (!choice) throw new Error(`unknown hardware '${picked}' (known: ${profiles.map((p) => p.id).join(", ")})`);
      announceWorkspaceChoice("hardware", choice, await store.choose("hardware", choice, activePythonDocument()?.uri));
      return store.valuesFor(activePythonDocument()?.uri).hardware;
    }),

    register("greenlight.selectPrecision", async (precision?: Precision) => {
      const choice =
        precision ??
        ((await vscode.window.showQuickPick([...precisions], { title: "Numeric precision for Greenlight's energy estimates", placeHolder: store.valuesFor(activePythonDocument()?.uri).precision })) as
          | Precision
          | undefined);
      if (!choice) return undefined;
      if (!precisions.includes(choice)) throw new Error(`unknown precision '${choice}' (one of ${precisions.join(", ")})`);
      announceWorkspaceChoice("precision", choice, await store.choose("precision", choice, activePythonDocument()?.uri));
      return store.valuesFor(activePythonDocument()?.uri).precision;
    }),

    register("greenlight.refresh", async () => {
      const engine = await services.start();
      engine.invalidate();
      await services.refreshOpenDocuments();
      return true;
    }),

    register("greenlight.exportReport", async (format?: ExportFormat) => {
      const chosen = format ?? ((await vscode.window.showQuickPick(["markdown", "csv", "json"], { title: "Export the report as" })) as ExportFormat | undefined);
      if (!chosen) return undefined;
      const text = report.exportText(chosen);
      if (text === undefined) throw new Error("open a report first (Greenlight: Show Report)");
      const document = await vscode.workspace.openTextDocument({ content: text, language: chosen === "csv" ? "plaintext" : chosen });
      await vscode.window.showTextDocument(document);
      return text;
    }),

    register("greenlight.calibrateToMeasuredRuns", () => report.calibrateShown()),

    register("greenlight.clearCalibration", async () => {
      await report.clearCalibration();
      return true;
    }),

    register("greenlight.analyzeWorkspace", () => analyzeWorkspace(services)),

    register("greenlight.fixAllInFile", async (uri?: vscode.Uri) => {
      const document = await targetDocument(uri);
      return document ? fixAllInFile(await services.start(), document) : 0;
    }),

    register("greenlight.openSample", async () => {
      // A read-only copy: the walkthrough never writes into the user's workspace, and closing it asks nothing.
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(services.context.extensionUri, "media", "walkthrough", "sample_model.py"));
      const document = await services.documents.open("/sample_model.py", new TextDecoder("utf-8").decode(bytes));
      await vscode.window.showTextDocument(document);
      return document.uri.toString();
    }),
  ];
}
