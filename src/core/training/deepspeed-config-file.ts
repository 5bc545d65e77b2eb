// DeepSpeed's config given as a file: `deepspeed.initialize(..., config="ds_config.json")` takes "a path or a
// dictionary", and with no config it reads the path `args.deepspeed_config` holds (the `--deepspeed_config` option of
// deepspeed.add_config_arguments, or the script's own option of that name) (deepspeed.readthedocs.io "Training API",
// DeepSpeedEngine._configure_with_arguments, DeepSpeed 0.14). The file's JSON is the config dict deepspeed-config.ts
// reads; a relative path is looked up beside the script and at the workspace root, as other config files are.
import type { Value } from "../interp/values";
import { joinPath } from "../interp/paths";
import { fromJson } from "../transformers/from-pretrained";

/** A DeepSpeed JSON config file that was found and parsed: the dict json.load gives, and where it was. */
export interface DeepSpeedConfigFile {
  config: Value;
  path: string;
}

/** A config file the code names that is not in the workspace, or that json.load would not give a dict for: why. */
export interface DeepSpeedConfigProblem {
  path: string;
  problem: "missing" | string;
}

/** The JSON config a path names, read from the first of `folders` that holds it, or why it gives no config; undefined
 *  for a path that is no JSON file (DeepSpeed then reads no file we can). */
export function readDeepSpeedConfigFile(path: string, folders: readonly string[], read: (path: string) => string | undefined): DeepSpeedConfigFile | DeepSpeedConfigProblem | undefined {
  if (!/\.json$/i.test(path)) return undefined;
  const places = path.startsWith("/") ? [path] : folders.map((f) => joinPath(f, path));
  for (const place of places) {
    const text = read(place);
    if (text === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // deepspeed.initialize raises on it (json.load's JSONDecodeError): the run would stop here.
      return { path: place, problem: "does not parse as JSON" };
    }
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? { config: fromJson(parsed), path: place } : { path: place, problem: "holds no JSON object" };
  }
  return { path, problem: "missing" };
}
