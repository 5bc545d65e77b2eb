// A script can put its model in training mode and walk the training data computing a loss, or its outputs, without
// ever training it: `model.train()` (nn.Module's mode switch: dropout and batch-norm behave as in training,
// pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.train), then `for epoch in range(1): for
// images, labels in train_loader: loss = criterion(model(images), labels)`, with no backward pass, optimizer or fit
// anywhere. Its parameters never change, so its epoch loop is no training run. The test reads the code past its
// imports: with the mode switch and the names of training data (`train_loader`) set aside, no training word is left.
import { codePastImports, TRAINING_WORDS } from "./inference-only";
import { TRAINING_DATA_NAME } from "./data-only-script";

/** `.train()`, `.train(True)`, `.train(mode=False)`: the mode switch, which trains nothing. */
const MODE_SWITCH = /\.train\s*\(\s*(?:(?:mode\s*=\s*)?(?:True|False))?\s*\)/g;

/** Whether the code past its imports names no training but nn.Module's mode switch (and names of training data). */
export function namesOnlyModeSwitch(text: string): boolean {
  const code = codePastImports(text);
  if (!MODE_SWITCH.test(code)) return false;
  MODE_SWITCH.lastIndex = 0;
  return !TRAINING_WORDS.test(code.replace(MODE_SWITCH, "").replace(TRAINING_DATA_NAME, "data"));
}
