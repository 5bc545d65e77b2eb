import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { passPrint, samePrint, whileLoopNames } from "../../../../src/core/interp/stalled-while";
import type { Statement } from "../../../../src/core/python/ast";
import { lowerModule } from "../../../../src/core/python/lower";
import type { Value } from "../../../../src/core/interp/values";

// A top-level `while` whose test is known but whose body cannot advance (the draws it tests are unknown, so the `if`
// before the append takes its `continue` arm every pass) is left after a run of passes that change nothing, instead of
// at the statement's share of the time (src/core/interp/stalled-while.ts). A script written for this test.
const SCRIPT = `import random
import numpy as np
from keras.models import Sequential
from keras.layers import Dense

TARGET = 120
rows = []
taken = set()
while len(rows) < TARGET:
    u = random.randint(0, 50)
    v = random.randint(0, 50)
    pair = (u, v)
    if pair in taken:
        continue
    taken.add(pair)
    rows.append(pair)
x = np.zeros((len(rows), 2))
model = Sequential()
model.add(Dense(3, input_shape=(2,)))
model.compile(loss="mse", optimizer="sgd")
model.fit(x, np.zeros((len(rows), 3)), batch_size=40, epochs=2)
`;

async function whileOf(text: string): Promise<Extract<Statement, { type: "while" }>> {
  const body = lowerModule((await testParser()).parse(text)).body;
  const loop = body.find((s): s is Extract<Statement, { type: "while" }> => s.type === "while");
  assert.ok(loop);
  return loop;
}

describe("a while loop that makes no progress (stalled-while.ts)", function () {
  this.timeout(120_000);
  it("is left after a run of passes that change nothing, not at the time share, and still fills its list", async () => {
    let clock = 0;
    // A clock that moves one millisecond each time it is read: the stalled loop's wait shows as reads.
    const result = await analyze(SCRIPT, { now: () => clock++ });
    assert.equal(result.training?.samples?.value, 120);
    assert.ok(clock < 1000, `the clock was read ${clock} times`);
  });

  it("reads the names of the test and the body; an item or attribute assigned hides state", async () => {
    assert.deepEqual(whileLoopNames(await whileOf("while len(a) < n:\n    b = f()\n    a.append(b)\n"))?.sort(), ["a", "b", "f", "len", "n"]);
    assert.equal(whileLoopNames(await whileOf("while i < n:\n    obj.count = i\n")), undefined);
    assert.equal(whileLoopNames(await whileOf("while i < n:\n    grid[i] = 1\n")), undefined);
  });

  it("compares scalars by value, lists by size, and cannot compare an instance", () => {
    const list = (n: number): Value => ({ kind: "list", items: Array.from({ length: n }, () => ({ kind: "none" })), id: 7 });
    assert.ok(samePrint(passPrint([{ kind: "int", value: 3 }, list(2)])!, passPrint([{ kind: "int", value: 3 }, list(2)])!));
    assert.ok(!samePrint(passPrint([list(2)])!, passPrint([list(3)])!));
    assert.equal(passPrint([{ kind: "instance" } as unknown as Value]), undefined);
  });
});
