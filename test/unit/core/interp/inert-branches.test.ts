import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// Conditions on tensor contents whose arms cannot change the cost (src/core/interp/inert-branches.ts). Truth by
// hand, torch.utils.flop_counter's convention: Embedding(100, 16) and Linear(16, 16) are 1,872 parameters; at 128
// tokens the Linear is 2 * 128 * 16 * 16 = 65,536 FLOPs.
describe("conditions whose arms only warn or raise (src/core/interp/inert-branches.ts)", () => {
  it("a padding check that only logs, and a sanity check that only raises, leave the count complete", async () => {
    const m = await onlyModel(`import logging
import torch
import torch.nn as nn

logger = logging.getLogger(__name__)


class Config:
    pad_token_id = 0
    bos_token_id = 1
    eos_token_id = 2


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.config = Config()
        self.embed = nn.Embedding(100, 16)
        self.a = nn.Linear(16, 16)

    def warn_if_padding(self, input_ids, attention_mask):
        if (attention_mask is not None) or (self.config.pad_token_id is None):
            return
        if self.config.pad_token_id in input_ids[:, [-1, 0]]:
            warn_string = "We strongly recommend passing in an attention mask."
            sep_token_id = getattr(self.config, "sep_token_id", None)
            if (self.config.bos_token_id is not None and self.config.bos_token_id == self.config.pad_token_id) or (
                sep_token_id is not None and sep_token_id == self.config.pad_token_id
            ):
                warn_string += f" You may ignore this warning if your pad_token_id ({self.config.pad_token_id}) is identical."
            logger.warning(warn_string)

    def forward(self, input_ids, attention_mask=None):
        self.warn_if_padding(input_ids, attention_mask)
        if (input_ids < 0).any():
            raise ValueError("token ids must not be negative")
        return self.a(self.embed(input_ids))


model = Net()
`);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 1872);
    assert.equal(m.flops, 65536);
  });

  it("an arm that runs a layer, or binds a name read after the if, keeps the count partial with its line", async () => {
    const m = await onlyModel(`import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(100, 16)
        self.a = nn.Linear(16, 16)

    def forward(self, input_ids):
        x = self.embed(input_ids)
        if (input_ids == 0).any():
            x = self.a(x)
        scale = 1
        if (input_ids == 1).any():
            scale = 2
            print("ones")
        return x * scale


model = Net()
`);
    assert.equal(m.complete, false);
    assert.deepEqual(m.unresolved.map((u) => u.line), [13, 16]);
  });

  it("a check that raises when the data files are missing lets the run go on: the run the figures are for has its data", async () => {
    const script = (check: string) => `import os
import os.path as osp
import torch.nn as nn


class Market:
    def __init__(self, root="data"):
        self.dir = osp.join(root, "market1501")
        ${check}
            raise RuntimeError("'{}' is not available".format(self.dir))
        self.num_classes = 751


data = Market()
# greenlight: input=1x8
model = nn.Linear(8, data.num_classes)
`;
    for (const check of ["if not osp.exists(self.dir):", "if not os.path.isdir(self.dir):", "if osp.exists(self.dir) is False:"]) {
      const m = await onlyModel(script(check));
      assert.equal(m.params, 8 * 751 + 751, check);
      assert.equal(m.complete, true, `${check}: ${JSON.stringify(m.unresolved)}`);
    }
  });

  it("a file check that does not raise still takes a fresh run's way (no checkpoint to resume from)", async () => {
    const m = await onlyModel(`import os
import torch.nn as nn

width = 4
if os.path.exists("checkpoints/last.pt"):
    width = 400

# greenlight: input=1x8
model = nn.Linear(8, width)
`);
    assert.equal(m.params, 8 * 4 + 4);
  });
});

