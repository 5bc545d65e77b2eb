// A class of the project's own named DataLoader (`from data_loader import DataLoader`, a Keras-era image reader with
// its own load_batch(batch_size=1)) is not torch.utils.data.DataLoader: torch's default batch_size=1 is not its batch.
import type { Value } from "../interp/values";
import { ownClass } from "./own-code";

/** Whether a loader's callee is a class of the project's own code with no library DataLoader among its bases. */
export function ownNonTorchLoader(callee: Value | undefined): boolean {
  return callee?.kind === "class" && ownClass(callee) && !callee.mro.some((c) => !ownClass(c) && /DataLoader$/.test(c.name));
}
