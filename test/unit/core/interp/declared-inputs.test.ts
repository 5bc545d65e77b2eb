import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// A subclassed Keras model that declares no input itself reads what its first declaring part declares
// (src/core/interp/declared-inputs.ts, declaredInputsOfParts): Keras builds the subclass on its first call.
describe("inputs a subclassed Keras model's parts declare", () => {
  it("a Model subclass whose call runs an inner Sequential with input_shape= reads that shape", async () => {
    const m = await onlyModel(`from tensorflow.keras import layers, models

class Net(models.Model):
    def __init__(self, input_shape):
        super(Net, self).__init__()
        body = models.Sequential()
        body.add(layers.Conv2D(16, (3, 3), padding='same', input_shape=input_shape))
        body.add(layers.Activation('relu'))
        body.add(layers.Flatten())
        body.add(layers.Dense(10))
        self.body = body

    def call(self, x):
        return self.body(x)

model = Net([8, 8, 3])
`);
    assert.deepEqual(m.inputs, [{ shape: [1, 8, 8, 3], dtype: "float32" }]);
    // conv 3·3·3·16+16 = 448, dense 8·8·16·10+10 = 10,250
    assert.equal(m.params, 448 + 10250);
    // 2·8·8·9·3·16 + 2·1024·10
    assert.equal(m.flops, 55296 + 20480);
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
  });
});
