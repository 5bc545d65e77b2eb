import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A transformers fine-tuning script driven by click, its options passed on through **kwargs.
const SCRIPT = `import click
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

DEFAULT_EPOCHS = 4


def train(*, input_model: str, epochs: int, per_device_train_batch_size: int, bf16: bool, local_output_dir: str):
    fp16 = not bf16
    model = AutoModelForCausalLM.from_pretrained(input_model)
    training_args = TrainingArguments(
        output_dir=local_output_dir,
        per_device_train_batch_size=per_device_train_batch_size,
        fp16=fp16,
        bf16=bf16,
        num_train_epochs=epochs,
    )
    trainer = Trainer(model=model, args=training_args)
    trainer.train()


@click.command()
@click.option("--input-model", type=str, default="gpt2")
@click.option("--local-output-dir", type=str, required=True)
@click.option("--epochs", type=int, default=DEFAULT_EPOCHS, help="Number of epochs to train for.")
@click.option("--per-device-train-batch-size", type=int, default=6)
@click.option("--bf16", type=bool, default=None)
def main(**kwargs):
    train(**kwargs)


if __name__ == "__main__":
    main()
`;

describe("click options in training plans", () => {
  it("binds a function the command passes its **kwargs to: epochs, batch and precision from the options' defaults", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 4);
    assert.equal(plan.batch?.value, 6);
    assert.equal(plan.precision?.value, "fp16", "fp16 = not bf16, with --bf16 defaulting to None");
  });

  it("a flag declared True flips the precision; a function the command does not call is not bound", async () => {
    const on = (await analyze(SCRIPT.replace('"--bf16", type=bool, default=None', '"--bf16", type=bool, default=True'))).training ?? {};
    assert.equal(on.precision?.value, "bf16");
    const unbound = (await analyze(SCRIPT.replace("    train(**kwargs)", "    print(kwargs)"))).training ?? {};
    assert.notEqual(unbound.epochs?.value, 4);
  });
});
