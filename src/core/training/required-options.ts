// The command-line arguments a script's argparse parser makes the user give: a positional without nargs "?"/"*", or
// an option with `required=True`, neither with a default (argparse docs, `required` and `nargs`). The plain run
// (`python train.py`) stops at them ("the following arguments are required"), so where the analysis finds no run,
// they are what decides it: a config file, a dataset, an experiment name the user names.
import type { Expression, Statement } from "../python/ast";
import { callsIn, forEachStatement, isMainGuard, keywordArgument, type CallExpression } from "../python/syntax-walk";
import { argparseOptionsParsed } from "./parsed-options";

/** The names (`--config`, `config_path`) of the arguments the file's parsed argparse parsers require, in order, then
 *  the absl flags it requires. */
export function requiredOptions(body: Statement[], text: string): string[] {
  return [...argparseRequired(body, text), ...abslRequired(body, text)];
}

/** absl's flag definers (absl/flags/_defines.py) and ml_collections' config flags, by the name a call ends in. */
const ABSL_DEFINE = /^DEFINE_(string|integer|float|bool|boolean|enum|list|multi_\w+|config_file|config_dict|config_dataclass|spaceseplist|enum_class)$/;

/**
 * absl flags the program requires with no default: `flags.mark_flag_as_required('config')` /
 * `mark_flags_as_required([...])` of a flag defined with a None default (absl docs: the flag must not be None when
 * app.run parses; a default satisfies it), or a definer's `required=True`; `app.run` exits before main runs
 * (ml_collections' `DEFINE_config_file('config')` has None as its default).
 */
function abslRequired(body: Statement[], text: string): string[] {
  if (!/mark_flags?_as_required|required\s*=\s*True/.test(text) || !/\bDEFINE_/.test(text)) return [];
  const noDefault = new Set<string>();
  const marked: string[] = [];
  forEachStatement(body, ({ statement }) => {
    for (const call of callsIn(statement, false)) {
      const name = call.func.type === "attribute" ? call.func.name : call.func.type === "name" ? call.func.id : "";
      const first = call.args[0]?.kind === "positional" ? call.args[0].value : keywordArgument(call, "name");
      const flag = first?.type === "str" && first.value ? first.value : undefined;
      if (ABSL_DEFINE.test(name) && flag !== undefined) {
        const given = call.args[1]?.kind === "positional" ? call.args[1].value : keywordArgument(call, "default");
        if (!given || (given.type === "constant" && given.value === "None")) noDefault.add(flag);
        const required = keywordArgument(call, "required");
        if (required?.type === "constant" && required.value === "True") marked.push(flag);
      } else if (/^mark_flags?_as_required$/.test(name) && first) {
        const names = first.type === "list" || first.type === "tuple" ? first.items : [first];
        for (const n of names) if (n.type === "str" && n.value) marked.push(n.value);
      }
    }
  });
  return [...new Set(marked.filter((f) => noDefault.has(f)))].map((f) => `--${f}`);
}

function argparseRequired(body: Statement[], text: string): string[] {
  if (!argparseOptionsParsed(text, [])) return [];
  const names: string[] = [];
  forEachStatement(body, ({ statement, ancestors }) => {
    // An argument added only on some branch (`if torch.__version__ < "2": parser.add_argument("--local_rank",
    // required=True)`) may not be the plain run's; the main guard is every run's.
    if (ancestors.some((a) => a.type === "if" && !isMainGuard(a.test))) return;
    for (const call of callsIn(statement, false)) {
      const name = requiredName(call);
      if (name !== undefined && !names.includes(name)) names.push(name);
    }
  });
  return names;
}

function requiredName(call: CallExpression): string | undefined {
  if (call.func.type !== "attribute" || call.func.name !== "add_argument" || keywordArgument(call, "default")) return undefined;
  const flags = call.args.flatMap((a) => (a.kind === "positional" && a.value.type === "str" && a.value.value ? [a.value.value] : []));
  if (flags.length === 0) return undefined;
  const action = keywordArgument(call, "action");
  if (action?.type === "str" && /^(store_true|store_false|store_const|count|help|version|append_const)$/.test(action.value ?? "")) return undefined;
  const long = flags.find((f) => f.startsWith("--")) ?? flags[0];
  if (flags.every((f) => !f.startsWith("-"))) {
    const nargs = keywordArgument(call, "nargs");
    return nargs?.type === "str" && (nargs.value === "?" || nargs.value === "*") ? undefined : long;
  }
  const required = keywordArgument(call, "required");
  return required?.type === "constant" && required.value === "True" ? long : undefined;
}


/** Calls that read a config file from the path they are given first: `open`, yacs' `merge_from_file`, `load_cfg`,
 *  OmegaConf's and PyYAML's `load`, mmcv's `Config.fromfile`. */
const FILE_READERS = /^(open|merge_from_file|load_cfg|load|safe_load|fromfile|from_file)$/;

/**
 * The options whose default is the empty path and whose value the file reads as a config (`parser.add_argument(
 * "--config-file", default="")` then `cfg.merge_from_file(args.config_file)`, detectron2's and maskrcnn-benchmark's
 * style): Python's `open("")` raises FileNotFoundError, so the plain run stops there and the file the user names decides.
 */
export function emptyPathOptions(body: Statement[], text: string): string[] {
  if (!argparseOptionsParsed(text, [])) return [];
  const empty = new Map<string, string>();
  const read = new Set<string>();
  forEachStatement(body, ({ statement }) => {
    for (const call of callsIn(statement, false)) {
      const flag = emptyDefault(call);
      if (flag) empty.set(flag.replace(/^-+/, "").replace(/-/g, "_"), flag);
      const name = call.func.type === "attribute" ? call.func.name : call.func.type === "name" ? call.func.id : "";
      const first = call.args[0]?.kind === "positional" ? call.args[0].value : undefined;
      if (FILE_READERS.test(name) && first?.type === "attribute") read.add(first.name);
    }
  });
  return [...empty].flatMap(([dest, flag]) => (read.has(dest) ? [flag] : []));
}

/** The option an `add_argument(..., default="")` adds (its dest written explicitly wins), if its default is empty. */
function emptyDefault(call: CallExpression): string | undefined {
  if (call.func.type !== "attribute" || call.func.name !== "add_argument") return undefined;
  const given = keywordArgument(call, "default");
  if (given?.type !== "str" || given.value !== "") return undefined;
  const flags = call.args.flatMap((a) => (a.kind === "positional" && a.value.type === "str" && a.value.value ? [a.value.value] : []));
  const dest = keywordArgument(call, "dest");
  if (dest?.type === "str" && dest.value) return dest.value;
  return flags.find((f) => f.startsWith("--")) ?? flags[0];
}
