import { strict as assert } from "node:assert";
import { join } from "node:path";
import { runAnalyze } from "../../../../src/cli/commands/analyze";
import { CliError } from "../../../../src/cli/cli-io";

const fixtures = join(__dirname, "../../../fixtures/training");

async function analyzeCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runAnalyze(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

interface RunJson {
  epochs: number | null;
  samples: number | null;
  batch: number;
  steps: number | null;
  seconds: number | null;
  joules: number | null;
  kwh: number | null;
  gco2e: number | null;
  joules_per_step: number;
  sources: Record<string, { from: string; line: number | null; detail: string } | null>;
  notes: string[];
}

const runOf = (stdout: string, model = 0): RunJson => JSON.parse(stdout).models[model].estimate.training_run as RunJson;

describe("greenlight analyze --mode train: the training run", () => {
  it("a script whose model is built elsewhere still shows the run its code states: steps or epochs, batch, dtype", async () => {
    const file = join(fixtures, "imported_model.py");
    const r = await analyzeCli([file, "--mode", "train", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.models, []);
    const [plan] = out.training_plans;
    assert.deepEqual([plan.file, plan.epochs, plan.batch, plan.dtype, plan.optimizer_steps], [file, 30, 128, "bf16", null]);
    assert.match(plan.sources.dtype.detail, /Trainer\(precision=args\.precision\)/);
    assert.equal(plan.drop_last, false);
    // A plan over a loader that drops its last partial batch says so.
    const dropping = JSON.parse((await analyzeCli([join(fixtures, "imported_model_drop_last.py"), "--mode", "train", "--format", "json"])).stdout).training_plans[0];
    assert.deepEqual([dropping.epochs, dropping.samples, dropping.batch, dropping.drop_last], [4, 50_000, 256, true]);
    // With no model to estimate, the plan still counts its steps as the run takes them: ⌊50,000 / 256⌋ per epoch.
    assert.equal(dropping.optimizer_steps, 4 * Math.floor(50_000 / 256));
    assert.equal(dropping.sources.steps.from, "derived");
    const droppingTable = await analyzeCli([join(fixtures, "imported_model_drop_last.py"), "--mode", "train"]);
    assert.match(droppingTable.stdout, /4 epochs × 50,000 samples: 780 optimizer steps \(drop_last\), batch 256/);
    const table = await analyzeCli([file, "--mode", "train"]);
    assert.match(table.stdout, /training runs:\n {2}.*imported_model\.py: 30 epochs, batch 128, bf16 \(epochs: code line \d+, batch: code line \d+, dtype: code line \d+\); no model built in this file to estimate its step: pass --entry/);
    // A file whose model gives a run has no separate plan; inference mode has none at all.
    const own = JSON.parse((await analyzeCli([join(fixtures, "mnist_argparse.py"), "--mode", "train", "--format", "json"])).stdout);
    assert.deepEqual(own.training_plans, []);
    assert.equal(JSON.parse((await analyzeCli([file, "--format", "json"])).stdout).training_plans, undefined);
  });

  it("a plan beside a model built but not analyzed names that model, not a missing one", async () => {
    const table = await analyzeCli([join(fixtures, "vocab_from_data.py"), "--mode", "train"]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /vocab_from_data\.py: 12 epochs, batch 32, fp32 \(epochs: code line 29, batch: code line 28\); the forward pass of 'model' \(line 26\) was not analyzed \(its notes say why\), so its step is not estimated/);
    assert.doesNotMatch(table.stdout, /no model built in this file/);
  });

  it("the text and Markdown formats list the file's notes beside its models, as JSON's notes does", async () => {
    const file = join(fixtures, "arch_choice.py");
    const json = JSON.parse((await analyzeCli([file, "--format", "json"])).stdout);
    const [note] = json.notes.map((n: { note: string }) => n.note);
    assert.match(note, /^model: built from the branch whose conditions hold with the script's defaults \(line 21\), of 2 assignments to 'model'/);
    const text = (await analyzeCli([file])).stdout;
    assert.ok(text.includes(`\nnotes:\n  test/fixtures/training/arch_choice.py: ${note}\n`), text);
    const markdown = (await analyzeCli([file, "--format", "markdown"])).stdout;
    assert.ok(markdown.includes(`\n### Notes\n\n- test/fixtures/training/arch_choice.py: ${note}\n`), markdown);
  });

  it("adds training_run from the script's own figures, each with its source", async () => {
    const r = await analyzeCli([join(fixtures, "mnist_argparse.py"), "--hardware", "h100-sxm", "--mode", "train", "--region", "FRA", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const run = runOf(r.stdout);
    assert.deepEqual([run.epochs, run.samples, run.batch], [14, 60_000, 64]);
    assert.equal(run.steps, 14 * Math.ceil(60_000 / 64));
    assert.ok(Math.abs(run.joules! - run.steps! * run.joules_per_step) / run.joules! < 1e-3, `${run.joules} vs ${run.steps} × ${run.joules_per_step}`);
    assert.ok(Math.abs(run.kwh! - run.joules! / 3.6e6) / run.kwh! < 1e-3);
    const intensity = JSON.parse(r.stdout).models[0].estimate.gco2_per_kwh as number;
    assert.ok(Math.abs(run.gco2e! - run.kwh! * intensity) / run.gco2e! < 1e-3);
    assert.deepEqual([run.sources.epochs?.from, run.sources.samples?.from, run.sources.batch?.from], ["code", "dataset table", "code"]);
    assert.ok(run.sources.epochs!.line! > 0);
  });

  it("fills figures the code does not state from --epochs/--samples, and reports missing ones as null", async () => {
    const file = join(fixtures, "nothing_to_find.py");
    const missing = runOf((await analyzeCli([file, "--input", "16x64", "--hardware", "l4", "--mode", "train", "--format", "json"])).stdout);
    assert.deepEqual([missing.epochs, missing.samples, missing.steps, missing.joules, missing.batch], [null, null, null, null, 16]);
    assert.match(missing.notes.join(" "), /--epochs N/);
    const given = runOf((await analyzeCli([file, "--input", "16x64", "--hardware", "l4", "--mode", "train", "--epochs", "2", "--samples", "100", "--format", "json"])).stdout);
    assert.deepEqual([given.epochs, given.samples, given.steps, given.sources.epochs?.from], [2, 100, 2 * Math.ceil(100 / 16), "settings"]);
  });

  it("prints one line per model with the run's totals in the table", async () => {
    const r = await analyzeCli([join(fixtures, "module_constants.py"), "--hardware", "rtx-4090", "--mode", "train"]);
    assert.equal(r.code, 0, r.stderr);
    const section = r.stdout.slice(r.stdout.indexOf("training runs:"));
    const steps = (12 * Math.floor(10_000 / 128)).toLocaleString("en-US");
    assert.match(section, new RegExp(`SmallNet: 12 epochs × 10,000 samples, batch 128 \\(drop_last\\): ${steps} steps, .* [mkMG]?Wh( \\(.*\\))?, .* [mµkt]?gCO2e for the run \\(epochs: code line \\d+, samples: code line \\d+, batch: code line \\d+\\)`));
  });

  it("says what a step-based run goes through: samples seen, and the share of a data set of known size", async () => {
    const r = await analyzeCli([join(fixtures, "step_budget.py"), "--hardware", "l4", "--mode", "train"]);
    assert.equal(r.code, 0, r.stderr);
    const line = r.stdout.slice(r.stdout.indexOf("training runs:")).split("\n")[1];
    // 1,500 steps × batch 64 = 96,000 samples, 1.6 passes over MNIST's 60,000 training images.
    assert.match(line, /Classifier: batch 64, 96,000 samples seen \(1\.6 epochs of 60,000 samples\): 1,500 steps, /);
    assert.match(line, /\(steps: code line \d+, batch: code line \d+, samples: dataset table line \d+\)/);
  });

  it("estimates the training step and its memory at the batch the run loads, not the model input's", async () => {
    const file = join(fixtures, "step_budget.py");
    const table = await analyzeCli([file, "--hardware", "l4", "--mode", "train"]);
    assert.match(table.stdout, /1x784 \(default\)/);
    assert.match(table.stdout, /Classifier: l4 .*, fp32, batch 64: .* per training step of batch 64/);
    assert.match(table.stdout, /Classifier: memory \(train, batch 64\): .*activations/);
    const json = JSON.parse((await analyzeCli([file, "--hardware", "l4", "--mode", "train", "--format", "json"])).stdout);
    const estimate = json.models[0].estimate;
    assert.equal(estimate.batch, 64);
    // The run's step and the estimate are one figure.
    assert.equal(estimate.training_run.joules_per_micro_batch, estimate.joules_per_iter);
    // In inference mode the model input's batch stays.
    const inference = JSON.parse((await analyzeCli([file, "--hardware", "l4", "--format", "json"])).stdout);
    assert.equal(inference.models[0].estimate.batch, 1);
  });

  it("has no training run in inference mode, and says the run options need --mode train", async () => {
    const r = await analyzeCli([join(fixtures, "keras_fit.py"), "--hardware", "t4", "--epochs", "3", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).models[0].estimate.training_run, undefined);
    assert.match(r.stderr, /--epochs apply to training runs: add --mode train/);
  });

  it("rejects bad run options with a clear message", async () => {
    const file = join(fixtures, "keras_fit.py");
    for (const [option, value, message] of [["--epochs", "0", /--epochs must be at least 1/], ["--samples", "1.5", /--samples must be a whole number/], ["--batch", "many", /--batch must be a number/]] as const) {
      await assert.rejects(analyzeCli([file, "--hardware", "t4", "--mode", "train", option, value]), (err: unknown) => err instanceof CliError && message.test(err.message));
    }
    await assert.rejects(analyzeCli([file, "--mode", "train", "--hardware", "h200"]), /unknown --hardware 'h200'/);
  });

  it("a network the run uses but does not train does not carry the file's run: the run is shown on its own, the network marked untrained", async () => {
    const file = join(fixtures, "frozen_encoder_unbuilt_decoder.py");
    const json = JSON.parse((await analyzeCli([file, "--mode", "train", "--format", "json"])).stdout);
    const encoder = json.models.find((m: { name: string }) => m.name === "encoder");
    assert.equal(encoder.estimate.training_run.untrained, true);
    // The decoder the optimizer trains is not analyzed (its vocabulary is in a missing file): the run stands alone.
    assert.equal(json.training_plans.length, 1);
    assert.equal(json.training_plans[0].epochs, 5);
    assert.equal(json.training_plans[0].batch, 32);
    const table = (await analyzeCli([file, "--mode", "train"])).stdout;
    assert.match(table, /encoder: not trained by this run: encoder is put out of training \(line 17\)/);
    assert.match(table, /frozen_encoder_unbuilt_decoder\.py: 5 epochs × 960 samples: 150 optimizer steps, batch 32, fp32/);
  });
});
