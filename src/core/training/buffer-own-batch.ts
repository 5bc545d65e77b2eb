// A replay buffer that keeps its own batch size (issue 21): `self.memory = ReplayBuffer(buffer_size, batch_size)` in an
// agent's `__init__`, then `experiences = self.memory.sample()` with no argument in `agent.step(...)`, the buffer's
// `sample` drawing `random.sample(self.memory, k=self.batch_size)` (or `np.random.choice(n, self.batch_size)`). Python
// runs that method on the buffer the agent holds, so each draw is the count the buffer's constructor was given, read
// on the object the loop calls.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsInBody, dottedName, keywordArgument, positionalArgument } from "../python/syntax-walk";
import { instanceMethod, methodsReached } from "../interp/classes";
import type { Value } from "../interp/values";
import { drawnCount } from "./index-draw-batch";

/** Methods read on the called object, at most: the called one and those it calls on itself. */
const MAX_METHODS = 6;
/** Levels of `self.x()` calls followed from the called method. */
const MAX_DEPTH = 2;

/** A buffer's own draw: the buffer's text as the loop reads it, and the count it draws. */
export interface OwnSampleBatch {
  value: Value;
  /** `agent.memory`: the buffer, read where the loop is. */
  buffer: string;
  /** `self.batch_size`: the count the buffer's `sample` draws. */
  count: string;
}

/**
 * The batch drawn by a buffer's argument-less `sample()` inside a method that a loop calls on an object
 * (`agent.step(...)`, or `self.update()` in a loop of the agent's own method, and the methods that calls on itself),
 * read on that object; undefined when the loop says nothing of it. `evaluate` reads an expression where the loop is.
 */
export function ownSampleBatch(loopBody: Statement[], evaluate: (e: Expression) => Value | undefined): OwnSampleBatch | undefined {
  for (const call of callsInBody(loopBody)) {
    if (call.func.type !== "attribute" || call.func.object.type !== "name") continue;
    const receiver = call.func.object;
    const object = evaluate(receiver);
    if (object?.kind !== "instance" || object.module) continue;
    for (const drawn of bufferDraws(object, call.func.name)) {
      const onReceiver = rebased(drawn, receiver);
      const buffer = onReceiver ? evaluate(onReceiver) : undefined;
      if (buffer?.kind !== "instance") continue;
      const count = sampledAttribute(instanceMethod(buffer, "sample")?.definition);
      const value = count ? buffer.attributes.get(count) : undefined;
      if (count && value) return { value, buffer: dottedName(onReceiver!) ?? "", count: `self.${count}` };
    }
  }
  return undefined;
}

/** `self.memory` of each `self.memory.sample()` called with no argument in the method `name` of `object` and the
 *  methods it calls on itself, `MAX_DEPTH` calls deep. */
function bufferDraws(object: Value, name: string): Expression[] {
  const draws: Expression[] = [];
  for (const def of methodsReached(object, name, MAX_DEPTH, MAX_METHODS)) {
    const self = def.params[0]?.name;
    for (const call of callsInBody(def.body)) {
      if (call.func.type === "attribute" && call.func.name === "sample" && call.args.length === 0 && rootIs(call.func.object, self)) draws.push(call.func.object);
    }
  }
  return draws;
}

/** The attribute of `self` that a buffer's `sample(self)` draws as its count: `random.sample(pop, k=self.batch_size)`
 *  (docs.python.org/3/library/random.html#random.sample: k items), `np.random.choice(n, self.batch_size)` and
 *  `np.random.randint(0, n, size=self.batch_size)` (numpy.org/doc/stable/reference/random: `size` draws),
 *  `torch.randint(0, n, (self.batch_size,))` (pytorch.org/docs/stable/generated/torch.randint.html: a `size` tuple). */
function sampledAttribute(definition: FunctionDefinition | undefined): string | undefined {
  const self = definition?.params[0]?.name;
  if (!definition || !self) return undefined;
  for (const call of callsInBody(definition.body)) {
    const callee = dottedName(call.func);
    const count = callee === "random.sample" ? positionalArgument(call, 1) ?? keywordArgument(call, "k")
      : callee && /(^|\.)random\.choice$/.test(callee) ? positionalArgument(call, 1) ?? keywordArgument(call, "size")
      : callee && /(^|\.)random\.randint$/.test(callee) ? positionalArgument(call, 2) ?? keywordArgument(call, "size")
      : callee === "torch.randint" ? drawnCount(call)
      : undefined;
    const attribute = count ? ownAttribute(count, self) : undefined;
    if (attribute) return attribute;
  }
  return undefined;
}

/** `x` of `self.x`. */
function ownAttribute(e: Expression, self: string): string | undefined {
  return e.type === "attribute" && e.object.type === "name" && e.object.id === self ? e.name : undefined;
}

