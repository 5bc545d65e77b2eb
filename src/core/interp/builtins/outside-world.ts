import { NONE, unknown } from "../construct";
import { PythonError } from "../values";
import { builtin, type BuiltinScope } from "./builtin";

/** print, open, input, exit and quit: what reaches outside the program, which the analysis never does. */
export function installOutsideWorld({ names }: BuiltinScope): void {
  names.set("print", builtin("print", () => NONE));
  names.set("open", builtin("open", () => unknown("file contents are not read by the analyzer")));
  names.set("input", builtin("input", () => unknown("user input")));
  names.set("exit", builtin("exit", () => { throw new PythonError("exit() called"); }));
  names.set("quit", names.get("exit")!);
}
