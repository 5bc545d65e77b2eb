import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A prediction script's command line copied from its training script sets no run where the file trains nothing
// (src/core/training/copied-options.ts).
const SCRIPT = (body: string) => `import argparse
import pickle
from vocab import Corpus
from sampler import predict


def load(path):
    with open(path, "rb") as f:
        return pickle.load(f)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--seq-len", type=int, default=12)
    args = parser.parse_args()
    corpus = Corpus(args)
    net = load("net.pkl")
${body}
`;

describe("a prediction script's copied options", () => {
  it("state no run where the file only predicts with them", async () => {
    const result = await analyze(SCRIPT('    print(predict(corpus, net, "a b c"))'));
    assert.equal(result.training?.epochs, undefined);
    assert.equal(result.training?.batch, undefined);
  });

  it("keep their plan where the file names no prediction (another file's call may train)", async () => {
    const result = await analyze(SCRIPT("    run(corpus, net, args)"));
    assert.equal(result.training?.epochs?.value, 30);
    assert.equal(result.training?.batch?.value, 128);
  });

  it("keep their plan where the file trains as well as predicts", async () => {
    const result = await analyze(SCRIPT('    train(corpus, net, args)\n    print(predict(corpus, net, "a b c"))'));
    assert.equal(result.training?.epochs?.value, 30);
  });
});
