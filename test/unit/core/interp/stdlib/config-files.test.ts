import assert from "node:assert/strict";
import { onlyModel } from "../../../helpers/analyze";

// Config files read as data (src/core/interp/stdlib/config-files.ts): a model's sizes set by a workspace YAML or
// JSON file the script opens by a known path are the file's, as Python reads them; a file that is not there leaves
// the value unknown, as before.
const MODEL = (read: string) => `import json
import yaml
import torch.nn as nn
from omegaconf import OmegaConf

${read}

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(cfg["model"]["width"], 4)

    def forward(self, x):
        return self.fc(x)

model = Net()
`;
const YAML = "model:\n  width: 12  # hidden size\n  lr: 2e-3\n";

describe("config files read with yaml, json and OmegaConf (src/core/interp/stdlib/config-files.ts)", () => {
  it("yaml.safe_load(open(path)) reads a workspace file relative to the script's folder", async () => {
    const m = await onlyModel(MODEL(`cfg = yaml.safe_load(open("configs/net.yaml"))`), { others: { "/project/configs/net.yaml": YAML } });
    assert.equal(m.params, 12 * 4 + 4);
  });

  it("a script in a subfolder opens a relative path from the workspace folder when its own folder has no such file", async () => {
    const read = MODEL(`cfg = yaml.safe_load(open("configs/net.yaml"))`);
    const fromRoot = await onlyModel(read, { file: "/project/tools/train.py", others: { "/project/configs/net.yaml": YAML } });
    assert.equal(fromRoot.params, 12 * 4 + 4);
    // The script's own folder comes first, as before.
    const own = await onlyModel(read, { file: "/project/tools/train.py", others: { "/project/configs/net.yaml": YAML, "/project/tools/configs/net.yaml": "model:\n  width: 3\n" } });
    assert.equal(own.params, 3 * 4 + 4);
  });

  it("`with open(...) as f: yaml.load(f, Loader=yaml.FullLoader)` and json.load(f) read the same", async () => {
    const withYaml = await onlyModel(MODEL(`with open("configs/net.yaml", "r") as f:\n    cfg = yaml.load(f, Loader=yaml.FullLoader)`), { others: { "/project/configs/net.yaml": YAML } });
    assert.equal(withYaml.params, 12 * 4 + 4);
    const withJson = await onlyModel(MODEL(`with open("net.json") as f:\n    cfg = json.load(f)`), { others: { "/project/net.json": '{"model": {"width": 6}}' } });
    assert.equal(withJson.params, 6 * 4 + 4);
    const fromText = await onlyModel(MODEL(`cfg = json.loads(open("net.json").read())`), { others: { "/project/net.json": '{"model": {"width": 5}}' } });
    assert.equal(fromText.params, 5 * 4 + 4);
  });

  it("readline reads a text file line by line, its newline kept, then \"\" at the end (YOLO's anchors file)", async () => {
    const read = `with open("model_data/sizes.txt", encoding="utf8") as f:
    first = f.readline()
    second = f.readline()
    rest = f.readline()
cfg = {"model": {"width": int(first) * 10 + int(second.strip()) + len(rest)}}`;
    const m = await onlyModel(MODEL(read), { others: { "/project/model_data/sizes.txt": "1\n2\n" } });
    assert.equal(m.params, 12 * 4 + 4);
  });

  it("OmegaConf.load gives a config read by item and by attribute", async () => {
    const m = await onlyModel(MODEL(`conf = OmegaConf.load("configs/net.yaml")\ncfg = {"model": {"width": conf.model.width + conf["model"]["width"]}}`), { others: { "/project/configs/net.yaml": YAML } });
    assert.equal(m.params, 24 * 4 + 4);
  });

  it("a missing file or a file opened for writing is not read", async () => {
    const others = { "/project/configs/net.yaml": YAML };
    const missing = await onlyModel(MODEL(`cfg = yaml.safe_load(open("configs/none.yaml"))`), { others });
    assert.notEqual(missing.params, 12 * 4 + 4);
    const written = await onlyModel(MODEL(`cfg = yaml.safe_load(open("configs/net.yaml", "w"))`), { others });
    assert.notEqual(written.params, 12 * 4 + 4, "a file opened with 'w' gives no text");
    const read = await onlyModel(MODEL(`cfg = yaml.safe_load(open("configs/net.yaml", "r"))`), { others });
    assert.equal(read.params, 12 * 4 + 4);
  });

  it("a config file opened in binary mode feeds yaml.load and json.load, as both take binary files", async () => {
    const withYaml = await onlyModel(MODEL(`with open("configs/net.yaml", "rb") as f:\n    cfg = yaml.load(f, Loader=yaml.FullLoader)`), { others: { "/project/configs/net.yaml": YAML } });
    assert.equal(withYaml.params, 12 * 4 + 4);
    const withJson = await onlyModel(MODEL(`cfg = json.load(open("net.json", mode="rb"))`), { others: { "/project/net.json": '{"model": {"width": 6}}' } });
    assert.equal(withJson.params, 6 * 4 + 4);
    // A list file read in binary is no text the analyzer reads (its lines would be bytes).
    const listed = await onlyModel(MODEL(`cfg = {"model": {"width": len(open("sizes.txt", "rb").readlines())}}`), { others: { "/project/sizes.txt": "1\n2\n" } });
    assert.notEqual(listed.params, 2 * 4 + 4);
  });
});
