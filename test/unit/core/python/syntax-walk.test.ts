import assert from "node:assert/strict";
import { lowerModule, lowerModuleLazily } from "../../../../src/core/python/lower";
import type { Expression, Statement } from "../../../../src/core/python/ast";
import { attributeChain, callsAnywhere, callsInBody, dottedName, keywordArgument, mentions, namesIn, positionalArgument, rootName, type CallExpression } from "../../../../src/core/python/syntax-walk";
import { componentClassNames } from "../../../../src/core/interp/constructor-needs";
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

  it("counts whole-word mentions in a range of the text (words inside longer names do not count)", () => {
    const text = "Block(x)\nBlockA = Block\n# Block\nsubBlock()\n";
    const count = mentions(text, ["Block"]);
    assert.equal(count(0, text.length), 3, "the call, the value and the comment; not BlockA nor subBlock");
    assert.equal(count(0, 5), 1);
    assert.equal(count(text.indexOf("#"), text.length), 1);
    assert.equal(mentions(text, [])(0, text.length), 0);
  });

  it("walks into the function bodies `enter` allows, leaving the others unlowered", async () => {
    const parser = await testParser();
    const text = "class Net:\n    def __init__(self):\n        self.a = Block(1)\n\n    def forward(self, x):\n        return helper(x)\n\nclass Block:\n    def __init__(self, n):\n        self.n = other(n)\n";
    const syntax = lowerModuleLazily(parser.parse(text), text);
    try {
      const count = mentions(text, ["Block"]);
      const calls = callsAnywhere(syntax.body, (def) => count(def.pos.startIndex, def.pos.endIndex) > 0);
      assert.deepEqual(calls.map((c) => attributeChain(c.func)), ["Block"], "only Net.__init__ names Block");
      assert.equal(syntax.loweredBodies.bySpan.size, 1, "the bodies not entered were not lowered");
      assert.deepEqual(callsAnywhere(syntax.body).map((c) => attributeChain(c.func)), ["Block", "helper", "other"]);
      // the same answer as a walk of everything, for the classes asked about
      assert.deepEqual([...componentClassNames(syntax.body, new Set(["Net", "Block"]), text)], ["Block"]);
    } finally {
      syntax.discard();
    }
  });
});
