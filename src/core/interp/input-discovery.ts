import type { Expression, ModuleSyntax, Statement } from "../python/ast";
import type { InputSpec } from "../report/model-report";
import type { InstanceValue, Value } from "./values";
import { namedModules } from "../torch/module-base";

/** Parses `1x3x224x224` or `1x1024:int64` into an input spec; throws on a malformed shape. */
export function parseShape(text: string): InputSpec {
  const [dimsText, dtypeText] = text.trim().split(":");
  const dims = dimsText.split(/[x×,]/).map((d) => d.trim());
  if (dims.length === 0 || dims.some((d) => !/^\d+$/.test(d) || Number(d) <= 0)) {
    throw new Error(`bad shape '${text}': expected positive dims joined by x, e.g. 1x3x224x224 or 1x1024:int64`);
  }
  const dtype = dtypeText === undefined || dtypeText === "" || dtypeText === "float32" ? "float32" : dtypeText === "int64" || dtypeText === "long" ? "int64" : null;
  if (!dtype) throw new Error(`bad dtype '${dtypeText}' in shape '${text}': use float32 or int64`);
  return { shape: dims.map(Number), dtype };
}

const PRAGMA = /#\s*greenlight:\s*input\s*=\s*([0-9x×:a-z0-9_, ;]+)/i;

/** Inputs from a `# greenlight: input=...` comment on the lines just above a definition (or on its line). */
export function pragmaInputs(comments: Map<number, string> | undefined, line: number): InputSpec[] | undefined {
  if (!comments) return undefined;
  for (let l = line; l >= Math.max(1, line - 4); l--) {
    const c = comments.get(l);
    if (!c) {
      if (l < line) {
        // decorators and blank lines may sit between; stop at two consecutive non-comment lines
        if (!comments.get(l - 1)) break;
      }
      continue;
    }
    const m = PRAGMA.exec(c);
    if (m) return m[1].split(/[;,]\s*(?=\d)/).map((s) => parseShape(s.trim()));
  }
  return undefined;
}

const TENSOR_FACTORIES = new Set(["randn", "rand", "zeros", "ones", "empty", "randint"]);

function literalInts(e: Expression): number[] | undefined {
  if (e.type === "int") return [e.value];
  if (e.type === "tuple" || e.type === "list") {
    const out: number[] = [];
    for (const i of e.items) {
      if (i.type !== "int") return undefined;
      out.push(i.value);
    }
    return out;
  }
  return undefined;
}

/** Shapes of example tensors written in the file (`torch.randn(1, 3, 224, 224)`, `summary(model, (3, 224, 224))`). */
export function exampleInputs(syntax: ModuleSyntax): InputSpec[][] {
  const found: InputSpec[][] = [];
  const key = new Set<string>();
  const add = (specs: InputSpec[]) => {
    const k = JSON.stringify(specs);
    if (!key.has(k)) {
      key.add(k);
      found.push(specs);
    }
  };
  const visitExpression = (e: Expression | undefined): void => {
    if (!e) return;
    if (e.type === "call") {
      const f = e.func;
      const name = f.type === "attribute" ? f.name : f.type === "name" ? f.id : "";
      const positional = e.args.filter((a) => a.kind === "positional").map((a) => a.value);
      if (f.type === "attribute" && TENSOR_FACTORIES.has(name) && f.object.type === "name" && f.object.id === "torch") {
        let dims: number[] | undefined;
        if (name === "randint") {
          const sizeArg = positional[positional.length - 1] ?? e.args.find((a) => a.kind === "keyword" && a.name === "size")?.value;
          dims = sizeArg ? literalInts(sizeArg) : undefined;
          if (dims) add([{ shape: dims, dtype: "int64" }]);
        } else {
          dims = positional.length === 1 ? literalInts(positional[0]) : positional.every((p) => p.type === "int") ? positional.map((p) => (p as { value: number }).value) : undefined;
          if (dims && dims.length > 0) add([{ shape: dims, dtype: "float32" }]);
        }
      } else if (name === "summary" && positional.length >= 2) {
        const dims = literalInts(positional[1]) ?? literalInts(e.args.find((a) => a.kind === "keyword" && a.name === "input_size")?.value ?? positional[1]);
        if (dims) add([{ shape: [1, ...dims], dtype: "float32" }]);
      }
      visitExpression(e.func);
      for (const a of e.args) visitExpression(a.value);
      return;
    }
    for (const v of Object.values(e)) {
      if (v && typeof v === "object" && "type" in v && v !== e) visitExpression(v as Expression);
    }
  };
  const visit = (body: Statement[]): void => {
    for (const s of body) {
      switch (s.type) {
        case "expression": visitExpression(s.value); break;
        case "assign": visitExpression(s.value); break;
        case "return": visitExpression(s.value); break;
        case "function": case "class": visit(s.body); break;
        case "if": visitExpression(s.test); visit(s.body); visit(s.orelse); break;
        case "for": case "while": visit(s.body); visit(s.orelse); break;
        case "with": for (const i of s.items) visitExpression(i.value); visit(s.body); break;
        case "try": visit(s.body); for (const h of s.handlers) visit(h.body); visit(s.orelse); visit(s.finalbody); break;
        default: break;
      }
    }
  };
  visit(syntax.body);
  return found;
}

