// Model classes that cannot be built without constructor arguments: what they need, an entry expression to try
// (prefilled from the file itself), and an input hint from the first layer the constructor builds. Read from the
// syntax and the namespace's static bindings only: nothing is run on guessed values.
import type { ClassDefinition, Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsAnywhere, calleeName, dottedName, forEachStatement, mentions, type CallExpression } from "../python/syntax-walk";
import type { ConstructorNeed } from "../report/model-report";
import type { ModuleNamespaceValue, Value } from "./values";
import { argumentConsumers, requiredArguments } from "./argument-consumers";

/** The classes of `users` that another class of `users` builds in its body: components, not models of their own. */
export function componentClassNames(body: readonly Statement[], users: ReadonlySet<string>, text: string): Set<string> {
  const out = new Set<string>();
  // Only methods that name one of them can call one: the others' bodies are neither walked nor lowered.
  const count = mentions(text, users);
  const enter = (def: FunctionDefinition) => count(def.pos.startIndex, def.pos.endIndex) > 0;
  for (const s of body) {
    if (s.type !== "class" || !users.has(s.name)) continue;
    for (const call of callsAnywhere(s.body, enter)) {
      const name = calleeName(call);
      if (name && name !== s.name && users.has(name)) out.add(name);
    }
  }
  return out;
}

/** What a class whose construction failed for missing arguments needs; undefined when its `__init__` is not found. */
export function constructorNeed(def: ClassDefinition, body: readonly Statement[], namespace: ModuleNamespaceValue, text: string, config?: { name: string; fields: string[] }): ConstructorNeed | undefined {
  const init = initOf(def.name, body, namespace);
  if (!init) return undefined;
  const params = init.params.slice(init.params[0]?.name === "self" ? 1 : 0);
  const required = params.filter((p) => !p.default && (p.kind === "normal" || p.kind === "keywordOnly")).map((p) => p.name);
  const prefilledFrom: string[] = [];
  let entry: string;
  const call = literalCallOf(def.name, body, text);
  if (call) {
    entry = call.text;
    prefilledFrom.push(`the file's own call, line ${call.line}`);
  } else {
    const defaults = literalDefaults(body, text, def.name);
    const valueOf = (name: string) => {
      const found = defaults.get(name) ?? defaults.get(name.toUpperCase());
      if (found) prefilledFrom.push(`${name}=${found.text}: ${found.where}`);
      return `${name}=${found?.text ?? "..."}`;
    };
    // A model built from one config dataclass whose fields lack defaults: the config, its fields to fill in.
    entry = config && required.length === 1 ? `${def.name}(${config.name}(${config.fields.map(valueOf).join(", ")}))` : `${def.name}(${required.map(valueOf).join(", ")})`;
  }
  const need: ConstructorNeed = { required, entry, prefilledFrom };
  const hint = inputHint(def.name, body, namespace, text);
  if (hint) {
    need.input = hint.input;
    need.inputWhy = hint.why;
  }
  return need;
}

/** The `__init__` of a class of the file: its own, else the nearest base class of the file that has one. */
function initOf(name: string, body: readonly Statement[], namespace: ModuleNamespaceValue): FunctionDefinition | undefined {
  return methodOf(name, "__init__", body, namespace);
}

