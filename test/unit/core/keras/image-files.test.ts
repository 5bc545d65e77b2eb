import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// Keras' load_img and img_to_array give an image's array from target_size and color_mode (src/core/keras/image-files.ts),
// so a fit on images read one file at a time is sized from their count. A script written for this test.
const script = (read: string, channels: number) => `import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Flatten
from keras.preprocessing.image import load_img, img_to_array

scans = []
for k in range(40):
    page = load_img("scan_%d.png" % k, ${read})
    scans.append(img_to_array(page).astype("float32") / 255)
scans = np.array(scans)[4:]

net = Sequential()
net.add(Flatten(input_shape=(6, 8, ${channels})))
net.add(Dense(1, activation="sigmoid"))
net.compile(optimizer="adam", loss="mse")
net.fit(scans, np.zeros((36, 1)), epochs=5, batch_size=8)
`;

const planOf = async (text: string) => {
  const result = await analyze(text);
  return trainingPlanOf(result, result.models[0]!);
};

describe("keras load_img and img_to_array as shapes (src/core/keras/image-files.ts)", () => {
  it("make a grayscale image of target_size one channel deep, so the fit's rows are the files read", async () => {
    const plan = await planOf(script('color_mode="grayscale", target_size=(6, 8)', 1));
    assert.equal(plan?.samples?.value, 36);
    assert.equal(plan?.batch?.value, 8);
  });

  it("make an rgb image by default, three channels deep", async () => {
    const plan = await planOf(script("target_size=(6, 8)", 3));
    assert.equal(plan?.samples?.value, 36);
  });

  it("leave an image without target_size unknown (its file's size is not read)", async () => {
    const plan = await planOf(script('color_mode="grayscale"', 1));
    assert.equal(plan?.samples, undefined);
  });
});
