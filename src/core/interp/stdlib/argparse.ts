import { nativeClass } from "../classes";
import { NONE, bool, dict, keyOf, list, str, tuple, unknown } from "../construct";
import type { Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** The option strings of the action that set each dest's default, per parser (see add_argument). */
const optionsByDest = new WeakMap<Value, Map<string, string[]>>();

/** argparse: a script's arguments resolve to their defaults. */
export function installArgparse({ modules, objectClass, call }: StandardLibrary): void {
  const argumentParser = nativeClass("argparse.ArgumentParser", [objectClass], {
    // parents=[p, ...]: "ArgumentParser objects whose arguments should also be included" (argparse docs), so a
    // parser built from another (Lightning's add_model_specific_args) keeps the options added to it before.
    __init__: ({ args, kwargs }) => {
      const self = args[0];
      if (self.kind !== "instance") return NONE;
      const defaults = dict();
      const parents = kwargs.get("parents");
      for (const parent of parents?.kind === "list" || parents?.kind === "tuple" ? parents.items : []) {
        const inherited = parent.kind === "instance" ? parent.attributes.get("__defaults__") : undefined;
        if (inherited?.kind === "dict") for (const [k, e] of inherited.entries) defaults.entries.set(k, e);
      }
      self.attributes.set("__defaults__", defaults);
      return NONE;
    },
    add_argument: ({ args, kwargs }) => {
      const self = args[0];
      if (self.kind !== "instance") return NONE;
      const names = args.slice(1).filter((a): a is Extract<Value, { kind: "str" }> => a.kind === "str").map((a) => a.value);
      const long = names.find((n) => n.startsWith("--")) ?? names[0];
      if (!long) return NONE;
      const dest = kwargs.get("dest")?.kind === "str" ? (kwargs.get("dest") as { value: string }).value : long.replace(/^-+/, "").replace(/-/g, "_");
      const action = kwargs.get("action");
      let value = kwargs.get("default");
      if (value === undefined && requiredOnCommandLine(names, kwargs.get("nargs"), kwargs.get("required"), action)) {
        // A positional argument (without nargs "?" or "*") or `required=True` has no default: argparse exits
        // ("the following arguments are required") unless the user gives it, so its value is the user's to name.
        value = { ...unknown(`the command-line argument ${names.join("/")}, which the script requires and gives no default: which value (or file) is it run with?`), required: true };
      }
      if (value === undefined) value = action?.kind === "str" && action.value === "store_true" ? bool(false) : action?.kind === "str" && action.value === "store_false" ? bool(true) : NONE;
      // "If the default value is a string, the parser parses the value as if it were a command-line argument"
      // (argparse docs, `default`): `type=int, default='200'` is 200. A type that cannot convert it leaves the string.
      const type = kwargs.get("type");
      if (value.kind === "str" && type !== undefined && type.kind !== "none") {
        try {
          value = call(type, [value]);
        } catch {
          // an unknown or raising converter: Python would fail at parse time; the string stays what the code wrote
        }
      }
      const defaults = self.attributes.get("__defaults__");
      // Actions sharing a dest under other option strings (`--test` store_true and `--train` store_false, both
      // dest='test'): parse_args sets each dest's default only when the namespace lacks it, in the order the actions
      // were added, so the first one's wins (CPython Lib/argparse.py, parse_known_args). The same option string added
      // again replaces the earlier action (conflict_handler='resolve', a child parser over its parents).
      const owned = optionsByDest.get(self) ?? new Map<string, string[]>();
      optionsByDest.set(self, owned);
      const earlier = owned.get(dest);
      if (defaults?.kind === "dict" && (!earlier || earlier.some((n) => names.includes(n)))) {
        defaults.entries.set(keyOf(str(dest)), { key: str(dest), value });
        owned.set(dest, names);
      }
      return NONE;
    },
    parse_args: ({ args, kwargs }) => argparseNamespace(args[0], kwargs.get("namespace") ?? args[2]),
    parse_known_args: ({ args, kwargs }) => tuple([argparseNamespace(args[0], kwargs.get("namespace") ?? args[2]), list([])]),
    add_argument_group: ({ args }) => args[0],
    add_mutually_exclusive_group: ({ args }) => args[0],
    // set_defaults(name=value): parser-level defaults override the arguments' own (argparse docs), whatever the order
    set_defaults: ({ args, kwargs }) => {
      const self = args[0];
      if (self?.kind !== "instance") return NONE;
      const own = self.attributes.get("__parser_defaults__");
      const merged = own?.kind === "dict" ? own : dict();
      for (const [k, v] of kwargs) merged.entries.set(keyOf(str(k)), { key: str(k), value: v });
      self.attributes.set("__parser_defaults__", merged);
      return NONE;
    },
  });
  // argparse.Namespace(**values): configs built by hand (`Net(argparse.Namespace(d_in=4, ...))`)
  const argparseNamespaceClass = nativeClass("argparse.Namespace", [objectClass], {
    __init__: ({ args, kwargs }) => {
      const self = args[0];
      if (self?.kind === "instance") for (const [k, v] of kwargs) self.attributes.set(k, v);
      return NONE;
    },
  });
  // parse_args(namespace=ns) fills the object it is given and returns it: a default is set only for a dest the
  // object lacks (CPython Lib/argparse.py parse_known_args: `if not hasattr(namespace, action.dest)`), so a
  // namespace filled from a config file (`ns.__dict__.update(json.load(f))`) keeps the file's values.
  const argparseNamespace = (parser: Value, given?: Value): Value => {
    const filled = given?.kind === "instance";
    const instance: Value = filled ? given : { kind: "instance", cls: argparseNamespaceClass, attributes: new Map(), id: -2 };
    const own = new Set(filled ? instance.attributes.keys() : []);
    for (const name of ["__defaults__", "__parser_defaults__"]) {
      const defaults = parser.kind === "instance" ? parser.attributes.get(name) : undefined;
      if (defaults?.kind === "dict") for (const { key, value } of defaults.entries.values()) if (key.kind === "str" && !own.has(key.value)) instance.attributes.set(key.value, value);
    }
    return instance;
  };
  modules.set("argparse", namespace("argparse", { ArgumentParser: argumentParser, Namespace: argparseNamespaceClass }));

  // simple_parsing (github.com/lebrice/SimpleParsing, 0.1): an argparse parser whose `add_arguments(HParams,
  // dest="hparams")` puts a dataclass's fields on the command line, so the default run's `args.hparams` is
  // `HParams()` (or the `default=` instance given); `simple_parsing.parse(HParams)` returns that instance directly.
  const defaultsOf = (cls: Value | undefined, given: Value | undefined): Value =>
    given && given.kind !== "none" ? given : cls ? call(cls, []) : unknown("simple_parsing arguments of no class");
  const simpleParser = nativeClass("simple_parsing.ArgumentParser", [argumentParser], {
    add_arguments: ({ args, kwargs }) => {
      const self = args[0];
      const dest = kwargs.get("dest") ?? args[2];
      const defaults = self?.kind === "instance" ? self.attributes.get("__defaults__") : undefined;
      if (defaults?.kind !== "dict" || dest?.kind !== "str") return NONE;
      defaults.entries.set(keyOf(dest), { key: dest, value: defaultsOf(args[1] ?? kwargs.get("dataclass"), kwargs.get("default")) });
      return NONE;
    },
  });
  modules.set("simple_parsing", namespace("simple_parsing", {
    ArgumentParser: simpleParser,
    parse: fn("simple_parsing.parse", ({ args, kwargs }) => defaultsOf(args[0] ?? kwargs.get("config_class"), kwargs.get("default"))),
  }));
}

/** Whether argparse makes the user give this argument (argparse docs, `required` and `nargs`): a positional
 * without nargs "?" or "*", or an option with `required=True`; store_true/false and counts are never required. */
function requiredOnCommandLine(names: string[], nargs: Value | undefined, required: Value | undefined, action: Value | undefined): boolean {
  if (action?.kind === "str" && /^(store_true|store_false|store_const|count|help|version|append_const)$/.test(action.value)) return false;
  const positional = names.every((n) => !n.startsWith("-"));
  if (positional) return !(nargs?.kind === "str" && (nargs.value === "?" || nargs.value === "*"));
  return required?.kind === "bool" && required.value;
}
