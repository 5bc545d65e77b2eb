// How long the extension host's thread is busy at a stretch, read from V8's sampling profiler of this (the host's)
// thread: a timer's lateness also counts the time the 2-core machine gives the host's thread no core at all (the
// analysis worker, code-server and the browser run beside it), which no extension can change; a busy stretch is time
// the thread ran code and could not answer the editor.
import { Session } from "node:inspector";

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

/** One stretch of consecutive samples where the thread was not idle. */
export interface BusyStretch {
  /** How long the thread ran code at a stretch (gaps where no sample was taken counted as at most two intervals). */
  milliseconds: number;
  /** How long V8's garbage collector held the thread within the stretch: it collects the whole host's heap (every
   *  extension's, and VS Code's copies of open documents), so it is reported beside the code's time, not in it. */
  collectingMilliseconds: number;
  /** From the idle sample before it to its last sample, gaps included. */
  wallMilliseconds: number;
  samples: number;
  /** Whether this extension's bundle (dist/extension.js) was on a sampled stack in the stretch. */
  ours: boolean;
  /** How long, within the stretch, this extension's bundle was on the sampled stack: the time Greenlight held the
   *  thread (a stretch may also hold VS Code's own work, such as its log writes, run before or after ours). */
  oursMilliseconds: number;
  /** The most sampled functions of the stretch, for the log. */
  top: string[];
}

/** Samples the host's thread every `intervalMicroseconds` until `stop()` returns its busy stretches, longest first. */
export async function sampleHostThread(intervalMicroseconds = 1000): Promise<{ stop(): Promise<BusyStretch[]> }> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: intervalMicroseconds });
  await post("Profiler.start");
  return {
    async stop() {
      const { profile } = await post<{ profile: CpuProfile }>("Profiler.stop");
      session.disconnect();
      return busyStretches(profile, intervalMicroseconds);
    },
  };
}

/**
 * A stretch's time is the sum of the intervals between its consecutive samples, each counted up to twice the sampling
 * interval: a longer gap means the sampler itself got no core, the machine running other processes, which holds no
 * host work up (the wall-clock span is kept beside it for the log). The stretches around the profiler's own start and
 * stop (before the first idle sample, after the last) are left out.
 */
function busyStretches(profile: CpuProfile, intervalMicroseconds: number): BusyStretch[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stretches: BusyStretch[] = [];
  let time = profile.startTime;
  let lastIdle: number | undefined;
  let current: Open | undefined;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    const leaf = nodes.get(id);
    if (!leaf || leaf.callFrame.functionName === "(idle)") {
      if (current) stretches.push(finish(current));
      current = undefined;
      lastIdle = time;
      return;
    }
    if (lastIdle === undefined) return;
    current ??= { from: lastIdle, to: time, held: 0, collecting: 0, oursHeld: 0, samples: 0, counts: new Map(), ours: false };
    const held = Math.min(delta, 2 * intervalMicroseconds);
    if (leaf.callFrame.functionName === "(garbage collector)") current.collecting += held;
    else current.held += held;
    current.to = time;
    current.samples++;
    const name = `${leaf.callFrame.functionName || "(anonymous)"} ${leaf.callFrame.url.split("/").pop() ?? ""}`;
    current.counts.set(name, (current.counts.get(name) ?? 0) + 1);
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (/[\\/]dist[\\/]extension\.js$/.test(nodes.get(at)?.callFrame.url ?? "")) {
        current.ours = true;
        current.oursHeld += held;
        break;
      }
    }
  });
  return stretches.sort((a, b) => b.milliseconds - a.milliseconds);
}

interface Open {
  from: number;
  to: number;
  held: number;
  collecting: number;
  oursHeld: number;
  samples: number;
  counts: Map<string, number>;
  ours: boolean;
}

function finish(stretch: Open): BusyStretch {
  const top = [...stretch.counts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, count]) => `${name} ×${count}`);
  return { milliseconds: stretch.held / 1000, collectingMilliseconds: stretch.collecting / 1000, oursMilliseconds: stretch.oursHeld / 1000, wallMilliseconds: (stretch.to - stretch.from) / 1000, samples: stretch.samples, ours: stretch.ours, top };
}
