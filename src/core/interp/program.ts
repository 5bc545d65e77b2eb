import type { ModuleSyntax, Statement } from "../python/ast";
import { lowerModuleLazily, type LazyModuleSyntax } from "../python/lower";
import type { PythonParser } from "../python/parser";
import { applyTextChanges, treeEditFor, type TextChange } from "../python/text-changes";
import type { Tree } from "web-tree-sitter";
import type { Interpreter, ModuleLoader } from "./interpreter";
import { OPTIONAL_STAND_IN_LINE, type ModuleFiles, type ModuleResolver, type ResolvedModule } from "./module-resolver";
import { basename, dirname, joinPath } from "./paths";
import type { ModuleNamespaceValue, Scope, Value } from "./values";
import { list, NONE, unknown } from "./construct";
import { LazyNames } from "./lazy-names";
import { TextFacts } from "./text-facts";
import { findReExport, type ReExportFiles, type ReExportTarget } from "./re-exports";
import { weightOnlyArgumentsOf } from "../environment/library-rules";
import { hubFolderNames } from "../torch/hub";
import { bodyWithRunMagics, installRunMagic } from "./notebook-run-magic";
import { emptyModules, LibraryWorlds, resolvedPlace, type LibraryWorld, type LoadedModules } from "./library-world";

