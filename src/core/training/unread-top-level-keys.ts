// A config file's top-level key that no code reads: `"batch_size": 32` left in a JSON config whose agent reads
// `config.lr`, `config.iter_num` and `config.gamma` one by one, its update taking the whole episode. Python reads a
// key only where code names it (`config.batch_size`, `config["batch_size"]`, `get("batch_size")`) or hands the
// mapping on whole, unpacked (`Trainer(**config)`), made a plain dict (`vars(config)`, OmegaConf's to_container), or
// read by a name the code computes (`getattr(config, name)`). Where the code reads other top-level keys by name and
// does none of those, a key named nowhere sets nothing of the run (unread-config-keys.ts judges keys of sections).

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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
  const named = (n: string) => {
    const word = new RegExp(`\\b${escape(n)}\\b`);
    return texts.some((t) => word.test(t));
  };
  if (named(key)) return false;
  if (texts.some((t) => UNPACKED.test(t) || WHOLE_READS.test(t))) return false;
  return keys.some((k) => k !== key && !k.includes(".") && named(k));
}
