import { joinPath } from "../interp/paths";

// Where Hugging Face transformers' `from_pretrained(name_or_path)` finds a model's config.json without the network:
// a local folder (or the file itself), else the hub cache laid out by huggingface_hub (file-download.md, "cache
// layout", huggingface_hub 1.x): `<cache>/models--<org>--<name>/refs/<revision>` holds the commit whose
// `snapshots/<commit>/` folder has the files. The host names the cache folders (HF_HUB_CACHE, HF_HOME/hub,
// ~/.cache/huggingface/hub); nothing is ever downloaded.

/** What locating a config may read. */
export interface ConfigFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
}

/** Where to look: folders relative names resolve from (the script's, the workspace root) and the hub caches. */
export interface ConfigSearch {
  folders: string[];
  hubCaches: string[];
  /** How the hub caches are read, when not like the workspace (they lie outside it). */
  hubFiles?: ConfigFiles;
}

/** A config.json found and parsed, or why none was (with the action that fixes it). */
export type LocatedConfig = { path: string; values: Record<string, unknown> } | { problem: string };

const CONFIG_FILE = "config.json";
const REPO_ID = /^[\w.-]+(?:\/[\w.-]+)?$/;
const COMMIT = /^[0-9a-f]{40}$/;

/** The config.json that `from_pretrained(reference, subfolder=..., revision=...)` would load, read from disk. */
export function locateConfig(files: ConfigFiles, search: ConfigSearch, reference: string, options: { subfolder?: string; revision?: string } = {}): LocatedConfig {
  const subfolder = options.subfolder ?? "";
  const local = reference.startsWith("/") ? [reference] : search.folders.map((f) => joinPath(f, reference));
  for (const candidate of local) {
    if (candidate.endsWith(".json") && files.exists(candidate)) return parse(files, candidate);
    const path = joinPath(candidate, subfolder, CONFIG_FILE);
    if (files.exists(path)) return parse(files, path);
    // As transformers does: a folder that exists locally is the checkpoint, whatever its name looks like.
    if (files.exists(candidate)) return { problem: `no ${CONFIG_FILE} in ${joinPath(candidate, subfolder)}` };
  }
  if (!REPO_ID.test(reference) || /^\.\.?\//.test(reference)) return { problem: `no folder '${reference}' with a ${CONFIG_FILE} next to this file or the workspace root` };
  const revision = options.revision ?? "main";
  const hub = search.hubFiles ?? files;
  for (const cache of search.hubCaches) {
    const repo = joinPath(cache, `models--${reference.split("/").join("--")}`);
    const commit = COMMIT.test(revision) ? revision : hub.read(joinPath(repo, "refs", revision))?.trim();
    if (!commit) continue;
    const path = joinPath(repo, "snapshots", commit, subfolder, CONFIG_FILE);
    if (hub.exists(path)) return parse(hub, path);
  }
  const where = search.hubCaches.length > 0 ? `the Hugging Face cache (${search.hubCaches[0]})` : "the Hugging Face cache (none is readable here)";
  return { problem: `no ${CONFIG_FILE} for '${reference}' in ${where}: download it once, or point '# greenlight: config=...' at one` };
}

function parse(files: ConfigFiles, path: string): LocatedConfig {
  const text = files.read(path);
  if (text === undefined) return { problem: `${path} could not be read` };
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (err) {
    return { problem: `${path} is not valid JSON (${(err as Error).message})` };
  }
  if (typeof values !== "object" || values === null || Array.isArray(values)) return { problem: `${path} does not hold a JSON object` };
  return { path, values: values as Record<string, unknown> };
}
