import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { fitInputOrigin } from "../../../../src/core/training/fit-input-origins";
import { lowerModule } from "../../../../src/core/python/lower";

const parsePython = async (text: string) => lowerModule((await testParser()).parse(text)).body;

// A Keras fit whose input comes, through the file's own functions, from a slice of a loaded dataset's array.
const SCRIPT = `from tensorflow import keras
from tensorflow.keras.datasets import fashion_mnist


def split():
    (images, labels), _ = fashion_mnist.load_data()
    images, held_images = images[12000:], images[:12000]
    labels, held_labels = labels[12000:], labels[:12000]
    return (images, labels), (held_images, held_labels)


def build():
    net = keras.Sequential([keras.layers.Flatten(input_shape=(28, 28)), keras.layers.Dense(10)])
    net.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return net


def fit_on(net, pairs, rounds):
    net.fit(pairs[0], pairs[1], epochs=rounds, batch_size=100)


fitting, holding = split()
fit_on(build(), PASSED, 4)
`;

describe("a fit's input followed back through the file's functions", () => {
  it("trains on the rows a slice keeps where the input is a returned tuple's item passed as a parameter", async () => {
    const plan = (await analyze(SCRIPT.replace("PASSED", "fitting"))).training ?? {};
    assert.equal(plan.samples?.value, 48000, plan.samples?.detail);
    assert.equal(plan.epochs?.value, 4);
    const held = (await analyze(SCRIPT.replace("PASSED", "holding"))).training ?? {};
    assert.notEqual(held.samples?.value, 48000, "the held-out part is not the slice the fit takes");
  });

  it("follows subscripts, one call's argument, tuple targets and a single return, and stops at two calls", async () => {
    const body = await parsePython(SCRIPT.replace("PASSED", "fitting"));
    const fitOn = body.find((s) => s.type === "function" && s.name === "fit_on");
    assert.ok(fitOn && fitOn.type === "function");
    const x: Parameters<typeof fitInputOrigin>[0] = { type: "subscript", object: { type: "name", id: "pairs", pos: fitOn.pos }, index: { type: "int", value: 0, pos: fitOn.pos }, pos: fitOn.pos };
    const origin = fitInputOrigin(x, fitOn, body);
    assert.equal(origin?.name, "images");
    assert.equal(origin?.fn?.name, "split");
    const twice = await parsePython(SCRIPT.replace("PASSED", "fitting") + "fit_on(build(), holding, 2)\n");
    const fitOnTwice = twice.find((s) => s.type === "function" && s.name === "fit_on");
    assert.equal(fitInputOrigin(x, fitOnTwice && fitOnTwice.type === "function" ? fitOnTwice : undefined, twice), undefined);
  });
});
