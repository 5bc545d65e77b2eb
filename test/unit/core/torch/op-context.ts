// A small OpContext for catalogue tests: records every op with its FLOPs, makes parameters, calls natives and modules.
import { freshId } from "../../../../src/core/interp/construct";
import { PythonError, type InstanceValue, type NativeCall, type OpContext, type TensorValue, type Value } from "../../../../src/core/interp/values";

export interface RecordedOp {
  op: string;
  flops: number;
}

export interface TestContext extends OpContext {
  ops: RecordedOp[];
  parameters: TensorValue[];
  /** How many views were noted as raising on channels-last tensors. */
  channelsLastViews: number;
  /** Total FLOPs recorded so far. */
  totalFlops(): number;
  /** FLOPs by op name. */
  flopsByOp(): Map<string, number>;
  reset(): void;
}

/** A context that runs catalogue code without an interpreter (modules are called through their class's __call__). */
export function createTestContext(): TestContext {
  const ops: RecordedOp[] = [];
  const parameters: TensorValue[] = [];
  const context: TestContext = {
    ops,
    parameters,
    addFlops(flops, op) {
      if (!Number.isFinite(flops) || flops < 0) throw new Error(`invalid FLOP count ${flops} for ${op}`);
      ops.push({ op, flops });
    },
    parameter(shape, requiresGrad = true) {
      const p: TensorValue = { kind: "tensor", shape: [...shape], dtype: "float32", parameter: { id: freshId(), requiresGrad } };
      parameters.push(p);
      return p;
    },
    callValue(fn: Value, args: Value[], kwargs = new Map<string, Value>()): Value {
      const call: NativeCall = { args, kwargs, context };
      if (fn.kind === "native") return fn.call(call);
      if (fn.kind === "instance") {
        const method = fn.cls.attributes.get("__call__");
        if (method?.kind === "native") return method.call({ ...call, args: [fn, ...args] });
      }
      throw new PythonError(`test context cannot call a ${fn.kind}`);
    },
    location: () => undefined,
    checkpointed: (_inputs, run) => run(),
    channelsLastViews: 0,
    channelsLastView() {
      context.channelsLastViews++;
    },
    totalFlops: () => ops.reduce((sum, o) => sum + o.flops, 0),
    flopsByOp() {
      const out = new Map<string, number>();
      for (const o of ops) out.set(o.op, (out.get(o.op) ?? 0) + o.flops);
      return out;
    },
    reset() {
      ops.length = 0;
    },
  };
  return context;
}

/** Parameter element count of a module tree (each parameter once), as sum(p.numel() for p in m.parameters()). */
export function parameterCount(module: InstanceValue): number {
  const seen = new Set<number>();
  let total = 0;
  const visit = (m: InstanceValue) => {
    for (const p of m.module?.parameters.values() ?? []) {
      if (p.kind !== "tensor") continue;
      const id = p.parameter?.id ?? -1;
      if (seen.has(id)) continue;
      seen.add(id);
      total += p.shape.reduce((a, b) => a * b, 1);
    }
    for (const c of m.module?.children.values() ?? []) if (c.kind === "instance") visit(c);
  };
  visit(module);
  return total;
}

/** Buffer element count of a module tree. */
export function bufferCount(module: InstanceValue): number {
  let total = 0;
  const visit = (m: InstanceValue) => {
    for (const b of m.module?.buffers.values() ?? []) if (b.kind === "tensor") total += b.shape.reduce((a, c) => a * c, 1);
    for (const c of m.module?.children.values() ?? []) if (c.kind === "instance") visit(c);
  };
  visit(module);
  return total;
}

/** named_modules() paths of a module tree, depth-first in registration order. */
export function modulePaths(module: InstanceValue): string[] {
  const out: string[] = [];
  const visit = (m: InstanceValue, path: string) => {
    out.push(path);
    for (const [name, c] of m.module?.children ?? []) if (c.kind === "instance") visit(c, path ? `${path}.${name}` : name);
  };
  visit(module, "");
  return out;
}
