import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Packages whose __init__ files re-export a name from each other (src/core/interp/program.ts, reExported): the
// lookup goes round; the analysis ends with the name unknown instead of overflowing the stack.
describe("re-exports that go round between packages (src/core/interp/program.ts)", () => {
  it("leaves a name two packages re-export from each other unknown and still reads the script's model", async () => {
    const result = await analyze("import pkg\nimport torch.nn as nn\nhelper = pkg.helper\nmodel = nn.Linear(4, 2)\n", {
      others: {
        "/project/pkg/__init__.py": "from .sub import helper\n",
        "/project/pkg/sub/__init__.py": "from .. import helper\n",
      },
    });
    assert.equal(result.models.length, 1);
    assert.equal(result.models[0].params, 10);
  });
});
