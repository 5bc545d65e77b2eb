import type { ModuleSyntax } from "../python/ast";
import { lowerModuleLazily, type LazyModuleSyntax } from "../python/lower";
import type { PythonParser } from "../python/parser";
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

/** Lowered syntax per file and text, reused across analyses (the editor re-analyzes on every keystroke). */
export class SyntaxCache {
  private readonly entries = new Map<string, { text: string; syntax: LazyModuleSyntax }>();
  constructor(private readonly capacity = 512) {}

  /** Frees every syntax tree the cache holds (a cache dropped without this leaks WebAssembly memory). */
  dispose(): void {
    for (const { syntax } of this.entries.values()) syntax.release();
    this.entries.clear();
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
    hit?.syntax.release();
    const tree = parser.parse(text);
    let syntax: LazyModuleSyntax;
    try {
      syntax = lowerModuleLazily(tree, text);
    } catch (err) {
      tree.delete();
      throw err;
    }
    this.entries.set(path, { text, syntax });
    if (this.entries.size > this.capacity) {
      const [oldest, entry] = this.entries.entries().next().value!;
      // Finishes its lazy bodies first: an analysis under way may still hold them.
      entry.syntax.release();
      this.entries.delete(oldest);
    }
    return syntax;
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
