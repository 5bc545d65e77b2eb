import { strict as assert } from "node:assert";
import { parseYaml } from "../../../../src/core/hydra/yaml";

describe("YAML of configuration files", () => {
  it("reads nested mappings, scalars as OmegaConf types them, flow lists and comments", () => {
    const value = parseYaml(`# a config
model:
  name: 'google/t5-v1_1-base'   # quoted
  dropout_rate: 0.0
optim:
  base_lr: 2e-2
  batch_size: 128
  epochs: -1
  split: [55_000, 5_000, 10_000]
  compile: false
  path: null
`);
    assert.deepEqual(value, {
      model: { name: "google/t5-v1_1-base", dropout_rate: 0 },
      optim: { base_lr: 0.02, batch_size: 128, epochs: -1, split: [55000, 5000, 10000], compile: false, path: null },
    });
  });

  it("reads block lists at the key's own indentation or deeper, with '- key: value' items", () => {
    assert.deepEqual(parseYaml("defaults:\n- _self_\n- data: mnist\n- logger: null\nseed: 3\n"), { defaults: ["_self_", { data: "mnist" }, { logger: null }], seed: 3 });
    assert.deepEqual(parseYaml("items:\n  - name: a\n    size: 2\n  - b\n"), { items: [{ name: "a", size: 2 }, "b"] });
  });

  it("keeps text it cannot type as strings, and a '#' inside a string", () => {
    assert.deepEqual(parseYaml("dir: ${paths.root}/logs\nfmt: 'a # b'\nexpr: 3x\n"), { dir: "${paths.root}/logs", fmt: "a # b", expr: "3x" });
  });

  it("reads anchors and merge keys as PyYAML does, and gives null for text that is not YAML instead of throwing", () => {
    assert.deepEqual(parseYaml("base: &b\n  lr: 1e-3\n  batch: 32\nrun:\n  <<: *b\n  batch: 64\n"), { base: { lr: 0.001, batch: 32 }, run: { lr: 0.001, batch: 64 } });
    assert.equal(parseYaml("a: [1, 2\nb: {"), null);
  });
  it("reads booleans as PyYAML does: yes/no/on/off words, but single letters y and n as strings", () => {
    assert.deepEqual(parseYaml("N: 128\nL: 8\ny: n\nshuffle: yes\nnorm: Off\nflag: TRUE\n"), { N: 128, L: 8, y: "n", shuffle: true, norm: false, flag: true });
    assert.deepEqual(parseYaml("Y: N\nv: no\n", { omegaconf: false }), { Y: "N", v: false });
  });
});
