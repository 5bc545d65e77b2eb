// Greenlight report view. Receives the model report by postMessage and draws it with DOM and SVG built from data
// (textContent only, never innerHTML), styled with the theme's colours (report.css). No network access.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById("app"));
  const SVG = "http://www.w3.org/2000/svg";
  /** @type {any} */
  let state = null;
  // The calculator's fields the user changed, by name, for the calculator key they were changed under: a new
  // model or document version (a new key) starts again from the host's values.
  /** @type {Map<string, string|boolean>} */
  const edits = new Map();
  /** @type {string|null} */
  let editsKey = null;
  const FIELDS = ["epochs", "samples", "batch", "hardware", "dropLast"];

  /** @param {string} tag @param {Record<string,string>} [attrs] @param {(Node|string)[]} [children] */
  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    // Inline style attributes are refused by the page's CSP; the CSSOM is not, so styles go through it.
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "style") for (const rule of v.split(";")) { const [name, value] = rule.split(":"); if (name && value) node.style.setProperty(name.trim(), value.trim()); }
      else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  }
  /** @param {string} tag @param {Record<string,string|number>} [attrs] */
  function svg(tag, attrs = {}) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }

  /** @param {number} value */
  function count(value) {
    const units = [[1e12, "T"], [1e9, "G"], [1e6, "M"], [1e3, "k"]];
    for (const [size, unit] of units) if (Math.abs(value) >= size) return `${+(value / size).toPrecision(3)} ${unit}`;
    return String(Math.round(value));
  }
  /** @param {number} flops */
  function flops(flops) {
    const units = [[1e15, "PFLOPs"], [1e12, "TFLOPs"], [1e9, "GFLOPs"], [1e6, "MFLOPs"], [1e3, "kFLOPs"]];
    for (const [size, unit] of units) if (Math.abs(flops) >= size) return `${+(flops / size).toPrecision(3)} ${unit}`;
    return `${Math.round(flops)} FLOPs`;
  }

  /** @param {number} j */
  function joules(j) {
    const units = [[1e6, "MJ"], [1e3, "kJ"], [1, "J"], [1e-3, "mJ"], [1e-6, "µJ"]];
    for (const [size, unit] of units) if (Math.abs(j) >= size) return `${+(j / size).toPrecision(3)} ${unit}`;
    return `${+(j / 1e-9).toPrecision(3)} nJ`;
  }
  /** @param {number} g */
  function grams(g) {
    if (Math.abs(g) >= 1000) return `${+(g / 1000).toPrecision(3)} kg`;
    if (Math.abs(g) >= 1) return `${+g.toPrecision(3)} g`;
    return `${+(g * 1000).toPrecision(3)} mg`;
  }

  /**
   * A grouped chart: one row per group (a block, a run of repeated blocks, a kind of layer), its full name on its
   * own line, and two bars, FLOPs and parameters, each against the largest of its measure.
   * @param {string} title @param {{label: string, count: number, params: number, flops: number}[]} rows
   */
  function groupChart(title, rows, id) {
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
    for (const row of shown) {
      const bar = (value, max, kind, text) =>
        el("div", { class: "bar-row" }, [
          el("div", { class: "track" }, [el("div", { class: `fill ${kind}`, style: `width: ${Math.max(value > 0 ? 0.5 : 0, (100 * value) / max).toFixed(2)}%` })]),
          el("span", { class: "value" }, [text]),
        ]);
      list.append(
        el("li", { class: "group", "aria-label": `${row.label}: ${flops(row.flops)}, ${count(row.params)} parameters` }, [
          el("div", { class: "group-label" }, [row.label]),
          el("div", { class: "bars" }, [bar(row.flops, maxFlops, "flops", flops(row.flops)), bar(row.params, maxParams, "params", count(row.params))]),
        ]),
      );
    }
    figure.append(list);
    return figure;
  }

  /** How the module tree is ordered and which nodes are open; kept across redraws of the same model. */
  const treeState = { sort: "source", open: new Set([""]), model: "" };

  /**
   * The module tree: a treegrid whose rows are drawn only for open nodes (a model with 1,000 layers starts with its
   * top-level modules), sortable by parameters, FLOPs or name, with figures aggregated per node.
   */
  function moduleTree(model, tree) {
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
        draw();
      });
      tools.append(button);
    }
    const expandAll = el("button", { type: "button" }, ["Expand all"]);
    const collapseAll = el("button", { type: "button" }, ["Collapse all"]);
    expandAll.addEventListener("click", () => {
      const walk = (node) => { if (node.children.length) { treeState.open.add(node.path); node.children.forEach(walk); } };
      walk(tree);
      draw();
    });
    collapseAll.addEventListener("click", () => {
      treeState.open = new Set([""]);
      draw();
    });
    tools.append(expandAll, collapseAll);
    const table = el("table", { class: "layers", role: "treegrid", "aria-label": `modules of ${model.name}` });
    table.append(el("thead", {}, [el("tr", {}, ["Module", "Type", "Output", "Params", "FLOPs", "Share of FLOPs"].map((h) => el("th", {}, [h])))]));
    const body = el("tbody");
    table.append(body);
    const ordered = (children) => {
      const list = [...children];
      if (treeState.sort === "flops") list.sort((a, b) => b.flops - a.flops);
      else if (treeState.sort === "params") list.sort((a, b) => b.params - a.params);
      else if (treeState.sort === "name") list.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
      return list;
    };
    function draw() {
      for (const button of tools.querySelectorAll("[data-sort]")) button.setAttribute("aria-pressed", String(button.getAttribute("data-sort") === treeState.sort));
      const rows = [];
      const add = (node, depth) => {
        const open = treeState.open.has(node.path);
        const toggle = node.children.length
          ? el("button", { type: "button", class: "toggle", "aria-expanded": String(open), "aria-label": `${open ? "Collapse" : "Expand"} ${node.path || node.name}` }, [open ? "▾" : "▸"])
          : el("span", { class: "toggle leaf" }, [""]);
        if (node.children.length) {
          toggle.addEventListener("click", () => {
            if (treeState.open.has(node.path)) treeState.open.delete(node.path);
            else treeState.open.add(node.path);
            draw();
            /** @type {HTMLElement|null} */ (body.querySelector(`[data-path="${CSS.escape(node.path)}"] .toggle`))?.focus();
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
            el("td", { class: "num" }, [count(node.params)]),
            el("td", { class: "num" }, [flops(node.flops)]),
            el("td", { class: "num" }, [model.flops > 0 ? `${Math.min(100, (100 * node.flops) / model.flops).toFixed(1)}%` : "–"]),
          ]),
        );
        if (open) for (const child of ordered(node.children)) add(child, depth + 1);
      };
      add(tree, 0);
      body.replaceChildren(...rows);
      shownView(rows.length);
    }
    section.append(tools, table);
    draw();
    return section;
  }

  /** Tells the host what the page shows (chart labels, tree rows), for tests and logs. @param {number} treeRows */
  function shownView(treeRows) {
    const labels = (id) => [...document.querySelectorAll(`#${id} .group-label`)].map((node) => node.textContent);
    vscode.postMessage({
      type: "viewShown",
      shown: { byBlock: labels("by-block"), byKind: labels("by-kind"), treeRows, sort: treeState.sort },
    });
  }

  function energySection(data) {
    const section = el("section", {}, [el("h2", {}, ["Energy"])]);
    if (data.energy) {
      const e = data.energy;
      section.append(
        el("p", { class: "headline" }, [`${joules(e.joulesPerInference)} per inference · ${grams(e.gramsCo2ePerThousand)} CO2e per 1,000 inferences`]),
        el("p", {}, [`${e.hardware}, ${e.precision}, batch ${e.batch}: ${(e.secondsPerBatch * 1e3).toPrecision(3)} ms per batch, ${e.bound}-bound`]),
        el("p", { class: "range" }, [
          `Range: ${joules(e.range.joulesPerInference.low)} to ${joules(e.range.joulesPerInference.high)} per inference, ` +
            `${(e.range.secondsPerBatch.low * 1e3).toPrecision(2)}-${(e.range.secondsPerBatch.high * 1e3).toPrecision(2)} ms per batch: ${e.range.reason}`,
        ]),
        el("p", { class: "muted" }, [`Sources: ${e.sources.join("; ")}`]),
      );
    } else {
      section.append(el("p", { class: "muted" }, ["No energy estimate for this model (unknown hardware, or no forward ops were resolved)."]));
    }
    section.append(calculatorForm(data));
    return section;
  }

  /** Device memory (a forward or generation, and a training step) and the generation's prefill/decode figures. */
  function memorySection(data) {
    const section = el("section", { id: "memory" }, [el("h2", {}, ["Memory and generation"])]);
    const m = data.memory;
    if (!m || (!m.inference && !m.train)) {
      section.append(el("p", { class: "muted" }, ["No memory estimate for this model (no forward ops were resolved)."]));
      return section;
    }
    if (m.generation) {
      section.append(el("p", { class: "headline", id: "generation" }, [m.generation.title]), el("p", { class: "muted" }, [`From: ${m.generation.sources.join("; ")}`]));
    }
    if (m.inference) section.append(el("p", { id: "memory-inference" }, [`${m.generation ? "Generation" : "Inference"}: ${m.inference.summary}`]));
    if (m.train) {
      section.append(el("p", { id: "memory-train" }, [`Training step: ${m.train.summary}`]));
      if (m.train.changes.length > 0) section.append(el("p", { class: "muted" }, [`Fits with: ${m.train.changes.join("; ")}`]));
    }
    return section;
  }

  /**
   * Training-run calculator: the host computes (same energy model as the CodeLens) and sends the first values, read
   * from the code's training plan where it states them; each field says where its value came from.
   */
  function calculatorForm(data) {
    const form = el("form", { class: "calculator", id: "calculator" });
    const origin = (name) => el("span", { class: "origin", "data-origin": name });
    const remember = (name, input) => {
      const changed = () => {
        edits.set(name, input.type === "checkbox" ? input.checked : input.value);
        const label = form.querySelector(`[data-origin="${name}"]`);
        if (label) showOrigin(label, { label: "changed here", source: "edited", detail: "Your value; reopen the report to start from the code again." });
      };
      input.addEventListener("input", changed);
      input.addEventListener("change", changed);
    };
    const field = (label, name) => {
      const input = el("input", { name, type: "number", min: "1", step: "1", required: "" });
      remember(name, input);
      return el("label", {}, [el("span", { class: "name" }, [label]), input, origin(name)]);
    };
    const hardware = el("select", { name: "hardware" });
    for (const profile of data.hardware) {
      const option = el("option", { value: profile.id }, [profile.id]);
      option.title = profile.name;
      hardware.append(option);
    }
    remember("hardware", hardware);
    const dropLast = el("input", { name: "dropLast", type: "checkbox" });
    remember("dropLast", dropLast);
    form.append(
      el("h3", {}, ["Training run"]),
      el("p", { class: "muted note", id: "calculator-note" }),
      field("Epochs", "epochs"),
      field("Samples per epoch", "samples"),
      field("Batch", "batch"),
      el("label", {}, [el("span", { class: "name" }, ["Hardware"]), hardware, origin("hardware")]),
      el("label", { class: "check" }, [el("span", { class: "name" }, ["Drop last partial batch"]), dropLast, origin("dropLast")]),
      el("button", { type: "submit" }, ["Estimate"]),
      el("output", { id: "training" }),
      el("div", { class: "measured", id: "measured" }),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      calculate(form);
    });
    return form;
  }

  /** @param {Element} label @param {{label: string, source: string, detail: string, line?: number}} field */
  function showOrigin(label, field) {
    label.textContent = field.label;
    label.setAttribute("title", field.detail);
    label.className = `origin ${field.source.replace(/\s+/g, "-")}`;
    if (field.line && field.source !== "edited") {
      // A link to the line the value was read from.
      label.setAttribute("role", "link");
      label.setAttribute("tabindex", "0");
      label.setAttribute("data-line", String(field.line));
    } else {
      label.removeAttribute("role");
      label.removeAttribute("tabindex");
      label.removeAttribute("data-line");
    }
  }

  /** @param {HTMLFormElement} form */
  function calculate(form) {
    const values = formValues(form);
    setOutput("Estimating…");
    vscode.postMessage({ type: "calculate", run: values });
  }

  /** @param {HTMLFormElement} form */
  function formValues(form) {
    const input = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
    return {
      epochs: Number(input("epochs").value), samples: Number(input("samples").value), batch: Number(input("batch").value),
      hardware: String(input("hardware").value), dropLast: input("dropLast").checked,
    };
  }

  /** Puts the host's calculator into the form (fields the user changed stay as they are) and its estimate. */
  function applyCalculator(view) {
    const form = /** @type {HTMLFormElement|null} */ (document.getElementById("calculator"));
    if (!form || !view) return;
    if (view.key !== editsKey) {
      edits.clear();
      editsKey = view.key;
    }
    for (const name of FIELDS) {
      const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
      const field = view.fields[name];
      const value = edits.has(name) ? edits.get(name) : field.value;
      if (input.type === "checkbox") input.checked = Boolean(value);
      else input.value = String(value);
      const label = form.querySelector(`[data-origin="${name}"]`);
      if (label) showOrigin(label, edits.has(name) ? { label: "changed here", source: "edited", detail: "Your value; reopen the report to start from the code again." } : field);
    }
    const note = document.getElementById("calculator-note");
    if (note) {
      note.textContent =
        view.status === "reading" ? `Reading epochs, samples and batch from ${view.file}…`
        : view.status === "code"
          ? ["epochs", "samples", "batch"].some((name) => view.fields[name].source !== "placeholder" && view.fields[name].source !== "settings")
            ? `Filled from ${view.file} where it states them; change any field and press Estimate.`
            : `${view.file} states no epochs, samples or batch size that Greenlight can read: placeholders and settings below; change any field and press Estimate.`
        : `Filled from the settings${view.note ? ` (${view.note})` : ""}; change any field and press Estimate.`;
    }
    renderMeasured(view, form);
    if (view.status === "reading") setOutput("");
    else if (edits.size > 0) calculate(form);
    else if (view.estimate) setOutput(estimateText(view.estimate));
    else setOutput(view.message || "No estimate.");
  }

  /** CodeCarbon's runs of this script beside the estimate for the same run, and the offer to calibrate to them. */
  function renderMeasured(view, form) {
    const box = document.getElementById("measured");
    if (!box) return;
    box.replaceChildren();
    if (view.measuredNote) box.append(el("p", { class: "muted" }, [view.measuredNote]));
    const m = view.measured;
    if (!m) return;
    const hours = (h) => (h < 1 ? `${(h * 60).toPrecision(3)} min` : `${h.toPrecision(3)} h`);
    const runs = `${m.measured.runs} run${m.measured.runs === 1 ? "" : "s"}`;
    const device = m.measured.gpuModel ? ` on ${m.measured.gpuModel}${m.measured.gpuCount > 1 ? ` ×${m.measured.gpuCount}` : ""}` : "";
    const rows = [
      ["", "Time", "Device energy"],
      [`Measured (CodeCarbon, median of ${runs}${device})`, hours(m.measured.durationSeconds / 3600), `${m.measuredDeviceKwh.toPrecision(3)} kWh`],
    ];
    if (m.estimated) {
      rows.push([`Estimated (${m.hardware}, this run)`, hours(m.estimated.hours), `${m.estimated.deviceKwh.toPrecision(3)} kWh (${m.estimated.range.low.toPrecision(2)}-${m.estimated.range.high.toPrecision(2)})`]);
    }
    const table = el("table", { class: "measured-table" }, [
      el("thead", {}, [el("tr", {}, rows[0].map((cell) => el("th", {}, [cell])))]),
      el("tbody", {}, rows.slice(1).map((row) => el("tr", {}, row.map((cell, i) => el("td", i === 0 ? {} : { class: "num" }, [cell]))))),
    ]);
    box.append(el("h3", {}, ["Measured beside estimated"]), el("p", { class: "muted" }, [`${m.file}, project '${m.project}'`]), table);
    if (m.estimated) box.append(el("p", { class: "muted" }, [`Range: ${m.estimated.reason}. CodeCarbon times the whole tracked run (data loading and evaluation included).`]));
    else if (m.message) box.append(el("p", { class: "muted" }, [`No estimate to compare: ${m.message}`]));
    if (m.calibratedRuns) {
      const clear = el("button", { type: "button", class: "secondary" }, ["Remove calibration"]);
      clear.addEventListener("click", () => vscode.postMessage({ type: "clearCalibration" }));
      box.append(el("p", {}, [`${m.hardware} calibrated from ${m.calibratedRuns} run${m.calibratedRuns === 1 ? "" : "s"} (workspace setting greenlight.calibration). `, clear]));
    } else if (m.estimated) {
      const fit = el("button", { type: "button" }, [`Calibrate ${m.hardware} to these ${runs}`]);
      fit.title = "Fits the profile's efficiency, host dispatch and power to these runs and keeps the fit in the workspace settings.";
      fit.addEventListener("click", () => vscode.postMessage({ type: "calibrate", run: formValues(form) }));
      box.append(el("p", {}, [fit]));
    }
  }

  function estimateText(e) {
    const gpus = e.gpus > 1 ? ` on ${e.gpus} × GPU (${e.gpuHours.toPrecision(3)} GPU-hours)` : "";
    return `${e.steps} steps · ${e.hours.toPrecision(3)} h${gpus} · ${e.kilowattHours.toPrecision(3)} kWh (${e.range.kilowattHours.low.toPrecision(2)}-${e.range.kilowattHours.high.toPrecision(2)}: ${e.range.reason}) · ${e.kilogramsCo2e.toPrecision(3)} kg CO2e (${e.sources.join("; ")})`;
  }

  /** Shows the estimate line and tells the host what the calculator now shows. @param {string} text */
  function setOutput(text) {
    const output = document.getElementById("training");
    const form = /** @type {HTMLFormElement|null} */ (document.getElementById("calculator"));
    if (!output || !form) return;
    output.textContent = text;
    /** @type {Record<string, string>} */
    const labels = {};
    for (const name of FIELDS) labels[name] = form.querySelector(`[data-origin="${name}"]`)?.textContent ?? "";
    vscode.postMessage({ type: "calculatorShown", shown: { key: editsKey, values: formValues(form), labels, output: text } });
  }


  function gridSection(grid) {
    const section = el("section", {}, [el("h2", {}, ["Grid carbon intensity"])]);
    if (!grid || grid.slots.length === 0) {
      section.append(el("p", { class: "muted" }, [grid?.note ?? "No grid forecast available (set a region and a provider in the grid settings)."]));
      return section;
    }
    const width = 600, height = 160, pad = 32;
    const t0 = grid.slots[0].start, t1 = grid.slots[grid.slots.length - 1].end;
    const max = Math.max(...grid.slots.map((s) => s.gco2PerKwh)) * 1.1 || 1;
    const x = (t) => pad + ((width - 2 * pad) * (t - t0)) / Math.max(1, t1 - t0);
    const y = (v) => height - pad + 8 - ((height - pad) * v) / max;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "grid intensity forecast", class: "grid" });
    if (grid.greenest) {
      chart.append(svg("rect", { x: x(grid.greenest.start), y: 4, width: Math.max(2, x(grid.greenest.end) - x(grid.greenest.start)), height: height - pad, class: "greenest" }));
    }
    let d = "";
    for (const s of grid.slots) d += `${d ? "L" : "M"}${x(s.start).toFixed(1)},${y(s.gco2PerKwh).toFixed(1)}L${x(s.end).toFixed(1)},${y(s.gco2PerKwh).toFixed(1)}`;
    chart.append(svg("path", { d, class: "intensity" }));
    const axis = (text, px, py, anchor) => { const t = svg("text", { x: px, y: py, "text-anchor": anchor, class: "label" }); t.textContent = text; return t; };
    const time = (t) => new Date(t).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
    chart.append(axis(time(t0), pad, height - 4, "start"), axis(time(t1), width - pad, height - 4, "end"), axis(`${Math.round(max)} gCO2e/kWh`, 2, 14, "start"));
    section.append(chart);
    if (grid.greenest) {
      section.append(el("p", { class: "headline" }, [`Greenest window: ${time(grid.greenest.start)} – ${time(grid.greenest.end)}, ${Math.round(grid.greenest.gco2PerKwh)} gCO2e/kWh (${grid.provider}, ${grid.region})`]));
    }
    return section;
  }

  function render() {
    if (!state) return;
    const { model } = state;
    const exportBar = el("div", { class: "toolbar" }, ["Export: "]);
    for (const [format, label] of [["markdown", "Markdown"], ["csv", "CSV"], ["json", "JSON"]]) {
      const button = el("button", { type: "button", "data-format": format }, [label]);
      button.addEventListener("click", () => vscode.postMessage({ type: "export", format }));
      exportBar.append(button);
    }
    const inputs = model.inputs.map((i) => `${i.shape.join("×")} ${i.dtype}`).join(", ") || "none";
    const summary = el("p", { class: "summary" }, [
      `${count(model.params)} params · ${flops(model.flops)} · input ${inputs} (${model.inputSource})`,
    ]);
    const children = [el("h1", {}, [model.name]), summary];
    // What the script applied to the model (quantized, cast, autocast): the figures below are of that model.
    if (state.applied) children.push(el("p", { class: "applied" }, [`Figures ${state.applied}.`]));
    if (!model.complete) {
      const c = model.coverage;
      const share = c ? ` (${Math.min(Math.floor(c.flopsShare * 100), c.flopsShare < 1 ? 99 : 100)}% of FLOPs from known shapes, estimated; ${c.layersKnown}/${c.layersTotal} layers)` : "";
      const where = (n) => `${n.file.split("/").pop()}:${n.line}`;
      children.push(el("p", { class: "warning" }, [`Partly resolved${share}: ${model.unresolved.map((n) => `${where(n)}: ${n.reason}`).join("; ")}`]));
    }
    const groups = state.groups;
    children.push(
      exportBar,
      el("div", { class: "charts" }, [groupChart("By block", groups.byBlock, "by-block"), groupChart("By kind of layer", groups.byKind, "by-kind")]),
    );
    // The tree draws itself (and says what it shows) once it is in the page.
    app.replaceChildren(...children);
    app.append(moduleTree(model, groups.tree), energySection(state), memorySection(state), gridSection(state.grid));
    applyCalculator(state.calculator);
  }

  // A value's origin label that names a line reveals that line in the editor.
  const reveal = (target) => {
    const line = target instanceof Element ? target.closest("[data-line]")?.getAttribute("data-line") : null;
    if (line) vscode.postMessage({ type: "revealLine", line: Number(line) });
    return Boolean(line);
  };
  app.addEventListener("click", (event) => reveal(event.target));
  app.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && reveal(event.target)) event.preventDefault();
  });

  window.addEventListener("message", (event) => {
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
  vscode.postMessage({ type: "ready" });
})();
