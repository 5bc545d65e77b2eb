// A loop over batches often leaves the training step to a function or method: DomainBed's `algorithm.update(batches)`,
// torchreid's `self.forward_backward(data)` (defined by a subclass in another file), improved-diffusion's
// `self.run_step(batch)` (which calls `self.forward_backward(batch)` and then `self.optimize()`). Python runs that body
// once per call, so each call is one optimizer step when the body, with the methods it calls on its own object,
// backpropagates and steps the optimizer once: not in a loop of its own (then one call takes many steps).
import type { FunctionDefinition } from "../python/ast";
import { callsInBody, type CallExpression } from "../python/syntax-walk";
import { instanceMethod, lookupClassAttribute } from "../interp/classes";
import type { ClassValue, InstanceValue, Value } from "../interp/values";
import { ownCalls, trainingWork } from "./loop-shape";
import { runsTrainingOperation, trainingOperations } from "./session-steps";
import { updatesFromGradients } from "./gradient-updates";

/** Methods read besides the called one, at most: those it calls on its own object, and theirs. */
const MAX_HELPERS = 6;
/** Levels of `self.x()` calls followed from the called method. */
const MAX_DEPTH = 2;

/** Whether one call of `callee` (a function or a bound method, of any file) takes one optimizer step. A method of a
 *  class whose object could not be built (`algorithm = algorithm_class(dataset.input_shape, ...)` over data the
 *  analysis does not load) comes with that class as `owner`: its methods are looked up there, as on an object of it. */
export function stepsOncePerCall(callee: Value | undefined, owner?: ClassValue): boolean {
  if (callee?.kind === "instance") return stepsOncePerCall(calledMethod(callee));
  const fn = callee?.kind === "bound" ? callee.fn : callee;
  if (fn?.kind !== "function" || fn.definition.type !== "function") return false;
  const cls = callee?.kind === "bound" ? (callee.self.kind === "instance" ? callee.self.cls : undefined) : owner;
  const method = (name: string) => {
    const found = cls ? lookupClassAttribute(cls, name) : undefined;
    return found?.kind === "function" && found.definition.type === "function" ? found.definition : undefined;
  };
  const bodies: FunctionDefinition[] = [fn.definition];
  /** Methods called inside a loop of a body read: if one steps, a call takes a step per pass of that loop. */
  const looped: FunctionDefinition[] = [];
  let frontier: FunctionDefinition[] = [fn.definition];
  for (let depth = 0; cls && depth < MAX_DEPTH && frontier.length > 0 && bodies.length <= MAX_HELPERS; depth++) {
    const next: FunctionDefinition[] = [];
    for (const def of frontier) {
      const name = def.params[0]?.name;
      const own = new Set(ownCalls(def.body));
      for (const call of callsInBody(def.body)) {
        // A network the object holds, stepped by its own method (`self.q_net.optimize(s, a, y)`, the optimizer built
        // in the network's `__init__`): that method's body runs as part of this call.
        const held = heldMethod(call, name, callee);
        if (held && !bodies.includes(held) && !looped.includes(held) && bodies.length <= MAX_HELPERS) {
          if (own.has(call)) bodies.push(held);
          else looped.push(held);
          continue;
        }
        if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id !== name) continue;
        // Python's method resolution: a subclass's override, wherever its file is, runs (a template method's hook).
        const helper = method(call.func.name);
        if (!helper || bodies.includes(helper) || looped.includes(helper) || bodies.length > MAX_HELPERS) continue;
        if (!own.has(call)) {
          looped.push(helper);
          continue;
        }
        bodies.push(helper);
        next.push(helper);
      }
    }
    frontier = next;
  }
  // A step written out by hand (`def sgd(params, lr, batch_size): for param in params: param.data -= lr * param.grad`)
  // updates the parameters once per call, the caller's backward pass having filled their gradients.
  if (updatesFromGradients(fn.definition.body)) return true;
  // TensorFlow 1.x: a method that runs its class's training operation (`return sess.run([self.opt, self.loss], ...)`,
  // the class binding `self.opt = tf.train.AdamOptimizer(lr).minimize(self.loss)`) takes one step per call.
  if (cls && runsOwnSessionOperation(fn.definition, cls)) return true;
  const work = bodies.map((d) => trainingWork(d.body));
  if (looped.some((d) => trainingWork(d.body).stepsOnce)) return false;
  return work.some((w) => w.stepsOnce) && work.some((w) => w.backward) && !work.some((w) => w.stepLoop);
}

/** Whether one call of `callee` (a function or bound method of any file) runs a backward pass and takes no optimizer
 *  step: the gradients it leaves are for the caller to step on (fastbook's `calc_grad(xb, yb, model)` then
 *  `opt.step()` in the loop over batches), so the call is the loop's backward pass. */
export function backpropagatesPerCall(callee: Value | undefined): boolean {
  const fn = callee?.kind === "bound" ? callee.fn : callee;
  if (fn?.kind !== "function" || fn.definition.type !== "function") return false;
  const work = trainingWork(fn.definition.body);
  return work.backward && !work.stepsOnce && !work.stepLoop;
}

/** The method a call `self.attr.method(...)` runs on an object the bound callee's object holds (an instance attribute). */
function heldMethod(call: CallExpression, selfName: string | undefined, callee: Value | undefined): FunctionDefinition | undefined {
  const func = call.func;
  if (!selfName || callee?.kind !== "bound" || callee.self.kind !== "instance") return undefined;
  if (func.type !== "attribute" || func.object.type !== "attribute" || func.object.object.type !== "name" || func.object.object.id !== selfName) return undefined;
  const held = callee.self.attributes.get(func.object.name);
  return held ? instanceMethod(held, func.name)?.definition : undefined;
}

/** Whether a method's body runs (`sess.run(...)`) a training operation its class (or a base) binds on `self`. */
function runsOwnSessionOperation(definition: FunctionDefinition, cls: ClassValue): boolean {
  const runs = callsInBody(definition.body).filter((c) => c.func.type === "attribute" && c.func.name === "run");
  if (runs.length === 0) return false;
  const methods = cls.mro.flatMap((c) => [...c.attributes.values()]).flatMap((v) => (v.kind === "function" && v.definition.type === "function" ? [v.definition] : []));
  const ops = trainingOperations(methods);
  return runs.some((c) => runsTrainingOperation(c, ops));
}

/** What calling an object runs: its class's own `__call__`, else (torch.nn.Module.__call__) its `forward`. MAML's
 *  `accs = maml(x_spt, y_spt, x_qry, y_qry)` steps the meta-optimizer inside Meta.forward. */
function calledMethod(self: InstanceValue): Value | undefined {
  for (const name of ["__call__", "forward"]) {
    const fn = lookupClassAttribute(self.cls, name);
    if (fn?.kind === "function" && fn.definition.type === "function") return { kind: "bound", self, fn };
  }
  return undefined;
}

/** Whether one call of a function defined as written (no object to look its methods up on) takes one optimizer step. */
export function stepsOncePerDefinition(definition: FunctionDefinition): boolean {
  if (updatesFromGradients(definition.body)) return true;
  const work = trainingWork(definition.body);
  return work.stepsOnce && work.backward && !work.stepLoop;
}