/** A method of a class of the file: its own, else from the nearest base class of the file that has one. */
function methodOf(name: string, method: string, body: readonly Statement[], namespace: ModuleNamespaceValue, depth = 0): FunctionDefinition | undefined {
  const def = body.find((s): s is ClassDefinition => s.type === "class" && s.name === name);
  if (!def || depth > 8) return undefined;
  const own = def.body.find((s): s is FunctionDefinition => s.type === "function" && s.name === method);
  if (own) return own;
  for (const base of def.bases) {
    if (base.kind !== "positional") continue;
    const baseName = dottedName(base.value);
    const found = baseName ? methodOf(baseName, method, body, namespace, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

const LITERAL_TYPES = new Set(["int", "float", "str", "constant"]);

/** A literal's source text (numbers, strings, True/False/None, negative numbers); undefined for anything else. */
function literalText(e: Expression, text: string): string | undefined {
  const literal = LITERAL_TYPES.has(e.type) || (e.type === "unary" && e.op === "-" && (e.operand.type === "int" || e.operand.type === "float"));
  if (!literal || (e.type === "constant" && e.value === "...")) return undefined;
  return text.slice(e.pos.startIndex, e.pos.endIndex);
}

// A file's calls and literal defaults, gathered once per module body: a file with many classes that need arguments
// asks for them once per class (a walk of the whole file each time doubled the analysis of a 60-model file).
const callsOfBody = new WeakMap<readonly Statement[], Map<string, CallExpression[]>>();
const defaultsOfBody = new WeakMap<readonly Statement[], LiteralDefault[]>();

interface LiteralDefault {
  name: string;
  value: Expression;
  where: string;
  /** The class whose method's signature gives it, if any (a class's own defaults do not prefill its entry). */
  ofClass?: string;
}

/** The file's calls of a name (`Net(...)`, `models.Net(...)`), in source order. */
function callsOf(body: readonly Statement[], text: string, name: string): CallExpression[] {
  let byName = callsOfBody.get(body);
  if (!byName) {
    // The names asked for are the file's classes: one walk finds all their calls.
    byName = callsNamed(body, text, body.flatMap((s) => (s.type === "class" ? [s.name] : [])));
    callsOfBody.set(body, byName);
  }
  let calls = byName.get(name);
  if (!calls) byName.set(name, (calls = callsNamed(body, text, [name]).get(name) ?? []));
  return calls;
}

/** The calls of each of `names` anywhere in the body (every name gets a list, maybe empty). */
function callsNamed(body: readonly Statement[], text: string, names: string[]): Map<string, CallExpression[]> {
  const out = new Map(names.map((n) => [n, [] as CallExpression[]]));
  // Functions that name none of them cannot call one: their bodies are neither walked nor lowered.
  const count = mentions(text, names);
  for (const call of callsAnywhere([...body], (def) => count(def.pos.startIndex, def.pos.endIndex) > 0)) {
    const callee = calleeName(call);
    if (callee !== undefined) out.get(callee)?.push(call);
  }
  return out;
}

/** The first call of the class in the file whose arguments are all literals (`TextEncoder(49408, 512, 12)`). */
function literalCallOf(name: string, body: readonly Statement[], text: string): { text: string; line: number } | undefined {
  for (const call of callsOf(body, text, name)) {
    if (call.args.length === 0) continue;
    if (call.args.every((a) => (a.kind === "positional" || a.kind === "keyword") && literalText(a.value, text) !== undefined)) {
      return { text: text.slice(call.pos.startIndex, call.pos.endIndex).replace(/\s+/g, " "), line: call.pos.line };
    }
  }
  return undefined;
}

/**
 * Literal values the file gives a name elsewhere: a parameter default of another signature (`width=512`), a class
 * body field (`width: int = 512`, a dataclass or config), a module-level constant (`WIDTH = 512`).
 */
function literalDefaults(body: readonly Statement[], text: string, skipClass: string): Map<string, { text: string; where: string }> {
  const out = new Map<string, { text: string; where: string }>();
  for (const d of defaultsOf(body, text)) {
    if (d.ofClass !== undefined && d.ofClass === skipClass) continue;
    const literal = literalText(d.value, text);
    if (literal !== undefined && !out.has(d.name)) out.set(d.name, { text: literal, where: d.where });
  }
  return out;
}

/** Every name-to-value default of the file, in the order literalDefaults prefers them. */
function defaultsOf(body: readonly Statement[], text: string): LiteralDefault[] {
  const cached = defaultsOfBody.get(body);
  if (cached) return cached;
  const out: LiteralDefault[] = [];
  for (const s of body) {
    if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name") out.push({ name: s.targets[0].id, value: s.value, where: `module constant, line ${s.pos.line}` });
  }
  // Signatures and fields are only found in definitions: a function whose text has no `def` or `class` but its
  // own holds none, and its body is neither walked nor lowered.
  const definitions = mentions(text, ["def", "class"]);
  const nestsDefinitions = (def: FunctionDefinition) => definitions(def.pos.startIndex, def.pos.endIndex) > 1;
  forEachStatement([...body], ({ statement, ancestors }) => {
    const inClass = ancestors.find((a): a is ClassDefinition => a.type === "class");
    if (statement.type === "function") {
      for (const p of statement.params) if (p.default) out.push({ name: p.name, value: p.default, where: `default of ${inClass ? `${inClass.name}.` : ""}${statement.name}, line ${statement.defLine}`, ofClass: inClass?.name ?? "" });
    }
    if (statement.type === "annotated" && statement.target.type === "name" && statement.value && inClass && ancestors[ancestors.length - 1] === inClass) {
      out.push({ name: statement.target.id, value: statement.value, where: `field of ${inClass.name}, line ${statement.pos.line}` });
    }
  }, [], nestsDefinitions);
  defaultsOfBody.set(body, out);
  return out;
}

/** Layer kinds that say what the model reads; parameterless and normalisation layers say nothing and are skipped. */
const INPUT_OF_LAYER: Record<string, (channels: string | undefined) => { input: string; why: string }> = {
  Embedding: () => ({ input: "1x128:int64", why: "token ids: the first layer is an Embedding" }),
  EmbeddingBag: () => ({ input: "1x128:int64", why: "token ids: the first layer is an EmbeddingBag" }),
  Conv1d: (c) => ({ input: `1x${c ?? "C"}x3000`, why: `audio frames or a signal (channels x frames): the first layer is a Conv1d${c ? "" : "; C is its in_channels"}` }),
  Conv2d: (c) => ({ input: `1x${c ?? "3"}x224x224`, why: "images: the first layer is a Conv2d" }),
  Conv3d: (c) => ({ input: `1x${c ?? "3"}x16x112x112`, why: "video clips: the first layer is a Conv3d" }),
  Linear: (c) => ({ input: `1x${c ?? "N"}`, why: `feature vectors: the first layer is a Linear${c ? "" : "; N is its in_features"}` }),
  LSTM: (c) => ({ input: `1x128x${c ?? "N"}`, why: "sequences (batch x steps x features): the first layer is an LSTM" }),
  GRU: (c) => ({ input: `1x128x${c ?? "N"}`, why: "sequences (batch x steps x features): the first layer is a GRU" }),
  RNN: (c) => ({ input: `1x128x${c ?? "N"}`, why: "sequences (batch x steps x features): the first layer is an RNN" }),
};

interface InputHint {
  input: string;
  why: string;
}

/**
 * The input hint of a class: from the first layer its constructor builds, or, for a forward of several tensor
 * arguments, one input per argument from the module that first reads it (`1x16;1x32`, as a pragma writes them);
 * an argument no module reads directly (a mask) gets the first argument's shape.
 */
function inputHint(name: string, body: readonly Statement[], namespace: ModuleNamespaceValue, text: string): InputHint | undefined {
  const whole = firstLayerHint(name, body, namespace, text, new Set());
  const forward = methodOf(name, "forward", body, namespace);
  // One argument takes the whole hint: the forward's body (lowered on first read) is walked only for two or more.
  if (!forward || requiredArguments(forward).length < 2) return whole;
  const consumers = argumentConsumers(forward);
  const init = initOf(name, body, namespace);
  const own = consumers.map((c) => (c.attribute && init ? attributeHint(c.attribute, init, body, namespace, text) : undefined));
  const first = own[0] ?? whole;
  if (!first) return undefined;
  return {
    input: consumers.map((_, i) => (own[i] ?? first).input).join(";"),
    why: consumers.map((c, i) => `${c.name}${own[i] ? ` (read by self.${c.attribute})` : ""}: ${own[i]?.why ?? (i === 0 ? first.why : `no layer reads it directly, so shaped as ${consumers[0].name}`)}`).join("; "),
  };
}

/** The input hint of the module the constructor assigns to `self.<attribute>`. */
function attributeHint(attribute: string, init: FunctionDefinition, body: readonly Statement[], namespace: ModuleNamespaceValue, text: string): InputHint | undefined {
  let hint: InputHint | undefined;
  forEachStatement(init.body, ({ statement }) => {
    if (hint || statement.type !== "assign") return;
    const assigned = statement.targets.some((t) => t.type === "attribute" && t.name === attribute && t.object.type === "name" && t.object.id === "self");
    if (assigned) hint = hintOfCalls(callsAnywhere([statement]), body, namespace, text, new Set());
  });
  return hint;
}

/** The input hint of the first layer the constructor builds, following the file's own component classes. */
function firstLayerHint(name: string, body: readonly Statement[], namespace: ModuleNamespaceValue, text: string, seen: Set<string>): InputHint | undefined {
  if (seen.has(name) || seen.size > 8) return undefined;
  seen.add(name);
  const init = initOf(name, body, namespace);
  return init ? hintOfCalls(callsAnywhere(init.body), body, namespace, text, seen) : undefined;
}

/** The hint of the first of these calls that builds a layer saying what it reads (a file class: its first layer). */
function hintOfCalls(calls: readonly CallExpression[], body: readonly Statement[], namespace: ModuleNamespaceValue, text: string, seen: Set<string>): InputHint | undefined {
  for (const call of calls) {
    const callee = dottedName(call.func);
    if (!callee) continue;
    const layer = layerName(staticValue(callee, namespace));
    if (layer) {
      const make = INPUT_OF_LAYER[layer];
      if (!make) continue;
      const first = call.args.find((a) => a.kind === "positional") ?? call.args.find((a) => a.kind === "keyword" && /^(in_channels|in_features|input_size)$/.test(a.name));
      const channels = first && first.value.type === "int" ? String(first.value.value) : undefined;
      const hint = make(channels);
      // An unknown channel count is named after the argument that gives it (`C is its in_channels (n_mels)`).
      const readsChannels = make("1").input !== make(undefined).input;
      return readsChannels && !channels && first?.value.type === "name" ? { ...hint, why: `${hint.why} (${first.value.id})` } : hint;
    }
    if (body.some((s) => s.type === "class" && s.name === callee)) {
      const inner = firstLayerHint(callee, body, namespace, text, seen);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The catalogue layer a class value is (itself or through a base), by name. */
function layerName(value: Value | undefined): string | undefined {
  if (value?.kind !== "class") return undefined;
  return (value.layer ?? value.mro.find((c) => c.layer)?.layer)?.name;
}

/** The value a dotted name has in the namespace, read without evaluating anything (`nn.Conv1d`, `torch.nn.Linear`). */
function staticValue(dotted: string, namespace: ModuleNamespaceValue): Value | undefined {
  const [head, ...rest] = dotted.split(".");
  let value: Value | undefined = namespace.scope.names.get(head);
  for (const part of rest) {
    if (value?.kind === "namespace") value = value.scope.names.get(part);
    else if (value?.kind === "class") value = value.attributes.get(part);
    else return undefined;
  }
  return value;
}
