// Where a file generates text and with what: transformers' `model.generate(...)`, a hand-written sampling loop
// (nanoGPT, minGPT, gpt-fast style: a `for` over range(n) that samples with multinomial/argmax and appends with
// torch.cat), or a `# greenlight: generate prompt=512 new=256` pragma. Values are read from the code where it
// states them, else left for the caller's defaults, and each says where it came from.
import type { Interpreter } from "../interp/interpreter";
import type { ModuleNamespaceValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { parsePragma } from "../pragma/grammar";
import { calleeName, callsInBody, keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";
import { findCodeSites, type CodeSite } from "../training/code-sites";
import { evaluateAtSite } from "../training/evaluate-site";

/** One figure of a generation and where it was read. */
export interface GenerationFigure {
  value: number;
  /** "code" (a literal or a value worked out at the call), "pragma", or "default" (the caller's choice). */
  source: "code" | "pragma" | "default";
  line?: number;
}

/** How a file generates: the call or loop, and the figures it states. */
export interface GenerationPlan {
  /** `generate` call, a sampling loop's function, or "pragma". */
  kind: "generate" | "loop" | "pragma";
  line: number;
  /** In one notebook cell's view (cell-view.ts): the cell, counted from 1, that holds the generation when it is
   *  another cell (its figures still hold for the notebook's models; its lens belongs to that cell). */
  otherCell?: number;
  /** Tokens generated per sequence (max_new_tokens, the loop's range). */
  newTokens?: GenerationFigure;
  /** Prompt tokens per sequence. */
  promptTokens?: GenerationFigure;
  /** Prompts run together. */
  batch?: GenerationFigure;
  /** Beam search width (num_beams): sequences kept per prompt. */
  beams?: GenerationFigure;
}

const WORDS = /generate|multinomial|argmax|greenlight:\s*generate/;
const SAMPLERS = /(^|\.)(multinomial|argmax|sample|topk|top_k_top_p_filtering)$/;

/** The figures of a `# greenlight: generate prompt=512 new=256 batch=4 beams=2` comment; throws on a bad one. */
export function parseGeneratePragma(comment: string, line: number): GenerationPlan | undefined {
  const pragma = parsePragma(comment);
  if (!pragma?.generate) return undefined;
  const plan: GenerationPlan = { kind: "pragma", line };
  const settings = [...pragma.settings].map(([key, value]) => `${key}=${value}`).concat(pragma.unknown);
  for (const setting of settings) {
    const kv = /^(prompt|new|batch|beams)=(\d+)$/.exec(setting);
    if (!kv || Number(kv[2]) <= 0) throw new Error(`bad generate setting '${setting}': use prompt=N new=N batch=N beams=N with positive whole numbers`);
    const figure: GenerationFigure = { value: Number(kv[2]), source: "pragma", line };
    if (kv[1] === "prompt") plan.promptTokens = figure;
    else if (kv[1] === "new") plan.newTokens = figure;
    else if (kv[1] === "batch") plan.batch = figure;
    else plan.beams = figure;
  }
  return plan;
}

/** The last segment of a call's callee ("cat" of torch.cat), or "". */
function calleeLast(call: CallExpression): string {
  return calleeName(call) ?? "";
}

/** A function holding a sampling loop, and which of its parameters the loop's range reads. */
interface SamplingFunction {
  name: string;
  def: FunctionDefinition;
  /** Index among the call's arguments (self excluded for methods) and name of the loop-count parameter. */
  countParameter?: { index: number; name: string };
  /** The parameter holding the token sequence the loop appends to (`idx = torch.cat((idx, idx_next), dim=1)`). */
  promptParameter?: { index: number; name: string };
  loopLine: number;
}

/** The variable a loop grows with torch.cat: `x = torch.cat((x, y), ...)` or `x = torch.cat([x, y], ...)`. */
function appendedSequence(body: Statement[]): string | undefined {
  let found: string | undefined;
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (s.type === "assign" && s.targets.length === 1 && s.targets[0].type === "name" && s.value.type === "call" && calleeLast(s.value) === "cat") {
        const first = s.value.args[0];
        const items = first && (first.value.type === "tuple" || first.value.type === "list") ? first.value.items : [];
        const name = s.targets[0].id;
        if (items.some((i) => i.type === "name" && i.id === name)) found ??= name;
      }
      for (const inner of nestedBodies(s)) visit(inner);
    }
  };
  visit(body);
  return found;
}

