// Finds the places in a file that may say how a model is trained (calls, epoch loops, constants), each with the
// straight-line statements that run before it, so its values can be worked out without running the training.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { attributeChain, callsInBody, forEachExpression, isMethodCall, ownExpressions, targetNames } from "../python/syntax-walk";
import { moduleLoopTargets } from "./loop-rebound-names";
import { modelLoadingFunctions } from "./model-loading-functions";
import { overwrittenDictKeys } from "./overwritten-dict-keys";
import { isCheckpointRecord } from "./checkpoint-records";

/** Where a site sits: its enclosing function, and the statements that run before it there. */
export interface SiteContext {
  fn?: FunctionDefinition;
  /** The functions `fn` is nested in, outermost first: their parameters and the statements before the definition are
   *  the closure its free names read (`def update():` inside `ppo(train_pi_iters=80)` reads train_pi_iters). */
  enclosing?: FunctionDefinition[];
  /**
   * Statements before the site on its way down from the function body (or from a block of the module), outermost
   * first. Empty at a module's top level: those statements already ran when the module was loaded.
   */
  before: Statement[];
  /** The `if` tests the site runs under, innermost last, each with whether the site is in its body (true) or its
   *  else branch (false): a precision set under `if args.fp16:` is not the run's by default. */
  conditions?: { test: Expression; holds: boolean }[];
}

export type CodeSite =
  | {
    kind: "call";
    call: Extract<Expression, { type: "call" }>;
    callee: string;
    context: SiteContext;
    assignedTo: string[];
    /** Attributes the call's value is assigned to (`self.train_loader, self.val_loader = make_loader(args)`). */
    assignedAttributes?: string[];
    /** Inside a comprehension: a call on its entries (`{k: v.half() for k, v in state_dict.items()}`). */
    inComprehension?: boolean;
  }
  | { kind: "loop"; loop: Extract<Statement, { type: "for" }>; variable: string; context: SiteContext }
  | { kind: "while"; loop: Extract<Statement, { type: "while" }>; context: SiteContext }
  | { kind: "constant"; name: string; value: Expression; line: number; context: SiteContext };

/** Words without which a function cannot hold a training figure (a config file or ConfigStore node read states
 *  them too; a LightningCLI, or a class of the project's named for one, `RichCLI(...)`, takes its run from a config
 *  file); other bodies are never lowered (they are lazy). */
