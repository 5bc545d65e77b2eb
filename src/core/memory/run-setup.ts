// How the file runs its model, as far as memory cares, read from the syntax: the optimizer it builds, whether it
// trains (a .backward() call), the dtype it casts the weights to, and autocast. Each with its line.
import type { Expression, Statement } from "../python/ast";
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

function dotted(e: Expression): string {
  if (e.type === "name") return e.id;
  if (e.type === "attribute") {
    const left = dotted(e.object);
    return left ? `${left}.${e.name}` : e.name;
  }
  return "";
}

function calls(e: unknown, visit: (call: Call) => void): void {
  if (!e || typeof e !== "object") return;
  if (Array.isArray(e)) return e.forEach((x) => calls(x, visit));
  const node = e as Record<string, unknown>;
  if (node.type === "call" && node.pos) visit(node as unknown as Call);
  for (const [key, value] of Object.entries(node)) if (key !== "pos" && value && typeof value === "object") calls(value, visit);
}

function keyword(call: Call, name: string): Expression | undefined {
  for (const a of call.args) if (a.kind === "keyword" && a.name === name) return a.value;
  return undefined;
}

const DTYPES: Record<string, WeightFormat> = { bfloat16: "bf16", float16: "fp16", half: "fp16", float32: "fp32", float: "fp32" };

/** The float format a dtype expression names (`torch.bfloat16`, `"bfloat16"`), if any. */
function formatOf(e: Expression | undefined): WeightFormat | undefined {
  if (!e) return undefined;
  if (e.type === "str") return e.value === null ? undefined : DTYPES[e.value];
  const name = dotted(e).split(".").pop() ?? "";
  return DTYPES[name];
}

/** Optimizer classes by name: torch.optim, bitsandbytes' 8-bit ones, transformers' Adafactor. */
function optimizerOf(call: Call): OptimizerKind | undefined {
  const name = dotted(call.func).split(".").pop() ?? "";
  if (/^(Paged)?AdamW8bit$/.test(name)) return "adamw-8bit";
  if (/^(Paged)?Adam8bit$/.test(name)) return "adam-8bit";
  if (/^(AdamW|FusedAdam)$/.test(name)) return "adamw";
  if (name === "Adam") return "adam";
  if (name === "Adafactor") return "adafactor";
  if (name === "SGD") {
    const momentum = keyword(call, "momentum");
    return momentum && !(momentum.type === "int" && momentum.value === 0) && !(momentum.type === "float" && momentum.value === 0) ? "sgd-momentum" : "sgd";
  }
  return undefined;
}

/** Reads the run setup from a file's statements (all bodies, nested ones too). */
export function readRunSetup(body: Statement[]): RunSetup {
  const setup: RunSetup = {};
  calls(body, (call) => {
    const line = call.pos.line;
    const callee = dotted(call.func);
    const last = callee.split(".").pop() ?? "";
    const optimizer = optimizerOf(call);
    if (optimizer && !setup.optimizer) setup.optimizer = { kind: optimizer, line, name: last };
    if (last === "backward" && !setup.trains) setup.trains = { line };
    if (!setup.weights) {
      if (last === "half") setup.weights = { format: "fp16", line };
      else if (last === "bfloat16") setup.weights = { format: "bf16", line };
      else if (last === "to") {
        const format = formatOf(keyword(call, "dtype")) ?? call.args.filter((a) => a.kind === "positional").map((a) => formatOf(a.value)).find((f) => f);
        if (format && format !== "fp32") setup.weights = { format, line };
      } else if (last === "from_pretrained") {
        const format = formatOf(keyword(call, "torch_dtype") ?? keyword(call, "dtype"));
        if (format && format !== "fp32") setup.weights = { format, line };
      }
    }
    if (last === "autocast" && !setup.autocast) {
      const format = formatOf(keyword(call, "dtype"));
      // torch.cuda.amp.autocast and torch.autocast("cuda") default to float16.
      setup.autocast = { precision: format === "bf16" ? "bf16" : "fp16", line };
    }
  });
  return setup;
}
