// How the file runs its model, as far as memory cares, read from the syntax: the optimizer it builds, whether it
// trains (a .backward() call), the dtype it casts the weights to, and autocast. Each with its line.
import type { Expression, Statement } from "../python/ast";
import { attributeChain, callsAnywhere, keywordArgument } from "../python/syntax-walk";
import type { OptimizerKind, WeightFormat } from "./memory-estimate";

/** What the code says about how a model runs. */
export interface RunSetup {
  optimizer?: { kind: OptimizerKind; line: number; name: string };
  /** A `.backward()` call: the file trains. */
  trains?: { line: number };
  /** `.half()`, `.bfloat16()`, `.to(torch.bfloat16)`, `torch_dtype=`/`dtype=` at load. */
  weights?: { format: WeightFormat; line: number };
  /** torch.autocast / torch.cuda.amp.autocast: the math precision under mixed precision. */
  autocast?: { precision: "bf16" | "fp16"; line: number };
}

type Call = Extract<Expression, { type: "call" }>;


const DTYPES: Record<string, WeightFormat> = { bfloat16: "bf16", float16: "fp16", half: "fp16", float32: "fp32", float: "fp32" };

/** The float format a dtype expression names (`torch.bfloat16`, `"bfloat16"`), if any. */
function formatOf(e: Expression | undefined): WeightFormat | undefined {
  if (!e) return undefined;
  if (e.type === "str") return e.value === null ? undefined : DTYPES[e.value];
  const name = attributeChain(e).split(".").pop() ?? "";
  return DTYPES[name];
}

/** Optimizer classes by name: torch.optim, bitsandbytes' 8-bit ones, transformers' Adafactor. */
function optimizerOf(call: Call): OptimizerKind | undefined {
  const name = attributeChain(call.func).split(".").pop() ?? "";
  if (/^(Paged)?AdamW8bit$/.test(name)) return "adamw-8bit";
  if (/^(Paged)?Adam8bit$/.test(name)) return "adam-8bit";
  if (/^(AdamW|FusedAdam)$/.test(name)) return "adamw";
  if (name === "Adam") return "adam";
  if (name === "Adafactor") return "adafactor";
  if (name === "SGD") {
    const momentum = keywordArgument(call, "momentum");
    return momentum && !(momentum.type === "int" && momentum.value === 0) && !(momentum.type === "float" && momentum.value === 0) ? "sgd-momentum" : "sgd";
  }
  return undefined;
}

/** Reads the run setup from a file's statements (all bodies, nested ones too). */
export function readRunSetup(body: Statement[]): RunSetup {
  const setup: RunSetup = {};
  for (const call of callsAnywhere(body)) {
    const line = call.pos.line;
    const callee = attributeChain(call.func);
    const last = callee.split(".").pop() ?? "";
    const optimizer = optimizerOf(call);
    if (optimizer && !setup.optimizer) setup.optimizer = { kind: optimizer, line, name: last };
    if (last === "backward" && !setup.trains) setup.trains = { line };
    if (!setup.weights) {
      if (last === "half") setup.weights = { format: "fp16", line };
      else if (last === "bfloat16") setup.weights = { format: "bf16", line };
      else if (last === "to") {
        const format = formatOf(keywordArgument(call, "dtype")) ?? call.args.filter((a) => a.kind === "positional").map((a) => formatOf(a.value)).find((f) => f);
        if (format && format !== "fp32") setup.weights = { format, line };
      } else if (last === "from_pretrained") {
        const format = formatOf(keywordArgument(call, "torch_dtype") ?? keywordArgument(call, "dtype"));
        if (format && format !== "fp32") setup.weights = { format, line };
      }
    }
    if (last === "autocast" && !setup.autocast) {
      const format = formatOf(keywordArgument(call, "dtype"));
      // torch.cuda.amp.autocast and torch.autocast("cuda") default to float16.
      setup.autocast = { precision: format === "bf16" ? "bf16" : "fp16", line };
    }
  }
  return setup;
}