/** The files an analysis may read: the host implements these over the disk or the editor's workspace. */
export type WorkspaceFiles = ModuleFiles;

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
  /** What scans of files' texts found (re-exports, registries), kept with the texts across analyses as the syntax is. */
  readonly facts = new TextFacts();
  /** Library modules run by earlier analyses, by setting (see library-world.ts). */
  readonly worlds = new LibraryWorlds();
  constructor(private readonly capacity = 512) {}

  /** Frees every syntax tree the cache holds (a cache dropped without this leaks WebAssembly memory). */
  dispose(): void {
    for (const { syntax } of this.entries.values()) syntax.discard();
    this.entries.clear();
    this.facts.clear();
    this.worlds.clear();
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
 * Python), resolving native modules (torch, math, ...) first and then every Python module through the one
 * module-resolution chain (workspace, the user's environment, our built-in packages).
 */
export class Program implements ModuleLoader {
  /** What has been loaded: this analysis's own, or the library world's, which earlier analyses filled. */
  private readonly modules: LoadedModules;
  /** Files and namespace-package keys this analysis loaded outside the libraries: dropped from the world at `finish`. */
  private readonly transient: string[] = [];
  /** How many library modules are being run (nested): their top level may change what the world keeps. */
  private libraryLoads = 0;
  /** The library files whose top level is running, innermost last (whose load events a note or load belongs to). */
  private readonly loading: string[] = [];
  /** Kept modules this analysis has met (loaded, or their load events repeated). */
  private readonly met = new Set<string>();
  /** Re-exported names being looked up (`package.name`), against a round of re-exports. */
  private readonly reExportsSought = new Set<string>();

  constructor(
    private readonly parser: PythonParser,
    private readonly resolver: ModuleResolver,
    private readonly interpreter: Interpreter,
    private readonly nativeModules: Map<string, ModuleNamespaceValue>,
    private readonly cache: SyntaxCache,
    /** Why a top-level module is missing, in words that say what to do (the environment's name and the host's action). */
    private readonly missingModule: (name: string) => string = (name) => `module ${name} is not available to the analyzer`,
    /** torch.hub's cache folders (TORCH_HOME/hub, ~/.cache/torch/hub) and the files that read them. */
    private readonly hub?: { dirs: string[]; files: ModuleFiles },
    /** Library modules kept across analyses (see library-world.ts); without it, every module runs afresh. */
    private readonly world?: LibraryWorld,
  ) {
    this.modules = world?.modules ?? emptyModules();
    if (world) world.current = this;
    // sys.path edits belong to the analysis that made them: each starts with an empty list to append to.
    nativeModules.get("sys")?.scope.names.set("path", list([]));
  }

  /** The folder relative paths start from: the analyzed script's (see ModuleLoader.workingDirectory). */
  workingDirectory(): string | undefined {
    return this.mainFile === undefined ? undefined : dirname(this.mainFile);
  }

  /** Runs a Python file by its path (see ModuleLoader.runFile). */
  runFile(path: string, moduleName: string): ModuleNamespaceValue | undefined {
    return this.resolver.exists(path) ? this.loadFile(path, moduleName) : undefined;
  }

  /** Runs a workspace file's statements in a scope it does not own (a notebook's `%run -i`): false when there is no file. */
  private runFileIn(path: string, scope: Scope): boolean {
    const text = this.resolver.exists(path) ? this.resolver.read(path) : undefined;
    if (text === undefined) return false;
    const syntax = this.cache.get(this.parser, path, text);
    this.interpreter.runModule({ kind: "namespace", name: "__main__", file: path, scope }, syntax.body);
    return true;
  }

  /** The files the analyzed script's folder is read from (see ModuleLoader.workspaceFiles). */
  workspaceFiles(): ModuleFiles | undefined {
    return this.resolver.roots.find((r) => r.kind === "script" || r.kind === "workspace")?.files;
  }

  /** The workspace folder (see ModuleLoader.workspaceRoot). */
  workspaceRoot(): string | undefined {
    return this.resolver.roots.find((r) => r.kind === "workspace")?.path;
  }

  private get namespaces() {
    return this.modules.namespaces;
  }
  private get searchPaths() {
    return this.modules.searchPaths;
  }
  private get moduleNames() {
    return this.modules.moduleNames;
  }
  private get lazyScopes() {
    return this.modules.lazyScopes;
  }
  private get registryMisses() {
    return this.modules.registryMisses;
  }
  private get registryKeys() {
    return this.modules.registryKeys;
  }
  /** Syntax errors of each file run, by path. */
  get syntaxErrors(): Map<string, ModuleSyntax["syntaxErrors"]> {
    return this.modules.syntaxErrors;
  }
  /** Pragma comments of each file run, by path and line. */
  get comments(): Map<string, Map<number, string>> {
    return this.modules.comments;
  }

  /** The program of the analysis under way: a kept module's deferred imports load through it, not through the one that ran the module. */
  private get live(): Program {
    return (this.world?.current as Program | undefined) ?? this;
  }

  /** Whether a file belongs to the libraries the world keeps: the environment's packages and our built-in ones. */
  private isLibrary(path: string): boolean {
    const kind = this.resolver.rootOf(path)?.kind;
    return path !== this.mainFile && (kind === "environment" || kind === "builtin" || kind === "modelled");
  }

  /**
   * Ends the analysis: what it loaded outside the libraries leaves the world, which the next analysis may reuse
   * unless something spoiled it.
   */
  finish(): void {
    const world = this.world;
    if (!world) return;
    world.restore();
    for (const key of this.transient) {
      const namespace = this.namespaces.get(key);
      if (namespace) this.searchPaths.delete(namespace);
      this.namespaces.delete(key);
      this.moduleNames.delete(key);
      this.registryKeys.delete(key);
      this.syntaxErrors.delete(key);
      this.comments.delete(key);
    }
    this.transient.length = 0;
    if (world.current === this) world.current = undefined;
  }

  /**
   * The first time an analysis meets a module an earlier analysis kept: what its top level noted, and the kept
   * modules it loaded, come again, as if it had just run (the notes go to the model being built, as Python's import
   * would run then).
   */
  private meet(path: string): void {
    const events = this.world?.loadEvents.get(path);
    if (!events || this.met.has(path)) return;
    this.met.add(path);
    const recorder = this.interpreter.recorder;
    for (const e of events) {
      if (typeof e === "string") this.meet(e);
      else {
        if (e.importing) recorder.importing++;
        try {
          recorder.note(e.reason, e.location);
        } finally {
          if (e.importing) recorder.importing--;
        }
      }
    }
  }

  /**
   * Analyzed code changes an object: one the world keeps is saved first, to be put back when the analysis ends (a
   * library's top level changes them for good, unless code of this analysis changed them before).
   */
  noteWrite(target: object): void {
    const world = this.world;
    if (!world?.isFrozen(target)) return;
    if (this.libraryLoads === 0) world.save(target);
    // Names a lazy module resolves are resolved again through this program when put back; anything else would lose
    // what the library's top level did.
    else if (world.isSaved(target) && !(target instanceof LazyNames)) world.spoil("a library module's top level changed an object that other code had changed");
  }

  /** The file under analysis: its own imports run as written (its names are all read afterwards). */
  private mainFile: string | undefined;

  /** Runs a file (once) and returns its namespace. */
  loadFile(path: string, moduleName = defaultModuleName(path)): ModuleNamespaceValue | undefined {
    const existing = this.namespaces.get(path);
    if (existing) {
      // A module a library's top level imports again is one of its load events too: met here when not met before.
      const outer = this.loading[this.loading.length - 1];
      if (outer !== undefined) this.world?.loadEvents.get(outer)?.push(path);
      this.meet(path);
      return existing;
    }
    this.mainFile ??= path;
    const text = this.resolver.read(path);
    if (text === undefined) return undefined;
    const syntax = this.cache.get(this.parser, path, text);
    this.syntaxErrors.set(path, syntax.syntaxErrors);
    this.comments.set(path, syntax.comments);
    // Installed packages are read lazily: their imports bind on first use (see LazyNames).
    const kind = this.resolver.rootOf(path)?.kind;
    const lazy = path !== this.mainFile && this.resolver.roots.some((r) => (r.kind === "environment" || r.kind === "hub") && path.startsWith(`${r.path}/`));
    const library = this.world !== undefined && this.isLibrary(path);
    if (library) {
      const world = this.world!;
      world.texts.set(path, text);
      this.met.add(path);
      world.loadEvents.set(path, []);
      const outer = this.loading[this.loading.length - 1];
      if (outer !== undefined) world.loadEvents.get(outer)?.push(path);
    } else if (this.world) this.transient.push(path);
    if (kind === "hub") this.world?.spoil("a torch.hub repository ran");
    const names = lazy ? new LazyNames() : new Map<string, Value>();
    if (lazy) this.lazyScopes.push(names as LazyNames);
    // A kept module's names resolved by later code are put back when that analysis ends (see LibraryWorld.save).
    if (lazy && this.world) (names as LazyNames).beforeChange = () => this.live.noteWrite(names);
    names.set("__name__", { kind: "str", value: moduleName });
    // Every module has __doc__: its docstring, else None (docs.python.org/3/reference/datamodel.html#modules);
    // `ArgumentParser(description=globals()['__doc__'])` reads it.
    const first = syntax.body[0];
    const docstring = first?.type === "expression" && first.value.type === "str" ? first.value.value : null;
    names.set("__doc__", docstring !== null ? { kind: "str", value: docstring } : NONE);
    // Files on disk know where they are (paths built from __file__ feed sys.path edits); our built-in packages do not.
    if (kind !== "builtin" && kind !== "modelled") names.set("__file__", { kind: "str", value: path });
    const namespace: ModuleNamespaceValue = { kind: "namespace", name: moduleName, file: path, scope: { names, parent: this.interpreter.builtins } };
    this.namespaces.set(path, namespace);
    this.moduleNames.set(path, moduleName);
    if (basename(path) === "__init__.py") this.searchPaths.set(namespace, [dirname(path)]);
    // A notebook's `%run` lines run their files where they stand (notebook-run-magic.ts).
    const notebook = path === this.mainFile && path.endsWith(".ipynb");
    if (notebook) installRunMagic(this.interpreter, namespace.scope, (file, scope) => this.runFileIn(file, scope));
    const recorder = this.interpreter.recorder;
    const observer = recorder.noteObserver;
    if (library) {
      this.libraryLoads++;
      this.loading.push(path);
      recorder.noteObserver = (reason, location, importing) => {
        const innermost = this.loading[this.loading.length - 1];
        if (innermost !== undefined) this.world!.loadEvents.get(innermost)?.push({ reason, location, importing });
      };
    }
    try {
      this.interpreter.runModule(namespace, notebook ? bodyWithRunMagics(syntax.body, syntax.comments) : syntax.body, { imported: lazy });
    } catch (err) {
      // A module cut short (the time budget) must not be kept half run.
      this.world?.spoil("a module's top level did not finish");
      throw err;
    } finally {
      if (library) {
        this.libraryLoads--;
        this.loading.pop();
        recorder.noteObserver = observer;
        if (this.interpreter.recorder !== recorder) this.world!.spoil("a module's top level changed the recorder");
      }
    }
    if (lazy) this.applyWeightOnlyRules(namespace);
    if (kind === "builtin") this.markStandIn(namespace);
    if (kind === "modelled") this.markModelled(namespace);
    // What the outermost library load built is kept as it is now: only another library's top level may change it.
    if (library && this.libraryLoads === 0) this.world!.freeze(namespace, this.interpreter.builtins);
    return namespace;
  }

  /**
   * Our built-in packages stand in for parts of a library (timm's layer helpers); a name they lack is the real
   * library's, which is not installed (else it would have been found first): say so where it is used.
   */
  private markStandIn(namespace: ModuleNamespaceValue): void {
    if (namespace.scope.names.has("__fallback__")) return;
    const top = namespace.name.split(".")[0];
    namespace.scope.names.set("__fallback__", {
      kind: "native",
      name: `${namespace.name}.__fallback__`,
      call: ({ args }) => {
        const name = args[0]?.kind === "str" ? args[0].value : "?";
        const reason = `${namespace.name}.${name}: ${this.missingModule(top)}`;
        return { ...unknown(reason, this.interpreter.currentLocation), missing: true };
      },
    });
  }

  /**
   * A library the analyzer models (einops) answers for the installed one, so a name its model lacks is not a missing
   * package: say that the analyzer does not model it.
   */
  private markModelled(namespace: ModuleNamespaceValue): void {
    namespace.scope.names.set("__fallback__", {
      kind: "native",
      name: `${namespace.name}.__fallback__`,
      call: ({ args }) => {
        const name = args[0]?.kind === "str" ? args[0].value : "?";
        const top = namespace.name.split(".")[0];
        const reason = `${namespace.name}.${name}: not in the analyzer's model of ${top}, which reads its patterns as shape functions instead of running the installed code`;
        return { ...unknown(reason, this.interpreter.currentLocation), missing: true };
      },
    });
  }

  /** Library entry points called with the value that loads no pretrained weights (see library-rules.ts). */
  private applyWeightOnlyRules(namespace: ModuleNamespaceValue): void {
    for (const rule of weightOnlyArgumentsOf(namespace.name)) {
      const original = namespace.scope.names.get(rule.function);
      if (original?.kind !== "function") continue;
      const position = original.definition.params.findIndex((p) => p.name === rule.argument);
      namespace.scope.names.set(rule.function, {
        kind: "native",
        name: `${namespace.name}.${rule.function}`,
        call: ({ args, kwargs }) => {
          const positional = [...args];
          const keywords = new Map(kwargs);
          if (position >= 0 && position < positional.length) positional[position] = rule.value;
          else keywords.set(rule.argument, rule.value);
          return this.interpreter.call(original, positional, keywords);
        },
      });
    }
  }

  moduleBody(path: string): Statement[] | undefined {
    const text = this.resolver.read(path);
    return text === undefined ? undefined : this.cache.get(this.parser, path, text).body;
  }

  findModule(name: string, fromFile: string): "native" | "source" | undefined {
    if (this.nativeModule(name)) return "native";
    // An availability check (importlib's find_spec, metadata.version) finds a seldom-installed library absent.
    return this.resolve(name, 0, fromFile) && !this.optionalStandIn(name, fromFile) ? "source" : undefined;
  }

  optionalStandIn(name: string, fromFile: string): boolean {
    const top = this.resolve(name.split(".")[0], 0, fromFile)?.modules[0];
    if (top?.root.kind !== "builtin" || !top.file) return false;
    return top.root.files.read(top.file)?.startsWith(OPTIONAL_STAND_IN_LINE) ?? false;
  }

  importModule(name: string, level: number, fromFile: string): ModuleNamespaceValue | undefined {
    if (level === 0) {
      const native = this.nativeModule(name);
      if (native) return native;
    }
    const chain = this.resolve(name, level, fromFile);
    if (!chain) return undefined;
    let parent = level > 0 ? this.packageAt(chain.base, chain.packageName) : undefined;
    let namespace: ModuleNamespaceValue | undefined = parent;
    for (const found of chain.modules) {
      namespace = this.load(found);
      if (!namespace) return undefined;
      // Importing a submodule binds it in its package, as Python does.
      const part = found.name.slice(found.name.lastIndexOf(".") + 1);
      if (parent && !parent.scope.names.has(part)) parent.scope.names.set(part, namespace);
      parent = namespace;
    }
    return namespace;
  }

  /**
   * Where `from M import ...` / `import M` leads, without running anything: each module of the dotted chain, and
   * for relative imports the package folder they start from.
   */
  private resolve(name: string, level: number, fromFile: string): { modules: ResolvedModule[]; base: string; packageName: string } | undefined {
    const parts = name ? name.split(".") : [];
    const modules: ResolvedModule[] = [];
    let base = dirname(fromFile);
    let packageName = "";
    if (level === 0) {
      // Workspace files also see their own folder first (scripts run from there; research code relies on it). When
      // the dotted name does not resolve from there (a module beside the file shadows the package of the same name
      // the file belongs to: `timesformer_pytorch/timesformer_pytorch.py` importing `timesformer_pytorch.rotary`),
      // the import roots decide, as they do where the package is imported rather than run as a script.
      const fromRoot = this.resolver.rootOf(fromFile);
      const own = fromRoot && (fromRoot.kind === "workspace" || fromRoot.kind === "script") ? [{ ...fromRoot, path: base }] : [];
      const asPackage = this.resolver.roots.filter((r) => r.kind !== "script");
      const fromLibrary = this.world !== undefined && this.isLibrary(fromFile);
      for (const roots of own.length ? [[...own, ...this.resolver.roots], asPackage] : [this.resolver.roots]) {
        const top = this.resolver.findTopLevel(parts[0], roots);
        if (fromLibrary) this.world!.topLevel.set(parts[0], resolvedPlace(top));
        if (!top) continue;
        if (fromLibrary && !this.isLibrary(top.file ?? top.searchPaths[0] ?? "")) this.world!.spoil(`a library imported ${parts[0]} from the workspace`);
        const chain = this.chainFrom(top, parts.slice(1));
        if (chain) return { modules: chain, base, packageName };
      }
      // Folders the code put on sys.path (`sys.path.append(os.path.join(os.path.dirname(__file__), '..'))`, or
      // Transformer-XL's `sys.path.append('utils')` from the working directory), within the workspace, in list order.
      const inPath = this.fromSysPath(parts);
      if (inPath) return { modules: inPath, base, packageName };
      // Nowhere on the path: a folder above the file, nearest first (the training script that imports this module
      // lives there, and Python put it on sys.path: `src/model/rcan.py` importing `from model import common`). A
      // folder without __init__.py counts where the dotted name reaches a module file through it (Python 3 imports it
      // as a namespace package: PatchTST's `from layers.PatchTST_backbone import ...` beside its models/ folder).
      const workspace = this.resolver.roots.find((r) => r.kind === "workspace" && fromFile.startsWith(`${r.path}/`));
      if (workspace && own.length) {
        for (let dir = dirname(base); dir.length > workspace.path.length && dir.startsWith(workspace.path); dir = dirname(dir)) {
          const top = this.resolver.findTopLevel(parts[0], [{ ...workspace, path: dir }]);
          const found = top ? this.chainFrom(top, parts.slice(1)) : undefined;
          const chain = found && found.some((m) => m.file !== undefined) ? found : undefined;
          if (chain) return { modules: chain, base, packageName };
        }
      }
      return undefined;
    } else {
      for (let i = 1; i < level; i++) base = dirname(base);
      packageName = this.packageName(fromFile, level);
      if (parts.length === 0) return { modules, base, packageName };
      const first = this.resolver.findInFolder(base, parts[0], packageName ? `${packageName}.${parts[0]}` : parts[0]);
      if (!first) return undefined;
      modules.push(first);
    }
    const chain = this.chainFrom(modules[0], parts.slice(1));
    return chain ? { modules: chain, base, packageName } : undefined;
  }

  /** A dotted name found through the folders sys.path holds now, those inside the workspace only (the files we may read). */
  private fromSysPath(parts: string[]): ResolvedModule[] | undefined {
    const entries = this.nativeModules.get("sys")?.scope.names.get("path");
    const workspace = this.resolver.roots.find((r) => r.kind === "workspace");
    const cwd = this.workingDirectory();
    if (entries?.kind !== "list" || !workspace || cwd === undefined) return undefined;
    for (const entry of entries.items) {
      if (entry.kind !== "str") continue;
      const dir = entry.value.startsWith("/") ? joinPath(entry.value) : joinPath(cwd, entry.value);
      if (dir !== workspace.path && !dir.startsWith(`${workspace.path}/`)) continue;
      const top = this.resolver.findTopLevel(parts[0], [{ ...workspace, path: dir }]);
      const chain = top ? this.chainFrom(top, parts.slice(1)) : undefined;
      if (chain && chain.some((m) => m.file !== undefined)) return chain;
    }
    return undefined;
  }

  /** A module and the submodules a dotted name goes on through, each found in the one before; undefined where one is missing. */
  private chainFrom(first: ResolvedModule, rest: string[]): ResolvedModule[] | undefined {
    const modules = [first];
    for (const part of rest) {
      const parent = modules[modules.length - 1];
      const next = this.resolver.findSubmodule(parent, part, `${parent.name}.${part}`);
      if (!next) return undefined;
      modules.push(next);
    }
    return modules;
  }

  importSubmodule(parent: ModuleNamespaceValue, name: string): Value | undefined {
    const native = this.nativeModules.get(`${parent.name}.${name}`);
    if (native) return native;
    const paths = this.searchPaths.get(parent);
    if (!paths) return undefined;
    const found = this.resolver.findSubmodule({ searchPaths: paths }, name, `${parent.name}.${name}`);
    if (!found) return parent.file && basename(parent.file) === "__init__.py" ? this.reExported(parent, name) : undefined;
    const namespace = this.load(found);
    if (namespace && !parent.scope.names.has(name)) parent.scope.names.set(name, namespace);
    return namespace;
  }

  /** A name a package only re-exports for type checkers (its run-time module object being lazy), loaded from its defining module. */
  private reExported(parent: ModuleNamespaceValue, name: string): Value | undefined {
    const target = this.reExportOf(parent.file!, parent.name, name);
    if (!target) return undefined;
    // Packages whose __init__ files re-export each other's names (`from .utils import *` where utils imports the
    // package back) would send the search round for ever; a name already being sought is not found again here.
    const key = `${parent.name}.${name}`;
    if (this.reExportsSought.has(key)) return undefined;
    this.reExportsSought.add(key);
    let value: Value | undefined;
    try {
      const module = this.loadFile(target.file, target.moduleName);
      value = module?.scope.names.get(target.attribute) ?? (module ? this.importSubmodule(module, target.attribute) : undefined);
    } finally {
      this.reExportsSought.delete(key);
    }
    // Later lookups find it bound, as Python's lazy module caches it.
    if (value) parent.scope.names.set(name, value);
    return value;
  }

  /**
   * findReExport, kept in the world for a library package: the search reads hundreds of sub-package files, and what
   * it found holds while the files it read are as they were (the world checks them with its own).
   */
  private reExportOf(initFile: string, packageName: string, name: string): ReExportTarget | undefined {
    const world = this.world;
    if (!world || !this.isLibrary(initFile)) return findReExport(this.reExportFiles, initFile, packageName, name);
    const key = `${initFile}\n${name}`;
    const kept = world.reExports.get(key);
    if (kept !== undefined) return kept ?? undefined;
    let outside = false;
    const read = (path: string) => {
      const text = this.resolver.read(path);
      if (text !== undefined && this.isLibrary(path)) world.texts.set(path, text);
      else outside = true;
      return text;
    };
    const recording: ReExportFiles = {
      syntax: (path) => {
        const text = read(path);
        return text === undefined ? undefined : this.cache.get(this.parser, path, text).body;
      },
      fact: (path, key, compute) => {
        const text = read(path);
        return text === undefined ? undefined : this.cache.facts.get(path, text, key, compute);
      },
      exists: (path) => {
        const found = this.resolver.exists(path);
        world.existence.set(path, found);
        return found;
      },
    };
    const target = findReExport(recording, initFile, packageName, name);
    // A search that read files outside the libraries is not kept: the world does not watch those.
    if (!outside) world.reExports.set(key, target ?? null);
    return target;
  }

  private readonly reExportFiles: ReExportFiles = {
    syntax: (path) => {
      const text = this.resolver.read(path);
      return text === undefined ? undefined : this.cache.get(this.parser, path, text).body;
    },
    fact: (path, key, compute) => {
      const text = this.resolver.read(path);
      return text === undefined ? undefined : this.cache.facts.get(path, text, key, compute);
    },
    exists: (path) => this.resolver.exists(path),
  };

  deferImport(statement: Extract<Statement, { type: "importFrom" }>, scope: Scope, fromFile: string): boolean {
    if (!(scope.names instanceof LazyNames)) return false;
    const names = scope.names;
    const { module, level } = statement;
    if (level === 0 && this.nativeModule(module)) return false;
    const chain = this.resolve(module, level, fromFile);
    if (!chain) return false;
    const target = chain.modules[chain.modules.length - 1];
    const load = () => this.live.importModule(module, level, fromFile);
    if (statement.names === "*") {
      names.deferStar(load, target?.file);
      return true;
    }
    for (const n of statement.names) {
      // `from . import video` names a module of the package itself: found in its folder (the chain is empty).
      const sub = target ? this.resolver.findSubmodule(target, n.name, `${target.name}.${n.name}`) : module === "" ? this.resolver.findInFolder(chain.base, n.name, n.name) : undefined;
      names.defer(n.alias ?? n.name, () => {
        const ns = load();
        if (!ns) return undefined;
        return ns.scope.names.get(n.name) ?? this.live.importSubmodule(ns, n.name) ?? unknown(`${n.name} from ${".".repeat(level)}${module} is not available to the analyzer`, { file: fromFile, line: statement.pos.line, column: statement.pos.column });
      }, sub?.file ?? target?.file);
    }
    return true;
  }

  loadRegistering(key: string): boolean {
    if (!/^[A-Za-z_][\w.-]*$/.test(key)) return false;
    // A miss already checked against these deferred imports finds nothing new (dict look-ups miss often).
    const generation = this.lazyScopes.reduce((n, names) => n + names.generation, this.lazyScopes.length);
    if (this.registryMisses.get(key) === generation) return false;
    // Until nothing more loads: a deferred subpackage (torchvision.models' `from . import video`) loaded here has
    // deferred star imports of its own (video's `from .resnet import *`), where the key is registered.
    let loaded = 0;
    for (let round = 1; round > 0; loaded += round) {
      round = 0;
      for (const names of [...this.lazyScopes]) round += names.loadMatching((file) => this.registers(file, key));
    }
    if (loaded === 0) this.registryMisses.set(key, generation);
    return loaded > 0;
  }

  /**
   * True when a file defines `key` (a decorated top-level function or class) or passes it to a decorator, itself or through the modules it
   * star-imports relatively (torchvision's mobilenet.py re-exports mobilenetv3's builders): what registries key on.
   */
  private registers(file: string, key: string): boolean {
    return this.registryKeysOf(file).has(key);
  }

  private registryKeysOf(file: string): Set<string> {
    const known = this.registryKeys.get(file);
    if (known) return known;
    const keys = new Set<string>();
    // Set before recursing: import cycles end here.
    this.registryKeys.set(file, keys);
    const text = this.resolver.read(file) ?? "";
    const scanned = this.cache.facts.get(file, text, "registry keys", scanRegistryKeys);
    for (const k of scanned.keys) keys.add(k);
    for (const star of scanned.stars) {
      let base = dirname(file);
      for (let i = 1; i < star.dots; i++) base = dirname(base);
      const parts = star.module ? star.module.split(".") : [];
      let found = parts.length ? this.resolver.findInFolder(base, parts[0], parts[0]) : undefined;
      for (const part of parts.slice(1)) found = found && this.resolver.findSubmodule(found, part, part);
      if (found?.file) for (const k of this.registryKeysOf(found.file)) keys.add(k);
    }
    return keys;
  }

  sourceText(file: string): string | undefined {
    return this.resolver.read(file);
  }

  /** Data files (configs) the analyzed code opened, in order, each once: whether the workspace holds them. */
  private readonly opened: { path: string; found: boolean }[] = [];

  noteFileRead(path: string, found: boolean): void {
    if (!this.opened.some((r) => r.path === path)) this.opened.push({ path, found });
  }

  filesRead(): readonly { path: string; found: boolean }[] {
    return this.opened;
  }

  loadHubRepository(repo: string, local: boolean): ModuleNamespaceValue | string {
    if (!this.hub) return `torch.hub.load('${repo}'): no torch hub cache is readable here`;
    const folders = local ? [repo] : this.hub.dirs.flatMap((dir) => hubFolderNames(repo).map((name) => joinPath(dir, name)));
    const folder = folders.find((f) => this.hub!.files.exists(joinPath(f, "hubconf.py")));
    if (!folder) {
      return local
        ? `torch.hub.load: no hubconf.py in ${repo}`
        : `${repo} is not in the torch hub cache (${this.hub.dirs.join(", ") || "no folder"}): run torch.hub.load once with network, or set TORCH_HOME`;
    }
    this.resolver.prepend({ kind: "hub", path: folder, files: this.hub.files });
    return this.loadFile(joinPath(folder, "hubconf.py"), "hubconf") ?? `torch.hub.load: cannot read ${folder}/hubconf.py`;
  }

  /** Why `import name` found nothing (the host's words: which environment, what to do); undefined when its package is there. */
  missingReason(name: string): string | undefined {
    const top = name.replace(/^\.+/, "").split(".")[0];
    if (!top || this.resolver.findTopLevel(top)) return undefined;
    return this.missingModule(top);
  }

  /**
   * `import timm.models.layers.helpers` where the installed (or the workspace's) timm has no `helpers` there: Python
   * raises ModuleNotFoundError, so say that rather than that the analyzer cannot see it. Not for packages the
   * analyzer provides itself (its own zoo may lack what the real library has).
   */
  absentSubmoduleReason(name: string): string | undefined {
    const parts = name.split(".");
    let at = parts[0] ? this.resolver.findTopLevel(parts[0]) : undefined;
    // A part of a package the analyzer models only in part (torch_geometric's datasets, not its layers): the library
    // itself is not installed, or it would have been found first, so say what installing it takes.
    if (at?.root.kind === "builtin" && parts.length > 1 && !this.resolver.findSubmodule(at, parts[1], parts.slice(0, 2).join("."))) return `${parts.slice(0, 2).join(".")} is not among the parts of ${parts[0]} the analyzer models: ${this.missingModule(parts[0])}`;
    if (!at || !["environment", "workspace", "script"].includes(at.root.kind)) return undefined;
    for (let i = 1; i < parts.length && at; i++) {
      const dotted = parts.slice(0, i + 1).join(".");
      const next: ResolvedModule | undefined = this.resolver.findSubmodule(at, parts[i], dotted);
      if (!next) return `No module named '${dotted}': the ${parts[0]} at ${at.root.path} has no such module (Python raises ModuleNotFoundError here)`;
      at = next;
    }
    return undefined;
  }

  private load(found: ResolvedModule): ModuleNamespaceValue | undefined {
    if (found.file) return this.loadFile(found.file, found.name);
    // A namespace package: no code of its own, its portions on every root.
    const key = `${found.searchPaths[0]}/`;
    const existing = this.namespaces.get(key);
    if (existing) return existing;
    const namespace: ModuleNamespaceValue = { kind: "namespace", name: found.name, scope: { names: new Map(), parent: this.interpreter.builtins } };
    this.namespaces.set(key, namespace);
    if (this.world && !this.isLibrary(found.searchPaths[0])) this.transient.push(key);
    this.searchPaths.set(namespace, found.searchPaths);
    return namespace;
  }

  /** The dotted name of the package a relative import of this level starts from ("" when the file's own name is not known). */
  private packageName(fromFile: string, level: number): string {
    const own = this.moduleNames.get(fromFile);
    if (!own) return "";
    const parts = own.split(".");
    // A package's __init__ is the package itself; a module's package is its parent.
    const drop = (basename(fromFile) === "__init__.py" ? 0 : 1) + level - 1;
    return parts.slice(0, Math.max(0, parts.length - drop)).join(".");
  }

  /** The namespace of the package in a folder (relative imports' base), loading its __init__ when it has one. */
  private packageAt(dir: string, name: string): ModuleNamespaceValue | undefined {
    const init = joinPath(dir, "__init__.py");
    const packageName = name || basename(dir);
    if (this.resolver.exists(init)) return this.loadFile(init, packageName);
    const root = this.resolver.rootOf(dir);
    return root ? this.load({ name: packageName, searchPaths: [dir], root }) : undefined;
  }

  private nativeModule(name: string): ModuleNamespaceValue | undefined {
    const exact = this.nativeModules.get(name);
    if (exact) return exact;
    // torch.nn.modules.conv and friends, and packages that say so (keras.layers.convolutional): the nearest native
    // ancestor stands in.
    const parts = name.split(".");
    for (let i = parts.length - 1; i > 0; i--) {
      const ancestor = this.nativeModules.get(parts.slice(0, i).join("."));
      if (ancestor && (parts[0] === "torch" || ancestor.coversSubmodules)) return ancestor;
    }
    return undefined;
  }
}

/**
 * A file's module name as Python gives it: its base name; a notebook's cells run in Jupyter's `__main__` module (the
 * kernel executes them there), so `if __name__ == "__main__":` blocks in a notebook run, as they do in Jupyter.
 */
function defaultModuleName(path: string): string {
  return path.endsWith(".ipynb") ? "__main__" : basename(path).replace(/\.py$/, "");
}

/**
 * The registry keys a file's text spells (top-level functions and classes under a decorator, `@register_model`, and
 * string keys passed to one, `@register("x")`) and its relative star imports, through which it re-exports more. A
 * decorator's arguments may span lines (torchvision's `@handle_legacy_interface(\n    weights=...,\n)`).
 */
function scanRegistryKeys(text: string): { keys: string[]; stars: { dots: number; module: string }[] } {
  const keys = [...text.matchAll(/^@[^\n]*\n(?:[@#)\t ][^\n]*\n)*(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)|^[ \t]*@[\w.]+\([ \t]*(?:\w+[ \t]*=[ \t]*)?["']([\w.-]+)["']/gm)].map((m) => m[1] ?? m[2]);
  const stars = [...text.matchAll(/^from[ \t]+(\.+)([\w.]*)[ \t]+import[ \t]+\*/gm)].map((m) => ({ dots: m[1].length, module: m[2] }));
  return { keys, stars };
}

