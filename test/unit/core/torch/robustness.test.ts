// Bad input never crashes the catalogue: every function, method and layer, fed odd arguments, either returns a value
// or throws PythonError (the user's code would fail too) or Unresolved (not modelled) — never a TypeError or the like.
import { strict as assert } from "node:assert";
import { NONE, float, int, list, str, tensor, tuple, unknown } from "../../../../src/core/interp/construct";
import { PythonError, Unresolved, type Value } from "../../../../src/core/interp/values";
import { constructChild } from "../../../../src/core/torch/layer-instance";
import { createTestContext } from "./op-context";
import { catalogue } from "./helpers";

const SAMPLES: Value[][] = [
  [],
  [tensor([2, 3, 4])],
  [tensor([2, 3, 4]), int(1)],
  [tensor([4, 4]), tensor([4, 4])],
  [tensor([2, 3], "int64"), int(-1), int(0)],
  [int(3), int(4)],
  [tensor([1, 3, 8, 8]), tensor([4, 3, 3, 3])],
  [unknown("from data")],
  [tensor([2, 3]), unknown("from data")],
  [NONE, NONE],
  [str("x"), float(0.5)],
  [list([tensor([2, 2]), tensor([2, 2])]), int(0)],
  [tuple([int(2), int(3)])],
  [tensor([]), tensor([5])],
  [tensor([0, 3]), int(0)],
];

function allowed(error: unknown, what: string): void {
  if (error instanceof PythonError || error instanceof Unresolved) return;
  assert.fail(`${what} threw ${(error as Error)?.name}: ${(error as Error)?.message}\n${(error as Error)?.stack}`);
}

describe("catalogue robustness", () => {
  it("every torch / F / init function", () => {
    let calls = 0;
    for (const [name, fn] of catalogue.functions) {
      for (const args of SAMPLES) {
        calls++;
        try {
          fn({ args, kwargs: new Map(), context: createTestContext() });
        } catch (error) {
          allowed(error, `${name}(${args.map((a) => a.kind).join(", ")})`);
        }
      }
    }
    assert.ok(calls > 1000);
  });

  it("every tensor method", () => {
    // Refusing every call would pass the crash check alone: most methods must also answer some sample.
    const answered = new Set<string>();
    for (const [name, m] of catalogue.tensorMethods) {
      for (const self of [tensor([2, 3, 4]), tensor([]), tensor([5], "int64"), tensor([2, 2], "bool")]) {
        for (const args of SAMPLES) {
          try {
            const result = m(self, { args, kwargs: new Map(), context: createTestContext() });
            if (result.kind !== "unknown") answered.add(name);
          } catch (error) {
            allowed(error, `Tensor.${name}(${args.map((a) => a.kind).join(", ")}) on [${self.shape}]`);
          }
        }
      }
    }
    const share = answered.size / catalogue.tensorMethods.size;
    assert.ok(share > 0.85, `only ${answered.size} of ${catalogue.tensorMethods.size} tensor methods answered any sample`);
  });

  it("every layer: construction and forward", () => {
    // As above: most layers must build from some argument list and run forward on some input.
    const ran = new Set<string>();
    for (const name of catalogue.layers.keys()) {
      for (const args of [[], [int(4)], [int(4), int(8)], [int(4), int(8), int(3)], [unknown("config")], [int(4), int(2), int(2)]]) {
        const context = createTestContext();
        let module;
        try {
          module = constructChild(catalogue.layers, name, args, new Map(), context);
        } catch (error) {
          allowed(error, `nn.${name}(${args.map((a) => a.kind).join(", ")})`);
          continue;
        }
        for (const inputs of [[tensor([2, 4, 8, 8])], [tensor([2, 4])], [tensor([3, 2, 4]), tensor([3, 2, 4]), tensor([3, 2, 4])], [tensor([2, 4, 8], "int64")], [unknown("input")], []]) {
          try {
            const output = context.callValue(module, inputs);
            if (output.kind !== "unknown") ran.add(name);
          } catch (error) {
            allowed(error, `nn.${name}(${args.map((a) => a.kind).join(", ")}).forward(${inputs.map((i) => (i.kind === "tensor" ? `[${i.shape}]` : i.kind)).join(", ")})`);
          }
        }
      }
    }
    const share = ran.size / catalogue.layers.size;
    assert.ok(share > 0.75, `only ${ran.size} of ${catalogue.layers.size} layers built and ran forward on any sample`);
  });

  it("operators and indexing", () => {
    const ops = ["+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<", "<=", ">", ">=", "==", "!=", "<<", ">>", "in", "and"];
    const values: Value[] = [tensor([2, 3]), tensor([3]), tensor([], "bool"), int(2), float(1.5), NONE, str("s"), unknown("u"), list([int(1)])];
    for (const op of ops) {
      for (const left of values) {
        for (const right of values) {
          if (left.kind !== "tensor" && right.kind !== "tensor") continue;
          try {
            catalogue.binaryOperator(op, left, right, createTestContext());
          } catch (error) {
            allowed(error, `${left.kind} ${op} ${right.kind}`);
          }
        }
      }
    }
    const keys: Value[] = [int(9), int(-9), float(1.5), str("a"), NONE, tuple([]), tuple([NONE, NONE, NONE, NONE]), list([]), list([list([int(0)]), int(1)]), tensor([2], "float32"), { kind: "slice", start: int(0), stop: unknown("n"), step: NONE }, { kind: "slice", start: NONE, stop: NONE, step: int(0) }];
    for (const key of keys) {
      for (const self of [tensor([2, 3]), tensor([])]) {
        try {
          catalogue.getItem(self, key, createTestContext());
        } catch (error) {
          allowed(error, `[${self.shape}][${key.kind}]`);
        }
      }
    }
  });
});
