// A network whose every parameter is out of autograd once the script has built it (`Vgg16(requires_grad=False)`
// freezing itself in __init__, `net.requires_grad_(False)`) takes no optimizer step: an optimizer skips parameters
// whose .grad is None (pytorch.org/docs/stable/generated/torch.optim.Optimizer.step.html; autograd computes no
// gradient for a tensor with requires_grad=False). It is used by the run, not trained by it.

/** Turning gradients back on somewhere in the file (a later fine-tuning stage) keeps the network a trained one. */
const UNFREEZES = /\.requires_grad\s*=\s*True|requires_grad_\(\s*(True)?\s*\)/;

/** Why a model with parameters, none of them trainable after the script built it, has no training run; undefined
 *  when some parameter trains or the file turns gradients back on. */
export function frozenParametersReason(model: { name: string; params: number; trainableParams: number }, text: string): string | undefined {
  if (model.params === 0 || model.trainableParams > 0 || UNFREEZES.test(text)) return undefined;
  return `every parameter of ${model.name} has requires_grad False once it is built, so no optimizer step changes it: a network the run uses but does not train, so it has no training run of its own`;
}
