import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultSettings } from "../../../src/core/config";
import { estimateModel } from "../../../src/core/energy";
import { resolveTrainingRun } from "../../../src/core/training/resolve-run";
import { calculatorFields, PLACEHOLDER_EPOCHS, PLACEHOLDER_SAMPLES, runOf } from "../../../src/vscode/calculator-fields";
import { estimateTraining } from "../../../src/vscode/energy-bridge";
import { analyze } from "../helpers/analyze";

// The report's calculator starts from the training plan the analyzer reads (real parses of the training fixtures)
// and falls back to the settings; each field names where its value came from.
const fixture = (name: string): string => readFileSync(join(__dirname, "../../fixtures/training", name), "utf8");
/** 1-based line of the first line containing `needle`, so the tests follow the fixture when it is edited. */
const lineOf = (text: string, needle: string): number => {
  const index = text.split("\n").findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `no line with ${needle}`);
  return index + 1;
};
/** The number the fixture's argparse option defaults to, read from its text. */
const argparseDefault = (text: string, flag: string): number => {
  const match = new RegExp(`"${flag}", type=int, default=(\\d+)`).exec(text);
  assert.ok(match, `no default for ${flag}`);
  return Number(match[1]);
};
const settings = { hardware: "a100-sxm", batchSize: 48 };

async function analyzed(name: string) {
  const text = fixture(name);
  const result = await analyze(text, { file: `/project/${name}` });
  assert.equal(result.models.length, 1, result.notes.join("; "));
  return { text, plan: result.training, model: result.models[0] };
}

describe("training calculator fields (src/vscode/calculator-fields.ts)", () => {
  it("takes epochs and batch from the code, with the file and line they were read from", async () => {
    const { text, plan } = await analyzed("mnist_argparse.py");
    const fields = calculatorFields(plan, settings, "/project/mnist_argparse.py");
    assert.equal(fields.epochs.value, argparseDefault(text, "--epochs"));
    assert.equal(fields.epochs.source, "code");
    assert.equal(fields.epochs.label, `from mnist_argparse.py:${lineOf(text, "for epoch in range(")}`);
    assert.equal(fields.epochs.line, lineOf(text, "for epoch in range("));
    assert.match(fields.epochs.detail, /args\.epochs/);
    assert.equal(fields.batch.value, argparseDefault(text, "--batch-size"));
    assert.equal(fields.batch.label, `from mnist_argparse.py:${lineOf(text, "DataLoader(dataset1")}`);
  });

  it("labels a dataset's size as such, and keeps the table's reference for the hover", async () => {
    const { text, plan } = await analyzed("mnist_argparse.py");
    const fields = calculatorFields(plan, settings, "/project/mnist_argparse.py");
    assert.equal(fields.samples.value, plan?.samples?.value);
    assert.equal(fields.samples.source, "dataset table");
    assert.equal(fields.samples.label, `dataset size, mnist_argparse.py:${lineOf(text, "train=True")}`);
    assert.equal(fields.samples.detail, plan?.samples?.detail);
  });

  it("hardware always comes from the settings; drop_last from the code when it says so", async () => {
    const torch = await analyzed("mnist_argparse.py");
    const withoutDrop = calculatorFields(torch.plan, settings, "/project/mnist_argparse.py");
    assert.deepEqual([withoutDrop.hardware.value, withoutDrop.hardware.source], [settings.hardware, "settings"]);
    assert.deepEqual([withoutDrop.dropLast.value, withoutDrop.dropLast.source], [false, "default"]);
    const constants = await analyzed("module_constants.py");
    const withDrop = calculatorFields(constants.plan, settings, "/project/module_constants.py");
    assert.ok(constants.text.includes("drop_last=True"));
    assert.deepEqual([withDrop.dropLast.value, withDrop.dropLast.source, withDrop.dropLast.label], [true, "code", "from module_constants.py"]);
  });

  it("a file that states nothing: placeholders for epochs and samples, the settings' batch, each labelled", async () => {
    const { plan } = await analyzed("nothing_to_find.py");
    for (const given of [plan, undefined]) {
      const fields = calculatorFields(given, settings, "/project/nothing_to_find.py");
      assert.deepEqual([fields.epochs.value, fields.epochs.source], [PLACEHOLDER_EPOCHS, "placeholder"]);
      assert.deepEqual([fields.samples.value, fields.samples.source], [PLACEHOLDER_SAMPLES, "placeholder"]);
      assert.match(fields.epochs.label, /placeholder/);
      assert.deepEqual([fields.batch.value, fields.batch.source, fields.batch.label], [settings.batchSize, "settings", "from settings"]);
      assert.match(fields.batch.detail, /greenlight\.batchSize/);
      assert.equal(fields.epochs.line, undefined);
    }
  });

  it("the first estimate is the CLI's training run for the same plan (steps and time)", async () => {
    for (const name of ["mnist_argparse.py", "module_constants.py", "keras_fit.py"]) {
      const { plan, model } = await analyzed(name);
      const fields = calculatorFields(plan, { hardware: defaultSettings.hardware, batchSize: defaultSettings.batchSize }, `/project/${name}`);
      const editor = estimateTraining(model, runOf(fields), defaultSettings);
      assert.ok(!(editor instanceof Error), `${name}: ${String(editor)}`);
      const stepAt = (batch?: number) => estimateModel(model, { hardware: defaultSettings.hardware, dtype: defaultSettings.precision, mode: "train", batch: batch ?? model.inputs[0]?.shape[0] ?? 1 });
      const cli = resolveTrainingRun(plan, {}, stepAt);
      assert.ok(cli.run, `${name}: ${cli.notes.join("; ")}`);
      assert.equal(editor.steps, cli.run.steps, name);
      assert.ok(Math.abs(editor.hours * 3600 - cli.run.seconds) <= 1e-9 * cli.run.seconds, `${name}: ${editor.hours * 3600} s vs ${cli.run.seconds} s`);
    }
  });

  it("drop_last counts only full batches, and a run with no full batch is an error rather than zero", async () => {
    const { plan, model } = await analyzed("module_constants.py");
    const run = runOf(calculatorFields(plan, settings, "/project/module_constants.py"));
    const dropped = estimateTraining(model, run, defaultSettings);
    const kept = estimateTraining(model, { ...run, dropLast: false }, defaultSettings);
    assert.ok(!(dropped instanceof Error) && !(kept instanceof Error));
    assert.equal(dropped.steps, run.epochs * Math.floor(run.samples / run.batch));
    assert.equal(kept.steps, run.epochs * Math.ceil(run.samples / run.batch));
    const none = estimateTraining(model, { ...run, samples: run.batch - 1 }, defaultSettings);
    assert.ok(none instanceof Error);
    assert.match(none.message, /no full batch/);
  });
});
