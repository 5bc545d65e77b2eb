// Configuration files a script reads with ordinary Python: `open(path)` of a workspace file, then PyYAML's
// `yaml.safe_load`/`yaml.load`/`yaml.full_load` and their `_all` forms over a stream of documents
// (pyyaml.org/wiki/PyYAMLDocumentation, PyYAML 6.0), `json.load`/`json.loads`
// (docs.python.org/3/library/json.html) or OmegaConf's `OmegaConf.load` (omegaconf.readthedocs.io, 2.3). Only a
// file whose path is known (a literal, an argparse default, a path built from `__file__`) and that exists is read;
// anything else stays unknown, as before. Nothing is executed: the file's text is parsed as data.
import { nativeClass } from "../classes";
import { NONE, bool, dict, float, freshId, int, list, str, unknown } from "../construct";
import { MissingFileError } from "../missing-file";
import type { ClassValue, InstanceValue, UnknownValue, Value } from "../values";
import { resolveInterpolations } from "../../hydra/interpolate";
import { parseYaml, parseYamlDocuments, type YamlValue } from "../../hydra/yaml";
import { pathLikeValue, pathPlaces } from "./path-like";
import { fn, namespace, type StandardLibrary } from "./native";
import { installOmegaConfApi } from "./omegaconf-api";

/** Files `open()` reads: configuration documents (YAML, JSON, configparser's INI, gin's bindings, a `.env` of variables), never data
 *  sets, which can be large and are not the program's settings. */
export const CONFIG_FILE = /\.(ya?ml|json|ini|cfg|gin)$|(^|\/)\.env$/i;
/** Plain-text lists of a data set's samples that training code counts (`open('lists/train.txt').readlines()`, a
 *  `filelists/..._train_filelist.txt` of `path|text` lines): read as text too, when small enough to be a list of
 *  paths rather than the data itself. A JSON Lines file (`.jsonl`, one record a line: jsonlines.org) is such a list
 *  too: `[json.loads(line) for line in f]` counts its records. */
const LIST_FILE = /\.(txt|lst|list|jsonl)$/i;
/** Characters of a list file, at most (about 100,000 lines of paths). */
const MAX_LIST_TEXT = 8_000_000;

