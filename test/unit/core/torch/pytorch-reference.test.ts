// Compares the catalogue with PyTorch itself: reference/cases.json run through torch.utils.flop_counter.FlopCounterMode
// by reference/measure_flops.py (torch 2.11.0+cu130 on an NVIDIA H100; recurrent cases on the CPU), stored in
// reference/pytorch-measurements.json. Parameters, buffers, module paths, output shapes and total FLOPs must agree.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NONE, bool, float, int, str, tensor, tuple } from "../../../../src/core/interp/construct";
import type { InstanceValue, TensorValue, Value } from "../../../../src/core/interp/values";
import { createTorchCatalogue } from "../../../../src/core/torch/catalogue";
import { constructChild } from "../../../../src/core/torch/layer-instance";
import { bufferCount, createTestContext, modulePaths, parameterCount } from "./op-context";

interface Case {
  id: string;
  layer?: string;
  fn?: string;
  equation?: string;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  forward_kwargs?: Record<string, unknown>;
  inputs: (number | string)[][] | string[];
  dtype?: string;
}

interface Measurement {
  params?: number;
  buffers?: number;
  modules?: string[];
  flops: number;
  outputs: number[][];
  error?: string;
}

const here = join(__dirname, "reference");
const cases = JSON.parse(readFileSync(join(here, "cases.json"), "utf8")) as Case[];
const measured = JSON.parse(readFileSync(join(here, "pytorch-measurements.json"), "utf8")) as { torch: string; cases: Record<string, Measurement> };

/**
 * Where Greenlight deliberately differs from a measurement, with why. Plain LSTMs run on the CPU through oneDNN
 * (aten.mkldnn_rnn_layer), which flop_counter.py does not count, and through cuDNN on a GPU (also uncounted); Greenlight
 * counts their matmuls as the project's FLOP convention asks (and as PyTorch measures LSTMs with projections).
 */
const DIVERGENCES: Record<string, string> = {
  "lstm-2layer-bi-batchfirst": "oneDNN LSTM kernels are not counted by FlopCounterMode",
};

function toValue(v: unknown): Value {
  if (v === null) return NONE;
  if (typeof v === "boolean") return bool(v);
  if (typeof v === "number") return Number.isInteger(v) ? int(v) : float(v);
  if (typeof v === "string") return str(v);
  if (Array.isArray(v)) return tuple(v.map(toValue));
  if (typeof v === "object" && v && "float" in v) return float((v as { float: number }).float);
  throw new Error(`cannot convert ${JSON.stringify(v)}`);
}

function inputsOf(c: Case): TensorValue[] {
  const out: TensorValue[] = [];
  for (const spec of c.inputs) {
    if (spec === "same") out.push(out[0]);
    else {
      const dims = spec as (number | string)[];
      const last = dims[dims.length - 1];
      out.push(last === "int64" ? tensor(dims.slice(0, -1) as number[], "int64") : tensor(dims as number[], (c.dtype ?? "float32") as TensorValue["dtype"]));
    }
  }
  return out;
}

function shapesOf(v: Value): number[][] {
  if (v.kind === "tensor") return [v.shape];
  if (v.kind === "tuple" || v.kind === "list") return v.items.flatMap(shapesOf);
  return [];
}

describe(`torch catalogue against PyTorch ${measured.torch} FlopCounterMode`, () => {
  const catalogue = createTorchCatalogue();
  for (const c of cases) {
    const m = measured.cases[c.id];
    it(`${c.id}: ${c.layer ?? c.fn}`, () => {
      assert.ok(m && !m.error, `no measurement for ${c.id}: ${m?.error}`);
      const context = createTestContext();
      const inputs = inputsOf(c);
      let output: Value;
      if (c.layer) {
        const module = constructChild(catalogue.layers, c.layer, (c.args ?? []).map(toValue), new Map(Object.entries(c.kwargs ?? {}).map(([k, v]) => [k, toValue(v)])), context) as InstanceValue;
        assert.equal(parameterCount(module), m.params, "parameters");
        assert.equal(bufferCount(module), m.buffers, "buffers");
        assert.deepEqual(modulePaths(module), m.modules, "named_modules paths");
        context.reset();
        output = context.callValue(module, inputs, new Map(Object.entries(c.forward_kwargs ?? {}).map(([k, v]) => [k, toValue(v)])));
      } else {
        const fn = catalogue.functions.get(c.fn!);
        assert.ok(fn, `${c.fn} is in the catalogue`);
        output = fn({ args: c.equation ? [str(c.equation), ...inputs] : inputs, kwargs: new Map(), context });
      }
      assert.deepEqual(shapesOf(output), m.outputs, "output shapes");
      if (DIVERGENCES[c.id]) assert.ok(context.totalFlops() > 0, `${c.id} counts its matmuls (${DIVERGENCES[c.id]})`);
      else assert.equal(context.totalFlops(), m.flops, "FLOPs");
    });
  }
});
