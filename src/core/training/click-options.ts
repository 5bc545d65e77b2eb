// click's command-line options (click.palletsprojects.com/en/stable/options/): `@click.option("--epochs", default=3)`
// on `def main(**kwargs)` calls main with each option's default unless the command line says otherwise, and
// `train(**kwargs)` inside passes them on by name, so `train(epochs, ...)`'s parameters are those defaults.
import { NONE, bool } from "../interp/construct";
import type { Value } from "../interp/values";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { callsAnywhere, keywordArgument, type CallExpression } from "../python/syntax-walk";
import type { ParameterBindings } from "./evaluate-site";

type Options = Map<string, { default?: Expression; isFlag: boolean }>;

/** The option a `click.option(*decls, ...)` decorator adds, by the parameter name click gives it. */
function optionName(call: CallExpression): string | undefined {
  const decls = call.args.flatMap((a) => (a.kind === "positional" && a.value.type === "str" && a.value.value ? [a.value.value] : []));
  // An identifier among the declarations names the parameter; else the first long option, else the first short one,
  // with dashes made underscores (click's Option._parse_decls). `--flag/--no-flag` is named by its first half.
  const explicit = decls.find((d) => /^[A-Za-z_]\w*$/.test(d));
  if (explicit) return explicit;
  const names = decls.flatMap((d) => d.split("/")).map((d) => d.trim()).filter((d) => d.startsWith("-"));
  const chosen = names.find((d) => d.startsWith("--")) ?? names[0];
  return chosen ? chosen.replace(/^-+/, "").replace(/-/g, "_").toLowerCase() : undefined;
}

const isClickOption = (e: Expression, text: string): e is CallExpression =>
  e.type === "call" && /^(click\.)?option$/.test(text.slice(e.func.pos.startIndex, e.func.pos.endIndex)) && (text.slice(e.func.pos.startIndex, e.func.pos.endIndex) !== "option" || /from\s+click\s+import/.test(text));

/**
 * Bindings for a file's click commands: a decorated function's parameters take their options' defaults, and a
 * module-level function the command calls with its `**kwargs` takes them by name. `evaluate` works out a default
 * written at module level (`default=DEFAULT_SEED`).
 */
export function clickBindings(body: Statement[], text: string, evaluate: (e: Expression) => Value | undefined): ParameterBindings {
  const commands = new Map<FunctionDefinition, Options>();
  for (const s of body) {
    if (s.type !== "function") continue;
    const options: Options = new Map();
    for (const d of s.decorators) {
      if (!isClickOption(d, text)) continue;
      const name = optionName(d);
      const flag = keywordArgument(d, "is_flag");
      if (name) options.set(name, { default: keywordArgument(d, "default"), isFlag: flag?.type === "constant" && flag.value === "True" });
    }
    if (options.size > 0) commands.set(s, options);
  }
  if (commands.size === 0) return () => undefined;
  // Functions a command calls with its own **kwargs: they receive the options by name.
  const forwarded = new Map<string, Options>();
  for (const [command, options] of commands) {
    const rest = command.params.find((p) => p.kind === "doublestar")?.name;
    if (!rest) continue;
    for (const call of callsAnywhere(command.body)) {
      const passesAll = call.args.some((a) => a.kind === "doublestar" && a.value.type === "name" && a.value.id === rest);
      if (passesAll && call.func.type === "name") forwarded.set(call.func.id, options);
    }
  }
  const topLevel = new Set(body.filter((s): s is FunctionDefinition => s.type === "function"));
  const memo = new Map<Expression | undefined, Value | undefined>();
  return (fn, name) => {
    const option = (commands.get(fn) ?? (topLevel.has(fn) ? forwarded.get(fn.name) : undefined))?.get(name);
    if (!option) return undefined;
    // No default: None, or False for a flag (click's Option.get_default).
    if (!option.default) return option.isFlag ? bool(false) : NONE;
    if (!memo.has(option.default)) memo.set(option.default, evaluate(option.default));
    const value = memo.get(option.default);
    return value && value.kind !== "unknown" ? value : undefined;
  };
}