/** Functions whose body has a `for ... in range(n)` loop that samples a token and concatenates it. */
function samplingFunctions(body: Statement[]): SamplingFunction[] {
  const out: SamplingFunction[] = [];
  const visitFunction = (def: FunctionDefinition, isMethod: boolean) => {
    const loops: Extract<Statement, { type: "for" }>[] = [];
    const collect = (block: Statement[]) => {
      for (const s of block) {
        if (s.type === "for") loops.push(s);
        for (const inner of nestedBodies(s)) collect(inner);
      }
    };
    collect(def.body);
    for (const loop of loops) {
      const names: string[] = [];
      for (const c of callsInBody(loop.body)) names.push(calleeLast(c));
      if (!names.some((n) => SAMPLERS.test(n)) || !names.includes("cat")) continue;
      if (loop.iter.type !== "call" || calleeLast(loop.iter) !== "range" || loop.iter.args.length === 0) continue;
      const count = loop.iter.args[loop.iter.args.length - 1].value;
      const params = def.params.filter((p) => p.kind === "normal").slice(isMethod ? 1 : 0);
      const parameter = (name: string | undefined) => {
        const index = name === undefined ? -1 : params.findIndex((p) => p.name === name);
        return index >= 0 ? { index, name: params[index].name } : undefined;
      };
      out.push({
        name: def.name,
        def,
        loopLine: loop.pos.line,
        countParameter: parameter(count.type === "name" ? count.id : undefined),
        promptParameter: parameter(appendedSequence(loop.body)),
      });
      break;
    }
  };
  for (const s of body) {
    if (s.type === "function") visitFunction(s, false);
    if (s.type === "class") for (const m of s.body) if (m.type === "function") visitFunction(m, true);
  }
  return out;
}

function nestedBodies(s: Statement): Statement[][] {
  switch (s.type) {
    case "if": case "for": case "while": return [s.body, s.orelse];
    case "with": return [s.body];
    case "try": return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody];
    default: return [];
  }
}



