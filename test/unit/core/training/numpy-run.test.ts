import { strict as assert } from "node:assert";
import { trainingPlanJson, trainingPlanLine } from "../../../../src/cli/estimate-options";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { analyze } from "../../helpers/analyze";

// A run written with numpy alone trains float64 arrays, numpy's default (numpy-run.ts): its dtype is fp64, read only
// where nothing the file imports (or its own modules import) could hold a tensor framework or a narrower float.
const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const SCRIPT = (imports: string, extra = "") => `${imports}

class Factorizer:
    def __init__(self, rounds):
        self.rounds = rounds
        self.users = np.random.normal(size=(12, 4))
        self.items = np.random.normal(size=(9, 4))

    def fit(self, ratings):
        for epoch in range(self.rounds):
            for u in range(12):
                for i in range(9):
                    err = ratings[u, i] - self.users[u] @ self.items[i]
                    self.users[u] += 0.01 * err * self.items[i]
${extra}
Factorizer(45).fit(np.ones((12, 9)))
`;

describe("a run written with numpy alone is fp64 (numpy-run.ts)", function () {
  this.timeout(20_000);
  it("reads fp64 from the numpy import where nothing else could hold a framework", async () => {
    const plan = await planOf(SCRIPT("import os\nimport numpy as np\nimport pandas as pd"));
    assert.equal(plan.epochs?.value, 45);
    assert.equal(plan.numpyArrays?.line, 2);
    assert.equal(trainingPlanJson(plan).dtype, "fp64");
    assert.match(trainingPlanLine(plan), /45 epochs, fp64 \(epochs: code line 12, dtype: code line 2, numpy arrays \(import numpy as np and no tensor framework\): float64 is numpy's default\); a numpy run builds no network/);
  });

  it("follows the workspace's own modules: one importing only the numpy stack keeps fp64", async () => {
    const plan = await planOf(SCRIPT("import numpy as np\nfrom helpers.tables import load"), { "/project/helpers/__init__.py": "", "/project/helpers/tables.py": "import pandas as pd\n\ndef load(p):\n    return pd.read_csv(p)\n" });
    assert.equal(plan.numpyArrays?.line, 1);
  });

  it("does not read fp64 where an own module imports a tensor framework", async () => {
    const plan = await planOf(SCRIPT("import numpy as np\nfrom helpers.tables import load"), { "/project/helpers/__init__.py": "", "/project/helpers/tables.py": "import torch\n\ndef load(p):\n    return torch.load(p)\n" });
    assert.equal(plan.epochs?.value, 45);
    assert.equal(plan.numpyArrays, undefined);
    assert.equal(trainingPlanJson(plan).dtype, "fp32");
  });

  it("does not read it where the file imports torch, a library it does not know, or names float32", async () => {
    for (const imports of ["import numpy as np\nimport torch", "import numpy as np\nimport mystery_lib"]) {
      const plan = await planOf(SCRIPT(imports));
      assert.equal(plan.epochs?.value, 45, imports);
      assert.equal(plan.numpyArrays, undefined, imports);
    }
    const cast = await planOf(SCRIPT("import numpy as np", "        self.users = self.users.astype(np.float32)\n"));
    assert.equal(cast.numpyArrays, undefined);
  });
});
