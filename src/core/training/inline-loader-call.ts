// A loader built inline where it is handed on: `Trainer(model, criterion, optimizer, train_set.get_dataloader(100),
// epochs)` passes the loader a workspace method builds straight to the object that walks it, binding it to no name.
// The name that says it is a loader is then the callee's own (`get_dataloader`, `make_train_loader`), read as the
// name a loader is bound to is (`train_loader = train_set.get_dataloader(100)`).

/** Whether a call whose value no name holds is named for building a training loader: its callee's last name ends in
 *  loader (or `dl`) and names no test, validation or evaluation split. */
export function inlineLoaderCall(callee: string, assignedTo: readonly string[]): boolean {
  if (assignedTo.length > 0) return false;
  const last = callee.split(".").pop() ?? "";
  return /loader$|(^|_)dl$/i.test(last) && !/test|val|eval/i.test(last);
}
