/**
 * What scans of a file's text found (a name it mentions, its star imports, its registry keys), kept per path while
 * the text stays the same: re-analysis after a keystroke rescans none of the library files it passes through. A fact
 * depends on the text alone, so a changed text drops every fact of that path.
 */
export class TextFacts {
  private readonly entries = new Map<string, { text: string; facts: Map<string, unknown> }>();
  constructor(private readonly capacity = 8192) {}

  /** The fact `key` of this text of a file: computed once, then kept until the file's text changes. */
  get<T>(path: string, text: string, key: string, compute: (text: string) => T): T {
    let entry = this.entries.get(path);
    if (!entry || entry.text !== text) {
      this.entries.delete(path);
      entry = { text, facts: new Map() };
      this.entries.set(path, entry);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    if (entry.facts.has(key)) return entry.facts.get(key) as T;
    const fact = compute(text);
    entry.facts.set(key, fact);
    return fact;
  }

  /** Drops every fact. */
  clear(): void {
    this.entries.clear();
  }
}
