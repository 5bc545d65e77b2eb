import assert from "node:assert/strict";
import { findingsInProject, ofRule } from "./helpers";

/** The imported modules, as files of the project the analyzer reads: a Dropout model and a criterion of unknown
 *  layers (it calls a function from elsewhere), so only how it is used can tell what it is. */
const OTHERS = {
  "/project/models.py": `import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, labels=None):
        return self.fc(self.drop(x))
`,
  "/project/losses.py": `import torch.nn as nn
from smoothing import smooth

class LabelSmoothedCE(nn.Module):
    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, inputs, targets):
        return smooth(inputs, targets, self.eps)
`,
};
const findingsOf = (text: string) => findingsInProject(text, OTHERS);

/** A training script whose loss is an imported module of unknown layers (not named *Loss), passed by keyword to a
 *  training and a validation function, as tutorials do. `backward` is how it is written in each variant. */
const script = (lossLine: string, backward: string) => `import torch
from losses import LabelSmoothedCE
from models import Net

def train(loader, model, criterion, optimizer):
    model.train()
    for x, y in loader:
        predicted = model(x)
        ${lossLine}
        ${backward}
        optimizer.step()

def validate(loader, model, criterion):
    model.eval()
    with torch.no_grad():
        for x, y in loader:
            predicted = model(x)
            loss = criterion(inputs=predicted, targets=y)

def main():
    model = Net()
    criterion = LabelSmoothedCE(eps=0.1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = []
    train(loader, model, criterion=criterion, optimizer=optimizer)
    validate(loader, model, criterion=criterion)

main()
`;

const gl005 = async (text: string) => ofRule(await findingsOf(text), "GL005").filter((f) => /'criterion'/.test(f.message));

describe("GL005 leaves loss criteria alone: what backward() differentiates is a loss, not a model", () => {
  it("a criterion whose output is backpropagated through arithmetic gets no finding", async () => {
    assert.deepEqual(await gl005(script("loss = criterion(inputs=predicted, targets=y)", "(loss / 4).backward()")), []);
  });

  it("a criterion called on the model's output inline and backpropagated directly gets no finding", async () => {
    assert.deepEqual(await gl005(script("loss = criterion(model(x), y)", "loss.backward()")), []);
  });

  it("the same module is still flagged when its output is never backpropagated", async () => {
    const found = await gl005(script("loss = criterion(inputs=predicted, targets=y)", "optimizer.zero_grad()"));
    assert.equal(found.length, 1, "without backward() nothing says it is a loss");
  });

  it("a model whose output field is backpropagated (outputs.loss) is still a model", async () => {
    const text = `import torch
from models import Net

model = Net()
for x, y in []:
    features = torch.relu(x)
    outputs = model(features, labels=y)
    outputs.loss.backward()
with torch.no_grad():
    print(model(torch.zeros(1, 4)))
`;
    assert.equal(ofRule(await findingsOf(text), "GL005").length, 1);
  });
});
