// Published signatures: the parameter lists torch and numpy declare for their callables, generated from their own
// stubs and sources by tools/signatures/generate.py (never written by hand). Catalogue code keeps only shape and cost
// semantics and reads arguments by its own names; this module makes every call reach it bound the way Python binds
// it against the library's real parameter list, whatever mix of positional and keyword forms the caller used.
import { literalDefault } from "../interp/construct";
import type { NativeCall, Value } from "../interp/values";
import numpyData from "./numpy.json";
import pythonData from "./python.json";
import torchData from "./torch.json";

interface SignatureFile {
  library: string;
  version: string;
  generator: string;
  sources: string[];
  signatures: Record<string, { from: string; overloads: string[][] }>;
}

const FILES: SignatureFile[] = [torchData as SignatureFile, numpyData as SignatureFile, pythonData as SignatureFile];

function entry(name: string): { file: SignatureFile; overloads: string[][]; from: string } | undefined {
  for (const file of FILES) {
    const e = file.signatures[name];
    if (e) return { file, overloads: e.overloads, from: e.from };
  }
  return undefined;
}

/** The published overloads of a callable by its qualified name ("torch.arange", "torch.Tensor.split", "numpy.linspace", "builtins.round"). */
export function publishedOverloads(name: string): string[][] | undefined {
  return entry(name)?.overloads;
}

/** Where a published signature came from: "torch 1.13.0a0: torch/_C/_VariableFunctions.pyi". */
export function signatureSource(name: string): string | undefined {
  const e = entry(name);
  return e && `${e.file.library} ${e.file.version}: ${e.from}`;
}

/** The libraries and versions the signatures were generated from. */
export function signatureVersions(): { library: string; version: string; files: number; signatures: number }[] {
  return FILES.map((f) => ({ library: f.library, version: f.version, files: f.sources.length, signatures: Object.keys(f.signatures).length }));
}

interface Parameter {
  name: string;
  kind: "positional" | "varargs" | "keyword" | "varkw";
  positionalOnly: boolean;
  defaultText?: string;
}

function parse(overload: string[]): Parameter[] {
  const out: Parameter[] = [];
  let keywordOnly = false;
  for (const p of overload) {
    if (p === "/") {
      for (const q of out) q.positionalOnly = true;
      continue;
    }
    if (p === "*") {
      keywordOnly = true;
      continue;
    }
    if (p.startsWith("**")) out.push({ name: p.slice(2), kind: "varkw", positionalOnly: false });
    else if (p.startsWith("*")) {
      out.push({ name: p.slice(1), kind: "varargs", positionalOnly: false });
      keywordOnly = true;
    } else {
      const eq = p.indexOf("=");
      const name = eq < 0 ? p : p.slice(0, eq);
      out.push({ name, kind: keywordOnly ? "keyword" : "positional", positionalOnly: false, ...(eq < 0 ? {} : { defaultText: p.slice(eq + 1) }) });
    }
  }
  return out;
}

/** Binds a call to one overload as Python would; undefined when Python would raise a TypeError. */
function bindOverload(params: Parameter[], args: Value[], kwargs: Map<string, Value>): Map<string, Value> | undefined {
  const bound = new Map<string, Value>();
  const positional = params.filter((p) => p.kind === "positional");
  const varargs = params.find((p) => p.kind === "varargs");
  if (args.length > positional.length && !varargs) return undefined;
  positional.forEach((p, i) => {
    if (i < args.length) bound.set(p.name, args[i]);
  });
  const hasVarKw = params.some((p) => p.kind === "varkw");
  for (const [k, v] of kwargs) {
    const p = params.find((q) => q.name === k && (q.kind === "positional" || q.kind === "keyword") && !q.positionalOnly);
    if (!p) {
      if (!hasVarKw) return undefined;
      continue;
    }
    if (bound.has(k)) return undefined;
    bound.set(k, v);
  }
  for (const p of params) if ((p.kind === "positional" || p.kind === "keyword") && p.defaultText === undefined && !bound.has(p.name)) return undefined;
  return bound;
}

/** A default to fill a positional gap: the implementation's at that position, else the published literal. */
function filler(implementation: string[], index: number, published: Parameter): Value | undefined {
  const impl = implementation[index];
  const text = impl && !impl.startsWith("*") && impl.includes("=") ? impl.slice(impl.indexOf("=") + 1) : published.defaultText;
  if (text === undefined || text === "...") return undefined;
  try {
    return literalDefault(text);
  } catch {
    return undefined;
  }
}

/**
 * A call rewritten for an implementation written against `implementation` (its own parameter names, the
 * bindArguments format): keywords the implementation does not know by name are bound against the published
 * overloads and passed by position in the library's order. Unchanged when every keyword is already the
 * implementation's, or when no published overload accepts the call (an API newer than the stubs: the
 * implementation's own signature then decides).
 */
