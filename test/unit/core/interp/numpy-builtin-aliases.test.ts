import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// NumPy 1.x's aliases of the builtins (`np.bool`, `np.float`, `np.int`), removed in 1.24 and np.bool back in 2.0: an
// array built with one as its dtype has its shape, so the fit on it has its rows (numpy-arrays.ts).
const SCRIPT = (dtype: string) => `import numpy as np
from keras.models import Sequential
from keras.layers import Dense

codes = np.zeros((1200, 6, 11), dtype=${dtype})
labels = np.zeros((1200, 3), dtype=${dtype})
net = Sequential()
net.add(Dense(3, input_shape=(6, 11)))
net.compile(loss="mse", optimizer="sgd")
net.fit(codes, labels, batch_size=40, epochs=2)
`;

describe("numpy's aliases of the builtins are dtypes (numpy-arrays.ts)", function () {
  this.timeout(20_000);
  for (const dtype of ["np.bool", "np.float", "np.int"]) {
    it(`sizes an array of dtype ${dtype}`, async () => {
      assert.equal((await analyze(SCRIPT(dtype))).training?.samples?.value, 1200);
    });
  }
});
