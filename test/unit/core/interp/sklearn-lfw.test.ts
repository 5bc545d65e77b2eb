import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// scikit-learn's fetch_lfw_people as shapes: the published count of faces for a min_faces_per_person threshold, each
// cropped and resized as the fetcher does (src/core/interp/stdlib/sklearn-lfw.ts). A script written for this test.
const script = (fetch: string) => `from sklearn.datasets import fetch_lfw_people
from sklearn.model_selection import train_test_split
from tensorflow.keras import layers, models
from tensorflow.keras.utils import to_categorical

faces = ${fetch}
count, height, width = faces.images.shape
pixels = faces.images.reshape(count, height, width, 1) / 255.0
labels = to_categorical(faces.target, len(faces.target_names))
x_fit, x_held, y_fit, y_held = train_test_split(pixels, labels, test_size=0.25, random_state=1)

net = models.Sequential()
net.add(layers.Conv2D(4, 3, activation="relu", input_shape=(height, width, 1)))
net.add(layers.Flatten())
net.add(layers.Dense(len(faces.target_names), activation="softmax"))
net.compile(optimizer="adam", loss="categorical_crossentropy")
net.fit(x_fit, y_fit, epochs=4, batch_size=50)
`;

describe("sklearn fetch_lfw_people as shapes (src/core/interp/stdlib/sklearn-lfw.ts)", () => {
  it("gives the published faces for min_faces_per_person=70, resized, so the fit's samples and model are known", async () => {
    const result = await analyze(script("fetch_lfw_people(min_faces_per_person=70, resize=0.4)"));
    const plan = trainingPlanOf(result, result.models[0]!);
    assert.equal(plan?.samples?.value, 966);
    // 50 x 37 faces: Conv2D 4 x (9 + 1), then Dense 7 over 48 x 35 x 4 features.
    assert.equal(result.models[0]!.params, 40 + (48 * 35 * 4 + 1) * 7);
  });

  it("leaves a threshold whose count is not published unknown", async () => {
    const result = await analyze(script("fetch_lfw_people(min_faces_per_person=33)"));
    const plan = result.models[0] ? trainingPlanOf(result, result.models[0]) : result.training;
    assert.equal(plan?.samples, undefined);
  });
});
