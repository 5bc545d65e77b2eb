import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Ultralytics' `model.train(data=..., ...)`: keyword settings, the rest from its default.yaml (epochs 100, batch 16,
// amp on) (src/core/training/ultralytics-train.ts).
const DETECTOR = (settings: string) => `from ultralytics import YOLO

if __name__ == "__main__":
    detector = YOLO("yolov8s.pt")
    detector.train(data="parcels.yaml"${settings})
`;

const planOf = async (source: string) => (await analyze(source)).training ?? {};

describe("Ultralytics model.train (ultralytics-train.ts)", function () {
  this.timeout(20_000);
  it("reads the epochs and batch the call names, training in float16 with AMP", async () => {
    const plan = await planOf(DETECTOR(", imgsz=512, epochs=40, batch=12"));
    assert.equal(plan.epochs?.value, 40);
    assert.equal(plan.batch?.value, 12);
    assert.equal(plan.precision?.value, "fp16");
  });

  it("takes default.yaml's 100 epochs of 16 where the call names neither", async () => {
    const plan = await planOf(DETECTOR(""));
    assert.equal(plan.epochs?.value, 100);
    assert.equal(plan.batch?.value, 16);
  });

  it("leaves the batch to AutoBatch (batch=-1), the epochs to a time budget, and fp32 with amp=False", async () => {
    const auto = await planOf(DETECTOR(", batch=-1, time=2.5, amp=False"));
    assert.equal(auto.batch, undefined);
    assert.equal(auto.epochs, undefined);
    assert.notEqual(auto.precision?.value, "fp16");
  });

  it("a PyTorch module's train() in the same file is no Ultralytics run", async () => {
    const plan = await planOf(`from ultralytics import YOLO
import torch

net = torch.nn.Linear(4, 2)
net.train()
detector = YOLO("yolov8s.pt")
results = detector.predict("street.jpg")
`);
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.precision, undefined);
  });
});
