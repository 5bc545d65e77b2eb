// A config file may hold keys no code reads: `num_training_steps: 4000` and `grad_accum_steps: 4` left in a Hydra
// tree whose Trainer is built from `max_epochs=cfg.training.epochs` alone. Python reads a key only where code names it
// (`cfg.trainer.num_training_steps`, `cfg["num_training_steps"]`, `get("num_training_steps")`) or hands its section on
// whole (`Trainer(**cfg.trainer)`, `instantiate(cfg.trainer)`), so a key named nowhere in the script or the workspace
// modules it imports sets nothing of the run, whatever its name says.
import type { Interpreter } from "../interp/interpreter";
import type { ModuleFiles } from "../interp/module-resolver";
import type { Statement } from "../python/ast";

/** Workspace modules read at most, the script's imports and theirs: enough for a training package's own files. */
const MAX_MODULES = 40;

/** The source texts of the script and of the workspace modules it imports, directly or through them. */
export function importedWorkspaceTexts(body: Statement[], text: string, file: string, interpreter: Interpreter, files: ModuleFiles | undefined): string[] {
  const texts = [text];
  if (!files) return texts;
  const seen = new Set<string>([file]);
  const queue: { body: Statement[]; file: string }[] = [{ body, file }];
  while (queue.length > 0 && seen.size < MAX_MODULES) {
    const next = queue.shift()!;
    const wanted: { module: string; level: number }[] = [];
    for (const s of next.body) {
      if (s.type === "import") for (const n of s.names) wanted.push({ module: n.module, level: 0 });
      else if (s.type === "importFrom") {
        wanted.push({ module: s.module, level: s.level });
        // `from pkg import train`: a submodule of the package, as Python tries when the package binds no such name.
        if (s.names !== "*") for (const n of s.names) wanted.push({ module: s.module ? `${s.module}.${n.name}` : n.name, level: s.level });
      }
    }
    for (const w of wanted) {
      let module;
      try {
        module = interpreter.loader.importModule(w.module, w.level, next.file);
      } catch {
        continue;
      }
      const home = module?.file;
      if (!home || seen.has(home)) continue;
      const source = files.read(home);
      if (source === undefined) continue;
      seen.add(home);
      texts.push(source);
      const moduleBody = interpreter.loader.moduleBody?.(home);
      if (moduleBody) queue.push({ body: moduleBody, file: home });
    }
  }
  return texts;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a name appears as a word in any of the texts. */
const namedIn = (texts: readonly string[], n: string): boolean => {
  const word = new RegExp(`\\b${escape(n)}\\b`);
  return texts.some((t) => word.test(t));
};

/**
 * Whether a config leaf's dotted key is one the code leaves unread: the code reads its section key by key (another
 * key of the section, in `keys`, appears as a word in the texts) and never names this one, nor unpacks the section
 * with `**`, hands it to Hydra's `instantiate`, or turns a config into a plain mapping (OmegaConf.to_container,
 * to_object, vars()). A top-level key, or one in a section no code names key by key, may be read by code the
 * analysis does not see (the whole config handed to a function of a library), so it is never judged unread.
 */
export function codeLeavesConfigKeyUnread(key: string, keys: readonly string[], texts: readonly string[]): boolean {
  const cut = key.lastIndexOf(".");
  if (cut < 0) return false;
  const prefix = key.slice(0, cut + 1);
  const name = key.slice(cut + 1);
  const section = prefix.slice(0, -1).split(".").pop()!;
  const named = (n: string) => namedIn(texts, n);
  if (named(name)) return false;
  const handedOn = new RegExp(`(\\*\\*|instantiate\\()\\s*[\\w.\\[\\]'"]*\\b${escape(section)}\\b`);
  if (texts.some((t) => handedOn.test(t) || /to_container\(|to_object\(|\bvars\(/.test(t))) return false;
  const siblings = keys.filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes(".") && k !== key);
  return siblings.some((k) => named(k.slice(prefix.length)));
}

// A config file's top-level key that no code reads: `"batch_size": 32` left in a JSON config whose agent reads
// `config.lr`, `config.iter_num` and `config.gamma` one by one, its update taking the whole episode. Python reads a
// key only where code names it (`config.batch_size`, `config["batch_size"]`, `get("batch_size")`) or hands the
// mapping on whole, unpacked (`Trainer(**config)`), made a plain dict (`vars(config)`, OmegaConf's to_container), or
// read by a name the code computes (`getattr(config, name)`). Where the code reads other top-level keys by name and
// does none of those, a key named nowhere sets nothing of the run (the function above judges keys of sections).

/** `f(**cfg)`, `{**cfg}`: a mapping unpacked into a call or a dict (not `x ** 2`, a power). */
const UNPACKED = /[(,{]\s*\*\*\s*[A-Za-z_]/;
/** A config made a plain mapping, or an attribute read by a computed name. */
const WHOLE_READS = /\bto_container\(|\bto_object\(|\bvars\(|\bgetattr\(\s*[\w.]+\s*,\s*[A-Za-z_]/;

/**
 * Whether a top-level config key (no dot in `key`) is one the code leaves unread: its name appears in none of the
 * texts (the script and the workspace modules it imports), no text unpacks a mapping, makes a config a plain
 * mapping or reads attributes by computed names, and another top-level key of `keys` is named in them.
 */
export function codeLeavesTopLevelKeyUnread(key: string, keys: readonly string[], texts: readonly string[]): boolean {
  if (key.includes(".")) return false;
  const named = (n: string) => namedIn(texts, n);
  if (named(key)) return false;
  if (texts.some((t) => UNPACKED.test(t) || WHOLE_READS.test(t))) return false;
  return keys.some((k) => k !== key && !k.includes(".") && named(k));
}
