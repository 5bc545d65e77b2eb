import type { ModuleNamespaceValue, Value } from "./values";

/** A deferred `from M import *`: the module, loaded on demand, and whether that happened yet. */
interface StarSource {
  load: () => ModuleNamespaceValue | undefined;
  /** The file the import names, when known without loading (for the registry look-up in `mentioning`). */
  file?: string;
  loaded: boolean;
  namespace?: ModuleNamespaceValue;
}

/**
 * The names of a library module whose imports are bound on first use. Packages import far more than one model
 * needs (timm's `__init__` pulls in every model file); here `from M import a` binds `a` to a thunk that loads M when
 * `a` is first read, and `from M import *` is consulted only when a name is otherwise missing. Reading all names
 * (iteration, `import *` of this module) resolves everything first, so what Python would bind is still bound.
 */
export class LazyNames extends Map<string, Value> {
  private readonly pending = new Map<string, { load: () => Value | undefined; file?: string }>();
  private readonly stars: StarSource[] = [];
  /** Grows with every deferred import added: a registry miss checked at one generation need not be checked again. */
  generation = 0;
  /** Called before the names change (a binding, a deferred import resolved or dropped). */
  beforeChange: (() => void) | undefined;

  /** Puts the names, deferred imports and star imports back as they are now when the returned function is called. */
  snapshot(): () => void {
    const own = [...super.entries()];
    const pending = [...this.pending];
    const stars = this.stars.map((star) => ({ star, loaded: star.loaded, namespace: star.namespace }));
    const generation = this.generation;
    return () => {
      super.clear();
      for (const [k, v] of own) super.set(k, v);
      this.pending.clear();
      for (const [k, v] of pending) this.pending.set(k, v);
      this.stars.length = 0;
      for (const { star, loaded, namespace } of stars) this.stars.push(Object.assign(star, { loaded, namespace }));
      this.generation = generation;
    };
  }

  /** Binds `name` to what `load` returns, when first read. */
  defer(name: string, load: () => Value | undefined, file?: string): void {
    super.delete(name);
    this.pending.set(name, { load, file });
    this.generation++;
  }

  /** Adds a `from M import *` whose names are looked up in M only when missing here. */
  deferStar(load: () => ModuleNamespaceValue | undefined, file?: string): void {
    this.stars.push({ load, file, loaded: false });
    this.generation++;
  }

  override get(name: string): Value | undefined {
    const own = super.get(name);
    if (own !== undefined) return own;
    const deferred = this.pending.get(name);
    if (deferred) {
      this.beforeChange?.();
      // Removed first: a cycle that reads the name again meanwhile sees it missing, as Python's partial module would.
      this.pending.delete(name);
      const value = deferred.load();
      // The import's binding comes last, as in Python (loading `.x` binds the submodule x here first).
      if (value !== undefined) super.set(name, value);
      return super.get(name);
    }
    for (const star of this.stars) {
      const value = this.fromStar(star, name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  override has(name: string): boolean {
    return super.has(name) || this.pending.has(name);
  }

  override set(name: string, value: Value): this {
    this.beforeChange?.();
    this.pending.delete(name);
    return super.set(name, value);
  }

  override delete(name: string): boolean {
    this.beforeChange?.();
    const had = this.pending.delete(name);
    return super.delete(name) || had;
  }

  override get size(): number {
    this.resolveAll();
    return super.size;
  }

  override entries(): MapIterator<[string, Value]> {
    this.resolveAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.resolveAll();
    return super.keys();
  }

  override values(): MapIterator<Value> {
    this.resolveAll();
    return super.values();
  }

  override forEach(callback: (value: Value, key: string, map: Map<string, Value>) => void, thisArg?: unknown): void {
    this.resolveAll();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }

  /**
   * Loads the deferred imports whose module file passes the test (its text names a registry key): what a missed
   * registry look-up needs, since the decorators that fill it run only when their module is loaded. Returns how many it loaded.
   */
  loadMatching(test: (file: string) => boolean): number {
    let loaded = 0;
    for (const [name, deferred] of [...this.pending]) {
      if (deferred.file && test(deferred.file)) {
        this.get(name);
        loaded++;
      }
    }
    for (const star of this.stars) {
      if (!star.loaded && star.file && test(star.file)) {
        this.loadStar(star);
        loaded++;
      }
    }
    return loaded;
  }

  /** Files of the deferred imports not loaded yet. */
  pendingFiles(): string[] {
    const files = [...this.pending.values()].map((d) => d.file);
    for (const star of this.stars) if (!star.loaded) files.push(star.file);
    return files.filter((f): f is string => f !== undefined);
  }

  private resolveAll(): void {
    for (const name of [...this.pending.keys()]) this.get(name);
    for (const star of this.stars) this.loadStar(star);
  }

  private fromStar(star: StarSource, name: string): Value | undefined {
    if (name.startsWith("_")) return undefined;
    const namespace = this.loadStar(star);
    if (!namespace || !exportsName(namespace, name)) return undefined;
    const value = namespace.scope.names.get(name);
    if (value !== undefined) {
      this.beforeChange?.();
      super.set(name, value);
    }
    return value;
  }

  private loadStar(star: StarSource): ModuleNamespaceValue | undefined {
    if (star.loaded) return star.namespace;
    this.beforeChange?.();
    star.loaded = true;
    star.namespace = star.load();
    return star.namespace;
  }
}

/** The names `from M import *` binds: `__all__` when M defines it, else every name without a leading underscore. */
export function starExports(namespace: ModuleNamespaceValue): [string, Value][] {
  const all = namespace.scope.names.get("__all__");
  if (all && (all.kind === "list" || all.kind === "tuple")) {
    const out: [string, Value][] = [];
    for (const item of all.items) {
      if (item.kind !== "str") continue;
      const value = namespace.scope.names.get(item.value);
      if (value !== undefined) out.push([item.value, value]);
    }
    return out;
  }
  return [...namespace.scope.names].filter(([k]) => !k.startsWith("_"));
}

function exportsName(namespace: ModuleNamespaceValue, name: string): boolean {
  const all = namespace.scope.names.get("__all__");
  if (all && (all.kind === "list" || all.kind === "tuple")) return all.items.some((i) => i.kind === "str" && i.value === name);
  return !name.startsWith("_");
}
