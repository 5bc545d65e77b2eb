import type * as vscode from "vscode";
import type { HttpClient } from "../core/grid/http";
import type { IntensitySource } from "./energy-bridge";
import { gridForecastView, registerGridSurfaces } from "./grid/grid-surfaces";
import type { HostBits } from "./activate";
import type { GridForecastView } from "./report-panel";

/** The slot of the forecast that covers `now`, as an intensity with its source. */
function intensityAt(view: GridForecastView | undefined, now: number): IntensitySource | undefined {
  const slot = view?.slots.find((s) => s.start <= now && now < s.end);
  if (!view || !slot) return undefined;
  return { gco2PerKwh: slot.gco2PerKwh, source: `${view.provider} grid, ${view.region}, now` };
}

/** Host bits that wire the grid module (status bar, commands, forecast) in, over the host's HTTP client. */
export function gridHostBits(kind: HostBits["kind"], http: HttpClient): HostBits {
  let latest: IntensitySource | undefined;
  const refresh = () =>
    gridForecastView().then(
      (view) => (latest = intensityAt(view, Date.now()) ?? latest),
      () => undefined,
    );
  return {
    kind,
    registerExtraSurfaces: (context: vscode.ExtensionContext, log: vscode.LogOutputChannel) => {
      context.subscriptions.push(registerGridSurfaces(context, log, http));
    },
    gridForecast: async () => {
      const view = await gridForecastView();
      latest = intensityAt(view, Date.now()) ?? latest;
      return view;
    },
    gridIntensity: () => {
      // Synchronous for the CodeLens: the last known value, refreshed in the background.
      void refresh();
      return latest;
    },
  };
}
