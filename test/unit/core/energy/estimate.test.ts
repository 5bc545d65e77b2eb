import { strict as assert } from "node:assert";
import { estimateModel, precisionAlternatives, type EstimateOptions } from "../../../../src/core/energy/estimate";
import { hardwareProfile, hardwareProfiles } from "../../../../src/core/energy/hardware";
import { classifyOp } from "../../../../src/core/energy/op-classes";
import { OpListBuilder, cifarResnet18, gpt2, mlp4096, reportOf, resnet50, squareMatmul, vitB16 } from "./workloads";

const h100 = (extra: Partial<EstimateOptions> = {}): EstimateOptions => ({ hardware: "h100-sxm", dtype: "fp32", mode: "inference", ...extra });

describe("estimateModel", () => {
  describe("bounds", () => {
    it("a small MLP at batch 1 is launch-bound: host dispatch outlasts the kernels", () => {
      const estimate = estimateModel(mlp4096(1), h100());
      assert.equal(estimate.bound, "launch");
      // Launch-bound time does not grow with the work: batch 8 takes about as long.
      const batch8 = estimateModel(mlp4096(8), h100());
      assert.ok(Math.abs(batch8.seconds_per_iter / estimate.seconds_per_iter - 1) < 0.1);
    });

    it("a large matrix product is compute-bound and its time scales with FLOPs", () => {
      const big = estimateModel(squareMatmul(8192), h100({ dtype: "bf16" }));
      const bigger = estimateModel(squareMatmul(16384), h100({ dtype: "bf16" }));
      assert.equal(big.bound, "compute");
      assert.ok(Math.abs(bigger.seconds_per_iter / big.seconds_per_iter / 8 - 1) < 0.1, "8× the FLOPs, about 8× the time");
    });

    it("large element-wise work is memory-bound and its time follows bytes at the precision", () => {
      const build = (): OpListBuilder => {
        const b = new OpListBuilder([64, 4096, 4096]);
        b.elementwise("relu").elementwise("add").elementwise("gelu");
        return b;
      };
      const fp32 = estimateModel(reportOf("elementwise", { shape: [64, 4096, 4096], dtype: "float32" }, build()), h100());
      const bf16 = estimateModel(reportOf("elementwise", { shape: [64, 4096, 4096], dtype: "float32" }, build()), h100({ dtype: "bf16" }));
      assert.equal(fp32.bound, "memory");
      assert.ok(Math.abs(fp32.seconds_per_iter / bf16.seconds_per_iter - 2) < 0.2, "half the bytes, about half the time");
    });
  });

  it("swings joules per FLOP by well over 10× between batch 1 and batch 256", () => {
    const perFlop = (batch: number): number => {
      const e = estimateModel(cifarResnet18(batch), h100());
      return e.joules_per_iter / e.flops_per_iter;
    };
    assert.ok(perFlop(1) / perFlop(256) > 10);
  });

  it("keeps average power between the board's idle and its limit, on every profile", () => {
    for (const profile of hardwareProfiles()) {
      for (const report of [mlp4096(1), resnet50(64), squareMatmul(4096)]) {
        for (const mode of ["inference", "train"] as const) {
          const e = estimateModel(report, { hardware: profile.id, dtype: "bf16", mode });
          assert.ok(e.avg_power_w >= profile.idlePowerW - 1e-9 && e.avg_power_w <= profile.powerLimitW + 1e-9, `${profile.id} ${report.name} ${mode}: ${e.avg_power_w} W`);
          assert.ok(Math.abs(e.joules_per_iter - e.avg_power_w * e.seconds_per_iter) < 1e-9 * e.joules_per_iter + 1e-12, "energy = power × time");
          assert.ok(e.seconds_per_iter > 0 && Number.isFinite(e.seconds_per_iter));
        }
      }
    }
  });

  describe("precision and quantization", () => {
    it("bf16 costs less than fp32 for a compute-heavy model at a large batch", () => {
      const fp32 = estimateModel(vitB16(64), h100());
      const bf16 = estimateModel(vitB16(64), h100({ dtype: "bf16" }));
      assert.ok(bf16.joules_per_iter < 0.7 * fp32.joules_per_iter, `${bf16.joules_per_iter} vs ${fp32.joules_per_iter}`);
    });

    it("int8 Linear layers cost less than bf16 ones for a Linear-heavy model", () => {
      const bf16 = estimateModel(gpt2(8, false), h100({ dtype: "bf16" }));
      const int8 = estimateModel(gpt2(8, false), h100({ dtype: "bf16", quantizedLinear: true }));
      assert.ok(int8.joules_per_iter < bf16.joules_per_iter, `${int8.joules_per_iter} vs ${bf16.joules_per_iter}`);
      assert.equal(int8.flops_per_iter, bf16.flops_per_iter, "quantization changes the cost of FLOPs, not their count");
    });

    it("a GPU without bf16 units (T4) gains nothing from bf16 over fp16 but still from fp16 over fp32", () => {
      const t4 = (dtype: EstimateOptions["dtype"]) => estimateModel(resnet50(32), { hardware: "t4", dtype, mode: "inference" });
      assert.ok(Math.abs(t4("bf16").joules_per_iter / t4("fp16").joules_per_iter - 1) < 1e-9);
      assert.ok(t4("fp16").joules_per_iter < t4("fp32").joules_per_iter);
    });
  });

  it("rescales to another batch: FLOPs exactly, time close to the report built at that batch", () => {
    const scaled = estimateModel(resnet50(1), h100({ batch: 128 }));
    const built = estimateModel(resnet50(128), h100());
    assert.equal(scaled.batch, 128);
    assert.equal(scaled.flops_per_iter, built.flops_per_iter);
    assert.ok(Math.abs(scaled.seconds_per_iter / built.seconds_per_iter - 1) < 0.05);
  });

  it("splits the iteration into per-layer shares that add up to the whole", () => {
    const e = estimateModel(resnet50(32), h100({ mode: "train" }));
    const total = e.layers.reduce((s, l) => s + l.joules, 0);
    assert.ok(Math.abs(total / e.joules_per_iter - 1) < 1e-9);
    assert.ok(Math.abs(e.layers.reduce((s, l) => s + l.share, 0) - 1) < 1e-9);
    assert.ok(e.layers.some((l) => l.path === "(optimizer)"));
    for (let i = 1; i < e.layers.length; i++) assert.ok(e.layers[i - 1].joules >= e.layers[i].joules, "largest first");
    const conv1 = e.layers.find((l) => l.path === "conv1");
    assert.ok(conv1 && conv1.flops > 0);
  });

  it("counts carbon at the given grid intensity and PUE, the world average when none is given", () => {
    const e = estimateModel(mlp4096(64), h100({ carbon: { gco2PerKwh: 100, pue: 1.5 } }));
    assert.ok(Math.abs(e.gco2e_per_iter - (e.joules_per_iter / 3.6e6) * 1.5 * 100) < 1e-15);
    const world = estimateModel(mlp4096(64), h100());
    assert.equal(world.gco2_per_kwh, 475);
  });

  describe("bad input", () => {
    it("names the problem instead of returning nonsense", () => {
      assert.throws(() => estimateModel(mlp4096(1), h100({ hardware: "abacus" })), /unknown hardware 'abacus'/);
      assert.throws(() => estimateModel(mlp4096(1), h100({ dtype: "fp8" as never })), /unknown dtype 'fp8'/);
      assert.throws(() => estimateModel(mlp4096(1), h100({ mode: "serve" as never })), /unknown mode 'serve'/);
      assert.throws(() => estimateModel(mlp4096(1), h100({ batch: 0 })), /batch must be a positive integer/);
      assert.throws(() => estimateModel(mlp4096(1), h100({ mode: "train", optimizer: "lion" })), /unknown optimizer 'lion' \(sgd, sgd-momentum, adam, adamw\)/);
      const broken = mlp4096(1);
      broken.ops[0] = { ...broken.ops[0], flops: Number.NaN };
      assert.throws(() => estimateModel(broken, h100()), /non-finite or negative/);
    });

    it("estimates an empty model as nothing, without dividing by zero", () => {
      const empty = reportOf("empty", { shape: [1, 4], dtype: "float32" }, new OpListBuilder([1, 4]));
      const e = estimateModel(empty, h100());
      assert.deepEqual([e.seconds_per_iter, e.joules_per_iter, e.flops_per_iter, e.gco2e_per_iter, e.layers.length], [0, 0, 0, 0, 0]);
      assert.ok(Number.isFinite(e.avg_power_w));
    });
  });

  it("classifies ops by name, with FLOP-carrying unknowns treated as matrix products", () => {
    assert.equal(classifyOp("torch.nn.functional.linear", 10), "matmul");
    assert.equal(classifyOp("Conv2d", 10), "convolution");
    assert.equal(classifyOp("F.scaled_dot_product_attention", 10), "attention");
    assert.equal(classifyOp("view", 0), "view");
    assert.equal(classifyOp("mystery_op", 0), "vector");
    assert.equal(classifyOp("mystery_op", 5), "matmul");
    assert.equal(classifyOp("aten._native_batch_norm_legit_no_training", 0), "vector");
    assert.equal(classifyOp("aten.convolution", 10), "convolution");
    assert.equal(classifyOp("aten._scaled_dot_product_flash_attention", 10), "attention");
    assert.equal(classifyOp("aten.native_dropout", 0), "view", "dropout runs no kernel at inference");
    assert.equal(classifyOp("aten.bernoulli_", 0, undefined, true), "vector", "but does in training");
    assert.equal(classifyOp("aten.addmm", 10, "LSTM"), "recurrent", "an LSTM's products are its steps");
  });

  it("uses the profile it is handed, so a user's profile works without registering it", () => {
    const base = hardwareProfile("h100-sxm");
    const faster = { ...base, id: "h100-doubled", peakTflops: { ...base.peakTflops, bf16: 2 * (base.peakTflops.bf16 ?? 0) } };
    const a = estimateModel(squareMatmul(8192), { hardware: base, dtype: "bf16", mode: "inference" });
    const b = estimateModel(squareMatmul(8192), { hardware: faster, dtype: "bf16", mode: "inference" });
    assert.equal(b.hardware, "h100-doubled");
    assert.ok(b.seconds_per_iter < 0.6 * a.seconds_per_iter);
  });

  it("says when the hardware lacks the precision asked for and which rate it was priced at", () => {
    // Apple's GPUs have no float64 and a V100 no bf16: priced at fp32's and fp16's rates, and the range's reason says so.
    const apple = estimateModel(squareMatmul(2048), { hardware: "apple-m2-max", dtype: "fp64", mode: "inference" });
    assert.match(apple.range.reason, /; fp64 priced at fp32's rate: apple-m2-max has no fp64 units$/);
    const v100 = estimateModel(squareMatmul(2048), { hardware: "v100", dtype: "bf16", mode: "inference" });
    assert.match(v100.range.reason, /; bf16 priced at fp16's rate: v100 has no bf16 units$/);
    // A precision the hardware has is not remarked on.
    assert.doesNotMatch(estimateModel(squareMatmul(2048), h100({ dtype: "fp64" })).range.reason, /priced at/);
  });
});

describe("precisionAlternatives", () => {
  it("shows what bf16 and int8 Linear layers would save on a Linear-heavy model at a large batch", () => {
    const options: EstimateOptions = { hardware: "a100-sxm", dtype: "fp32", mode: "inference" };
    const alternatives = precisionAlternatives(mlp4096(512), options);
    const bf16 = alternatives.find((a) => a.label.startsWith("bf16"))!;
    const int8 = alternatives.find((a) => a.quantizedLinear)!;
    assert.ok(bf16.saving > 0.3, `bf16 saves ${bf16.saving}`);
    assert.ok(int8.saving > bf16.saving, "int8 Linear on top of bf16 saves more");
    const current = estimateModel(mlp4096(512), options);
    assert.ok(Math.abs(bf16.joules_per_iter - (1 - bf16.saving) * current.joules_per_iter) < 1e-12);
  });

  it("leaves out the current setting and int8 for training", () => {
    const labels = precisionAlternatives(mlp4096(64), { hardware: "h100-sxm", dtype: "bf16", mode: "train" }).map((a) => a.label);
    assert.deepEqual(labels, ["fp16 mixed precision"]);
  });
});
