import { z } from "zod";
import profileData from "./hardware-profiles.json";
import { PRECISIONS, type Precision } from "./precision";

const positive = z.number().positive();
const fraction = z.number().gt(0).max(1);

const peakSchema = z.object({ fp64: positive.optional(), fp32: positive, tf32: positive.optional(), bf16: positive.optional(), fp16: positive.optional(), int8: positive.optional() });

/** The constants of the time and power model (docs/energy.md), per profile. */
const modelSchema = z.object({
  /** Fraction of the datasheet peak that dense matmuls reach on the matrix units (cuBLAS, large shapes). */
  matmulEfficiency: fraction,
  /** Fraction of peak that convolutions reach (cuDNN implicit GEMM is further from peak than cuBLAS). */
  convolutionEfficiency: fraction,
  /** Fraction of the fp32 vector peak that matmuls reach when they run without matrix units (fp32 SIMT). */
  vectorEfficiency: fraction,
  /** Backward kernels' rate relative to forward ones (cuDNN's dgrad/wgrad and cuBLAS's transposed products). */
  backwardEfficiency: fraction,
  /** Fraction of the datasheet memory bandwidth that streaming kernels reach. */
  memoryEfficiency: fraction,
  /** Fixed device time per kernel (launch latency, ramp-up and tail): Hockney's n½ / r∞ term. */
  kernelLatencySeconds: z.number().nonnegative(),
  /** Reduction length K at which a matrix product's fixed per-tile cost halves its rate: rate × K / (K + K½). */
  halfRateReductionLength: z.number().nonnegative(),
  /** Dynamic power, as a fraction of (limit − idle): compute-bound, memory-bound, in a kernel's fixed latency
   *  (small kernels: clocks up, few units busy), and waiting for the host between kernels. */
  powerFraction: z.object({ compute: fraction, memory: fraction, latency: z.number().min(0).max(1), waiting: z.number().min(0).max(1) }),
});

/** How far a part is from measured hardware: its own measurements, the same architecture as a measured part, the
 *  same vendor's software stack (CUDA, cuBLAS, cuDNN), or another stack (ROCm, MPS, oneDNN, XLA). Widens ranges. */
export const CALIBRATION_DISTANCES = ["measured", "same-architecture", "same-vendor", "other-stack"] as const;
export type CalibrationDistance = (typeof CALIBRATION_DISTANCES)[number];

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase id: letters, digits and '-'");
const identity = {
  id: idSchema,
  name: z.string().min(1),
  kind: z.enum(["gpu", "cpu", "soc", "tpu"]),
  /** The host class (host-profiles.json) that usually drives this part: the default when no host is chosen. */
  host: idSchema,
  calibration: z.enum(CALIBRATION_DISTANCES),
};

const profileSchema = z.object({
  ...identity,
  peakTflops: peakSchema,
  memoryBandwidthGBs: positive,
  /** Streaming multiprocessors (GPU), GPU cores (Apple) or CPU cores: how K½ of a profile without its own
   *  calibration is derived from the H100's (by the 16-bit rate per unit), and shown by `greenlight hardware --format json`. */
  parallelUnits: z.number().int().positive(),
  powerLimitW: positive,
  idlePowerW: z.number().nonnegative(),
  sources: z.record(z.string(), z.string().min(1)),
  model: modelSchema,
  notes: z.string().optional(),
}).refine((p) => p.idlePowerW < p.powerLimitW, { message: "idle power must be below the power limit" })
  .refine((p) => ["peakTflops", "memoryBandwidthGBs", "parallelUnits", "powerLimitW", "idlePowerW", "model"].every((key) => key in p.sources), {
    message: "every figure needs its source: sources must name peakTflops, memoryBandwidthGBs, parallelUnits, powerLimitW, idlePowerW and model",
  });

/** A part whose vendor leaves out a figure the estimate needs: listed, never estimated on. null = not published. */
const incompleteSchema = z.object({
  ...identity,
  peakTflops: z.object({ fp64: positive.optional(), fp32: positive.nullable(), tf32: positive.optional(), bf16: positive.optional(), fp16: positive.optional(), int8: positive.optional() }),
  memoryBandwidthGBs: positive.nullable(),
  parallelUnits: z.number().int().positive().nullable(),
  powerLimitW: positive.nullable(),
  idlePowerW: z.number().nonnegative().nullable(),
  sources: z.record(z.string(), z.string().min(1)),
  notes: z.string().min(1),
});

