import { strict as assert } from "node:assert";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { analyze } from "../../helpers/analyze";

// pandas tables as their sizes (pandas-package.ts, csv-tables.ts): a CSV the workspace holds has its records as rows,
// less the header line; column picks keep the rows; a filter by the data's values leaves them unknown.
const TABLE = `size,rooms,age,price
120,3,10,300
80,2,25,180
"1,000",5,2,900
60,1,40,120
95,2,15,210
`;

const SCRIPT = (frame: string) => `import pandas as pd
import torch
from torch import nn

${frame}
inputs = torch.tensor(features.values, dtype=torch.float32)
model = nn.Linear(inputs.shape[1], 1)
adam = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(40):
    loss = model(inputs).mean()
    adam.zero_grad()
    loss.backward()
    adam.step()
`;

const planOf = async (frame: string, others: Record<string, string> = { "/project/homes.csv": TABLE }): Promise<TrainingPlan> =>
  (await analyze(SCRIPT(frame), { others })).training ?? {};

describe("pandas tables read from the workspace (pandas-package.ts)", function () {
  this.timeout(20_000);
  it("counts a table with no quotes by its lines: blank lines and lines of commas alone are no records, CRLF ends a line", async () => {
    const unquoted = "size,rooms,age,price\r\n120,3,10,300\r\n\r\n80,2,25,180\r\n,,,\r\n60,1,40,120\r\n";
    const plan = await planOf(`frame = pd.read_csv("homes.csv")\nfeatures = frame.iloc[:, :-1]`, { "/project/homes.csv": unquoted });
    assert.equal(plan.samples?.value, 3);
  });

  it("read_csv's rows are the file's records less the header, through iloc column slices", async () => {
    const plan = await planOf(`frame = pd.read_csv("homes.csv")\nfeatures = frame.iloc[:, :-1]`);
    assert.equal(plan.samples?.value, 5);
    assert.equal(plan.batch?.value, 5);
  });

  it("keeps the rows through drop(columns=...), column arithmetic and a normalisation", async () => {
    const plan = await planOf(`frame = pd.read_csv("homes.csv")\nframe = (frame - frame.mean()) / (frame.max() - frame.min())\nfeatures = frame.drop(columns=["price"])`);
    assert.equal(plan.samples?.value, 5);
  });

  it("header=None counts the first line as a record; nrows and iloc row slices trim", async () => {
    assert.equal((await planOf(`frame = pd.read_csv("homes.csv", header=None)\nfeatures = frame`)).samples?.value, 6);
    assert.equal((await planOf(`frame = pd.read_csv("homes.csv", nrows=3)\nfeatures = frame`)).samples?.value, 3);
    assert.equal((await planOf(`frame = pd.read_csv("homes.csv")\nfeatures = frame.iloc[1:4, [0, 1]]`)).samples?.value, 3);
  });

  it("a row slice of the frame itself (df[:N], df[a:b]) takes those rows by position", async () => {
    assert.equal((await planOf(`frame = pd.read_csv("homes.csv")[:3]\nfeatures = frame.drop(["price"], axis=1)`)).samples?.value, 3);
    assert.equal((await planOf(`frame = pd.read_csv("homes.csv")\nfeatures = frame[1:]`)).samples?.value, 4);
    assert.equal((await planOf(`frame = pd.read_csv("homes.csv")\nfeatures = frame[frame["age"] > 10]`)).samples, undefined);
  });

  it("a separator other than a comma splits the lines by it", async () => {
    const plan = await planOf(`frame = pd.read_csv("homes.tsv", sep="\\t")\nfeatures = frame[["a", "b"]]`, { "/project/homes.tsv": "a\tb\tc\n1\t2\t3\n4\t5\t6\n" });
    assert.equal(plan.samples?.value, 2);
  });

  it("rows kept by a condition on the data, or a file the workspace lacks, stay unknown", async () => {
    assert.equal((await planOf(`frame = pd.read_csv("homes.csv")\nfeatures = frame[frame["age"] > 20]`)).samples, undefined);
    assert.equal((await planOf(`frame = pd.read_csv("missing.csv")\nfeatures = frame`)).samples, undefined);
  });

  // A DataFrame built from an array has a row per item of its first axis (pandas.DataFrame: "data: ndarray ...").
  it("a DataFrame built from an array, or a dict of arrays, has the array's rows", async () => {
    const fromArray = await planOf(`import numpy as np\nframe = pd.DataFrame(np.zeros((64, 5)), columns=["a", "b", "c", "d", "e"])\nframe["y"] = np.ones(64)\nfeatures = frame.drop("y", axis=1)`, {});
    assert.equal(fromArray.samples?.value, 64);
    const unnamed = await planOf(`import numpy as np\nfeatures = pd.DataFrame(np.zeros((48, 3)))`, {});
    assert.equal(unnamed.samples?.value, 48);
    const fromDict = await planOf(`import numpy as np\nfeatures = pd.DataFrame({"a": np.zeros(30), "b": np.ones(30)})`, {});
    assert.equal(fromDict.samples?.value, 30);
  });
});
