// A script often builds networks it does not train beside those it does: a pretrained VGG for a perceptual or
// content loss, a teacher for distillation, a feature extractor for a metric. Each was listed with the run's training
// figures as if the loop trained it. A network the script puts in eval mode (or whose parameters it stops
// differentiating) and whose parameters no optimizer of the file takes is not trained by the run: an optimizer
// updates only the parameters it is given (pytorch.org/docs/stable/optim.html, "you have to give it an iterable
// containing the parameters ... to optimize"). So is a target network (reinforcement learning's DQN, DDPG, TD3, SAC:
// `target.load_state_dict(q.state_dict())`, or Polyak averaging over `zip(target.parameters(), q.parameters())`):
// it takes its weights from the trained network by copying, never from an optimizer.
import type { Expression, Statement } from "../python/ast";
import { callsAnywhere, dottedName, forEachStatement, rootName } from "../python/syntax-walk";
import { frozenAtBinding } from "./frozen-at-binding";
import { assignedValues, isOptimizerConstruction, optimizerParameters, parameterRoots } from "./optimizer-parameters";

/** Statements that put a network out of training: eval mode, or no gradients for its parameters. */
const FREEZING = /^(eval|requires_grad_)$/;
/** Training that needs no optimizer of the file's: a fit or a trainer's. */
const FITS = /\.fit\w*\s*\(|\btrain_on_batch\s*\(|Trainer\b|\bLearner\b/;
/** In-place tensor writes a Polyak update makes on a target parameter (`t.data.copy_(...)`, `t.data.mul_(...)`). */
const IN_PLACE = /^(copy_|mul_|add_|lerp_)$/;

/** A model the analysis listed: the name its module-level or function binding gives it. */
export interface NamedModel {
  name: string;
}

/**
 * For each model, why the run does not train it (undefined when it may): it is put in eval mode or out of autograd
 * (`vgg.eval()`, `teacher.requires_grad_(False)`, `p.requires_grad = False` over its parameters), and every optimizer
 * the file builds takes the parameters of other names only. Nothing is said when an optimizer's parameters cannot be
 * traced to names (`Adam(params)` of a list built elsewhere, `self.net.parameters()`, a function's parameter).
 */
export function frozenModels(body: Statement[], text: string, models: readonly NamedModel[]): (string | undefined)[] {
  const none = models.map(() => undefined);
  if (models.length < 2 || !/\.eval\(\)|requires_grad|load_state_dict|copy_/.test(text)) return none;
  const calls = callsAnywhere(body);
  const optimizers = calls.filter(isOptimizerConstruction);
  if (optimizers.length === 0) return none;
  const assignments = assignedValues(body);
  const optimized = new Set<string>();
  let tensorsOnly = true;
  for (const call of optimizers) {
    const params = optimizerParameters(call);
    if (!params) return none;
    const roots = parameterRoots(params, assignments, rootName);
    if (!roots || roots.has("self")) return none;
    for (const r of roots) optimized.add(r);
    // `Adam([input_img])` over `input_img = torch.randn(..., requires_grad=True)`: only a tensor the file creates.
    if (!(roots.size === 0 && params.type === "list")) tensorsOnly = false;
  }
  // Every optimizer updates only tensors the file creates (an input image's gradient ascent, a learned noise), and
  // nothing else trains (no fit): no network is trained, frozen or not.
  if (tensorsOnly && !FITS.test(text)) {
    const why = (m: NamedModel) => `no optimizer of the file takes the parameters of ${m.name} or of any network (they take only tensors the file creates): a network the run uses but does not train, so it has no training run of its own`;
    return models.map(why);
  }
  const frozen = frozenNames(body, calls);
  const copied = copiedNames(body, calls);
  const taken = `no optimizer of the file takes its parameters (they take ${[...optimized].map((n) => `${n}.parameters()`).join(", ")})`;
  return models.map((m) => {
    if (optimized.has(m.name)) return undefined;
    if (frozen.has(m.name)) return `${m.name} is put out of training (line ${frozen.get(m.name)}) and ${taken}: a network the run uses but does not train, so it has no training run of its own`;
    const source = copied.get(m.name);
    if (source && optimized.has(source.from)) return `${m.name} takes its weights from ${source.from} (line ${source.line}) and ${taken}: a target network the run updates by copying, not by training, so it has no training run of its own`;
    return undefined;
  });
}

/** Names put in eval mode or out of autograd, with the line where: `net.eval()`, `net.requires_grad_(False)`,
 *  `for p in net.parameters(): p.requires_grad = False`. */
function frozenNames(body: Statement[], calls: Expression[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of calls) {
    if (c.type !== "call" || c.func.type !== "attribute" || !FREEZING.test(c.func.name)) continue;
    if (c.func.name === "requires_grad_" && !(c.args[0]?.kind === "positional" && c.args[0].value.type === "constant" && c.args[0].value.value === "False")) continue;
    const root = rootName(c.func.object);
    if (root && !out.has(root)) out.set(root, c.pos.line);
  }
  // `teacher = Net().eval()`: put out of training where it is bound (frozen-at-binding.ts).
  for (const [name, line] of frozenAtBinding(body)) if (!out.has(name)) out.set(name, line);
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "for" || s.target.type !== "name" || s.iter.type !== "call" || s.iter.func.type !== "attribute" || s.iter.func.name !== "parameters") return;
    const variable = s.target.id;
    const root = rootName(s.iter.func.object);
    const clears = s.body.some((b) => b.type === "assign" && b.targets.some((t) => t.type === "attribute" && t.name === "requires_grad" && t.object.type === "name" && t.object.id === variable) && b.value.type === "constant" && b.value.value === "False");
    if (root && clears && !out.has(root)) out.set(root, s.pos.line);
  });
  return out;
}

/** Names whose weights the file copies from another name's, with that name and the line: `target.load_state_dict(
 *  q.state_dict())`, or a loop over `zip(target.parameters(), q.parameters())` writing the first in place
 *  (`t.data.copy_(tau * p.data + (1 - tau) * t.data)`). */
function copiedNames(body: Statement[], calls: Expression[]): Map<string, { from: string; line: number }> {
  const out = new Map<string, { from: string; line: number }>();
  for (const c of calls) {
    if (c.type !== "call" || c.func.type !== "attribute" || c.func.name !== "load_state_dict") continue;
    const first = c.args[0];
    if (first?.kind !== "positional" || first.value.type !== "call" || first.value.func.type !== "attribute" || first.value.func.name !== "state_dict") continue;
    const to = rootName(c.func.object);
    const from = rootName(first.value.func.object);
    if (to && from && to !== from && !out.has(to)) out.set(to, { from, line: c.pos.line });
  }
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "for" || s.target.type !== "tuple" || s.target.items.length !== 2 || s.target.items[0].type !== "name") return;
    if (s.iter.type !== "call" || dottedName(s.iter.func) !== "zip" || s.iter.args.length !== 2) return;
    const owners = s.iter.args.map((a) => (a.value.type === "call" && a.value.func.type === "attribute" && a.value.func.name === "parameters" ? rootName(a.value.func.object) : undefined));
    const variable = s.target.items[0].id;
    const writes = callsAnywhere(s.body).some((c) => c.func.type === "attribute" && IN_PLACE.test(c.func.name) && rootName(c.func.object) === variable);
    const [to, from] = owners;
    if (writes && to && from && to !== from && !out.has(to)) out.set(to, { from, line: s.pos.line });
  });
  return out;
}
