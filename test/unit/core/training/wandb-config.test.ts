import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras run whose epochs and batch live in wandb's config: set on it, given to init(), or in config-defaults.yaml.
const SCRIPT = `import numpy as np
import wandb
from wandb.keras import WandbCallback
from keras.models import Sequential
from keras.layers import Dense

run = wandb.init()
config = run.config
config.batch_size = 64
config.epochs = 100
x = np.zeros((500, 4))
y = np.zeros((500, 1))
model = Sequential([Dense(1, input_shape=(4,))])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, batch_size=config.batch_size, epochs=config.epochs, callbacks=[WandbCallback()])
wandb.log({"done": 1})
`;

const plan = async (text: string, others?: Record<string, string>) => (await analyze(text, others ? { others } : undefined)).training ?? {};

describe("wandb's run configuration (built-in stand-in)", () => {
  it("keeps what the script sets on wandb.config or run.config", async () => {
    const p = await plan(SCRIPT);
    assert.equal(p.epochs?.value, 100);
    assert.equal(p.batch?.value, 64);
    const module = await plan(SCRIPT.replace("config = run.config", "config = wandb.config"));
    assert.equal(module.epochs?.value, 100);
  });

  it("takes init(config=...)'s values, and config-defaults.yaml's beside the script under what the script sets", async () => {
    const given = await plan(SCRIPT.replace("run = wandb.init()", 'run = wandb.init(config={"epochs": 7})').replace("config.epochs = 100\n", ""));
    assert.equal(given.epochs?.value, 7);
    const yaml = "wandb_version: 1\n\nepochs:\n   desc: The number of epochs\n   value: 12\nbatch_size:\n   desc: Samples in a batch\n   value: 16\n";
    const filed = await plan(SCRIPT.replace("config.batch_size = 64\nconfig.epochs = 100\n", ""), { "/project/config-defaults.yaml": yaml });
    assert.deepEqual([filed.epochs?.value, filed.batch?.value], [12, 16]);
  });

  it("leaves a key nobody sets unknown", async () => {
    const p = await plan(SCRIPT.replace("config.epochs = 100\n", ""));
    assert.notEqual(p.epochs?.value, 100);
    assert.equal(p.batch?.value, 64);
  });
});
