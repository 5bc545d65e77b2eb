// Issue 21: one grid reading feeds every surface. The status bar's value is the one the CodeLens, the hover and
// the report's energy section use, and when it changes (another region here) they all follow.
import * as assert from "assert";
import * as vscode from "vscode";
import { codeLenses, greenlight, hoverText, lineOf, openFixture, waitFor } from "./helpers";

/** The gCO2e/kWh figure a text names ("Carbon at 381 gCO2e/kWh (...)" or "381 gCO2e/kWh: ..."). */
function gramsIn(text: string | undefined): number | undefined {
  const match = /(\d+) gCO2e\/kWh/.exec(text ?? "");
  return match ? Number(match[1]) : undefined;
}

suite("grid: one reading on every surface", () => {
  suiteTeardown(async () => {
    const configuration = vscode.workspace.getConfiguration("greenlight.grid");
    await configuration.update("region", undefined, vscode.ConfigurationTarget.Global);
    await configuration.update("provider", undefined, vscode.ConfigurationTarget.Global);
  });

  test("status bar, CodeLens, hover and report show the same gCO2e/kWh, and follow a change of region", async function () {
    this.timeout(90_000);
    const api = await greenlight();
    const configuration = vscode.workspace.getConfiguration("greenlight.grid");
    await configuration.update("provider", "offline", vscode.ConfigurationTarget.Global);
    for (const region of ["DE", "FR"]) {
      await configuration.update("region", region, vscode.ConfigurationTarget.Global);
      const status = await waitFor(`the reading for ${region}`, () => (api.gridIntensity().source.includes(region) ? api.gridIntensity() : undefined));
      const grams = Math.round(status.gco2PerKwh);
      const document = await openFixture("simple_cnn.py");
      const lensGrams = await waitFor(`the CodeLens at ${grams} gCO2e/kWh`, async () => {
        const tooltip = (await codeLenses(document.uri))[0]?.command?.tooltip;
        return gramsIn(tooltip) === grams ? grams : undefined;
      });
      const hover = await waitFor("the hover with carbon", async () => {
        const text = await hoverText(document.uri, new vscode.Position(lineOf(document, "self.conv1 ="), 12));
        return text.includes("gCO2e/kWh") ? text : undefined;
      });
      assert.strictEqual(gramsIn(hover), grams, `status bar ${grams}, hover: ${hover.replace(/\s+/g, " ")}`);
      await vscode.commands.executeCommand("greenlight.showReport", document.uri, "SimpleCNN");
      // What the page says its energy section drew: it follows the new region once the page has redrawn.
      const carbonLine = () => api.reportView()?.energy.find((line) => line.includes("gCO2e/kWh"));
      const reportGrams = await waitFor(`the report's energy section at ${grams} gCO2e/kWh`, () => gramsIn(carbonLine()) === grams && grams);
      assert.strictEqual(reportGrams, grams, carbonLine());
      assert.strictEqual(lensGrams, grams);
    }
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });
});
