import { z } from "zod";
import { PRECISIONS, type Precision } from "./energy/precision";
import { PROVIDER_IDS, type ProviderId } from "./grid/types";
import { parseDims } from "./pragma/input-shapes";

// Every setting, in one home: the extension's (contributes.configuration, `greenlight.*`, grid ones included) and
// the CLI's estimate options check their values with these schemas. Each key is checked on its own, so one bad
// value falls back to its default without losing the others.

/** Numeric precisions the energy model knows how to scale by (one list: energy/precision.ts). */
export const precisions = PRECISIONS;
export type { Precision };

/** Rule ids whose severity can be set (src/core/rules/types.ts RULE_IDS). */
const ruleIds = ["GL001", "GL002", "GL003", "GL004", "GL005", "GL006"] as const;

/** Parses `1x3x224x224` (or `1,3,224,224`) into dims (the one shape grammar, pragma/input-shapes.ts). */
export const parseShape = parseDims;

/** A provider's endpoint: empty (the provider's own) or an http(s) URL. */
const endpointUrl = z.union([z.literal(""), z.url({ protocol: /^https?$/ })]);

/** The schema of every setting, by its key under `greenlight.`. */
export const settingsSchema = {
  "analysis.debounceMs": z.number().int().min(0).max(10_000),
  "analysis.maxSteps": z.number().int().min(1_000).max(100_000_000),
  "analysis.timeoutMs": z.number().int().min(50).max(60_000),
  "codeLens.enabled": z.boolean(),
  "inlayHints.enabled": z.boolean(),
  "hover.enabled": z.boolean(),
  "diagnostics.unresolved": z.boolean(),
  hardware: z.string().min(1).max(80),
  /** The host class that dispatches the ops ("auto": the one the hardware profile names). */
  host: z.string().min(1).max(80),
  /** A fit of the hardware profile to the user's own CodeCarbon runs (workspace setting, written by the report). */
  calibration: z
    .object({
      hardware: z.string().min(1),
      host: z.string().min(1),
      runs: z.number().int().positive(),
      efficiencyScale: z.number().positive().max(100),
      hostScale: z.number().positive().max(100),
      powerScale: z.number().positive().max(100),
      source: z.string(),
    })
    .nullable(),
  precision: z.enum(precisions),
  batchSize: z.number().int().min(1).max(1_000_000),
  /** GPUs of a data-parallel training run where the code does not say (1: one GPU). */
  gpus: z.number().int().min(1).max(100_000),
  "rules.severities": z.partialRecord(z.enum(ruleIds), z.enum(["hint", "information", "warning", "off"])),
  "rules.pruneAmount": z.number().gt(0).lt(1),
  "workspace.maxFiles": z.number().int().min(1).max(100_000),
  "workspace.exclude": z.array(z.string()),
  /** The Python environment whose packages imports resolve from (a venv or conda folder, or its interpreter); "" finds it. */
  pythonEnvironment: z.string().max(4096),
  "grid.provider": z.enum(PROVIDER_IDS as [ProviderId, ...ProviderId[]]),
  "grid.region": z.string().trim().max(80),
  /** Power usage effectiveness of the site: energy at the meter is IT energy × PUE. */
  "grid.pue": z.number({ message: "must be a number" }).min(1, "must be at least 1").max(3, "above 3 is not a real facility"),
  "grid.refreshMinutes": z.number().int().min(5).max(1440),
  "grid.jobDuration": z.string().regex(/^(\d+(\.\d+)?(d|h|min|m|s))+$/i, "a duration like 2h or 90m"),
  "grid.endpoints.uk": endpointUrl,
  "grid.endpoints.electricityMaps": endpointUrl,
  "grid.endpoints.wattTime": endpointUrl,
  "grid.endpoints.carbonAwareSdk": endpointUrl,
} as const;

export type SettingKey = keyof typeof settingsSchema;
export type Settings = { [K in SettingKey]: z.infer<(typeof settingsSchema)[K]> } & {
  /** True when the user set `precision` (the editor reads this from where the value comes from). Unset, a model is
   *  estimated at the precision its code sets, as the CLI without --dtype: estimatePrecision. */
  precisionChosen?: boolean;
};

/** Defaults: an H100 SXM (a profile id of src/core/energy/hardware-profiles.json) at batch 1 for the per-inference figure. */
export const defaultSettings: Settings = {
  "analysis.debounceMs": 400,
  "analysis.maxSteps": 2_000_000,
  "analysis.timeoutMs": 3_000,
  "codeLens.enabled": true,
  "inlayHints.enabled": true,
  "hover.enabled": true,
  "diagnostics.unresolved": true,
  hardware: "h100-sxm",
  host: "auto",
  calibration: null,
  precision: "fp32",
  batchSize: 1,
  gpus: 1,
  "rules.severities": {},
  "rules.pruneAmount": 0.3,
  "workspace.maxFiles": 5_000,
  "workspace.exclude": ["**/node_modules/**", "**/.git/**", "**/.venv/**", "**/venv/**", "**/site-packages/**", "**/__pycache__/**"],
  pythonEnvironment: "",
  "grid.provider": "offline",
  "grid.region": "",
  "grid.pue": 1,
  "grid.refreshMinutes": 30,
  "grid.jobDuration": "2h",
  "grid.endpoints.uk": "",
  "grid.endpoints.electricityMaps": "",
  "grid.endpoints.wattTime": "",
  "grid.endpoints.carbonAwareSdk": "",
};

/** A setting that was set to a bad value, and what was used instead. */
export interface SettingProblem {
  key: SettingKey;
  message: string;
}

/** Validates raw values (undefined = unset) key by key; bad ones fall back to their default and are listed. */
export function readSettings(raw: (key: SettingKey) => unknown): { settings: Settings; problems: SettingProblem[] } {
  const settings = { ...defaultSettings } as Record<SettingKey, unknown>;
  const problems: SettingProblem[] = [];
  for (const key of Object.keys(settingsSchema) as SettingKey[]) {
    const value = raw(key);
    if (value === undefined || value === null) continue;
    const parsed = settingsSchema[key].safeParse(value);
    if (parsed.success) {
      settings[key] = parsed.data;
    } else {
      const reason = parsed.error.issues.map((issue) => issue.message).join("; ");
      problems.push({ key, message: `greenlight.${key}: ${JSON.stringify(value)} is not valid (${reason}); using ${JSON.stringify(defaultSettings[key])}` });
    }
  }
  return { settings: settings as Settings, problems };
}
