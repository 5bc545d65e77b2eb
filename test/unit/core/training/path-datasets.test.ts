import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loader built from a path has the files under it, not the path's characters (src/core/training/loader-functions.ts).
const SCRIPT = `from tensorflow import keras
from settings import FOLDER, BATCH
from inputs import make_flows

flows = make_flows()
net = keras.Sequential([keras.layers.Flatten(input_shape=(96, 96, 3)), keras.layers.Dense(4, activation="softmax")])
net.compile("adam", "categorical_crossentropy")
net.fit_generator(flows, epochs=7)
`;
const SETTINGS = `FOLDER = "images/training_set"
BATCH = 24
`;
const INPUTS = `from tensorflow import keras
import settings

def make_flows():
    maker = keras.preprocessing.image.ImageDataGenerator(rescale=1.0 / 255)
    return maker.flow_from_directory(settings.FOLDER, target_size=(96, 96), batch_size=settings.BATCH)
`;

describe("a loader built from a directory path", () => {
  it("leaves its samples unknown rather than the path's length", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/settings.py": SETTINGS, "/project/inputs.py": INPUTS } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [7, 24, undefined]);
  });
});
