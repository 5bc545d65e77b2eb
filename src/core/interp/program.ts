import type { ModuleSyntax } from "../python/ast";
import { lowerModuleLazily, type LazyModuleSyntax } from "../python/lower";
import type { PythonParser } from "../python/parser";
import { applyTextChanges, treeEditFor, type TextChange } from "../python/text-changes";
import type { Tree } from "web-tree-sitter";
import type { Interpreter, ModuleLoader } from "./interpreter";
import { basename, dirname, joinPath } from "./paths";
import { virtualRoot } from "./runtime";
import type { ModuleNamespaceValue, Value } from "./values";

/** The files an analysis may read: the host implements these over the disk or the editor's workspace. */
export interface WorkspaceFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
  listPython(dir: string): string[];
}

/** Changes recorded beyond this many since the last parse are not worth checking: the next parse starts afresh. */
const MAX_PENDING_CHANGES = 256;
/** Replaying edits copies the text once per edit; past this many code units copied, a fresh parse is cheaper. */
const MAX_REPLAY_CHARACTERS = 32_000_000;

interface CacheEntry {
  text: string;
  syntax: LazyModuleSyntax;
  /** Edits reported since `text` was parsed (undefined: too many, or one that did not fit). */
  changes: TextChange[] | undefined;
}

/**
 * Lowered syntax per file and text, reused across analyses (the editor re-analyzes on every keystroke). When the
 * host reports a file's edits (`recordChanges`), the next parse of its new text reuses the old tree through
 * tree-sitter's incremental parsing instead of starting over; either way, the new version's lowering takes over the
 * function bodies the edit did not touch.
 */
export class SyntaxCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** How many parses reused a previous tree, and how many started afresh (for tests and the benchmark). */
  readonly parses = { incremental: 0, full: 0 };
  constructor(private readonly capacity = 512) {}

  /** Frees every syntax tree the cache holds (a cache dropped without this leaks WebAssembly memory). */
  dispose(): void {
    for (const { syntax } of this.entries.values()) syntax.discard();
    this.entries.clear();
  }

  /**
   * Notes edits made to a file's text after it was parsed here, in the order they were made; the next `get` of the
   * edited text re-parses incrementally. Edits that do not add up to that text are ignored there (full parse).
   */
  recordChanges(path: string, changes: readonly TextChange[]): void {
    const entry = this.entries.get(path);
    if (!entry || !entry.changes) return;
    if (entry.changes.length + changes.length > MAX_PENDING_CHANGES) entry.changes = undefined;
    else entry.changes.push(...changes);
  }

  /** The lowered syntax of a file's text, parsing it only when the text changed. */
  get(parser: PythonParser, path: string, text: string): ModuleSyntax {
    const hit = this.entries.get(path);
    if (hit && hit.text === text) {
      // refresh recency
      this.entries.delete(path);
      this.entries.set(path, hit);
      return hit.syntax;
    }
    const tree = hit ? this.reparse(parser, hit, text) : this.parse(parser, text);
    let syntax: LazyModuleSyntax;
    try {
      syntax = lowerModuleLazily(tree, text, hit);
    } catch (err) {
      tree.delete();
      throw err;
    } finally {
      // Nothing holds the replaced version: analyses are synchronous and keep no syntax once they return.
      hit?.syntax.discard();
      this.entries.delete(path);
    }
    this.entries.set(path, { text, syntax, changes: [] });
    if (this.entries.size > this.capacity) {
      const [oldest, entry] = this.entries.entries().next().value!;
      // Finishes its lazy bodies first: the analysis under way may still hold them.
      entry.syntax.release();
      this.entries.delete(oldest);
    }
    return syntax;
  }

  /** The tree and lowered syntax of exactly this text of a file, if cached (valid until the file's next `get`). */
  lookup(path: string, text: string): { tree: Tree; syntax: LazyModuleSyntax } | undefined {
    const hit = this.entries.get(path);
    return hit && hit.text === text ? { tree: hit.syntax.tree, syntax: hit.syntax } : undefined;
  }

  /** Parses `text`, reusing the entry's tree when the recorded edits turn its text into this one. */
  private reparse(parser: PythonParser, entry: CacheEntry, text: string): Tree {
    const changes = entry.changes;
    if (!changes || changes.length === 0 || changes.length * text.length > MAX_REPLAY_CHARACTERS || applyTextChanges(entry.text, changes) !== text) {
      return this.parse(parser, text);
    }
    // The old tree stays intact (its lazy bodies may still be read); tree-sitter edits a copy.
    const edited = entry.syntax.tree.copy();
    try {
      let before = entry.text;
      for (const change of changes) {
        edited.edit(treeEditFor(before, change));
        before = applyTextChanges(before, [change])!;
      }
      this.parses.incremental++;
      return parser.parse(text, edited);
    } finally {
      edited.delete();
    }
  }

  private parse(parser: PythonParser, text: string): Tree {
    this.parses.full++;
    return parser.parse(text);
  }
}

