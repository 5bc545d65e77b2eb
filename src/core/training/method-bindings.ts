// A method's parameters bound from where the file calls it on an object of its class. Training code kept in a class
// (TensorFlow 1.x and 2.x trainers above all) reads its run from the object, `for epoch in range(1, 1 +
// self.first_stage_epochs + self.second_stage_epochs)`, and from the call, `model.train(n_epochs=30)`; Python passes
// the object as the method's first parameter (docs.python.org/3/tutorial/classes.html#method-objects).
import { freshId } from "../interp/construct";
import type { ClassValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { findCodeSites, type CodeSite } from "./code-sites";
import { argumentsByParameter } from "./call-site-bindings";
import type { ParameterBindings } from "./evaluate-site";
import { commentFreeText } from "../python/comment-free-text";
import { defaultsMaker, namedOutsideItself, plainClass } from "./unconstructed-class";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** Attributes of a fresh object worked out from its `__init__`, at most (each its own small evaluation). */
const MAX_ATTRIBUTES = 40;

/**
 * Bindings for the methods of a file's module-level classes: each call `Cls(...).m(...)`, `obj.m(...)` after
 * `obj = Cls(...)`, or `self.m(...)` in another method of the class gives `m` its arguments (when there is one such
 * call, or the calls agree) and its object: the class called as the file calls it, or, where that fails (an
 * `__init__` that reads data files the analysis does not have), a fresh object holding the attributes `__init__`
 * assigns that can be worked out one by one (`self.first_stage_epochs = cfg.TRAIN.FISRT_STAGE_EPOCHS`).
 */
export function methodBindings(
  body: Statement[],
  text: string,
  evaluate: (site: CallSite, expressions: Expression[], bindings: ParameterBindings) => Value[],
  all: () => ParameterBindings,
): ParameterBindings {
  const owner = new Map<FunctionDefinition, Extract<Statement, { type: "class" }>>();
  for (const s of body) {
    if (s.type !== "class") continue;
    for (const m of s.body) if (m.type === "function" && m.name !== "__init__" && m.params.length > 0 && !m.decorators.some(isStaticOrClass)) owner.set(m, s);
  }
  const memo = new Map<FunctionDefinition, Map<string, Value | undefined>>();
  const objects = new Map<CallSite, Value | undefined>();
  const makers = new Map<Extract<Statement, { type: "class" }>, CallSite>();
  let code: string | undefined;
  return (fn, name) => {
    const cls = owner.get(fn);
    if (!cls) return undefined;
    let values = memo.get(fn);
    if (!values) memo.set(fn, (values = new Map()));
    if (values.has(name)) return values.get(name);
    values.set(name, undefined);
    const calls = methodCalls(fn, cls, body, text);
    const selfName = fn.params[0].name;
    if (calls.length === 0) {
      // A class nothing in the file names: its object is the one its __init__ defaults make (unconstructed-class.ts).
      if (name !== selfName || !plainClass(cls) || namedOutsideItself(cls, (code ??= commentFreeText(text)))) return undefined;
      const maker = makers.get(cls) ?? defaultsMaker(cls);
      makers.set(cls, maker);
      if (!objects.has(maker)) objects.set(maker, objectOf(maker, cls, evaluate, all, (e) => text.slice(e.pos.startIndex, e.pos.endIndex)));
      const object = objects.get(maker);
      if (object && object.kind !== "unknown") values.set(name, object);
      return values.get(name);
    }
    let value: Value | undefined;
    if (name === selfName) {
      // The object: every call must reach it the same way (one constructor site, or the caller's own object).
      const first = calls[0];
      if (!calls.every((c) => c.maker === first.maker && c.caller === first.caller)) return undefined;
      if (first.maker) {
        if (!objects.has(first.maker)) objects.set(first.maker, objectOf(first.maker, cls, evaluate, all, (e) => text.slice(e.pos.startIndex, e.pos.endIndex)));
        value = objects.get(first.maker);
      } else if (first.caller) value = all()(first.caller, first.caller.params[0].name);
    } else {
      // A command python-fire runs takes its parameters' defaults: the call that started it passes the class.
      if (calls.some((c) => c.fired)) return undefined;
      const args = calls.map((c) => argumentsByParameter({ ...fn, params: fn.params.slice(1) }, c.site.call).get(name));
      const code = (e: Expression | undefined) => (e ? text.slice(e.pos.startIndex, e.pos.endIndex) : undefined);
      if (args[0] && args.every((a) => code(a) === code(args[0]))) value = evaluate(calls[0].site, [args[0]], all())[0];
    }
    // An argument the calls pass whose value is unknown stays unknown, as for functions (call-site-bindings.ts):
    // `rnn.fit(X, Y, batch_sz=len(Y))` is not `def fit(..., batch_sz=20)`'s 20. An object that cannot be worked out
    // is left to the analysis's other readings of it.
    if (value && (value.kind !== "unknown" || name !== selfName)) values.set(name, value);
    return values.get(name);
  };
}

/** `@staticmethod` / `@classmethod`: the first parameter is no object of the class. */
const isStaticOrClass = (d: Expression) => d.type === "name" && (d.id === "staticmethod" || d.id === "classmethod");

interface MethodCall {
  site: CallSite;
  /** The call that made the object (`YoloTrain()` of `YoloTrain().train()`, `model = ConvNet()`). */
  maker?: CallSite;
  /** The class's own method that calls this one on its object (`self.train_one_epoch(...)`). */
  caller?: FunctionDefinition;
  /** `fire.Fire(Cls)`: python-fire builds the object and runs the method the command line names. */
  fired?: boolean;
}

// python-fire (github.com/google/python-fire, docs/guide.md "Exposing multiple commands" with a class):
// `fire.Fire(Trainer)` builds `Trainer()` with its __init__ defaults (flags may set them) and runs the method the
// command names, `python train.py train`, with that method's own defaults; the script states no other call of it.
const FIRE_CALL = /(^|\.)Fire$/;

/** The file's calls of method `fn` on an object of `cls`. */
function methodCalls(fn: FunctionDefinition, cls: Extract<Statement, { type: "class" }>, body: Statement[], text: string): MethodCall[] {
  const sites = findCodeSites(body, text, new RegExp(`\\.${fn.name}\\s*\\(|\\b${cls.name}\\s*\\(|\\bFire\\s*\\(`));
  const out: MethodCall[] = [];
  for (const s of sites) {
    const fired = s.kind === "call" && FIRE_CALL.test(s.callee) ? s.call.args[0] : undefined;
    if (s.kind === "call" && fired?.kind === "positional" && fired.value.type === "name" && fired.value.id === cls.name && !fn.name.startsWith("_")) {
      out.push({ site: s, maker: { ...s, call: { type: "call", func: fired.value, args: [], pos: fired.value.pos }, callee: cls.name, assignedTo: [] }, fired: true });
      continue;
    }
    if (s.kind !== "call" || s.call.func.type !== "attribute" || s.call.func.name !== fn.name) continue;
    const receiver = s.call.func.object;
    if (receiver.type === "call" && receiver.func.type === "name" && receiver.func.id === cls.name) {
      // `YoloTrain().train()`: the constructor call is the receiver itself, made at the same site.
      out.push({ site: s, maker: { ...s, call: receiver, callee: cls.name, assignedTo: [] } });
    } else if (receiver.type === "name" && s.context.fn && s.context.fn.params[0]?.name === receiver.id && cls.body.includes(s.context.fn)) {
      out.push({ site: s, caller: s.context.fn });
    } else if (receiver.type === "name") {
      const maker = sites.filter((m): m is CallSite => m.kind === "call" && m.callee === cls.name && m.assignedTo.includes(receiver.id) && m.context.fn === s.context.fn && m.call.pos.endIndex <= s.call.pos.startIndex).pop();
      if (!maker) return [];
      out.push({ site: s, maker });
    } else return [];
  }
  return out;
}

/** The object a constructor call makes; where it cannot be built, a fresh object of the class with the attributes its
 *  `__init__` assigns that can be worked out. */
function objectOf(
  maker: CallSite,
  cls: Extract<Statement, { type: "class" }>,
  evaluate: (site: CallSite, expressions: Expression[], bindings: ParameterBindings) => Value[],
  all: () => ParameterBindings,
  code: (e: Expression) => string,
): Value | undefined {
  const built = evaluate(maker, [maker.call], all())[0];
  if (built?.kind === "instance") return built;
  const classValue = evaluate(maker, [maker.call.func], all())[0];
  const init = cls.body.find((m): m is FunctionDefinition => m.type === "function" && m.name === "__init__");
  if (classValue?.kind !== "class") return undefined;
  const object: Value = { kind: "instance", cls: classValue as ClassValue, attributes: new Map(), id: freshId() };
  if (!init) return object;
  const selfName = init.params[0]?.name;
  let read = 0;
  init.body.forEach((s, index) => {
    if (read >= MAX_ATTRIBUTES || s.type !== "assign" || s.targets.length !== 1) return;
    const t = s.targets[0];
    if (t.type !== "attribute" || t.object.type !== "name" || t.object.id !== selfName) return;
    // An attribute computed from the object itself (`len(self.trainset)`) needs what failed: left out.
    if (new RegExp(`\\b${selfName}\\b`).test(code(s.value))) return;
    read++;
    const site: CallSite = { ...maker, context: { fn: init, before: init.body.slice(0, index) } };
    const value = evaluate(site, [s.value], all())[0];
    if (value && value.kind !== "unknown") object.attributes.set(t.name, value);
  });
  return object;
}
