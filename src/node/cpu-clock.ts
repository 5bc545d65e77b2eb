// The analysis budget's clock on Node. The budget stops an analysis that runs too long; measured in wall time, a
// loaded machine (CI, a laptop compiling) gives the analysis less of a core and so a different, more partial answer.
// CPU time counts only the work done, so the same file gets the same answer on a busy machine, only later.

type CpuUsage = { user: number; system: number };

/** Milliseconds of CPU the calling thread has used, where Node has a per-thread clock (22.19+/23.9+); else undefined. */
export function threadCpuClock(): (() => number) | undefined {
  const usage = (process as { threadCpuUsage?: () => CpuUsage }).threadCpuUsage;
  if (typeof usage !== "function") return undefined;
  return () => milliseconds(usage.call(process));
}

/**
 * Milliseconds of CPU for a process that analyzes on its main thread (the CLI): the thread's clock where Node has
 * one, else the process's, whose other threads (V8's compiler and collector) add a little.
 */
export function processCpuClock(): () => number {
  return threadCpuClock() ?? (() => milliseconds(process.cpuUsage()));
}

function milliseconds(usage: CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
