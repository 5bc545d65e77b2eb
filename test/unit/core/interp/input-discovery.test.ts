import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// A vision model's default input follows the image size it (or its config) was built for: position embeddings and
// size checks reject any other (transformers' ViT/CLIP configs say image_size, timm's models img_size). Truth:
// PyTorch 1.13 on the same file at 1x3x32x32: 3,514 parameters, output [1, 16, 10]; FLOPs by
// torch.utils.flop_counter's convention: conv 2*(16*3*8*8)*(4*4) + head 2*16*16*10 = 103,424.
describe("default input of a vision model (src/core/interp/input-discovery.ts)", () => {
  it("takes the image side from the config's image_size, and a tensor is no torch.fx.Proxy", async () => {
    const m = await onlyModel(`
import torch
import torch.nn as nn
import torch.fx


class VisionConfig:
    def __init__(self, image_size=32, patch_size=8, hidden_size=16):
        self.image_size = image_size
        self.patch_size = patch_size
        self.hidden_size = hidden_size


class PatchEmbeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.image_size = (config.image_size, config.image_size)
        self.proj = nn.Conv2d(3, config.hidden_size, config.patch_size, stride=config.patch_size)
        patches = (config.image_size // config.patch_size) ** 2
        self.position = nn.Parameter(torch.zeros(1, patches, config.hidden_size))

    def forward(self, pixel_values):
        if pixel_values.shape[-2:] != self.image_size:
            raise ValueError("Input image size doesn't match model")
        if isinstance(pixel_values, torch.fx.Proxy):
            return pixel_values
        return self.proj(pixel_values).flatten(2).transpose(1, 2) + self.position


class VisionModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.embeddings = PatchEmbeddings(config)
        self.head = nn.Linear(config.hidden_size, 10)

    def forward(self, pixel_values):
        return self.head(self.embeddings(pixel_values))


model = VisionModel(VisionConfig())

`);
    assert.deepEqual(m.inputs.map((i) => i.shape), [[1, 3, 32, 32]]);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 3514);
    assert.deepEqual(m.output, [[1, 16, 10]]);
    assert.equal(m.flops, 103424);
  });
});
