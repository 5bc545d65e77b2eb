// Time and power of an iteration's kernels on one device.
//
// Time: each kernel takes a fixed latency plus the larger of its compute time (FLOPs at the attainable rate) and
// its memory time (bytes at the attainable bandwidth): the roofline model (Williams, Waterman and Patterson,
// "Roofline", CACM 2009) with Hockney's fixed start-up term (Hockney and Jesshope, "Parallel Computers 2", 1988).
// The host dispatches kernels one after another (eager PyTorch) into a queue the device drains in order; an
// iteration ends when the device is done, so small kernels are bound by the host ("launch"), large by the device.
//
// Power: the board draws its idle power always, and on top a share of (limit − idle) set by how busy its compute
// and memory units are: the activity-based GPU power model of Hong and Kim ("An integrated GPU power and
// performance model", ISCA 2010), reduced to two components, and the linear utilisation model of Fan, Weber and
// Barroso ("Power provisioning for a warehouse-sized computer", ISCA 2007). Energy = power × time.
import type { HardwareProfile } from "./hardware";
import type { Kernel } from "./kernel-plan";

/** One kernel's modelled device time and what bounds it. */
export interface KernelTiming {
  kernel: Kernel;
  computeSeconds: number;
  memorySeconds: number;
  latencySeconds: number;
  deviceSeconds: number;
  /** Dynamic energy above idle (J) while it runs. */
  dynamicJoules: number;
}

/** An iteration's time and energy in steady state (iterations back to back, as a training or serving loop runs). */
export interface IterationTiming {
  seconds: number;
  deviceSeconds: number;
  hostSeconds: number;
  joules: number;
  averagePowerW: number;
  bound: "compute" | "memory" | "launch";
  kernels: KernelTiming[];
  /** Wall time attributed to each kernel (sums to `seconds`), for per-layer shares. */
  wallSeconds: number[];
}

/** Models one kernel: roofline time plus fixed latency, and its dynamic energy by unit activity. */
export function timeKernel(kernel: Kernel, profile: HardwareProfile): KernelTiming {
  const m = profile.model;
  const bandwidth = profile.memoryBandwidthGBs * 1e9 * m.memoryEfficiency;
  const computeSeconds = kernel.flops > 0 && Number.isFinite(kernel.rate) ? kernel.flops / kernel.rate : 0;
  const memorySeconds = kernel.bytes / bandwidth;
  const latencySeconds = kernel.launches * m.kernelLatencySeconds;
  const busy = Math.max(computeSeconds, memorySeconds);
  const deviceSeconds = latencySeconds + busy;
  const dynamicRange = profile.powerLimitW - profile.idlePowerW;
  const activity = busy > 0
    ? Math.min(1, (m.powerFraction.compute * computeSeconds + m.powerFraction.memory * memorySeconds) / busy)
    : 0;
  const dynamicJoules = dynamicRange * (activity * busy + m.powerFraction.latency * latencySeconds);
  return { kernel, computeSeconds, memorySeconds, latencySeconds, deviceSeconds, dynamicJoules };
}

/** Runs the kernels through a host→device queue twice and measures the second pass (steady state). */
export function timeIteration(kernels: Kernel[], profile: HardwareProfile): IterationTiming {
  const timings = kernels.map((k) => timeKernel(k, profile));
  let host = 0;
  let device = 0;
  let secondStart = 0;
  const wallSeconds = new Array<number>(timings.length).fill(0);
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) secondStart = device;
    timings.forEach((t, i) => {
      host += t.kernel.hostSeconds;
      const before = device;
      device = Math.max(host, device) + t.deviceSeconds;
      if (pass === 1) wallSeconds[i] = device - before;
    });
  }
  if (timings.length === 0) {
    // Nothing runs: no time, no energy (an empty or unresolved model; callers say why).
    return { seconds: 0, deviceSeconds: 0, hostSeconds: 0, joules: 0, averagePowerW: profile.idlePowerW, bound: "launch", kernels: [], wallSeconds: [] };
  }
  const seconds = device - secondStart;
  const deviceSeconds = timings.reduce((s, t) => s + t.deviceSeconds, 0);
  const hostSeconds = kernels.reduce((s, k) => s + k.hostSeconds, 0);
  const m = profile.model;
  const dynamicRange = profile.powerLimitW - profile.idlePowerW;
  const waitingSeconds = Math.max(0, seconds - deviceSeconds);
  const joules = profile.idlePowerW * seconds
    + timings.reduce((s, t) => s + t.dynamicJoules, 0)
    + dynamicRange * m.powerFraction.waiting * waitingSeconds;
  const compute = timings.reduce((s, t) => s + (t.computeSeconds >= t.memorySeconds ? t.computeSeconds : 0), 0);
  const memory = timings.reduce((s, t) => s + (t.memorySeconds > t.computeSeconds ? t.memorySeconds : 0), 0);
  const latency = timings.reduce((s, t) => s + t.latencySeconds, 0);
  // Launch-bound: the host's dispatching, or the kernels' fixed latency, takes most of the time.
  const bound = hostSeconds >= deviceSeconds || latency >= Math.max(compute, memory) ? "launch" : compute >= memory ? "compute" : "memory";
  return { seconds, deviceSeconds, hostSeconds, joules, averagePowerW: joules / seconds, bound, kernels: timings, wallSeconds };
}
