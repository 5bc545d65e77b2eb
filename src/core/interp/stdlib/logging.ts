import { nativeClass } from "../classes";
import { NONE, int } from "../construct";
import type { Value } from "../values";
import { fn, namespace, quiet, type StandardLibrary } from "./native";

/** logging and warnings: they only have effects outside the model, so they do nothing. */
export function installLogging({ modules, objectClass }: StandardLibrary): void {
  // Logging only has effects outside the model: any method of a logger (libraries add their own, warning_once) does nothing.
  const logger = nativeClass("logging.Logger", [objectClass], { info: () => NONE, warning: () => NONE, debug: () => NONE, error: () => NONE, warn: () => NONE, setLevel: () => NONE, __getattr__: () => fn("log", () => NONE) });
  const loggerInstance: Value = { kind: "instance", cls: logger, attributes: new Map(), id: -3 };
  modules.set("logging", namespace("logging", { getLogger: fn("getLogger", () => loggerInstance), basicConfig: quiet("basicConfig"), INFO: int(20), WARNING: int(30), DEBUG: int(10) }));
  modules.set("warnings", namespace("warnings", { warn: quiet("warn"), filterwarnings: quiet("filterwarnings"), simplefilter: quiet("simplefilter") }));
}
