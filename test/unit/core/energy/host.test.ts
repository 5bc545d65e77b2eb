// The host apart from the accelerator: which host class runs a job, and what its dispatch time changes.
import { strict as assert } from "node:assert";
import { estimateModel } from "../../../../src/core/energy/estimate";
import { hardwareProfile, hardwareProfiles, incompleteProfiles } from "../../../../src/core/energy/hardware";
import { hostProfile, hostProfiles, parseHostProfiles, resolveHost } from "../../../../src/core/energy/host";
import hostData from "../../../../src/core/energy/host-profiles.json";
import { resnet50, squareMatmul } from "./workloads";

describe("host classes", () => {
  it("names a listed host for every accelerator, and resolves auto to it", () => {
    const ids = new Set(hostProfiles().map((h) => h.id));
    for (const p of [...hardwareProfiles(), ...incompleteProfiles()]) assert.ok(ids.has(p.host), `${p.id}: ${p.host}`);
    assert.equal(resolveHost(hardwareProfile("h200-sxm")).id, "server-x86");
    assert.equal(resolveHost(hardwareProfile("rtx-5090"), "auto").id, "desktop-x86");
    assert.equal(resolveHost(hardwareProfile("rtx-5090"), "SERVER-X86").id, "server-x86");
    assert.throws(() => hostProfile("vax"), /unknown host 'vax' \(known: auto, server-x86/);
  });

  it("sets batch-1 (launch-bound) time by its dispatch time, and barely touches a compute-bound iteration", () => {
    const small = (host: string) => estimateModel(resnet50(1), { hardware: "h200-sxm", host, dtype: "fp32", mode: "inference" });
    const slow = small("h100-calibration");
    const fast = small("desktop-x86");
    assert.equal(slow.bound, "launch");
    const ratio = fast.seconds_per_iter / slow.seconds_per_iter;
    const dispatch = hostProfile("desktop-x86").secondsPerOp / hostProfile("h100-calibration").secondsPerOp;
    assert.ok(Math.abs(ratio - dispatch) < 0.1, `batch-1 time ratio ${ratio.toFixed(2)} against dispatch ratio ${dispatch.toFixed(2)}`);
    assert.ok(fast.joules_per_iter < slow.joules_per_iter, "less time at idle power costs less energy");
    const big = (host: string) => estimateModel(squareMatmul(8192), { hardware: "h200-sxm", host, dtype: "bf16", mode: "inference" });
    assert.equal(big("h100-calibration").bound, "compute");
    assert.ok(Math.abs(big("desktop-x86").seconds_per_iter / big("h100-calibration").seconds_per_iter - 1) < 0.02);
  });

  it("reports the host it used", () => {
    assert.equal(estimateModel(resnet50(1), { hardware: "l40s", dtype: "fp32", mode: "inference" }).host, "server-x86");
    assert.equal(estimateModel(resnet50(1), { hardware: "l40s", host: hostProfile("server-arm"), dtype: "fp32", mode: "inference" }).host, "server-arm");
  });

  it("refuses host data without sources, with non-positive times, or with duplicate ids", () => {
    const clone = (): { hosts: Record<string, unknown>[] } => JSON.parse(JSON.stringify(hostData));
    assert.equal(parseHostProfiles(clone()).length, hostProfiles().length);
    const noSource = clone();
    delete (noSource.hosts[0].sources as Record<string, string>).secondsPerOp;
    assert.throws(() => parseHostProfiles(noSource), /hosts\.0\.sources\.secondsPerOp/);
    const zero = clone();
    zero.hosts[1].secondsPerOp = 0;
    assert.throws(() => parseHostProfiles(zero), /hosts\.1\.secondsPerOp/);
    const twice = clone();
    twice.hosts.push(twice.hosts[0]);
    assert.throws(() => parseHostProfiles(twice), /duplicate id 'server-x86'/);
  });
});

describe("accelerators whose vendor leaves out a figure", () => {
  it("are listed with the missing figure as null and refused with a reason, never estimated on borrowed figures", () => {
    for (const p of incompleteProfiles()) {
      assert.throws(() => hardwareProfile(p.id), new RegExp(`'${p.id}' cannot be estimated: its .* not published`));
      assert.ok(!hardwareProfiles().some((q) => q.id === p.id));
    }
    assert.deepEqual(incompleteProfiles().map((p) => p.id).sort(), ["apple-m3-max", "apple-m4-max", "cpu-graviton4", "gb200", "tpu-v5e", "tpu-v6e"]);
  });
});
