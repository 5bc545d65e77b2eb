import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { audioDatasetSize, audioPartSize } from "../../../../src/core/training/audio-dataset-sizes";

// A keyword-spotting loop over a torchaudio data set; LOAD binds train_set its own way.
const SCRIPT = `import os
import torch
import torch.nn as nn
import torchaudio
from torchaudio.datasets import SPEECHCOMMANDS, LIBRISPEECH

LOAD
loader = torch.utils.data.DataLoader(train_set, batch_size=100, shuffle=True)
net = nn.Linear(16, 35)
opt = torch.optim.Adam(net.parameters())
for epoch in range(2):
    for wave, target in loader:
        loss = net(wave).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

// A subclass choosing its part by testing the parameter against the library's part names, as the tutorial's does.
const PICKER = `class Picked(SPEECHCOMMANDS):
    def __init__(self, which: str = None):
        super().__init__("./", download=True)
        def listed(name):
            with open(os.path.join(self._path, name)) as f:
                return [line.strip() for line in f]
        if which == "validation":
            self._walker = listed("validation_list.txt")
        elif which == "training":
            dropped = set(listed("validation_list.txt") + listed("testing_list.txt"))
            self._walker = [w for w in self._walker if w not in dropped]
`;

const run = async (load: string) => (await analyze(SCRIPT.replace("LOAD", load))).training;

describe("torchaudio data sets of known size", () => {
  it("takes the part SPEECHCOMMANDS' subset and LIBRISPEECH's url name", async () => {
    const training = await run(`train_set = SPEECHCOMMANDS("./", download=True, subset="training")`);
    assert.equal(training?.samples?.value, 84_843);
    assert.equal(training?.batch?.value, 100);
    assert.equal((await run(`train_set = torchaudio.datasets.SPEECHCOMMANDS("./", subset="validation")`))?.samples?.value, 9_981);
    assert.equal((await run(`train_set = SPEECHCOMMANDS("./")`))?.samples?.value, 105_829, "no subset: every recording");
    assert.equal((await run(`train_set = SPEECHCOMMANDS("./", url="speech_commands_v0.01", subset="training")`))?.samples?.value, undefined, "v0.01's parts are not in the table");
    assert.equal((await run(`train_set = LIBRISPEECH("./data", url="train-clean-360")`))?.samples?.value, 104_014);
    assert.equal((await run(`train_set = LIBRISPEECH("./data")`))?.samples?.value, 28_539, "train-clean-100 by default");
    assert.equal((await run(`train_set = torchaudio.datasets.YESNO("./")`))?.samples?.value, 60);
  });

  it("reads a subclass that selects the part by the library's part names", async () => {
    assert.equal((await run(`${PICKER}\ntrain_set = Picked("training")`))?.samples?.value, 84_843);
    assert.equal((await run(`${PICKER}\ntrain_set = Picked(which="validation")`))?.samples?.value, 9_981);
    assert.equal((await run(`${PICKER}\ntrain_set = Picked()`))?.samples?.value, 105_829, "None selects nothing: every recording");
    const renamed = PICKER.replace('which == "training"', 'which == "train"').replace('which == "validation"', 'which == "val"');
    assert.equal((await run(`${renamed}\ntrain_set = Picked("train")`))?.samples?.value, undefined, "parts named otherwise are the subclass's own");
    const plain = `class Plain(SPEECHCOMMANDS):\n    def __getitem__(self, n):\n        return super().__getitem__(n)[:2]\n`;
    assert.equal((await run(`${plain}\ntrain_set = Plain("./", subset="testing")`))?.samples?.value, 11_005, "no __init__: the library's arguments");
  });

  it("keeps each part's count as data", () => {
    const gtzan = audioDatasetSize("GTZAN")!;
    assert.deepEqual(audioPartSize(gtzan, "training"), { value: 443, part: "training" });
    assert.deepEqual(audioPartSize(gtzan, null), { value: 1_000 });
    assert.equal(audioPartSize(gtzan, "train"), undefined);
  });
});
