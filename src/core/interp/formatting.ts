import { describeKind, str, unknown } from "./construct";
import type { Value } from "./values";

// Python's printf-style (`"%d" % x`) and str.format (`"{}".format(x)`) formatting for the values whose text is
// known. Real model code names submodules this way (`add_module("denselayer%d" % (i + 1), layer)`), so the names
// must come out exactly as Python writes them; anything else stays an unknown string.

/** Python's str() of a known value, or undefined when its text is not known. */
export function pythonText(v: Value, repr = false): string | undefined {
  switch (v.kind) {
    case "str": return repr ? `'${v.value}'` : v.value;
    case "int": return String(v.value);
    case "float": return Number.isInteger(v.value) && Math.abs(v.value) < 1e16 ? `${v.value}.0` : String(v.value);
    case "bool": return v.value ? "True" : "False";
    case "none": return "None";
    case "tuple": case "list": {
      const parts = v.items.map((i) => pythonText(i, true));
      if (parts.some((p) => p === undefined)) return undefined;
      if (v.kind === "tuple") return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
      return `[${parts.join(", ")}]`;
    }
    default: return undefined;
  }
}

function numberOf(v: Value): number | undefined {
  if (v.kind === "int" || v.kind === "float") return v.value;
  if (v.kind === "bool") return v.value ? 1 : 0;
  return undefined;
}

/** Applies one format spec (`d`, `.2f`, `03d`, `>8`, `s`, `x`, `e`, `%`) to a value, as format() does. */
function applySpec(v: Value, spec: string, conversion: string): string | undefined {
  const m = /^(?:(.)?([<>^=]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m) return undefined;
  const [, fillChar, align, , , zero, widthText, , precisionText, type] = m;
  let text: string | undefined;
  const n = numberOf(v);
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  switch (type) {
    case "d": case "n": text = n === undefined || !Number.isInteger(n) ? undefined : String(n); break;
    case "x": case "X": case "o": case "b": {
      if (n === undefined || !Number.isInteger(n)) return undefined;
      text = n.toString(type === "o" ? 8 : type === "b" ? 2 : 16);
      if (type === "X") text = text.toUpperCase();
      break;
    }
    case "f": case "F": text = n === undefined ? undefined : n.toFixed(precision ?? 6); break;
    case "e": case "E": {
      if (n === undefined) return undefined;
      text = n.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
      if (type === "E") text = text.toUpperCase();
      break;
    }
    case "%": text = n === undefined ? undefined : `${(n * 100).toFixed(precision ?? 6)}%`; break;
    case "g": case "G": text = n === undefined ? undefined : String(Number(n.toPrecision(precision || 6))); break;
    default: {
      text = pythonText(v, conversion === "r");
      if (text !== undefined && precision !== undefined && (type === "s" || type === undefined) && v.kind === "str") text = text.slice(0, precision);
    }
  }
  if (text === undefined) return undefined;
  const width = widthText === undefined ? 0 : Number(widthText);
  if (text.length >= width) return text;
  const fill = fillChar ?? (zero ? "0" : " ");
  const pad = fill.repeat(width - text.length);
  const numeric = n !== undefined && v.kind !== "str";
  const side = align ?? (numeric ? ">" : "<");
  if (side === "<") return text + pad;
  if (side === "^") return pad.slice(0, Math.floor(pad.length / 2)) + text + pad.slice(Math.floor(pad.length / 2));
  if (zero && numeric && text.startsWith("-")) return `-${pad}${text.slice(1)}`;
  return pad + text;
}

/** `template % values` for str templates (Python's printf-style formatting). */
export function percentFormat(template: string, values: Value): Value {
  const items: Value[] = values.kind === "tuple" ? values.items : [values];
  const named = values.kind === "dict" ? values : undefined;
  let index = 0;
  let failed = false;
  const out = template.replace(/%(\(([^)]*)\))?([#0\- +]*)(\d+|\*)?(?:\.(\d+))?([diouxXeEfFgGcrsa%])/g, (_all, _k, key: string | undefined, flags: string, width: string | undefined, precision: string | undefined, type: string) => {
    if (type === "%") return "%";
    let v: Value | undefined;
    if (key !== undefined && named) v = named.entries.get(`s:${key}`)?.value;
    else v = items[index++];
    if (v === undefined) {
      failed = true;
      return "";
    }
    const align = flags.includes("-") ? "<" : "";
    const zero = flags.includes("0") && !flags.includes("-") ? "0" : "";
    const spec = `${align}${zero}${width ?? ""}${precision !== undefined ? `.${precision}` : ""}${type === "i" || type === "u" ? "d" : type === "s" || type === "r" || type === "a" ? "" : type === "c" ? "" : type}`;
    const text = applySpec(v, spec, type === "r" ? "r" : "");
    if (text === undefined) failed = true;
    return text ?? "";
  });
  if (failed || (!named && index < items.length && values.kind === "tuple")) return unknown(`formatted string with a value of unknown text (${describeKind(values)})`);
  return str(out);
}

/** `template.format(*args, **kwargs)`: positional `{}`/`{0}`, named `{name}`, nested fields in specs (`{:>{w}}`). */
export function braceFormat(template: string, args: Value[], kwargs: Map<string, Value>): Value {
  let auto = 0;
  const lookup = (field: string): Value | undefined => {
    if (field === "") return args[auto++];
    if (/^\d+$/.test(field)) return args[Number(field)];
    return kwargs.get(field);
  };
  let out = "";
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if ((ch === "{" || ch === "}") && template[i + 1] === ch) {
      out += ch;
      i += 2;
      continue;
    }
    if (ch === "}") return unknown("format string with a single '}'");
    if (ch !== "{") {
      out += ch;
      i++;
      continue;
    }
    // a replacement field up to its matching brace (specs may hold nested fields)
    let depth = 1;
    let j = i + 1;
    while (j < template.length && depth > 0) {
      if (template[j] === "{") depth++;
      else if (template[j] === "}") depth--;
      j++;
    }
    if (depth > 0) return unknown("format string with an unclosed '{'");
    const body = template.slice(i + 1, j - 1);
    const m = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(body);
    if (!m) return unknown("formatted string");
    const value = lookup(m[1]);
    let spec = m[3] ?? "";
    let failed = false;
    spec = spec.replace(/\{([^{}]*)\}/g, (_all, inner: string) => {
      const v = lookup(inner);
      const t = v === undefined ? undefined : pythonText(v);
      if (t === undefined) failed = true;
      return t ?? "";
    });
    if (value === undefined || failed) return unknown("formatted string with a value of unknown text");
    const text = applySpec(value, spec, m[2] ?? "");
    if (text === undefined) return unknown("formatted string with a value of unknown text");
    out += text;
    i = j;
  }
  return str(out);
}
