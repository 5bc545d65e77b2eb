// A script that trains through a function of another workspace file whose body calls Lightning's `Trainer.fit`: a
// Hydra script composing its config and calling `train.main(cfg)` of a module whose `main` builds the LightningModule,
// a Trainer and runs `trainer.fit(model, datamodule=...)`. Lightning's fit runs the backward passes itself
// (lightning.ai/docs/pytorch/stable/common/trainer.html#fit), so that body is the run's, read with the call's
// bindings as a body with a backward pass is.

/** A call of `fit(` on any object (the Trainer, however the code names it). */
const FIT_CALL = /\.fit\s*\(/;
/** A module that imports Lightning (1.x `pytorch_lightning`, 2.x `lightning`, `lightning.pytorch`); a scikit-learn
 *  estimator's fit in a module without it is no Lightning training. */
const IMPORTS_LIGHTNING = /^\s*(import|from)\s+(pytorch_lightning|lightning)\b/m;

/** Whether `body` (a function's text) calls a fit, in a module whose whole text `moduleText` imports Lightning. */
export function callsLightningFit(body: string, moduleText: string): boolean {
  return FIT_CALL.test(body) && IMPORTS_LIGHTNING.test(moduleText);
}
