import { NONE, dict, int, keyOf, list, str, tuple, unknown } from "./construct";
import { nativeClass } from "./classes";
import type { ClassValue, ModuleNamespaceValue, NativeCall, Value } from "./values";

// Python's `re` over JavaScript regular expressions, for the string parsing model libraries do at build time
// (timm decodes block strings like "ir_r2_k3_s2_e6_c24_se0.25" with re.split). Python-only syntax is translated
// where it has a JavaScript equivalent ((?P<name>...) and (?P=name)); anything else stays unknown.

/** re.VERBOSE: whitespace and `#` comments outside character classes and escapes are not part of the pattern. */
function withoutVerboseSpace(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else if (inClass) {
      out += c;
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === "#") {
      while (i < pattern.length && pattern[i] !== "\n") i++;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

function jsPattern(pattern: string, flags = 0): RegExp | undefined {
  if (flags & VERBOSE) pattern = withoutVerboseSpace(pattern);
  const source = pattern.replace(/\(\?P<(\w+)>/g, "(?<$1>").replace(/\(\?P=(\w+)\)/g, "\\k<$1>");
  let f = "";
  if (flags & 2) f += "i";
  if (flags & 8) f += "m";
  if (flags & 16) f += "s";
  try {
    return new RegExp(source, f);
  } catch {
    return undefined;
  }
}

const VERBOSE = 64;

function text(v: Value | undefined): string | undefined {
  return v?.kind === "str" ? v.value : undefined;
}

function groupValue(g: string | undefined): Value {
  return g === undefined ? NONE : str(g);
}

/** The `re` module: split, sub, findall, match, search, fullmatch and compile. */
export function createRegexModule(objectClass: ClassValue, namespace: (name: string, entries: Record<string, Value>) => ModuleNamespaceValue, fn: (name: string, call: (c: NativeCall) => Value) => Value): ModuleNamespaceValue {
  const matchClass = nativeClass("re.Match", [objectClass], {
    group: ({ args }) => {
      const m = (args[0] as { attributes: Map<string, Value> }).attributes.get("__groups__");
      if (m?.kind !== "tuple") return unknown("a match group");
      const which = args.slice(1);
      const named = (args[0] as { attributes: Map<string, Value> }).attributes.get("__named__");
      const pick = (k: Value): Value => {
        if (k.kind === "int") return m.items[k.value] ?? NONE;
        if (k.kind === "str" && named?.kind === "dict") return named.entries.get(keyOf(k))?.value ?? unknown(`no group named '${k.value}'`);
        return unknown("a named match group");
      };
      if (which.length === 0) return m.items[0];
      return which.length === 1 ? pick(which[0]) : tuple(which.map(pick));
    },
    groupdict: ({ args }) => (args[0] as { attributes: Map<string, Value> }).attributes.get("__named__") ?? unknown("match groups"),
    groups: ({ args }) => {
      const m = (args[0] as { attributes: Map<string, Value> }).attributes.get("__groups__");
      return m?.kind === "tuple" ? tuple(m.items.slice(1)) : unknown("match groups");
    },
  });
  const matchValue = (m: RegExpExecArray | null): Value => {
    if (!m) return NONE;
    const named = dict(Object.entries(m.groups ?? {}).map(([k, v]) => [str(k), groupValue(v)] as [Value, Value]));
    return { kind: "instance", cls: matchClass, attributes: new Map<string, Value>([["__groups__", tuple([...m].map(groupValue))], ["__named__", named]]), id: -4 };
  };
  const withPattern = (call: NativeCall, run: (re: RegExp, rest: Value[]) => Value, global = false): Value => {
    const [p, ...rest] = call.args;
    const source = text(p);
    const flagsArg = call.kwargs.get("flags");
    const flags = flagsArg?.kind === "int" ? flagsArg.value : 0;
    const re = source === undefined ? undefined : jsPattern(source, flags);
    if (!re) return unknown("a regular expression the analyzer cannot read");
    return run(global ? new RegExp(re.source, `${re.flags}g`) : re, rest);
  };
  const functions: Record<string, (call: NativeCall) => Value> = {
    split: (call) => withPattern(call, (re, [s]) => {
      const t = text(s);
      return t === undefined ? unknown("split of an unknown string") : list(t.split(re).map(groupValue));
    }),
    sub: (call) => withPattern(call, (re, [replacement, s]) => {
      const t = text(s);
      const r = text(replacement);
      if (t === undefined || r === undefined) return unknown("a substituted string");
      return str(t.replace(re, r.replace(/\\(\d)/g, "$$$1").replace(/\\g<(\w+)>/g, "$$<$1>")));
    }, true),
    findall: (call) => withPattern(call, (re, [s]) => {
      const t = text(s);
      if (t === undefined) return unknown("matches in an unknown string");
      return list([...t.matchAll(re)].map((m) => (m.length === 1 ? str(m[0]) : m.length === 2 ? groupValue(m[1]) : tuple(m.slice(1).map(groupValue)))));
    }, true),
    match: (call) => withPattern(call, (re, [s]) => {
      const t = text(s);
      if (t === undefined) return unknown("a match in an unknown string");
      const m = new RegExp(`^(?:${re.source})`, re.flags).exec(t);
      return matchValue(m);
    }),
    fullmatch: (call) => withPattern(call, (re, [s]) => {
      const t = text(s);
      if (t === undefined) return unknown("a match in an unknown string");
      return matchValue(new RegExp(`^(?:${re.source})$`, re.flags).exec(t));
    }),
    search: (call) => withPattern(call, (re, [s]) => {
      const t = text(s);
      return t === undefined ? unknown("a match in an unknown string") : matchValue(re.exec(t));
    }),
  };
  const entries: Record<string, Value> = { IGNORECASE: int(2), I: int(2), MULTILINE: int(8), M: int(8), DOTALL: int(16), S: int(16), VERBOSE: int(VERBOSE), X: int(VERBOSE) };
  for (const [name, f] of Object.entries(functions)) entries[name] = fn(`re.${name}`, f);
  // A compiled pattern: its methods are the module's functions with the pattern bound first.
  entries.compile = fn("re.compile", ({ args, kwargs }) => {
    const pattern = args[0];
    const flags = args[1] ?? kwargs.get("flags");
    const methods: Record<string, (call: NativeCall) => Value> = {};
    for (const [name, f] of Object.entries(functions)) methods[name] = (call) => f({ ...call, args: [pattern, ...call.args.slice(1)], kwargs: flags ? new Map([["flags", flags]]) : new Map() });
    const cls = nativeClass("re.Pattern", [objectClass], methods);
    return { kind: "instance", cls, attributes: new Map([["pattern", pattern]]), id: -5 };
  });
  return namespace("re", entries);
}
