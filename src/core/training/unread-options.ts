// A command-line option named for steps that the code never reads sets nothing: `--num_steps` declared "max episode
// length" but never used (the episodes end when the environment says) is no run length. Read from the text: the
// option's attribute (`args.num_steps`), a key or getattr naming it, or the parsed namespace handed on whole (to a
// trainer of another file, to `vars(args)`), where any option may be read.

/** Names the file binds to a parser's result (`args = parser.parse_args()`, `opt, _ = p.parse_known_args()`). */
function namespaceNames(text: string): string[] | undefined {
  const names: string[] = [];
  for (const m of text.matchAll(/^[ \t]*(\w+)(?:\s*,\s*\w+)?\s*=\s*[\w.]+\.parse(?:_known)?_args\s*\(/gm)) names.push(m[1]);
  // A parser whose result a function returns (`return parser.parse_args()`) goes wherever its callers hand it.
  return /return\s+[\w.]+\.parse(?:_known)?_args\s*\(/.test(text) ? undefined : names;
}

/** Whether the code may read the option `dest` beyond declaring it. */
export function optionRead(text: string, dest: string): boolean {
  const escaped = dest.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (new RegExp(`\\.${escaped}\\b|['"]${escaped}['"]`).test(text)) return true;
  const names = namespaceNames(text);
  if (names === undefined || names.length === 0) return true;
  return names.some((n) => new RegExp(`[(,=]\\s*${n}\\s*[,)]|vars\\s*\\(\\s*${n}\\b|\\b${n}\\.__dict__|\\*\\*\\s*${n}\\b`).test(text));
}
