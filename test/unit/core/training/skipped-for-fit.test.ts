import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop in a branch the plain run skips, beside a Keras fit it takes (src/core/training/skipped-for-fit.ts):
// the fit is the run; alone, the skipped loop's figures stand with a note (skipped-by-default.ts).
const SCRIPT = (test: string, fit = "net.fit(xs, ys, epochs=30, batch_size=25)") => `import numpy as np
import tensorflow as tf

xs = np.linspace(0, 1, 250)
ys = 3 * xs + 1
net = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(1,))])
net.compile("sgd", "mse")
USE_FIT = True
if ${test}:
    ${fit}
else:
    for step in range(400):
        net.train_on_batch(xs, ys)
`;

const planOf = async (text: string) => (await analyze(text)).training ?? {};

describe("a skipped step loop beside a Keras fit the defaults reach (src/core/training/skipped-for-fit.ts)", () => {
  it("takes the fit's run where the if's test holds (a constant or a flag the script sets)", async () => {
    for (const test of ["1", "USE_FIT"]) {
      const plan = await planOf(SCRIPT(test));
      assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [30, 25, 250], test);
      assert.notEqual(plan.steps?.value, 400, test);
    }
  });

  it("takes the loop's steps where the defaults reach the loop instead", async () => {
    assert.equal((await planOf(SCRIPT("0"))).steps?.value, 400);
  });

  it("keeps the skipped loop's figures where the fit in the taken branch is no Keras fit (a scikit-learn scaler's)", async () => {
    const text = SCRIPT("1", "scaler.fit(xs.reshape(-1, 1))").replace("import numpy as np", "import numpy as np\nfrom sklearn.preprocessing import StandardScaler\nscaler = StandardScaler()");
    assert.equal((await planOf(text)).steps?.value, 400);
  });
});
