import assert from "node:assert/strict";
import { lowerModule } from "../../../../src/core/python/lower";
import type { Expression, Statement } from "../../../../src/core/python/ast";
import { attributeChain, callsAnywhere, callsInBody, dottedName, keywordArgument, namesIn, positionalArgument, rootName, type CallExpression } from "../../../../src/core/python/syntax-walk";
import { testParser } from "../../helpers/analyze";

async function body(text: string): Promise<Statement[]> {
  const parser = await testParser();
  return lowerModule(parser.parse(text)).body;
}

function firstCall(statements: Statement[]): CallExpression {
  const call = callsAnywhere(statements)[0];
  assert.ok(call, "a call");
  return call;
}

describe("the syntax walker (python/syntax-walk.ts, the one walker of the lowered tree)", () => {
  it("names a callee strictly (dottedName) or by its trailing chain (attributeChain)", async () => {
    const call = firstCall(await body("make_model(cfg).fit(x, epochs=3)\n"));
    assert.equal(dottedName(call.func), undefined, "a call's result has no dotted name");
    assert.equal(attributeChain(call.func), "fit");
    assert.equal(rootName(call.func), "make_model");
    const plain = firstCall(await body("torch.utils.data.DataLoader(ds)\n"));
    assert.equal(dottedName(plain.func), "torch.utils.data.DataLoader");
    assert.equal(attributeChain(plain.func), "torch.utils.data.DataLoader");
  });

  it("finds calls everywhere, or outside nested definitions only", async () => {
    const statements = await body("for i in range(3):\n    step(i)\n    def inner():\n        hidden()\n");
    const loop = statements[0] as Extract<Statement, { type: "for" }>;
    assert.deepEqual(callsInBody(loop.body).map((c) => attributeChain(c.func)), ["step"]);
    assert.deepEqual(callsAnywhere(statements).map((c) => attributeChain(c.func)), ["range", "step", "hidden"]);
  });

  it("reads arguments as Python binds them: keywords by name, positions up to a *args", async () => {
    const call = firstCall(await body("f(a, b, *rest, c, key=1)\n"));
    assert.equal((positionalArgument(call, 1) as Extract<Expression, { type: "name" }>).id, "b");
    assert.equal(positionalArgument(call, 2), undefined, "after *rest the place of c is unknown");
    assert.equal(keywordArgument(call, "key")?.type, "int");
    assert.equal(keywordArgument(call, "missing"), undefined);
    assert.deepEqual([...namesIn(call.args.map((a) => a.value), new Set())].sort(), ["a", "b", "c", "rest"]);
  });
});