/** Reads every generation the file runs; pragmas first, then `generate` calls and sampling-loop calls. */
export function discoverGenerations(input: {
  interpreter: Interpreter;
  namespace: ModuleNamespaceValue;
  body: Statement[];
  text: string;
  file: string;
  comments: Map<number, string>;
  now?: () => number;
}): { plans: GenerationPlan[]; notes: string[] } {
  const notes: string[] = [];
  const plans: GenerationPlan[] = [];
  for (const [line, comment] of input.comments) {
    try {
      const plan = parseGeneratePragma(comment, line);
      if (plan) plans.push(plan);
    } catch (err) {
      notes.push(`line ${line}: ${(err as Error).message}`);
    }
  }
  if (!WORDS.test(input.text)) return { plans, notes };
  const now = input.now ?? (() => Date.now());
  const loops = samplingFunctions(input.body);
  const byName = new Map(loops.map((l) => [l.name, l]));
  const evaluate = (site: CodeSite, e: Expression | undefined): Value | undefined =>
    e ? evaluateAtSite(input.interpreter, input.namespace.scope, input.file, site.context, [e], now)[0] : undefined;
  const intFigure = (v: Value | undefined, line: number): GenerationFigure | undefined =>
    v?.kind === "int" && v.value > 0 ? { value: v.value, source: "code", line } : undefined;
  const promptFigures = (v: Value | undefined, line: number): Pick<GenerationPlan, "promptTokens" | "batch"> => {
    // An empty prompt (a stand-in tokenizer's `encode` giving no ids) says nothing of the prompt's length.
    if (v?.kind !== "tensor" || v.shape.length < 1 || !v.shape.every((d) => Number.isInteger(d) && d > 0)) return {};
    const shape = v.shape;
    return shape.length >= 2
      ? { batch: { value: shape[0], source: "code", line }, promptTokens: { value: shape[shape.length - 1], source: "code", line } }
      : { promptTokens: { value: shape[0], source: "code", line } };
  };
  for (const site of findCodeSites(input.body, input.text, WORDS)) {
    if (site.kind !== "call") continue;
    const call = site.call;
    const name = calleeLast(call);
    const line = call.pos.line;
    const loop = byName.get(name);
    if (name === "generate" && !loop) {
      // transformers: generate(input_ids, max_new_tokens=..., num_beams=...); max_length counts the prompt too.
      const prompt = evaluate(site, keywordArgument(call, "input_ids") ?? keywordArgument(call, "inputs") ?? positionalArgument(call, 0));
      const figures = promptFigures(prompt, line);
      let newTokens = intFigure(evaluate(site, keywordArgument(call, "max_new_tokens")), line);
      const maxLength = intFigure(evaluate(site, keywordArgument(call, "max_length")), line);
      if (!newTokens && maxLength && figures.promptTokens && maxLength.value > figures.promptTokens.value) newTokens = { ...maxLength, value: maxLength.value - figures.promptTokens.value };
      const beams = intFigure(evaluate(site, keywordArgument(call, "num_beams")), line);
      plans.push({ kind: "generate", line, newTokens, beams, ...figures });
    } else if (loop) {
      // A call of a sampling-loop function or method (nanoGPT's model.generate(x, max_new_tokens)).
      const count = loop.countParameter;
      const countArg = count ? (keywordArgument(call, count.name) ?? positionalArgument(call, count.index)) : undefined;
      const prompt = loop.promptParameter;
      const promptArg = prompt ? (keywordArgument(call, prompt.name) ?? positionalArgument(call, prompt.index)) : undefined;
      const figures = promptFigures(evaluate(site, promptArg), line);
      plans.push({ kind: "loop", line, newTokens: intFigure(evaluate(site, countArg), line), ...figures });
    }
  }
  // A sampling loop that no call in this file runs still says the file generates.
  if (!plans.some((p) => p.kind !== "pragma")) for (const loop of loops) if (!loop.countParameter) plans.push({ kind: "loop", line: loop.loopLine });
  return { plans, notes };
}

/** Tokens generated when neither the code nor a pragma says (transformers' GenerationConfig max_length is 20 in
 *  all; a round figure of a chat reply is more useful, and it is labelled a default). */
export const DEFAULT_NEW_TOKENS = 256;

/** A generation's figures with their sources, the code's first, then the model's analyzed input, then defaults. */
export interface ResolvedGeneration {
  plan: GenerationPlan;
  promptTokens: GenerationFigure;
  newTokens: GenerationFigure;
  batch: GenerationFigure;
  beams: GenerationFigure;
}

/** Fills what the plan leaves open: prompt and batch from the analyzed input [batch, tokens], one beam, 256 tokens. */
export function resolveGeneration(plan: GenerationPlan, input: number[] | undefined): ResolvedGeneration {
  const [batch, tokens] = input && input.length === 2 && input.every((d) => Number.isInteger(d) && d > 0) ? input : [1, 1];
  return {
    plan,
    promptTokens: plan.promptTokens ?? { value: tokens, source: "default" },
    newTokens: plan.newTokens ?? { value: DEFAULT_NEW_TOKENS, source: "default" },
    batch: plan.batch ?? { value: batch, source: "default" },
    beams: plan.beams ?? { value: 1, source: "default" },
  };
}
