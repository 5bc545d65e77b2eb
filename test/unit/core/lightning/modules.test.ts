import { strict as assert } from "node:assert";
import { analyze, modelNamed } from "../../helpers/analyze";

// A LightningModule is a torch.nn.Module whether or not Lightning is installed (none is, in these tests).
const LIT = `import torch
from torch import nn
import pytorch_lightning as pl


class LitNet(pl.LightningModule):
    def __init__(self, hidden_dim=64, learning_rate=1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.l1 = nn.Linear(28 * 28, self.hparams.hidden_dim)
        self.l2 = nn.Linear(self.hparams.hidden_dim, 10)

    def forward(self, x):
        return self.l2(torch.relu(self.l1(x.view(x.size(0), -1))))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.cross_entropy(self(x), y)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.learning_rate)
`;

describe("Lightning's LightningModule", () => {
  it("is a model: its layers are counted, with the sizes save_hyperparameters() keeps in self.hparams", async () => {
    const result = await analyze(LIT);
    const m = modelNamed(result, "LitNet");
    assert.equal(m.params, 784 * 64 + 64 + 64 * 10 + 10);
    const wider = modelNamed(await analyze(LIT.replace("hidden_dim=64", "hidden_dim=128")), "LitNet");
    assert.equal(wider.params, 784 * 128 + 128 + 128 * 10 + 10);
  });

  it("is the same class from lightning.pytorch, and save_hyperparameters('name') keeps only the names given", async () => {
    const text = LIT.replace("import pytorch_lightning as pl", "import lightning.pytorch as pl").replace("self.save_hyperparameters()", "self.save_hyperparameters('hidden_dim')");
    assert.equal(modelNamed(await analyze(text), "LitNet").params, 784 * 64 + 64 + 64 * 10 + 10);
    const missing = text.replace("lr=self.hparams.learning_rate", "lr=1e-3").replace("nn.Linear(self.hparams.hidden_dim, 10)", "nn.Linear(self.hparams.learning_rate, 10)");
    assert.equal(modelNamed(await analyze(missing), "LitNet").params, 784 * 64 + 64, "learning_rate was not saved: the second layer is not built");
  });

  it("starts hparams empty, so update(vars(args)) fills it; a call that passes the parsed arguments builds the model", async () => {
    const text = `import argparse
import torch
from torch import nn
import pytorch_lightning as pl

parser = argparse.ArgumentParser()
parser.add_argument("--hidden", default=32, type=int)
args = parser.parse_args()


class Net(pl.LightningModule):
    def __init__(self, hparams):
        super(Net, self).__init__()
        self.hparams.update(vars(hparams))
        self.fc = nn.Linear(10, self.hparams.hidden)

    def forward(self, x):
        return self.fc(x)


if __name__ == "__main__":
    net = Net(args)
    trainer = pl.Trainer(max_epochs=3)
    trainer.fit(net)
`;
    const result = await analyze(text);
    assert.equal(result.models.length, 1, result.models.map((m) => `${m.name}: ${m.unresolved.map((u) => u.reason).join("; ")}`).join(" | "));
    assert.equal(result.models[0].params, 10 * 32 + 32);
    assert.equal(result.training?.epochs?.value, 3);
  });

  it("keeps a script's options through Trainer.add_argparse_args and a parser built with parents=[...]", async () => {
    const text = `from argparse import ArgumentParser
import torch
import pytorch_lightning as pl


class Backbone(torch.nn.Module):
    def __init__(self, hidden_dim=128):
        super().__init__()
        self.l1 = torch.nn.Linear(28 * 28, hidden_dim)

    def forward(self, x):
        return self.l1(x.view(x.size(0), -1))


class LitClassifier(pl.LightningModule):
    def __init__(self, backbone, learning_rate=1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.backbone = backbone

    def forward(self, x):
        return self.backbone(x)

    @staticmethod
    def add_model_specific_args(parent_parser):
        parser = ArgumentParser(parents=[parent_parser], add_help=False)
        parser.add_argument('--learning_rate', type=float, default=0.0001)
        return parser


def cli_main():
    parser = ArgumentParser()
    parser.add_argument('--hidden_dim', type=int, default=48)
    parser = pl.Trainer.add_argparse_args(parser)
    parser = LitClassifier.add_model_specific_args(parser)
    args = parser.parse_args()
    model = LitClassifier(Backbone(hidden_dim=args.hidden_dim), args.learning_rate)
    trainer = pl.Trainer.from_argparse_args(args)
    trainer.fit(model)


if __name__ == '__main__':
    cli_main()
`;
    const result = await analyze(text);
    const m = modelNamed(result, "model");
    assert.equal(m.params, 784 * 48 + 48, m.unresolved.map((u) => u.reason).join("; "));
  });
});
