// torch.* / F.* functions, tensor methods, operators, attributes and indexing on abstract tensors.
import { strict as assert } from "node:assert";
import { NONE, int, list, str, tuple } from "../../../../src/core/interp/construct";
import { PythonError, Unresolved, type SliceValue, type Value } from "../../../../src/core/interp/values";
import { createTestContext } from "./op-context";
import { call, catalogue, method, py, shapeOf, shapesOf, t } from "./helpers";

const slice = (start: number | null, stop: number | null, step: number | null = null): SliceValue => ({ kind: "slice", start: py(start), stop: py(stop), step: py(step) });
const ELLIPSIS: Value = { kind: "ellipsis" };

describe("torch functions", () => {
  it("matmul follows ATen's dispatch: dot and mv count 0, mm and bmm 2 per MAC", () => {
    assert.equal(call("torch.matmul", [t([7]), t([7])]).flops, 0); // aten.dot
    assert.deepEqual(shapeOf(call("torch.matmul", [t([5, 7]), t([7])]).output), [5]); // aten.mv
    const v2 = call("torch.matmul", [t([7]), t([7, 4])]);
    assert.deepEqual([shapeOf(v2.output), v2.flops], [[4], 2 * 7 * 4]);
    const folded = call("torch.matmul", [t([3, 5, 7]), t([7, 4])]);
    assert.deepEqual([shapeOf(folded.output), folded.flops], [[3, 5, 4], 2 * 15 * 7 * 4]); // one mm over 15 rows
    const batched = call("torch.matmul", [t([2, 1, 5, 7]), t([3, 7, 4])]);
    assert.deepEqual([shapeOf(batched.output), batched.flops], [[2, 3, 5, 4], 2 * 6 * 5 * 7 * 4]); // batch broadcast to 2·3
    assert.throws(() => call("torch.matmul", [t([5, 7]), t([6, 4])]), PythonError);
    assert.equal(call("torch.bmm", [t([3, 4, 5]), t([3, 5, 6])]).flops, 2 * 3 * 4 * 5 * 6);
    assert.throws(() => call("torch.mm", [t([3, 4, 5]), t([5, 6])]), /2-D/);
  });

  it("einsum contracts pairwise as bmm; outer products are element-wise", () => {
    const attention = call("torch.einsum", ["bhqd,bhkd->bhqk", t([2, 4, 9, 16]), t([2, 4, 11, 16])]);
    assert.deepEqual(shapeOf(attention.output), [2, 4, 9, 11]);
    assert.equal(attention.flops, 2 * (2 * 4) * 9 * 11 * 16); // 25,344
    assert.equal(call("torch.einsum", ["i,j->ij", t([5]), t([6])]).flops, 0);
    const chain = call("torch.einsum", ["ij,jk,kl->il", t([3, 4]), t([4, 5]), t([5, 6])]);
    assert.deepEqual([shapeOf(chain.output), chain.flops], [[3, 6], 2 * 3 * 4 * 5 + 2 * 3 * 5 * 6]);
    const implicit = call("torch.einsum", ["...ij,...jk", t([2, 3, 4, 5]), t([2, 3, 5, 6])]);
    assert.deepEqual(shapeOf(implicit.output), [2, 3, 4, 6]);
    assert.deepEqual(shapeOf(call("torch.einsum", ["ii->i", t([4, 4])]).output), [4]);
    assert.deepEqual(shapeOf(call("torch.einsum", ["bij,bjk->bik", list([t([4, 5, 6]), t([4, 6, 7])])]).output), [4, 5, 7]);
    assert.throws(() => call("torch.einsum", ["ij,jk->ik", t([3, 4]), t([5, 6])]), /broadcast/);
  });

  it("scaled_dot_product_attention: 4·B·H·L·S·E, output takes value's width", () => {
    const r = call("torch.nn.functional.scaled_dot_product_attention", [t([2, 8, 16, 64]), t([2, 8, 32, 64]), t([2, 8, 32, 48])], { is_causal: true });
    assert.deepEqual(shapeOf(r.output), [2, 8, 16, 48]);
    assert.equal(r.flops, 2 * 16 * 16 * 64 * 32 + 2 * 16 * 16 * 32 * 48);
    const gqa = call("torch.nn.functional.scaled_dot_product_attention", [t([1, 8, 4, 16]), t([1, 2, 4, 16]), t([1, 2, 4, 16])], { enable_gqa: true });
    assert.equal(gqa.flops, 4 * 8 * 4 * 4 * 16);
  });

  it("F.linear / conv2d / pools / interpolate accept keyword calls", () => {
    assert.equal(call("torch.nn.functional.linear", [t([3, 10]), t([5, 10])], { bias: t([5]) }).flops, 2 * 3 * 10 * 5);
    const conv = call("torch.nn.functional.conv2d", [t([1, 3, 8, 8]), t([4, 3, 3, 3])], { padding: 1 });
    assert.deepEqual([shapeOf(conv.output), conv.flops], [[1, 4, 8, 8], 64 * 9 * 4 * 3 * 2]);
    assert.deepEqual(shapeOf(call("torch.nn.functional.max_pool2d", [t([1, 6, 28, 28]), 2]).output), [1, 6, 14, 14]);
    assert.deepEqual(shapeOf(call("torch.nn.functional.avg_pool2d", [t([2, 512, 4, 4]), 4]).output), [2, 512, 1, 1]);
    assert.deepEqual(shapeOf(call("torch.nn.functional.adaptive_avg_pool2d", [t([2, 512, 7, 7]), [1, 1]]).output), [2, 512, 1, 1]);
    assert.deepEqual(shapeOf(call("torch.nn.functional.interpolate", [t([1, 3, 8, 8])], { scale_factor: 2, mode: "nearest" }).output), [1, 3, 16, 16]);
    assert.throws(() => call("torch.nn.functional.interpolate", [t([1, 3, 8, 8])], { mode: "nearest" }), /exactly one of size or scale_factor/);
    assert.deepEqual(shapeOf(call("torch.nn.functional.pad", [t([1, 2, 5, 5]), [1, 1, 2, 0]]).output), [1, 2, 7, 7]);
  });

  it("F.dropout drops by default and is the identity with training=False", () => {
    const x = t([4, 8]);
    assert.equal(call("torch.nn.functional.dropout", [x, 0.5]).context.ops.length, 1);
    const r = call("torch.nn.functional.dropout", [x, 0.5], { training: false });
    assert.equal(r.output, x);
    assert.equal(r.context.ops.length, 0);
  });

  it("softmax family, losses and one_hot", () => {
    assert.deepEqual(shapeOf(call("torch.nn.functional.log_softmax", [t([4, 10])], { dim: 1 }).output), [4, 10]);
    assert.deepEqual(shapeOf(call("torch.nn.functional.cross_entropy", [t([4, 10]), t([4], "int64")], { ignore_index: -1 }).output), []);
    assert.deepEqual(shapeOf(call("torch.nn.functional.cross_entropy", [t([4, 10, 7]), t([4, 7], "int64")], { reduction: "none" }).output), [4, 7]);
    assert.throws(() => call("torch.nn.functional.cross_entropy", [t([4, 10]), t([5], "int64")]), /expected target of size \[4\]/);
    assert.deepEqual(shapeOf(call("torch.nn.functional.mse_loss", [t([4, 3]), t([4, 3])]).output), []);
    assert.deepEqual(shapeOf(call("torch.nn.functional.one_hot", [t([4], "int64")], { num_classes: 10 }).output), [4, 10]);
    assert.throws(() => call("torch.nn.functional.one_hot", [t([4], "int64")]), Unresolved);
  });

  it("factories read shapes as varargs or one sequence, with dtypes", () => {
    assert.deepEqual(shapeOf(call("torch.zeros", [2, 3]).output), [2, 3]);
    assert.deepEqual(shapeOf(call("torch.randn", [[2, 3]]).output), [2, 3]);
    const half = call("torch.ones", [4], { dtype: { kind: "dtype", name: "float16" } }).output;
    assert.equal(half.kind === "tensor" && half.dtype, "float16");
    const ar = call("torch.arange", [10]).output;
    assert.deepEqual([shapeOf(ar), ar.kind === "tensor" && ar.dtype], [[10], "int64"]);
    assert.deepEqual(shapeOf(call("torch.arange", [0, 1, 0.1]).output), [10]);
    assert.deepEqual(shapeOf(call("torch.arange", [2, 11, 3]).output), [3]); // 2, 5, 8
    const lit = call("torch.tensor", [[[1, 2], [3, 4], [5, 6]]]).output;
    assert.deepEqual([shapeOf(lit), lit.kind === "tensor" && lit.dtype], [[3, 2], "int64"]);
    assert.throws(() => call("torch.tensor", [[[1, 2], [3]]]), PythonError);
    const full = call("torch.full", [[2, 2], 1.5]).output;
    assert.equal(full.kind === "tensor" && full.dtype, "float32");
    assert.deepEqual(shapeOf(call("torch.randint", [0, 10, [3, 4]]).output), [3, 4]);
    assert.throws(() => call("torch.zeros", [2, -1]), /negative dimension/);
  });

  it("cat, stack, split, chunk, where, tril and reductions", () => {
    assert.deepEqual(shapeOf(call("torch.cat", [[t([2, 3]), t([2, 5])]], { dim: 1 }).output), [2, 8]);
    assert.throws(() => call("torch.cat", [[t([2, 3]), t([3, 5])]], { dim: 1 }), /Sizes of tensors must match/);
    assert.deepEqual(shapeOf(call("torch.stack", [[t([2, 3]), t([2, 3]), t([2, 3])]], { dim: -1 }).output), [2, 3, 3]);
    assert.deepEqual(shapesOf(call("torch.split", [t([10, 4]), 4]).output), [[4, 4], [4, 4], [2, 4]]);
    assert.deepEqual(shapesOf(call("torch.chunk", [t([5, 4]), 3]).output), [[2, 4], [2, 4], [1, 4]]);
    const where = call("torch.where", [t([4, 1], "bool"), t([1, 5]), 0.0]).output;
    assert.deepEqual([shapeOf(where), where.kind === "tensor" && where.dtype], [[4, 5], "float32"]);
    assert.throws(() => call("torch.where", [t([4], "bool")]), Unresolved);
    assert.deepEqual(shapeOf(call("torch.tril", [t([3, 3])]).output), [3, 3]);
    assert.deepEqual(shapeOf(call("torch.mean", [t([2, 3, 4, 5])], { dim: [2, 3], keepdim: true }).output), [2, 3, 1, 1]);
    assert.deepEqual(shapesOf(call("torch.max", [t([2, 3])], { dim: 1 }).output), [[2], [2]]);
    assert.deepEqual(shapeOf(call("torch.max", [t([2, 3])]).output), []);
    assert.deepEqual(shapesOf(call("torch.topk", [t([2, 9]), 3]).output), [[2, 3], [2, 3]]);
    assert.throws(() => call("torch.mean", [t([2, 3], "int64")]), /floating point/);
    const named = call("torch.max", [t([2, 3])], { dim: 1 }).output as Value & { fields?: string[] };
    assert.deepEqual(named.fields, ["values", "indices"]);
    assert.deepEqual(shapeOf(call("torch.searchsorted", [t([10]), t([3, 4])]).output), [3, 4]);
    assert.throws(() => call("torch.nonzero", [t([3])]), Unresolved);
  });
});

