// A training function called in turn on a name bound afresh between the calls (`model = LeNet5(10)`,
// `train(model)`, then `model = LeNet5(10, reg=None)`, `train(model)`): each call trains another network under the
// same name, so their epochs are not one run's. The network a call passes is the argument whose parameter the
// function trains (`p.parameters()`, `p.trainable_variables`, `p.fit(...)`), or a name whose parameters an optimizer
// of the module takes (optimized-networks.ts).
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { boundNames, forEachExpression, forEachStatement, ownExpressions } from "../python/syntax-walk";
import { argumentsByParameter } from "./call-site-bindings";
import { reads, rebindsBetween } from "./models-in-turn";
import { optimizedNetworkNames } from "./optimized-networks";

type Call = Extract<Expression, { type: "call" }>;

/** Attributes of a network that training reads (PyTorch's parameters, Keras' variables) or methods that train it. */
const NETWORK_USE = new Set(["parameters", "named_parameters", "trainable_variables", "trainable_weights", "fit", "train_on_batch"]);

/** The function's parameters it uses as a network: `p.parameters()`, `p.trainable_variables`, `p.fit(...)`. */
function networkParameters(fn: FunctionDefinition): Set<string> {
  const names = new Set(fn.params.map((p) => p.name));
  const used = new Set<string>();
  forEachStatement(fn.body, ({ statement }) => {
    for (const root of ownExpressions(statement)) forEachExpression(root, (e) => {
      if (e.type === "attribute" && e.object.type === "name" && names.has(e.object.id) && NETWORK_USE.has(e.name)) used.add(e.object.id);
    });
  });
  return used;
}

/** Whether a statement of `block` before `call`'s line binds `name` afresh (`net = Net()` in a loop's body, then `train(net)`). */
function boundAfreshBefore(block: Statement[], name: string, call: Call): boolean {
  return block.some((s) => s.pos.endLine < call.pos.line && boundNames(s).includes(name) && !reads(s, name));
}

/** Whether every later call passes a network bound afresh after `first`: at module level between them, or in the
 *  block that holds the later call, before it (a loop over settings that builds a network and trains it each pass). */
export function laterCallsTrainOthers(fn: FunctionDefinition, first: Call, later: { call: Call; block: Statement[] }[], body: Statement[]): boolean {
  const own = networkParameters(fn);
  const optimized = optimizedNetworkNames(body);
  return later.every(({ call, block }) => {
    const names = [...argumentsByParameter(fn, call)].flatMap(([param, arg]) => (arg?.type === "name" && (own.has(param) || optimized.has(arg.id)) ? [arg.id] : []));
    return names.some((name) => rebindsBetween(body, name, first.pos.line, call.pos.line) || (block !== body && boundAfreshBefore(block, name, call)));
  });
}

/** How many of the calls, from the first, train one network: the index of the first call that passes a network name
 *  a module-level statement binds afresh after the call before it (calls.length when none does). */
export function callsOfOneNetwork(fn: FunctionDefinition, calls: Call[], body: Statement[]): number {
  const own = networkParameters(fn);
  const optimized = optimizedNetworkNames(body);
  const networks = (call: Call): string[] => {
    const out: string[] = [];
    for (const [param, arg] of argumentsByParameter(fn, call)) {
      if (arg?.type === "name" && (own.has(param) || optimized.has(arg.id))) out.push(arg.id);
    }
    return out;
  };
  const next = calls.findIndex((call, i) => i > 0 && networks(call).some((name) => rebindsBetween(body, name, calls[i - 1]!.pos.line, call.pos.line)));
  return next < 0 ? calls.length : next;
}
