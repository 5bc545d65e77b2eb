import * as assert from "assert";
import { readFileSync } from "fs";
import * as path from "path";
import { defaultSettings, parseShape, readSettings, settingsSchema, type SettingKey } from "../../../src/core/config";

const manifest = JSON.parse(readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as {
  contributes: { configuration: { properties: Record<string, { default: unknown; description?: string; enum?: string[] }> }[] };
};

describe("settings schema (src/core/config.ts)", () => {
  it("unset values give the defaults, with no problems", () => {
    const { settings, problems } = readSettings(() => undefined);
    assert.deepStrictEqual(settings, defaultSettings);
    assert.deepStrictEqual(problems, []);
  });

  it("a bad value falls back to its default and is named; good values are kept", () => {
    const raw: Partial<Record<SettingKey, unknown>> = { batchSize: -3, precision: "fp7", hardware: "A100", "inlayHints.enabled": false };
    const { settings, problems } = readSettings((key) => raw[key]);
    assert.strictEqual(settings.batchSize, defaultSettings.batchSize);
    assert.strictEqual(settings.precision, defaultSettings.precision);
    assert.strictEqual(settings.hardware, "A100");
    assert.strictEqual(settings["inlayHints.enabled"], false);
    assert.deepStrictEqual(problems.map((p) => p.key).sort(), ["batchSize", "precision"]);
    assert.ok(problems.every((p) => p.message.includes(`greenlight.${p.key}`)));
  });

  it("wrong types are rejected, not coerced", () => {
    const raw: Partial<Record<SettingKey, unknown>> = { "analysis.debounceMs": "400", "codeLens.enabled": "yes" };
    const { settings, problems } = readSettings((key) => raw[key]);
    assert.strictEqual(settings["analysis.debounceMs"], defaultSettings["analysis.debounceMs"]);
    assert.strictEqual(settings["codeLens.enabled"], defaultSettings["codeLens.enabled"]);
    assert.strictEqual(problems.length, 2);
  });

  it("every default passes its own schema", () => {
    for (const key of Object.keys(settingsSchema) as SettingKey[]) {
      assert.ok(settingsSchema[key].safeParse(defaultSettings[key]).success, key);
    }
  });

  it("package.json contributes exactly these settings (grid ones included), with the same defaults and a description each", () => {
    const contributed = Object.assign({}, ...manifest.contributes.configuration.map((section) => section.properties)) as Record<
      string,
      { default: unknown; description?: string; markdownDescription?: string }
    >;
    const keys = Object.keys(contributed);
    assert.deepStrictEqual(keys.map((key) => key.replace(/^greenlight\./, "")).sort(), Object.keys(settingsSchema).sort());
    for (const key of keys) {
      const name = key.replace(/^greenlight\./, "") as SettingKey;
      assert.deepStrictEqual(contributed[key].default, defaultSettings[name], `${key} default`);
      const description = contributed[key].description ?? contributed[key].markdownDescription;
      assert.ok(description && description.length > 10, `${key} description`);
    }
  });

  it("parseShape reads 1x3x224x224 and rejects what is not a shape", () => {
    assert.deepStrictEqual(parseShape("1x3x224x224"), [1, 3, 224, 224]);
    assert.deepStrictEqual(parseShape(" 2, 8 "), [2, 8]);
    assert.throws(() => parseShape("1x0"), /positive/);
    assert.throws(() => parseShape("big"), /not a shape/);
  });
});
