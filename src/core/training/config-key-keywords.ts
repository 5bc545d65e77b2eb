// A config key's name does not always say what the code makes of it: SpecTrHuMS-style options pass
// `max_epochs=opt["num_iterations"]` to a Trainer, so the key counts epochs, not steps. The keyword (or variable) the
// code hands a key's value to names the figure it sets.

const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The keyword or name the code binds a config key's value to (`max_epochs=opt["num_iterations"]` → "max_epochs"),
 *  in the first of `texts` that subscripts a mapping by that key; undefined where none does. */
export function nameGivenConfigKey(key: string, texts: readonly string[]): string | undefined {
  const pattern = new RegExp(`\\b([A-Za-z_]\\w*)\\s*=\\s*[A-Za-z_][\\w.]*\\[\\s*["']${escaped(key)}["']\\s*\\]`);
  for (const text of texts) {
    const match = pattern.exec(text);
    if (match) return match[1];
  }
  return undefined;
}
