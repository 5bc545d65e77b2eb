// How long the extension host's thread runs code at a stretch while the user types, and how much of it is Greenlight's.
//
// A timer ticks on the host's thread every few milliseconds and reads the thread's own CPU time at each tick
// (process.threadCpuUsage). Between two ticks the thread could not run the timer: the CPU it used in that gap is how
// long it ran code without answering (an upper bound on its longest task there). CPU time, not wall time: on a loaded
// machine the thread also waits for a core while runnable (the analysis worker, code-server, the browser and other
// jobs run beside it), which makes a timer late without any code running, and no extension can change.
//
// Whose code it ran comes from V8's sampling profiler of the same thread, on the same clock (CLOCK_MONOTONIC, µs): a
// gap's CPU is split by the share of its samples with Greenlight's bundle (dist/extension.js) on the stack. Garbage
// collection (it collects the whole host's heap: every extension's, and VS Code's copies of open documents) and
// samples without our bundle (VS Code's own work, such as its synchronous log writes) are reported beside it.
import { Session } from "node:inspector";
import { threadCpuClock } from "../../../src/node/cpu-clock";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One gap between two ticks of the host thread's timer. */
export interface BusyGap {
  /** Wall time between the ticks. */
  wallMilliseconds: number;
  /** CPU time the host's thread used between them: how long it ran code without getting back to the timer. */
  cpuMilliseconds: number;
  /** The part of that CPU time Greenlight's code ran: cpu × (samples with our bundle on the stack ÷ busy samples). */
  oursMilliseconds: number;
  /** The part of it V8's garbage collector ran (its share of the busy samples). */
  collectingMilliseconds: number;
  /** Busy (not idle) samples in the gap, and those with our bundle on the stack. */
  samples: number;
  oursSamples: number;
  /** The most sampled functions of the gap, for the log. */
  top: string[];
}

/** What the host's thread did while it was watched. */
export interface HostThreadReport {
  /** Every gap between ticks, the longest in CPU first. */
  gaps: BusyGap[];
  /** How late each tick fired (wall time past its interval), in order. */
  lateness: number[];
  /** All samples with our bundle on the stack over the whole watch: the attribution saw Greenlight's code run. */
  oursSamples: number;
  /** Where each gap's CPU time came from: the thread's clock, or (an older Node without one) its busy samples, each
   *  counted for at most one sampling interval. */
  clock: "thread" | "samples";
}

/** The host thread's own CPU time (µs), where Node has the clock (code-server's Node 24 has it). */
const threadClock = threadCpuClock();
const threadCpuMicroseconds = (): number | undefined => (threadClock ? threadClock() * 1000 : undefined);

const monotonicMicroseconds = () => Number(process.hrtime.bigint() / 1000n);

/** Starts watching the host's thread: a timer every `tickMilliseconds`, and the profiler every `sampleMicroseconds`. */
export async function watchHostThread(tickMilliseconds = 4, sampleMicroseconds = 1000): Promise<{ stop(): Promise<HostThreadReport> }> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: sampleMicroseconds });
  await post("Profiler.start");
  const ticks: { at: number; cpu: number | undefined }[] = [{ at: monotonicMicroseconds(), cpu: threadCpuMicroseconds() }];
  const timer = setInterval(() => ticks.push({ at: monotonicMicroseconds(), cpu: threadCpuMicroseconds() }), tickMilliseconds);
  return {
    async stop() {
      clearInterval(timer);
      const { profile } = await post<{ profile: CpuProfile }>("Profiler.stop");
      session.disconnect();
      return report(profile, ticks, tickMilliseconds, sampleMicroseconds);
    },
  };
}

/** What one sample was: idle, garbage collection, or code (with or without our bundle on the stack). */
type SampleKind = "idle" | "gc" | "ours" | "other";

function report(profile: CpuProfile, ticks: { at: number; cpu: number | undefined }[], tickMilliseconds: number, sampleMicroseconds: number): HostThreadReport {
  const clock = ticks.every((tick) => tick.cpu !== undefined) ? "thread" : "samples";
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const kindOf = new Map<number, SampleKind>();
  const kind = (id: number): SampleKind => {
    let known = kindOf.get(id);
    if (known) return known;
    const name = nodes.get(id)?.callFrame.functionName;
    known = name === "(idle)" ? "idle" : name === "(garbage collector)" ? "gc" : "other";
    if (known === "other") {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (/[\\/]dist[\\/]extension\.js$/.test(nodes.get(at)?.callFrame.url ?? "")) {
          known = "ours";
          break;
        }
      }
    }
    kindOf.set(id, known);
    return known;
  };
  // Samples in time order with their timestamps (µs, the same monotonic clock as the ticks).
  const samples: { at: number; id: number; delta: number }[] = [];
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    samples.push({ at: time, id, delta });
  });
  const gaps: BusyGap[] = [];
  let next = 0;
  let oursSamples = 0;
  for (let i = 1; i < ticks.length; i++) {
    const from = ticks[i - 1];
    const to = ticks[i];
    while (next < samples.length && samples[next].at <= from.at) next++;
    let busy = 0, ours = 0, gc = 0, sampled = 0;
    const counts = new Map<string, number>();
    for (; next < samples.length && samples[next].at <= to.at; next++) {
      const sample = samples[next];
      const what = kind(sample.id);
      if (what === "idle") continue;
      busy++;
      sampled += Math.min(sample.delta, sampleMicroseconds);
      if (what === "ours") ours++;
      if (what === "gc") gc++;
      const frame = nodes.get(sample.id)?.callFrame;
      const name = `${frame?.functionName || "(anonymous)"} ${frame?.url.split("/").pop() ?? ""}`.trim();
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    oursSamples += ours;
    // The kernel updates a thread's CPU time at scheduler ticks and switches, so a reading can lag by a tick and
    // show up in the next gap: no gap is counted more CPU than its wall time, which one thread cannot exceed.
    const cpu = Math.min(clock === "thread" ? (to.cpu ?? 0) - (from.cpu ?? 0) : sampled, to.at - from.at) / 1000;
    gaps.push({
      wallMilliseconds: (to.at - from.at) / 1000,
      cpuMilliseconds: cpu,
      oursMilliseconds: busy > 0 ? (cpu * ours) / busy : 0,
      collectingMilliseconds: busy > 0 ? (cpu * gc) / busy : 0,
      samples: busy,
      oursSamples: ours,
      top: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, count]) => `${name} ×${count}`),
    });
  }
  const lateness = gaps.map((gap) => Math.max(0, gap.wallMilliseconds - tickMilliseconds));
  return { gaps: [...gaps].sort((a, b) => b.cpuMilliseconds - a.cpuMilliseconds), lateness, oursSamples, clock };
}