/** Installs `open`'s file objects' readers (yaml, json, omegaconf); returns the `open` builtin that makes them. */
export function installConfigFiles({ modules, interp, objectClass, call }: StandardLibrary): Value {
  const places = (path: string): string[] => pathPlaces(interp(), path);
  const fileClass = nativeClass("io.TextIOWrapper", [objectClass], {
    __enter__: ({ args }) => args[0],
    __exit__: () => bool(false),
    read: ({ args }) => { const text = textOf(args[0]); return text === undefined ? unknown("file contents") : str(text); },
    readlines: ({ args }) => list(linesOf(args[0]).map(str)),
    // The next line, its newline kept; "" at the end of the file (io docs, IOBase.readline). The object keeps its place.
    readline: ({ args }) => {
      const file = args[0];
      if (file?.kind !== "instance" || textOf(file) === undefined) return unknown("file contents");
      const at = file.attributes.get("__line__");
      const index = at?.kind === "int" ? at.value : 0;
      file.attributes.set("__line__", { kind: "int", value: index + 1 });
      return str(linesOf(file)[index] ?? "");
    },
    __iter__: ({ args }) => ({ kind: "iterator", items: linesOf(args[0]).map(str), index: 0 }),
    close: () => NONE,
  });
  /** A file the user must name (its contents unknown): noted on the interpreter, which tells the training plan. */
  const userFile = (contents: UnknownValue): Value => {
    if (contents.required) interp().undecidedFile ??= contents;
    return contents;
  };
  const openFile = (given: Value, mode: Value | undefined, newline?: Value): Value => {
    const path = pathLikeValue(given, call);
    // Binary reading counts for a config file: PyYAML's load takes "an open binary file object" (pyyaml.org/wiki/
    // PyYAMLDocumentation, "Loading YAML") and json.load a binary file (Python 3.6+), so `open(p, "rb")` feeds them.
    const binary = mode?.kind === "str" && mode.value.includes("b");
    const reading = mode === undefined || (mode.kind === "str" && !/[wa+x]/.test(mode.value) && (!binary || (path.kind === "str" && CONFIG_FILE.test(path.value))));
    // A path the user must give (a required command-line argument) keeps its question, so the note asks which file.
    if (path.kind === "unknown" && reading) return userFile({ ...unknown(`a file not named in the code: ${path.reason}`), required: path.required });
    // An empty path (an option's default of "" that the user is to replace: `--config-file ""`) names no file: Python's
    // open("") raises FileNotFoundError wherever the script runs, so what the file would set is the user's to name.
    if (path.kind === "str" && path.value === "" && reading) return userFile({ ...unknown("no file: its path is empty (an option's default of '' that the command line is to replace), and open('') raises FileNotFoundError"), required: true });
    // Writing is not a config being read, nor binary reading of anything but a config file.
    if (path.kind !== "str" || !(CONFIG_FILE.test(path.value) || LIST_FILE.test(path.value)) || !reading) return unknown("file contents are not read by the analyzer");
    const candidates = places(path.value);
    const found = candidates.map((p) => ({ p, text: interp().loader.sourceText?.(p) })).find((c) => c.text !== undefined);
    const full = found?.p ?? candidates[0];
    const text = found?.text;
    if (text !== undefined && LIST_FILE.test(path.value) && text.length > MAX_LIST_TEXT) return unknown(`the file ${path.value} is too large to read as a list of samples`);
    if (full !== undefined) interp().loader.noteFileRead?.(full, text !== undefined);
    if (text === undefined) {
      // Python raises here; a script that catches it goes on without the file, and so must the analysis.
      if (interp().catchingMissingFile) throw new MissingFileError(path.value);
      return unknown(`the file ${path.value} is not in the workspace`);
    }
    // Text mode with newline=None, the default, reads "\r\n" and "\r" as "\n" (docs.python.org/3/library/functions.html#open):
    // a file saved with Windows line ends has fewer characters in Python than on disk.
    const read = newline === undefined || newline.kind === "none" ? text.replace(/\r\n?/g, "\n") : text;
    return { kind: "instance", cls: fileClass, attributes: new Map<string, Value>([["name", str(path.value)], ["__text__", str(read)]]), id: freshId() };
  };
  /** The text a reader is given: a file object's contents or a string (`yaml.safe_load(f.read())`). */
  const given = (v: Value | undefined): string | undefined => (v?.kind === "str" ? v.value : v ? textOf(v) : undefined);

  const yamlRead = (name: string) => fn(name, ({ args, kwargs }) => {
    const stream = args[0] ?? kwargs.get("stream");
    const text = given(stream);
    if (text === undefined) return stream?.kind === "unknown" ? stream : unknown("a YAML document the analyzer cannot read");
    const parsed = parseYaml(text, { omegaconf: false });
    return parsed === null && text.trim() !== "" && !/^\s*(null|~)\s*$/.test(text) ? unknown("text that is not valid YAML") : toPython(parsed, undefined);
  });
  // `yaml.load_all(stream)` yields each `---`-separated document in turn (a config split into sections, one per
  // document, merged by the script's own loop over them).
  const yamlReadAll = (name: string) => fn(name, ({ args, kwargs }) => {
    const stream = args[0] ?? kwargs.get("stream");
    const text = given(stream);
    if (text === undefined) return stream?.kind === "unknown" ? stream : unknown("a YAML stream the analyzer cannot read");
    const documents = parseYamlDocuments(text, { omegaconf: false });
    if (documents === null) return unknown("text that is not valid YAML");
    return { kind: "iterator", items: documents.map((d) => toPython(d, undefined)), index: 0 };
  });
  const loader = (name: string) => nativeClass(`yaml.${name}`, [objectClass]);
  modules.set("yaml", namespace("yaml", {
    safe_load: yamlRead("yaml.safe_load"),
    load: yamlRead("yaml.load"),
    full_load: yamlRead("yaml.full_load"),
    unsafe_load: yamlRead("yaml.unsafe_load"),
    load_all: yamlReadAll("yaml.load_all"),
    safe_load_all: yamlReadAll("yaml.safe_load_all"),
    full_load_all: yamlReadAll("yaml.full_load_all"),
    unsafe_load_all: yamlReadAll("yaml.unsafe_load_all"),
    SafeLoader: loader("SafeLoader"),
    FullLoader: loader("FullLoader"),
    Loader: loader("Loader"),
    UnsafeLoader: loader("UnsafeLoader"),
    CLoader: loader("CLoader"),
    BaseLoader: loader("BaseLoader"),
    dump: fn("yaml.dump", () => unknown("YAML text")),
    safe_dump: fn("yaml.safe_dump", () => unknown("YAML text")),
  }));

  const jsonRead = (name: string) => fn(name, ({ args }) => {
    const text = given(args[0]);
    // An unknown file (one the workspace lacks) keeps its own reason.
    if (text === undefined) return args[0]?.kind === "unknown" ? args[0] : unknown("a JSON document the analyzer cannot read");
    try {
      return toPython(JSON.parse(text) as YamlValue, undefined);
    } catch {
      return unknown("text that is not valid JSON");
    }
  });
  modules.set("json", namespace("json", {
    load: jsonRead("json.load"),
    loads: jsonRead("json.loads"),
    dump: fn("json.dump", () => NONE),
    dumps: fn("json.dumps", () => unknown("JSON text")),
  }));

  // OmegaConf's DictConfig reads both as attributes and as items (`cfg.train.batch_size`, `cfg['train']`).
  const dictConfig: ClassValue = nativeClass("omegaconf.DictConfig", [objectClass], {
    __getitem__: ({ args }) => (args[0].kind === "instance" && args[1]?.kind === "str" ? args[0].attributes.get(args[1].value) ?? unknown(`the config key ${args[1].value}`) : unknown("a config key")),
    __contains__: ({ args }) => bool(args[0].kind === "instance" && args[1]?.kind === "str" && args[0].attributes.has(args[1].value)),
    get: ({ args }) => (args[0].kind === "instance" && args[1]?.kind === "str" ? args[0].attributes.get(args[1].value) ?? args[2] ?? NONE : unknown("a config key")),
    keys: ({ args }) => list(args[0].kind === "instance" ? [...args[0].attributes.keys()].map(str) : []),
  });
  const omegaLoad = fn("OmegaConf.load", ({ args, kwargs }) => {
    const source = args[0] ?? kwargs.get("file_");
    const path = source ? pathLikeValue(source, call) : undefined;
    const file = path?.kind === "str" || (path?.kind === "unknown" && path.required) ? openFile(path, undefined) : path;
    const text = file ? textOf(file) : undefined;
    if (text === undefined) return unknown("a config file the analyzer cannot read");
    // A file's own `${...}` references resolve as OmegaConf resolves them when read (hydra/interpolate.ts).
    const parsed = parseYaml(text);
    return toPython(parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? resolveInterpolations(parsed) : parsed, dictConfig);
  });
  const omegaConf = nativeClass("omegaconf.OmegaConf", [objectClass]);
  omegaConf.attributes.set("load", omegaLoad);
  omegaConf.attributes.set("set_struct", fn("OmegaConf.set_struct", () => NONE));
  omegaConf.attributes.set("set_readonly", fn("OmegaConf.set_readonly", () => NONE));
  installOmegaConfApi(omegaConf, dictConfig, (text) => toPython(parseYaml(text), dictConfig));
  modules.set("omegaconf", namespace("omegaconf", { OmegaConf: omegaConf, DictConfig: dictConfig, ListConfig: nativeClass("omegaconf.ListConfig", [objectClass]), MISSING: str("???") }));

  // open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, ...) (docs.python.org/3/library/
  // functions.html#open): each may be given by keyword, `open(file="config.yml", mode="r")`.
  return fn("open", ({ args, kwargs }) => {
    const file = args[0] ?? kwargs.get("file");
    return file ? openFile(file, args[1] ?? kwargs.get("mode"), kwargs.get("newline") ?? args[5]) : unknown("file contents are not read by the analyzer");
  });
}

function linesOf(v: Value): string[] {
  return (textOf(v) ?? "").split(/(?<=\n)/).filter((l) => l !== "");
}

function textOf(v: Value): string | undefined {
  const text = v.kind === "instance" ? v.attributes.get("__text__") : undefined;
  return text?.kind === "str" ? text.value : undefined;
}

/** Parsed data as Python values: mappings as dicts, or as `mapping` instances (OmegaConf's DictConfig) when given. */
function toPython(v: YamlValue, mapping: ClassValue | undefined): Value {
  if (v === null) return NONE;
  if (typeof v === "boolean") return bool(v);
  if (typeof v === "number") return Number.isInteger(v) ? int(v) : float(v);
  if (typeof v === "string") return mapping && v.includes("${") ? unknown(`the config interpolation ${v} is not resolved`) : str(v);
  if (Array.isArray(v)) return list(v.map((x) => toPython(x, mapping)));
  if (mapping) {
    const instance: InstanceValue = { kind: "instance", cls: mapping, attributes: new Map(), id: freshId() };
    for (const [k, x] of Object.entries(v)) instance.attributes.set(k, toPython(x, mapping));
    return instance;
  }
  return dict(Object.entries(v).map(([k, x]) => [str(k), toPython(x, mapping)]));
}
