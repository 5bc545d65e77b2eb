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
 * one. Else the process's CPU time, never running ahead of wall time: on an idle machine V8's compiler and collector
 * threads make the process's CPU time outrun the wall clock (1.4x on a cold transformers run), and the budget must not
 * be stricter there than it was in wall time.
 */
export function processCpuClock(): () => number {
  const thread = threadCpuClock();
  if (thread) return thread;
  const cpuStart = milliseconds(process.cpuUsage());
  const wallStart = performance.now();
  return () => Math.min(milliseconds(process.cpuUsage()) - cpuStart, performance.now() - wallStart);
}

function milliseconds(usage: CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
