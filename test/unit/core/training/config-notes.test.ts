import { strict as assert } from "node:assert";
import { join } from "node:path";
import { runAnalyze } from "../../../../src/cli/commands/analyze";
import { configNotes, isConfigNote } from "../../../../src/core/training/config-notes";

// What configuration fed a training run, shown by every surface (config-notes.ts): files read, files named but missing.
const fixtures = join(__dirname, "../../../fixtures/training/config_files");

async function analyzeCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runAnalyze(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("training-run notes about configuration", () => {
  it("names the files read and missing, workspace-relative, and counts beyond six", () => {
    const notes = configNotes({ read: ["/w/conf/a.yaml", "/w/conf/a.yaml", "structured://x"], missing: ["/w/conf/b.yaml"] }, "/w");
    assert.deepEqual(notes.slice(0, 1), ["config read: conf/a.yaml, structured://x"]);
    assert.match(notes[1], /^config missing: conf\/b\.yaml \(named by the code, not in the workspace\)/);
    assert.ok(notes.every(isConfigNote));
    assert.deepEqual(configNotes({ read: [], missing: [] }, "/w"), []);
    const many = configNotes({ read: Array.from({ length: 8 }, (_, i) => `/w/c${i}.yaml`), missing: [] }, "/w");
    assert.match(many[0], /c5\.yaml and 2 more$/);
  });

  it("the CLI's JSON and text name the config file the figures came from", async () => {
    const file = join(fixtures, "train.py");
    const json = await analyzeCli([file, "--mode", "train", "--format", "json", "--root", fixtures]);
    assert.equal(json.code, 0, json.stderr);
    const run = JSON.parse(json.stdout).models[0].estimate.training_run;
    assert.deepEqual([run.epochs, run.batch, run.samples], [6, 50, 1000]);
    assert.ok(run.notes.includes("config read: configs/train.yaml"), run.notes.join("; "));
    const text = await analyzeCli([file, "--mode", "train", "--root", fixtures]);
    assert.match(text.stdout, /Net: 6 epochs .*; config read: configs\/train\.yaml/);
  });

  it("a default config file that is not there is named, and no figure is made up from it", async () => {
    const file = join(fixtures, "train_missing.py");
    const json = await analyzeCli([file, "--mode", "train", "--format", "json", "--root", fixtures]);
    assert.equal(json.code, 0, json.stderr);
    const run = JSON.parse(json.stdout).models[0].estimate.training_run;
    assert.equal(run.epochs, null);
    assert.ok(run.notes.some((n: string) => /^config missing: configs\/absent\.yaml/.test(n)), run.notes.join("; "));
    const text = await analyzeCli([file, "--mode", "train", "--root", fixtures]);
    assert.match(text.stdout, /config missing: configs\/absent\.yaml/);
  });

  it("a run that states no figure, its only config file missing, is still shown with that file named", async () => {
    const file = join(fixtures, "finetune_missing.py");
    const json = await analyzeCli([file, "--mode", "train", "--format", "json", "--root", fixtures]);
    assert.equal(json.code, 0, json.stderr);
    const plans = JSON.parse(json.stdout).training_plans;
    assert.equal(plans.length, 1);
    assert.deepEqual([plans[0].epochs, plans[0].batch, plans[0].optimizer_steps], [null, null, null]);
    assert.ok(plans[0].notes.some((n: string) => /^config missing: configs\/finetune\.json/.test(n)), plans[0].notes.join("; "));
    const text = await analyzeCli([file, "--mode", "train", "--root", fixtures]);
    assert.match(text.stdout, /no step or epoch count.*config missing: configs\/finetune\.json/);
  });
});
