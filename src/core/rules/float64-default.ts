import type { Statement } from "../python/ast";
import type { PythonFile } from "./python-file";
import { possibleValues } from "./static-values";
import { calleeName, keywordArgument, positionalArgument, type StatementPlace } from "../python/syntax-walk";
import { enclosingFunction } from "./run-target";

// Parameters are made in the default dtype (pytorch.org/docs/stable/generated/torch.set_default_dtype.html), and
// Keras layers in floatx (keras.io/api/utils/config_utils): a float64 default set before a model is built, at module
// level or in the function that builds it, makes its weights float64. The interpreter builds tensors in float32, so
// the model's report takes the precision from here.

/** The line of the float64 default dtype in force where `site` builds its model (module level or its function), or undefined. */
export function float64DefaultBefore(file: PythonFile, site: { statement: Statement; place: StatementPlace }): number | undefined {
  if (!/set_default_dtype|set_default_tensor_type|set_floatx/.test(file.source.text)) return undefined;
  const scope = enclosingFunction(site.place);
  let last: { line: number; at: number; float64: boolean } | undefined;
  for (const { call, place } of file.calls) {
    if (call.pos.startIndex >= site.statement.pos.startIndex) continue;
    const where = enclosingFunction(place);
    if (where !== undefined && where !== scope) continue;
    const name = calleeName(call);
    if (name !== "set_default_dtype" && name !== "set_default_tensor_type" && name !== "set_floatx") continue;
    const argument = positionalArgument(call, 0) ?? keywordArgument(call, name === "set_default_dtype" ? "d" : name === "set_floatx" ? "value" : "t");
    if (!argument) continue;
    const values = possibleValues(file, argument, place);
    const float64 =
      name === "set_default_dtype" ? values.some((v) => /^torch\.(float64|double)$/.test(file.qualify(v) ?? ""))
      : name === "set_default_tensor_type" ? values.some((v) => /(^|\.)DoubleTensor$/.test(v.type === "str" ? (v.value ?? "") : (file.qualify(v) ?? "")))
      : name === "set_floatx" ? values.some((v) => v.type === "str" && v.value === "float64")
      : false;
    // The last default set before the model holds: one back to float32 undoes an earlier float64.
    if (!last || call.pos.startIndex > last.at) last = { line: call.pos.line, at: call.pos.startIndex, float64 };
  }
  return last?.float64 ? last.line : undefined;
}
