// image-segmentation-keras (`keras_segmentation`) binds its `train` function to each model it builds
// (`model.train = MethodType(train, model)`), so `model.train(train_images=..., train_annotations=..., epochs=N)` runs
// `train(model, train_images, train_annotations, input_height=None, input_width=None, n_classes=None,
// verify_dataset=True, checkpoints_path=None, epochs=5, batch_size=2, validate=False, val_images=None,
// val_annotations=None, val_batch_size=2, auto_resume_checkpoint=False, load_weights=None, steps_per_epoch=512, ...)`,
// which fits the model on an endless generator of batch_size pairs for `epochs` epochs of steps_per_epoch steps
// (github.com/divamgupta/image-segmentation-keras, keras_segmentation/train.py, 0.3.0).
import type { Value } from "../interp/values";
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

/** Whether the file imports image-segmentation-keras. */
export function importsSegmentationKeras(text: string): boolean {
  return /^\s*(?:from|import)\s+keras_segmentation\b/m.test(text);
}

/** train()'s defaults and the positions its parameters take in a bound call (the model being the first). */
export const SEGMENTATION_TRAIN = {
  epochs: { default: 5, position: 7 },
  batch_size: { default: 2, position: 8 },
  steps_per_epoch: { default: 512, position: 15 },
} as const;

type Figure = { value: number; defaulted: boolean; detail: string };

const positive = (v: Value | undefined): number | undefined => (v?.kind === "int" && v.value > 0 ? v.value : undefined);

/** The epochs, batch and steps a bound `model.train(...)` of image-segmentation-keras runs; undefined where the call is
 *  not one (it names no training images, train()'s required parameter). */
export function segmentationKerasTrain(call: CallExpression, evaluate: (e: Expression) => Value | undefined, snippet: (e: Expression) => string): { epochs?: Figure; batch?: Figure; perEpoch?: Figure } | undefined {
  if (!(keywordArgument(call, "train_images") ?? positionalArgument(call, 0))) return undefined;
  const read = (name: keyof typeof SEGMENTATION_TRAIN): Figure | undefined => {
    const { default: fallback, position } = SEGMENTATION_TRAIN[name];
    const argument = keywordArgument(call, name) ?? positionalArgument(call, position);
    if (!argument) return { value: fallback, defaulted: true, detail: `keras_segmentation's train() default ${name}=${fallback} (image-segmentation-keras 0.3.0, keras_segmentation/train.py)` };
    const value = positive(evaluate(argument));
    return value === undefined ? undefined : { value, defaulted: false, detail: `keras_segmentation's train(${name}=${snippet(argument)})` };
  };
  return { epochs: read("epochs"), batch: read("batch_size"), perEpoch: read("steps_per_epoch") };
}
