// The report's charts: FLOPs and parameters per group, and the grid's carbon-intensity forecast.
import { formatCount, formatFlops } from "../../core/report/format";
import type { GridForecastView } from "../../vscode/report-messages";
import { el, svg } from "./dom";

/** One row of a grouped chart (a block, a run of repeated blocks, a kind of layer). */
export interface ChartRow {
  label: string;
  params: number;
  flops: number;
}

/**
 * A grouped chart: one row per group, its full name on its own line, and two bars, FLOPs and parameters, each against
 * the largest of its measure.
 */
export function groupChart(title: string, rows: readonly ChartRow[], id: string): HTMLElement {
  const figure = el("figure", { class: "chart", id }, [el("figcaption", {}, [title])]);
  const shown = rows.filter((row) => row.flops > 0 || row.params > 0);
  if (shown.length === 0) {
    figure.append(el("p", { class: "muted" }, ["Nothing to draw."]));
    return figure;
  }
  const maxFlops = Math.max(1, ...shown.map((row) => row.flops));
  const maxParams = Math.max(1, ...shown.map((row) => row.params));
  figure.append(el("p", { class: "legend muted" }, [el("span", { class: "swatch flops" }), " FLOPs  ", el("span", { class: "swatch params" }), " parameters"]));
  const list = el("ul", { class: "groups", role: "list" });
  const bar = (value: number, max: number, kind: string, text: string) =>
    el("div", { class: "bar-row" }, [
      el("div", { class: "track" }, [el("div", { class: `fill ${kind}`, style: `width: ${Math.max(value > 0 ? 0.5 : 0, (100 * value) / max).toFixed(2)}%` })]),
      el("span", { class: "value" }, [text]),
    ]);
  for (const row of shown) {
    list.append(
      el("li", { class: "group", "aria-label": `${row.label}: ${formatFlops(row.flops)}, ${formatCount(row.params)} parameters` }, [
        el("div", { class: "group-label" }, [row.label]),
        el("div", { class: "bars" }, [bar(row.flops, maxFlops, "flops", formatFlops(row.flops)), bar(row.params, maxParams, "params", formatCount(row.params))]),
      ]),
    );
  }
  figure.append(list);
  return figure;
}

/** The grid's forecast as a step line over time, the greenest window shaded. */
export function gridSection(grid: GridForecastView | null): HTMLElement {
  const section = el("section", {}, [el("h2", {}, ["Grid carbon intensity"])]);
  if (!grid || grid.slots.length === 0) {
    section.append(el("p", { class: "muted" }, [grid?.note ?? "No grid forecast available (set a region and a provider in the grid settings)."]));
    return section;
  }
  const width = 600, height = 160, pad = 32;
  const t0 = grid.slots[0].start, t1 = grid.slots[grid.slots.length - 1].end;
  const max = Math.max(...grid.slots.map((s) => s.gco2PerKwh)) * 1.1 || 1;
  const x = (t: number) => pad + ((width - 2 * pad) * (t - t0)) / Math.max(1, t1 - t0);
  const y = (v: number) => height - pad + 8 - ((height - pad) * v) / max;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "grid intensity forecast", class: "grid" });
  if (grid.greenest) {
    chart.append(svg("rect", { x: x(grid.greenest.start), y: 4, width: Math.max(2, x(grid.greenest.end) - x(grid.greenest.start)), height: height - pad, class: "greenest" }));
  }
  let d = "";
  for (const s of grid.slots) d += `${d ? "L" : "M"}${x(s.start).toFixed(1)},${y(s.gco2PerKwh).toFixed(1)}L${x(s.end).toFixed(1)},${y(s.gco2PerKwh).toFixed(1)}`;
  chart.append(svg("path", { d, class: "intensity" }));
  const axis = (text: string, px: number, py: number, anchor: string) => {
    const t = svg("text", { x: px, y: py, "text-anchor": anchor, class: "label" });
    t.textContent = text;
    return t;
  };
  const time = (t: number) => new Date(t).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  chart.append(axis(time(t0), pad, height - 4, "start"), axis(time(t1), width - pad, height - 4, "end"), axis(`${Math.round(max)} gCO2e/kWh`, 2, 14, "start"));
  section.append(chart);
  if (grid.greenest) {
    section.append(el("p", { class: "headline" }, [`Greenest window: ${time(grid.greenest.start)} – ${time(grid.greenest.end)}, ${Math.round(grid.greenest.gco2PerKwh)} gCO2e/kWh (${grid.provider}, ${grid.region})`]));
  }
  return section;
}
