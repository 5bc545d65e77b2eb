import { dict, int, keyOf, list, NONE, str, tuple } from "./construct";
import { PythonError, type DictValue, type NativeCall, type Value } from "./values";

// A class written in analyzed code may derive from dict or OrderedDict (transformers' ModelOutput and its activation
// table). Its objects keep their items in a dict held under one attribute, and these methods of the builtin base
// work on it, so `super().__getitem__(k)`, `self.keys()`, `k in self` and iteration behave as Python's.

const STORAGE = "__dict_items__";

/** The items an object of a dict subclass holds (created empty on first use). */
export function dictItemsOf(self: Value): DictValue {
  if (self.kind === "dict") return self;
  if (self.kind !== "instance") throw new PythonError("a dict method called on a non-dict");
  let items = self.attributes.get(STORAGE);
  if (items?.kind !== "dict") {
    items = dict();
    self.attributes.set(STORAGE, items);
  }
  return items;
}

/** Methods dict and OrderedDict give their subclasses, over the object's own items. */
export function dictSubclassMethods(iterate: (v: Value) => Value[]): Record<string, (call: NativeCall) => Value> {
  const entries = (self: Value) => [...dictItemsOf(self).entries.values()];
  const lookup = (self: Value, key: Value) => dictItemsOf(self).entries.get(keyOf(key));
  const set = (self: Value, key: Value, value: Value) => dictItemsOf(self).entries.set(keyOf(key), { key, value });
  const update = (self: Value, source: Value | undefined, kwargs: Map<string, Value>) => {
    if (source?.kind === "dict") for (const e of source.entries.values()) set(self, e.key, e.value);
    else if (source) for (const pair of iterate(source)) {
      const [k, v] = iterate(pair);
      set(self, k, v);
    }
    for (const [k, v] of kwargs) set(self, str(k), v);
  };
  return {
    __init__: ({ args, kwargs }) => {
      dictItemsOf(args[0]).entries.clear();
      update(args[0], args[1], kwargs);
      return NONE;
    },
    __getitem__: ({ args }) => {
      const e = lookup(args[0], args[1]);
      if (!e) throw new PythonError(`KeyError: ${args[1].kind === "str" ? args[1].value : args[1].kind}`);
      return e.value;
    },
    __setitem__: ({ args }) => {
      set(args[0], args[1], args[2]);
      return NONE;
    },
    __delitem__: ({ args }) => {
      dictItemsOf(args[0]).entries.delete(keyOf(args[1]));
      return NONE;
    },
    __contains__: ({ args }) => ({ kind: "bool", value: lookup(args[0], args[1]) !== undefined }),
    __iter__: ({ args }) => ({ kind: "iterator", items: entries(args[0]).map((e) => e.key), index: 0 }),
    __len__: ({ args }) => int(dictItemsOf(args[0]).entries.size),
    keys: ({ args }) => list(entries(args[0]).map((e) => e.key)),
    values: ({ args }) => list(entries(args[0]).map((e) => e.value)),
    items: ({ args }) => list(entries(args[0]).map((e) => tuple([e.key, e.value]))),
    get: ({ args }) => lookup(args[0], args[1])?.value ?? args[2] ?? NONE,
    update: ({ args, kwargs }) => {
      update(args[0], args[1], kwargs);
      return NONE;
    },
    setdefault: ({ args }) => {
      if (!lookup(args[0], args[1])) set(args[0], args[1], args[2] ?? NONE);
      return lookup(args[0], args[1])!.value;
    },
    pop: ({ args }) => {
      const e = lookup(args[0], args[1]);
      if (!e && args.length < 3) throw new PythonError("KeyError");
      dictItemsOf(args[0]).entries.delete(keyOf(args[1]));
      return e?.value ?? args[2];
    },
  };
}

/** The items of a dict or of an object of a dict subclass that has them; undefined for anything else. */
export function dictStorage(v: Value): DictValue | undefined {
  if (v.kind === "dict") return v;
  const items = v.kind === "instance" ? v.attributes.get(STORAGE) : undefined;
  return items?.kind === "dict" ? items : undefined;
}

/**
 * An object's attributes after `obj.__dict__ = d`: d's string keys are its attributes, both ways. `self.__dict__ =
 * self` in a dict subclass (the AttrDict of hifi-gan and BigVGAN configs) makes `h.num_mels` read `h["num_mels"]`;
 * the object's own item storage stays where dict's methods look for it.
 */
export function attributesOverDict(items: DictValue): Map<string, Value> {
  const key = (name: string) => keyOf(str(name));
  class DictAttributes extends Map<string, Value> {
    override get(name: string) {
      return name === STORAGE ? items : items.entries.get(key(name))?.value;
    }
    override has(name: string) {
      return name === STORAGE || items.entries.has(key(name));
    }
    override set(name: string, value: Value) {
      if (name !== STORAGE) items.entries.set(key(name), { key: str(name), value });
      return this;
    }
    override delete(name: string) {
      return name !== STORAGE && items.entries.delete(key(name));
    }
    override clear() {
      items.entries.clear();
    }
    override get size() {
      return this.names().length;
    }
    private names(): string[] {
      return [...items.entries.values()].flatMap((e) => (e.key.kind === "str" ? [e.key.value] : []));
    }
    override *entries(): MapIterator<[string, Value]> {
      for (const name of this.names()) yield [name, this.get(name)!];
    }
    override *keys(): MapIterator<string> {
      yield* this.names();
    }
    override *values(): MapIterator<Value> {
      for (const name of this.names()) yield this.get(name)!;
    }
    override [Symbol.iterator]() {
      return this.entries();
    }
    override forEach(fn: (value: Value, key: string, map: Map<string, Value>) => void) {
      for (const [k, v] of this.entries()) fn(v, k, this);
    }
  }
  return new DictAttributes();
}
