import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// detectron2's DefaultTrainer runs cfg.SOLVER.MAX_ITER steps at cfg.SOLVER.IMS_PER_BATCH images a batch
// (src/core/training/detectron2-trainer.ts). Scripts written for this test.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (setup: string, build = "DefaultTrainer(cfg)") => `import os
from detectron2 import model_zoo
from detectron2.config import get_cfg
from detectron2.engine import DefaultTrainer
from detectron2.data.datasets import register_coco_instances
from detectron2.evaluation import COCOEvaluator

register_coco_instances("leaves_train", {}, "leaves/train.json", "leaves/images")


class LeafTrainer(DefaultTrainer):
    @classmethod
    def build_evaluator(cls, cfg, dataset_name, output_folder=None):
        return COCOEvaluator(dataset_name, cfg, False, output_folder)


cfg = get_cfg()
${setup}
cfg.DATASETS.TRAIN = ("leaves_train",)
cfg.MODEL.ROI_HEADS.NUM_CLASSES = 3
os.makedirs(cfg.OUTPUT_DIR, exist_ok=True)
trainer = ${build}
trainer.resume_or_load(resume=False)
trainer.train()
`;

describe("detectron2's DefaultTrainer (src/core/training/detectron2-trainer.ts)", () => {
  it("runs the iterations and images a batch written on the config", async () => {
    const plan = await planOf(script(`cfg.merge_from_file(model_zoo.get_config_file("COCO-Detection/retinanet_R_50_FPN_3x.yaml"))\ncfg.SOLVER.IMS_PER_BATCH = 4\ncfg.SOLVER.MAX_ITER = 1500`));
    assert.equal(plan.steps?.value, 1500);
    assert.equal(plan.batch?.value, 4);
    assert.equal(plan.precision?.value ?? "fp32", "fp32");
  });

  it("a class of the file derived from it trains the same way, with the zoo file's schedule where nothing is written", async () => {
    const plan = await planOf(script(`cfg.merge_from_file(model_zoo.get_config_file("COCO-InstanceSegmentation/mask_rcnn_R_50_FPN_1x.yaml"))`, "LeafTrainer(cfg)"));
    assert.equal(plan.steps?.value, 90000);
    assert.equal(plan.batch?.value, 16);
  });

  it("a config get_cfg() built with nothing merged takes detectron2's defaults", async () => {
    const plan = await planOf(script(`cfg.SOLVER.BASE_LR = 0.001`));
    assert.equal(plan.steps?.value, 40000);
    assert.equal(plan.batch?.value, 16);
  });

  it("AMP turned on trains in fp16", async () => {
    const plan = await planOf(script(`cfg.SOLVER.MAX_ITER = 800\ncfg.SOLVER.AMP.ENABLED = True`));
    assert.equal(plan.steps?.value, 800);
    assert.equal(plan.precision?.value, "fp16");
  });

  it("a workspace YAML merged by path leaves the figures it may set unknown", async () => {
    const plan = await planOf(script(`cfg.merge_from_file("configs/leaves.yaml")`));
    assert.equal(plan.steps, undefined);
    assert.equal(plan.batch, undefined);
  });
});
