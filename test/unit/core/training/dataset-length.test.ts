import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A map-style dataset class of the workspace that lists its samples in a text file (a file list of `path|text`
// lines, a split's .txt of sample names): its __len__ is the epoch's samples, as Python counts them.
const DATA = `import random
import torch


def load_filepaths_and_text(filename, split="|"):
    with open(filename, encoding="utf-8") as f:
        filepaths_and_text = [line.strip().split(split) for line in f]
    return filepaths_and_text


class TextMelLoader(torch.utils.data.Dataset):
    def __init__(self, audiopaths_and_text, hparams):
        self.audiopaths_and_text = load_filepaths_and_text(audiopaths_and_text)
        random.seed(hparams["seed"])
        random.shuffle(self.audiopaths_and_text)

    def __getitem__(self, index):
        return self.audiopaths_and_text[index]

    def __len__(self):
        return len(self.audiopaths_and_text)
`;

const TRAIN = `import torch
from torch.utils.data import DataLoader
from data_utils import TextMelLoader


def train(hparams):
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.Adam(model.parameters())
    trainset = TextMelLoader(hparams["training_files"], hparams)
    train_loader = DataLoader(trainset, batch_size=4, shuffle=True, drop_last=True)
    for epoch in range(3):
        for x, y in train_loader:
            loss = model(x).sum()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    train({"training_files": "filelists/train_filelist.txt", "seed": 1})
`;

const LIST = Array.from({ length: 10 }, (_, i) => `wavs/${i}.wav|text number ${i}`).join("\n") + "\n";

describe("a workspace dataset's own length", () => {
  it("counts the samples its __len__ gives over a file list read in __init__", async () => {
    const plan = (await analyze(TRAIN, { others: { "/project/data_utils.py": DATA, "/project/filelists/train_filelist.txt": LIST } })).training ?? {};
    assert.equal(plan.samples?.value, 10);
    assert.match(plan.samples!.detail, /TextMelLoader\.__len__/);
    assert.equal(plan.batch?.value, 4);
    assert.equal(plan.epochs?.value, 3);
  });

  it("gives no samples when the list is not in the workspace", async () => {
    const plan = (await analyze(TRAIN, { others: { "/project/data_utils.py": DATA } })).training ?? {};
    assert.equal(plan.samples, undefined);
  });

  it("reads a split's .txt with readlines(), as a dataset that opens it by a joined path does", async () => {
    const data = DATA.replace(`        self.audiopaths_and_text = load_filepaths_and_text(audiopaths_and_text)\n`, `        self.audiopaths_and_text = open(os.path.join("lists", "train" + ".txt")).readlines()\n`).replace("import random\n", "import os\nimport random\n");
    const plan = (await analyze(TRAIN, { others: { "/project/data_utils.py": data, "/project/lists/train.txt": "case0005_slice000\ncase0005_slice001\ncase0005_slice002\n" } })).training ?? {};
    assert.equal(plan.samples?.value, 3);
  });
});