const TRAINING_WORDS = /epoch|batch|LightningCLI|\w*CLI\s*\(|accumulat|ConfigStore|safe_load|yaml\.load|json\.load|OmegaConf\.load|TrainingArguments|(SFT|DPO|GRPO|ORPO|KTO|CPO|BCO|RLOO|PPO|Reward)Config|Fabric|Accelerator|mixed_precision|set_global_policy|\.fit|\.backward|GradientTape|apply_gradients|load_data|read_data_sets|StopAtStepHook|TrainSpec|input_fn|DataLoader|Subset|random_split|train_test_split|Dataset|MNIST|CIFAR|SVHN|ImageNet|Trainer|EmissionsTracker|dataloaders\(|databunch\(|DataBunch|to_[bf]p16\(|fine_tune\(|track_emissions|_(cls|class)\(|train_(detector|segmentor|recognizer|classifier|localizer|pose_model)\(|from_cfg\(/;

/** A variable named for a loader (`train_loader`, `src_data_loader`). */
const LOADER_NAME = /loader\b/;
/** A TensorFlow 1.x training operation (`train_op = optimizer.minimize(loss)`, or tf.contrib.layers.optimize_loss,
 *  session-steps.ts): a script that runs one in a loop of counted steps may name neither epochs nor batches
 *  (`for step in range(3000): sess.run(train_op, ...)`). */
const SESSION_TRAINING = /\.(minimize|optimize_loss)\s*\(/;
/** A reinforcement-learning agent's update (`RL.learn()`, `agent.learn(experiences)`): an episode script that calls one
 *  on an agent of another file may name neither epochs nor batches (`for i_episode in range(100): ... RL.learn()`). */
const AGENT_LEARNING = /\.learn\s*\(/;
/** A statement that hands an object's training a count (`sac.train(10000)`, `agent.train(episodes)`): a script that
 *  builds an agent of another file and calls its own `train` may name no training word at all. nn.Module's mode switch
 *  takes no argument or a bool, which the plan tells apart (plainObjectTrain in training-plan.ts). */
const OWN_TRAIN_CALL = /^[ \t]*[\w.]+\.train\s*\(\s*[^)\s]/m;
/** gym's environment step, unpacked (`obs, reward, done, info = env.step(action)`). */
const ENVIRONMENT_STEP = /,\s*\w+\s*=\s*[\w.]+\.step\s*\(/;
/** An agent's update called as a statement of its own (`agent.step(state, action, reward, next_state, done)`,
 *  `agent.learn()`, `agent.train()`: the plan still reads its body, so nn.Module's mode switch steps nothing): with an
 *  environment step in the same function, an episode loop that trains, read like one with training words (an
 *  evaluation episode, which hands nothing on, stays unread). */
const AGENT_UPDATE = /^\s*[\w.]+\.(step|learn|update|observe|train)\s*\(/m;

/** What a `for` loop binds each pass: names, and attributes as their dotted chain, since Python assigns any target
 *  (`for self.epoch in range(self.start_epoch, self.max_epoch):`, torchreid's engine). */
function loopTargetNames(target: Expression): string[] {
  if (target.type === "attribute") {
    const chain = attributeChain(target);
    return chain ? [chain] : [];
  }
  if (target.type === "tuple" || target.type === "list") return target.items.flatMap(loopTargetNames);
  if (target.type === "starred") return loopTargetNames(target.value);
  return targetNames(target);
}

/** Attribute names an assignment target sets on an object (`self.train_loader`, in a tuple or not). */
function targetAttributes(target: Expression): string[] {
  if (target.type === "attribute" && target.object.type === "name") return [target.name];
  if (target.type === "tuple" || target.type === "list") return target.items.flatMap(targetAttributes);
  return [];
}

/**
 * `key = "train"` and `value = mapping["train"]` for a `for key, value in mapping.items():` loop whose body tests
 * `if key == "train":`: the iteration that enters that branch is the one with that key, as Python runs it.
 */
function keyedItemBindings(loop: Extract<Statement, { type: "for" }>, test: Expression): Statement[] {
  const { target, iter } = loop;
  if (target.type !== "tuple" || target.items.length !== 2 || target.items.some((t) => t.type !== "name")) return [];
  if (iter.type !== "call" || iter.args.length > 0 || iter.func.type !== "attribute" || iter.func.name !== "items") return [];
  if (test.type !== "compare" || test.ops.length !== 1 || test.ops[0] !== "==") return [];
  const [left, right] = [test.left, test.comparators[0]];
  const key = target.items[0] as Extract<Expression, { type: "name" }>;
  const literal = left.type === "name" && left.id === key.id ? right : right.type === "name" && right.id === key.id ? left : undefined;
  if (literal?.type !== "str") return [];
  const pos = test.pos;
  const item: Expression = { type: "subscript", object: iter.func.object, index: literal, pos };
  return [
    { type: "assign", targets: [key], value: literal, pos },
    { type: "assign", targets: [target.items[1]], value: item, pos },
  ];
}

/** `target = value.__enter__()` for each `with value as target`, as Python binds them. */
function withBindings(s: Extract<Statement, { type: "with" }>): Statement[] {
  return s.items.flatMap((item): Statement[] => {
    if (!item.target) return [];
    const enter: Expression = { type: "attribute", object: item.value, name: "__enter__", pos: item.value.pos };
    return [{ type: "assign", targets: [item.target], value: { type: "call", func: enter, args: [], pos: item.value.pos }, pos: item.value.pos }];
  });
}

/** Expressions a statement holds itself where a training figure can be (decorators and defaults are not). */
function ownStatementExpressions(s: Statement): Expression[] {
  return s.type === "function" || s.type === "class" || s.type === "raise" || s.type === "delete" ? [] : ownExpressions(s);
}

/** All sites of a module body, in source order. `text` lets bodies without the `words` (by default training's)
 *  stay unlowered. */
export function findCodeSites(body: Statement[], text: string, words: RegExp = TRAINING_WORDS): CodeSite[] {
  const sites: CodeSite[] = [];
  // Most files in a package are model code with no training words: one scan of the text skips them.
  // A script whose only training word is a loader's name (`src_data_loader = get_data_loader(...)`, its loops in another
  // file) is read too, and so is a TensorFlow 1.x script whose only training word is its optimizer's minimize() or an
  // agent's learn(); those two are tested on the whole file only, as reading every function that names them costs each
  // keystroke in large files. A loader's name is also tested per function (below): a function binding one is rare
  // outside training code, and its loader is the run's data.
  if (!words.test(text) && !(words === TRAINING_WORDS && (LOADER_NAME.test(text) || SESSION_TRAINING.test(text) || AGENT_LEARNING.test(text) || OWN_TRAIN_CALL.test(text) || ENVIRONMENT_STEP.test(text)))) return sites;
  // A function that binds a loader by name (`train_loader = make_data_loader(cfg)`, then `do_train(model,
  // train_loader, ...)` of another file) is read as well: its loader is the run's, though it names no training word.
  const own = (def: FunctionDefinition) => {
    const body = text.slice(def.pos.startIndex, def.pos.endIndex);
    return words.test(body) || (words === TRAINING_WORDS && (LOADER_NAME.test(body) || (ENVIRONMENT_STEP.test(body) && AGENT_UPDATE.test(body))));
  };
  // A module function without those words may still drive training through one that has them (`def main(): for e in
  // range(1, 16): train_and_test(e)`): it is read too when it calls such a function by name, up to two levels up.
  const driving = drivingFunctions(body, text, own);
  const reads = (def: FunctionDefinition) => own(def) || driving.has(def);
  // A helper the training code calls to load its model in a 16-bit dtype (model-loading-functions.ts).
  const loading = words === TRAINING_WORDS ? modelLoadingFunctions(body, text, reads) : new Set<FunctionDefinition>();
  const mayTrain = (def: FunctionDefinition) => reads(def) || loading.has(def);

  type Conditions = NonNullable<SiteContext["conditions"]>;
  const rebound = reboundSettings(body);
  const nestedIn = new Map<FunctionDefinition, FunctionDefinition[]>();
  const visitBlock = (block: Statement[], fn: FunctionDefinition | undefined, outer: Statement[], moduleTop: boolean, conditions: Conditions = [], keyed?: Extract<Statement, { type: "for" }>) => {
    block.forEach((s, i) => {
      // At module level the namespace holds each name's last value; a setting bound again later (a notebook's
      // `epochs = 100` before one loop, `epochs = 1000` before the next) is read as bound where the site runs.
      const before = moduleTop ? (rebound.size > 0 ? block.slice(0, i).filter((b) => rebound.has(b)) : []) : [...outer, ...block.slice(0, i)];
      const enclosing = fn ? nestedIn.get(fn) : undefined;
      const context: SiteContext = { fn, before, ...(conditions.length > 0 ? { conditions } : {}), ...(enclosing ? { enclosing } : {}) };
      const assignedTo = s.type === "assign" ? s.targets.flatMap(targetNames) : s.type === "annotated" ? targetNames(s.target) : [];
      const direct = s.type === "assign" || s.type === "annotated" ? s.value : undefined;
      const attributes = s.type === "assign" ? s.targets.flatMap(targetAttributes) : [];
      for (const expression of ownStatementExpressions(s)) {
        // Pre-order: a comprehension is met before the calls inside it.
        const comprehensions: Expression[] = [];
        forEachExpression(expression, (node) => {
          if (node.type === "comprehension") comprehensions.push(node);
          if (node.type === "call") {
            // A callee that a call returns (`eval('datasets.' + name)(...)`, `getattr(datasets, name)(...)`) or that a
            // mapping gives by key (a module's namespace, `datasets.__dict__[name](...)`; a registry of classes or
            // factories, `TRAIN_DATASETS[args.dataset]()`) has no dotted name: "()" marks it, for rules that work the
            // callee out (a dataset class).
            const callee = attributeChain(node.func) || (node.func.type === "call" || node.func.type === "subscript" ? "()" : "");
            const inComprehension = comprehensions.some((c) => c.pos.startIndex <= node.pos.startIndex && node.pos.endIndex <= c.pos.endIndex);
            if (callee) sites.push({ kind: "call", call: node, callee, context, assignedTo: node === direct ? assignedTo : [], ...(node === direct && attributes.length > 0 ? { assignedAttributes: attributes } : {}), ...(inComprehension ? { inComprehension } : {}) });
          } else if (node.type === "dict" && !isCheckpointRecord(node)) {
            // A config dict: {"epochs": 10, "batch_size": 64}; a key the block stores again later (`cfg["batch_size"]
            // = 4`) holds that value when the run reads it (overwritten-dict-keys.ts).
            const bound = node === direct && assignedTo.length === 1 && s.type === "assign" && s.targets[0].type === "name" ? assignedTo[0] : undefined;
            const overwritten = bound ? overwrittenDictKeys(block, i, bound) : undefined;
            for (const item of node.items) {
              if (!("key" in item) || item.key.type !== "str" || !item.key.value) continue;
              const later = overwritten?.get(item.key.value);
              const laterContext: SiteContext | undefined = later ? { ...context, before: moduleTop ? context.before : [...outer, ...block.slice(0, later.at)] } : undefined;
              sites.push(later && laterContext ? { kind: "constant", name: item.key.value, value: later.value, line: later.value.pos.line, context: laterContext } : { kind: "constant", name: item.key.value, value: item.value, line: item.key.pos.line, context });
            }
          }
        });
      }
      if ((s.type === "assign" || s.type === "annotated") && s.value) {
        for (const name of assignedTo) sites.push({ kind: "constant", name, value: s.value, line: s.pos.line, context });
      }
      const inner = before;
      switch (s.type) {
        case "for":
          for (const variable of loopTargetNames(s.target)) sites.push({ kind: "loop", loop: s, variable, context });
          visitBlock(s.body, fn, inner, false, conditions, s);
          visitBlock(s.orelse, fn, inner, false, conditions);
          break;
        case "while":
          sites.push({ kind: "while", loop: s, context });
          visitBlock(s.body, fn, inner, false, conditions);
          visitBlock(s.orelse, fn, inner, false, conditions);
          break;
        case "if":
          // `for phase, opt in cfg.items(): if phase == "train":` binds the loop to the "train" item inside the branch.
          visitBlock(s.body, fn, [...inner, ...(keyed ? keyedItemBindings(keyed, s.test) : [])], false, [...conditions, { test: s.test, holds: true }]);
          visitBlock(s.orelse, fn, inner, false, [...conditions, { test: s.test, holds: false }]);
          break;
        case "with":
          // Inside the block, `as f` holds what the context manager's __enter__ gives (PEP 343): for the slice.
          visitBlock(s.body, fn, moduleTop ? inner : [...inner, ...withBindings(s)], false, conditions);
          break;
        case "try":
          visitBlock(s.body, fn, inner, false, conditions);
          for (const h of s.handlers) visitBlock(h.body, fn, inner, false, conditions);
          visitBlock(s.orelse, fn, inner, false, conditions);
          visitBlock(s.finalbody, fn, inner, false, conditions);
          break;
        case "function":
          // A function defined inside another reads that one's names as they stand where it is defined (a closure).
          if (fn) nestedIn.set(s, [...(nestedIn.get(fn) ?? []), fn]);
          if (mayTrain(s)) visitBlock(s.body, s, fn ? before : [], false);
          break;
        case "class":
          for (const member of s.body) if (member.type === "function" && mayTrain(member)) visitBlock(member.body, member, [], false);
          break;
      }
    });
  };
  visitBlock(body, undefined, [], true);
  return sites;
}

/** Builtins a setting's value may call and still be a plain value (`int(1e4)`, `len(x_train) // 32`), `range` among
 *  them: a notebook's plot after a fit rebinds its epochs setting as `epochs = range(1, len(acc) + 1)`, and the fit
 *  before it must read the count bound where it runs. */
const PLAIN_CALLS = new Set(["int", "float", "round", "len", "min", "max", "abs", "range"]);

/** Whether an expression is a plain value: literals, names and arithmetic, no call but PLAIN_CALLS. */
function plainValue(e: Expression): boolean {
  let plain = true;
  forEachExpression(e, (node) => {
    if (node.type === "call" && !(node.func.type === "name" && PLAIN_CALLS.has(node.func.id))) plain = false;
    if (node.type === "lambda" || node.type === "comprehension") plain = false;
  });
  return plain;
}

/**
 * Module-level assignments of names the module binds more than once, every time to a plain value (`epochs = 100`,
 * later `epochs = 1000`): the settings a site must read as bound where it runs. Names ever bound to anything else
 * (a model, a loader) are left to the namespace, so no site builds them again.
 */
function reboundSettings(body: Statement[]): Set<Statement> {
  const bindings = new Map<string, Statement[]>();
  const other = new Set<string>();
  for (const s of body) {
    const target = s.type === "assign" && s.targets.length === 1 ? s.targets[0] : s.type === "annotated" || s.type === "augmented" ? s.target : undefined;
    const value = s.type === "assign" || s.type === "augmented" ? s.value : s.type === "annotated" ? s.value : undefined;
    if (s.type === "assign" && s.targets.length !== 1) for (const t of s.targets.flatMap(targetNames)) other.add(t);
    if (!target || target.type !== "name") {
      if (target) for (const t of targetNames(target)) other.add(t);
      continue;
    }
    if (!value || !plainValue(value)) other.add(target.id);
    bindings.set(target.id, [...(bindings.get(target.id) ?? []), s]);
  }
  const chosen = new Set<Statement>();
  // A setting a module-level loop binds as its target (`epoch = 400`, `for epoch in range(epoch):`) is bound again too.
  const looped = moduleLoopTargets(body);
  for (const [name, statements] of bindings) if ((statements.length > 1 || looped.has(name)) && !other.has(name)) for (const s of statements) chosen.add(s);
  return chosen;
}

/** Module-level functions without training words that call, by name, a module-level function with them, or one such
 *  caller (two levels). */
function drivingFunctions(body: Statement[], text: string, own: (def: FunctionDefinition) => boolean): Set<FunctionDefinition> {
  const functions = body.filter((s): s is FunctionDefinition => s.type === "function");
  const training = new Set(functions.filter(own).map((f) => f.name));
  const driving = new Set<FunctionDefinition>();
  for (let level = 0; level < 2 && training.size > 0; level++) {
    const called = new RegExp(`\\b(${[...training].map((n) => n.replace(/\W/g, "")).join("|")})\\s*\\(`);
    const found = functions.filter((f) => !training.has(f.name) && !driving.has(f) && called.test(text.slice(f.pos.startIndex, f.pos.endIndex)));
    for (const f of found) driving.add(f);
    training.clear();
    for (const f of found) training.add(f.name);
  }
  // A method calls a sibling on its own object (`while it <= limit: self._train_phase()`): Python looks the name up on
  // the instance's class, so that class's method drives the sibling's training.
  for (const cls of body) if (cls.type === "class") for (const m of drivingMethods(cls.body, own)) driving.add(m);
  return driving;
}

/** The methods of a class body that call, on their own object and up to two levels up, a method that trains. */
function drivingMethods(classBody: Statement[], own: (def: FunctionDefinition) => boolean): FunctionDefinition[] {
  const methods = classBody.filter((s): s is FunctionDefinition => s.type === "function" && s.params.length > 0);
  let training = methods.filter(own);
  const driving: FunctionDefinition[] = [];
  for (let level = 0; level < 2 && training.length > 0; level++) {
    const names = training.map((m) => m.name);
    const found = methods.filter((m) => !own(m) && !driving.includes(m) && callsInBody(m.body).some((c) => isMethodCall(c, m.params[0].name, names)));
    driving.push(...found);
    training = found;
  }
  return driving;
}

