import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

// A script written for this test: a vocabulary size left at -1 until a tokenizer sets it, as LLaMA-style ModelArgs do.
const SCRIPT = `
import torch
import torch.nn as nn
from dataclasses import dataclass

@dataclass
class Args:
    dim: int = 64
    vocab_size: int = -1  # set later by the tokenizer

class LM(nn.Module):
    def __init__(self, args: Args):
        super().__init__()
        self.tok = nn.Embedding(args.vocab_size, args.dim)
        self.out = nn.Linear(args.dim, 10)

    def forward(self, tokens):
        return self.out(self.tok(tokens))

model = LM(Args())
`;

describe("a layer built with a negative size", () => {
  it("cannot be built, as torch.empty raises: the model is not reported with negative figures and the reason is noted", async () => {
    const result = await analyze(SCRIPT);
    assert.equal(result.models.some((m) => m.params < 0 || m.flops < 0), false);
    // The instance is listed as not built, with the reason, rather than with a -1 x 64 embedding.
    const model = result.models.find((m) => m.name === "model");
    assert.equal(model?.params, 0);
    assert.match(model?.unresolved[0]?.reason ?? "", /not built: Trying to create tensor with negative dimension -1: \[-1, 64\]/);
  });
});
