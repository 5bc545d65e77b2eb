// Composite layers' children: standalone construction, cloning, and joining the interpreter's nn.Module.
import { strict as assert } from "node:assert";
import type { ClassValue, InstanceValue, NativeCall, Value } from "../../../../src/core/interp/values";
import { adoptChildren, cloneModule } from "../../../../src/core/torch/layer-instance";
import { createTestContext, modulePaths, parameterCount } from "./op-context";
import { layer, run, shapeOf, t } from "./helpers";

describe("composite layer children", () => {
  it("clones get fresh parameters and still run", () => {
    const context = createTestContext();
    const original = layer("TransformerEncoderLayer", [32, 4], { dim_feedforward: 64 }, context).module;
    const copy = cloneModule(original, context);
    assert.notEqual(copy.id, original.id);
    assert.equal(parameterCount(copy), parameterCount(original));
    const ids = (m: InstanceValue) => [...m.module!.children.values()].flatMap((c) => (c.kind === "instance" ? [...c.module!.parameters.values()].flatMap((p) => (p.kind === "tensor" ? [p.parameter?.id] : [])) : []));
    const shared = ids(copy).filter((id) => ids(original).includes(id));
    assert.deepEqual(shared, [], "no parameter is shared between the copy and the original");
    assert.deepEqual(modulePaths(copy), modulePaths(original));
    assert.deepEqual(shapeOf(run(copy, [t([5, 2, 32])]).output), [5, 2, 32]);
  });

  it("TransformerEncoder's standalone layers container iterates, indexes and has a length", () => {
    const context = createTestContext();
    const template = layer("TransformerEncoderLayer", [16, 2], { dim_feedforward: 32 }, context).module;
    const encoder = layer("TransformerEncoder", [template, 3], {}, context).module;
    const layers = encoder.module!.children.get("layers") as InstanceValue;
    const attr = (name: string) => layers.cls.attributes.get(name) as { call: (c: NativeCall) => Value };
    const items = attr("__iter__").call({ args: [layers], kwargs: new Map(), context });
    assert.equal(items.kind === "list" && items.items.length, 3);
    assert.deepEqual(attr("__len__").call({ args: [layers], kwargs: new Map(), context }), { kind: "int", value: 3 });
    const last = attr("__getitem__").call({ args: [layers, { kind: "int", value: -1 }], kwargs: new Map(), context });
    assert.equal(last, layers.module!.children.get("2"));
    assert.throws(() => attr("__getitem__").call({ args: [layers, { kind: "int", value: 3 }], kwargs: new Map(), context }), /out of range/);
  });

  it("standalone children join the running interpreter's nn.Module so calls go through Module.__call__", () => {
    const calls: string[] = [];
    const moduleClass = { kind: "class", name: "Module", qualifiedName: "torch.nn.Module", bases: [], attributes: new Map<string, Value>(), mro: [] as ClassValue[] } as unknown as ClassValue & { mro: ClassValue[] };
    moduleClass.mro.push(moduleClass);
    moduleClass.attributes.set("__call__", {
      kind: "native",
      name: "Module.__call__",
      call: (c: NativeCall) => {
        const self = c.args[0] as InstanceValue;
        calls.push(self.cls.name);
        const forward = self.cls.attributes.get("forward");
        if (forward?.kind !== "native") throw new Error("no forward");
        return forward.call(c);
      },
    });
    const context = createTestContext();
    context.callValue = (fn, args, kwargs = new Map()) => {
      if (fn.kind !== "instance") throw new Error("only modules here");
      const mro = (fn.cls as ClassValue & { mro: ClassValue[] }).mro;
      const method = mro.map((c) => c.attributes.get("__call__")).find((m) => m !== undefined);
      if (method?.kind !== "native") throw new Error("not callable");
      return method.call({ args: [fn, ...args], kwargs, context });
    };
    const parent = layer("TransformerEncoderLayer", [32, 4], { dim_feedforward: 64 }, context).module;
    // The interpreter's own class for the parent derives from nn.Module.
    const parentClass = { ...parent.cls, attributes: new Map(parent.cls.attributes), mro: [] as ClassValue[] } as ClassValue & { mro: ClassValue[] };
    parentClass.attributes.delete("__call__");
    parentClass.mro.push(parentClass, moduleClass);
    parent.cls = parentClass;
    adoptChildren(parent);
    const selfAttention = parent.module!.children.get("self_attn") as InstanceValue;
    assert.ok((selfAttention.cls as ClassValue & { mro: ClassValue[] }).mro.includes(moduleClass));
    assert.equal(selfAttention.cls.attributes.has("__call__"), false);
    context.callValue(parent, [t([5, 2, 32])]);
    assert.deepEqual(calls.slice(0, 3), ["TransformerEncoderLayer", "MultiheadAttention", "Dropout"]);
    assert.ok(calls.includes("Linear") && calls.includes("LayerNorm"));
  });
});
