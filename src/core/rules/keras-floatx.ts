import type { Statement } from "../python/ast";
import type { PythonFile } from "./python-file";
import { possibleValues } from "./static-values";
import { calleeName, keywordArgument, positionalArgument, type StatementPlace } from "../python/syntax-walk";
import { enclosingFunction } from "./run-target";

// Keras layers hold weights of the backend's floatx (keras.io/api/utils/config_utils/#setfloatx-function): a
// `set_floatx("float64")` before a model is built, at module level or in the function that builds it, makes its
// weights float64. The Keras stand-ins do not keep floatx, so the model's report takes it from here; torch's default
// dtype is kept by the interpreter itself (set_default_dtype in torch/bindings.ts).

/** The line of the `set_floatx("float64")` in force where `site` builds its model, or undefined. */
export function kerasFloat64Before(file: PythonFile, site: { statement: Statement; place: StatementPlace }): number | undefined {
  if (!file.source.text.includes("set_floatx")) return undefined;
  const scope = enclosingFunction(site.place);
  let last: { line: number; at: number; float64: boolean } | undefined;
  for (const { call, place } of file.calls) {
    if (call.pos.startIndex >= site.statement.pos.startIndex || calleeName(call) !== "set_floatx") continue;
    const where = enclosingFunction(place);
    if (where !== undefined && where !== scope) continue;
    const argument = positionalArgument(call, 0) ?? keywordArgument(call, "value");
    if (!argument) continue;
    const float64 = possibleValues(file, argument, place).some((v) => v.type === "str" && v.value === "float64");
    // The last floatx set before the model holds: one back to float32 undoes an earlier float64.
    if (!last || call.pos.startIndex > last.at) last = { line: call.pos.line, at: call.pos.startIndex, float64 };
  }
  return last?.float64 ? last.line : undefined;
}
