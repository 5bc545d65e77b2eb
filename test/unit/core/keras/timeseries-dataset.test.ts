import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Windows over a synthetic series, made by keras.utils.timeseries_dataset_from_array and fitted.
const SCRIPT = `import numpy as np
from tensorflow import keras
wave = np.cos(np.arange(3000) * 0.05).astype("float32")
features = wave.reshape(-1, 1)
windows = keras.utils.timeseries_dataset_from_array(ARGS)
net = keras.Sequential([keras.layers.GRU(8, input_shape=(12, 1)), keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(windows, epochs=2)
`;

describe("keras.utils.timeseries_dataset_from_array (timeseries-dataset.ts)", () => {
  it("makes end - start - (length - 1) * rate windows, no more than the targets, by the stride, in batches", async () => {
    const cases: [string, number, number][] = [
      // 2988 rows of data, 12-long windows: 2977 of them; 2988 targets.
      ["features[:-12], targets=wave[12:], sequence_length=12, batch_size=50", 2977, 50],
      // end_index 2000, sampling_rate 2: 2000 - 22 = 1978 windows, every third: 660; default batch 128.
      ["features[:-12], wave[12:], 12, sequence_stride=3, sampling_rate=2, end_index=2000", 660, 128],
      // fewer targets than windows: 500.
      ["features, targets=wave[:500], sequence_length=12, batch_size=25", 500, 25],
    ];
    for (const [args, windows, batch] of cases) {
      const plan = (await analyze(SCRIPT.replace("ARGS", args))).training ?? {};
      assert.equal(plan.samples?.value, windows, args);
      assert.equal(plan.batch?.value, batch, args);
    }
  });
});
