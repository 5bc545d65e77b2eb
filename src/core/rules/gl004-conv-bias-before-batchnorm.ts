import type { Expression } from "../python/ast";
import type { PythonFile } from "./python-file";
import { isKerasName } from "./keras-models";
import { ruleHelpUri, type RawFinding, type Rule, type RuleContext } from "./rule-context";
import { calleeName, forEachExpression, ownExpressions, type CallExpression } from "../python/syntax-walk";
import type { Fix } from "./types";

const definition = {
  id: "GL004" as const,
  title: "Convolution bias followed by BatchNorm",
  defaultSeverity: "information" as const,
  rationale:
    "BatchNorm subtracts the per-channel mean right after the convolution, which cancels any constant the convolution adds: " +
    "its bias is trained, stored and added for nothing. bias=False (Keras: use_bias=False) drops it; the model computes the " +
    "same function. A checkpoint saved with the bias no longer loads strictly.",
  fixKinds: ["bias-false"],
  helpUri: ruleHelpUri("GL004"),
};

/** GL004: a convolution with a bias whose output goes straight into BatchNorm. */
export const gl004ConvBiasBeforeBatchNorm: Rule = { definition, check };

const TORCH_CONV = /^(Conv[123]d|ConvTranspose[123]d)$/;
const TORCH_NORM = /^BatchNorm[123]d$/;
const KERAS_CONV = /^(Conv[123]D|Conv[123]DTranspose|DepthwiseConv[12]D|SeparableConv[12]D)$/;
/** Positional index of `bias` in nn.ConvNd(in, out, kernel, stride, padding, dilation, groups, bias). */
const TORCH_BIAS_POSITION = 7;

interface ConvCall {
  call: CallExpression;
  keras: boolean;
}

function check(context: RuleContext): RawFinding[] {
  const { file } = context;
  const convs = new Map<number, ConvCall>();
  for (const c of adjacentInSequences(file)) convs.set(c.call.pos.startIndex, c);
  for (const c of followedInForward(context)) if (!convs.has(c.call.pos.startIndex)) convs.set(c.call.pos.startIndex, c);
  const findings: RawFinding[] = [];
  for (const { call, keras } of [...convs.values()].sort((a, b) => a.call.pos.startIndex - b.call.pos.startIndex)) {
    const keyword = keras ? "use_bias" : "bias";
    const bias = call.args.find((a) => a.kind === "keyword" && a.name === keyword)?.value ?? (keras ? undefined : positional(call, TORCH_BIAS_POSITION));
    if (bias && !(bias.type === "constant" && bias.value === "True")) continue; // bias=False already, or not a literal
    if (call.args.some((a) => a.kind === "doublestar")) continue; // **kwargs may hold the bias
    const fixes: Fix[] = [];
    const { source } = file;
    if (bias) {
      fixes.push({ kind: "bias-false", title: `Set ${keyword}=False`, edits: [{ file: file.path, range: source.range(bias.pos.startIndex, bias.pos.endIndex), newText: "False" }] });
    } else {
      const lastArg = call.args[call.args.length - 1];
      const at = lastArg ? lastArg.value.pos.endIndex : file.text(call.pos).indexOf("(", file.text(call.func.pos).length) + call.pos.startIndex + 1;
      fixes.push({ kind: "bias-false", title: `Add ${keyword}=False`, edits: [{ file: file.path, range: source.range(at, at), newText: `${lastArg ? ", " : ""}${keyword}=False` }] });
    }
    findings.push({
      rule: "GL004",
      pos: call.pos,
      message: `This ${calleeName(call)} feeds a BatchNorm, which cancels its bias: ${keyword}=False saves those parameters and the add.`,
      fixes,
    });
  }
  return findings;
}

function positional(call: CallExpression, index: number): Expression | undefined {
  return call.args.filter((a) => a.kind === "positional")[index]?.value;
}

function kind(file: PythonFile, e: Expression): "conv" | "norm" | "other" {
  if (e.type !== "call") return "other";
  const q = file.qualify(e.func) ?? "";
  const name = calleeName(e) ?? "";
  if (isKerasName(q) || /^(layers|keras)\./.test(q)) {
    if (KERAS_CONV.test(name)) return "conv";
    if (name === "BatchNormalization") return "norm";
    return "other";
  }
  if (TORCH_CONV.test(name)) return "conv";
  if (TORCH_NORM.test(name)) return "norm";
  return "other";
}

/** `nn.Sequential(conv, bn)`, `[conv, bn, relu]`, `keras.Sequential([Conv2D(...), BatchNormalization()])`. */
function adjacentInSequences(file: PythonFile): ConvCall[] {
  const out: ConvCall[] = [];
  const visit = (items: Expression[]) => {
    for (let i = 0; i + 1 < items.length; i++) {
      if (kind(file, items[i]) === "conv" && kind(file, items[i + 1]) === "norm") {
        const call = items[i] as CallExpression;
        out.push({ call, keras: isKerasCall(file, call) });
      }
    }
  };
  for (const place of file.places) {
    for (const e of ownExpressions(place.statement)) {
      forEachExpression(e, (x) => {
        if (x.type === "list" || x.type === "tuple") visit(x.items);
        else if (x.type === "call" && calleeName(x) === "Sequential") visit(x.args.filter((a) => a.kind === "positional").map((a) => a.value));
      });
    }
  }
  return out;
}

function isKerasCall(file: PythonFile, call: CallExpression): boolean {
  return KERAS_CONV.test(calleeName(call) ?? "");
}

/** Convolutions whose every forward call is followed directly by a batch norm op (the analyzer's op order). */
function followedInForward(context: RuleContext): ConvCall[] {
  const { file } = context;
  const out: ConvCall[] = [];
  const bySite = new Map<string, { followed: boolean; line: number; type: string }>();
  for (const model of context.analysis?.models ?? []) {
    const layers = new Map(model.layers.map((l) => [l.path, l]));
    const ops = model.ops;
    for (let i = 0; i < ops.length; i++) {
      const layer = layers.get(ops[i].modulePath);
      if (!layer || !TORCH_CONV.test(layer.type) || ops[i].op !== "aten.convolution" || layer.file !== file.path) continue;
      const next = ops[i + 1];
      const nextLayer = next ? layers.get(next.modulePath) : undefined;
      const followed = !!next && /batch_norm/.test(next.op) && !!nextLayer && TORCH_NORM.test(nextLayer.type);
      const key = `${layer.line}:${layer.type}`;
      const seen = bySite.get(key);
      // One constructor line may build many convolutions (a helper, a loop): all of them must feed a BatchNorm.
      bySite.set(key, { followed: (seen?.followed ?? true) && followed, line: layer.line, type: layer.type });
    }
  }
  for (const { followed, line, type } of bySite.values()) {
    if (!followed) continue;
    const call = file.calls.find(({ call: c }) => c.pos.line === line && calleeName(c) === type)?.call;
    if (call) out.push({ call, keras: false });
  }
  return out;
}
