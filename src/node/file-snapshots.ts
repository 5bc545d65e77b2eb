import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";
import type { WorkspaceFiles } from "../core/analyze";
import { maxFileBytes } from "./disk-files";

/** Texts kept past this many characters in all are dropped, oldest first (a large environment's sources). */
const MAX_KEPT_CHARACTERS = 256_000_000;

/** Folders whose listings are kept across analyses, the least recently listed dropped first. */
const MAX_KEPT_LISTINGS = 4096;

/** One entry of a folder: its path and what the directory entry says it is. */
interface Entry {
  path: string;
  kind: "file" | "folder" | "other";
}

interface Kept {
  /** mtime, ctime, size and inode when read: a file replaced or rewritten differs in one of them. */
  stamp: string;
  text: string;
}

/**
 * The local disk as WorkspaceFiles, keeping each file's text while its stat says it is unchanged. An analysis of a
 * script that builds a library's model reads thousands of the library's files, several times each (re-exports,
 * registries, the modules run): these reads then cost a stat instead of a read, and the same text object comes back,
 * which the syntax cache compares at once. What exists and what folders hold is remembered only until `refresh()`,
 * which a host calls before each analysis, so every analysis sees the disk as it is when it starts.
 */
export class FileSnapshots implements WorkspaceFiles {
  private readonly texts = new Map<string, Kept>();
  private keptCharacters = 0;
  /** Stats, listings and texts checked since the last refresh (undefined: nothing there). */
  private readonly stats = new Map<string, Stats | undefined>();
  private readonly checked = new Map<string, string | undefined>();
  private readonly listings = new Map<string, Entry[]>();
  /** Listings kept across refreshes with the folder's stat when listed. */
  private readonly keptListings = new Map<string, { stamp: string; entries: Entry[] }>();

  /** Forgets what the disk held: the next look at each path asks the disk again (kept texts are re-validated by stat). */
  refresh(): void {
    this.stats.clear();
    this.checked.clear();
    this.listings.clear();
  }

  read(path: string): string | undefined {
    if (this.checked.has(path)) return this.checked.get(path);
    const text = this.readValidated(path);
    this.checked.set(path, text);
    return text;
  }

  exists(path: string): boolean {
    return this.stat(path) !== undefined;
  }

  isDirectory(path: string): boolean {
    return this.stat(path)?.isDirectory() ?? false;
  }

  listFiles(dir: string): string[] {
    return this.listing(dir).filter((e) => e.kind === "file").map((e) => e.path);
  }

  listFolders(dir: string): string[] {
    return this.listing(dir).filter((e) => e.kind === "folder").map((e) => e.path);
  }

  listPython(dir: string): string[] {
    return this.listing(dir).filter((e) => e.path.endsWith(".py")).map((e) => e.path);
  }

  private readValidated(path: string): string | undefined {
    const stats = this.stat(path);
    if (!stats || !stats.isFile() || stats.size > maxFileBytes(path)) return undefined;
    const stamp = `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${stats.ino}`;
    const kept = this.texts.get(path);
    if (kept && kept.stamp === stamp) return kept.text;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
    this.keep(path, { stamp, text });
    return text;
  }

  private keep(path: string, entry: Kept): void {
    const old = this.texts.get(path);
    if (old) {
      this.keptCharacters -= old.text.length;
      this.texts.delete(path);
    }
    this.texts.set(path, entry);
    this.keptCharacters += entry.text.length;
    for (const [oldest, kept] of this.texts) {
      if (this.keptCharacters <= MAX_KEPT_CHARACTERS) break;
      this.texts.delete(oldest);
      this.keptCharacters -= kept.text.length;
    }
  }

  private stat(path: string): Stats | undefined {
    if (this.stats.has(path)) return this.stats.get(path);
    let stats: Stats | undefined;
    try {
      stats = statSync(path, { throwIfNoEntry: false });
    } catch {
      stats = undefined;
    }
    this.stats.set(path, stats);
    return stats;
  }

  /** A folder's entries (paths in the folder's order; the kind as the directory entry gives it), remembered until
   *  refresh; after it, a listing is kept while the folder's stat is unchanged (an entry added, removed or renamed
   *  changes the folder's mtime), so a dataset's class folders cost a stat each per analysis, not a read. */
  private listing(dir: string): Entry[] {
    // Listing a file or a missing folder gives nothing, as diskFiles does.
    const known = this.listings.get(dir);
    if (known) return known;
    const stats = this.stat(dir);
    const stamp = stats?.isDirectory() ? `${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` : undefined;
    const kept = stamp ? this.keptListings.get(dir) : undefined;
    let entries: Entry[] = [];
    if (kept && kept.stamp === stamp) entries = kept.entries;
    else if (stamp) {
      try {
        entries = readdirSync(dir, { withFileTypes: true }).map((e) => ({ path: join(dir, e.name), kind: e.isFile() ? ("file" as const) : e.isDirectory() ? ("folder" as const) : ("other" as const) }));
      } catch {
        entries = [];
      }
    }
    if (stamp) {
      this.keptListings.delete(dir);
      this.keptListings.set(dir, { stamp, entries });
      if (this.keptListings.size > MAX_KEPT_LISTINGS) this.keptListings.delete(this.keptListings.keys().next().value!);
    }
    this.listings.set(dir, entries);
    return entries;
  }
}
