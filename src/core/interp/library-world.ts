// The library modules one analysis ran, kept for the next analyses of the same environment: re-running transformers'
// modules on every keystroke costs more than half of a warm analysis, and a library module's top level does not
// depend on the user's file. What is kept is what the modules' top levels built, as Python's sys.modules keeps it.
// Other code (the user's file, a library function it calls: a registry entry, a cache, monkeypatching) may change
// those objects during an analysis: each is saved before its first such change and put back when the analysis ends,
// so every analysis starts from what the modules built and nothing else.
import { LazyNames } from "./lazy-names";
import type { ModuleResolver, ResolvedModule } from "./module-resolver";
import type { ReExportTarget } from "./re-exports";
import type { ModuleNamespaceValue, Scope, SourceLocation, Value } from "./values";

/** The modules a program has loaded and what it found out about them, by file. */
export interface LoadedModules {
  namespaces: Map<string, ModuleNamespaceValue>;
  /** Packages' __path__ (folders their submodules are searched in), by namespace. */
  searchPaths: Map<ModuleNamespaceValue, string[]>;
  /** Dotted module name of each file run, for relative imports. */
  moduleNames: Map<string, string>;
  /** Module scopes whose imports are deferred (library packages), for registry look-ups. */
  lazyScopes: LazyNames[];
  /** Registry keys whose look-up found no deferred module to load, with the deferred imports' generation then. */
  registryMisses: Map<string, number>;
  /** Per file, the names it defines or registers. */
  registryKeys: Map<string, Set<string>>;
  syntaxErrors: Map<string, { line: number; column: number; message: string }[]>;
  comments: Map<string, Map<number, string>>;
}

/** No modules loaded yet. */
export function emptyModules(): LoadedModules {
  return { namespaces: new Map(), searchPaths: new Map(), moduleNames: new Map(), lazyScopes: [], registryMisses: new Map(), registryKeys: new Map(), syntaxErrors: new Map(), comments: new Map() };
}

/**
 * Library modules kept across analyses, valid while the analyses share their setting (`key`: the runtime, the import
 * roots) and every file they ran and every top-level import they resolved are as they were.
 */
export class LibraryWorld {
  readonly modules = emptyModules();
  /** The text each kept module ran from, and of each file a kept search read. */
  readonly texts = new Map<string, string>();
  /**
   * What each kept module's top level did that an analysis sees besides its values, in order: the notes it made and
   * the modules it loaded (paths). An analysis that meets a kept module for the first time repeats them.
   */
  readonly loadEvents = new Map<string, (string | { reason: string; location: SourceLocation | undefined; importing: boolean })[]>();
  /** Whether files the world's searches looked for exist (re-export searches), by path. */
  readonly existence = new Map<string, boolean>();
  /** Where library packages re-export names from (findReExport), by package file and name; null for nowhere. */
  readonly reExports = new Map<string, ReExportTarget | null>();
  /** Top-level imports the kept modules resolved, and where each led ("" for nowhere). */
  readonly topLevel = new Map<string, string>();
  /** Objects the kept modules built: code other than a library module's own top level must not change them. */
  private readonly frozen = new WeakSet<object>();
  /** The objects changed during this analysis outside library top levels, and how to put each back. */
  private readonly saved = new Map<object, () => void>();
  /** Why the world cannot be kept past the current analysis, once something made it so. */
  spoiled: string | undefined;
  /** The program of the analysis under way: deferred imports of kept modules load through it. */
  current: unknown;

  constructor(
    readonly key: string,
    /** The runtime (interpreter, native modules) the kept values belong to. */
    readonly runtime: object,
  ) {}

  /** Marks the world as not to be kept (the first reason is the one kept). */
  spoil(reason: string): void {
    this.spoiled ??= reason;
  }

  /** Whether code changing this object changes what the kept modules built. */
  isFrozen(target: object): boolean {
    return this.frozen.has(target);
  }

  /**
   * Code other than a library's top level is about to change a frozen object: saves it first (once per analysis).
   * An object that cannot be put back spoils the world instead.
   */
  save(target: object): void {
    if (this.saved.has(target)) return;
    const restore = restorer(target);
    if (restore) this.saved.set(target, restore);
    else this.spoil("analyzed code changed an object that cannot be put back");
  }

  /** Whether the object was changed (and saved) during this analysis. */
  isSaved(target: object): boolean {
    return this.saved.has(target);
  }

  /** Puts back every object saved during the analysis: the next one starts from what the modules built. */
  restore(): void {
    for (const restore of this.saved.values()) restore();
    this.saved.clear();
  }

