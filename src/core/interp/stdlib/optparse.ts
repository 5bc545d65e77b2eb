import { nativeClass } from "../classes";
import { NONE, dict, float, int, keyOf, list, str, tuple } from "../construct";
import type { Value } from "../values";
import { namespace, type StandardLibrary } from "./native";

/**
 * optparse (docs.python.org/3/library/optparse.html, CPython Lib/optparse.py): `opts, args = parser.parse_args()`
 * with no command line gives each option's destination its default. A destination is `dest=`, else the first long
 * option string with its dashes dropped and the rest turned to underscores (`--batch-size` → `batch_size`), else the
 * first short one's letter; with no `default=` (nor `set_defaults`) it is None, store_true and store_false included.
 * A string default is converted by the option's type when the defaults are read (`get_default_values`:
 * `option.check_value(opt_str, default)`): `type="int", default="8"` is 8.
 */
export function installOptparse({ modules, objectClass, call }: StandardLibrary): void {
  /** The dict of defaults an option lands in: the parser's own, or, for a group, its parser's. */
  const defaultsOf = (owner: Value | undefined): Extract<Value, { kind: "dict" }> | undefined => {
    const parser = owner?.kind === "instance" ? owner.attributes.get("__parser__") ?? owner : undefined;
    const defaults = parser?.kind === "instance" ? parser.attributes.get("__defaults__") : undefined;
    return defaults?.kind === "dict" ? defaults : undefined;
  };
  const addOption = ({ args, kwargs }: { args: Value[]; kwargs: Map<string, Value> }): Value => {
    const defaults = defaultsOf(args[0]);
    const names = args.slice(1).filter((a): a is Extract<Value, { kind: "str" }> => a.kind === "str").map((a) => a.value);
    const long = names.find((n) => n.startsWith("--"));
    const given = kwargs.get("dest");
    const dest = given?.kind === "str" ? given.value : long ? long.slice(2).replace(/-/g, "_") : names[0]?.replace(/^-/, "");
    if (!defaults || !dest) return NONE;
    let value = kwargs.get("default");
    const key = keyOf(str(dest));
    // Another option of the same dest keeps the default already there (optparse fills defaults dest by dest).
    if (value === undefined) {
      if (!defaults.entries.has(key)) defaults.entries.set(key, { key: str(dest), value: NONE });
      return NONE;
    }
    value = converted(value, kwargs.get("type"));
    defaults.entries.set(key, { key: str(dest), value });
    return NONE;
  };
  // optparse names its types by string ("int", "float", ...; Lib/optparse.py `_builtin_cvt`); a type object
  // (`type=int`) is called on the string as Python would.
  const converted = (value: Value, type: Value | undefined): Value => {
    if (value.kind !== "str" || !type || type.kind === "none") return value;
    const text = value.value.trim();
    if (type.kind === "str") {
      if ((type.value === "int" || type.value === "long") && /^[-+]?\d+$/.test(text)) return int(Number(text));
      if (type.value === "float" && text !== "" && Number.isFinite(Number(text))) return float(Number(text));
      return value;
    }
    try {
      return call(type, [value]);
    } catch {
      return value; // a default the type cannot read: optparse raises OptionValueError at parse time
    }
  };
  const valuesClass = nativeClass("optparse.Values", [objectClass], {
    __init__: ({ args }) => {
      const self = args[0];
      const given = args[1];
      if (self?.kind === "instance" && given?.kind === "dict") for (const { key, value } of given.entries.values()) if (key.kind === "str") self.attributes.set(key.value, value);
      return NONE;
    },
  });
  const values = (parser: Value | undefined): Value => {
    const instance: Value = { kind: "instance", cls: valuesClass, attributes: new Map(), id: -2 };
    const defaults = defaultsOf(parser);
    for (const { key, value } of defaults?.entries.values() ?? []) if (key.kind === "str") instance.attributes.set(key.value, value);
    return instance;
  };
  const optionParser = nativeClass("optparse.OptionParser", [objectClass], {
    __init__: ({ args }) => {
      const self = args[0];
      if (self?.kind === "instance") self.attributes.set("__defaults__", dict());
      return NONE;
    },
    add_option: addOption,
    add_option_group: ({ args }) => args[1] ?? NONE,
    // set_defaults(dest=value): the defaults parse_args starts from, whatever the options say.
    set_defaults: ({ args, kwargs }) => {
      const defaults = defaultsOf(args[0]);
      for (const [k, v] of kwargs) defaults?.entries.set(keyOf(str(k)), { key: str(k), value: v });
      return NONE;
    },
    get_default_values: ({ args }) => values(args[0]),
    // With no command line: the defaults, and no positional arguments left over.
    parse_args: ({ args }) => tuple([values(args[0]), list([])]),
  });
  const optionGroup = nativeClass("optparse.OptionGroup", [objectClass], {
    __init__: ({ args }) => {
      const self = args[0];
      if (self?.kind === "instance" && args[1]) self.attributes.set("__parser__", args[1]);
      return NONE;
    },
    add_option: addOption,
  });
  modules.set("optparse", namespace("optparse", { OptionParser: optionParser, OptionGroup: optionGroup, Values: valuesClass }));
}
