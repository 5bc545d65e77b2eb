// Ray runs a function decorated `@ray.remote` (or `@ray.remote(num_gpus=1)`) as a task when the code calls
// `f.remote(...)`, never as `f(...)` (docs.ray.io/en/latest/ray-core/tasks.html, Ray 1.x-2.x: "invoke the remote
// function with .remote()"). So `f.remote(args)` is a call of `f`'s body: a training loop there runs once per call.
import type { Expression, FunctionDefinition } from "./ast";

/** Whether a decorator is Ray's `remote`: `@ray.remote`, `@ray.remote(...)`, or `@remote` imported from ray. */
function isRemoteDecorator(d: Expression): boolean {
  const e = d.type === "call" ? d.func : d;
  if (e.type === "name") return e.id === "remote";
  return e.type === "attribute" && e.name === "remote" && e.object.type === "name" && e.object.id === "ray";
}

/** Whether `call` runs `fn`: `fn(...)`, or `fn.remote(...)` where `fn` is a Ray remote function. */
export function callsFunction(call: Extract<Expression, { type: "call" }>, fn: FunctionDefinition): boolean {
  const f = call.func;
  if (f.type === "name") return f.id === fn.name;
  return f.type === "attribute" && f.name === "remote" && f.object.type === "name" && f.object.id === fn.name && fn.decorators.some(isRemoteDecorator);
}
