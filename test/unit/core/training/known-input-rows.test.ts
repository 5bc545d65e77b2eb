import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A multi-input Keras fit whose one input has rows the code states (an initial state of zeros) and whose other comes
// from a helper module the workspace lacks: Keras refuses inputs whose first dimensions differ, so the run has the
// known input's rows.
const STATE = `import numpy as np
from keras.layers import Input, Dense, LSTM, Concatenate
from keras.models import Model
from absent_helpers import make_sequences

count = 1200
sequences, targets = make_sequences(count)
seq_in = Input(shape=(20, 8))
state_in = Input(shape=(16,))
h = LSTM(16)(seq_in)
out = Dense(4)(Concatenate()([h, state_in]))
net = Model(inputs=[seq_in, state_in], outputs=out)
net.compile(optimizer="adam", loss="categorical_crossentropy")
zeros_state = np.zeros((count, 16))
net.fit([sequences, zeros_state], targets, epochs=4, batch_size=50)
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("a multi-input Keras fit with one input of known rows", () => {
  it("takes the known input's rows as its samples, beside the fit's epochs and batch", async () => {
    const p = await plan(STATE);
    assert.equal(p.samples?.value, 1200);
    assert.match(p.samples!.detail, /zeros_state/);
    assert.equal(p.epochs?.value, 4);
    assert.equal(p.batch?.value, 50);
  });

  it("reads the rows from a dict of inputs too", async () => {
    const p = await plan(STATE.replace("net.fit([sequences, zeros_state],", 'net.fit({"seq": sequences, "state": zeros_state},'));
    assert.equal(p.samples?.value, 1200);
  });

  it("reads none where no input's rows are known", async () => {
    assert.equal((await plan(STATE.replace("np.zeros((count, 16))", "make_sequences(count)[0]"))).samples, undefined);
  });

  it("reads none where two known inputs disagree", async () => {
    const p = await plan(STATE.replace("net.fit([sequences, zeros_state],", "net.fit([np.zeros((600, 20, 8)), zeros_state],"));
    assert.equal(p.samples, undefined);
  });
});
