import type * as vscode from "vscode";
import type { HttpClient } from "../core/grid/http";
import { registerGridSurfaces, type GridSurfaces } from "./grid/grid-surfaces";
import type { HostBits } from "./activate";
import type { ReadOnlyDocuments } from "./read-only-documents";

/**
 * Host bits that wire the grid module (status bar, commands, forecast) in, over the host's HTTP client. Every
 * surface reads the one value the status bar shows (the snapshot's current reading), so the CodeLens, hover and
 * report never disagree with it; they are told when it changes. The grid surfaces belong to the activation that
 * registered them (held here, not in a module-level variable).
 */
export function gridHostBits(kind: HostBits["kind"], http: HttpClient): HostBits {
  let grid: GridSurfaces | undefined;
  const listeners = new Set<() => void>();
  return {
    kind,
    registerExtraSurfaces: (context: vscode.ExtensionContext, log: vscode.LogOutputChannel, documents: ReadOnlyDocuments) => {
      const surfaces = registerGridSurfaces(context, log, http, documents);
      grid = surfaces;
      context.subscriptions.push(
        surfaces,
        surfaces.onDidChangeReading(() => {
          for (const listener of listeners) listener();
        }),
        { dispose: () => grid === surfaces && (grid = undefined) },
      );
    },
    gridForecast: async () => grid?.forecastView(),
    gridIntensity: () => grid?.reading(),
    gridStatus: () => grid?.statusShown(),
    onDidChangeGridIntensity: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
}