const fileSchema = z.object({ profiles: z.array(profileSchema).min(1), incomplete: z.array(incompleteSchema).optional() });

/** One hardware profile: datasheet figures, their sources and the model's constants. */
export type HardwareProfile = z.infer<typeof profileSchema>;

/** A listed part that cannot be estimated on, with figures that are null where the vendor publishes none. */
export type IncompleteProfile = z.infer<typeof incompleteSchema>;

function parseFile(data: unknown): z.infer<typeof fileSchema> {
  const result = fileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`invalid hardware profiles: ${problems.join("; ")}`);
  }
  const seen = new Set<string>();
  for (const profile of [...result.data.profiles, ...(result.data.incomplete ?? [])]) {
    if (seen.has(profile.id)) throw new Error(`invalid hardware profiles: duplicate id '${profile.id}'`);
    seen.add(profile.id);
  }
  return result.data;
}

/** Validates profile data (the bundled file or a user's), throwing one readable message on the first problems. */
export function parseHardwareProfiles(data: unknown): HardwareProfile[] {
  return parseFile(data).profiles;
}

let bundled: z.infer<typeof fileSchema> | undefined;

/** The bundled profiles the estimate can use, validated once. */
export function hardwareProfiles(): HardwareProfile[] {
  bundled ??= parseFile(profileData);
  return bundled.profiles;
}

/** Bundled parts listed for reference whose vendor does not publish a figure the estimate needs. */
export function incompleteProfiles(): IncompleteProfile[] {
  bundled ??= parseFile(profileData);
  return bundled.incomplete ?? [];
}

/** The figures an incomplete part lacks, in words ("peak fp32 rate, power at load"). */
export function missingFigures(profile: IncompleteProfile): string[] {
  const missing: string[] = [];
  if (profile.peakTflops.fp32 === null) missing.push("peak fp32 rate");
  if (profile.memoryBandwidthGBs === null) missing.push("memory bandwidth");
  if (profile.powerLimitW === null) missing.push("power at load");
  if (profile.idlePowerW === null) missing.push("power at rest");
  return missing;
}

/** The profile with this id, or an error that says why not: an unknown id (listing the known ones), or a listed
 *  part whose vendor does not publish a figure the estimate needs. */
export function hardwareProfile(id: string): HardwareProfile {
  const wanted = id.toLowerCase();
  const profile = hardwareProfiles().find((p) => p.id === wanted);
  if (profile) return profile;
  const incomplete = incompleteProfiles().find((p) => p.id === wanted);
  if (incomplete) {
    throw new Error(`hardware '${incomplete.id}' cannot be estimated: its ${missingFigures(incomplete).join(", ")} ${missingFigures(incomplete).length > 1 ? "are" : "is"} not published (${incomplete.notes})`);
  }
  throw new Error(`unknown hardware '${id}' (known: ${hardwareProfiles().map((p) => p.id).join(", ")})`);
}

/** Peak rate (FLOP/s) of a precision on a profile: a precision the hardware lacks runs at the nearest one it has
 *  (bf16 without bf16 units runs as fp32, tf32 without TF32 as fp32, fp16 and bf16 stand in for each other; fp64 on
 *  a part with no float64, Apple's GPUs, is named at the fp32 rate rather than invented). */
export function peakFlops(profile: HardwareProfile, precision: Precision): { flops: number; ran: Precision } {
  const peak = profile.peakTflops;
  const order: Record<Precision, Precision[]> = {
    fp64: ["fp64", "fp32"],
    fp32: ["fp32"],
    tf32: ["tf32", "fp32"],
    bf16: ["bf16", "fp16", "fp32"],
    fp16: ["fp16", "bf16", "fp32"],
    int8: ["int8", "fp16", "bf16", "fp32"],
  };
  for (const candidate of order[precision]) {
    const tflops = peak[candidate];
    if (tflops !== undefined) return { flops: tflops * 1e12, ran: candidate };
  }
  return { flops: peak.fp32 * 1e12, ran: "fp32" };
}

export { PRECISIONS };
