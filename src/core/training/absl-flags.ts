// absl's command-line flags (abseil.io/docs/python/guides/flags): `flags.DEFINE_integer('epochs', 2, 'help')` makes
// `FLAGS.epochs`, 2 unless the command line says otherwise, as argparse's `add_argument(default=)` does.
import type { Expression } from "../python/ast";
import { keywordArgument, positionalArgument, type CallExpression } from "../python/syntax-walk";

// The DEFINE_* functions whose first two parameters are the flag's name and default (absl/flags/_defines.py), also
// through TF 1.x's re-export (`tf.app.flags`, `tf.compat.v1.flags`).
const DEFINE = /(^|\.)(flags\.)?DEFINE_(integer|float|string|bool|boolean|enum|list)$/;

export interface AbslFlag {
  name: string;
  default: Expression | undefined;
}

/** The flag a `flags.DEFINE_*(name, default, ...)` call defines, or undefined for any other call. */
export function abslFlagDefinition(call: CallExpression, callee: string): AbslFlag | undefined {
  if (!DEFINE.test(callee)) return undefined;
  const name = keywordArgument(call, "name") ?? positionalArgument(call, 0);
  if (name?.type !== "str" || !name.value) return undefined;
  return { name: name.value, default: keywordArgument(call, "default") ?? positionalArgument(call, 1) };
}