/**
 * The files of one analysis: loads and runs imported files once each (cycles see the partly-run module, as in
 * Python), and resolves native modules (torch, math, ...).
 */
export class Program implements ModuleLoader {
  private readonly namespaces = new Map<string, ModuleNamespaceValue>();
  readonly syntaxErrors = new Map<string, ModuleSyntax["syntaxErrors"]>();
  readonly comments = new Map<string, Map<number, string>>();

  constructor(
    private readonly parser: PythonParser,
    private readonly files: WorkspaceFiles,
    private readonly root: string,
    private readonly interpreter: Interpreter,
    private readonly nativeModules: Map<string, ModuleNamespaceValue>,
    private readonly cache: SyntaxCache,
    /** Text of files open in the editor, which wins over the disk. */
    private readonly overrides = new Map<string, string>(),
    /** Built-in Python packages (the runtime's virtual files), imported after the workspace's own. */
    private readonly virtualFiles = new Map<string, string>(),
  ) {}

  /** Runs a file (once) and returns its namespace. */
  loadFile(path: string, moduleName = basename(path).replace(/\.py$/, "")): ModuleNamespaceValue | undefined {
    const existing = this.namespaces.get(path);
    if (existing) return existing;
    const text = this.overrides.get(path) ?? this.virtualFiles.get(path) ?? this.files.read(path);
    if (text === undefined) return undefined;
    const syntax = this.cache.get(this.parser, path, text);
    this.syntaxErrors.set(path, syntax.syntaxErrors);
    this.comments.set(path, syntax.comments);
    const namespace: ModuleNamespaceValue = {
      kind: "namespace",
      name: moduleName,
      file: path,
      scope: { names: new Map<string, Value>([["__name__", { kind: "str", value: moduleName }]]), parent: this.interpreter.builtins },
    };
    this.namespaces.set(path, namespace);
    this.interpreter.runModule(namespace, syntax.body);
    return namespace;
  }

  importModule(name: string, level: number, fromFile: string): ModuleNamespaceValue | undefined {
    if (level === 0) {
      const native = this.nativeModule(name);
      if (native) return native;
      for (const base of [dirname(fromFile), this.root, virtualRoot]) {
        const found = this.loadDotted(base, name);
        if (found) return found;
      }
      return undefined;
    }
    let base = dirname(fromFile);
    for (let i = 1; i < level; i++) base = dirname(base);
    if (!name) return this.loadPackage(base);
    return this.loadDotted(base, name);
  }

  importSubmodule(parent: ModuleNamespaceValue, name: string): Value | undefined {
    const native = this.nativeModules.get(`${parent.name}.${name}`);
    if (native) return native;
    if (!parent.file || basename(parent.file) !== "__init__.py") return undefined;
    return this.loadDotted(dirname(parent.file), name);
  }

  private nativeModule(name: string): ModuleNamespaceValue | undefined {
    const exact = this.nativeModules.get(name);
    if (exact) return exact;
    // torch.nn.modules.conv and friends: the nearest native ancestor stands in.
    const parts = name.split(".");
    for (let i = parts.length - 1; i > 0; i--) {
      const ancestor = this.nativeModules.get(parts.slice(0, i).join("."));
      if (ancestor && (parts[0] === "torch" || parts[0] === "torchvision")) return ancestor;
    }
    return undefined;
  }

  private loadDotted(base: string, dotted: string): ModuleNamespaceValue | undefined {
    const parts = dotted.split(".");
    let dir = base;
    let namespace: ModuleNamespaceValue | undefined;
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      const file = joinPath(dir, `${parts[i]}.py`);
      const packageDir = joinPath(dir, parts[i]);
      if (last && this.exists(file)) return this.loadFile(file, dotted);
      const init = joinPath(packageDir, "__init__.py");
      if (this.exists(init)) namespace = this.loadFile(init, parts.slice(0, i + 1).join("."));
      else if (!this.isFolderWithPython(packageDir)) return undefined;
      else namespace = { kind: "namespace", name: parts.slice(0, i + 1).join("."), file: init, scope: { names: new Map(), parent: this.interpreter.builtins } };
      dir = packageDir;
    }
    return namespace;
  }

  private loadPackage(dir: string): ModuleNamespaceValue | undefined {
    const init = joinPath(dir, "__init__.py");
    if (this.exists(init)) return this.loadFile(init, basename(dir));
    return { kind: "namespace", name: basename(dir), file: init, scope: { names: new Map(), parent: this.interpreter.builtins } };
  }

  private exists(path: string): boolean {
    return this.overrides.has(path) || this.virtualFiles.has(path) || this.files.exists(path);
  }

  private isFolderWithPython(dir: string): boolean {
    return this.files.listPython(dir).length > 0 || [...this.virtualFiles.keys()].some((p) => p.startsWith(`${dir}/`));
  }
}