export function bindPublished(name: string, implementation: string[], args: Value[], kwargs: Map<string, Value>): { args: Value[]; kwargs: Map<string, Value> } {
  const unchanged = { args, kwargs };
  if (kwargs.size === 0) return unchanged;
  const known = new Set(implementation.filter((p) => !p.startsWith("*")).map((p) => (p.includes("=") ? p.slice(0, p.indexOf("=")) : p)));
  if ([...kwargs.keys()].every((k) => known.has(k))) return unchanged;
  if (name.startsWith("torch.")) {
    const renamed = numpyAliases(kwargs, known);
    if (renamed !== kwargs) return bindPublished(name, implementation, args, renamed);
  }
  return bindByPosition(name, implementation, args, kwargs);
}

/** NumPy's names PyTorch's argument parser also takes (torch/csrc/utils/python_arg_parser.cpp,
 *  numpy_compatibility_arg_names): `x.sum(-1, keepdims=True)`, `torch.cat(xs, axis=1)`. */
const NUMPY_NAMES: Record<string, string> = { axis: "dim", keepdims: "keepdim", x: "input", a: "input", x1: "input", x2: "other" };

/** The keywords with NumPy's names given PyTorch's where the signature has those and not NumPy's (else kwargs itself). */
function numpyAliases(kwargs: Map<string, Value>, known: Set<string>): Map<string, Value> {
  const rename = [...kwargs.keys()].filter((k) => !known.has(k) && NUMPY_NAMES[k] !== undefined && known.has(NUMPY_NAMES[k]) && !kwargs.has(NUMPY_NAMES[k]));
  if (rename.length === 0) return kwargs;
  return new Map([...kwargs].map(([k, v]) => [rename.includes(k) ? NUMPY_NAMES[k] : k, v]));
}

/**
 * A native that reads its arguments by position (the builtins: `round(x, ndigits=2)`, `enumerate(xs, start=1)`):
 * every keyword that Python would bind to a positional parameter arrives by position; keyword-only ones stay.
 */
export function withPublishedSignature(name: string, call: NativeCall): NativeCall {
  if (call.kwargs.size === 0) return call;
  const bound = bindByPosition(name, [], call.args, call.kwargs);
  return bound.args === call.args ? call : { ...call, args: bound.args, kwargs: bound.kwargs };
}

/**
 * Native methods of a class (self first) whose calls arrive bound by the published signature of `owner`'s method of
 * the same name (`__init__` by the constructor `owner` itself): keywords Python binds to positional parameters arrive
 * by position, so an implementation reads its arguments by position (`m.register_buffer(tensor=t, name="b")`).
 */
export function withPublishedMethods(owner: string, methods: Record<string, (call: NativeCall) => Value>): Record<string, (call: NativeCall) => Value> {
  const out: Record<string, (call: NativeCall) => Value> = {};
  for (const [name, method] of Object.entries(methods)) {
    const published = name === "__init__" ? owner : `${owner}.${name}`;
    out[name] = !publishedOverloads(published) ? method : (call) => {
      if (call.kwargs.size === 0 || call.args.length === 0) return method(call);
      const bound = bindByPosition(published, [], call.args.slice(1), call.kwargs);
      return method({ ...call, args: [call.args[0], ...bound.args], kwargs: bound.kwargs });
    };
  }
  return out;
}

function bindByPosition(name: string, implementation: string[], args: Value[], kwargs: Map<string, Value>): { args: Value[]; kwargs: Map<string, Value> } {
  const unchanged = { args, kwargs };
  const overloads = publishedOverloads(name);
  if (!overloads) return unchanged;
  for (const overload of overloads) {
    const params = parse(overload);
    const bound = bindOverload(params, args, kwargs);
    if (!bound) continue;
    const positional = params.filter((p) => p.kind === "positional");
    const last = positional.reduce((at, p, i) => (bound.has(p.name) ? i : at), -1);
    const outArgs: Value[] = [];
    let ok = true;
    for (let i = 0; i <= last && ok; i++) {
      const v = bound.get(positional[i].name) ?? filler(implementation, i, positional[i]);
      if (v === undefined) ok = false;
      else outArgs.push(v);
    }
    if (!ok) continue;
    if (args.length > positional.length) outArgs.push(...args.slice(positional.length));
    const outKwargs = new Map<string, Value>();
    for (const [k, v] of kwargs) if (!positional.some((p) => p.name === k)) outKwargs.set(k, v);
    return { args: outArgs, kwargs: outKwargs };
  }
  return unchanged;
}
