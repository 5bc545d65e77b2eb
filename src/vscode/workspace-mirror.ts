import * as vscode from "vscode";
import type { Settings } from "../core/config";
import { isTableFile, MAX_TABLE_BYTES } from "../core/table-files";
import type { StatusBar } from "./status-bar";

/** The synchronous file view the analyzer asks for (same shape as WorkspaceFiles in src/core/analyze.ts). */
export interface SyncFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
  listPython(dir: string): string[];
}

/** Files over this size are left out of the mirror (generated code, data dumps); a data table has its own limit. */
const MAX_FILE_BYTES = 2_000_000;
/** Reads in flight while indexing: enough to hide latency, few enough to leave the host responsive. */
const READ_CONCURRENCY = 8;
/** How long after a folder appears its files are searched: a burst of writes into it settles first. */
const FOLDER_SETTLE_MS = 500;

/**
 * A synchronous mirror of the workspace's .py files for the analyzer (which follows imports and cannot await):
 * read once through workspace.fs in the background, kept fresh by a FileSystemWatcher; open documents win over disk.
 * Keys are URI paths (POSIX), as the analyzer expects.
 */
export class WorkspaceMirror implements vscode.Disposable, SyncFiles {
  private readonly files = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<string[]>();
  /** Fires with the paths whose text changed on disk (not typing in open documents). */
  readonly onDidChange = this.changed.event;
  private indexing: Promise<void> | undefined;
  private indexedCount = 0;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly status: StatusBar,
    private readonly settings: () => Settings,
  ) {}

  /** Starts background indexing once (later calls return the same promise) and begins watching .py files. */
  start(): Promise<void> {
    this.indexing ??= this.index();
    return this.indexing;
  }

  /** How many files the mirror holds. */
  get size(): number {
    return this.indexedCount;
  }

  read(path: string): string | undefined {
    const open = this.openDocument(path);
    return open ? open.getText() : this.files.get(path);
  }

  exists(path: string): boolean {
    return this.files.has(path) || this.openDocument(path) !== undefined;
  }

  listPython(dir: string): string[] {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    const paths = new Set<string>();
    for (const path of this.files.keys()) if (path.startsWith(prefix)) paths.add(path);
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.path.startsWith(prefix) && document.uri.path.endsWith(".py")) paths.add(document.uri.path);
    }
    return [...paths].sort();
  }

  /** The text of a mirrored file as saved (open documents' unsaved edits left out), undefined when not mirrored. */
  savedText(path: string): string | undefined {
    return this.files.get(path);
  }

  /** Every mirrored file with its saved text (the browser's analysis worker gets them, having no disk). */
  savedFiles(): [string, string][] {
    return [...this.files];
  }

  /** Every mirrored .py path (for workspace analysis). */
  allPaths(): string[] {
    return [...this.files.keys()].sort();
  }

  /** The URI of a mirrored path. */
  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path);
  }

  private readonly uris = new Map<string, vscode.Uri>();

  private openDocument(path: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((document) => document.uri.path === path && !document.isClosed);
  }

  private async index(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher("**/*.py");
    const folders = vscode.workspace.createFileSystemWatcher("**/*", false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.enqueue(uri)),
      watcher.onDidChange((uri) => this.enqueue(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      // A deleted folder is reported once, as the folder (its .py files get no events of their own).
      folders,
      folders.onDidDelete((uri) => this.forget(uri)),
      // A new folder is searched once its burst settles: files written into it before the OS watch on it began
      // (a checkout, an unzip) get no events of their own.
      folders.onDidCreate((uri) => {
        if (uri.path.endsWith(".py")) return;
        this.createdPaths.add(uri.toString());
        this.armFolderSearch();
      }),
    );
    const settings = this.settings();
    const exclude = settings["workspace.exclude"].length > 0 ? `{${settings["workspace.exclude"].join(",")}}` : undefined;
    const started = Date.now();
    const uris = await vscode.workspace.findFiles("**/*.py", exclude, settings["workspace.maxFiles"]);
    let done = 0;
    const queue = [...uris];
    const worker = async () => {
      for (let uri = queue.shift(); uri; uri = queue.shift()) {
        await this.load(uri, false);
        done++;
        if (done % 20 === 0 || done === uris.length) this.status.setTask("index", `Greenlight: indexing ${done}/${uris.length} Python files`);
      }
    };
    if (uris.length > 0) this.status.setTask("index", `Greenlight: indexing 0/${uris.length} Python files`);
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    this.status.setTask("index", undefined);
    this.log.info(`indexed ${this.files.size} Python files in ${Date.now() - started} ms`);
  }

  /** Watcher events arrive in bursts (a checkout: thousands at once): reads go through a queue, READ_CONCURRENCY at a time. */
  private enqueue(uri: vscode.Uri): void {
    this.waitingLoads.set(uri.path, uri);
    while (this.activeLoads < READ_CONCURRENCY && this.waitingLoads.size > 0) void this.drainLoads();
  }

  private async drainLoads(): Promise<void> {
    this.activeLoads++;
    try {
      for (const [path, uri] of this.waitingLoads) {
        this.waitingLoads.delete(path);
        await this.load(uri, true);
        break;
      }
      // One file per turn, then back to the event loop, so other requests are served between reads.
      if (this.waitingLoads.size > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      this.activeLoads--;
    }
    if (this.waitingLoads.size > 0 && this.activeLoads < READ_CONCURRENCY) void this.drainLoads();
  }

  private readonly waitingLoads = new Map<string, vscode.Uri>();
  private activeLoads = 0;
  private readonly createdPaths = new Set<string>();
  /** Files found but not mirrored (too large, unreadable): a folder search does not count them as missed events. */
  private readonly leftOut = new Set<string>();
  private createdTimer: ReturnType<typeof setTimeout> | undefined;

  private armFolderSearch(): void {
    if (this.createdTimer === undefined) this.createdTimer = setTimeout(() => void this.searchCreatedFolders(), FOLDER_SETTLE_MS);
  }

  /**
   * Queues the .py files of folders created since the last search (a file path created alongside is skipped). A
   * search that finds files the watcher did not report (written before its watch on the new folder began, or while
   * the host was too busy to start it) searches that folder once more after another settle: the writes may still be
   * going on, and their events may be missing too. It stops once a search finds nothing new.
   */
  private async searchCreatedFolders(): Promise<void> {
    this.createdTimer = undefined;
    const created = [...this.createdPaths].map((text) => vscode.Uri.parse(text));
    this.createdPaths.clear();
    const createdDirs = new Set(created.map((uri) => uri.path));
    const insideAnother = (path: string) => {
      for (let at = path.lastIndexOf("/"); at > 0; at = path.lastIndexOf("/", at - 1)) if (createdDirs.has(path.slice(0, at))) return true;
      return false;
    };
    const settings = this.settings();
    const exclude = settings["workspace.exclude"].length > 0 ? `{${settings["workspace.exclude"].join(",")}}` : undefined;
    for (const uri of created) {
      // Folders only, and not one inside another created one, which is searched anyway (a checkout: one search).
      if (insideAnother(uri.path)) continue;
      try {
        if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) continue;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, "**/*.py"), exclude, settings["workspace.maxFiles"]);
        const missed = found.filter((file) => !this.files.has(file.path) && !this.waitingLoads.has(file.path) && !this.leftOut.has(file.path));
        for (const file of missed) this.enqueue(file);
        if (missed.length > 0) {
          this.createdPaths.add(uri.toString());
          this.armFolderSearch();
        }
      } catch (error) {
        this.log.debug(`skipped the new folder ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** Drops a deleted file, or every file under a deleted folder. */
  private forget(uri: vscode.Uri): void {
    const prefix = `${uri.path}/`;
    const gone = [...this.files.keys()].filter((path) => path === uri.path || path.startsWith(prefix));
    if (gone.length === 0) return;
    for (const path of gone) {
      this.files.delete(path);
      this.uris.delete(path);
    }
    this.indexedCount = this.files.size;
    this.changed.fire(gone);
  }

  private async load(uri: vscode.Uri, notify: boolean): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > (isTableFile(uri.path) ? MAX_TABLE_BYTES : MAX_FILE_BYTES)) {
        this.leftOut.add(uri.path);
        return;
      }
      const text = new TextDecoder("utf-8").decode(await vscode.workspace.fs.readFile(uri));
      const before = this.files.get(uri.path);
      this.files.set(uri.path, text);
      this.leftOut.delete(uri.path);
      this.uris.set(uri.path, uri);
      this.indexedCount = this.files.size;
      if (notify && before !== text) this.changed.fire([uri.path]);
    } catch (error) {
      // A file deleted or unreadable while indexing is simply left out.
      this.leftOut.add(uri.path);
      this.log.debug(`skipped ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    if (this.createdTimer !== undefined) clearTimeout(this.createdTimer);
    for (const disposable of this.disposables) disposable.dispose();
    this.changed.dispose();
  }
}
