// A job scheduled for the greenest window, as persisted in globalState; pure so its timing rules are unit-tested.
import { z } from "zod";

export const scheduledJobSchema = z.object({
  id: z.string(),
  kind: z.enum(["task", "shell"]),
  /** For tasks: the name and source VS Code lists them under. */
  taskName: z.string().optional(),
  taskSource: z.string().optional(),
  /** For shell commands: the command line and the folder it runs in. */
  command: z.string().optional(),
  cwd: z.string().optional(),
  startAt: z.number(),
  endAt: z.number(),
  averageGco2PerKwh: z.number().optional(),
  savingPct: z.number().optional(),
  createdAt: z.number(),
});

export type ScheduledJob = z.infer<typeof scheduledJobSchema>;

/** A start missed by more than this (VS Code was closed) is not run silently: the user is asked. */
export const MISSED_GRACE_MS = 10 * 60_000;

export type JobAction = "wait" | "run" | "ask";

/** What to do with a job at `now`: wait for its start, run it, or ask (its start passed while VS Code was closed). */
export function jobAction(job: ScheduledJob, now: number): JobAction {
  if (now < job.startAt) return "wait";
  return now - job.startAt <= MISSED_GRACE_MS ? "run" : "ask";
}

/** Reads the persisted job; anything malformed is dropped (undefined), never thrown. */
export function readScheduledJob(value: unknown): ScheduledJob | undefined {
  const parsed = scheduledJobSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** "2h 05m", "4m 10s", "12s": the status bar's countdown. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}
