import { strict as assert } from "node:assert";
import { runHardware } from "../../../src/cli/commands/hardware";
import { CliError } from "../../../src/cli/cli-io";
import { estimateFor, estimateHeading, estimateJson, estimateLine, estimateSettingsFrom } from "../../../src/cli/estimate-options";
import { hardwareProfiles } from "../../../src/core/energy/hardware";
import { hostProfiles } from "../../../src/core/energy/host";
import { resnet50 } from "../core/energy/workloads";

function collect(): { out: { stdout(t: string): void; stderr(t: string): void }; text: () => string } {
  let text = "";
  return { out: { stdout: (t) => (text += t), stderr: (t) => (text += t) }, text: () => text };
}

describe("greenlight hardware", () => {
  it("lists every profile in a table", async () => {
    const c = collect();
    assert.equal(await runHardware([], c.out), 0);
    for (const p of hardwareProfiles()) assert.match(c.text(), new RegExp(`^${p.id} `, "m"));
    for (const h of hostProfiles()) assert.match(c.text(), new RegExp(`^${h.id} `, "m"));
    assert.match(c.text(), /^Hosts \(--host ID/m);
    assert.match(c.text(), /^apple-m4-max .* \? /m);
  });

  it("gives the figures and their sources as JSON", async () => {
    const c = collect();
    assert.equal(await runHardware(["--format", "json"], c.out), 0);
    type Part = { id: string; host: string; peak_tflops: { fp32: number | null }; sources: Record<string, string>; missing?: string[] };
    const json = JSON.parse(c.text()) as { accelerators: Part[]; hosts: { id: string; seconds_per_op: number; measured: boolean; sources: Record<string, string> }[]; incomplete: Part[] };
    assert.equal(json.accelerators.length, hardwareProfiles().length);
    assert.ok(json.accelerators.every((p) => (p.peak_tflops.fp32 ?? 0) > 0 && p.sources.peakTflops));
    // Every accelerator names a host that is listed, and every host has sourced figures.
    const hosts = new Set(json.hosts.map((h) => h.id));
    for (const p of [...json.accelerators, ...json.incomplete]) assert.ok(hosts.has(p.host), `${p.id}: host ${p.host}`);
    assert.ok(json.hosts.every((h) => h.seconds_per_op > 0 && h.sources.secondsPerOp.length > 10));
    assert.ok(json.hosts.some((h) => h.measured), "the calibration host is marked measured");
    // Parts without a published figure say which one is missing instead of borrowing it.
    assert.ok(json.incomplete.length > 0 && json.incomplete.every((p) => (p.missing ?? []).length > 0));
  });

  it("rejects an unknown format or argument", async () => {
    await assert.rejects(runHardware(["--format", "xml"], collect().out), CliError);
    await assert.rejects(runHardware(["h100"], collect().out), /unexpected argument 'h100'/);
  });
});

describe("analyze's estimate options", () => {
  const values = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

  it("estimates on the editor's default hardware when no option is given, and says it is the default", () => {
    const s = estimateSettingsFrom(values({}));
    assert.deepEqual([s.hardware, s.defaultHardware, s.dtype, s.mode, s.pue, s.gco2PerKwh], ["h100-sxm", true, undefined, "inference", 1, 475]);
    assert.match(estimateHeading(s), /^estimates on h100-sxm \(the default; --hardware picks another\), grid world average 475 gCO2e\/kWh/);
  });

  it("defaults to inference and the world average; the precision is left to the script", () => {
    const s = estimateSettingsFrom(values({ hardware: "H100-SXM" }))!;
    assert.deepEqual([s.hardware, s.defaultHardware, s.dtype, s.mode, s.pue, s.gco2PerKwh], ["h100-sxm", false, undefined, "inference", 1, 475]);
  });

  it("takes a region's yearly average from the offline table", () => {
    const s = estimateSettingsFrom(values({ hardware: "l4", region: "FRA", dtype: "bf16", mode: "train", pue: "1.2" }))!;
    assert.ok(s.gco2PerKwh > 0 && s.gco2PerKwh < 200, `France ${s.gco2PerKwh}`);
    assert.equal(s.pue, 1.2);
    assert.equal(s.notes.length, 0);
    const unknown = estimateSettingsFrom(values({ hardware: "l4", region: "ZZZ" }))!;
    assert.match(unknown.notes[0], /world average/);
  });

  it("says what is wrong with bad options", () => {
    assert.throws(() => estimateSettingsFrom(values({ dtype: "bf17" })), /--dtype must be one of/);
    assert.throws(() => estimateSettingsFrom(values({ hardware: "gpu9000" })), /unknown --hardware 'gpu9000' \(known: /);
    assert.throws(() => estimateSettingsFrom(values({ hardware: "t4", dtype: "fp8" })), /--dtype must be one of/);
    assert.throws(() => estimateSettingsFrom(values({ hardware: "t4", mode: "serve" })), /--mode must be inference or train/);
    assert.throws(() => estimateSettingsFrom(values({ hardware: "t4", pue: "0.5" })), /--pue must be at least 1/);
    assert.throws(() => estimateSettingsFrom(values({ hardware: "t4", pue: "abc" })), /--pue must be a number/);
    assert.throws(() => estimateSettingsFrom(values({ hardware: "t4", region: "../etc" })), /--region must be a region code/);
    assert.throws(() => estimateSettingsFrom(values({ hardware: "t4", host: "pentium" })), /--host: unknown host 'pentium' \(known: auto, server-x86/);
    assert.throws(() => estimateSettingsFrom(values({ hardware: "tpu-v6e" })), /'tpu-v6e' cannot be estimated: its peak fp32 rate, power at load, power at rest are not published/);
  });

  it("takes the host from --host, or from the accelerator's profile when it is absent or auto", () => {
    assert.equal(estimateSettingsFrom(values({ hardware: "h200-sxm" }))!.host, "server-x86");
    assert.equal(estimateSettingsFrom(values({ hardware: "rtx-5090", host: "auto" }))!.host, "desktop-x86");
    assert.equal(estimateSettingsFrom(values({ hardware: "h200-sxm", host: "Desktop-X86" }))!.host, "desktop-x86");
  });

  it("produces the contract's JSON fields and a one-line summary", () => {
    const s = estimateSettingsFrom(values({ hardware: "a100-sxm", dtype: "bf16", region: "DEU" }))!;
    const estimate = estimateFor(resnet50(8), s);
    const json = estimateJson(estimate);
    for (const key of ["hardware", "dtype", "mode", "batch", "flops_per_iter", "seconds_per_iter", "joules_per_iter", "avg_power_w", "gco2e_per_iter", "bound"]) {
      assert.ok(key in json, key);
    }
    assert.equal(json.batch, 8);
    assert.ok(["compute", "memory", "launch"].includes(json.bound as string));
    assert.ok(Math.abs((json.gco2e_per_iter as number) / ((estimate.joules_per_iter / 3.6e6) * s.gco2PerKwh) - 1) < 1e-3);
    assert.equal(json.host, "server-x86");
    assert.match(estimateLine(estimate), /^a100-sxm \(host server-x86\), bf16, batch 8: [\d.]+ [mµn]?J per sample, [\d.]+ [mµk]?gCO2e per 1,000 samples; [\d.]+ [mµ]?J \([\d.]+[^)]*J\), [\d.]+ [mµ]?s \([\d.]+[^)]*s\), [\d.]+ W per batch-8 forward \((compute|memory|launch)-bound on a100-sxm, profile not measured[^)]*\)$/);
  });
});