describe("tensor methods and attributes", () => {
  it("view / reshape / size / transpose / permute", () => {
    const x = t([4, 16, 5, 5]);
    assert.deepEqual(shapeOf(method(x, "view", [-1, 16 * 5 * 5]).output), [4, 400]);
    assert.deepEqual(shapeOf(method(x, "view", [[4, -1]]).output), [4, 400]);
    assert.deepEqual(shapeOf(method(x, "view", [4, 16, 25]).output), [4, 16, 25]);
    assert.throws(() => method(x, "view", [3, -1]), /invalid for input of size 1600/);
    assert.deepEqual(method(x, "size", [1]).output, int(16));
    assert.deepEqual(method(x, "size").output, { kind: "tuple", items: [int(4), int(16), int(5), int(5)], isSize: true });
    assert.deepEqual(shapeOf(method(x, "transpose", [1, 2]).output), [4, 5, 16, 5]);
    assert.deepEqual(shapeOf(method(x, "permute", [0, 2, 3, 1]).output), [4, 5, 5, 16]);
    assert.deepEqual(shapeOf(method(x, "flatten", [1]).output), [4, 400]);
    assert.deepEqual(shapeOf(method(x, "unsqueeze", [0]).output), [1, 4, 16, 5, 5]);
    assert.deepEqual(shapeOf(method(t([1, 3, 1]), "squeeze").output), [3]);
    assert.deepEqual(shapeOf(method(t([3, 1]), "expand", [-1, 4]).output), [3, 4]);
    assert.deepEqual(shapeOf(method(t([3, 1]), "repeat", [2, 4]).output), [6, 4]);
  });

  it("views run no kernel; contiguous copies only after a transpose", () => {
    const context = createTestContext();
    const x = t([2, 3, 4]);
    const v = method(x, "view", [6, 4], {}, context).output;
    assert.equal(context.ops.length, 0);
    assert.equal(method(v as never, "contiguous", [], {}, context).output, v);
    assert.equal(context.ops.length, 0);
    const tr = method(x, "transpose", [1, 2], {}, context).output;
    assert.equal(context.ops.length, 0);
    method(tr as never, "contiguous", [], {}, context);
    assert.deepEqual(context.ops.map((o) => o.op), ["aten.clone"]);
    method(tr as never, "reshape", [2, 12], {}, context);
    assert.equal(context.ops.length, 2);
  });

  it("dtype conversions, in-place ops and new tensors", () => {
    const x = t([2, 3]);
    assert.equal(method(x, "float").output, x); // already float32: no copy
    const h = method(x, "half");
    assert.equal(h.output.kind === "tensor" && h.output.dtype, "float16");
    assert.equal(h.context.ops.length, 1);
    const to = method(x, "to", [{ kind: "dtype", name: "bfloat16" }]).output;
    assert.equal(to.kind === "tensor" && to.dtype, "bfloat16");
    assert.equal(method(x, "to", [str("cuda")]).output, x);
    assert.equal(method(x, "add_", [t([3])]).output, x);
    assert.throws(() => method(t([3]), "add_", [t([2, 3])]), /doesn't match the broadcast shape/);
    assert.equal(method(x, "masked_fill_", [t([2, 3], "bool"), 0.0]).output, x);
    assert.deepEqual(shapeOf(method(x, "new_zeros", [[5, 5]]).output), [5, 5]);
    assert.deepEqual(shapeOf(method(x, "masked_fill", [t([1, 3], "bool"), { kind: "float", value: -Infinity }]).output), [2, 3]);
    assert.deepEqual(shapeOf(method(x, "softmax", [-1]).output), [2, 3]);
    assert.equal(method(x, "item").output.kind, "unknown");
  });

  it("attributes: shape, dtype, T, mT, ndim", () => {
    const x = t([2, 3, 4]);
    assert.deepEqual(catalogue.tensorAttribute(x, "shape"), { kind: "tuple", items: [int(2), int(3), int(4)], isSize: true });
    assert.deepEqual(catalogue.tensorAttribute(x, "dtype"), { kind: "dtype", name: "float32" });
    assert.deepEqual(shapeOf(catalogue.tensorAttribute(x, "T")!), [4, 3, 2]);
    assert.deepEqual(shapeOf(catalogue.tensorAttribute(x, "mT")!), [2, 4, 3]);
    assert.deepEqual(catalogue.tensorAttribute(x, "ndim"), int(3));
    assert.equal(catalogue.tensorAttribute(x, "data"), x);
    assert.equal(catalogue.tensorAttribute(x, "no_such_attribute"), undefined);
  });
});

describe("operators on tensors", () => {
  const context = () => createTestContext();
  it("broadcast element-wise operators with scalars and tensors, 0 FLOPs", () => {
    const c = context();
    assert.deepEqual(shapeOf(catalogue.binaryOperator("+", t([2, 3]), t([3]), c)), [2, 3]);
    assert.deepEqual(shapeOf(catalogue.binaryOperator("*", int(2), t([4, 1]), c)), [4, 1]);
    const div = catalogue.binaryOperator("/", t([3], "int64"), int(2), c);
    assert.equal(div.kind === "tensor" && div.dtype, "float32");
    const cmp = catalogue.binaryOperator(">", t([3]), int(0), c);
    assert.equal(cmp.kind === "tensor" && cmp.dtype, "bool");
    assert.equal(c.totalFlops(), 0);
    assert.equal(c.ops.length, 4);
    assert.throws(() => catalogue.binaryOperator("+", t([2, 3]), t([4]), c), PythonError);
    assert.deepEqual(catalogue.binaryOperator("==", t([3]), NONE, c), { kind: "bool", value: false });
  });

  it("@ counts like torch.matmul", () => {
    const c = context();
    const out = catalogue.binaryOperator("@", t([8, 10, 64]), t([64, 32]), c);
    assert.deepEqual(shapeOf(out), [8, 10, 32]);
    assert.equal(c.totalFlops(), 2 * 80 * 64 * 32);
    assert.throws(() => catalogue.binaryOperator("@", t([3]), int(2), c), PythonError);
  });

  it("unary minus and invert", () => {
    const c = context();
    assert.deepEqual(shapeOf(catalogue.unaryOperator("-", t([2]), c)), [2]);
    assert.equal(c.ops[0].op, "aten.neg");
    catalogue.unaryOperator("~", t([2], "bool"), c);
    assert.equal(c.ops[1].op, "aten.logical_not");
    assert.throws(() => catalogue.unaryOperator("-", t([2], "bool"), c), /Negation/);
  });
});

describe("indexing", () => {
  const x = t([4, 5, 6]);
  const get = (key: Value) => shapeOf(catalogue.getItem(x, key, createTestContext()));

  it("basic indexing: ints, slices, None, Ellipsis", () => {
    assert.deepEqual(get(int(0)), [5, 6]);
    assert.deepEqual(get(int(-1)), [5, 6]);
    assert.deepEqual(get(tuple([slice(null, null), slice(1, 3)])), [4, 2, 6]);
    assert.deepEqual(get(tuple([ELLIPSIS, int(-1)])), [4, 5]);
    assert.deepEqual(get(tuple([NONE, slice(null, null), slice(null, null, 2)])), [1, 4, 3, 6]);
    assert.deepEqual(get(tuple([slice(-2, null)])), [2, 5, 6]);
    assert.deepEqual(get(tuple([int(1), ELLIPSIS, NONE])), [5, 6, 1]);
  });

  it("advanced indexing: lists and integer tensors, adjacent or not", () => {
    assert.deepEqual(get(tuple([slice(null, null), list([int(-1)]), slice(null, null)])), [4, 1, 6]);
    assert.deepEqual(get(tuple([list([int(0), int(1)]), list([int(1), int(2)])])), [2, 6]);
    assert.deepEqual(get(tuple([slice(null, null), int(0), list([int(1), int(2)])])), [4, 2]);
    assert.deepEqual(get(tuple([list([int(0), int(1)]), slice(null, null), list([int(1), int(2)])])), [2, 5]); // split: first
    assert.deepEqual(get(t([3, 2], "int64")), [3, 2, 5, 6]);
    const c = createTestContext();
    catalogue.getItem(x, list([int(0)]), c);
    assert.deepEqual(c.ops.map((o) => o.op), ["aten.index"]);
  });

  it("errors and unknowns", () => {
    assert.throws(() => get(int(4)), /out of bounds/);
    assert.throws(() => get(tuple([int(0), int(0), int(0), int(0)])), /too many indices/);
    assert.throws(() => get(t([4, 5, 6], "bool")), Unresolved);
    assert.throws(() => get({ kind: "unknown", reason: "an index from data" }), Unresolved);
    assert.throws(() => get(list([int(9)])), /out of bounds/);
  });
});
