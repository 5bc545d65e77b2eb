// The host: the CPU that runs Python and dispatches eager PyTorch's ops to the accelerator. Its per-op time, not
// the accelerator, sets the time of small iterations (batch 1), so it is chosen apart from the accelerator.
import { z } from "zod";
import hostData from "./host-profiles.json";
import type { HardwareProfile } from "./hardware";

const hostSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase id: letters, digits and '-'"),
  name: z.string().min(1),
  /** Host time to dispatch one op in eager PyTorch (Python, ATen, kernel launch). */
  secondsPerOp: z.number().positive(),
  /** Host time of one kernel launched from inside a library (cuDNN's recurrent steps): no Python dispatch. */
  secondsPerLaunch: z.number().positive(),
  /** Whether the figures come from measurements on such a host (estimates widen the launch-bound range). */
  measured: z.boolean(),
  sources: z.object({ secondsPerOp: z.string().min(10), secondsPerLaunch: z.string().min(10) }),
});

/** One host class: its dispatch times and their sources. */
export type HostProfile = z.infer<typeof hostSchema>;

/** The host setting that means "the host the accelerator's profile names". */
export const AUTO_HOST = "auto";

let bundled: HostProfile[] | undefined;

/** Validates host data (the bundled file or a user's), throwing one readable message. */
export function parseHostProfiles(data: unknown): HostProfile[] {
  const result = z.object({ hosts: z.array(hostSchema).min(1) }).safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`invalid host profiles: ${problems.join("; ")}`);
  }
  const ids = result.data.hosts.map((h) => h.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`invalid host profiles: duplicate id '${duplicate}'`);
  return result.data.hosts;
}

/** The bundled host classes, validated once. */
export function hostProfiles(): HostProfile[] {
  bundled ??= parseHostProfiles(hostData);
  return bundled;
}

/** The host class with this id, or an error that lists the known ids. */
export function hostProfile(id: string): HostProfile {
  const host = hostProfiles().find((h) => h.id === id.trim().toLowerCase());
  if (!host) throw new Error(`unknown host '${id}' (known: ${AUTO_HOST}, ${hostProfiles().map((h) => h.id).join(", ")})`);
  return host;
}

/** The host that runs a job on this accelerator: the one asked for, or (absent or "auto") the one its profile names. */
export function resolveHost(accelerator: HardwareProfile, host?: string | HostProfile): HostProfile {
  if (typeof host === "object") return host;
  return hostProfile(host === undefined || host.trim().toLowerCase() === AUTO_HOST ? accelerator.host : host);
}
