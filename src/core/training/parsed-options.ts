import { keywordArgument, type CallExpression } from "../python/syntax-walk";

// Whether a file's argparse options can reach its run: a parser nobody parses configures nothing (a script that
// declares `--max_steps` but trains by its own `for epoch in range(250)` loop never reads it).

const PARSES = /\.\s*parse_(known_|intermixed_)?args\s*\(|from_argparse_args\s*\(|parse_args_into_dataclasses\s*\(/;
// A parser handed to other code (`return parser` from get_parser()) may be parsed there.
const HANDS_ON = /\breturn\s+[\w.]*parser\b|\bparents\s*=/i;

/** True when the file's text parses its command line, hands its parser on, or reads one of its options (`dests`)
 *  as an attribute, as a function given the parsed namespace does: then the options' defaults can be the run's. */
export function argparseOptionsParsed(text: string, dests: readonly string[]): boolean {
  if (PARSES.test(text) || HANDS_ON.test(text)) return true;
  return dests.some((dest) => new RegExp(`\\.${dest.replace(/[^\w]/g, "")}\\b`).test(text));
}

/** The attribute an `add_argument(...)` call sets, as argparse names it: dest=, else the first long option
 *  ('-b', '--batch-size' → batch_size), else the first name. */
export function argparseDest(call: CallExpression): string {
  const flags = call.args.flatMap((a) => (a.kind === "positional" && a.value.type === "str" && a.value.value ? [a.value.value] : []));
  const flag = flags.find((f) => f.startsWith("--")) ?? flags[0] ?? "";
  const destArgument = keywordArgument(call, "dest");
  return destArgument?.type === "str" && destArgument.value ? destArgument.value : flag.replace(/^-+/, "").replace(/-/g, "_");
}
