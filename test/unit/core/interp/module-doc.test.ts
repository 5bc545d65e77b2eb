import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

const SCRIPT = (docstring: string) => `${docstring}import argparse
import torch.nn as nn

parser = argparse.ArgumentParser(description=globals()['__doc__'])
parser.add_argument('--width', type=int, default=32)
args = parser.parse_args()
model = nn.Linear(4, args.width)
summary = (__doc__ or 'no docstring').split()[0]
head = nn.Linear(4, 2 if summary == 'Trains' else 3)
`;

describe("a module's __doc__ (program.ts): its docstring, else None, as Python sets it", () => {
  it("globals()['__doc__'] is the docstring, so a parser described by it reads its defaults", async () => {
    const result = await analyze(SCRIPT('"""Trains a small net."""\n'));
    assert.equal(modelNamed(result, "model").params, 4 * 32 + 32);
    assert.equal(modelNamed(result, "head").params, 4 * 2 + 2, "__doc__ holds the docstring's text");
  });

  it("without a docstring __doc__ is None, not a missing name", async () => {
    const result = await analyze(SCRIPT(""));
    assert.equal(modelNamed(result, "model").params, 4 * 32 + 32);
    assert.equal(modelNamed(result, "head").params, 4 * 3 + 3);
  });
});