  /**
   * Freezes everything reachable from a module a library load built (its functions, classes, instances, containers),
   * stopping at what is frozen already and at the builtins scope. Names still deferred are not read (reading them
   * would load their modules).
   */
  freeze(namespace: ModuleNamespaceValue, builtins: Scope): void {
    const stack: Value[] = [namespace];
    const scopes: Scope[] = [];
    const push = (v: Value | undefined) => {
      if (v !== undefined && typeof v === "object" && !this.frozen.has(v)) stack.push(v);
    };
    const pushScope = (s: Scope | undefined) => {
      for (let scope = s; scope && scope !== builtins && !this.frozen.has(scope.names); scope = scope.parent) scopes.push(scope);
    };
    while (stack.length > 0 || scopes.length > 0) {
      const scope = scopes.pop();
      if (scope) {
        this.frozen.add(scope.names);
        // Map's own iterator: a LazyNames' would resolve (load) every deferred name.
        for (const v of Map.prototype.values.call(scope.names) as IterableIterator<Value>) push(v);
        continue;
      }
      const v = stack.pop()!;
      if (this.frozen.has(v)) continue;
      switch (v.kind) {
        case "namespace":
          this.frozen.add(v);
          pushScope(v.scope);
          break;
        case "class":
          this.frozen.add(v);
          for (const a of v.attributes.values()) push(a);
          for (const b of v.bases) push(b);
          if (v.module) push(v.module);
          break;
        case "function":
          this.frozen.add(v);
          for (const d of v.defaults.values()) push(d);
          for (const a of v.attributes?.values() ?? []) push(a);
          pushScope(v.closure);
          break;
        case "instance":
          this.frozen.add(v);
          push(v.cls);
          for (const a of v.attributes.values()) push(a);
          for (const c of v.module?.children.values() ?? []) push(c);
          break;
        case "dict":
          this.frozen.add(v);
          for (const e of v.entries.values()) {
            push(e.key);
            push(e.value);
          }
          break;
        case "list":
        case "tuple":
          this.frozen.add(v);
          for (const item of v.items) push(item);
          break;
        case "set":
          this.frozen.add(v);
          for (const item of v.entries.values()) push(item);
          break;
        case "bound":
          this.frozen.add(v);
          push(v.self);
          push(v.fn);
          break;
        case "partial":
          this.frozen.add(v);
          push(v.fn);
          for (const a of v.args) push(a);
          for (const a of v.kwargs.values()) push(a);
          break;
        case "property":
          this.frozen.add(v);
          push(v.getter);
          push(v.setter);
          break;
        default:
          // numbers, strings, tensors, natives, unknowns: nothing analyzed code changes in place
          break;
      }
    }
  }
}

/** How to put an object's contents back as they are now; undefined for what cannot be. */
function restorer(target: object): (() => void) | undefined {
  const refill = <K, V>(map: Map<K, V>) => {
    const copy = [...map];
    return () => {
      map.clear();
      for (const [k, v] of copy) map.set(k, v);
    };
  };
  if (target instanceof LazyNames) return target.snapshot();
  if (target instanceof Map) return refill(target as Map<unknown, unknown>);
  const v = target as Value;
  switch (v.kind) {
    case "dict":
    case "set":
      return refill(v.entries as Map<string, unknown>);
    case "list":
    case "tuple": {
      const items = v.items;
      const copy = [...items];
      return () => {
        v.items = items;
        items.splice(0, items.length, ...copy);
      };
    }
    case "class":
      return refill(v.attributes);
    case "function": {
      const attributes = v.attributes;
      const back = attributes && refill(attributes);
      return () => {
        v.attributes = attributes;
        back?.();
      };
    }
    case "instance": {
      const attributes = refill(v.attributes);
      const state = v.module;
      if (!state) return attributes;
      const fields = { ...state };
      const maps = [refill(state.children), refill(state.parameters), refill(state.buffers)];
      return () => {
        attributes();
        for (const key of Object.keys(state)) if (!(key in fields)) delete (state as unknown as Record<string, unknown>)[key];
        Object.assign(state, fields);
        for (const m of maps) m();
      };
    }
    default:
      return undefined;
  }
}

/** Where a top-level import led, as the world records it: the file, the folders of a namespace package, or "". */
export function resolvedPlace(found: ResolvedModule | undefined): string {
  return found ? (found.file ?? found.searchPaths.join("|")) : "";
}

/** Worlds kept past this many settings are dropped, oldest first (each holds a library's modules). */
const MAX_WORLDS = 4;

/** The library worlds of a cache, one per setting, reused while they are valid. */
export class LibraryWorlds {
  private readonly byKey = new Map<string, LibraryWorld>();
  /** How many analyses started from a kept world (for tests and the benchmark). */
  reused = 0;

  /**
   * The world an analysis of `file` runs with: the kept one for this setting when nothing it depends on changed
   * (its files' texts, where its top-level imports lead, the runtime), else a new, empty one.
   */
  acquire(key: string, runtime: object, resolver: ModuleResolver, file: string): LibraryWorld {
    const kept = this.byKey.get(key);
    this.byKey.delete(key);
    const valid = kept !== undefined && isValid(kept, runtime, resolver, file);
    if (valid) this.reused++;
    const world = valid ? kept : new LibraryWorld(key, runtime);
    this.byKey.set(key, world);
    if (this.byKey.size > MAX_WORLDS) this.byKey.delete(this.byKey.keys().next().value!);
    return world;
  }

  /** Drops a world that must not be reused. */
  drop(world: LibraryWorld): void {
    if (this.byKey.get(world.key) === world) this.byKey.delete(world.key);
  }

  clear(): void {
    this.byKey.clear();
  }
}

function isValid(world: LibraryWorld, runtime: object, resolver: ModuleResolver, file: string): boolean {
  if (world.spoiled !== undefined || world.runtime !== runtime || world.modules.namespaces.has(file)) return false;
  for (const [path, text] of world.texts) if (resolver.read(path) !== text) return false;
  for (const [path, found] of world.existence) if (resolver.exists(path) !== found) return false;
  for (const [name, place] of world.topLevel) if (resolvedPlace(resolver.findTopLevel(name)) !== place) return false;
  return true;
}
