import { strict as assert } from "node:assert";
import { hardwareProfile, hardwareProfiles, parseHardwareProfiles, peakFlops } from "../../../../src/core/energy/hardware";
import profileData from "../../../../src/core/energy/hardware-profiles.json";

const REQUIRED = [
  "h100-sxm", "h100-pcie", "a100-sxm", "a100-pcie", "l4", "t4", "v100", "rtx-4090", "rtx-3090", "cpu-x86-server",
  // issue 17: the hardware of 2026
  "h200-sxm", "b200", "l40s", "a10g", "rtx-5090", "mi300x", "cpu-epyc-9755", "cpu-xeon-6980p", "cpu-grace",
];

describe("hardware profiles", () => {
  it("has every profile the issue asks for, an Apple M-series one included", () => {
    const ids = hardwareProfiles().map((p) => p.id);
    for (const id of REQUIRED) assert.ok(ids.includes(id), `missing ${id}`);
    assert.ok(ids.some((id) => /^apple-m\d-(pro|max)$/.test(id)), "an Apple M-series Pro or Max profile");
  });

  for (const profile of hardwareProfiles()) {
    describe(profile.id, () => {
      it("has lowercase id, sane figures and a source for each", () => {
        assert.match(profile.id, /^[a-z0-9-]+$/);
        assert.ok(profile.idlePowerW < profile.powerLimitW);
        assert.ok(profile.memoryBandwidthGBs > 10 && profile.memoryBandwidthGBs < 20_000);
        for (const key of ["peakTflops", "memoryBandwidthGBs", "parallelUnits", "powerLimitW", "idlePowerW", "model"]) {
          assert.ok((profile.sources[key] ?? "").length > 10, `${profile.id}: source of ${key}`);
        }
      });

      it("orders its precisions: int8 ≥ 16-bit ≥ tf32 ≥ fp32, where it has them", () => {
        const order = ["fp32", "tf32", "bf16", "int8"] as const;
        const rates = order.map((p) => peakFlops(profile, p).flops);
        for (let i = 1; i < rates.length; i++) assert.ok(rates[i] >= rates[i - 1], `${profile.id}: ${order[i]} below ${order[i - 1]}`);
      });

      it("falls back to a precision it has when it lacks one", () => {
        for (const precision of ["tf32", "bf16", "fp16", "int8"] as const) {
          const { ran } = peakFlops(profile, precision);
          assert.ok(profile.peakTflops[ran] !== undefined, `${profile.id} ${precision} ran as ${ran}`);
        }
      });
    });
  }

  it("finds a profile by id case-insensitively and names the known ids when it cannot", () => {
    assert.equal(hardwareProfile("H100-SXM").id, "h100-sxm");
    assert.throws(() => hardwareProfile("tpu-v9"), /unknown hardware 'tpu-v9' \(known: .*h100-sxm/);
  });

  describe("validation", () => {
    const clone = (): { profiles: Record<string, unknown>[] } => JSON.parse(JSON.stringify(profileData));

    it("accepts the bundled file", () => {
      assert.equal(parseHardwareProfiles(clone()).length, hardwareProfiles().length);
    });

    it("rejects a figure without its source", () => {
      const data = clone();
      delete (data.profiles[0].sources as Record<string, string>).memoryBandwidthGBs;
      assert.throws(() => parseHardwareProfiles(data), /every figure needs its source/);
    });

    it("rejects negative or missing figures, with the path of the problem", () => {
      const data = clone();
      (data.profiles[1].peakTflops as Record<string, number>).fp32 = -1;
      assert.throws(() => parseHardwareProfiles(data), /profiles\.1\.peakTflops\.fp32/);
      const missing = clone();
      delete missing.profiles[0].powerLimitW;
      assert.throws(() => parseHardwareProfiles(missing), /profiles\.0\.powerLimitW/);
    });

    it("rejects uppercase and duplicate ids, and idle power at or over the limit", () => {
      const upper = clone();
      upper.profiles[0].id = "H100";
      assert.throws(() => parseHardwareProfiles(upper), /lowercase id/);
      const duplicate = clone();
      duplicate.profiles[1].id = duplicate.profiles[0].id;
      assert.throws(() => parseHardwareProfiles(duplicate), /duplicate id 'h100-sxm'/);
      const idle = clone();
      idle.profiles[0].idlePowerW = 900;
      assert.throws(() => parseHardwareProfiles(idle), /idle power must be below the power limit/);
    });

    it("rejects something that is not a profile file", () => {
      assert.throws(() => parseHardwareProfiles(null), /invalid hardware profiles/);
      assert.throws(() => parseHardwareProfiles({ profiles: [] }), /invalid hardware profiles/);
    });
  });
});