const PARAMETERLESS = /^(Dropout\d?d?|ReLU\d?|GELU|SiLU|Tanh|Sigmoid|Identity|Flatten|Softmax|LogSoftmax|MaxPool\dd|AvgPool\dd|AdaptiveAvgPool\dd|AdaptiveMaxPool\dd|Upsample|ZeroPad\dd|LeakyReLU|ELU|Hardswish|Mish)$/;

/** A default input from the model's first parametrised layer (3-channel conv → 1x3x224x224, Linear(n) → 1xn, ...). */
export function defaultInputs(model: InstanceValue, configValue: (name: string) => Value | undefined): InputSpec[] | undefined {
  for (const [, m] of namedModules(model)) {
    if (!m.cls.layer) continue;
    const type = m.cls.layer.name;
    if (PARAMETERLESS.test(type)) continue;
    const config = configValue;
    void config;
    const cfg = m.module!.config;
    void cfg;
    const first = layerArgument(m, 0);
    switch (type) {
      case "Conv1d": return first ? [{ shape: [1, first, 1024], dtype: "float32" }] : undefined;
      case "Conv2d": return first ? [{ shape: [1, first, 224, 224], dtype: "float32" }] : undefined;
      case "Conv3d": return first ? [{ shape: [1, first, 16, 112, 112], dtype: "float32" }] : undefined;
      case "Linear": return first ? [{ shape: [1, first], dtype: "float32" }] : undefined;
      case "Embedding": {
        const blockSize = findBlockSize(model);
        return [{ shape: [1, blockSize ?? 128], dtype: "int64" }];
      }
      case "LSTM": case "GRU": case "RNN": return first ? [{ shape: [1, 128, first], dtype: "float32" }] : undefined;
      default: return undefined;
    }
  }
  return undefined;
}

/** The first constructor argument of a catalogue layer as an int, from its recorded parameters. */
function layerArgument(m: InstanceValue, _index: number): number | undefined {
  const weight = m.module!.parameters.get("weight") ?? m.module!.parameters.get("weight_ih_l0");
  if (!weight || weight.kind !== "tensor") return undefined;
  const type = m.cls.layer!.name;
  if (type === "Linear" || type.startsWith("LSTM") || type.startsWith("GRU") || type.startsWith("RNN")) return weight.shape[1];
  if (type.startsWith("Conv")) {
    const groups = 1;
    return weight.shape[1] * groups;
  }
  return weight.shape[0];
}

const BLOCK_SIZE_NAMES = ["block_size", "max_position_embeddings", "n_positions", "max_seq_len", "seq_len", "context_length", "max_len"];

function findBlockSize(model: InstanceValue): number | undefined {
  const seen = new Set<number>();
  const search = (v: Value, depth: number): number | undefined => {
    if (depth > 3 || v.kind !== "instance" || seen.has(v.id)) return undefined;
    seen.add(v.id);
    for (const n of BLOCK_SIZE_NAMES) {
      const x = v.attributes.get(n);
      if (x?.kind === "int" && x.value > 0) return x.value;
    }
    for (const x of v.attributes.values()) {
      const r = search(x, depth + 1);
      if (r) return r;
    }
    return undefined;
  };
  return search(model, 0);
}
