import * as vscode from "vscode";
import { CONFIG_FILE } from "../core/interp/stdlib/config-files";

/** Folders whose YAML/JSON/INI files no training script reads (tooling, dependencies, editor state). */
const NOT_CONFIG = /\/(node_modules|\.git|\.vscode|\.venv|venv|site-packages|__pycache__)\//;

/** Whether a file is a config a script may read as data (the analyzer reads YAML, JSON and INI files it opens). */
export function isConfigFile(uri: vscode.Uri): boolean {
  return CONFIG_FILE.test(uri.path) && !NOT_CONFIG.test(uri.path);
}

/** One settled burst of config file changes: its number (from 1), the paths changed, the documents analyzed again. */
export interface ConfigRefresh {
  burst: number;
  changed: string[];
  refreshed: string[];
}

/**
 * Calls `changed` with the paths of the config files that changed: saved (or created, deleted) on disk, or edited in an
 * editor (the analysis reads its unsaved text). A burst of changes (typing, a checkout) calls it once, after `settleMs`
 * of quiet, with every path of the burst. The figures that read those files (a training lens's steps and batch) then
 * follow without a reload; the others are left alone.
 */
export function watchConfigFiles(changed: (paths: ReadonlySet<string>) => void, settleMs: () => number): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paths = new Set<string>();
  const later = (uri: vscode.Uri) => {
    if (!isConfigFile(uri)) return;
    paths.add(uri.path);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const burst = paths;
      paths = new Set();
      changed(burst);
    }, settleMs());
  };
  const watcher = vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml,json,ini,cfg,YAML,YML,JSON,INI,CFG}");
  return vscode.Disposable.from(
    watcher,
    watcher.onDidChange(later),
    watcher.onDidCreate(later),
    watcher.onDidDelete(later),
    vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && later(event.document.uri)),
    // Closing an edited config without saving drops its unsaved text: the analysis reads the file on disk again.
    vscode.workspace.onDidCloseTextDocument((document) => later(document.uri)),
    { dispose: () => timer !== undefined && clearTimeout(timer) },
  );
}

