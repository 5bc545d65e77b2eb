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

  /** @param {string} tag @param {Record<string,string>} [attrs] @param {(Node|string)[]} [children] */
  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
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

  /** Horizontal bars of the largest leaf layers by one measure. */
  function barChart(title, layers, measure, format) {
    const top = layers.filter((l) => l[measure] > 0).sort((a, b) => b[measure] - a[measure]).slice(0, 12);
    const figure = el("figure", { class: "chart" }, [el("figcaption", {}, [title])]);
    if (top.length === 0) {
      figure.append(el("p", { class: "muted" }, ["Nothing to draw."]));
      return figure;
    }
    const rowHeight = 22, labelWidth = 150, width = 460, valueWidth = 80;
    const max = Math.max(...top.map((l) => l[measure]));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${top.length * rowHeight + 4}`, role: "img", "aria-label": title, class: "bars" });
    top.forEach((layer, i) => {
      const y = i * rowHeight + 2;
      const barWidth = Math.max(1, ((width - labelWidth - valueWidth) * layer[measure]) / max);
      const label = svg("text", { x: labelWidth - 6, y: y + 15, "text-anchor": "end", class: "label" });
      label.textContent = layer.path.length > 22 ? "…" + layer.path.slice(-21) : layer.path;
      const bar = svg("rect", { x: labelWidth, y: y + 3, width: barWidth, height: rowHeight - 6, rx: 2, class: `bar ${measure}` });
      const tip = svg("title");
      tip.textContent = `${layer.path} (${layer.type}): ${format(layer[measure])}`;
      bar.append(tip);
      const value = svg("text", { x: labelWidth + barWidth + 6, y: y + 15, class: "value" });
      value.textContent = format(layer[measure]);
      chart.append(label, bar, value);
    });
    figure.append(chart);
    return figure;
  }

  function layerTable(model) {
    const table = el("table", { class: "layers" });
    const head = el("tr", {}, ["Layer", "Type", "Output", "Params", "FLOPs", "Share"].map((h) => el("th", {}, [h])));
    table.append(el("thead", {}, [head]));
    const body = el("tbody");
    for (const layer of model.layers.filter((l) => l.path !== "")) {
      const depth = layer.path.split(".").length - 1;
      const name = el("td", { class: "path", style: `padding-left: ${0.5 + depth}em` }, [layer.path.split(".").pop() || layer.path]);
      name.title = layer.path;
      body.append(
        el("tr", { class: layer.leaf ? "leaf" : "container" }, [
          name,
          el("td", {}, [layer.type]),
          el("td", { class: "mono" }, [layer.output ? `[${layer.output.join(", ")}]` : "–"]),
          el("td", { class: "num" }, [count(layer.params)]),
          el("td", { class: "num" }, [flops(layer.flops)]),
          el("td", { class: "num" }, [model.flops > 0 ? `${((100 * layer.flops) / model.flops).toFixed(1)}%` : "–"]),
        ]),
      );
    }
    table.append(body);
    return table;
  }

  function energySection(data) {
    const section = el("section", {}, [el("h2", {}, ["Energy"])]);
    if (data.energy) {
      const e = data.energy;
      section.append(
        el("p", { class: "headline" }, [`${joules(e.joulesPerInference)} per inference · ${grams(e.gramsCo2ePerThousand)} CO2e per 1,000 inferences`]),
        el("p", {}, [`${e.hardware}, ${e.precision}, batch ${e.batch}: ${(e.secondsPerBatch * 1e3).toPrecision(3)} ms per batch, ${e.bound}-bound`]),
        el("p", { class: "muted" }, [`Sources: ${e.sources.join("; ")}`]),
      );
    } else {
      section.append(el("p", { class: "muted" }, ["No energy estimate for this model (unknown hardware, or no forward ops were resolved)."]));
    }
    // Training-run calculator: the host computes (same energy model as the CodeLens), the page only asks.
    const form = el("form", { class: "calculator" });
    const field = (label, name, value, type = "number") =>
      el("label", {}, [label, el("input", { name, value: String(value), type, min: "1", required: "" })]);
    const hardware = el("select", { name: "hardware" });
    for (const profile of data.hardware) {
      const option = el("option", { value: profile.id }, [profile.id]);
      option.title = profile.name;
      if (profile.id === data.settings.hardware) option.setAttribute("selected", "");
      hardware.append(option);
    }
    form.append(
      el("h3", {}, ["Training run"]),
      field("Epochs", "epochs", 10),
      field("Samples", "samples", 50000),
      field("Batch", "batch", Math.max(data.settings.batch, 32)),
      el("label", {}, ["Hardware", hardware]),
      el("button", { type: "submit" }, ["Estimate"]),
      el("output", { id: "training" }),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const values = new FormData(form);
      vscode.postMessage({
        type: "calculate",
        run: {
          epochs: Number(values.get("epochs")), samples: Number(values.get("samples")), batch: Number(values.get("batch")),
          hardware: String(values.get("hardware")),
        },
      });
    });
    section.append(form);
    return section;
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
    chart.append(axis(time(t0), pad, height - 4, "start"), axis(time(t1), width - pad, height - 4, "end"), axis(`${Math.round(max)} g/kWh`, 2, 14, "start"));
    section.append(chart);
    if (grid.greenest) {
      section.append(el("p", { class: "headline" }, [`Greenest window: ${time(grid.greenest.start)} – ${time(grid.greenest.end)}, ${Math.round(grid.greenest.gco2PerKwh)} gCO2/kWh (${grid.provider}, ${grid.region})`]));
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
    if (!model.complete) {
      children.push(el("p", { class: "warning" }, [`Partly resolved: ${model.unresolved.map((n) => `line ${n.line}: ${n.reason}`).join("; ")}`]));
    }
    const leaves = model.layers.filter((l) => l.leaf && l.path !== "");
    children.push(
      exportBar,
      el("div", { class: "charts" }, [barChart("FLOPs by layer", leaves, "flops", flops), barChart("Parameters by layer", leaves, "params", count)]),
      el("section", {}, [el("h2", {}, ["Layers"]), layerTable(model)]),
      energySection(state),
      gridSection(state.grid),
    );
    app.replaceChildren(...children);
  }

  window.addEventListener("message", (event) => {
    const message = event.data;
    if (message.type === "report") {
      state = message;
      render();
    } else if (message.type === "training") {
      const output = document.getElementById("training");
      if (!output) return;
      const e = message.estimate;
      output.textContent = e
        ? `${e.steps} steps · ${e.hours.toPrecision(3)} h · ${e.kilowattHours.toPrecision(3)} kWh · ${e.kilogramsCo2e.toPrecision(3)} kg CO2e (${e.sources.join("; ")})`
        : message.message;
    }
  });
  vscode.postMessage({ type: "ready" });
})();
