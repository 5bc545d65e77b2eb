import assert from "node:assert/strict";
import { inferenceCalls, assignmentsFromCalls } from "../../../../src/core/rules/model-usage";
import { PythonFile } from "../../../../src/core/rules/python-file";
import { runTargetOf } from "../../../../src/core/rules/run-target";
import { testParser } from "../../helpers/analyze";

// A function's `device` parameter rebound to `torch.device(device)`: reading the device must end (it once recursed
// until the stack ran out and the whole analysis failed).
const REBOUND = [
  "import torch",
  "import torch.nn as nn",
  "",
  "class Net(nn.Module):",
  "    pass",
  "",
  "def main(device, epochs):",
  "    device = torch.device(device)",
  "    model = Net().to(device)",
  "    return model",
  "",
  "if __name__ == '__main__':",
  "    main('cuda', 3)",
  "",
].join("\n");

describe("a device variable rebound to torch.device of itself", () => {
  it("is read without recursing forever", async () => {
    const tree = (await testParser()).parse(REBOUND);
    try {
      const file = new PythonFile("/p/main.py", REBOUND, tree);
      const site = assignmentsFromCalls(file).find((a) => a.variable === "model");
      assert.ok(site);
      const target = runTargetOf(file, "model", site, inferenceCalls(file, "model"));
      assert.ok(["cuda", "unknown"].includes(target.device));
    } finally {
      tree.delete();
    }
  });
});
