// A method that nothing in its file names never runs: Python calls a method only through an attribute of its name
// (`runner.more()`, `self.more()`), a string handed to getattr, or, for the dunder methods, the protocols behind the
// syntax. So where the method's class is plain (no bases but `object` or the file's own plain classes, no class
// decorator), no library base class calls it as a hook (Lightning's `train_dataloader`, a Dataset's `__getitem__`),
// and a method whose name appears in no code of the file outside its own body is one the plain run never calls
// (`def added_train(self): ... DataLoader(...)` with its only caller commented out). Comments do not count as code;
// strings do (getattr(self, "more")), and so does the text of any syntax the reader leaves unparsed.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { childBodies, forEachExpression, ownExpressions } from "../python/syntax-walk";
import { perModuleText } from "../python/module-memo";

type ClassDefinition = Extract<Statement, { type: "class" }>;

/** Decorators that leave a method called only through its name. */
const NAME_ONLY_DECORATORS = new Set(["staticmethod", "classmethod", "property"]);

/** The method holding a site (its outermost enclosing function) when that method belongs to a plain class of the file
 *  and no code of the file outside it names it; undefined otherwise. */
export function unnamedMethod(fn: FunctionDefinition | undefined, enclosing: FunctionDefinition[] | undefined, body: Statement[], text: string): FunctionDefinition | undefined {
  const holder = enclosing?.[0] ?? fn;
  if (!holder || /^__\w+__$/.test(holder.name)) return undefined;
  if (!holder.decorators.every((d) => d.type === "name" && NAME_ONLY_DECORATORS.has(d.id))) return undefined;
  const owner = body.find((s): s is ClassDefinition => s.type === "class" && s.body.includes(holder));
  if (!owner || !plainClass(owner, body, new Set())) return undefined;
  return namedOutside(body, text, holder).has(holder.name) ? undefined : holder;
}

/** A class no library code calls methods of by itself: no decorator, and bases only `object` or plain classes of the file. */
function plainClass(c: ClassDefinition, body: Statement[], seen: Set<ClassDefinition>): boolean {
  if (seen.has(c) || c.decorators.length > 0) return false;
  seen.add(c);
  return c.bases.every((b) => {
    if (b.kind !== "positional" || b.value.type !== "name") return false;
    const id = b.value.id;
    if (id === "object") return true;
    const base = body.find((s): s is ClassDefinition => s.type === "class" && s.name === id);
    return base !== undefined && plainClass(base, body, seen);
  });
}

/** The words the module's code holds outside one function: names, attribute names, words of strings, and the words of
 *  any expression or statement the reader did not parse. */
const namedOutside = (body: Statement[], text: string, skip: FunctionDefinition): Set<string> => wordsByFunction(body, text).outside(skip);

const wordsByFunction = perModuleText((body: Statement[], text: string) => {
  const cache = new Map<FunctionDefinition, Set<string>>();
  return {
    outside(skip: FunctionDefinition): Set<string> {
      let words = cache.get(skip);
      if (!words) {
        words = collectWords(body, text, skip);
        cache.set(skip, words);
      }
      return words;
    },
  };
});

function collectWords(body: Statement[], text: string, skip: FunctionDefinition): Set<string> {
  const words = new Set<string>();
  const addText = (from: number, to: number) => {
    for (const w of text.slice(from, to).match(/\w+/g) ?? []) words.add(w);
  };
  const visitExpression = (root: Expression) => forEachExpression(root, (e) => {
    if (e.type === "name") words.add(e.id);
    else if (e.type === "attribute") words.add(e.name);
    else if (e.type === "str") {
      if (e.value === null) addText(e.pos.startIndex, e.pos.endIndex);
      else for (const w of e.value.match(/\w+/g) ?? []) words.add(w);
    } else if (e.type === "unsupported") addText(e.pos.startIndex, e.pos.endIndex);
  });
  const visit = (statements: Statement[]) => {
    for (const s of statements) {
      if (s === skip) continue;
      if (s.type === "unsupported") {
        addText(s.pos.startIndex, s.pos.endIndex);
        continue;
      }
      ownExpressions(s).forEach(visitExpression);
      for (const child of childBodies(s)) visit(child);
    }
  };
  visit(body);
  return words;
}
