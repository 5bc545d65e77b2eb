// The module tree: a treegrid whose rows are drawn only for open nodes (a model with 1,000 layers starts with its
// top-level modules), sortable by parameters, FLOPs or name, with figures aggregated per node.
import { formatCount, formatFlops } from "../../core/report/format";
import type { ModelReport } from "../../core/report/model-report";
import type { ModuleNode } from "../../core/report/module-groups";
import { el } from "./dom";

/** How the module tree is ordered and which nodes are open; kept across redraws of the same model. */
const treeState = { sort: "source", open: new Set([""]), model: "" };

/** The tree's order now ("source", "flops", "params" or "name"). */
export function treeSort(): string {
  return treeState.sort;
}

/** The tree's section; `drawn` is told how many rows it shows after each redraw the user asks for (sort, open). */
export function moduleTree(model: ModelReport, tree: ModuleNode, drawn: (treeRows: number) => void): { section: HTMLElement; treeRows: number } {
  if (treeState.model !== `${model.file}#${model.name}`) {
    treeState.model = `${model.file}#${model.name}`;
    treeState.open = new Set([""]);
  }
  const outputs = new Map(model.layers.map((l) => [l.path, l.output]));
  const section = el("section", { id: "modules" }, [el("h2", {}, ["Modules"])]);
  const tools = el("div", { class: "toolbar" }, ["Sort: "]);
  for (const [key, label] of [["source", "Source order"], ["flops", "FLOPs"], ["params", "Parameters"], ["name", "Name"]]) {
    const button = el("button", { type: "button", "aria-pressed": String(treeState.sort === key), "data-sort": key }, [label]);
    button.addEventListener("click", () => {
      treeState.sort = key;
      redraw();
    });
    tools.append(button);
  }
  const expandAll = el("button", { type: "button" }, ["Expand all"]);
  const collapseAll = el("button", { type: "button" }, ["Collapse all"]);
  expandAll.addEventListener("click", () => {
    const walk = (node: ModuleNode) => {
      if (node.children.length) {
        treeState.open.add(node.path);
        node.children.forEach(walk);
      }
    };
    walk(tree);
    redraw();
  });
  collapseAll.addEventListener("click", () => {
    treeState.open = new Set([""]);
    redraw();
  });
  tools.append(expandAll, collapseAll);
  const table = el("table", { class: "layers", role: "treegrid", "aria-label": `modules of ${model.name}` });
  table.append(el("thead", {}, [el("tr", {}, ["Module", "Type", "Output", "Params", "FLOPs", "Share of FLOPs"].map((h) => el("th", {}, [h])))]));
  const body = el("tbody");
  table.append(body);
  const ordered = (children: readonly ModuleNode[]) => {
    const list = [...children];
    if (treeState.sort === "flops") list.sort((a, b) => b.flops - a.flops);
    else if (treeState.sort === "params") list.sort((a, b) => b.params - a.params);
    else if (treeState.sort === "name") list.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    return list;
  };
  /** Draws the open rows; returns how many. */
  function draw(): number {
    for (const button of tools.querySelectorAll("[data-sort]")) button.setAttribute("aria-pressed", String(button.getAttribute("data-sort") === treeState.sort));
    const rows: HTMLElement[] = [];
    const add = (node: ModuleNode, depth: number) => {
      const open = treeState.open.has(node.path);
      const toggle = node.children.length
        ? el("button", { type: "button", class: "toggle", "aria-expanded": String(open), "aria-label": `${open ? "Collapse" : "Expand"} ${node.path || node.name}` }, [open ? "▾" : "▸"])
        : el("span", { class: "toggle leaf" }, [""]);
      if (node.children.length) {
        toggle.addEventListener("click", () => {
          if (treeState.open.has(node.path)) treeState.open.delete(node.path);
          else treeState.open.add(node.path);
          redraw();
          body.querySelector<HTMLElement>(`[data-path="${CSS.escape(node.path)}"] .toggle`)?.focus();
        });
      }
      const name = el("td", { class: "path", style: `padding-left: ${0.3 + depth * 1.1}em` }, [toggle, " ", node.name, node.children.length && !open ? el("span", { class: "muted" }, [` (${node.children.length})`]) : ""]);
      name.title = node.path || node.name;
      const output = outputs.get(node.path);
      rows.push(
        el("tr", { class: node.children.length ? "container" : "leaf", role: "row", "aria-level": String(depth + 1), "data-path": node.path }, [
          name,
          el("td", {}, [node.type]),
          el("td", { class: "mono" }, [output ? `[${output.join(", ")}]` : "–"]),
          paramsCell(node),
          el("td", { class: "num" }, [formatFlops(node.flops)]),
          el("td", { class: "num" }, [model.flops > 0 ? `${Math.min(100, (100 * node.flops) / model.flops).toFixed(1)}%` : "–"]),
        ]),
      );
      if (open) for (const child of ordered(node.children)) add(child, depth + 1);
    };
    add(tree, 0);
    body.replaceChildren(...rows);
    return rows.length;
  }
  function redraw(): void {
    drawn(draw());
  }
  section.append(tools, table);
  return { section, treeRows: draw() };
}

/** A module's parameters; one holding a tied weight says how much and where it is counted (its share stays of the
 *  model, each tensor once: `lm_head` tied to `transformer.wte` shows "0 + 38.6 M tied"). */
function paramsCell(node: ModuleNode): HTMLElement {
  if (!node.tiedParams) return el("td", { class: "num" }, [formatCount(node.params)]);
  const cell = el("td", { class: "num" }, [formatCount(node.params), el("span", { class: "muted" }, [` + ${formatCount(node.tiedParams)} tied`])]);
  cell.title = `${formatCount(node.tiedParams)} parameters shared with ${node.tiedTo}, counted there once`;
  return cell;
}
