import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// collections as Python has them (src/core/interp/stdlib/collections.ts): timm's generate_default_cfgs fills a
// defaultdict of dataclasses whose deque of tags takes appendleft; before, the missing key raised KeyError, the
// registry stayed empty and every timm model lost its data config (input 224 for a 299-pixel Inception).
const model = (setup: string, inFeatures: string, outFeatures: string) => `import torch.nn as nn
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Deque, Dict

${setup}

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(${inFeatures}, ${outFeatures})

    def forward(self, x):
        return self.fc(x)

model = Net()
`;

describe("collections (src/core/interp/stdlib/collections.ts)", () => {
  it("defaultdict calls its factory for a missing key and keeps the value; dict arguments after the factory fill it", async () => {
    const m = await onlyModel(model(`@dataclass
class Entry:
    tags: Deque[str] = field(default_factory=deque)
    cfgs: Dict[str, int] = field(default_factory=dict)

table = defaultdict(Entry)
table["a"].tags.appendleft("x")
table["a"].cfgs["x"] = 6
counts = defaultdict(int, {"seen": 2})
counts["new"] += 3
lists = defaultdict(list)
lists["k"].append(1)
lists["k"].append(2)`, `table["a"].cfgs[table["a"].tags[0]] + len(table)`, `counts["seen"] + counts["new"] + len(lists["k"]) + len(counts)`));
    // in 6 + 1 = 7; out 2 + 3 + 2 + 2 = 9
    assert.equal(m.params, 7 * 9 + 9);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("Counter counts an iterable; a missing key reads 0 and is not added", async () => {
    const m = await onlyModel(model(`c = Counter([4, 4, 8, 4])
missing = c[16]`, `c[4] + missing + len(c)`, `c[8] * 2`));
    // in 3 + 0 + 2 = 5; out 2
    assert.equal(m.params, 5 * 2 + 2);
  });

  it("deque: appendleft, popleft, extendleft, rotate, and maxlen dropping from the other side", async () => {
    const m = await onlyModel(model(`q = deque([1, 2, 3])
q.appendleft(0)
q.rotate(1)
last = q.popleft()
q.extendleft([7, 8])
window = deque(maxlen=2)
for n in [5, 6, 9]:
    window.append(n)
tail = deque([1], maxlen=3)
tail.extend([4, 5, 6])`, `q[0] * 10 + last`, `sum(window) + len(q) + sum(tail)`));
    // [0,1,2,3] rotate(1) -> [3,0,1,2]; popleft 3 -> [0,1,2]; extendleft -> [8,7,0,1,2]; window [6, 9]; tail [4, 5, 6]
    assert.equal(m.params, (8 * 10 + 3) * (15 + 5 + 15) + 15 + 5 + 15);
  });

  it("list.sort sorts in place, with key and reverse as sorted() takes them", async () => {
    const m = await onlyModel(model(`widths = [32, 8, 16]
widths.sort()
names = ["bb", "a", "ccc"]
names.sort(key=len, reverse=True)`, `widths[0] + len(names[0])`, `widths[-1]`));
    assert.equal(m.params, (8 + 3) * 32 + 32);
  });
});
