// Greenlight report view, the page's entry: receives the model report by postMessage (the contract in
// src/vscode/report-messages.ts) and draws it with DOM and SVG built from data (textContent only, never innerHTML),
// styled with the theme's colours (media/report/report.css). No network access.
import { formatCount, formatFlops } from "../../core/report/format";
import type { ReportMessage, ToWebview } from "../../vscode/report-messages";
import { applyCalculator, estimateText, setOutput } from "./calculator";
import { groupChart, gridSection } from "./charts";
import { el } from "./dom";
import { post } from "./host";
import { moduleTree, treeSort } from "./module-tree";
import { energyLines, energySection, memorySection } from "./sections";

const app = document.getElementById("app") as HTMLElement;
let state: ReportMessage | null = null;

/** Tells the host what the page shows (heading, chart labels, tree rows, energy lines), for tests and logs. */
function shownView(treeRows: number): void {
  if (!state) return;
  const labels = (id: string) => [...document.querySelectorAll(`#${id} .group-label`)].map((node) => node.textContent ?? "");
  post({
    type: "viewShown",
    shown: { model: app.querySelector("h1")?.textContent ?? "", byBlock: labels("by-block"), byKind: labels("by-kind"), treeRows, sort: treeSort(), energy: energyLines() },
  });
}

function render(): void {
  if (!state) return;
  const { model } = state;
  const exportBar = el("div", { class: "toolbar" }, ["Export: "]);
  for (const [format, label] of [["markdown", "Markdown"], ["csv", "CSV"], ["json", "JSON"]] as const) {
    const button = el("button", { type: "button", "data-format": format }, [label]);
    button.addEventListener("click", () => post({ type: "export", format }));
    exportBar.append(button);
  }
  const inputs = model.inputs.map((i) => `${i.shape.join("×")} ${i.dtype}`).join(", ") || "none";
  const summary = el("p", { class: "summary" }, [`${formatCount(model.params)} params · ${formatFlops(model.flops)} · input ${inputs} (${model.inputSource})`]);
  const children: HTMLElement[] = [el("h1", {}, [model.name]), summary];
  // What the script applied to the model (quantized, cast, autocast): the figures below are of that model.
  if (state.applied) children.push(el("p", { class: "applied" }, [`Figures ${state.applied}.`]));
  if (!model.complete) {
    const c = model.coverage;
    const share = c ? ` (${Math.min(Math.floor(c.flopsShare * 100), c.flopsShare < 1 ? 99 : 100)}% of FLOPs from known shapes, estimated; ${c.layersKnown}/${c.layersTotal} layers)` : "";
    const where = (n: { file: string; line: number }) => `${n.file.split("/").pop()}:${n.line}`;
    children.push(el("p", { class: "warning" }, [`Partly resolved${share}: ${model.unresolved.map((n) => `${where(n)}: ${n.reason}`).join("; ")}`]));
  }
  const groups = state.groups;
  children.push(exportBar, el("div", { class: "charts" }, [groupChart("By block", groups.byBlock, "by-block"), groupChart("By kind of layer", groups.byKind, "by-kind")]));
  app.replaceChildren(...children);
  const tree = moduleTree(model, groups.tree, shownView);
  app.append(tree.section, energySection(state), memorySection(state), gridSection(state.grid));
  // Said once the whole page is drawn, so what it reports is what a user sees.
  shownView(tree.treeRows);
  applyCalculator(state.calculator);
}

// A value's origin label that names a line reveals that line in the editor.
const reveal = (target: EventTarget | null) => {
  const line = target instanceof Element ? target.closest("[data-line]")?.getAttribute("data-line") : null;
  if (line) post({ type: "revealLine", line: Number(line) });
  return Boolean(line);
};
app.addEventListener("click", (event) => reveal(event.target));
app.addEventListener("keydown", (event) => {
  if ((event.key === "Enter" || event.key === " ") && reveal(event.target)) event.preventDefault();
});

window.addEventListener("message", (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === "report") {
    state = message;
    render();
  } else if (message.type === "calculator") {
    if (!state) return;
    state.calculator = message.calculator;
    applyCalculator(message.calculator);
  } else if (message.type === "training") {
    setOutput(message.estimate ? estimateText(message.estimate) : message.message);
  }
});
post({ type: "ready" });
