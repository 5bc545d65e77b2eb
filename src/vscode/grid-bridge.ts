import type * as vscode from "vscode";
import type { HttpClient } from "../core/grid/http";
import { gridForecastView, gridReading, onDidChangeGridReading, registerGridSurfaces } from "./grid/grid-surfaces";
import type { HostBits } from "./activate";
import type { ReadOnlyDocuments } from "./read-only-documents";

/**
 * Host bits that wire the grid module (status bar, commands, forecast) in, over the host's HTTP client. Every
 * surface reads the one value the status bar shows (the snapshot's current reading), so the CodeLens, hover and
 * report never disagree with it; they are told when it changes.
 */
export function gridHostBits(kind: HostBits["kind"], http: HttpClient): HostBits {
  return {
    kind,
    registerExtraSurfaces: (context: vscode.ExtensionContext, log: vscode.LogOutputChannel, documents: ReadOnlyDocuments) => {
      context.subscriptions.push(registerGridSurfaces(context, log, http, documents));
    },
    gridForecast: () => gridForecastView(),
    gridIntensity: () => gridReading(),
    onDidChangeGridIntensity: (listener) => onDidChangeGridReading(() => listener()),
  };
}
