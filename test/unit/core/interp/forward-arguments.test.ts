import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// An encoder-decoder written as transformers writes them (keyword parameters with None defaults, the decoder skipped
// when decoder_input_ids is None, forward behind a functools.wraps decorator), here in plain PyTorch.
const seq2seq = (decorator: string) => `import functools
import torch
import torch.nn as nn

def returns_tuple(fn):
    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        return fn(self, *args, **kwargs)
    return wrapper

class Seq2Seq(nn.Module):
    def __init__(self, vocab=1000, hidden=64):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.encoder = nn.Linear(hidden, hidden)
        self.decoder = nn.Linear(hidden, 4 * hidden)
        self.head = nn.Linear(4 * hidden, vocab)

    ${decorator}
    def forward(self, input_ids=None, attention_mask=None, decoder_input_ids=None):
        memory = self.encoder(self.embed(input_ids))
        if decoder_input_ids is None:
            return memory
        return self.head(self.decoder(self.embed(decoder_input_ids) + memory))

model = Seq2Seq()
`;

// Per token at 128 tokens: encoder 64x64, decoder 64x256, head 256x1000 (multiply-add = 2 FLOPs).
const encoderFlops = 2 * 128 * 64 * 64;
const decoderFlops = 2 * 128 * (64 * 256 + 256 * 1000);

describe("forward's arguments from its signature (src/core/interp/forward-arguments.ts)", () => {
  it("an encoder-decoder's decoder_input_ids get the token ids input_ids get, so the decoder is counted", async () => {
    const m = await onlyModel(seq2seq(""));
    assert.deepEqual(m.inputs.map((i) => [i.shape, i.dtype]), [[[1, 128], "int64"]]);
    assert.equal(m.flops, encoderFlops + decoderFlops);
  });

  it("reads the parameter through a functools.wraps decorator", async () => {
    const m = await onlyModel(seq2seq("@returns_tuple"));
    assert.equal(m.flops, encoderFlops + decoderFlops);
  });

  it("a float input is not token ids: the decoder is left to its default", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(16, 16)
        self.b = nn.Linear(16, 16)

    def forward(self, x, decoder_input_ids=None):
        y = self.a(x)
        return y if decoder_input_ids is None else self.b(y)

model = Net()
`);
    assert.deepEqual(m.inputs[0].shape, [1, 16]);
    assert.equal(m.flops, 2 * 16 * 16);
  });
});

describe("an encoder-decoder of features (src/core/analyze.ts, forward-arguments.ts)", () => {
  it("runs again with one decoder start token per sample when forward fails without decoder ids", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn


class SpeechSeq2Seq(nn.Module):
    def __init__(self, mel_bins=16, hidden=32, vocab=100):
        super().__init__()
        self.encoder = nn.Conv1d(mel_bins, hidden, 3, padding=1)
        self.embed = nn.Embedding(vocab, hidden)
        self.decoder = nn.Linear(hidden, hidden)

    def forward(self, input_features, decoder_input_ids=None):
        memory = self.encoder(input_features).transpose(1, 2)
        if decoder_input_ids is None:
            raise ValueError("You have to specify either decoder_input_ids or decoder_inputs_embeds")
        queries = self.decoder(self.embed(decoder_input_ids))
        return queries @ memory.transpose(1, 2)


model = SpeechSeq2Seq()
`);
    // PyTorch 1.13 with decoder_input_ids=torch.zeros(1, 1, dtype=torch.long): 5,824 params, 3,213,312 FLOPs.
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 16, 1024]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 5824);
    assert.equal(m.flops, 3213312);
    assert.deepEqual(m.output, [[1, 1, 1024]]);
  });
});

describe("default inputs and None checks in library forwards", () => {
  it("a subclass of nn.Embedding first in the model takes token ids (transformers' scaled word embeddings)", async () => {
    const m = await onlyModel(`import torch.nn as nn

class ScaledEmbedding(nn.Embedding):
    def __init__(self, num, dim, scale=1.0):
        super().__init__(num, dim)
        self.scale = scale

    def forward(self, ids):
        return super().forward(ids) * self.scale

class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.shared = ScaledEmbedding(100, 16)
        self.proj = nn.Linear(16, 16)

    def forward(self, input_ids):
        return self.proj(self.shared(input_ids))

model = Encoder()
`);
    assert.deepEqual(m.inputs.map((i) => i.dtype), ["int64"]);
    assert.equal(m.flops, 2 * 128 * 16 * 16);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });

  it("isinstance(None, (torch.Tensor, SomethingUnavailable)) is False: None is an instance of no library class", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn
from not_installed_lib import BlockMask

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(8, 8)
        self.b = nn.Linear(8, 8)

    def forward(self, x, mask=None):
        if isinstance(mask, (torch.Tensor, BlockMask)):
            return self.a(x)
        return self.b(self.a(x))

model = Net()
`);
    assert.equal(m.flops, 2 * 2 * 8 * 8);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});

describe("decoder ids the analyzer supplies are said (src/core/analyze.ts)", () => {
  it("an encoder-decoder fed only token ids names the decoder ids it was given as an assumption", async () => {
    const m = await onlyModel(seq2seq(""));
    const said = (m.assumptions ?? []).map((a) => a.text).join("\n");
    assert.match(said, /decoder_input_ids: not given, so the decoder was fed the encoder's token ids \(1x128\)/);
  });

  it("a model without a decoder assumes nothing about one", async () => {
    const m = await onlyModel(`import torch.nn as nn

model = nn.Sequential(nn.Embedding(100, 8), nn.Linear(8, 2))
`);
    assert.equal(m.assumptions, undefined);
  });
});