/** Whether an attribute chain starts at the name `self` (`self.memory`, `self.buffers.replay`). */
function rootIs(e: Expression, self: string | undefined): boolean {
  if (self === undefined || e.type !== "attribute") return false;
  return e.object.type === "name" ? e.object.id === self : rootIs(e.object, self);
}

/** `self.a.b` read on another object: `agent.a.b`. Undefined for anything but a chain of attributes on a name. */
function rebased(e: Expression, receiver: Expression): Expression | undefined {
  if (e.type === "name") return receiver;
  if (e.type !== "attribute") return undefined;
  const object = rebased(e.object, receiver);
  return object && { ...e, object };
}

/** A batch the loop hands a method that draws it: the value, and the code that says so. */
export interface PassedSampleBatch {
  value: Value;
  detail: string;
}

/**
 * The batch a method the loop calls on an object draws from a buffer with a count the call gives it
 * (`policy.train(replay_buffer, args.batch_size)`, whose `def train(self, replay_buffer, batch_size=256)` draws
 * `replay_buffer.sample(batch_size)`, Fujimoto et al.'s TD3 and the DDPG code that follows it): Python binds the
 * call's argument, or the parameter's default, to that count. Undefined when the loop makes no such call.
 */
export function passedSampleBatch(loopBody: Statement[], evaluate: (e: Expression) => Value | undefined, text: string, stepLoop = false): PassedSampleBatch | undefined {
  // Each call's object is evaluated where the loop is: only worth it in a file that draws `x.sample(name)` at all, or
  // for a loop known to step (its update method, of another file, may draw: `agent.train()` → `memory.sample(batch_size)`).
  if (!stepLoop && !/\.sample\(\s*\w+\s*(=\s*\w+\s*)?\)/.test(text)) return undefined;
  for (const call of callsInBody(loopBody)) {
    if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id === "self") continue;
    const object = evaluate(call.func.object);
    if (object?.kind !== "instance" || object.module) continue;
    const definition = instanceMethod(object, call.func.name)?.definition;
    const params = definition?.params.slice(1) ?? [];
    for (const drawn of definition ? callsInBody(definition.body) : []) {
      const count = drawn.func.type === "attribute" && drawn.func.name === "sample" && drawn.args.length === 1 ? positionalArgument(drawn, 0) ?? keywordArgument(drawn, "batch_size") : undefined;
      const index = count?.type === "name" ? params.findIndex((p) => p.name === count.id && p.kind === "normal") : -1;
      if (index < 0) continue;
      const name = params[index].name;
      const given = keywordArgument(call, name) ?? positionalArgument(call, index) ?? params[index].default;
      const value = given ? evaluate(given) : undefined;
      if (value?.kind === "int") return { value, detail: `${text.slice(call.pos.startIndex, call.pos.endIndex).replace(/\s+/g, " ").slice(0, 60)} draws ${text.slice(drawn.pos.startIndex, drawn.pos.endIndex)} with ${name} = ${value.value}` };
    }
  }
  return undefined;
}

/**
 * The batch a method the loop calls on an object draws from a buffer with a constant of the method's own module
 * (`agent.optimize_model()`, whose body draws `self.replay_mem.sample(BATCH_SIZE)` with `BATCH_SIZE = 128` at the top
 * of agent.py, as the PyTorch DQN tutorial's code is split into files): Python reads that name in the method's module,
 * where the loop's file may not have it. Undefined when the loop makes no such call.
 */
export function moduleConstantSampleBatch(loopBody: Statement[], evaluate: (e: Expression) => Value | undefined): PassedSampleBatch | undefined {
  for (const call of callsInBody(loopBody)) {
    if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id === "self") continue;
    const object = evaluate(call.func.object);
    if (object?.kind !== "instance" || object.module) continue;
    const method = instanceMethod(object, call.func.name);
    if (!method) continue;
    const own = new Set(method.definition.params.map((p) => p.name));
    for (const drawn of callsInBody(method.definition.body)) {
      const count = drawn.func.type === "attribute" && drawn.func.name === "sample" && drawn.args.length === 1 ? positionalArgument(drawn, 0) : undefined;
      if (count?.type !== "name" || own.has(count.id) || assignsName(method.definition.body, count.id)) continue;
      const value = method.module.scope.names.get(count.id);
      if (value?.kind === "int") return { value, detail: `${dottedName(call.func) ?? call.func.name}() draws ${dottedName(drawn.func) ?? "sample"}(${count.id}) with ${count.id} = ${value.value} in its module` };
    }
  }
  return undefined;
}

/** Whether a block binds `name` by a plain assignment of its own (a local shadows the module's constant). */
function assignsName(body: Statement[], name: string): boolean {
  return body.some((s) => s.type === "assign" && s.targets.some((t) => t.type === "name" && t.id === name));
}
