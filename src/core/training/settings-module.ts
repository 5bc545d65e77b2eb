// A settings module: a file that only writes its settings down (`conf = {"train": {"num_epochs": 30, "batch_size":
// 20}}`, `cnf = OmegaConf.create(conf)`, a dataclass of defaults) for a training script to import. It runs no loop and
// calls nothing but the builders of such settings, so running it trains nothing: its epochs and batch are the importing
// script's run, not its own. Where the plan's every figure is such a setting of the file, it states no run.

import type { Statement } from "../python/ast";
import { importedPath } from "../python/import-origin";
import { attributeChain, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";

/** The figures this test reads (a TrainingPlan's; named here so this file imports nothing of the plan reader). */
export interface SettingsFigures {
  epochs?: { detail: string };
  steps?: { detail: string };
  batch?: { detail: string };
  accumulation?: { detail: string };
  samples?: unknown;
  precision?: { value: string };
  batchFromData?: unknown;
}

/** Calls that build or read settings and run nothing: containers and config objects (OmegaConf, EasyDict,
 *  ml_collections, argparse's Namespace, dataclass fields), conversions, copies (`get_config()` returning
 *  `copy.deepcopy(CONFIG)`), paths and environment reads, and the device choice written beside them. Matched on the
 *  callee's last name. */
export const SETTINGS_BUILDERS: ReadonlySet<string> = new Set([
  "dict", "list", "tuple", "set", "int", "float", "str", "bool", "len", "range", "OrderedDict", "defaultdict",
  "create", "structured", "merge", "load", "safe_load", "open", "EasyDict", "edict", "AttrDict", "Munch", "Box", "DictConfig",
  "ConfigDict", "FrozenConfigDict", "placeholder", "SimpleNamespace", "Namespace", "field", "dataclass",
  "copy", "deepcopy", "join", "dirname", "abspath", "realpath", "expanduser", "getenv", "get", "Path", "cwd", "resolve",
  "device", "is_available", "device_count",
]);

/** A setting's figure: read from `name = value` or a config key written in the file (code-sites.ts's constants). */
const SETTING_DETAIL = /^[\w.]+ = /;

/** Libraries whose calls build data transforms that a settings dict holds for the training script to apply
 *  (albumentations 1.x-2.x: `A.Compose([A.Resize(256, 256), A.Normalize()])`, albumentations.pytorch's `ToTensorV2()`;
 *  torchvision.transforms and transforms.v2: `T.Compose([T.ToTensor()])`): building one runs nothing. */
const TRANSFORM_LIBRARY = /^(albumentations|torchvision\.transforms)(\.|$)/;
/** Clock reads a settings module stamps its output folder with (`f"./runs/{datetime.now().strftime('%Y-%m-%d')}"`). */
const CLOCK_CALLS: ReadonlySet<string> = new Set(["now", "today", "utcnow", "strftime", "isoformat", "localtime", "time"]);
/** String formatting: an f-string is read as `"...".format(...)` (python/lower.ts), whose arguments are checked too. */
const FORMAT = "format";

/** Whether the plan is a settings module's: figures of settings only (no data, no precision but fp32), in a file that
 *  runs no loop and calls nothing but settings builders, data transforms' constructors, clock reads (in a file that
 *  imports datetime or time) and its own functions, whose bodies are held to the same. */
export function settingsModule(plan: SettingsFigures, body: Statement[]): boolean {
  if (!figuresOnly(plan, SETTING_DETAIL)) return false;
  const own = new Set<string>();
  let clock = false;
  forEachStatement(body, ({ statement }) => {
    if (statement.type === "function") own.add(statement.name);
    if (statement.type === "import" && statement.names.some((n) => n.module === "datetime" || n.module === "time")) clock = true;
    if (statement.type === "importFrom" && (statement.module === "datetime" || statement.module === "time")) clock = true;
  });
  return runsNothing(body, (chain, last) => SETTINGS_BUILDERS.has(last) || last === FORMAT || own.has(chain) || (clock && CLOCK_CALLS.has(last)) || TRANSFORM_LIBRARY.test(importedPath(chain, body) ?? ""));
}

/** Whether every figure of the plan is one whose detail `stated` matches, with no data and no precision but fp32. */
export function figuresOnly(plan: SettingsFigures, stated: RegExp): boolean {
  if (plan.samples !== undefined || plan.batchFromData !== undefined) return false;
  if (plan.precision && plan.precision.value !== "fp32") return false;
  const figures = [plan.epochs, plan.steps, plan.batch, plan.accumulation].filter((f): f is { detail: string } => f !== undefined);
  return figures.length > 0 && figures.every((f) => stated.test(f.detail));
}

/** Whether a file runs no loop and calls only what `allowed` accepts (given the callee's dotted chain and last name). */
export function runsNothing(body: Statement[], allowed: (chain: string, last: string) => boolean): boolean {
  let runs = false;
  forEachStatement(body, ({ statement }) => {
    if (runs) return;
    if (statement.type === "for" || statement.type === "while") {
      runs = true;
      return;
    }
    for (const e of ownExpressions(statement)) {
      forEachExpression(e, (x) => {
        if (x.type !== "call" || runs) return;
        const chain = attributeChain(x.func);
        if (!allowed(chain, chain.split(".").pop() ?? "")) runs = true;
      });
    }
  });
  return !runs;
}
