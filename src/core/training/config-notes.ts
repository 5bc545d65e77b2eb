// What configuration fed a training plan, in the words every surface shows (CLI text and JSON, the editor's
// training lens and report): the config files read, the files the code or a Hydra defaults list names that are not
// in the workspace (the plain run would fail there, or run without them), so a figure that falls back to a default
// says why instead of passing silently; a DeepSpeed config file that would not load is named as unreadable.
import { relativeTo } from "../interp/paths";

/** Files a run's configuration came from: read, and named but missing. */
export interface ConfigSources {
  read: string[];
  missing: string[];
}

/** At most this many files are named in one note; the rest are counted. */
const LISTED = 6;

/** Whether a run's note is one of these (the CLI prints them after a run's line). */
export function isConfigNote(note: string): boolean {
  return /^config (read|missing|unreadable): /.test(note);
}

/** The plan's notes about its configuration; none when the code reads no config. */
export function configNotes(sources: ConfigSources, root: string | undefined): string[] {
  const shown = (p: string) => (root && p.startsWith("/") ? relativeTo(root, p) : p);
  const list = (paths: string[]) => {
    const unique = [...new Set(paths.map(shown))];
    return unique.length > LISTED ? `${unique.slice(0, LISTED).join(", ")} and ${unique.length - LISTED} more` : unique.join(", ");
  };
  const notes: string[] = [];
  if (sources.read.length > 0) notes.push(`config read: ${list(sources.read)}`);
  if (sources.missing.length > 0) notes.push(`config missing: ${list(sources.missing)} (named by the code, not in the workspace): figures it would set fall back to other sources or defaults`);
  return notes;
}
