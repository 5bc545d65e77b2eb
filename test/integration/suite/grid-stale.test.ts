// Issue 21: a grid provider that fails mid-session, after a good reading. The status bar keeps the last reading and
// says, in plain words, that it is stale, since when, and why; every surface keeps using that one value. And with
// only a notebook open (no .py editor), the status items show. The provider is a real HTTP server on 127.0.0.1.
import * as assert from "assert";
import * as vscode from "vscode";
import * as http from "http";
import type { AddressInfo } from "net";
import { greenlight, openNotebook, waitFor } from "./helpers";

/** The status bar tooltip's text without its Markdown escapes. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, "$1");

suite("grid: a provider that fails after a good reading", () => {
  const KEYS = ["provider", "region", "endpoints.uk"];
  suiteTeardown(async () => {
    const configuration = vscode.workspace.getConfiguration("greenlight.grid");
    for (const key of KEYS) await configuration.update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  test("the status bar keeps the last reading and says it is stale, since when and why", async function () {
    this.timeout(120_000);
    let failing = false;
    const server = http.createServer((request, response) => {
      if (failing) {
        response.writeHead(503, { "content-type": "application/json" });
        response.end("{}");
        return;
      }
      const now = Date.now();
      const slot = (start: number) => ({ from: new Date(start).toISOString(), to: new Date(start + 30 * 60_000).toISOString(), intensity: { forecast: 111, actual: 111, index: "low" } });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ data: (request.url ?? "").includes("fw48h") ? [0, 1, 2, 3].map((i) => slot(now - 10 * 60_000 + i * 30 * 60_000)) : [slot(now - 10 * 60_000)] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const probes = await greenlight();
      const configuration = vscode.workspace.getConfiguration("greenlight.grid");
      await configuration.update("endpoints.uk", `http://127.0.0.1:${(server.address() as AddressInfo).port}`, vscode.ConfigurationTarget.Global);
      await configuration.update("region", "national", vscode.ConfigurationTarget.Global);
      await configuration.update("provider", "uk", vscode.ConfigurationTarget.Global);
      await waitFor("the live reading of 111 gCO2e/kWh", () => probes.gridIntensity().gco2PerKwh === 111 && !probes.gridIntensity().source.includes("stale"), 30_000);
      failing = true;
      await vscode.commands.executeCommand("greenlight.grid.refresh");
      const status = await waitFor("the status bar to say the reading is stale", () => {
        const shown = probes.gridStatus();
        return shown?.text.includes("(stale)") ? shown : undefined;
      }, 45_000);
      const tooltip = plain(status.tooltip);
      assert.ok(status.text.includes("111"), `the last reading is kept: ${status.text}`);
      assert.match(tooltip, /Stale: this is the last live reading, from \d\d?[:.]\d\d[^()]* \(\d+ min ago\)\. UK Carbon Intensity has not answered since: /, JSON.stringify(tooltip));
      assert.match(tooltip, /127\.0\.0\.1:\d+ had an error on its side \(HTTP 503\)/, JSON.stringify(tooltip));
      assert.ok(!tooltip.includes("Why not live"), tooltip);
      assert.match(status.label, /stale since \d\d?[:.]\d\d/, status.label);
      // The one reading every surface uses is that last value, and it says it is stale and since when.
      assert.strictEqual(probes.gridIntensity().gco2PerKwh, 111);
      assert.match(probes.gridIntensity().source, /stale since \d\d?[:.]\d\d/, probes.gridIntensity().source);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("with only a notebook open, the hardware item and the grid item show", async function () {
    this.timeout(60_000);
    const probes = await greenlight();
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await waitFor("no Python editor to leave the hardware item hidden", () => !probes.targetStatus().visible);
    await openNotebook();
    await waitFor("the hardware item with the notebook open", () => probes.targetStatus().visible);
    assert.match(probes.gridStatus()?.text ?? "", /gCO2e\/kWh/);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });
});
